"""The removable-media check against a fake /proc and /sys (and real mount-point folders)."""

from __future__ import annotations

from pathlib import Path

import pytest

from secrecy_desk.core import media
from secrecy_desk.core.errors import ValidationError

#: name: (device path under /sys/devices, the disk's removable flag, mount point under fs/)
LAYOUT = {
    "sda": ("pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda", "0", ""),
    "sdb": ("pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdb", "0", "data disk"),
    "sdc": ("pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/block/sdc", "1", "stick"),
    # a USB hard disk that says it is not removable: the USB bus gives it away
    "sde": ("pci0000:00/0000:00:14.0/usb3/3-2/3-2:1.0/host7/block/sde", "0", "usbhd"),
    # a card reader on SATA that says removable
    "sdf": ("pci0000:00/0000:00:17.0/ata4/host3/block/sdf", "1", "card"),
}


def fake_system(root: Path) -> tuple[Path, Path, Path]:
    proc, sys_, fs = root / "proc", root / "sys", root / "fs"
    (proc / "self").mkdir(parents=True)
    lines = ["proc /proc proc rw 0 0"]
    for name, (rel, flag, point) in LAYOUT.items():
        disk = sys_ / "devices" / rel
        part = disk / f"{name}1"
        part.mkdir(parents=True)
        (disk / "removable").write_text(flag + "\n")
        block = sys_ / "class" / "block"
        block.mkdir(parents=True, exist_ok=True)
        (block / f"{name}1").symlink_to(part)
        (block / name).symlink_to(disk)
        where = (fs / point) if point else Path("/")
        if point:
            where.mkdir(parents=True)
        mount = str(where.resolve()).replace(" ", "\\040")
        lines.append(f"/dev/{name}1 {mount} ext4 rw 0 0")
    (proc / "self" / "mounts").write_text("\n".join(lines) + "\n")
    return proc, sys_, fs.resolve()


@pytest.mark.parametrize(
    ("where", "removable"),
    [
        ("data disk/backup/vault.bak", False),
        ("stick/audit.csv", True),
        ("stick/new folder/audit.csv", True),
        ("usbhd/audit.csv", True),
        ("card/audit.csv", True),
    ],
)
def test_removable_disks_by_sysfs(tmp_path: Path, where: str, removable: bool) -> None:
    proc, sys_, fs = fake_system(tmp_path)
    assert media.is_removable(fs / where, proc=proc, sys=sys_) is removable


@pytest.mark.parametrize(
    "path", ["/media/user/KINGSTON/audit.csv", "/run/media/clerk/STICK/a.csv", "/media/x"]
)
def test_desktop_mount_folders_are_refused(tmp_path: Path, path: str) -> None:
    proc, sys_, _ = fake_system(tmp_path)
    assert media.is_removable(Path(path), proc=proc, sys=sys_)


def test_a_fixed_disk_is_allowed(tmp_path: Path) -> None:
    proc, sys_, fs = fake_system(tmp_path)
    media.require_fixed_disk(fs / "data disk" / "a.csv", proc=proc, sys=sys_)
    assert not media.is_removable(Path("/home/clerk/a.csv"), proc=proc, sys=sys_)
    with pytest.raises(ValidationError, match="removable media"):
        media.require_fixed_disk(fs / "stick" / "a.csv", proc=proc, sys=sys_)


def test_mount_lookup_takes_the_longest_prefix() -> None:
    table = [media.Mount("/dev/sda2", "/", "ext4"), media.Mount("/dev/sdc1", "/mnt/s", "vfat")]
    assert media.mount_of(Path("/mnt/s/x"), table) == table[1]
    assert media.mount_of(Path("/mnt/stick"), table) == table[0]
    assert media.mount_of(Path("/mnt/s"), table) == table[1]


def _table(*lines: str, root: Path) -> Path:
    proc = root / "proc"
    (proc / "self").mkdir(parents=True, exist_ok=True)
    (proc / "self" / "mounts").write_text("\n".join(lines) + "\n")
    return proc


@pytest.mark.parametrize(
    ("fstype", "reason"),
    [
        ("tmpfs", "memory"),
        ("ramfs", "memory"),
        ("nfs4", "network"),
        ("cifs", "network"),
        ("fuse.sshfs", "network"),
        ("ext4", None),
    ],
)
def test_memory_and_network_filesystems_are_refused(
    tmp_path: Path, fstype: str, reason: str | None
) -> None:
    where = (tmp_path / "mnt").resolve()
    where.mkdir()
    proc = _table("/dev/vda / ext4 rw 0 0", f"srv {where} {fstype} rw 0 0", root=tmp_path)
    assert media.refusal(where / "a.csv", proc=proc, sys=tmp_path / "sys") == reason


def test_a_symlink_is_judged_by_where_it_points(tmp_path: Path) -> None:
    proc, sys_, fs = fake_system(tmp_path)
    link = fs / "data disk" / "innocent"
    link.symlink_to(fs / "stick")
    assert media.is_removable(link / "a.csv", proc=proc, sys=sys_)
    with pytest.raises(ValidationError, match="removable media"):
        media.require_fixed_disk(link / "a.csv", proc=proc, sys=sys_)


def test_dot_dot_is_resolved_before_the_removable_check(tmp_path: Path) -> None:
    proc, sys_, _ = fake_system(tmp_path)
    assert not media.is_removable(Path("/media/../tmp/x.csv"), proc=proc, sys=sys_)
    assert media.is_removable(Path("/tmp/../media/x.csv"), proc=proc, sys=sys_)  # noqa: S108 - a path judged, never written


def test_the_real_dev_shm_is_refused() -> None:
    shm = Path("/dev/shm")  # noqa: S108 - judged, never written
    mount = media.mount_of(shm, media.mounts())
    if mount is None or mount.fstype != "tmpfs":
        pytest.skip("no tmpfs on /dev/shm here")
    with pytest.raises(ValidationError, match="memory filesystem"):
        media.require_fixed_disk(shm / "export.csv")


def test_an_existing_file_is_kept_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    media.refuse_existing(target, overwrite=False)
    target.write_text("x")
    with pytest.raises(ValidationError, match="already exists"):
        media.refuse_existing(target, overwrite=False)
    media.refuse_existing(target, overwrite=True)

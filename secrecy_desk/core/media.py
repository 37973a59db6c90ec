"""May an export or backup be written here? Only to a fixed local disk of this workstation.

The path is judged by what it *resolves to*: ``..`` and symlinks are resolved first
(``os.path.realpath``), so neither ``/media/../tmp/x`` (a fixed disk) is refused by its spelling
nor a symlink into a stick accepted by its name. Then its mount is looked up in
``/proc/self/mounts`` and refused when

* its filesystem lives in memory (tmpfs, ramfs: ``/dev/shm``, ``/run``, often ``/tmp``) — a
  plaintext copy there outlives the program unnoticed, or lands in swap;
* its filesystem is a network or FUSE one (NFS, SMB/CIFS, sshfs, …) — the copy leaves the machine;
* its block device is removable: ``/sys/class/block/<dev>`` (or its parent disk) says
  ``removable`` = 1 or sits on a USB bus, or the mount lives under ``/media`` or ``/run/media``
  (where desktops mount sticks).

The roots are parameters so tests can build a fake ``/proc`` and ``/sys``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Mount:
    device: str
    point: str
    fstype: str


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def mounts(proc: Path = Path("/proc")) -> list[Mount]:
    try:
        text = (proc / "self" / "mounts").read_text()
    except OSError:
        return []
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append(Mount(_unescape(parts[0]), _unescape(parts[1]), parts[2]))
    return out


def mount_of(path: Path, table: list[Mount]) -> Mount | None:
    target = str(path)
    best: Mount | None = None
    for m in table:
        point = m.point.rstrip("/") or "/"
        inside = target == point or target.startswith(point + "/") or point == "/"
        if inside and (best is None or len(point) > len(best.point.rstrip("/") or "/")):
            best = m
    return best


def resolved(path: Path) -> Path:
    """``path`` with ``..`` and every symlink resolved (as far as it exists)."""
    return Path(os.path.realpath(path))


def _existing_parent(path: Path) -> Path:
    p = resolved(path)
    while not p.exists() and p != p.parent:
        p = p.parent
    return p.resolve()


_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb")

#: Filesystems that keep their files in memory.
MEMORY_FS = frozenset({"tmpfs", "ramfs", "devtmpfs", "hugetlbfs"})
#: Filesystems whose files leave the machine (or may: FUSE can be anything).
NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "gfs2",
        "ocfs2",
        "davfs",
        "fuse",
        "fuseblk",
        "sshfs",
    }
)


def refusal(path: Path, *, proc: Path = Path("/proc"), sys: Path = Path("/sys")) -> str | None:
    """Why ``path`` is no place for an export (``"removable"``, ``"memory"``, ``"network"``),
    or ``None`` for a fixed local disk."""
    target = resolved(path)
    # Where desktops mount sticks is refused by name too, mounted or not: a path there that
    # does not exist yet would otherwise be judged by the disk of the nearest existing parent.
    if (str(target) + "/").startswith(_REMOVABLE_ROOTS):
        return "removable"
    mount = mount_of(_existing_parent(target), mounts(proc))
    if mount is None:
        return None
    kind = mount.fstype.split(".", 1)[0]
    if mount.fstype in MEMORY_FS:
        return "memory"
    if mount.fstype in NETWORK_FS or kind in NETWORK_FS:
        return "network"
    return "removable" if _removable_mount(mount, proc=proc, sys=sys) else None


def is_removable(path: Path, *, proc: Path = Path("/proc"), sys: Path = Path("/sys")) -> bool:
    return refusal(path, proc=proc, sys=sys) == "removable"


def _removable_mount(mount: Mount, *, proc: Path, sys: Path) -> bool:
    if (mount.point.rstrip("/") + "/").startswith(_REMOVABLE_ROOTS):
        return True
    if not mount.device.startswith("/dev/"):
        return False
    dev = (
        os.path.basename(os.path.realpath(mount.device))
        if proc == Path("/proc")
        else (os.path.basename(mount.device))
    )
    node = sys / "class" / "block" / dev
    for candidate in (node, node.parent if node.is_symlink() else node):
        flag = candidate / "removable"
        if flag.exists() and flag.read_text().strip() == "1":
            return True
    try:
        real = os.path.realpath(node)
    except OSError:
        return False
    if "/usb" in real:
        return True
    parent = Path(real).parent / "removable"
    return parent.exists() and parent.read_text().strip() == "1"


class NotFixedDisk(ValidationError):
    """The destination is not a fixed local disk; ``reason`` says what it is."""

    def __init__(self, text: str, /, *, reason: str, **params: object) -> None:
        super().__init__(text, **params)
        self.reason = reason


_REFUSED = {
    "removable": QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is on removable media. Exports and backups may only be written to a fixed "
        "local disk of this workstation; the attempt has been recorded.",
    ),
    "memory": QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is on a memory filesystem (tmpfs or ramfs), where a plaintext copy would go "
        "unnoticed. Exports and backups may only be written to a fixed local disk of this "
        "workstation; the attempt has been recorded.",
    ),
    "network": QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is on a network filesystem, so the copy would leave this workstation. Exports "
        "and backups may only be written to a fixed local disk; the attempt has been recorded.",
    ),
}


def require_fixed_disk(path: Path, **roots: Path) -> None:
    """Raise a clear :class:`NotFixedDisk` when ``path`` (resolved) is not on a fixed disk."""
    reason = refusal(path, **roots)
    if reason is not None:
        shown = resolved(path)
        raise NotFixedDisk(
            _REFUSED[reason],
            reason=reason,
            path=str(path) if shown == path.absolute() else f"{path} → {shown}",
        )


class FileExists(ValidationError):
    """The destination exists and replacing it was not asked for (the GUI asks, then retries)."""


def refuse_existing(path: Path, *, overwrite: bool) -> None:
    """An existing file is replaced only when the user asked for it."""
    if path.exists() and not overwrite:
        raise FileExists(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} already exists; nothing was written. Choose another name, or allow "
                "replacing it (--overwrite).",
            ),
            path=str(path),
        )

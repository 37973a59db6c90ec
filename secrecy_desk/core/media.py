"""Is a destination on removable media? Exports and backups go only to fixed local disks.

Linux: the path's mount point is looked up in ``/proc/self/mounts``; its block device is
removable when ``/sys/class/block/<dev>`` (or its parent disk) says ``removable`` = 1 or sits on a
USB bus, or when the mount lives under ``/media`` or ``/run/media`` (where desktops mount
sticks). The roots are parameters so tests can build a fake ``/proc`` and ``/sys``.
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


def _existing_parent(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p.resolve()


_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb")


def is_removable(path: Path, *, proc: Path = Path("/proc"), sys: Path = Path("/sys")) -> bool:
    # Where desktops mount sticks is refused by name too, mounted or not: a path there that
    # does not exist yet would otherwise be judged by the disk of the nearest existing parent.
    if (str(path.absolute()) + "/").startswith(_REMOVABLE_ROOTS):
        return True
    where = _existing_parent(path)
    mount = mount_of(where, mounts(proc))
    if mount is None:
        return False
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


def require_fixed_disk(path: Path, **roots: Path) -> None:
    """Raise a clear :class:`ValidationError` when ``path`` is on removable media."""
    if is_removable(path, **roots):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is on removable media. Exports and backups may only be written to a "
                "fixed local disk of this workstation; the attempt has been recorded.",
            ),
            path=str(path),
        )

"""Helpers of the fault suite: small filesystems mounted for one test, and the figures each
test prints (tried, detected, lost) for the closing report."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def figure(name: str, *, tried: int, detected: int, lost: int, **more: object) -> None:
    """Print one line the suite's reader collects: what was tried, caught, and lost."""
    extra = "".join(f" {k}={v}" for k, v in more.items())
    print(f"\nFAULT {name}: tried={tried} detected={detected} lost={lost}{extra}")


@contextlib.contextmanager
def mounted(point: Path, size_kib: int, *, fstype: str = "tmpfs") -> Iterator[Path]:
    """A fresh tmpfs of ``size_kib`` at ``point``; skips the test where mounting is refused."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root; not permitted here")
    point.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(
        ["mount", "-t", fstype, "-o", f"size={size_kib}k,mode=0755", fstype, str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if r.returncode != 0:
        pytest.skip(f"mount -t {fstype} refused here: {r.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True)


def remount(point: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(point)], check=True)


def fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte; returns the filler file."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler

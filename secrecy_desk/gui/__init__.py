"""The desktop program (the only package that imports PySide6): setup wizard, login, lock,
the main window and its tabs. ``secrecy_desk.app`` wires it to the vault and the core."""

from __future__ import annotations

import ctypes
import sys
from typing import Final

#: What :func:`_pin_none` adds to None's reference count: more than any session can take away.
NONE_PIN: Final = 1 << 48


def _pin_none() -> None:
    """Keep None alive whatever PySide6 6.12.0 takes from it.

    PySide6 6.12.0 hands Python an empty ``QVariant`` as None without the reference it owes
    (``QComboBox.currentData()`` of an item with no data, ``QModelIndex.data()`` of a role a
    model has nothing for, ``QAction.data()``; 6.11.3 does not). Each such call takes one
    reference away: after some thousands — a clerk's morning of choosing in lists and
    scrolling a register — None's count reaches zero and the interpreter aborts ("Fatal
    Python error: none_dealloc"), taking the window with it, with no message. Raising the
    count once by :data:`NONE_PIN` makes that unreachable (None is never freed in any case).
    Python 3.12 and later make None immortal themselves."""
    if sys.version_info >= (3, 12) or sys.getrefcount(None) > NONE_PIN:
        return
    ctypes.c_ssize_t.from_address(id(None)).value += NONE_PIN


_pin_none()

"""The clipboard, kept as short as the work needs it (as KeePassXC does).

Rows copied from a register go out as tab-separated text (what WPS and Excel paste as cells).
Text copied from classified entries is taken off the clipboard again :data:`CLEAR_AFTER_MS`
after it was copied, unless something else was copied since; whatever this program put on the
clipboard is taken off when the program locks or exits (:func:`clear_ours`).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

#: Milliseconds classified text stays on the clipboard.
CLEAR_AFTER_MS: Final = 10_000

_state: dict[str, object] = {}


def _board() -> QClipboard:
    board = QGuiApplication.clipboard()
    assert board is not None
    return board


def cell(text: str) -> str:
    """One cell of tab-separated text: quoted (as Excel does) when it holds a tab, a line
    break or a quote, so the row stays one row when pasted."""
    if any(c in text for c in '\t\r\n"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def copy_text(text: str, *, sensitive: bool) -> None:
    """Put ``text`` on the clipboard; ``sensitive`` text is cleared after a few seconds."""
    _board().setText(text)
    _state["last"] = text
    timer = _state.get("timer")
    if isinstance(timer, QTimer):
        timer.stop()
    if sensitive:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setInterval(CLEAR_AFTER_MS)
        timer.timeout.connect(lambda: _clear_if(text))
        timer.start()
        _state["timer"] = timer


def text() -> str:
    return _board().text()


def _clear_if(expected: str) -> None:
    """Clear the clipboard if it still holds ``expected`` (not what was copied since)."""
    board = _board()
    if board.text() == expected:
        board.clear()


def clear_ours() -> None:
    """The program locks or exits: take off what it put on the clipboard (text copied from
    its rows or fields), leaving what another program put there."""
    board = _board()
    last = _state.pop("last", None)
    timer = _state.pop("timer", None)
    if isinstance(timer, QTimer):
        timer.stop()
    if board.ownsClipboard() or (last is not None and board.text() == last):
        board.clear()

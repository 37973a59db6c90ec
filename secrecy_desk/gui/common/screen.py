"""Windows that fit the screen they open on: a dialog asks for a size and gets at most the
screen's free area (less the task bar and the title bar), so on a 1366×768 laptop its buttons
stay on screen."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the window's title bar and frame.
FRAME: Final = 48


def fit_size(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less when the screen is smaller (its
    minimum size shrinks with it)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 16)
        height = min(height, free.height() - FRAME)
        minimum = widget.minimumSize()
        widget.setMinimumSize(min(minimum.width(), width), min(minimum.height(), height))
    widget.resize(width, height)

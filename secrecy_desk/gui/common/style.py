"""The stylesheet and the classification-banner colour convention.

Banner colours (the workstation's rating, on the main window and in the status bar):

========  ==============  ===========================================================
level     colour          reason
========  ==============  ===========================================================
绝密      dark red        the strongest warning colour, kept for the highest level
机密      red             a 机密-rated machine must look unlike a 秘密-rated one
秘密      amber / orange  the common 涉密 warning colour, one step below red
内部      slate blue      unclassified but not public
公开      green           nothing secret
========  ==============  ===========================================================

White text on every banner colour keeps a contrast ratio of at least 4.5:1."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtWidgets import QApplication, QWidget

from secrecy_desk.core.levels import Level

STYLE_DIR: Final = Path(__file__).resolve().parents[3] / "resources" / "styles"
STYLESHEET: Final = STYLE_DIR / "desk.qss"

BANNER_COLOURS: Final[dict[Level, str]] = {
    Level.TOP_SECRET: "#7f0000",
    Level.SECRET: "#b3261e",
    Level.CONFIDENTIAL: "#b45309",
    Level.INTERNAL: "#3e5c76",
    Level.PUBLIC: "#1e6b34",
}


def banner_colour(level: Level) -> str:
    return BANNER_COLOURS[level]


def banner_css(level: Level) -> str:
    return (
        f"background: {banner_colour(level)}; color: #ffffff; font-weight: bold; padding: 4px 12px;"
    )


def apply(app: QApplication) -> None:
    """The application stylesheet (a missing file is an installation fault: say so)."""
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a ``role`` the stylesheet styles (title, hint, error, card…)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)

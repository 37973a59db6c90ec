"""The bundled CJK font, registered with Qt before any widget exists.

The files are the ones the printing layer embeds (``resources/fonts``), so screen and paper
agree, and Chinese renders on a machine with no CJK font installed. This module computes the
path itself instead of importing ``secrecy_desk.printing`` (which imports reportlab)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONT_DIR: Final = Path(__file__).resolve().parents[3] / "resources" / "fonts"
#: The family name inside the bundled files.
FAMILY: Final = "Secrecy Desk Serif"
#: Point size of the interface text: CJK glyphs need a little more room than Latin.
UI_POINT_SIZE: Final = 10.5
#: Fixed-pitch faces tried first for codes, where present (the bundled serif is the fallback).
MONO_FAMILIES: Final = ("DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "Monospace")


class FontMissing(RuntimeError):
    """The bundled font files are not where the installation put them."""


def font_files() -> list[Path]:
    return sorted(FONT_DIR.glob("*.ttf"))


def register_fonts() -> list[str]:
    """Register every bundled ``.ttf``; returns the families Qt found in them.

    A missing or unreadable font is an installation fault and is reported, never silently
    replaced by whatever the machine happens to have."""
    files = font_files()
    if not files:
        raise FontMissing(f"no font files in {FONT_DIR}")
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise FontMissing(f"Qt could not load {path}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def interface_font() -> QFont:
    font = QFont(FAMILY)
    font.setPointSizeF(UI_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def monospace_font(point_size: float) -> QFont:
    """A fixed-pitch face for codes (the recovery code): the system's, with the bundled font
    as the fallback for any character it lacks."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamilies([*MONO_FAMILIES, font.family(), FAMILY])
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def install(app: QApplication) -> None:
    """Register the bundled font and make it the application's font."""
    register_fonts()
    app.setFont(interface_font())

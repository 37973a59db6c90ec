"""The bundled print font: where its files are, registering it with reportlab, its coverage.

Both weights of "Secrecy Desk Serif" (see ``resources/fonts/README.md``) are registered once per
process and embedded in each PDF as a subset of the glyphs used. The GUI registers the same files
with Qt (:data:`FONT_FILES`, :data:`FAMILY`) so screen and paper agree on any machine.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR: Final = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
REGULAR_FILE: Final = FONT_DIR / "SecrecyDeskSerif-Regular.ttf"
BOLD_FILE: Final = FONT_DIR / "SecrecyDeskSerif-Bold.ttf"
FONT_FILES: Final = (REGULAR_FILE, BOLD_FILE)
#: The family name inside the font files (what Qt reports after ``addApplicationFont``).
FAMILY: Final = "Secrecy Desk Serif"

#: reportlab's names for the two faces.
REGULAR: Final = "DeskSerif"
BOLD: Final = "DeskSerif-Bold"

#: Characters the renderer turns into layout (line breaks, spaces) instead of glyphs.
LAYOUT_CHARS: Final = frozenset("\n\r\t")

_lock = threading.Lock()


@cache
def _registered() -> frozenset[int]:
    """Register both faces with reportlab (once) and return the code points both can print."""
    with _lock:
        faces = []
        for name, path in ((REGULAR, REGULAR_FILE), (BOLD, BOLD_FILE)):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
            faces.append(pdfmetrics.getFont(name))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
        covered = set(faces[0].face.charToGlyph)
        for face in faces[1:]:
            covered &= set(face.face.charToGlyph)
        return frozenset(covered)


def register() -> None:
    """Make :data:`REGULAR` and :data:`BOLD` usable in reportlab (idempotent, thread-safe)."""
    _registered()


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` that the bundled font cannot print (in either weight).

    Line breaks and tabs are layout, not glyphs, and never count as missing."""
    covered = _registered()
    return {ch for ch in set(text) if ord(ch) not in covered and ch not in LAYOUT_CHARS}

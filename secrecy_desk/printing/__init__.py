"""The printing engine: documents and page frames in, deterministic PDF bytes out.

The only package that imports reportlab. It depends on :mod:`secrecy_desk.core` alone, so the
vault, the print register, the CLI and the GUI all call the same pure functions.
"""

from __future__ import annotations

from secrecy_desk.printing.fonts import BOLD_FILE, FAMILY, FONT_FILES, REGULAR_FILE, missing_glyphs
from secrecy_desk.printing.glyphs import GlyphProblem, MissingGlyphsError, Place, check_glyphs
from secrecy_desk.printing.model import (
    Align,
    ApprovalStep,
    Chart,
    ChartKind,
    ChartSeries,
    ClauseStyle,
    Column,
    FieldRow,
    FormDocument,
    ListDocument,
    ListRow,
    PageFrame,
    PrintInputError,
    SignatureBlock,
    SignLine,
)
from secrecy_desk.printing.render import PrintLayoutError, render_form, render_forms, render_list

__all__ = [
    "BOLD_FILE",
    "FAMILY",
    "FONT_FILES",
    "REGULAR_FILE",
    "Align",
    "ApprovalStep",
    "Chart",
    "ChartKind",
    "ChartSeries",
    "ClauseStyle",
    "Column",
    "FieldRow",
    "FormDocument",
    "GlyphProblem",
    "ListDocument",
    "ListRow",
    "MissingGlyphsError",
    "PageFrame",
    "Place",
    "PrintInputError",
    "PrintLayoutError",
    "SignLine",
    "SignatureBlock",
    "check_glyphs",
    "missing_glyphs",
    "render_form",
    "render_forms",
    "render_list",
]

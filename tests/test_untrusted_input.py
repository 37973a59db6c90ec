"""Input that is not text: lone surrogates refused at the field, never a UnicodeEncodeError."""

from __future__ import annotations

import contextlib

import pytest

from secrecy_desk.forms.entry import EntryInvalid
from secrecy_desk.modules.registers import Registers
from tests.support.data import drawing


@pytest.mark.parametrize("field", ["drawing_name", "receiver", "copies", "issued_on", "level"])
def test_a_lone_surrogate_is_refused_at_the_field(regs: Registers, field: str) -> None:
    with pytest.raises(EntryInvalid) as caught:
        regs.add("drawings", drawing(**{field: "总装\udcff图"}))
    text = caught.value.message("en")
    assert "not valid text" in text
    assert field in text or "U+DCFF" in text
    text.encode("utf-8")  # the message itself can be shown


def test_a_lone_surrogate_in_a_search_is_a_sentence_or_nothing(regs: Registers) -> None:
    from secrecy_desk.core.errors import DeskError
    from secrecy_desk.modules.registers import Query

    with contextlib.suppress(DeskError):  # a sentence is fine; any other exception is the bug
        assert regs.page("drawings", Query(search="\ud800")) == []

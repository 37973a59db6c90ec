"""Search: any substring of the searchable fields, two-character words such as 保密 included,
giving exactly what a plain substring scan gives on the same data (a property test)."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secrecy_desk.forms import Forms
from secrecy_desk.modules.registers import Entry, Query, Registers
from secrecy_desk.records import search
from tests.support.data import drawing, gift

#: Few characters, so that random queries hit often; with letters that change under case
#: folding (ß → ss, Ａ → ａ) and a combining accent that NFC composes with e.
ALPHABET = "保密办室图纸总装一二 abAB9-ßＡe\u0301"
WORDS = ["保密", "密办", "图纸", "总装图", "保密办", "a", "ab", "AB", "ss", "é", "e"]

text = st.text(alphabet=ALPHABET, min_size=1, max_size=10).filter(lambda t: t.strip() != "")
optional = st.one_of(st.just(""), text)
query_text = st.one_of(
    st.text(alphabet=ALPHABET, min_size=1, max_size=4).filter(lambda q: q.strip() != ""),
    st.sampled_from(WORDS),
)


def _scan(regs: Registers, register: str, q: str, *, include_voided: bool) -> set[str]:
    spec = regs.spec(register)
    every = regs.page(register, Query(include_voided=True, limit=None))
    return {
        e.number
        for e in every
        if (include_voided or not e.voided) and search.matches(q, _texts(e, spec.search))
    }


def _texts(e: Entry, names: tuple[str, ...]) -> list[str]:
    return [str(e.values[n]) for n in names if e.values.get(n) is not None]


def _found(regs: Registers, register: str, q: str, *, include_voided: bool = False) -> set[str]:
    found = regs.page(register, Query(search=q, include_voided=include_voided, limit=None))
    count = regs.count(register, Query(search=q, include_voided=include_voided))
    assert count == len(found)
    return {e.number for e in found}


def test_search_equals_a_plain_substring_scan(regs: Registers) -> None:
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        rows=st.lists(
            st.fixed_dictionaries(
                {
                    "recipient": text,
                    "department": text,
                    "description": text,
                    "giver": text,
                    "giver_unit": optional,
                    "remarks": optional,
                }
            ),
            min_size=1,
            max_size=4,
        ),
        queries=st.lists(query_text, min_size=1, max_size=5),
        void_first=st.booleans(),
    )
    def check(rows: list[Mapping[str, str]], queries: list[str], void_first: bool) -> None:
        numbers = regs.add_many("gifts", [gift(**r) for r in rows], source="hypothesis")
        if void_first:
            regs.void("gifts", numbers[0], "测试作废")
        for q in queries:
            assert _found(regs, "gifts", q) == _scan(regs, "gifts", q, include_voided=False), q
            assert _found(regs, "gifts", q, include_voided=True) == _scan(
                regs, "gifts", q, include_voided=True
            ), q

    check()


SEARCH_CASES: list[tuple[str, set[str]]] = [
    ("保密", {"a", "b"}),
    ("保", {"a", "b", "c"}),
    ("密", {"a", "b"}),
    ("保密办", {"b"}),
    ("办", {"b"}),
    ("图", {"a", "c"}),  # a field's last character
    ("总装图", {"c"}),
    ("装图纸", set()),  # spans two fields: not a substring of either
    ("031", {"a"}),
    ("xx-2026", {"a", "b", "c"}),  # case folded
    ("图X", set()),
    (" 保密办 ", {"b"}),  # trimmed
    ("  ", {"a", "b", "c"}),  # blank: no filter at all
]


def test_search_examples(regs: Registers) -> None:
    made = {
        "a": regs.add("drawings", drawing(drawing_no="XX-2026-031", drawing_name="保密柜图")),
        "b": regs.add(
            "drawings", drawing(drawing_no="XX-2026-032", drawing_name="机房", receiver="保密办")
        ),
        "c": regs.add(
            "drawings", drawing(drawing_no="XX-2026-033", drawing_name="总装图", receiver="纸保")
        ),
    }
    for q, hits in SEARCH_CASES:
        assert _found(regs, "drawings", q) == {made[k].entry.number for k in hits}, q


def test_search_follows_edits_and_voids(regs: Registers) -> None:
    e = regs.add("drawings", drawing(drawing_name="电路原理图", remarks="旧备注")).entry
    assert _found(regs, "drawings", "旧备注") == {e.number}
    regs.edit(
        "drawings", e.number, {"drawing_name": "总装图", "remarks": "新说明"}, expected_revision=1
    )
    assert _found(regs, "drawings", "原理") == set()
    assert _found(regs, "drawings", "旧") == set()
    assert _found(regs, "drawings", "总装") == {e.number}
    assert _found(regs, "drawings", "说明") == {e.number}
    regs.void("drawings", e.number, "作废测试")
    assert _found(regs, "drawings", "总装") == set()
    assert _found(regs, "drawings", "总装", include_voided=True) == {e.number}
    # The reason given for voiding is not a searchable field.
    assert _found(regs, "drawings", "作废测试", include_voided=True) == set()


def test_search_combines_with_filters_and_sort(regs: Registers, forms: Forms) -> None:
    a = regs.add(
        "drawings", drawing(drawing_no="T-1", drawing_name="保密总图", issued_on="2026-02-01")
    )
    b = regs.add(
        "drawings",
        drawing(drawing_no="T-2", drawing_name="保密分图", level="一般", issued_on="2026-02-03"),
    )
    regs.add("drawings", drawing(drawing_no="T-3", drawing_name="其他", issued_on="2026-02-02"))
    both = regs.page("drawings", Query(search="保密"))
    assert [e.number for e in both] == [b.entry.number, a.entry.number]  # newest issue first
    only = regs.page("drawings", Query(search="保密", where={"level": "一般"}))
    assert [e.number for e in only] == [b.entry.number]
    assert regs.count("drawings", Query(search="保密", where={"level": "机密"})) == 1


def test_tokens_never_span_fields() -> None:
    doc = search.document(["甲乙", "丙丁"])
    assert search.match_expression("乙丙") is not None
    # The phrase for 乙丙 is one bigram that the document does not hold.
    assert f"b{ord('乙'):06x}{ord('丙'):06x}" not in doc.split()
    assert search.match_expression("") is None

"""Each small validator: what it accepts, what it refuses, and the message in both languages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secrecy_desk.core import validators as v
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.money import Money, MoneySyntaxError
from secrecy_desk.core.validators import Bilingual, Problem

TODAY = date(2026, 11, 27)


def refused(result: object, code: str) -> Problem:
    assert isinstance(result, Problem), result
    assert result.code == code
    en, zh = result.message("en"), result.message("zh_CN")
    assert en
    assert zh
    assert en != zh, f"no Chinese translation for {result.text!r}"
    return result


# --- text -----------------------------------------------------------------------------------


def test_text_is_trimmed() -> None:
    assert v.check_text("  保密办 ") == "保密办"


def test_text_limits() -> None:
    issue = refused(v.check_text("一二三四五六", max_length=5), "too_long")
    assert issue.message("zh_CN") == "内容过长：最多5个字，现有6个字。"
    assert issue.message("en") == "Too long: at most 5 characters, this has 6."
    refused(v.check_text("一", min_length=2), "too_short")


@pytest.mark.parametrize("bad", ["a\x00b", "a\x1bb", "a\u202eb", "a\u200bb", "a\ufeffb"])
def test_text_refuses_control_and_invisible_characters(bad: str) -> None:
    issue = refused(v.check_text(bad), "control_char")
    assert "U+" in issue.message("zh_CN")


def test_text_is_one_line_but_long_text_is_not() -> None:
    refused(v.check_text("第一行\n第二行"), "line_break")
    assert v.check_long_text("第一行\r\n第二行\t。") == "第一行\n第二行\t。"
    refused(v.check_long_text("a\x07"), "control_char")
    refused(v.check_long_text("字" * 11, max_length=10), "too_long")


# --- integers and money ---------------------------------------------------------------------


def test_integer() -> None:
    assert v.check_integer(" 12 ") == 12
    assert v.check_integer("１２") == 12
    assert v.check_integer("1,000") == 1000
    refused(v.check_integer("1.5"), "not_integer")
    refused(v.check_integer("三"), "not_integer")
    issue = refused(v.check_integer("0", minimum=1), "below_min")
    assert issue.message("zh_CN") == "不能小于1。"
    refused(v.check_integer("1000", maximum=999), "above_max")


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("1234.5", 123450),
        ("1,234.50", 123450),
        ("¥500", 50000),
        ("￥500", 50000),
        ("500元", 50000),
        ("RMB 12.3", 1230),
        ("0.01", 1),
        ("１２３", 12300),
        ("-5", -500),
        ("12.", 1200),
    ],
)
def test_money_accepts(text: str, fen: int) -> None:
    assert v.check_money(text) == Money(fen)


def test_money_refuses() -> None:
    issue = refused(v.check_money("1.234"), "money_fen")
    assert "两位小数" in issue.message("zh_CN")
    refused(v.check_money("12,34"), "not_money")
    refused(v.check_money("五百"), "not_money")
    refused(v.check_money("1e3"), "not_money")
    issue = refused(v.check_money("-1", minimum=Money(0)), "below_min")
    assert "¥0.00" in issue.message("zh_CN")
    refused(v.check_money("1000.01", maximum=Money.of_yuan(1000)), "above_max")


def test_money_is_exact_where_floats_are_not() -> None:
    assert Money.parse("0.1") + Money.parse("0.2") == Money.parse("0.3")
    assert Money.parse("1.10").fen == 110
    assert Money.parse("4.35").fen == 435  # float(4.35) * 100 is 434.99999999999994
    assert Money.parse("0.29").fen == 29


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_money_parse_matches_decimal(amount: Decimal) -> None:
    text = f"{amount:.2f}"
    assert Money.parse(text).fen == int(amount * 100)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_money_round_trips_through_its_texts(fen: int) -> None:
    money = Money(fen)
    assert Money.parse(money.plain()) == money
    assert Money.parse(money.display()) == money


@given(st.lists(st.integers(min_value=0, max_value=10**8), max_size=20))
def test_money_sums_are_exact(fens: list[int]) -> None:
    total = Money(0)
    for fen in fens:
        total += Money.parse(Money(fen).plain())
    assert total.fen == sum(fens)


def test_money_display() -> None:
    assert Money(123450).display() == "¥1,234.50"
    assert Money(5).display() == "¥0.05"
    assert Money(-500).display() == "-¥5.00"
    with pytest.raises(MoneySyntaxError):
        Money.parse("")
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2026-11-27", "2026/11/27", "2026.11.27", "20261127", "2026年11月27日", "2026-11-27 "]
)
def test_date_forms(text: str) -> None:
    assert v.check_date(text) == date(2026, 11, 27)


def test_date_refuses() -> None:
    issue = refused(v.check_date("2026-02-30"), "not_date")
    assert issue.message("zh_CN").startswith("请按“年-月-日”填写真实日期")
    refused(v.check_date("27/11/2026"), "not_date")
    issue = refused(v.check_date("2026-11-28", today=TODAY, not_future=True), "date_future")
    assert "2026-11-28" in issue.message("zh_CN")
    assert isinstance(v.check_date("2026-11-28", not_future=True), date)  # no today given
    refused(v.check_date("1999-12-31", earliest=date(2000, 1, 1)), "date_early")
    refused(v.check_date("2031-01-01", latest=date(2030, 12, 31)), "date_late")


def test_dates_in_order() -> None:
    label = Bilingual("收受日期", "Received on")
    assert v.check_not_before(date(2026, 1, 2), date(2026, 1, 1), label) is None
    issue = v.check_not_before(date(2026, 1, 1), date(2026, 1, 2), label)
    issue = refused(issue, "date_order")
    assert "“收受日期”" in issue.message("zh_CN")
    assert "“Received on”" in issue.message("en")


# --- choices, yes/no, levels ----------------------------------------------------------------

SHOWN = Bilingual("男、女", "Male, Female")


def test_choice() -> None:
    options = {"male": "male", "男": "male", "female": "female", "女": "female"}
    assert v.check_choice(" 男 ", options, SHOWN) == "male"
    assert v.check_choice("MALE", options, SHOWN) == "male"
    issue = refused(v.check_choice("未知", options, SHOWN), "not_choice")
    assert issue.message("zh_CN") == "请从以下选项中选择：男、女。"
    assert issue.message("en") == "Choose one of: Male, Female."


@pytest.mark.parametrize(
    ("text", "value"),
    [("是", True), ("否", False), ("yes", True), ("No", False), ("TRUE", True), ("0", False)],
)
def test_bool(text: str, value: bool) -> None:
    assert v.check_bool(text) is value


def test_bool_refuses() -> None:
    issue = refused(v.check_bool("也许"), "not_bool")
    assert issue.message("zh_CN") == "请填写“是”或“否”。"


def test_level() -> None:
    options = {"一般": Level.INTERNAL, "机密": Level.SECRET}
    assert (
        v.check_level("机密", options, Bilingual("机密、一般", "Secret, General")) == Level.SECRET
    )
    issue = refused(
        v.check_level("秘密", options, Bilingual("机密、一般", "Secret, General")), "not_level"
    )
    assert "机密、一般" in issue.message("zh_CN")


# --- terms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("10年", Term.of_years(10)),
        ("10", Term.of_years(10)),
        (" 10 years", Term.of_years(10)),
        ("２０年", Term.of_years(20)),
        ("长期", Term(TermKind.LONG_TERM)),
        ("long", Term(TermKind.LONG_TERM)),
        ("2030-12-31", Term(TermKind.UNTIL_DATE, until=date(2030, 12, 31))),
        ("2030年12月31日", Term(TermKind.UNTIL_DATE, until=date(2030, 12, 31))),
        ("条件:产品定型公开后", Term(TermKind.CONDITION, condition="产品定型公开后")),
        ("条件：产品定型公开后", Term(TermKind.CONDITION, condition="产品定型公开后")),
        ("condition: public release", Term(TermKind.CONDITION, condition="public release")),
    ],
)
def test_term_syntax(text: str, term: Term) -> None:
    assert v.check_term(text, today=TODAY) == term


def test_term_refuses() -> None:
    refused(v.check_term("0年"), "term_years")
    refused(v.check_term("100年"), "term_years")
    issue = refused(v.check_term("2026-11-27", today=TODAY), "term_past")
    assert "2026-11-27" in issue.message("zh_CN")
    refused(v.check_term("条件:"), "term_condition_empty")
    issue = refused(v.check_term("很久"), "not_term")
    assert "长期" in issue.message("zh_CN")


terms = st.one_of(
    st.integers(min_value=1, max_value=v.TERM_MAX_YEARS).map(Term.of_years),
    st.dates(min_value=date(2027, 1, 1), max_value=date(2200, 12, 31)).map(
        lambda d: Term(TermKind.UNTIL_DATE, until=d)
    ),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda s: bool(s) and "\n" not in s)
    .map(lambda s: Term(TermKind.CONDITION, condition=s)),
    st.just(Term(TermKind.LONG_TERM)),
)


@given(terms)
def test_term_round_trip(term: Term) -> None:
    assert v.check_term(v.term_input_text(term), today=TODAY) == term
    assert Term.decode(term.encode()) == term


def test_term_display() -> None:
    assert v.term_display(Term.of_years(10), "zh_CN") == "10年"
    assert v.term_display(Term.of_years(1), "en") == "1 year"
    assert v.term_display(Term(TermKind.LONG_TERM), "en") == "long-term"
    assert v.term_display(Term(TermKind.UNTIL_DATE, until=date(2030, 1, 2)), "zh_CN") == (
        "2030年1月2日"
    )


def test_term_only_on_classified_levels() -> None:
    assert v.check_term_level(Level.SECRET, Term.of_years(10)) is None
    assert v.check_term_level(Level.INTERNAL, None) is None
    refused(v.check_term_level(Level.INTERNAL, Term.of_years(10)), "term_unclassified")


# --- scope ----------------------------------------------------------------------------------


def test_scope() -> None:
    assert v.check_scope("张三、李四，保密办;张三\n技术中心") == (
        "张三",
        "李四",
        "保密办",
        "技术中心",
    )
    issue = refused(v.check_scope("、，;"), "scope_empty")
    assert "、" in issue.message("zh_CN")
    refused(v.check_scope("甲、乙、丙", max_items=2), "scope_many")
    refused(v.check_scope("甲、" + "乙" * 101), "too_long")


# --- references, accounts, phones -----------------------------------------------------------


def test_entry_number() -> None:
    assert v.check_entry_number(" ry-2026-0001 ") == "RY-2026-0001"
    import re

    pattern = re.compile(r"RY-(?P<year>\d{4})-(?P<seq>\d{4,})")
    assert v.check_entry_number("RY-2026-12345", pattern) == "RY-2026-12345"
    issue = refused(v.check_entry_number("TZ-2026-0001", pattern), "not_entry_number")
    assert "RY-2026-0001" in issue.message("zh_CN")
    refused(v.check_entry_number("RY 2026"), "not_entry_number")


def test_account() -> None:
    assert v.check_account("zhang.san") == "zhang.san"
    assert v.check_account("clerk_01") == "clerk_01"
    for bad in ("ab", "1abc", "张三", "a b c", "a" * 33):
        refused(v.check_account(bad), "not_account")


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("13812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("86-13812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("(010)12345678", "010-12345678"),
        ("021-87654321", "021-87654321"),
        ("0571-1234567", "0571-1234567"),
        ("0571-88886666", "0571-88886666"),
        ("0571 8888 6666", "0571-88886666"),
        ("0571-1234567-123", "0571-1234567-123"),
        ("0571-1234567转88", "0571-1234567-88"),
        ("０１０-１２３４５６７８", "010-12345678"),
    ],
)
def test_phone_accepts(text: str, stored: str) -> None:
    assert v.check_phone(text) == stored


@pytest.mark.parametrize(
    "text",
    ["12345", "12812345678", "1381234567", "138123456789", "021-1234567", "010-02345678", "电话"],
)
def test_phone_refuses(text: str) -> None:
    issue = refused(v.check_phone(text), "not_phone")
    assert "010-12345678" in issue.message("zh_CN")


# --- problems -------------------------------------------------------------------------------


def test_problem_names_its_field() -> None:
    issue = v.problem("required", "This field must be filled in.").at("name")
    assert issue.line("en") == "name: This field must be filled in."
    assert issue.line("zh_CN") == "name: 此项为必填项。"
    assert str(issue) == issue.line("en")

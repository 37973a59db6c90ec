"""Resident ID numbers (GB 11643-1999): check character, region, birth date, gender."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secrecy_desk.core.idcard import (
    PROVINCE_CODES,
    Gender,
    ResidentId,
    check_birth,
    check_char,
    check_gender,
    check_resident_id,
)
from secrecy_desk.core.validators import Problem

TODAY = date(2026, 11, 27)
#: Published sample numbers with correct check characters.
KNOWN_VALID = ["11010519491231002X", "11010119900307803X"]


def make_id(province: str, rest: str, birth: date, seq: str) -> str:
    first17 = f"{province}{rest}{birth:%Y%m%d}{seq}"
    return first17 + check_char(first17)


valid_ids = st.builds(
    make_id,
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.text(alphabet="0123456789", min_size=3, max_size=3),
)


@given(valid_ids)
def test_generated_valid_ids_are_accepted(number: str) -> None:
    result = check_resident_id(number, today=TODAY)
    assert isinstance(result, ResidentId)
    assert result.number == number


@given(valid_ids, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789XA"))
def test_changing_any_one_character_is_rejected(number: str, position: int, char: str) -> None:
    if number[position] == char:
        return
    changed = number[:position] + char + number[position + 1 :]
    assert isinstance(check_resident_id(changed, today=TODAY), Problem)


@pytest.mark.parametrize("number", KNOWN_VALID)
def test_known_numbers(number: str) -> None:
    assert isinstance(check_resident_id(number, today=TODAY), ResidentId)


def test_small_x_and_full_width_are_normalised() -> None:
    result = check_resident_id(" 11010519491231002x ", today=TODAY)
    assert isinstance(result, ResidentId)
    assert result.number == "11010519491231002X"
    wide = check_resident_id("１１０１０５１９４９１２３１００２Ｘ", today=TODAY)
    assert isinstance(wide, ResidentId)


def test_what_the_number_says() -> None:
    result = check_resident_id("11010519491231002X", today=TODAY)
    assert isinstance(result, ResidentId)
    assert result.birth == date(1949, 12, 31)
    assert result.gender is Gender.FEMALE  # 17th digit 2 is even
    assert result.province == "11"


@pytest.mark.parametrize(
    ("number", "code", "zh_part"),
    [
        ("1101051949123100", "id_length", "18位"),
        ("11010519491231002Y", "id_chars", "17位数字"),
        ("99010519491231002X", "id_region", "99"),
        ("110105194902300021", "id_birth_invalid", "出生日期"),
        ("110105189912310029", "id_birth_old", "1900"),
        ("11010519491231002X".replace("X", "5"), "id_check", "校验"),
    ],
)
def test_rejections_name_the_fault(number: str, code: str, zh_part: str) -> None:
    result = check_resident_id(number, today=TODAY)
    assert isinstance(result, Problem)
    assert result.code == code
    assert zh_part in result.message("zh_CN")
    assert result.message("en") != result.message("zh_CN")


def test_birth_in_the_future_is_rejected() -> None:
    number = make_id("11", "0105", date(2027, 1, 1), "123")
    result = check_resident_id(number, today=TODAY)
    assert isinstance(result, Problem)
    assert result.code == "id_birth_future"
    assert "2027-01-01" in result.message("zh_CN")
    # without a date to compare with, only the calendar is checked
    assert isinstance(check_resident_id(number), ResidentId)


def test_gender_must_agree() -> None:
    male = check_resident_id(make_id("44", "0524", date(1980, 1, 1), "001"), today=TODAY)
    assert isinstance(male, ResidentId)
    assert male.gender is Gender.MALE
    assert check_gender(male, Gender.MALE) is None
    issue = check_gender(male, Gender.FEMALE)
    assert issue is not None
    assert "男" in issue.message("zh_CN")
    assert "man" in issue.message("en")


def test_birth_must_agree() -> None:
    resident = check_resident_id("11010519491231002X", today=TODAY)
    assert isinstance(resident, ResidentId)
    assert check_birth(resident, date(1949, 12, 31)) is None
    issue = check_birth(resident, date(1949, 12, 30))
    assert issue is not None
    assert "1949-12-30" in issue.message("zh_CN")
    assert "1949-12-31" in issue.message("en")


def test_check_char_needs_seventeen_digits() -> None:
    with pytest.raises(ValueError, match="123"):
        check_char("123")

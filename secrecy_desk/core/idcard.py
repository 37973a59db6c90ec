"""Resident identity card numbers (公民身份号码, GB 11643-1999).

Eighteen characters: a six-digit address code (the first two digits name the province), an
eight-digit birth date ``YYYYMMDD``, a three-digit sequence code whose last digit is odd for men
and even for women, and a check character computed with ISO 7064 MOD 11-2 (``0``–``9`` or ``X``).
S8 §6 asks that birth date and gender agree with the number; see :func:`check_gender`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.validators import Problem, problem

#: Province-level codes (the first two digits). 71 Taiwan, 81 Hong Kong, 82 Macao as used on
#: residence permits; 83 is the code on residence permits of Taiwan residents (GB/T 2260 and the
#: 2017 residence-permit rules).
PROVINCE_CODES: Final = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)  # fmt: skip

#: Weights 2**(17-i) mod 11 for positions 1..17 (ISO 7064 MOD 11-2).
WEIGHTS: Final = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS: Final = "10X98765432"

#: Oldest plausible birth year for a living person entered today.
EARLIEST_BIRTH: Final = date(1900, 1, 1)

_SHAPE = re.compile(r"^\d{17}[\dX]$")


class Gender(Enum):
    MALE = "male"  # 男: 17th digit odd
    FEMALE = "female"  # 女: 17th digit even


def check_char(first17: str) -> str:
    """The check character for the first seventeen digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(first17)
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A checked number and what it says."""

    number: str
    province: str
    birth: date
    gender: Gender


def normalize(raw: str) -> str:
    """Full-width to ASCII, spaces dropped, a small ``x`` made capital."""
    return unicodedata.normalize("NFKC", raw).replace(" ", "").strip().upper()


def check_resident_id(raw: str, *, today: date | None = None) -> ResidentId | Problem:
    """Check shape, province, birth date (real; not in the future when ``today`` is given; not
    before 1900) and the check character, in that order, naming the first fault."""
    number = normalize(raw)
    if len(number) != 18:
        return problem(
            "id_length",
            QT_TRANSLATE_NOOP(
                "Errors", "A resident ID number has 18 characters; this one has {count}."
            ),
            count=len(number),
        )
    if not _SHAPE.match(number):
        return problem(
            "id_chars",
            QT_TRANSLATE_NOOP(
                "Errors",
                "A resident ID number is 17 digits followed by a digit or the letter X.",
            ),
        )
    if number[:2] not in PROVINCE_CODES:
        return problem(
            "id_region",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The ID number starts with {code}, which is not a province code; "
                "check the first two digits.",
            ),
            code=number[:2],
        )
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return problem(
            "id_birth_invalid",
            QT_TRANSLATE_NOOP(
                "Errors",
                "Digits 7 to 14 of the ID number ({digits}) are not a real date of birth.",
            ),
            digits=number[6:14],
        )
    if today is not None and birth > today:
        return problem(
            "id_birth_future",
            QT_TRANSLATE_NOOP(
                "Errors", "The ID number gives a date of birth in the future ({birth})."
            ),
            birth=birth.isoformat(),
        )
    if birth < EARLIEST_BIRTH:
        return problem(
            "id_birth_old",
            QT_TRANSLATE_NOOP(
                "Errors", "The ID number gives a date of birth before 1900 ({birth})."
            ),
            birth=birth.isoformat(),
        )
    expected = check_char(number[:17])
    if number[17] != expected:
        return problem(
            "id_check",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The ID number is not valid: its last character does not match the others. "
                "Check it for a mistyped digit.",
            ),
        )
    gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
    return ResidentId(number=number, province=number[:2], birth=birth, gender=gender)


def check_gender(resident: ResidentId, gender: Gender) -> Problem | None:
    """S8 §6: the gender entered must be the one the 17th digit gives."""
    if resident.gender is gender:
        return None
    if resident.gender is Gender.MALE:
        return problem(
            "id_gender",
            QT_TRANSLATE_NOOP(
                "Errors",
                "The ID number belongs to a man (its 17th digit is odd), "
                "but the gender entered is female.",
            ),
        )
    return problem(
        "id_gender",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The ID number belongs to a woman (its 17th digit is even), "
            "but the gender entered is male.",
        ),
    )


def check_birth(resident: ResidentId, birth: date) -> Problem | None:
    """S8 §6: a date of birth entered beside the number must be the one inside it."""
    if resident.birth == birth:
        return None
    return problem(
        "id_birth_mismatch",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The date of birth {entered} does not match the one in the ID number ({birth}).",
        ),
        entered=birth.isoformat(),
        birth=resident.birth.isoformat(),
    )

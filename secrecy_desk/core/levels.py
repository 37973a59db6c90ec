"""Classification levels (密级), secrecy terms (保密期限) and the marking written on paper.

The marking is written the Chinese way: ``机密★10年``, ``绝密★长期``, ``秘密★2030年12月31日``,
``机密★<condition>``; unclassified output reads ``内部`` or ``公开`` with no star (S4 §10, §12).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum, IntEnum
from typing import Final


class Level(IntEnum):
    """Ordered so that a higher value is more secret; comparisons mean "above" and "below"."""

    PUBLIC = 0  # 公开
    INTERNAL = 1  # 内部
    CONFIDENTIAL = 2  # 秘密
    SECRET = 3  # 机密
    TOP_SECRET = 4  # 绝密

    @property
    def zh(self) -> str:
        return _ZH[self]

    @property
    def en(self) -> str:
        return _EN[self]

    @property
    def classified(self) -> bool:
        return self >= Level.CONFIDENTIAL

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @classmethod
    def parse(cls, text: str) -> Level:
        """Accept the Chinese name, the code name or the English name (any case)."""
        key = text.strip()
        for level in cls:
            if key in {level.zh, level.name, level.en} or key.upper() == level.name:
                return level
            if key.lower() == level.en.lower():
                return level
        raise ValueError(text)


_ZH: Final = {
    Level.PUBLIC: "公开",
    Level.INTERNAL: "内部",
    Level.CONFIDENTIAL: "秘密",
    Level.SECRET: "机密",
    Level.TOP_SECRET: "绝密",
}
_EN: Final = {
    Level.PUBLIC: "Public",
    Level.INTERNAL: "Internal",
    Level.CONFIDENTIAL: "Confidential",
    Level.SECRET: "Secret",
    Level.TOP_SECRET: "Top secret",
}

#: Default secrecy term in years when none is set (保密法实施条例: 绝密 30, 机密 20, 秘密 10).
DEFAULT_TERM_YEARS: Final = {Level.TOP_SECRET: 30, Level.SECRET: 20, Level.CONFIDENTIAL: 10}

#: The levels a workstation may be rated for (set at setup).
RATINGS: Final = (Level.CONFIDENTIAL, Level.SECRET)


class TermKind(Enum):
    YEARS = "years"  # N 年
    UNTIL_DATE = "date"  # 至某日
    CONDITION = "condition"  # 解密条件
    LONG_TERM = "long"  # 长期


@dataclass(frozen=True, slots=True)
class Term:
    """A secrecy term (保密期限). Exactly one of ``years``, ``until`` or ``condition`` is set,
    except for :attr:`TermKind.LONG_TERM`, which has none."""

    kind: TermKind
    years: int | None = None
    until: date | None = None
    condition: str | None = None

    def __post_init__(self) -> None:
        ok = {
            TermKind.YEARS: self.years is not None and self.years > 0,
            TermKind.UNTIL_DATE: self.until is not None,
            TermKind.CONDITION: bool(self.condition and self.condition.strip()),
            TermKind.LONG_TERM: True,
        }[self.kind]
        if not ok:
            raise ValueError(f"incomplete term: {self!r}")

    @staticmethod
    def of_years(years: int) -> Term:
        return Term(TermKind.YEARS, years=years)

    def text(self) -> str:
        """The term as printed after the star: ``10年``, ``长期``, a date, or the condition."""
        match self.kind:
            case TermKind.YEARS:
                return f"{self.years}年"
            case TermKind.UNTIL_DATE:
                assert self.until is not None
                return f"{self.until.year}年{self.until.month}月{self.until.day}日"
            case TermKind.CONDITION:
                assert self.condition is not None
                return self.condition.strip()
            case TermKind.LONG_TERM:
                return "长期"

    def encode(self) -> str:
        """A stable storage form: ``years:10``, ``date:2030-12-31``, ``condition:…``, ``long``."""
        match self.kind:
            case TermKind.YEARS:
                return f"years:{self.years}"
            case TermKind.UNTIL_DATE:
                assert self.until is not None
                return f"date:{self.until.isoformat()}"
            case TermKind.CONDITION:
                return f"condition:{self.condition}"
            case TermKind.LONG_TERM:
                return "long"

    @staticmethod
    def decode(text: str) -> Term:
        kind, _, rest = text.partition(":")
        match kind:
            case "years":
                return Term.of_years(int(rest))
            case "date":
                return Term(TermKind.UNTIL_DATE, until=date.fromisoformat(rest))
            case "condition":
                return Term(TermKind.CONDITION, condition=rest)
            case "long":
                return Term(TermKind.LONG_TERM)
        raise ValueError(text)

    def sort_key(self) -> tuple[int, int]:
        """Orders terms from shortest to longest for "the longest term among these rows".

        Long-term and conditional terms count as longer than any fixed one; a date counts by
        its year (the comparison only picks which mark to print on a list)."""
        match self.kind:
            case TermKind.YEARS:
                assert self.years is not None
                return (0, self.years)
            case TermKind.UNTIL_DATE:
                assert self.until is not None
                return (1, self.until.toordinal())
            case TermKind.CONDITION:
                return (2, 0)
            case TermKind.LONG_TERM:
                return (3, 0)


def default_term(level: Level) -> Term | None:
    """The term a classified item gets when none is set; ``None`` for unclassified levels."""
    years = DEFAULT_TERM_YEARS.get(level)
    return Term.of_years(years) if years is not None else None


def marking(level: Level, term: Term | None = None) -> str:
    """The mark printed on paper and shown on screen, e.g. ``机密★10年``.

    Unclassified levels carry no star and no term. A classified level with no term takes the
    default term for its level."""
    if not level.classified:
        return level.zh
    effective = term or default_term(level)
    assert effective is not None
    return f"{level.zh}★{effective.text()}"


def highest(marks: list[tuple[Level, Term | None]]) -> tuple[Level, Term | None]:
    """The highest level among ``marks`` and the longest term among those at that level.

    A list or report is marked with the highest level of what it contains (S4 §12)."""
    if not marks:
        return (Level.INTERNAL, None)
    top = max(level for level, _ in marks)
    if not top.classified:
        return (top, None)
    terms = [t or default_term(level) for level, t in marks if level == top]
    longest = max((t for t in terms if t is not None), key=Term.sort_key)
    return (top, longest)

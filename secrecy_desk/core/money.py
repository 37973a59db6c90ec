"""Money in yuan (元), kept exactly as a whole number of fen (分). Never a float.

Input accepted by :meth:`Money.parse`: ``1234``, ``1234.5``, ``1,234.50``, ``¥500``, ``￥500``,
``500元``, ``RMB 500``, full-width digits, an optional leading minus sign. Thousands separators
must sit every three digits; more than two decimal places is refused (there is nothing below
a fen), never rounded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Final

FEN_PER_YUAN: Final = 100

_AMOUNT = re.compile(
    r"""^(?P<sign>-)?
        (?P<int>\d{1,3}(?:,\d{3})+|\d+)
        (?:\.(?P<frac>\d*))?$""",
    re.VERBOSE,
)
_PREFIXES: Final = ("rmb", "cny", "¥")
_SUFFIXES: Final = ("元", "rmb", "cny", "yuan")


class MoneyFault(Enum):
    """Why a text is not an amount: the validator turns each into a sentence."""

    SYNTAX = "syntax"  # not a number of yuan at all
    TOO_PRECISE = "precision"  # more than two decimal places


class MoneySyntaxError(ValueError):
    def __init__(self, text: str, fault: MoneyFault) -> None:
        super().__init__(f"{fault.value}: {text!r}")
        self.fault = fault


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount of yuan as an integer number of fen: ``Money(123450)`` is ¥1,234.50."""

    fen: int

    def __post_init__(self) -> None:
        # bool is an int subclass; an amount built from True is always a bug.
        if not isinstance(self.fen, int) or isinstance(self.fen, bool):
            raise TypeError("Money holds an int number of fen")

    @staticmethod
    def of_yuan(yuan: int) -> Money:
        return Money(yuan * FEN_PER_YUAN)

    @staticmethod
    def parse(text: str) -> Money:
        """Read an amount of yuan; raise :class:`MoneySyntaxError` when it is not one."""
        cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "").lower()
        sign = ""
        if cleaned.startswith("-"):
            sign, cleaned = "-", cleaned[1:]
        for prefix in _PREFIXES:
            if cleaned.startswith(prefix):
                cleaned = cleaned[len(prefix) :]
                break
        for suffix in _SUFFIXES:
            if cleaned.endswith(suffix):
                cleaned = cleaned[: -len(suffix)]
                break
        match = _AMOUNT.match(sign + cleaned)
        if match is None:
            raise MoneySyntaxError(text, MoneyFault.SYNTAX)
        frac = match["frac"] or ""
        if len(frac) > 2:
            raise MoneySyntaxError(text, MoneyFault.TOO_PRECISE)
        whole = int(match["int"].replace(",", ""))
        fen = whole * FEN_PER_YUAN + int(frac.ljust(2, "0"))
        return Money(-fen if match["sign"] else fen)

    def plain(self) -> str:
        """``1234.50``: the canonical input form, no separators, always two decimals."""
        sign = "-" if self.fen < 0 else ""
        whole, fen = divmod(abs(self.fen), FEN_PER_YUAN)
        return f"{sign}{whole}.{fen:02d}"

    def display(self) -> str:
        """``¥1,234.50`` as a table cell or a printed form shows it."""
        sign = "-" if self.fen < 0 else ""
        whole, fen = divmod(abs(self.fen), FEN_PER_YUAN)
        return f"{sign}¥{whole:,}.{fen:02d}"

    def __add__(self, other: Money) -> Money:
        return Money(self.fen + other.fen)

    def __sub__(self, other: Money) -> Money:
        return Money(self.fen - other.fen)

    def __str__(self) -> str:
        return self.display()

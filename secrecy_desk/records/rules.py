"""The shape of a module rule: checks at save time, and flags shown on a list row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from secrecy_desk.core.validators import Problem
from secrecy_desk.forms import FormSpec, Value


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user must confirm before saving (e.g. a phone number shared by two
    people). Carries a :class:`Problem` for its field and sentence."""

    problem: Problem

    def message(self, lang: str) -> str:
        return self.problem.line(lang)


@dataclass(frozen=True, slots=True)
class Flag:
    """A mark on a list row: ``overdue`` (red) or ``attention`` (amber), with a reason."""

    kind: str
    problem: Problem

    def message(self, lang: str) -> str:
        return self.problem.message(lang)


@dataclass(frozen=True, slots=True)
class ApprovalView:
    """An approval request as a rule sees it: its form, its state (``approved``,
    ``withdrawn``…) and its field values."""

    form: str
    state: str
    values: Mapping[str, Value]


class Lookup(Protocol):
    """What a rule may read (no writes): live entries of the registers, approval requests."""

    def find(
        self, register: str, equals: Mapping[str, object], *, exclude_number: str | None
    ) -> Sequence[tuple[str, Mapping[str, Value]]]:
        """Live (not voided) entries whose stored fields equal ``equals`` (``number`` is the
        entry number): (number, values). A register that is not installed has none."""
        ...

    def installed(self, register: str) -> bool:
        """Whether ``register`` is one of this installation's registers."""
        ...

    def approval(self, number: str) -> ApprovalView | None:
        """The approval request ``number`` within the session's clearance, or ``None``."""
        ...


@dataclass(frozen=True, slots=True)
class RuleContext:
    spec: FormSpec
    today: date
    number: str | None  # None for a new entry
    lookup: Lookup
    #: The values as last saved, when editing (``None`` for a new entry): a warning the user
    #: already confirmed for an unchanged value is not raised again on every later edit.
    previous: Mapping[str, Value] | None = None


class Rule(Protocol):
    id: str

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        """Problems refuse the save; warnings need the user's confirmation."""
        ...

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        """Marks for a list row (overdue, late, missing)."""
        ...

"""Immutable values the register engine returns: entries, revisions, differences, queries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from secrecy_desk.core.levels import Level, Term, marking
from secrecy_desk.forms import FormSpec, SortKey, Value
from secrecy_desk.records.rules import Flag

#: The print register's id (``forms/registers/prints.toml``): the kernel's own register, which
#: the print operation fills and nobody edits by hand.
PRINTS: Final = "prints"

#: The classification review decisions (``forms/registers/classification_reviews.toml``):
#: filled only by the classification module's decision, which is the one way a level goes
#: down (定密管理). The register engine reads it to allow exactly that lowering.
LEVEL_DECISIONS: Final = "classification_reviews"

#: Pseudo-columns every register has besides its fields.
NUMBER: Final = "number"
STATUS: Final = "status"


@dataclass(frozen=True, slots=True)
class Entry:
    """One register entry as it stands at ``revision``."""

    id: int
    register: str
    number: str
    revision: int
    status: str
    level: Level
    term: Term | None
    voided: bool
    void_reason: str | None
    values: Mapping[str, Value]
    created_at: str
    created_by: str
    updated_at: str
    updated_by: str
    flags: tuple[Flag, ...] = ()

    @property
    def marking(self) -> str:
        return marking(self.level, self.term)

    @property
    def object_name(self) -> str:
        """How the audit trail names it: ``register:number``."""
        return f"{self.register}:{self.number}"

    def display(self, spec: FormSpec, name: str, lang: str) -> str:
        if name == NUMBER:
            return self.number
        if name == STATUS:
            return status_text(spec, self.status, lang)
        return field_text(spec, name, self.values.get(name), self.term, lang)


def status_text(spec: FormSpec, code: str, lang: str) -> str:
    """How an entry's status shows (the code itself when the definition no longer has it)."""
    known = any(s.code == code for s in spec.statuses)
    return spec.status(code).label(lang) if known else code


def field_text(spec: FormSpec, name: str, value: Value, term: Term | None, lang: str) -> str:
    """How a field's ``value`` shows in an entry whose marking has ``term``."""
    if name == spec.term_field and value is None and term is not None:
        # No term was set: the default for the level applies, and is shown as such.
        default = "（按密级默认）" if lang != "en" else " (default for the level)"
        return spec.field(name).display(term, lang) + default
    return spec.field(name).display(value, lang)


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Value
    after: Value


@dataclass(frozen=True, slots=True)
class Revision:
    revision: int
    change: str  # create, edit, void, status
    at: str
    account: str
    status: str
    voided: bool
    void_reason: str | None
    note: str
    values: Mapping[str, Value]
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class Query:
    """A page of a register: filters (field → input text, as a person types it), a search
    text, a sort (``None`` = the definition's default), and paging. ``deadline`` (a key of
    a module's deadline on this register) keeps only that deadline's entries as of today.

    ``ranges`` bounds date fields: field → (from, to) as typed, either may be ``""`` (open);
    a bound may be a day, a month (``2026-11``) or a year (``2026``), taken from its first
    day or to its last (:mod:`secrecy_desk.records.periods`). ``created_by`` keeps the
    entries one login entered ("mine"); ``""`` is everyone's.

    Paging by ``after`` (keyset) reads on from an entry through the sort index and costs the
    same at any depth; ``offset`` skips rows and costs in proportion to it. ``backward`` reads
    the page that ends just before ``after`` (or, with no ``after``, the last page), still
    returned in the query's order."""

    where: Mapping[str, str] = field(default_factory=dict)
    search: str = ""
    sort: tuple[SortKey, ...] | None = None
    include_voided: bool = False
    offset: int = 0
    limit: int | None = 100
    deadline: str = ""
    ranges: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    created_by: str = ""
    #: The id of the entry the page follows in the query's order (``None``: from the start).
    after: int | None = None
    backward: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the list (a filter, a range, a search, "mine", a
        deadline)."""
        return bool(self.where or self.search or self.ranges or self.created_by or self.deadline)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What an operation changed, so a view refreshes only that."""

    entry: Entry
    changed_fields: tuple[str, ...]
    notices_confirmed: tuple[str, ...] = ()

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
            return spec.status(self.status).label(lang) if self._known(spec) else self.status
        value = self.values.get(name)
        if name == spec.term_field and value is None and self.term is not None:
            # No term was set: the default for the level applies, and is shown as such.
            default = "（按密级默认）" if lang != "en" else " (default for the level)"
            return spec.field(name).display(self.term, lang) + default
        return spec.field(name).display(value, lang)

    def _known(self, spec: FormSpec) -> bool:
        return any(s.code == self.status for s in spec.statuses)


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
    a module's deadline on this register) keeps only that deadline's entries as of today."""

    where: Mapping[str, str] = field(default_factory=dict)
    search: str = ""
    sort: tuple[SortKey, ...] | None = None
    include_voided: bool = False
    offset: int = 0
    limit: int | None = 100
    deadline: str = ""


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What an operation changed, so a view refreshes only that."""

    entry: Entry
    changed_fields: tuple[str, ...]
    notices_confirmed: tuple[str, ...] = ()

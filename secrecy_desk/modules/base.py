"""The module descriptor (模块描述): what the shell, the command line, the code verifier, the
audit tab and the permission grid know of a domain — declared once, statically, in the domain's
package (``secrecy_desk/modules/<domain>/__init__.py``) and listed in
:mod:`secrecy_desk.modules.registry`. Outside its own package no domain is known by name.

A descriptor is data: it names its GUI tab and its CLI command modules by dotted path, so that
reading the registry imports no engine, no printing layer and no Qt; the shell and the command
line import a tab's or a command's module only when it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Protocol

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Principal, Role
from secrecy_desk.forms import Forms, FormSpec
from secrecy_desk.records.rules import Rule
from secrecy_desk.vault.db import Store
from secrecy_desk.vault.session import Session


@dataclass(frozen=True, slots=True)
class Title:
    """A name in both languages (Chinese first)."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Scope:
    """A row of the secadmin's permission grid: a module, or one register of the registers
    module. ``actions`` are the columns that mean something for it."""

    id: str
    title: Title
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class TabSpec:
    """A main-window tab: ``factory`` is ``"package.module:Class"``, called as
    ``Class(ctx)`` — or ``Class(ctx, argument)`` when an argument is given — the first time the
    tab is shown. ``group`` is the navigator group it is a page of (one of
    :data:`secrecy_desk.modules.registry.GROUPS`; a register's tab takes its definition's
    ``group`` key); without one the tab is a group of its own, after the declared groups."""

    key: str
    title: Title
    factory: str
    argument: str | None = None
    group: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """A group of the main window's navigator (人员, 载体与设备 …): a top-level tab whose pages
    are the tabs declaring it, in registry order."""

    id: str
    title: Title


@dataclass(frozen=True, slots=True)
class Command:
    """A ``secrecy-desk-admin`` command: ``target`` is a module with ``PARSERS[name](sub)``
    (adds the command's arguments) and ``COMMANDS[name](args, env)`` (runs it)."""

    name: str
    help: str
    target: str


class RevisionLookup(Protocol):
    """The current revision of an object the module owns (``kind``, ``number``), or ``None``
    when there is none within ``clearance``. Used by code verification."""

    def __call__(self, store: Store, kind: str, number: str, clearance: Level) -> int | None: ...


def _no_objects(forms: Forms) -> Sequence[str]:
    del forms
    return ()


def _no_tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    del forms, principal
    return ()


def _no_scopes(forms: Forms) -> Sequence[Scope]:
    del forms
    return ()


@dataclass(frozen=True, slots=True)
class EntryDeadline:
    """A deadline on a register's entries, declared as an indexed query.

    It selects the live entries of ``register`` for which ``when`` holds — a condition that
    does not depend on the day, in SQL over the entry's fields written ``{name}`` (their stored
    form: dates ``YYYY-MM-DD``, yes/no 1/0, money in fen) and the columns ``level`` and
    ``status`` — and whose ``day`` (an SQL date expression over the same) falls in
    ``[today + start, today + end)`` days (``None``: no bound). The register engine keeps a
    partial index on ``(day, level)`` under ``when`` for each, so the count, clearance
    included, reads that index only — never the entries."""

    register: str
    when: str
    day: str
    start: int | None = None
    end: int | None = 0


#: A module's own count for a deadline on records that are not register entries (its own
#: tables, read through their indexes), as the session may see them. A deadline names it by
#: dotted path (``"package.module:function"``), imported only when counted.
DeadlineCount = Callable[[Session, Forms, date], int]


#: How a deadline line is shown: past due (red) or coming up (amber).
OVERDUE: Final = "overdue"
ATTENTION: Final = "attention"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A line of the home tab's work list: what needs doing, with its count.

    ``register`` is the scope (a register or a module id) the account must be allowed to view
    for the line to appear. The count is ``entries`` (an indexed query on the register's
    entries; the line opens the register's tab showing exactly those entries) or ``count``
    (the dotted path of the module's own indexed count, a :data:`DeadlineCount`; the line
    opens ``tab``, whose widget is asked to show
    the line's items by its ``show_deadline(key)`` when it has one). ``severity`` is
    :data:`OVERDUE` or :data:`ATTENTION`."""

    key: str
    title: Title
    register: str
    entries: EntryDeadline | None = None
    count: str = ""
    tab: str = ""
    severity: str = OVERDUE


def _no_deadlines(forms: Forms) -> Sequence[Deadline]:
    del forms
    return ()


@dataclass(frozen=True, slots=True)
class Dimension:
    """A way the statistics count a register's entries: ``level`` (the entry's mark),
    ``status``, ``field:<name>`` (a field's value — a choice, yes/no, a level, a department),
    or ``<period>:<name>`` with period ``month``, ``quarter``, ``half`` or ``year`` of a date
    field."""

    key: str
    title: Title


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of a periodic report: what is counted, the figure, and a note (a breakdown)
    — printed as written (Chinese)."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Figures:
    """A section of a periodic report as counted; ``level`` is the highest level among the
    records it counts (the report is marked with the highest of its sections)."""

    title: str
    lines: tuple[Figure, ...]
    level: Level = Level.INTERNAL


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A section a module contributes to the half-year and annual secrecy work report:
    ``figures`` is the dotted path (``"package.module:function"``) of
    ``function(registers, start, end) -> Figures`` over the period ``[start, end]``, imported
    when the report is made; ``order`` places it among the others' sections."""

    key: str
    title: Title
    figures: str
    order: int = 100


def _no_dimensions(spec: FormSpec) -> Sequence[Dimension]:
    del spec
    return ()


class Samples(Protocol):
    """What a paper's sample maker gets: the demo vault (the demo's data on a fixed clock)
    and a session of one of its people by role. Only one session is open at a time: asking
    for another role logs the previous one out."""

    @property
    def forms(self) -> Forms: ...

    def session(self, role: Role = Role.OFFICER) -> Session: ...


@dataclass(frozen=True, slots=True)
class Paper:
    """A kind of paper the module prints (纸质件): each register's form and list, each
    commitment template, each approval type, each report.

    ``sample`` is ``"package.module:function"``, called as ``function(samples, argument)``; it
    returns the :class:`~secrecy_desk.records.printing.PrintJob` of one sample from the demo
    vault (adding the sample data it needs when the demo lacks it). The paper test suite
    (``tests/paper``) and ``./desk paper`` print every declared paper: a new module's papers
    join them by being declared here."""

    key: str
    title: Title
    sample: str
    argument: str | None = None


def _no_papers(forms: Forms) -> Sequence[Paper]:
    del forms
    return ()


@dataclass(frozen=True)
class Module:
    """One domain, as the rest of the program sees it.

    * ``rules`` — the code a form definition names in ``rules = [...]``;
    * ``audit_events`` — every action it writes to the audit trail (a test checks the list
      against the code);
    * ``scopes`` — its rows in the permission grid;
    * ``objects`` / ``revision`` — the object kinds its records print under (the print
      register's ``object`` is ``kind:number``) and how to find one's current revision;
    * ``tabs`` — its main-window tabs for a principal; ``commands`` — its CLI commands;
    * ``deadlines`` — what it adds to the home tab (see :class:`Deadline`);
    * ``dimensions`` — what a register's statistics may count by (see :class:`Dimension`);
    * ``report_sections`` — its sections of the periodic work report (see
      :class:`ReportSection`);
    * ``papers`` — every kind of paper it prints, with a sample maker (see :class:`Paper`).
    * ``stocktake_figures`` — the dotted path of ``function(registers)`` giving the last closed
      stocktake's figures (closed_on, expected, found, rate) or ``None``: the self-inspection
      sheet's match rate (账物相符率), from whichever module keeps stocktakes.
    """

    id: str
    title: Title
    audit_events: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    scopes: Callable[[Forms], Sequence[Scope]] = _no_scopes
    objects: Callable[[Forms], Sequence[str]] = _no_objects
    revision: RevisionLookup | None = None
    tabs: Callable[[Forms, Principal], Sequence[TabSpec]] = _no_tabs
    commands: tuple[Command, ...] = ()
    deadlines: Callable[[Forms], Sequence[Deadline]] = _no_deadlines
    dimensions: Callable[[FormSpec], Sequence[Dimension]] = _no_dimensions
    report_sections: tuple[ReportSection, ...] = ()
    papers: Callable[[Forms], Sequence[Paper]] = _no_papers
    stocktake_figures: str = ""

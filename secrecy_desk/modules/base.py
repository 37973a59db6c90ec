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
from typing import Protocol

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import Forms
from secrecy_desk.records.rules import Rule
from secrecy_desk.vault.db import Store


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
    tab is shown."""

    key: str
    title: Title
    factory: str
    argument: str | None = None


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
class Deadline:
    """A line of the home tab's "needs action" list: the entries of ``register`` that its rules
    flag (overdue in red, needing attention in amber), counted for the accounts that may see
    the register; the line opens the register."""

    key: str
    title: Title
    register: str
    #: ``"package.module:function"`` when the module counts the line itself from its own
    #: tables (open stocktakes, say): called as ``function(registers)`` and returning
    #: (total, overdue, attention); the line is titled ``title`` and opens ``register``.
    tally: str | None = None


def _no_deadlines(forms: Forms) -> Sequence[Deadline]:
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
    * ``deadlines`` — what it adds to the home tab (see :class:`Deadline`).
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

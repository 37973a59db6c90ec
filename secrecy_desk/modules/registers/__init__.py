"""Registers (台账): the generic engine every register definition under ``forms/registers/``
runs on — entries, revisions, numbering, voiding, search, import and export, their paper forms
and lists (:mod:`.engine`, :mod:`.planning`, :mod:`.io`, :mod:`.printouts`)."""

from collections.abc import Sequence
from typing import Final

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import FieldType, Forms, FormSpec
from secrecy_desk.modules.base import Command, Dimension, Module, Paper, Scope, TabSpec, Title
from secrecy_desk.modules.registers.engine import (
    SYSTEM_REGISTERS,
    Cancelled,
    ImportFailed,
    NeedsConfirmation,
    Progress,
    Registers,
)
from secrecy_desk.records.model import NUMBER, STATUS, Entry, FieldChange, Query, Revision
from secrecy_desk.vault.db import Store

_ACTIONS = (Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID, Action.PRINT, Action.EXPORT)


def _scopes(forms: Forms) -> Sequence[Scope]:
    return [
        Scope(
            s.id,
            Title(s.title_zh, s.title_en),
            (Action.VIEW, Action.PRINT, Action.EXPORT) if s.id in SYSTEM_REGISTERS else _ACTIONS,
        )
        for s in forms.registers
    ]


def _objects(forms: Forms) -> Sequence[str]:
    return [s.id for s in forms.registers]


def _revision(store: Store, kind: str, number: str, clearance: Level) -> int | None:
    row = store.one(
        "SELECT revision FROM entries WHERE register = ? AND number = ? AND level <= ?",
        (kind, number, int(clearance)),
    )
    return int(row[0]) if row is not None else None


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    return [
        TabSpec(
            f"register:{s.id}",
            Title(s.title_zh, s.title_en),
            "secrecy_desk.gui.registers.tab:open_register_tab",
            s.id,
            group=s.group,
        )
        for s in forms.registers
        if principal.can(s.id, Action.VIEW)
    ]


#: Fields whose values the statistics count by (a date field counts by period instead).
_COUNTED: Final = frozenset({FieldType.CHOICE, FieldType.BOOL, FieldType.LEVEL})
#: Free-text fields that name a department (部门) are counted by their value too.
_DEPARTMENT: Final = ("department", "dept", "unit_department")
PERIODS: Final = (
    ("month", "月", "month"),
    ("quarter", "季度", "quarter"),
    ("half", "半年", "half-year"),
    ("year", "年", "year"),
)


def _dimensions(spec: FormSpec) -> Sequence[Dimension]:
    """Every register counts by its mark and its status, by each choice, yes/no and level
    field and department, and by period of each date field — declared once here, so a
    register added by a definition has its statistics with no further work."""
    out = [Dimension("level", Title("密级", "Level")), Dimension("status", Title("状态", "Status"))]
    for f in spec.fields:
        if f.name == spec.level_field:
            continue  # the entry's mark already counts it
        if f.type in _COUNTED or (f.type is FieldType.TEXT and f.name in _DEPARTMENT):
            out.append(Dimension(f"field:{f.name}", Title(f.label_zh, f.label_en)))
    for f in spec.fields:
        if f.type is FieldType.DATE:
            for period, zh, en in PERIODS:
                out.append(
                    Dimension(
                        f"{period}:{f.name}",
                        Title(f"{f.label_zh}（按{zh}）", f"{f.label_en} by {en}"),
                    )
                )
    return out


def _papers(forms: Forms) -> Sequence[Paper]:
    """Each register's form and its list."""
    papers: list[Paper] = []
    maker = "secrecy_desk.modules.registers.printouts"
    for s in forms.registers:
        title = Title(s.layout.title_zh or s.title_zh, s.layout.title_en or s.title_en)
        listed = Title(s.listing.title_zh or s.title_zh, s.listing.title_en or s.title_en)
        papers.append(Paper(f"register.{s.id}.form", title, f"{maker}:sample_form", s.id))
        papers.append(Paper(f"register.{s.id}.list", listed, f"{maker}:sample_list", s.id))
    return papers


MODULE = Module(
    id="registers",
    title=Title("台账", "Registers"),
    audit_events=(
        "entry.create",
        "entry.edit",
        "entry.view",
        "entry.void",
        "entry.print",
        "register.import",
        "register.export",
        "register.print",
    ),
    scopes=_scopes,
    objects=_objects,
    revision=_revision,
    tabs=_tabs,
    dimensions=_dimensions,
    commands=(
        Command("entries", "register entries", "secrecy_desk.cli.registers"),
        Command(
            "import", "import a .csv or .xlsx file (all or nothing)", "secrecy_desk.cli.registers"
        ),
        Command("export", "export a register to .csv or .xlsx", "secrecy_desk.cli.registers"),
    ),
    papers=_papers,
)

__all__ = [
    "MODULE",
    "NUMBER",
    "STATUS",
    "Cancelled",
    "Entry",
    "FieldChange",
    "ImportFailed",
    "NeedsConfirmation",
    "Progress",
    "Query",
    "Registers",
    "Revision",
]

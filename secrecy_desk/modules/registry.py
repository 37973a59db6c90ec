"""The static list of modules (模块注册表). A new domain is one line here — never discovered,
never loaded from a user-chosen path.

Everything that must know every module reads this list: the register engine's rule table
(:data:`RULES`), the main window's tabs, the command line's command table, the code verifier,
the audit tab's action filter and the security administrator's permission grid. Reading it
imports each domain's descriptor only — no engine, no printing layer, no Qt.
"""

from __future__ import annotations

import importlib
from typing import Final

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Principal
from secrecy_desk.forms import DEFAULT_GROUP, Forms, FormSpec
from secrecy_desk.modules import (
    admin,
    approvals,
    carriers,
    classification,
    commitments,
    drawings,
    gifts,
    office,
    personnel,
    prints,
    reports,
)
from secrecy_desk.modules import registers as registers_module
from secrecy_desk.modules.base import (
    Command,
    Deadline,
    Dimension,
    EntryDeadline,
    Group,
    Module,
    Paper,
    ReportSection,
    Scope,
    TabSpec,
    Title,
)
from secrecy_desk.modules.registers import deadlines as deadline_sql
from secrecy_desk.modules.registers.engine import Progress, Registers
from secrecy_desk.modules.registers.planning import list_indexes
from secrecy_desk.modules.reports import indexes
from secrecy_desk.records.rules import Rule
from secrecy_desk.vault.db import Store
from secrecy_desk.vault.session import Session

#: Every module, in the order their tabs, commands and permission rows appear.
MODULES: Final[tuple[Module, ...]] = (
    registers_module.MODULE,
    personnel.MODULE,
    drawings.MODULE,
    gifts.MODULE,
    prints.MODULE,
    commitments.MODULE,
    approvals.MODULE,
    carriers.MODULE,
    classification.MODULE,
    office.MODULE,
    reports.MODULE,
    admin.MODULE,
)

#: The main window's navigator groups, in their order (Alt+2 … after Home): a register's
#: definition names its group (``group = "documents"``), a module's tab its ``TabSpec.group``.
GROUPS: Final[tuple[Group, ...]] = (
    Group("documents", Title("文件资料", "Documents")),
    Group("carriers", Title("载体与设备", "Carriers and equipment")),
    Group("personnel", Title("人员", "Personnel")),
    Group("approvals", Title("审批", "Approvals")),
    Group("office", Title("保密办", "Secrecy office")),
    Group("reports", Title("统计", "Statistics")),
    Group(DEFAULT_GROUP, Title("其他台账", "Other registers")),
)

#: Every module rule by id; a form definition names the ones it uses.
RULES: Final[dict[str, Rule]] = {rule.id: rule for m in MODULES for rule in m.rules}


def open_registers(session: Session, forms: Forms, progress: Progress | None = None) -> Registers:
    """The register engine for a session, with every module's rules and deadlines, and the
    titles of the object kinds printed records name (the print register shows 图纸发放登记
    TZFS-…). Its indexes, the statistics' too, come with the schema (:func:`register_indexes`):
    opening it does no DDL. Once after an upgrade it makes the search documents again, which
    ``progress`` follows (``Registers``)."""
    registers = Registers(
        session,
        forms,
        RULES,
        entry_deadlines(forms),
        object_titles=object_titles(forms),
        progress=progress,
    )
    return registers


def object_titles(forms: Forms) -> dict[str, Title]:
    """Each printed object kind (``kind`` of ``kind:number``) → its title as users know it:
    the register's title, or the owning module's."""
    out: dict[str, Title] = {}
    for m in MODULES:
        for kind in m.objects(forms):
            spec = forms.get(kind)
            out[kind] = Title(spec.title_zh, spec.title_en) if spec is not None else m.title
    return out


def module(module_id: str) -> Module:
    for m in MODULES:
        if m.id == module_id:
            return m
    raise KeyError(module_id)


def papers(forms: Forms) -> list[Paper]:
    """Every kind of paper every module prints, in module order (keys are unique)."""
    return [p for m in MODULES for p in m.papers(forms)]


def commands() -> list[Command]:
    return [c for m in MODULES for c in m.commands]


def tabs(forms: Forms, principal: Principal) -> list[TabSpec]:
    """Every module's tabs in registry order; a later module's tab with the key of an earlier
    one takes its place (the carriers module's own tabs for its registers, say)."""
    out: dict[str, TabSpec] = {}
    for m in MODULES:
        for t in m.tabs(forms, principal):
            out[t.key] = t
    return list(out.values())


def navigation(forms: Forms, principal: Principal) -> list[tuple[Group, list[TabSpec]]]:
    """The principal's tabs (:func:`tabs`) grouped for the navigator: the declared groups in
    :data:`GROUPS` order, each with its tabs in registry order (empty groups left out), then
    every tab of no declared group as a group of its own."""
    known = {g.id: g for g in GROUPS}
    pages: dict[str, list[TabSpec]] = {g.id: [] for g in GROUPS}
    alone: list[tuple[Group, list[TabSpec]]] = []
    for t in tabs(forms, principal):
        if t.group in known:
            pages[t.group].append(t)
        else:
            alone.append((Group(t.key, t.title), [t]))
    return [(known[g], specs) for g, specs in pages.items() if specs] + alone


def scopes(forms: Forms) -> list[Scope]:
    return [s for m in MODULES for s in m.scopes(forms)]


def deadlines(forms: Forms) -> list[Deadline]:
    return [d for m in MODULES for d in m.deadlines(forms)]


def entry_deadlines(forms: Forms) -> dict[str, EntryDeadline]:
    """The deadlines on register entries, by key (the engine keeps an index for each)."""
    return {d.key: d.entries for d in deadlines(forms) if d.entries is not None}


def dimensions(spec: FormSpec) -> list[Dimension]:
    """What the statistics of register ``spec`` may count by, from every module."""
    return [d for m in MODULES for d in m.dimensions(spec)]


def report_sections() -> list[ReportSection]:
    """Every module's sections of the periodic work report, in report order."""
    return sorted((r for m in MODULES for r in m.report_sections), key=lambda r: r.order)


def stocktake_figures() -> str | None:
    """The dotted path of the module's last-stocktake figures (``Module.stocktake_figures``),
    or ``None`` when no module keeps stocktakes."""
    return next((m.stocktake_figures for m in MODULES if m.stocktake_figures), None)


def audit_events() -> list[str]:
    """Every action a module writes to the audit trail, in registry order."""
    return [e for m in MODULES for e in m.audit_events]


def current_revision(
    store: Store, forms: Forms, kind: str, number: str, clearance: Level
) -> int | None:
    """The current revision of the printed object ``kind:number``, asked of the module that
    owns ``kind``; ``None`` when no module owns it or the object is not within ``clearance``."""
    for m in MODULES:
        if m.revision is not None and kind in m.objects(forms):
            return m.revision(store, kind, number, clearance)
    return None


def resolve(dotted: str) -> object:
    """``"package.module:Name"`` → the object (a tab class, say), imported now."""
    module_name, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module_name), name)


def register_indexes(forms: Forms) -> dict[str, str]:
    """Every index the registers read by, name → ``CREATE INDEX`` (the list indexes and the
    deadlines'; the statistics read the statistics table ``entry_dims`` and its counts): what
    the schema step ``vault.register_indexes`` holds, frozen, and a test compares
    (``scripts/register_indexes.py`` writes it again after a definition changes)."""
    return list_indexes(forms.registers) | deadline_sql.indexes(
        forms.registers, entry_deadlines(forms)
    )


def register_dims(forms: Forms) -> dict[str, tuple[str, ...]]:
    """Every register's fields that the statistics table ``entry_dims`` holds (register →
    fields, in column order): what ``vault.register_indexes.COUNTED`` holds, frozen, for the
    triggers schema step 14 makes (``scripts/register_indexes.py`` writes it again)."""
    return indexes.counted(forms.registers, dimensions)


def register_months(forms: Forms) -> dict[str, tuple[str, ...]]:
    """Every register's counted fields that are dates (register → fields), which the
    combination counts ``entry_dim_counts`` hold by month: what
    ``vault.register_indexes.MONTHLY`` holds, frozen, for the triggers of schema step 15."""
    return indexes.monthly(forms.registers, dimensions)

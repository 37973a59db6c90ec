"""The carriers module's sections of the periodic work report (issue 17): carriers and
equipment by level and status with the period's changes, the stocktakes closed in the period
with their match rates (账物相符率), and the destruction totals.

Every figure is one indexed count within the reader's clearance: the registers by level and
status read the entries' list and status indexes; the period's events read the events' date
index (schema 13) and their entries by id; stocktakes and packages are small tables."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.carriers.lifecycle import (
    CARRIERS,
    DESTROY,
    EQUIPMENT,
    REGISTER,
    event_label,
)
from secrecy_desk.modules.carriers.papers import METHOD_LABELS
from secrecy_desk.modules.carriers.stocktake import CLOSED
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports.periodic import breakdown, grouped

_LEVELS = {str(int(level)): level.zh for level in reversed(Level)}
#: The stocktakes named one by one in the report; more are counted in the total only.
_NAMED = 10
#: What the report calls each register's items, and their measure word.
_NAMES = {CARRIERS: ("涉密载体", "件"), EQUIPMENT: ("涉密信息设备", "台")}


def _register(
    registers: Registers, register: str, start: date, end: date
) -> tuple[tuple[Figure, ...], Level]:
    """The register by level and status now, and its events in the period by kind."""
    spec = registers.spec(register)
    title, unit = _NAMES[register]
    by_level, top = grouped(registers, register, "level", ["status <> 'destroyed'"])
    by_status, _ = grouped(registers, register, "status")
    statuses = {s.code: s.zh for s in spec.statuses}
    clearance = int(registers.session.principal.clearance)
    rows = registers.store.all(
        "SELECT v.kind, e.level, count(*) FROM carrier_events v "
        "JOIN entries e ON e.id = v.entry_id "
        "WHERE v.on_date BETWEEN ? AND ? AND e.register = ? AND e.voided = 0 AND e.level <= ? "
        "GROUP BY v.kind, e.level",
        (start.isoformat(), end.isoformat(), register, clearance),
    )
    events: dict[str, int] = {}
    registered: dict[str, int] = {}
    for kind, level, n in rows:
        events[str(kind)] = events.get(str(kind), 0) + int(n)
        if kind == REGISTER:
            registered[str(level)] = int(n)
        top = max(top, Level(int(level)))
    kinds = {k: event_label(k, "zh_CN") for k in events}
    return (
        Figure(
            f"{title}在册（{unit}，制表时，不含已销毁）",
            str(sum(by_level.values())),
            breakdown(by_level, _LEVELS),
        ),
        Figure(
            f"{title}按状态（{unit}，制表时）",
            str(sum(by_status.values())),
            breakdown(by_status, statuses),
        ),
        Figure(
            f"本期新登记{title}（{unit}）",
            str(sum(registered.values())),
            breakdown(registered, _LEVELS),
        ),
        Figure(f"本期{title}流转（次）", str(sum(events.values())), breakdown(events, kinds)),
    ), top


def carrier_figures(registers: Registers, start: date, end: date) -> Figures:
    """Carriers and equipment: in the register by level and status, the period's changes."""
    registers.require(CARRIERS, Action.VIEW)  # else the section is left out
    lines: list[Figure] = []
    top = Level.PUBLIC
    for register in (CARRIERS, EQUIPMENT):
        if registers.session.principal.can(register, Action.VIEW):
            more, level = _register(registers, register, start, end)
            lines += more
            top = max(top, level)
    return Figures("涉密载体与设备", tuple(lines), max(top, Level.INTERNAL))


def stocktake_figures(registers: Registers, start: date, end: date) -> Figures:
    """The stocktakes closed in the period, each with its match rate, and the whole."""
    registers.require(CARRIERS, Action.VIEW)
    rows = registers.store.all(
        "SELECT number, expected, found, missing, elsewhere, unexpected, level "
        "FROM carrier_stocktakes WHERE state = ? AND closed_on BETWEEN ? AND ? AND level <= ? "
        "ORDER BY closed_on, id",
        (CLOSED, start.isoformat(), end.isoformat(), int(registers.session.principal.clearance)),
    )
    expected = sum(int(r[1] or 0) for r in rows)
    found = sum(int(r[2] or 0) for r in rows)
    named = "、".join(f"{r[0]} {_rate(int(r[2] or 0), int(r[1] or 0))}" for r in rows[:_NAMED]) + (
        "等" if len(rows) > _NAMED else ""
    )
    lines = (
        Figure("本期完成清查（次）", str(len(rows)), named),
        Figure("应在（件）", str(expected)),
        Figure("清点在位（件）", str(found)),
        Figure("缺失（件）", str(sum(int(r[3] or 0) for r in rows))),
        Figure("异地发现（件）", str(sum(int(r[4] or 0) for r in rows))),
        Figure("账外发现（件）", str(sum(int(r[5] or 0) for r in rows))),
        Figure("账物相符率（本期合计）", _rate(found, expected) if rows else "—"),
    )
    top = max([Level.INTERNAL, *(Level(int(r[6])) for r in rows)])
    return Figures("载体清查", lines, top)


def _rate(found: int, expected: int) -> str:
    return f"{found / expected:.1%}" if expected else "100.0%"


def destruction_figures(registers: Registers, start: date, end: date) -> Figures:
    """Packages destroyed in the period (by method) and the items destroyed (by level)."""
    registers.require(CARRIERS, Action.VIEW)
    clearance = int(registers.session.principal.clearance)
    period = (start.isoformat(), end.isoformat())
    # A package counts when every item in it is within the clearance (its level is theirs).
    packages = registers.store.all(
        "SELECT p.method, count(*) FROM carrier_packages p WHERE p.state = 'executed' "
        "AND p.destroyed_on BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM "
        "carrier_package_items i JOIN entries e ON e.id = i.entry_id "
        "WHERE i.package_id = p.id AND e.level > ?) GROUP BY p.method",
        (*period, clearance),
    )
    methods = {str(m): int(n) for m, n in packages}
    items: dict[str, dict[str, int]] = {CARRIERS: {}, EQUIPMENT: {}}
    top = Level.INTERNAL
    for register, level, n in registers.store.all(
        "SELECT e.register, e.level, count(*) FROM carrier_events v "
        "JOIN entries e ON e.id = v.entry_id WHERE v.on_date BETWEEN ? AND ? AND v.kind = ? "
        "AND e.voided = 0 AND e.level <= ? GROUP BY e.register, e.level",
        (*period, DESTROY, clearance),
    ):
        items.setdefault(str(register), {})[str(level)] = int(n)
        top = max(top, Level(int(level)))
    labels = {code: zh for code, (zh, _en) in METHOD_LABELS.items()}
    lines = (
        Figure("本期执行销毁（批）", str(sum(methods.values())), breakdown(methods, labels)),
        Figure(
            "本期销毁载体（件）",
            str(sum(items[CARRIERS].values())),
            breakdown(items[CARRIERS], _LEVELS),
        ),
        Figure(
            "本期销毁设备（台）",
            str(sum(items[EQUIPMENT].values())),
            breakdown(items[EQUIPMENT], _LEVELS),
        ),
    )
    return Figures("载体销毁", lines, top)

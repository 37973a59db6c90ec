"""The office registers' section of the periodic work report: self-inspections and their
findings (raised, rectified, verified, overdue), incidents (discovered, reported, closed,
open) in the period — each counted from the registers within the account's clearance."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.reports.periodic import breakdown, grouped

INSPECTIONS = "inspections"
FINDINGS = "inspection_findings"
INCIDENTS = "incidents"


def _in(field: str) -> list[str]:
    return [f"{{{field}}} BETWEEN ? AND ?"]


def inspection_figures(registers: Registers, start: date, end: date) -> Figures:
    period = [start.isoformat(), end.isoformat()]
    held, a = grouped(registers, INSPECTIONS, "{kind}", _in("inspected_on"), period)
    raised, b = grouped(
        registers, FINDINGS, "{severity}", ["substr(created_at, 1, 10) BETWEEN ? AND ?"], period
    )
    rectified, c = grouped(registers, FINDINGS, "{severity}", _in("rectified_on"), period)
    verified, d = grouped(registers, FINDINGS, "{severity}", _in("verified_on"), period)
    severity = {c.code: c.zh for c in registers.spec(FINDINGS).field("severity").choices}
    kinds = {c.code: c.zh for c in registers.spec(INSPECTIONS).field("kind").choices}
    overdue = registers.count(FINDINGS, Query(deadline="inspection_findings.overdue", limit=None))
    lines = (
        Figure("本期开展检查（次）", str(sum(held.values())), breakdown(held, kinds)),
        Figure("本期发现问题（项）", str(sum(raised.values())), breakdown(raised, severity)),
        Figure("本期完成整改（项）", str(sum(rectified.values())), breakdown(rectified, severity)),
        Figure("本期验证整改（项）", str(sum(verified.values())), breakdown(verified, severity)),
        Figure("整改逾期未验证（项，制表时）", str(overdue)),
    )
    return Figures("保密检查与整改", lines, max(a, b, c, d, Level.INTERNAL))


def incident_figures(registers: Registers, start: date, end: date) -> Figures:
    period = [start.isoformat(), end.isoformat()]
    found, a = grouped(registers, INCIDENTS, "level", _in("discovered_on"), period)
    reported, b = grouped(registers, INCIDENTS, "level", _in("reported_on"), period)
    closed, c = grouped(registers, INCIDENTS, "level", _in("closed_on"), period)
    levels = {str(int(v)): v.zh for v in Level}
    still_open = registers.count(INCIDENTS, Query(deadline="incidents.open", limit=None))
    unreported = registers.count(INCIDENTS, Query(deadline="incidents.unreported", limit=None))
    lines = (
        Figure("本期发现泄密事件（起）", str(sum(found.values())), breakdown(found, levels)),
        Figure("本期上报（起）", str(sum(reported.values())), breakdown(reported, levels)),
        Figure("本期结案（起）", str(sum(closed.values())), breakdown(closed, levels)),
        Figure("尚未结案（起，制表时）", str(still_open + unreported)),
        Figure("其中未按时上报（起，制表时）", str(unreported)),
    )
    return Figures("泄密事件", lines, max(a, b, c, Level.INTERNAL))

"""The gifts module's section of the periodic work report: gifts received and handed in during
the period, the value handed in, how they were disposed of (and those disposed of in the period),
and what is overdue."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.money import Money
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.gifts import REGISTER
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.reports.periodic import breakdown, grouped


def gifts(registers: Registers, start: date, end: date) -> Figures:
    spec = registers.spec(REGISTER)
    period = [start.isoformat(), end.isoformat()]
    received, top = grouped(
        registers, REGISTER, "{kind}", ["{received_on} BETWEEN ? AND ?"], period
    )
    handed, level = grouped(
        registers, REGISTER, "{disposition}", ["{handed_in_on} BETWEEN ? AND ?"], period
    )
    disposed, done = grouped(
        registers, REGISTER, "{disposition}", ["{disposed_on} BETWEEN ? AND ?"], period
    )
    value = registers.store.scalar(
        "SELECT coalesce(sum(json_extract(data, '$.value')), 0) FROM entries "
        "WHERE register = ? AND voided = 0 AND level <= ? "
        "AND json_extract(data, '$.handed_in_on') BETWEEN ? AND ?",
        (REGISTER, int(registers.session.principal.clearance), *period),
    )
    kinds = {c.code: c.zh for c in spec.field("kind").choices}
    ways = {c.code: c.zh for c in spec.field("disposition").choices}
    overdue = registers.count(REGISTER, Query(deadline="gifts.hand_in_overdue", limit=None))
    lines = (
        Figure("本期登记礼品礼金（件）", str(sum(received.values())), breakdown(received, kinds)),
        Figure("本期上交（件）", str(sum(handed.values())), breakdown(handed, ways)),
        Figure("本期上交金额（元）", Money(int(value)).display() if value else "0", ""),
        Figure("本期处置（件）", str(sum(disposed.values())), breakdown(disposed, ways)),
        Figure("超过一周未上交（件，制表时）", str(overdue)),
    )
    return Figures("礼品礼金", lines, max(top, level, done))

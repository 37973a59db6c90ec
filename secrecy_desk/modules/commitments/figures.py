"""The commitments module's section of the periodic work report: signed in the period by
kind, and what is missing or unsigned at the time of the report."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FormKind
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.commitments import ID, TITLE, due
from secrecy_desk.modules.commitments.flow import ARCHIVED
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports.periodic import breakdown


def commitments(registers: Registers, start: date, end: date) -> Figures:
    session = registers.session
    session.principal.require(ID, Action.VIEW, TITLE)
    clearance = int(session.principal.clearance)
    rows = registers.store.all(
        "SELECT template, count(*), max(level) FROM commitments WHERE status = ? "
        "AND signed_on BETWEEN ? AND ? AND level <= ? GROUP BY template",
        (ARCHIVED, start.isoformat(), end.isoformat(), clearance),
    )
    signed = {str(t): int(n) for t, n, _ in rows}
    top = max([Level.INTERNAL, *(Level(int(lv)) for _t, _n, lv in rows)])
    titles = {s.id: s.title_zh for s in registers.forms.of_kind(FormKind.COMMITMENT)}
    today = session.clock.today()
    lines = (
        Figure("本期签订保密承诺书（份）", str(sum(signed.values())), breakdown(signed, titles)),
        Figure("应签未签（人，制表时）", str(due.missing(session, registers.forms, today))),
        Figure("应续签（人，制表时）", str(due.renew(session, registers.forms, today))),
        Figure("打印一周未签回（份，制表时）", str(due.unsigned(session, registers.forms, today))),
    )
    return Figures("保密承诺书", lines, top)

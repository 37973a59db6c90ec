"""The approvals module's section of the periodic work report: decisions made in the period,
by kind of request and by decision."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FormKind
from secrecy_desk.modules.approvals import ID, TITLE
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports.periodic import breakdown

_DECISIONS = {"approve": "同意", "reject": "不同意", "return": "退回修改"}


def decisions(registers: Registers, start: date, end: date) -> Figures:
    session = registers.session
    session.principal.require(ID, Action.VIEW, TITLE)
    rows = registers.store.all(
        "SELECT r.form, e.decision, count(*), max(r.level) FROM approval_events AS e "
        "JOIN approval_requests AS r ON r.id = e.request_id "
        "WHERE e.kind IN ('decide', 'paper') AND e.voided_at IS NULL AND r.level <= ? "
        "AND coalesce(e.decided_on, substr(e.at, 1, 10)) BETWEEN ? AND ? GROUP BY 1, 2",
        (int(session.principal.clearance), start.isoformat(), end.isoformat()),
    )
    by_form: dict[str, dict[str, int]] = {}
    top = Level.INTERNAL
    for form, decision, n, level in rows:
        by_form.setdefault(str(form), {})[str(decision)] = int(n)
        top = max(top, Level(int(level)))
    lines = [
        Figure(
            f"{spec.title_zh}（审批次数）",
            str(sum(by_form.get(spec.id, {}).values())),
            breakdown(by_form.get(spec.id, {}), _DECISIONS),
        )
        for spec in registers.forms.of_kind(FormKind.APPROVAL)
    ]
    return Figures("保密审批", tuple(lines), top)

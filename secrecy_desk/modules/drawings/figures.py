"""The drawings module's section of the periodic work report: drawings issued and recalled in
the period, by level, and what is overdue for recall."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.drawings import REGISTER
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.reports.periodic import breakdown, grouped

_LEVELS = {str(int(v)): v.label("zh_CN") for v in Level}


def drawings(registers: Registers, start: date, end: date) -> Figures:
    period = [start.isoformat(), end.isoformat()]
    issued, top = grouped(
        registers, REGISTER, "CAST(level AS TEXT)", ["{issued_on} BETWEEN ? AND ?"], period
    )
    back, level = grouped(
        registers, REGISTER, "CAST(level AS TEXT)", ["{recalled_on} BETWEEN ? AND ?"], period
    )
    lost, lost_level = grouped(
        registers, REGISTER, "CAST(level AS TEXT)", ["{loss_recorded_on} BETWEEN ? AND ?"], period
    )
    overdue = registers.count(REGISTER, Query(deadline="drawings.recall_overdue", limit=None))
    lines = (
        Figure("本期发放图纸（次）", str(sum(issued.values())), breakdown(issued, _LEVELS)),
        Figure("本期回收图纸（次）", str(sum(back.values())), breakdown(back, _LEVELS)),
        Figure("本期登记丢失（次）", str(sum(lost.values())), breakdown(lost, _LEVELS)),
        Figure("逾期未回收（次，制表时）", str(overdue)),
    )
    return Figures("涉密图纸", lines, max(top, level, lost_level))

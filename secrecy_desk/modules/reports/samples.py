"""The reports' papers as demo samples (:class:`~secrecy_desk.modules.base.Paper`):
a statistics table with each kind of chart, and the half-year secrecy work report."""

from __future__ import annotations

from typing import Final

from secrecy_desk.core.roles import Role
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports import paper, periodic
from secrecy_desk.modules.reports.stats import StatQuery, count
from secrecy_desk.records.printing import PrintJob

#: A sample table per chart: bars by one dimension, stacked bars of a cross-tab, a line over
#: the months.
TABLES: Final = {
    "bar": StatQuery("carriers", "field:kind"),
    "stacked": StatQuery("carriers", "field:department", "level"),
    "line": StatQuery("gifts", "month:received_on"),
}


def _registers(samples: Samples) -> Registers:
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    return open_registers(samples.session(Role.OFFICER), samples.forms)


def sample_statistics(samples: Samples, chart: str | None) -> PrintJob:
    """The statistics table of :data:`TABLES` ``[chart]``, with its chart."""
    assert chart is not None
    registers = _registers(samples)
    return paper.statistics_job(registers, count(registers, TABLES[chart], "zh_CN"))


def sample_work_report(samples: Samples, argument: str | None) -> PrintJob:
    """The work report of the demo's half-year (the first half of the demo's year)."""
    del argument
    registers = _registers(samples)
    year = registers.session.clock.today().year
    period = periodic.Period.of(year, periodic.FIRST_HALF)
    return periodic.report_job(registers, periodic.work_report(registers, period))

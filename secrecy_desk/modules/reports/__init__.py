"""Statistics and reports (统计报表): counts of every register by the dimensions the modules
declare, on screen as a table and a chart and on paper as a marked report
(:mod:`.stats`, :mod:`.paper`)."""

from collections.abc import Sequence

from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Command, Module, Paper, ReportSection, TabSpec, Title

ID = "reports"
TITLE = Title("统计报表", "Statistics")


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    """For an account that may view some register (each register's figures need its view
    permission; what the clearance hides is not counted)."""
    if principal.is_admin or not any(principal.can(s.id, Action.VIEW) for s in forms.registers):
        return ()
    return (TabSpec(ID, TITLE, "secrecy_desk.gui.reports.tab:StatisticsTab", group="reports"),)


_SAMPLES = "secrecy_desk.modules.reports.samples"


def _papers(forms: Forms) -> Sequence[Paper]:
    """A statistics table with each kind of chart, and the periodic work report."""
    del forms
    return (
        Paper(
            "report.statistics.bar",
            Title("统计表（柱状图）", "Statistics (bar chart)"),
            f"{_SAMPLES}:sample_statistics",
            "bar",
        ),
        Paper(
            "report.statistics.stacked",
            Title("统计表（交叉统计）", "Statistics (cross-tab)"),
            f"{_SAMPLES}:sample_statistics",
            "stacked",
        ),
        Paper(
            "report.statistics.line",
            Title("统计表（按月）", "Statistics (by month)"),
            f"{_SAMPLES}:sample_statistics",
            "line",
        ),
        Paper(
            "report.work",
            Title("保密工作统计报表（半年、年度）", "Secrecy work report"),
            f"{_SAMPLES}:sample_work_report",
        ),
    )


MODULE = Module(
    id=ID,
    title=TITLE,
    audit_events=("report.print", "statistics.print", "report.export"),
    tabs=_tabs,
    commands=(
        Command(
            "reports",
            "statistics and the secrecy work report (统计报表)",
            "secrecy_desk.cli.reports",
        ),
    ),
    report_sections=(
        ReportSection(
            "audit",
            Title("安全审计", "Audit trail checks"),
            "secrecy_desk.modules.reports.periodic:audit_figures",
            order=900,
        ),
    ),
    papers=_papers,
)

"""The secrecy office's registers (保密办台账): communications, archive consultation, visitors,
the typing room's prints, inspections and their findings, incidents — each a definition under
``forms/registers/`` (tab, list, paper form, search, import and export come with it); the code
here is their rules (:mod:`.rules`) and the printed self-inspection sheet (:mod:`.sheet`)."""

from collections.abc import Sequence

from secrecy_desk.core.roles import Principal, Role
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import (
    ATTENTION,
    OVERDUE,
    Command,
    Deadline,
    EntryDeadline,
    Module,
    Paper,
    ReportSection,
    TabSpec,
    Title,
)
from secrecy_desk.modules.office.rules import (
    TELEGRAM_DAYS,
    Archive,
    Comms,
    DocumentPrints,
    Incidents,
    Rectification,
    Visitors,
)

TITLE = Title("定密审查与自查", "Review and self-inspection")


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    """The secrecy officer's tab: the review queue and the papers filled from the data."""
    del forms
    if Role.OFFICER not in principal.roles:
        return ()
    return (TabSpec("office", TITLE, "secrecy_desk.gui.office.tab:OfficeTab", group="office"),)


def _line(key: str, zh: str, en: str, entries: EntryDeadline, severity: str = OVERDUE) -> Deadline:
    return Deadline(key, Title(zh, en), entries.register, entries=entries, severity=severity)


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    """The work-list lines of the office registers, each as its rule flags (:mod:`.rules`)."""
    lines = [
        _line(
            "comms.telegram_pending",
            "密电超期未归档、销毁或退还",
            "Cipher telegrams not filed, destroyed or returned in time",
            EntryDeadline(
                "comms",
                when="{means} = 'cipher_telegram' AND {filed_on} IS NULL AND {disposal} IS NULL",
                day=f"date({{occurred_on}}, '+{TELEGRAM_DAYS} days')",
            ),
            ATTENTION,
        ),
        _line(
            "archive_access.overdue",
            "档案逾期未归还",
            "Archive items overdue for return",
            EntryDeadline("archive_access", when="{returned_on} IS NULL", day="{due_on}"),
        ),
        _line(
            "visitors.not_checked_out",
            "来访人员未登记离开",
            "Visitors not checked out",
            EntryDeadline(
                "visitors",
                when="coalesce({time_out}, '') = ''",
                day="{visit_on}",
            ),
        ),
        _line(
            "document_prints.waste_pending",
            "文件印制废页未登记销毁",
            "Document prints whose waste is not recorded as destroyed",
            EntryDeadline(
                "document_prints",
                when="coalesce({waste_destroyed}, 0) = 0",
                day="substr(created_at, 1, 10)",
                end=1,  # every one registered up to today
            ),
            ATTENTION,
        ),
        _line(
            "inspection_findings.overdue",
            "整改逾期未验证",
            "Rectifications not verified by their deadline",
            EntryDeadline("inspection_findings", when="{verified_on} IS NULL", day="{deadline}"),
        ),
        _line(
            "inspection_findings.unverified",
            "已整改、待验证",
            "Rectified, waiting for verification",
            EntryDeadline(
                "inspection_findings",
                when="{verified_on} IS NULL AND {rectified_on} IS NOT NULL",
                # not yet past its deadline (that one is the red line above)
                day="coalesce({deadline}, '9999-12-31')",
                start=0,
                end=None,
            ),
            ATTENTION,
        ),
        _line(
            "incidents.unreported",
            "泄密事件未按时上报",
            "Incidents not reported upward in time",
            EntryDeadline("incidents", when="{reported_on} IS NULL", day="{discovered_on}"),
        ),
        _line(
            "incidents.open",
            "泄密事件尚未结案",
            "Incidents not yet closed",
            EntryDeadline(
                "incidents",
                when="{closed_on} IS NULL",
                # reported, or discovered today: one not reported after that is the red line
                day="CASE WHEN {reported_on} IS NULL THEN {discovered_on} ELSE '9999-12-31' END",
                start=0,
                end=None,
            ),
            ATTENTION,
        ),
    ]
    return [line for line in lines if line.register in forms]


def _papers(forms: Forms) -> Sequence[Paper]:
    del forms
    return (
        Paper(
            "office.self_inspection",
            Title("保密工作自查表", "Self-inspection sheet"),
            "secrecy_desk.modules.office.sheet:sample_sheet",
        ),
    )


MODULE = Module(
    id="office",
    title=Title("保密办台账", "Secrecy office registers"),
    audit_events=("office.sheet_print",),
    rules=(Comms(), Archive(), Visitors(), DocumentPrints(), Rectification(), Incidents()),
    tabs=_tabs,
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "inspections",
            Title("保密检查与整改", "Inspections and rectification"),
            "secrecy_desk.modules.office.figures:inspection_figures",
            order=700,
        ),
        ReportSection(
            "incidents",
            Title("泄密事件", "Incidents"),
            "secrecy_desk.modules.office.figures:incident_figures",
            order=710,
        ),
    ),
    commands=(
        Command(
            "office",
            "the secrecy office's papers: the self-inspection sheet, the gifts half-year summary",
            "secrecy_desk.cli.office",
        ),
    ),
    papers=_papers,
)

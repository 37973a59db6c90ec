"""Secrecy commitments (保密承诺书, SPEC §3.2): templates with versioned clauses, the generate →
print → sign flow (:mod:`.flow`) and the completeness report (:mod:`.report`). The people they
concern are the personnel module's."""

from collections.abc import Sequence

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import FormKind, Forms
from secrecy_desk.modules.base import (
    ATTENTION,
    Command,
    Deadline,
    Module,
    Paper,
    ReportSection,
    Scope,
    TabSpec,
    Title,
)
from secrecy_desk.vault.db import Store

ID = "commitments"
TITLE = Title("保密承诺书", "Commitments")


def _revision(store: Store, kind: str, number: str, clearance: Level) -> int | None:
    """A printed letter's text is frozen: it is always revision 1 of itself."""
    del kind
    row = store.one(
        "SELECT 1 FROM commitments WHERE number = ? AND level <= ?", (number, int(clearance))
    )
    return 1 if row is not None else None


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    del forms
    if not principal.can(ID, Action.VIEW):
        return ()
    return (
        TabSpec(ID, TITLE, "secrecy_desk.gui.commitments.tab:CommitmentsTab", group="personnel"),
    )


def _papers(forms: Forms) -> Sequence[Paper]:
    """Each template's letter, and the completeness report."""
    letters = [
        Paper(
            f"commitment.{s.id}",
            Title(s.layout.title_zh or s.title_zh, s.layout.title_en or s.title_en),
            "secrecy_desk.modules.commitments.flow:sample_letter",
            s.id,
        )
        for s in forms.of_kind(FormKind.COMMITMENT)
    ]
    report = Paper(
        "commitment.report",
        Title("保密承诺书签订情况检查表", "Commitment completeness report"),
        "secrecy_desk.modules.commitments.report:sample_report",
    )
    return [*letters, report]


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    del forms
    return (
        Deadline(
            "commitments.missing",
            Title("未签保密承诺书", "People without a signed commitment"),
            ID,
            count="secrecy_desk.modules.commitments.due:missing",
            tab=ID,
        ),
        Deadline(
            "commitments.renew",
            Title("保密承诺书应续签", "Commitments due to renew"),
            ID,
            count="secrecy_desk.modules.commitments.due:renew",
            tab=ID,
            severity=ATTENTION,
        ),
        Deadline(
            "commitments.unsigned",
            Title("承诺书打印一周未签回", "Commitments printed, unsigned after a week"),
            ID,
            count="secrecy_desk.modules.commitments.due:unsigned",
            tab=ID,
            severity=ATTENTION,
        ),
    )


MODULE = Module(
    id=ID,
    title=TITLE,
    audit_events=(
        "commitment.clauses",
        "commitment.generate",
        "commitment.print",
        "commitment.report",
        "commitment.sign",
    ),
    scopes=lambda forms: (
        Scope(ID, TITLE, (Action.VIEW, Action.CREATE, Action.EDIT, Action.PRINT)),
    ),
    objects=lambda forms: (ID,),
    revision=_revision,
    tabs=_tabs,
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "commitments",
            Title("保密承诺书", "Commitments"),
            "secrecy_desk.modules.commitments.figures:commitments",
            order=300,
        ),
    ),
    commands=(
        Command("commitments", "secrecy commitments (保密承诺书)", "secrecy_desk.cli.commitments"),
    ),
    papers=_papers,
)

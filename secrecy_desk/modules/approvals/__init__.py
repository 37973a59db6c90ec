"""Approval tables (审批表, SPEC §3.3): the workflow engine driven by the definitions under
``forms/approvals/`` (:mod:`.engine`), and the printed table (:mod:`.printing`)
(``docs/approvals.md``)."""

from collections.abc import Sequence

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import FormKind, Forms
from secrecy_desk.modules.base import (
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

#: The module id for permissions: view, create (apply), edit (record paper decisions), print,
#: approve (decide in the program).
ID = "approvals"
TITLE = Title("审批", "Approvals")


def _revision(store: Store, kind: str, number: str, clearance: Level) -> int | None:
    del kind
    row = store.one(
        "SELECT revision FROM approval_requests WHERE number = ? AND level <= ?",
        (number, int(clearance)),
    )
    return int(row[0]) if row is not None else None


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    del forms
    if not principal.can(ID, Action.VIEW):
        return ()
    return (TabSpec(ID, TITLE, "secrecy_desk.gui.approvals.tab:ApprovalsTab", group="approvals"),)


def _papers(forms: Forms) -> Sequence[Paper]:
    """Each approval type's table."""
    return [
        Paper(
            f"approval.{s.id}",
            Title(s.layout.title_zh or s.title_zh, s.layout.title_en or s.title_en),
            "secrecy_desk.modules.approvals.printing:sample",
            s.id,
        )
        for s in forms.of_kind(FormKind.APPROVAL)
    ]


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    del forms
    return (
        Deadline(
            "approvals.waiting",
            Title("待我审批", "Approvals waiting for me"),
            ID,
            count="secrecy_desk.modules.approvals.engine:count_waiting",
            tab=ID,
        ),
    )


MODULE = Module(
    id=ID,
    title=TITLE,
    audit_events=(
        "approval.create",
        "approval.decide",
        "approval.edit",
        "approval.paper",
        "approval.print",
        "approval.submit",
        "approval.view",
        "approval.withdraw",
    ),
    scopes=lambda forms: (
        Scope(ID, TITLE, (Action.VIEW, Action.CREATE, Action.EDIT, Action.PRINT, Action.APPROVE)),
    ),
    objects=lambda forms: (ID,),
    revision=_revision,
    tabs=_tabs,
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "approvals",
            Title("保密审批", "Approvals"),
            "secrecy_desk.modules.approvals.figures:decisions",
            order=500,
        ),
    ),
    commands=(Command("approvals", "approval tables (审批表)", "secrecy_desk.cli.approvals"),),
    papers=_papers,
)

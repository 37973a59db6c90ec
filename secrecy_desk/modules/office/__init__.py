"""The secrecy office's registers (保密办台账): communications, archive consultation, visitors,
the typing room's prints, inspections and their findings, incidents — each a definition under
``forms/registers/`` (tab, list, paper form, search, import and export come with it); the code
here is their rules (:mod:`.rules`) and the printed self-inspection sheet (:mod:`.sheet`)."""

from collections.abc import Sequence

from secrecy_desk.core.roles import Principal, Role
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Command, Module, TabSpec, Title
from secrecy_desk.modules.office.rules import (
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
    return (TabSpec("office", TITLE, "secrecy_desk.gui.office.tab:OfficeTab"),)


MODULE = Module(
    id="office",
    title=Title("保密办台账", "Secrecy office registers"),
    audit_events=("office.sheet_print",),
    rules=(Comms(), Archive(), Visitors(), DocumentPrints(), Rectification(), Incidents()),
    tabs=_tabs,
    commands=(
        Command(
            "office",
            "the secrecy office's papers: the self-inspection sheet, the gifts half-year summary",
            "secrecy_desk.cli.office",
        ),
    ),
)

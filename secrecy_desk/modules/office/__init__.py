"""The secrecy office's registers (保密办台账): communications, archive consultation, visitors,
the typing room's prints, inspections and their findings, incidents — each a definition under
``forms/registers/`` (tab, list, paper form, search, import and export come with it); the code
here is their rules (:mod:`.rules`) and the printed self-inspection sheet (:mod:`.sheet`)."""

from secrecy_desk.modules.base import Command, Module, Title
from secrecy_desk.modules.office.rules import (
    Archive,
    Comms,
    DocumentPrints,
    Incidents,
    Rectification,
    Visitors,
)

MODULE = Module(
    id="office",
    title=Title("保密办台账", "Secrecy office registers"),
    audit_events=("office.sheet_print",),
    rules=(Comms(), Archive(), Visitors(), DocumentPrints(), Rectification(), Incidents()),
    commands=(
        Command(
            "office",
            "the secrecy office's papers: the self-inspection sheet, the gifts half-year summary",
            "secrecy_desk.cli.office",
        ),
    ),
)

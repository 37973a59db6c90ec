"""The secrecy office's registers (保密办台账): communications, archive consultation, visitors,
the typing room's prints, inspections and their findings, incidents — each a definition under
``forms/registers/`` (tab, list, paper form, search, import and export come with it); the code
here is their rules (:mod:`.rules`) and the printed self-inspection sheet (:mod:`.sheet`)."""

from secrecy_desk.modules.base import Module, Title
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
    rules=(Comms(), Archive(), Visitors(), DocumentPrints(), Rectification(), Incidents()),
)

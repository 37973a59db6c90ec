"""Secret-related personnel (涉密人员, SPEC §3.1): the registers ``personnel``, ``training``,
``travel`` and ``trust`` (definitions under ``forms/registers/``), the lifecycle of a person
(:mod:`.lifecycle`: candidate → in post → disengaging → released), and the rules on their
entries — a phone shared by two people, disengagement periods ending, certificates expiring,
the briefing before foreign travel."""

from secrecy_desk.modules.base import Command, Module, Title
from secrecy_desk.modules.personnel.contacts import SharedPhone
from secrecy_desk.modules.personnel.rules import BeforeDeparture, Disengagement, TrainingExpiry

MODULE = Module(
    id="personnel",
    title=Title("涉密人员", "Personnel"),
    audit_events=("person.transition", "settings.disengagement"),
    rules=(SharedPhone(), Disengagement(), TrainingExpiry(), BeforeDeparture()),
    commands=(Command("personnel", "the personnel lifecycle", "secrecy_desk.cli.personnel"),),
)

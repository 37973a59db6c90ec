"""Secret-related personnel (涉密人员, SPEC §3.1): the registers ``personnel``, ``training``,
``travel`` and ``trust`` (definitions under ``forms/registers/``), the lifecycle of a person
(:mod:`.lifecycle`: candidate → in post → disengaging → released), and the rules on their
entries — a phone shared by two people, disengagement periods ending, certificates expiring,
the briefing before foreign travel."""

from collections.abc import Sequence

from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import (
    ATTENTION,
    Command,
    Deadline,
    EntryDeadline,
    Module,
    ReportSection,
    Title,
)
from secrecy_desk.modules.personnel.contacts import SharedPhone
from secrecy_desk.modules.personnel.rules import (
    CERTIFICATE_MONTHS,
    REMIND_DAYS,
    BeforeDeparture,
    Disengagement,
    TrainingExpiry,
)

#: A certificate's last valid day (rules.certificate_expiry): the date written, else the issue
#: date plus the validity in months, the 31st becoming the last day of a short month.
_EXPIRY = (
    "coalesce({valid_until}, min("
    f"date({{issued_on}}, '+{CERTIFICATE_MONTHS} months'), "
    f"date({{issued_on}}, 'start of month', '+{CERTIFICATE_MONTHS + 1} months', '-1 day')))"
)


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    out: list[Deadline] = []
    if "personnel" in forms:
        # As the disengagement rule flags: not released; red from the day the period ends,
        # amber in the month before.
        out += [
            Deadline(
                "personnel.disengagement_ended",
                Title("脱密期已满待解除", "Disengagement periods ended"),
                "personnel",
                entries=EntryDeadline(
                    "personnel", "{released_on} IS NULL", "{disengage_ends}", end=1
                ),
            ),
            Deadline(
                "personnel.disengagement_ending",
                Title(f"脱密期{REMIND_DAYS}天内届满", "Disengagement periods ending soon"),
                "personnel",
                entries=EntryDeadline(
                    "personnel",
                    "{released_on} IS NULL",
                    "{disengage_ends}",
                    start=1,
                    end=REMIND_DAYS + 1,
                ),
                severity=ATTENTION,
            ),
        ]
    if "training" in forms:
        out += [
            Deadline(
                "training.expired",
                Title("培训证书已过期", "Certificates expired"),
                "training",
                entries=EntryDeadline("training", "1", _EXPIRY, end=0),
            ),
            Deadline(
                "training.expiring",
                Title(f"培训证书{REMIND_DAYS}天内到期", "Certificates expiring soon"),
                "training",
                entries=EntryDeadline("training", "1", _EXPIRY, start=0, end=REMIND_DAYS + 1),
                severity=ATTENTION,
            ),
        ]
    return out


MODULE = Module(
    id="personnel",
    title=Title("涉密人员", "Personnel"),
    audit_events=("person.transition", "settings.disengagement"),
    rules=(SharedPhone(), Disengagement(), TrainingExpiry(), BeforeDeparture()),
    commands=(Command("personnel", "the personnel lifecycle", "secrecy_desk.cli.personnel"),),
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "people",
            Title("涉密人员", "Personnel"),
            "secrecy_desk.modules.personnel.figures:people",
            order=100,
        ),
        ReportSection(
            "training",
            Title("保密教育培训", "Training"),
            "secrecy_desk.modules.personnel.figures:training_coverage",
            order=200,
        ),
    ),
)

"""Module rules for the personnel lifecycle registers: disengagement reminders, certificate
expiry and the briefing and commitment that must precede foreign travel.

Imported by :mod:`secrecy_desk.modules.registry`; imports nothing of the register engine."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.modules.personnel.dates import add_months
from secrecy_desk.records.rules import Flag, Notice, RuleContext

#: Reminders start this many days before a disengagement period or a certificate ends.
REMIND_DAYS: Final = 30
#: A trip this close without its briefing or commitment is marked.
TRAVEL_REMIND_DAYS: Final = 14
#: A certificate with no end date written is valid this long.
CERTIFICATE_MONTHS: Final = 60


def _day(value: Value | None) -> date | None:
    return value if isinstance(value, date) else None


class Disengagement:
    """A person who left the post and is not yet released: amber 30 days before the period
    ends, red once it has ended (the release is due)."""

    id = "personnel.disengagement"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        return [], []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        ends = _day(values.get("disengage_ends"))
        if ends is None or values.get("released_on") is not None:
            return []
        if today >= ends:
            text = QT_TRANSLATE_NOOP(
                "Errors", "The disengagement period ended on {date}; the release is due."
            )
            return [Flag("overdue", problem("disengagement_ended", text, date=ends.isoformat()))]
        if today >= ends - timedelta(days=REMIND_DAYS):
            text = QT_TRANSLATE_NOOP("Errors", "The disengagement period ends on {date}.")
            return [Flag("attention", problem("disengagement_ends", text, date=ends.isoformat()))]
        return []


def certificate_expiry(values: Mapping[str, Value]) -> date | None:
    """The last valid day of a training record or certificate."""
    until = _day(values.get("valid_until"))
    issued = _day(values.get("issued_on"))
    if until is not None:
        return until
    return add_months(issued, CERTIFICATE_MONTHS) if issued is not None else None


class TrainingExpiry:
    id = "training.expiry"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        return [], []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        ends = certificate_expiry(values)
        if ends is None:
            return []
        if today > ends:
            text = QT_TRANSLATE_NOOP("Errors", "Expired on {date}; training or re-examination due.")
            return [Flag("overdue", problem("certificate_expired", text, date=ends.isoformat()))]
        if today >= ends - timedelta(days=REMIND_DAYS):
            text = QT_TRANSLATE_NOOP("Errors", "Valid until {date}; renew it soon.")
            return [Flag("attention", problem("certificate_expires", text, date=ends.isoformat()))]
        return []


class BeforeDeparture:
    """The secrecy briefing comes before departure (refused otherwise); a trip near or under way
    without its briefing or commitment is marked."""

    id = "travel.before_departure"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        briefed = _day(values.get("briefed_on"))
        departs = _day(values.get("depart_on"))
        if briefed is not None and departs is not None and briefed > departs:
            text = QT_TRANSLATE_NOOP("Errors", "The secrecy briefing must come before departure.")
            return [problem("briefing_after_departure", text).at("briefed_on")], []
        return [], []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        departs = _day(values.get("depart_on"))
        returns = _day(values.get("return_on"))
        if departs is None or (returns is not None and today > returns):
            return []
        if values.get("briefed_on") is not None and values.get("commitment"):
            return []
        if today >= departs:
            text = QT_TRANSLATE_NOOP(
                "Errors", "Departed on {date} without the briefing or the commitment recorded."
            )
            return [Flag("overdue", problem("travel_unprepared", text, date=departs.isoformat()))]
        if today >= departs - timedelta(days=TRAVEL_REMIND_DAYS):
            text = QT_TRANSLATE_NOOP(
                "Errors", "Departs on {date}: the briefing and the commitment must come first."
            )
            return [Flag("attention", problem("travel_due", text, date=departs.isoformat()))]
        return []

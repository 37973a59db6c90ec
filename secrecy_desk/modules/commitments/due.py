"""The commitments deadlines the home tab counts (the completeness report's three kinds), each
one indexed query: people by status on the personnel register (``entries_status``) probed
against their signed commitments (``commitments_person``), and printed commitments by the day
they were printed (``commitments_printed``). What the account cannot see is not counted."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from secrecy_desk.forms import Forms
from secrecy_desk.modules.commitments.flow import ARCHIVED, IN_POST, ONBOARDING, PRINTED
from secrecy_desk.modules.commitments.report import RENEW_MONTHS, REQUIRED, UNSIGNED_DAYS
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.vault.session import Session

_PEOPLE = (
    "SELECT count(*) FROM entries AS p WHERE p.register = ? AND p.voided = 0 "
    "AND p.status = ? AND p.level <= ? AND {test} (SELECT 1 FROM commitments AS c "
    "WHERE c.person = p.number AND c.template IN ({templates}) AND c.status = ? "
    "AND c.level <= ?)"
)


def missing(session: Session, forms: Forms, today: date) -> int:
    """People whose status requires a signed commitment and who have none."""
    del forms, today
    clearance = int(session.principal.clearance)
    total = 0
    for status, templates in REQUIRED.items():
        sql = _PEOPLE.format(test="NOT EXISTS", templates=", ".join("?" * len(templates)))
        total += int(
            session.vault.store.scalar(
                sql,
                (lifecycle.PERSONNEL, status, clearance, *templates, ARCHIVED, clearance),
            )
        )
    return total


def renew_cutoff(today: date) -> date:
    """The latest signing day whose yearly renewal is due by ``today``
    (``add_months(day, 12) <= today``)."""
    year = today.year - RENEW_MONTHS // 12
    last = calendar.monthrange(year, today.month)[1]
    if today.day == calendar.monthrange(today.year, today.month)[1]:
        return date(year, today.month, last)  # a 29 February a year ago is due on the 28th
    return date(year, today.month, min(today.day, last))


def renew(session: Session, forms: Forms, today: date) -> int:
    """People in post whose last in-post (or on-boarding) commitment is a year old."""
    del forms
    clearance = int(session.principal.clearance)
    return int(
        session.vault.store.scalar(
            "SELECT count(*) FROM entries AS p WHERE p.register = ? AND p.voided = 0 "
            "AND p.status = ? AND p.level <= ? AND (SELECT coalesce(max(c.signed_on), '') "
            "FROM commitments AS c WHERE c.person = p.number AND c.template IN (?, ?) "
            "AND c.status = ? AND c.level <= ?) BETWEEN '' AND ? AND EXISTS (SELECT 1 "
            "FROM commitments AS c WHERE c.person = p.number AND c.template IN (?, ?) "
            "AND c.status = ? AND c.level <= ?)",
            (
                lifecycle.PERSONNEL,
                lifecycle.IN_POST,
                clearance,
                ONBOARDING,
                IN_POST,
                ARCHIVED,
                clearance,
                renew_cutoff(today).isoformat(),
                ONBOARDING,
                IN_POST,
                ARCHIVED,
                clearance,
            ),
        )
    )


def unsigned(session: Session, forms: Forms, today: date) -> int:
    """Printed commitments not signed back after a week."""
    del forms
    limit = today - timedelta(days=UNSIGNED_DAYS) + timedelta(days=1)
    return int(
        session.vault.store.scalar(
            "SELECT count(*) FROM commitments WHERE status = ? AND printed_at < ? AND level <= ?",
            (PRINTED, limit.isoformat(), int(session.principal.clearance)),
        )
    )

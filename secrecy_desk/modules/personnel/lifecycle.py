"""The personnel lifecycle: under review → in post → left post (脱密期) → released.

Each transition is one operation: the person's entry gets a new revision with its new status
(and the dates the lifecycle owns: ``left_on``, ``disengage_ends``, ``released_on``), a row in
``person_transitions`` keeps the date and the reason, and the audit trail records it. The length
of the disengagement period depends on the person's class and is a vault setting the secadmin
may change within the ranges below (SPEC §3.1)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules.personnel.dates import add_months
from secrecy_desk.modules.registers import Entry, NeedsConfirmation, Registers
from secrecy_desk.records.rules import Notice
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault import settings as settings_mod
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.settings import Settings

PERSONNEL: Final = "personnel"
REVIEW, IN_POST, DISENGAGING, RELEASED = "review", "in_post", "disengaging", "released"
#: The only moves the lifecycle makes, in order.
NEXT: Final = {REVIEW: IN_POST, IN_POST: DISENGAGING, DISENGAGING: RELEASED}
#: Months of disengagement the secadmin may choose, by class (inclusive).
RANGES: Final = {"core": (24, 36), "important": (12, 24), "general": (6, 12)}
_SETTING: Final = {
    "core": "disengage_core_months",
    "important": "disengage_important_months",
    "general": "disengage_general_months",
}


@dataclass(frozen=True, slots=True)
class Transition:
    person: str
    from_status: str
    to_status: str
    on_date: date
    reason: str
    ends_on: date | None
    at: str
    account: str


def disengage_months(settings: Settings, person_class: str) -> int:
    """The disengagement period for a class, in months."""
    value = getattr(settings, _SETTING.get(person_class, "disengage_general_months"))
    assert isinstance(value, int)
    return value


def disengagement_end(settings: Settings, person_class: str, left_on: date) -> date:
    return add_months(left_on, disengage_months(settings, person_class))


def set_disengagement(session: Session, person_class: str, months: int) -> Settings:
    """The secadmin sets the period for one class, within its range (else refused)."""
    return set_disengagements(session, {person_class: months})


def set_disengagements(session: Session, months: Mapping[str, int]) -> Settings:
    """The secadmin sets the periods of several classes at once, each within its range (else
    nothing is saved): one transaction, an audit record for each class whose period changed."""
    session.principal.require_role(Role.SECADMIN)
    current = session.settings
    new = current
    for person_class, n in months.items():
        if person_class not in RANGES:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Unknown personnel class {cls}: use core, important or general."
                ),
                cls=person_class,
            )
        low, high = RANGES[person_class]
        if not low <= n <= high:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The disengagement period for this class must be {low} to {high} months, "
                    "not {n}.",
                ),
                low=low,
                high=high,
                n=n,
            )
        if person_class == "core":
            new = replace(new, disengage_core_months=n)
        elif person_class == "important":
            new = replace(new, disengage_important_months=n)
        else:
            new = replace(new, disengage_general_months=n)
    changed = {c: n for c, n in months.items() if disengage_months(current, c) != n}
    with session.operation() as store:
        settings_mod.save(store, new)
        for person_class, n in changed.items():
            session.audit(
                "settings.disengagement",
                "settings",
                details={"class": person_class, "months": n},
            )
    session.vault.settings = new
    return new


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason for the change."))
    return text[:500]


def transition(
    registers: Registers,
    number: str,
    to_status: str,
    *,
    on_date: date,
    reason: str,
    expected_revision: int | None = None,
    before_leaving: Callable[[str], Sequence[Notice]] | None = None,
    confirm: bool = False,
) -> Transition:
    """Move a person one step along the lifecycle on ``on_date`` for ``reason``.

    ``before_leaving`` (the carriers module's holdings check, passed in by the front end) says
    what a person still holds; moving them to 离岗 then needs ``confirm`` (else
    :class:`NeedsConfirmation` with the warnings)."""
    registers.require(PERSONNEL, Action.EDIT)
    why = _reason(reason)
    session = registers.session
    with session.operation() as store:
        person = registers.get(PERSONNEL, number, record_view=False)
        if to_status == DISENGAGING and before_leaving is not None and not confirm:
            notices = before_leaving(person.number)
            if notices:
                raise NeedsConfirmation(notices)
        if NEXT.get(person.status) != to_status:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{number} cannot go from status {current} to {wanted}."
                ),
                number=person.number,
                current=person.status,
                wanted=to_status,
            )
        if on_date > session.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The date of a change cannot be in the future.")
            )
        changes: dict[str, str] = {}
        ends: date | None = None
        if to_status == DISENGAGING:
            cls = str(person.values.get("person_class") or "general")
            ends = disengagement_end(settings_mod.load(store), cls, on_date)
            changes = {"left_on": on_date.isoformat(), "disengage_ends": ends.isoformat()}
        elif to_status == RELEASED:
            changes = {"released_on": on_date.isoformat()}
        registers.edit(
            PERSONNEL,
            person.number,
            changes,
            expected_revision=expected_revision or person.revision,
            status=to_status,
            note=why,
        )
        now = audit_chain.iso(session.clock.now())
        store.execute(
            "INSERT INTO person_transitions (person, from_status, to_status, on_date, reason, "
            "ends_on, at, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person.number,
                person.status,
                to_status,
                on_date.isoformat(),
                why,
                ends.isoformat() if ends else None,
                now,
                session.account.login,
            ),
        )
        session.audit(
            "person.transition",
            person.object_name,
            details={
                "from": person.status,
                "to": to_status,
                "on": on_date.isoformat(),
                "reason": why,
                "ends": ends.isoformat() if ends else None,
            },
        )
    return Transition(
        person.number, person.status, to_status, on_date, why, ends, now, session.account.login
    )


def transitions(registers: Registers, number: str) -> list[Transition]:
    """A person's lifecycle so far, oldest first."""
    person: Entry = registers.get(PERSONNEL, number, record_view=False)
    rows = registers.store.all(
        "SELECT person, from_status, to_status, on_date, reason, ends_on, at, account "
        "FROM person_transitions WHERE person = ? ORDER BY id",
        (person.number,),
    )
    return [
        Transition(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            date.fromisoformat(str(r[3])),
            str(r[4]),
            date.fromisoformat(str(r[5])) if r[5] else None,
            str(r[6]),
            str(r[7]),
        )
        for r in rows
    ]

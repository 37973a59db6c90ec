"""The lifecycle of a carrier or a piece of equipment, as events (docs/carriers.md).

Every step is one operation: the item's entry gets a new revision (its status and the fields the
lifecycle owns — holder, due date, copy count), a row in ``carrier_events`` keeps what happened
(date, from and to status, holder before and after, the other party, the approval or package it
rests on), and the audit trail records it — all in one transaction, or nothing. Several items at
once (issue, return, withdraw) are one transaction too: one bad item refuses the lot.

registered → issued (签收) → lent (借阅) → returned → copied (复制, against an approved request)
→ sent (机要渠道; receipt returned) → repaired (送修) → taken out (外携) → withdrawn (清退) →
destroyed (only through a destruction package, :mod:`.packages`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.modules.approvals.engine import Approvals, State
from secrecy_desk.modules.registers import Entry, Registers
from secrecy_desk.records.store import Revise, insert_entry, revise_entries
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault.db import Row, Store
from secrecy_desk.vault.session import Session

CARRIERS: Final = "carriers"
EQUIPMENT: Final = "equipment"
REGISTERS: Final = (CARRIERS, EQUIPMENT)
PERSONNEL: Final = "personnel"

# Statuses (both registers use the same codes; equipment has no "sent").
REGISTERED, ISSUED, LENT, SENT = "registered", "issued", "lent", "sent"
REPAIR, TAKEN_OUT, WITHDRAWN, DESTROYED = "repair", "taken_out", "withdrawn", "destroyed"
#: Statuses in which the item is away from its holder and comes back by "return".
AWAY: Final = frozenset({LENT, TAKEN_OUT, REPAIR})

# Event kinds.
REGISTER, ISSUE, LEND, RETURN, COPY = "register", "issue", "lend", "return", "copy"
SEND, RECEIPT, REPAIRED, TAKE_OUT = "send", "receipt", "repair", "take_out"
WITHDRAW, DESTROY = "withdraw", "destroy"

#: The statuses each action starts from.
STARTS: Final[dict[str, frozenset[str]]] = {
    ISSUE: frozenset({REGISTERED, WITHDRAWN}),
    LEND: frozenset({REGISTERED, ISSUED}),
    RETURN: AWAY,
    COPY: frozenset({REGISTERED, ISSUED}),
    SEND: frozenset({REGISTERED, ISSUED}),
    RECEIPT: frozenset({SENT}),
    REPAIRED: frozenset({REGISTERED, ISSUED}),
    TAKE_OUT: frozenset({REGISTERED, ISSUED}),
    WITHDRAW: frozenset({REGISTERED, ISSUED}),
    DESTROY: frozenset({REGISTERED, ISSUED, WITHDRAWN}),
}
#: Actions that only a carrier has (equipment is neither copied nor sent).
CARRIER_ONLY: Final = frozenset({COPY, SEND, RECEIPT})

_AUDIT: Final = {
    REGISTER: "carrier.register",
    ISSUE: "carrier.issue",
    LEND: "carrier.lend",
    RETURN: "carrier.return",
    COPY: "carrier.copy",
    SEND: "carrier.send",
    RECEIPT: "carrier.receipt",
    REPAIRED: "carrier.repair",
    TAKE_OUT: "carrier.take_out",
    WITHDRAW: "carrier.withdraw",
    DESTROY: "carrier.destroy",
}

_LABELS: Final = {
    REGISTER: QT_TRANSLATE_NOOP("Carriers", "Registered"),
    "edit": QT_TRANSLATE_NOOP("Carriers", "Edited"),
    ISSUE: QT_TRANSLATE_NOOP("Carriers", "Issued"),
    LEND: QT_TRANSLATE_NOOP("Carriers", "Lent"),
    RETURN: QT_TRANSLATE_NOOP("Carriers", "Returned"),
    COPY: QT_TRANSLATE_NOOP("Carriers", "Copied"),
    SEND: QT_TRANSLATE_NOOP("Carriers", "Sent"),
    RECEIPT: QT_TRANSLATE_NOOP("Carriers", "Receipt returned"),
    REPAIRED: QT_TRANSLATE_NOOP("Carriers", "Sent for repair"),
    TAKE_OUT: QT_TRANSLATE_NOOP("Carriers", "Taken out"),
    WITHDRAW: QT_TRANSLATE_NOOP("Carriers", "Withdrawn"),
    DESTROY: QT_TRANSLATE_NOOP("Carriers", "Destroyed"),
}

_ACTION_NAMES: Final = {
    ISSUE: QT_TRANSLATE_NOOP("Carriers", "issued"),
    LEND: QT_TRANSLATE_NOOP("Carriers", "lent"),
    RETURN: QT_TRANSLATE_NOOP("Carriers", "returned"),
    COPY: QT_TRANSLATE_NOOP("Carriers", "copied"),
    SEND: QT_TRANSLATE_NOOP("Carriers", "sent"),
    RECEIPT: QT_TRANSLATE_NOOP("Carriers", "given a receipt"),
    REPAIRED: QT_TRANSLATE_NOOP("Carriers", "sent for repair"),
    TAKE_OUT: QT_TRANSLATE_NOOP("Carriers", "taken out"),
    WITHDRAW: QT_TRANSLATE_NOOP("Carriers", "withdrawn"),
    DESTROY: QT_TRANSLATE_NOOP("Carriers", "destroyed"),
}


def event_label(kind: str, lang: str) -> str:
    return translate("Carriers", _LABELS.get(kind, kind), lang)


class _Word:
    """A translated word as a message parameter."""

    def __init__(self, text: str) -> None:
        self.source = text

    def text(self, lang: str) -> str:
        return translate("Carriers", self.source, lang)


class _StatusLabel:
    def __init__(self, spec: FormSpec, code: str) -> None:
        self.spec, self.code = spec, code

    def text(self, lang: str) -> str:
        return self.spec.status(self.code).label(lang)


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened to an item."""

    id: int
    number: str
    kind: str
    on_date: date
    from_status: str
    to_status: str
    holder_before: str | None
    holder_after: str | None
    party: str
    due_on: date | None
    ref: str | None
    details: Mapping[str, object]
    at: str
    account: str

    def label(self, lang: str) -> str:
        return event_label(self.kind, lang)


@dataclass(frozen=True, slots=True)
class Person:
    """A holder: the personnel entry number and the name a message and the paper show."""

    number: str
    name: str
    department: str

    def text(self, lang: str) -> str:
        del lang
        return f"{self.name}（{self.number}）"


_EVENT_COLUMNS: Final = (
    "ev.id, e.number, ev.kind, ev.on_date, ev.from_status, ev.to_status, ev.holder_before, "
    "ev.holder_after, ev.party, ev.due_on, ev.ref, ev.details, ev.at, ev.account"
)


def event_from_row(row: Row) -> Event:
    return Event(
        id=int(row[0]),
        number=str(row[1]),
        kind=str(row[2]),
        on_date=date.fromisoformat(str(row[3])),
        from_status=str(row[4]),
        to_status=str(row[5]),
        holder_before=str(row[6]) if row[6] else None,
        holder_after=str(row[7]) if row[7] else None,
        party=str(row[8]),
        due_on=date.fromisoformat(str(row[9])) if row[9] else None,
        ref=str(row[10]) if row[10] else None,
        details=json.loads(str(row[11])),
        at=str(row[12]),
        account=str(row[13]),
    )


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A line of an item's history: a lifecycle event, or an edit of its record by hand."""

    at: str
    account: str
    kind: str
    on_date: date
    status: str
    summary: str
    event: Event | None = None

    def label(self, lang: str) -> str:
        return event_label(self.kind, lang)


@dataclass(frozen=True)
class Change:
    """What an action does to one item: its new status, the lifecycle fields it sets, and the
    event's columns."""

    status: str
    values: Mapping[str, Value] = field(default_factory=dict)
    holder_after: str | None = None
    party: str = ""
    due_on: date | None = None
    ref: str | None = None
    details: Mapping[str, object] = field(default_factory=dict)


def insert_event(session: Session, entry: Entry, kind: str, on_date: date, change: Change) -> int:
    """The event row of ``kind`` for ``entry`` (as it stood before the action)."""
    return session.vault.store.execute(
        "INSERT INTO carrier_events (entry_id, kind, on_date, from_status, to_status, "
        "holder_before, holder_after, party, due_on, ref, details, at, account) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.id,
            kind,
            on_date.isoformat(),
            entry.status,
            change.status,
            _holder(entry),
            change.holder_after,
            change.party,
            change.due_on.isoformat() if change.due_on else None,
            change.ref,
            json.dumps(dict(change.details), ensure_ascii=False, sort_keys=True),
            audit_chain.iso(session.clock.now()),
            session.account.login,
        ),
    )


def _holder(entry: Entry) -> str | None:
    value = entry.values.get("holder")
    return value if isinstance(value, str) and value else None


def _text(value: str, what: str, limit: int = 100) -> str:
    text = " ".join(value.split())
    if not text:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Give the {what}; nothing was saved."), what=_Word(what)
        )
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The {what} has at most {n} characters."),
            what=_Word(what),
            n=limit,
        )
    return text


class Carriers:
    """The lifecycle operations for one logged-in session, on the register engine."""

    def __init__(self, registers: Registers) -> None:
        self.registers = registers
        self.session = registers.session
        self.forms = registers.forms
        self.store: Store = registers.store

    # --- finding items and people -------------------------------------------------------

    def register_of(self, number: str) -> str:
        """``carriers`` or ``equipment``: the register that holds ``number``."""
        row = self.store.one(
            "SELECT register FROM entries WHERE number = ? AND register IN (?, ?) AND level <= ?",
            (number.strip().upper(), CARRIERS, EQUIPMENT, int(self.session.principal.clearance)),
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no carrier or equipment numbered {number}."),
                number=number.strip(),
            )
        return str(row[0])

    def item(self, number: str) -> Entry:
        register = self.register_of(number)
        return self.registers.get(register, number.strip().upper(), record_view=False)

    def items(self, numbers: Sequence[str]) -> list[Entry]:
        """Several items at once, in the order given; refused as :meth:`item` refuses, for
        the first number that is not on the ledger."""
        wanted = [n.strip().upper() for n in numbers]
        found = self.registers.get_many(REGISTERS, wanted)
        for number in wanted:
            if number not in found:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "There is no carrier or equipment numbered {number}."
                    ),
                    number=number,
                )
        return [found[n] for n in wanted]

    def person(self, text: str) -> Person:
        """A holder named by a personnel number (RY-…) or by an account's login: the person
        must be on the personnel register and not released; an account must be active."""
        raw = text.strip()
        if not raw:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Name the person: their personnel number (RY-…).")
            )
        number = raw.upper()
        row = self.store.one(
            "SELECT number FROM entries WHERE register = ? AND number = ? AND voided = 0",
            (PERSONNEL, number),
        )
        if row is None:
            number = self._person_of_account(raw)
        entry = self.registers.get(PERSONNEL, number, record_view=False)
        name = str(entry.values.get("name") or entry.number)
        if entry.status == "released":
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} ({number}) has been released (解脱) and cannot hold classified "
                    "carriers or equipment.",
                ),
                name=name,
                number=entry.number,
            )
        return Person(entry.number, name, str(entry.values.get("department") or ""))

    def _person_of_account(self, login: str) -> str:
        row = self.store.one(
            "SELECT display_name, disabled_at FROM accounts WHERE login = ?", (login,)
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no person {text} on the personnel register."),
                text=login,
            )
        name = str(row[0])
        if row[1]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The account of {name} is disabled; a disabled account cannot hold "
                    "carriers or equipment.",
                ),
                name=name,
            )
        matches = self.store.all(
            "SELECT number FROM entries WHERE register = ? AND voided = 0 "
            "AND json_extract(data, '$.name') = ? LIMIT 2",
            (PERSONNEL, name),
        )
        if len(matches) != 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} is not on the personnel register under one entry; give their "
                    "personnel number (RY-…).",
                ),
                name=name,
            )
        return str(matches[0][0])

    def holder_name(self, number: str | None) -> str:
        """The name of the person ``number`` (the number itself when unknown)."""
        if not number:
            return ""
        row = self.store.one(
            "SELECT json_extract(data, '$.name') FROM entries WHERE register = ? AND number = ?",
            (PERSONNEL, number),
        )
        return str(row[0]) if row is not None and row[0] else number

    # --- the one write path -------------------------------------------------------------

    def _check_date(self, on_date: date) -> None:
        if on_date > self.session.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The date of a lifecycle step cannot be in the future.")
            )

    def _check_due(self, due_on: date | None, on_date: date) -> date:
        if due_on is None:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the date it is due back."))
        if due_on < on_date:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The due date {due} is before the date of the step {on}."
                ),
                due=due_on.isoformat(),
                on=on_date.isoformat(),
            )
        return due_on

    def refusal(self, entry: Entry, kind: str) -> ValidationError | None:
        """Why ``kind`` cannot be done to ``entry`` now (``None`` when it can)."""
        spec = self.registers.spec(entry.register)
        if entry.voided:
            return ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{number} is void; nothing more is done with it."),
                number=entry.number,
            )
        if kind in CARRIER_ONLY and entry.register != CARRIERS:
            return ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{number} is equipment; only carriers are {action}."),
                number=entry.number,
                action=_Word(_ACTION_NAMES[kind]),
            )
        if entry.status == DESTROYED:
            return ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{number} has been destroyed; nothing more is done with it."
                ),
                number=entry.number,
            )
        if entry.status in STARTS[kind]:
            return None
        if kind == LEND and entry.status == LENT:
            return ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{number} is already lent to {holder}; it must be returned before it is "
                    "lent again.",
                ),
                number=entry.number,
                holder=self.holder_name(_holder(entry)),
            )
        if kind == RETURN:
            return ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{number} is not lent, taken out or at repair ({status}); there is nothing "
                    "to return.",
                ),
                number=entry.number,
                status=_StatusLabel(spec, entry.status),
            )
        return ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{number} is {status} and cannot be {action} now."),
            number=entry.number,
            status=_StatusLabel(spec, entry.status),
            action=_Word(_ACTION_NAMES[kind]),
        )

    def apply(
        self,
        entry: Entry,
        kind: str,
        on_date: date,
        change: Change,
        *,
        audit_details: Mapping[str, object] | None = None,
    ) -> Event:
        """Write ``change`` to ``entry`` (revision + event + audit), inside the caller's
        operation. The caller checked :meth:`refusal`."""
        return self.apply_all([(entry, change)], kind, on_date, audit_details=audit_details)[0]

    def apply_all(
        self,
        changes: Sequence[tuple[Entry, Change]],
        kind: str,
        on_date: date,
        *,
        audit_details: Mapping[str, object] | None = None,
    ) -> list[Event]:
        """Write each item's change at once (their revisions in one batch of the records
        kernel, then an event and an audit record per item), inside the caller's operation:
        all of them or, when any item changed meanwhile, none. The caller checked
        :meth:`refusal` for each."""
        revisions = []
        for entry, change in changes:
            spec = self.registers.spec(entry.register)
            values = dict(entry.values)
            values.update(change.values)
            if "holder" in spec.field_names:
                values["holder"] = change.holder_after
            revisions.append(
                (
                    spec,
                    Revise(
                        entry_id=entry.id,
                        number=entry.number,
                        revision=entry.revision,
                        values=values,
                        level=entry.level,
                        term=entry.term,
                        status=change.status,
                        change="status",
                        note=f"carrier:{kind}",
                    ),
                )
            )
        revise_entries(self.session, revisions)
        events: list[Event] = []
        for entry, change in changes:
            event_id = insert_event(self.session, entry, kind, on_date, change)
            self.session.audit(
                _AUDIT[kind],
                entry.object_name,
                level=entry.level,
                details={
                    "event": event_id,
                    "on": on_date.isoformat(),
                    "from": entry.status,
                    "to": change.status,
                    "holder": change.holder_after,
                    "party": change.party or None,
                    "ref": change.ref,
                    **(audit_details or {}),
                },
            )
            events.append(
                Event(
                    event_id,
                    entry.number,
                    kind,
                    on_date,
                    entry.status,
                    change.status,
                    _holder(entry),
                    change.holder_after,
                    change.party,
                    change.due_on,
                    change.ref,
                    dict(change.details),
                    "",
                    self.session.account.login,
                )
            )
        return events

    def _many(
        self,
        numbers: Iterable[str],
        kind: str,
        on_date: date,
        make: Callable[[Entry], Change],
    ) -> list[Event]:
        wanted = _unique(numbers)
        self._check_date(on_date)
        with self.session.operation():
            changes: list[tuple[Entry, Change]] = []
            for entry in self.items(wanted):
                self.registers.require(entry.register, Action.EDIT)
                refused = self.refusal(entry, kind)
                if refused is not None:
                    raise refused
                changes.append((entry, make(entry)))
            return self.apply_all(changes, kind, on_date)

    # --- the actions --------------------------------------------------------------------

    def register(self, register: str, raw: Mapping[str, str]) -> Entry:
        """A new carrier or piece of equipment (made here or received), with its first event."""
        if register not in REGISTERS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no register {register}."), register=register
            )
        with self.session.operation():
            saved = self.registers.add(register, raw)
            entry = saved.entry
            origin = entry.values.get("origin")
            insert_event(
                self.session,
                entry,
                REGISTER,
                self.session.clock.today(),
                Change(
                    REGISTERED,
                    party=str(entry.values.get("source") or ""),
                    ref=str(entry.values.get("source_doc_no") or "") or None,
                    details={"origin": origin} if origin else {},
                ),
            )
        return entry

    def issue(
        self, numbers: Iterable[str], holder: str, *, on_date: date, location: str = ""
    ) -> list[Event]:
        """Hand items to a holder, who signs for them (签收)."""
        person = self.person(holder)
        place = location.strip()

        def make(entry: Entry) -> Change:
            values: dict[str, Value] = {"due_on": None}
            if place:
                values["location"] = place
            return Change(ISSUED, values, holder_after=person.number, party=person.name)

        return self._many(numbers, ISSUE, on_date, make)

    def lend(
        self, numbers: Iterable[str], borrower: str, *, due_on: date | None, on_date: date
    ) -> list[Event]:
        """Lend items to a borrower until ``due_on`` (借阅)."""
        person = self.person(borrower)
        due = self._check_due(due_on, on_date)
        return self._many(
            numbers,
            LEND,
            on_date,
            lambda entry: Change(
                LENT, {"due_on": due}, holder_after=person.number, party=person.name, due_on=due
            ),
        )

    def _opening(self, entry: Entry) -> Event:
        row = self.store.one(
            f"SELECT {_EVENT_COLUMNS} FROM carrier_events ev JOIN entries e ON e.id = ev.entry_id "
            "WHERE ev.entry_id = ? AND ev.to_status = ? ORDER BY ev.id DESC LIMIT 1",
            (entry.id, entry.status),
        )
        if row is None:  # an item put in this status without an event (not by this program)
            return Event(0, entry.number, "", date.min, REGISTERED, entry.status, None, None,
                         "", None, None, {}, "", "")  # fmt: skip
        return event_from_row(row)

    def return_(
        self,
        numbers: Iterable[str],
        *,
        checked_by: str,
        intact: bool = True,
        note: str = "",
        on_date: date,
    ) -> list[Event]:
        """Items come back from a loan, a take-out or a repair, checked by ``checked_by``; the
        item goes back to the status and holder it had before."""
        checker = _text(checked_by, QT_TRANSLATE_NOOP("Carriers", "name of who checked it"))
        remark = note.strip()[:500]
        if not intact and not remark:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Say what is wrong with an item that did not come back intact."
                )
            )

        def make(entry: Entry) -> Change:
            opening = self._opening(entry)
            return Change(
                opening.from_status,
                {"due_on": None},
                holder_after=opening.holder_before,
                party=checker,
                ref=str(opening.id) if opening.id else None,
                details={"intact": intact, "note": remark, "from": entry.status},
            )

        return self._many(numbers, RETURN, on_date, make)

    def send(
        self,
        numbers: Iterable[str],
        *,
        recipient: str,
        channel: str = "机要渠道",
        doc_no: str = "",
        on_date: date,
    ) -> list[Event]:
        """Send carriers to a recipient outside (机要渠道); the receipt is recorded later."""
        to = _text(recipient, QT_TRANSLATE_NOOP("Carriers", "recipient"))
        way = _text(channel, QT_TRANSLATE_NOOP("Carriers", "channel"), 40)
        return self._many(
            numbers,
            SEND,
            on_date,
            lambda entry: Change(
                SENT,
                {"due_on": None},
                holder_after=None,
                party=to,
                ref=doc_no.strip()[:60] or None,
                details={"channel": way},
            ),
        )

    def receipt(self, number: str, *, signed_by: str, on_date: date) -> Event:
        """The recipient's receipt came back (回执)."""
        signer = _text(signed_by, QT_TRANSLATE_NOOP("Carriers", "name on the receipt"))
        self._check_date(on_date)
        with self.session.operation():
            entry = self.item(number)
            self.registers.require(entry.register, Action.EDIT)
            refused = self.refusal(entry, RECEIPT)
            if refused is not None:
                raise refused
            if self._opening(entry).kind == RECEIPT:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "The receipt of {number} is already recorded."),
                    number=entry.number,
                )
            return self.apply(entry, RECEIPT, on_date, Change(SENT, party=signer))

    def repair(
        self,
        numbers: Iterable[str],
        *,
        repairer: str,
        where: str,
        supervisor: str,
        on_date: date,
    ) -> list[Event]:
        """Items go to repair: by whom, where, supervised by whom (so nothing leaks)."""
        by = _text(repairer, QT_TRANSLATE_NOOP("Carriers", "repairer"))
        place = _text(where, QT_TRANSLATE_NOOP("Carriers", "place of repair"))
        watch = _text(supervisor, QT_TRANSLATE_NOOP("Carriers", "name of the supervisor"))
        return self._many(
            numbers,
            REPAIRED,
            on_date,
            lambda entry: Change(
                REPAIR,
                holder_after=_holder(entry),
                party=by,
                details={"where": place, "supervisor": watch},
            ),
        )

    def take_out(
        self,
        numbers: Iterable[str],
        *,
        approved_by: str,
        destination: str,
        due_on: date | None,
        on_date: date,
    ) -> list[Event]:
        """Items taken out of the premises (外携), approved, due back on ``due_on``."""
        approver = _text(approved_by, QT_TRANSLATE_NOOP("Carriers", "approval"))
        to = _text(destination, QT_TRANSLATE_NOOP("Carriers", "destination"))
        due = self._check_due(due_on, on_date)
        return self._many(
            numbers,
            TAKE_OUT,
            on_date,
            lambda entry: Change(
                TAKEN_OUT,
                {"due_on": due},
                holder_after=_holder(entry),
                party=to,
                due_on=due,
                ref=approver,
            ),
        )

    def withdraw(self, numbers: Iterable[str], *, reason: str, on_date: date) -> list[Event]:
        """Items taken back from their holders (清退) into the secrecy office."""
        why = _text(reason, QT_TRANSLATE_NOOP("Carriers", "reason"), 500)
        return self._many(
            numbers,
            WITHDRAW,
            on_date,
            lambda entry: Change(
                WITHDRAWN, {"due_on": None}, holder_after=None, details={"reason": why}
            ),
        )

    def copy(self, number: str, *, approval: str, copies: int, on_date: date) -> list[str]:
        """Make ``copies`` copies of a carrier against an approved copy request: each a new
        carrier with the original's level, term and marks, linked to it; the original counts
        its copies. Returns the new numbers."""
        self._check_date(on_date)
        if copies < 1:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Make at least one copy."))
        with self.session.operation():
            original = self.item(number)
            spec = self.registers.require(original.register, Action.CREATE)
            self.registers.require(original.register, Action.EDIT)
            refused = self.refusal(original, COPY)
            if refused is not None:
                raise refused
            request = Approvals(self.session, self.forms).get(approval)
            allowed = request.values.get("copies")
            if (
                request.form != "carrier_copy"
                or request.values.get("carrier") != original.number
                or request.state is not State.APPROVED
                or not isinstance(allowed, int)
            ):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{number} is copied only against an approved copy request for it; "
                        "{approval} is not one.",
                    ),
                    number=original.number,
                    approval=request.number,
                )
            used = self.copies_made_against(request.number)
            if used + copies > allowed:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Request {approval} allows {allowed} copies and {used} are made "
                        "already; {n} more would be too many.",
                    ),
                    approval=request.number,
                    allowed=allowed,
                    used=used,
                    n=copies,
                )
            # 份号: copies come after every number of the family (the first original, its
            # copies and theirs), so a distribution list never shows one number twice.
            made_before = original.values.get("copies_made")
            start = made_before if isinstance(made_before, int) else 0
            first = self._family_top(original) + 1
            numbers: list[str] = []
            for i in range(copies):
                values = {f.name: original.values.get(f.name) for f in spec.fields}
                values.update(
                    origin="copy",
                    original=original.number,
                    holder=None,
                    due_on=None,
                    copies_made=None,
                    copy_no=first + i,
                )
                written = insert_entry(
                    self.session, spec, values, original.level, original.term,
                    note=f"carrier:copy:{original.number}",
                )  # fmt: skip
                numbers.append(written.number)
                copy_entry = self.registers.get(
                    original.register, written.number, record_view=False
                )
                insert_event(
                    self.session,
                    copy_entry,
                    REGISTER,
                    on_date,
                    Change(
                        REGISTERED,
                        ref=request.number,
                        details={"origin": "copy", "original": original.number},
                    ),
                )
                self.session.audit(
                    "carrier.register",
                    copy_entry.object_name,
                    level=copy_entry.level,
                    details={"copy_of": original.number, "approval": request.number},
                )
            self.apply(
                original,
                COPY,
                on_date,
                Change(
                    original.status,
                    {"copies_made": start + copies},
                    holder_after=_holder(original),
                    ref=request.number,
                    details={"copies": copies, "numbers": numbers},
                ),
            )
        return numbers

    def _family_top(self, carrier: Entry) -> int:
        """The highest 份号 in the carrier's family: the first original it descends from
        (copy 1 when it has no number of its own) and every copy made of it or of its
        copies, voided ones included (a number once given is never given again). Read from
        the entries and the copy events directly, whatever the reader's clearance: a copy
        reclassified since still holds its number."""

        def row(number: str) -> Row | None:
            return self.store.one(
                "SELECT id, json_extract(data, '$.copy_no'), json_extract(data, '$.original') "
                "FROM entries WHERE register = ? AND number = ?",
                (carrier.register, number),
            )

        root, seen = carrier.number, {carrier.number}
        found = row(root)
        while found is not None and found[2] and str(found[2]) not in seen:
            root = str(found[2])
            seen.add(root)
            found = row(root)
        top, todo, walked = 0, [root], set[str]()
        while todo:
            number = todo.pop()
            if number in walked:
                continue
            walked.add(number)
            found = row(number)
            if found is None:
                continue
            own = found[1]
            top = max(top, own if isinstance(own, int) and own > 0 else 1)
            for (details,) in self.store.all(
                "SELECT details FROM carrier_events WHERE entry_id = ? AND kind = ?",
                (found[0], COPY),
            ):
                todo.extend(str(n) for n in json.loads(str(details)).get("numbers", ()))
        return top

    def copies_made_against(self, approval: str) -> int:
        rows = self.store.all(
            "SELECT details FROM carrier_events WHERE ref = ? AND kind = ?", (approval, COPY)
        )
        return sum(int(json.loads(str(r[0])).get("copies", 0)) for r in rows)

    # --- reading ------------------------------------------------------------------------

    def events(self, number: str) -> list[Event]:
        entry = self.item(number)
        rows = self.store.all(
            f"SELECT {_EVENT_COLUMNS} FROM carrier_events ev JOIN entries e ON e.id = ev.entry_id "
            "WHERE ev.entry_id = ? ORDER BY ev.id",
            (entry.id,),
        )
        return [event_from_row(r) for r in rows]

    def history(self, number: str, lang: str = "zh_CN") -> list[HistoryLine]:
        """Everything that happened to an item, oldest first: its lifecycle events and the
        edits of its record by hand (a level raised, a location corrected)."""
        entry = self.item(number)
        spec = self.registers.spec(entry.register)
        lines: list[HistoryLine] = [
            HistoryLine(e.at, e.account, e.kind, e.on_date, e.to_status, self.summary(e, lang), e)
            for e in self.events(entry.number)
        ]
        if not any(e.kind == REGISTER for e in lines):
            lines.insert(
                0,
                HistoryLine(
                    entry.created_at, entry.created_by, REGISTER,
                    date.fromisoformat(entry.created_at[:10]), REGISTERED, "",
                ),
            )  # fmt: skip
        for rev in self.registers.history(entry.register, entry.number):
            if rev.change == "edit":
                fields = "、".join(spec.field(c.field).label(lang) for c in rev.changes)
                lines.append(
                    HistoryLine(
                        rev.at, rev.account, "edit", date.fromisoformat(rev.at[:10]),
                        rev.status, fields,
                    )
                )  # fmt: skip
        lines.sort(key=lambda h: h.at)
        return lines

    def summary(self, event: Event, lang: str) -> str:
        """One line saying who, to whom, until when."""
        parts: list[str] = []
        if event.holder_after and event.kind in (ISSUE, LEND):
            parts.append(self.holder_name(event.holder_after))
        elif event.party:
            parts.append(event.party)
        if event.due_on:
            parts.append(translate("Carriers", "due {date}", lang).format(date=event.due_on))
        if event.ref:
            parts.append(event.ref)
        copies = event.details.get("numbers")
        if isinstance(copies, list):
            parts.append("、".join(str(c) for c in copies))
        where = event.details.get("where")
        if where:
            parts.append(str(where))
        return "；".join(parts)


def _unique(numbers: Iterable[str]) -> list[str]:
    out: list[str] = []
    for n in numbers:
        text = n.strip().upper()
        if text and text not in out:
            out.append(text)
    if not out:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one item."))
    return out

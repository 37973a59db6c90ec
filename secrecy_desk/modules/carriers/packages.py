"""Destruction packages (销毁包): the only way an item is destroyed.

The officer gathers carriers and equipment into a package (an item in at most one package not
yet executed; never a destroyed one, nor one lent, sent, at repair or taken out). Submitting it
files a request of the approval type ``destruction`` (``forms/approvals/destruction.toml``,
decided by the unit leader) and locks its items. Once approved, the clerk records the
destruction — date, method, place, the handler and two named witnesses (监销) — and every item
becomes destroyed in one transaction, each with its event and audit record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term, highest, marking
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules.approvals.engine import Approvals, Request, State
from secrecy_desk.modules.carriers.lifecycle import (
    DESTROY,
    DESTROYED,
    REGISTERS,
    Carriers,
    Change,
)
from secrecy_desk.modules.carriers.stocktake import _next_number
from secrecy_desk.modules.registers import Entry
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault.db import Row

METHODS: Final = ("shredding", "disintegration", "degaussing", "bureau")
OPEN, SUBMITTED, EXECUTED = "open", "submitted", "executed"
APPROVAL_FORM: Final = "destruction"

_STATE_LABELS: Final = {
    OPEN: QT_TRANSLATE_NOOP("Carriers", "gathering items"),
    SUBMITTED: QT_TRANSLATE_NOOP("Carriers", "waiting for approval"),
    "approved": QT_TRANSLATE_NOOP("Carriers", "approved, not yet destroyed"),
    "refused": QT_TRANSLATE_NOOP("Carriers", "not approved"),
    EXECUTED: QT_TRANSLATE_NOOP("Carriers", "destroyed"),
}


@dataclass(frozen=True, slots=True)
class Item:
    number: str
    register: str
    title: str
    level: Level
    term: Term | None
    status: str
    copy_no: int | None
    pages: int | None

    @property
    def marking(self) -> str:
        return marking(self.level, self.term)


@dataclass(frozen=True, slots=True)
class Package:
    id: int
    number: str
    state: str
    reason: str
    method: str
    approval: str | None
    approval_state: State | None
    created_at: str
    created_by: str
    destroyed_on: date | None
    place: str
    handler: str
    witnesses: tuple[str, ...]
    items: tuple[Item, ...]

    @property
    def level(self) -> Level:
        return max((i.level for i in self.items), default=Level.INTERNAL)

    @property
    def term(self) -> Term | None:
        return highest([(i.level, i.term) for i in self.items])[1] if self.items else None

    @property
    def marking(self) -> str:
        return marking(self.level, self.term) if self.items else ""

    @property
    def phase(self) -> str:
        """open, submitted, approved, refused or executed."""
        if self.state == SUBMITTED and self.approval_state is State.APPROVED:
            return "approved"
        if self.state == SUBMITTED and self.approval_state in (State.REJECTED, State.WITHDRAWN):
            return "refused"
        return self.state

    def state_label(self, lang: str) -> str:
        return translate("Carriers", _STATE_LABELS[self.phase], lang)


_COLUMNS: Final = (
    "id, number, state, reason, method, approval, created_at, created_by, destroyed_on, place, "
    "handler, witness1, witness2"
)


class Packages:
    """Destruction package operations for one session."""

    def __init__(self, desk: Carriers) -> None:
        self.desk = desk
        self.session = desk.session
        self.store = desk.store

    def _require(self) -> None:
        for register in REGISTERS:
            self.desk.registers.require(register, Action.EDIT)

    def _approvals(self) -> Approvals:
        return Approvals(self.session, self.desk.forms)

    # --- reading ------------------------------------------------------------------------

    def _items(self, package_id: int) -> tuple[Item, ...]:
        rows = self.store.all(
            "SELECT e.number, e.register, coalesce(json_extract(e.data, '$.title'), "
            "json_extract(e.data, '$.model'), ''), e.level, e.term, e.status, "
            "json_extract(e.data, '$.copy_no'), json_extract(e.data, '$.pages') "
            "FROM carrier_package_items p JOIN entries e ON e.id = p.entry_id "
            "WHERE p.package_id = ? ORDER BY e.register, e.year, e.seq",
            (package_id,),
        )
        return tuple(
            Item(
                str(r[0]),
                str(r[1]),
                str(r[2]),
                Level(int(r[3])),
                Term.decode(str(r[4])) if r[4] else None,
                str(r[5]),
                int(r[6]) if r[6] is not None else None,
                int(r[7]) if r[7] is not None else None,
            )
            for r in rows
        )

    def _package(self, row: Row) -> Package:
        approval = str(row[5]) if row[5] else None
        state: State | None = None
        if approval is not None:
            found = self.store.one(
                "SELECT state FROM approval_requests WHERE number = ?", (approval,)
            )
            state = State(str(found[0])) if found is not None else None
        return Package(
            id=int(row[0]),
            number=str(row[1]),
            state=str(row[2]),
            reason=str(row[3]),
            method=str(row[4]),
            approval=approval,
            approval_state=state,
            created_at=str(row[6]),
            created_by=str(row[7]),
            destroyed_on=date.fromisoformat(str(row[8])) if row[8] else None,
            place=str(row[9] or ""),
            handler=str(row[10] or ""),
            witnesses=tuple(str(w) for w in (row[11], row[12]) if w),
            items=self._items(int(row[0])),
        )

    def get(self, number: str) -> Package:
        row = self.store.one(
            f"SELECT {_COLUMNS} FROM carrier_packages WHERE number = ?", (number.strip().upper(),)
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no destruction package {number}."),
                number=number,
            )
        return self._package(row)

    def all(self) -> list[Package]:
        rows = self.store.all(f"SELECT {_COLUMNS} FROM carrier_packages ORDER BY id DESC")
        return [self._package(r) for r in rows]

    # --- gathering ----------------------------------------------------------------------

    def _addable(self, entry: Entry, package_id: int | None) -> None:
        if entry.status == DESTROYED:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{number} has been destroyed already; it cannot go into a package."
                ),
                number=entry.number,
            )
        refused = self.desk.refusal(entry, DESTROY)
        if refused is not None:
            raise refused
        other = self.store.one(
            "SELECT p.number FROM carrier_package_items i JOIN carrier_packages p "
            "ON p.id = i.package_id WHERE i.entry_id = ? AND p.state != ? AND p.id IS NOT ?",
            (entry.id, EXECUTED, package_id),
        )
        if other is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{number} is already in destruction package {package}; an item is in one "
                    "package at a time.",
                ),
                number=entry.number,
                package=str(other[0]),
            )

    def _put(self, package_id: int, numbers: Sequence[str]) -> list[str]:
        now = audit_chain.iso(self.session.clock.now())
        added: list[str] = []
        for number in numbers:
            entry = self.desk.item(number)
            self._addable(entry, package_id)
            self.store.execute(
                "INSERT OR IGNORE INTO carrier_package_items (package_id, entry_id, added_at, "
                "added_by) VALUES (?, ?, ?, ?)",
                (package_id, entry.id, now, self.session.account.login),
            )
            added.append(entry.number)
        return added

    def create(self, numbers: Iterable[str], *, reason: str, method: str) -> Package:
        self._require()
        self.session.principal.require_role(Role.OFFICER)
        why = " ".join(reason.split())
        if not why:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason for destruction."))
        if method not in METHODS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The method is shredding, disintegration, degaussing or the secrecy "
                    "bureau's destruction centre.",
                )
            )
        wanted = _numbers(numbers)
        with self.session.operation() as store:
            number = _next_number(store, "XHB", self.session.clock.today().year)
            package_id = store.execute(
                "INSERT INTO carrier_packages (number, state, reason, method, created_at, "
                "created_by) VALUES (?, ?, ?, ?, ?, ?)",
                (number, OPEN, why[:1000], method, audit_chain.iso(self.session.clock.now()),
                 self.session.account.login),
            )  # fmt: skip
            added = self._put(package_id, wanted)
            package = self.get(number)
            self.session.audit(
                "package.create",
                f"package:{number}",
                level=max(package.level, Level.INTERNAL),
                details={"items": added, "method": method},
            )
        return package

    def _open(self, number: str) -> Package:
        package = self.get(number)
        if package.state != OPEN:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Package {number} has been submitted for approval; its items no longer change.",
                ),
                number=package.number,
            )
        return package

    def add(self, number: str, numbers: Iterable[str]) -> Package:
        self._require()
        with self.session.operation():
            package = self._open(number)
            added = self._put(package.id, _numbers(numbers))
            after = self.get(number)
            self.session.audit(
                "package.change",
                f"package:{package.number}",
                level=max(after.level, Level.INTERNAL),
                details={"added": added},
            )
        return after

    def remove(self, number: str, numbers: Iterable[str]) -> Package:
        self._require()
        with self.session.operation() as store:
            package = self._open(number)
            removed: list[str] = []
            for n in _numbers(numbers):
                entry = self.desk.item(n)
                store.execute(
                    "DELETE FROM carrier_package_items WHERE package_id = ? AND entry_id = ?",
                    (package.id, entry.id),
                )
                removed.append(entry.number)
            self.session.audit(
                "package.change",
                f"package:{package.number}",
                level=max(package.level, Level.INTERNAL),
                details={"removed": removed},
            )
        return self.get(number)

    # --- approval and execution ---------------------------------------------------------

    def submit(self, number: str, *, place: str = "") -> Package:
        """File and submit the ``destruction`` approval for the package; its items lock."""
        self._require()
        with self.session.operation() as store:
            package = self.get(number)
            if package.phase not in (OPEN, "refused"):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Package {number} is already waiting for or past approval."
                    ),
                    number=package.number,
                )
            if not package.items:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Package {number} holds no items."),
                    number=package.number,
                )
            for item in package.items:
                self._addable(self.desk.item(item.number), package.id)
            approvals = self._approvals()
            request = approvals.create(
                APPROVAL_FORM,
                {
                    "package": package.number,
                    "items": str(len(package.items)),
                    "level": package.level.zh,
                    "item_list": "\n".join(
                        f"{i.number} {i.title} {i.marking}" for i in package.items
                    ),
                    "method": package.method,
                    "place": place,
                    "reason": package.reason,
                },
            )
            approvals.submit(request.number)
            store.execute(
                "UPDATE carrier_packages SET state = ?, approval = ? WHERE id = ?",
                (SUBMITTED, request.number, package.id),
            )
            self.session.audit(
                "package.submit",
                f"package:{package.number}",
                level=package.level,
                details={"approval": request.number, "items": len(package.items)},
            )
        return self.get(number)

    def approval(self, package: Package) -> Request | None:
        return self._approvals().get(package.approval) if package.approval else None

    def execute(
        self,
        number: str,
        *,
        on_date: date,
        method: str,
        place: str,
        handler: str,
        witnesses: Sequence[str],
    ) -> Package:
        """Record the destruction of an approved package: every item destroyed at once."""
        self._require()
        names = [" ".join(w.split()) for w in witnesses if w.strip()]
        if len(names) != 2 or names[0] == names[1]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Name the two witnesses (监销人), two different people."
                )
            )
        who = " ".join(handler.split())
        where = " ".join(place.split())
        if not who or not where:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Give the person who destroyed the items and the place."
                )
            )
        if method not in METHODS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the method of destruction."))
        if on_date > self.session.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The date of destruction cannot be in the future.")
            )
        with self.session.operation() as store:
            package = self.get(number)
            if package.state == EXECUTED:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Package {number} was destroyed already."),
                    number=package.number,
                )
            if package.phase != "approved":
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Package {number} is not approved for destruction; nothing was destroyed.",
                    ),
                    number=package.number,
                )
            details = {"method": method, "place": where, "witnesses": names, "handler": who}
            change = Change(
                DESTROYED,
                {"due_on": None},
                holder_after=None,
                party=who,
                ref=package.number,
                details=details,
            )
            changes = []
            for entry in self.desk.items([item.number for item in package.items]):
                refused = self.desk.refusal(entry, DESTROY)
                if refused is not None:
                    raise refused
                changes.append((entry, change))
            self.desk.apply_all(
                changes, DESTROY, on_date, audit_details={"package": package.number}
            )
            store.execute(
                "UPDATE carrier_packages SET state = ?, destroyed_on = ?, method = ?, place = ?, "
                "handler = ?, witness1 = ?, witness2 = ?, executed_at = ?, executed_by = ? "
                "WHERE id = ?",
                (EXECUTED, on_date.isoformat(), method, where, who, names[0], names[1],
                 audit_chain.iso(self.session.clock.now()), self.session.account.login,
                 package.id),
            )  # fmt: skip
            self.session.audit(
                "package.execute",
                f"package:{package.number}",
                level=package.level,
                details={**details, "items": len(package.items), "approval": package.approval},
            )
        return self.get(number)


def _numbers(numbers: Iterable[str]) -> list[str]:
    out = []
    for n in numbers:
        text = n.strip().upper()
        if text and text not in out:
            out.append(text)
    if not out:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one item."))
    return out

"""Personal holdings (个人留存): what a person holds now, since when, and what is overdue — the
handover list when they leave post (离岗清退), and the warning when a person still holding
items is moved to 离岗."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.validators import problem
from secrecy_desk.modules.carriers.lifecycle import REGISTERS, Carriers
from secrecy_desk.modules.registers import Entry, Query
from secrecy_desk.records.rules import Notice


@dataclass(frozen=True, slots=True)
class Holding:
    """One item a person holds: the entry, since when, and whether it is overdue."""

    entry: Entry
    since: date | None

    @property
    def title(self) -> str:
        return str(self.entry.values.get("title") or self.entry.values.get("model") or "")

    @property
    def due(self) -> date | None:
        due = self.entry.values.get("due_on")
        return due if isinstance(due, date) else None

    @property
    def overdue(self) -> bool:
        return any(f.kind == "overdue" for f in self.entry.flags)


def holdings(desk: Carriers, person: str) -> list[Holding]:
    """Every carrier and piece of equipment ``person`` (a personnel number) holds now, within
    the session's clearance, carriers first, each by number."""
    out: list[Holding] = []
    for register in REGISTERS:
        # Every step that takes an item away from its holder (send, withdraw, destroy) clears
        # the holder, so the holder's index alone answers the question.
        entries = desk.registers.page(register, Query(where={"holder": person}, limit=None))
        since = _since(desk, [e.id for e in entries], person)
        out.extend(Holding(e, since.get(e.id)) for e in entries)
    return out


def _since(desk: Carriers, ids: list[int], person: str) -> dict[int, date]:
    """For each entry, the date of the last event that gave it to ``person``."""
    found: dict[int, date] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = desk.store.all(
            f"SELECT entry_id, max(on_date) FROM carrier_events WHERE entry_id IN ({marks}) "
            "AND holder_after = ? AND kind IN ('issue', 'lend') GROUP BY entry_id",
            (*chunk, person),
        )
        found.update({int(r[0]): date.fromisoformat(str(r[1])) for r in rows})
    return found


def departure_notices(desk: Carriers, person: str) -> list[Notice]:
    """The warning shown before a person is moved to 离岗 while they still hold items."""
    held = holdings(desk, person)
    if not held:
        return []
    numbers = "、".join(h.entry.number for h in held[:10]) + ("…" if len(held) > 10 else "")
    return [
        Notice(
            problem(
                "still_holding",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} still holds {n} classified carriers or equipment ({numbers}); "
                    "withdraw them (清退) and print the handover list before they leave post.",
                ),
                name=desk.holder_name(person),
                n=len(held),
                numbers=numbers,
            )
        )
    ]

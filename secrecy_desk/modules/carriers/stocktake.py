"""Stocktakes (清查): the officer opens one for a scope (everything, a department, a location or a
holder) and the program lists what should be there; the clerk marks each item found, missing or
found elsewhere — one scan (number + Enter) per item — and items found that are not on the list
are recorded as unexpected. Closing it counts everything still unmarked as missing and gives the
discrepancy report with the match rate (账物相符率), marked at the highest level it covers.

:func:`last_match_rate` is what the self-inspection sheet reads (the last closed stocktake)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term, marking
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules.carriers.lifecycle import (
    CARRIERS,
    DESTROYED,
    EQUIPMENT,
    REGISTERS,
    SENT,
    Carriers,
)
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registers.planning import field_path, register_is
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault.db import Row, Store
from secrecy_desk.vault.session import Session

SCOPES: Final = ("all", "department", "location", "holder")
FOUND, MISSING, ELSEWHERE, UNEXPECTED = "found", "missing", "elsewhere", "unexpected"
MARKS: Final = (FOUND, MISSING, ELSEWHERE)
OPEN, CLOSED = "open", "closed"

_SCOPE_LABELS: Final = {
    "all": QT_TRANSLATE_NOOP("Carriers", "everything"),
    "department": QT_TRANSLATE_NOOP("Carriers", "department {value}"),
    "location": QT_TRANSLATE_NOOP("Carriers", "location {value}"),
    "holder": QT_TRANSLATE_NOOP("Carriers", "held by {value}"),
}
_MARK_LABELS: Final = {
    FOUND: QT_TRANSLATE_NOOP("Carriers", "found"),
    MISSING: QT_TRANSLATE_NOOP("Carriers", "missing"),
    ELSEWHERE: QT_TRANSLATE_NOOP("Carriers", "found elsewhere"),
    UNEXPECTED: QT_TRANSLATE_NOOP("Carriers", "not on the list"),
    "": QT_TRANSLATE_NOOP("Carriers", "not yet marked"),
}
_STATE_LABELS: Final = {
    OPEN: QT_TRANSLATE_NOOP("Carriers", "open"),
    CLOSED: QT_TRANSLATE_NOOP("Carriers", "closed"),
}


def mark_label(mark: str, lang: str) -> str:
    return translate("Carriers", _MARK_LABELS.get(mark, mark), lang)


@dataclass(frozen=True, slots=True)
class Stocktake:
    id: int
    number: str
    scope_kind: str
    scope_value: str
    state: str
    level: Level
    opened_on: date
    opened_by: str
    closed_on: date | None
    expected: int
    found: int
    missing: int
    elsewhere: int
    unexpected: int

    def scope_text(self, lang: str) -> str:
        return translate("Carriers", _SCOPE_LABELS[self.scope_kind], lang).format(
            value=self.scope_value
        )

    def state_label(self, lang: str) -> str:
        return translate("Carriers", _STATE_LABELS[self.state], lang)

    @property
    def rate(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass(frozen=True, slots=True)
class Mark:
    number: str
    mark: str
    expected: bool

    def label(self, lang: str) -> str:
        return mark_label(self.mark if self.expected else UNEXPECTED, lang)


@dataclass(frozen=True, slots=True)
class ReportLine:
    number: str
    register: str
    title: str
    level: Level
    marking: str
    mark: str  # missing | elsewhere | unexpected (| found on the full list)
    found_at: str
    holder: str
    location: str

    def label(self, lang: str) -> str:
        return mark_label(self.mark, lang)


@dataclass(frozen=True, slots=True)
class Report:
    """The discrepancy report of a stocktake (the lines are the items that disagree)."""

    stocktake: Stocktake
    lines: tuple[ReportLine, ...]

    def summary(self, lang: str) -> str:
        s = self.stocktake
        return translate(
            "Carriers",
            QT_TRANSLATE_NOOP(
                "Carriers",
                "Stocktake {number} ({scope}): expected {expected}, found {found}, missing "
                "{missing}, found elsewhere {elsewhere}, not on the list {unexpected}; match "
                "rate {rate}.",
            ),
            lang,
        ).format(
            number=s.number,
            scope=s.scope_text(lang),
            expected=s.expected,
            found=s.found,
            missing=s.missing,
            elsewhere=s.elsewhere,
            unexpected=s.unexpected,
            rate=f"{s.rate:.1%}",
        )


@dataclass(frozen=True, slots=True)
class MatchRate:
    """The last closed stocktake's figures (for the self-inspection sheet)."""

    closed_on: date
    expected: int
    found: int
    rate: float


_COLUMNS: Final = (
    "id, number, scope_kind, scope_value, state, level, opened_on, opened_by, closed_on, "
    "expected, found, missing, elsewhere, unexpected"
)


def _stocktake(row: Row) -> Stocktake:
    return Stocktake(
        id=int(row[0]),
        number=str(row[1]),
        scope_kind=str(row[2]),
        scope_value=str(row[3]),
        state=str(row[4]),
        level=Level(int(row[5])),
        opened_on=date.fromisoformat(str(row[6])),
        opened_by=str(row[7]),
        closed_on=date.fromisoformat(str(row[8])) if row[8] else None,
        expected=int(row[9] or 0),
        found=int(row[10] or 0),
        missing=int(row[11] or 0),
        elsewhere=int(row[12] or 0),
        unexpected=int(row[13] or 0),
    )


def match_rate_of(registers: Registers) -> MatchRate | None:
    """:func:`last_match_rate` as the module descriptor offers it (``stocktake_figures``) to the
    self-inspection sheet."""
    return last_match_rate(registers.session)


def last_match_rate(store_or_session: Store | Session) -> MatchRate | None:
    """The figures of the stocktake closed last, or ``None`` when none was ever closed."""
    store = (
        store_or_session.vault.store if isinstance(store_or_session, Session) else store_or_session
    )
    row = store.one(
        "SELECT closed_on, expected, found FROM carrier_stocktakes WHERE state = ? "
        "ORDER BY closed_at DESC, id DESC LIMIT 1",
        (CLOSED,),
    )
    if row is None:
        return None
    expected, found = int(row[1] or 0), int(row[2] or 0)
    return MatchRate(
        date.fromisoformat(str(row[0])), expected, found, found / expected if expected else 1.0
    )


class Stocktakes:
    """Stocktake operations for one session."""

    def __init__(self, desk: Carriers) -> None:
        self.desk = desk
        self.session = desk.session
        self.store = desk.store

    def _require(self) -> None:
        for register in REGISTERS:
            self.desk.registers.require(register, Action.EDIT)

    def open(self, scope: str, value: str = "") -> Stocktake:
        """The officer opens a stocktake: what should be there is listed now."""
        self._require()
        self.session.principal.require_role(Role.OFFICER)
        if scope not in SCOPES:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "A stocktake covers all, a department, a location or a holder."
                )
            )
        text = value.strip()
        if scope != "all" and not text:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Name the department, location or holder to count.")
            )
        if scope == "holder":
            text = self.desk.person(text).number
        today = self.session.clock.today()
        now = audit_chain.iso(self.session.clock.now())
        with self.session.operation() as store:
            number = _next_number(store, "QC", today.year)
            sid = store.execute(
                "INSERT INTO carrier_stocktakes (number, scope_kind, scope_value, state, level, "
                "opened_on, opened_at, opened_by) VALUES (?, ?, ?, ?, 0, ?, ?, ?)",
                (number, scope, text if scope != "all" else "", OPEN, today.isoformat(), now,
                 self.session.account.login),
            )  # fmt: skip
            top = Level.PUBLIC
            for register in (CARRIERS, EQUIPMENT):
                where = (
                    f"{register_is(register)} AND voided = 0 AND level <= ? "
                    "AND status NOT IN (?, ?)"
                )
                params: list[object] = [int(self.session.principal.clearance), DESTROYED, SENT]
                if scope != "all":
                    where += f" AND {field_path(scope)} = ?"
                    params.append(text)
                store.execute(
                    "INSERT INTO carrier_stocktake_items (stocktake_id, entry_id, expected) "
                    f"SELECT ?, id, 1 FROM entries WHERE {where}",
                    (sid, *params),
                )
                level = store.scalar(f"SELECT max(level) FROM entries WHERE {where}", params)
                top = max(top, Level(int(level))) if level is not None else top
            expected = int(
                store.scalar(
                    "SELECT count(*) FROM carrier_stocktake_items WHERE stocktake_id = ?", (sid,)
                )
            )
            store.execute(
                "UPDATE carrier_stocktakes SET level = ?, expected = ? WHERE id = ?",
                (int(top), expected, sid),
            )
            self.session.audit(
                "stocktake.open",
                f"stocktake:{number}",
                level=max(top, Level.INTERNAL),
                details={"scope": scope, "value": text or None, "expected": expected},
            )
        return self.get(number)

    def get(self, number: str) -> Stocktake:
        row = self.store.one(
            f"SELECT {_COLUMNS} FROM carrier_stocktakes WHERE number = ?", (number.strip().upper(),)
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no stocktake {number}."), number=number
            )
        return _stocktake(row)

    def all(self) -> list[Stocktake]:
        rows = self.store.all(f"SELECT {_COLUMNS} FROM carrier_stocktakes ORDER BY id DESC")
        return [_stocktake(r) for r in rows]

    def mark(self, number: str, item: str, mark: str = FOUND, *, found_at: str = "") -> Mark:
        """One scan or one keyed mark: the item is found (or missing, or found elsewhere).
        An item not on the list is recorded as unexpected."""
        self._require()
        if mark not in MARKS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Mark an item found, missing or found elsewhere.")
            )
        code = item.strip().upper()
        with self.session.operation() as store:
            take = self.get(number)
            if take.state != OPEN:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Stocktake {number} is closed; nothing more is marked in it."
                    ),
                    number=take.number,
                )
            # The item and its line on the list (if any), in one read: a scan is one look-up.
            row = store.one(
                "SELECT e.id, e.status, e.level, i.expected FROM entries e "
                "LEFT JOIN carrier_stocktake_items i ON i.stocktake_id = ? AND i.entry_id = e.id "
                "WHERE e.number = ? AND e.register IN (?, ?) AND e.voided = 0",
                (take.id, code, CARRIERS, EQUIPMENT),
            )
            if row is None or int(row[2]) > int(self.session.principal.clearance):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "{number} is not a carrier or equipment on the ledger."
                    ),
                    number=code or item,
                )
            if str(row[1]) == DESTROYED:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{number} was destroyed; it cannot be in a cabinet. Put it aside and "
                        "report it to the secrecy officer.",
                    ),
                    number=code,
                )
            entry_id = int(row[0])
            listed = row[3]
            now = audit_chain.iso(self.session.clock.now())
            who = self.session.account.login
            place = found_at.strip()[:100] or None
            if listed is None:
                if mark == MISSING:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("Errors", "{number} is not on this stocktake's list."),
                        number=code,
                    )
                store.execute(
                    "INSERT INTO carrier_stocktake_items (stocktake_id, entry_id, expected, "
                    "mark, found_at, at, account) VALUES (?, ?, 0, ?, ?, ?, ?)",
                    (take.id, entry_id, mark, place, now, who),
                )
            else:
                store.execute(
                    "UPDATE carrier_stocktake_items SET mark = ?, found_at = ?, at = ?, "
                    "account = ? WHERE stocktake_id = ? AND entry_id = ?",
                    (mark, place, now, who, take.id, entry_id),
                )
            self.session.audit(
                "stocktake.mark",
                f"stocktake:{take.number}",
                level=max(Level(int(row[2])), Level.INTERNAL),
                details={"item": code, "mark": mark, "listed": listed is not None},
            )
        return Mark(code, mark, listed is not None)

    def close(self, number: str) -> Report:
        """Close it: unmarked items count as missing; the counts are kept with it."""
        self._require()
        self.session.principal.require_role(Role.OFFICER)
        today = self.session.clock.today()
        with self.session.operation() as store:
            take = self.get(number)
            if take.state != OPEN:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Stocktake {number} is already closed."),
                    number=take.number,
                )
            counts: dict[str, int] = dict(
                store.all(
                    "SELECT CASE WHEN expected = 0 THEN 'unexpected' "
                    "ELSE coalesce(mark, 'missing') END AS m, count(*) "
                    "FROM carrier_stocktake_items WHERE stocktake_id = ? GROUP BY m",
                    (take.id,),
                )
            )
            store.execute(
                "UPDATE carrier_stocktake_items SET mark = ? WHERE stocktake_id = ? "
                "AND expected = 1 AND mark IS NULL",
                (MISSING, take.id),
            )
            found = int(counts.get(FOUND, 0))
            store.execute(
                "UPDATE carrier_stocktakes SET state = ?, closed_on = ?, closed_at = ?, "
                "closed_by = ?, found = ?, missing = ?, elsewhere = ?, unexpected = ? "
                "WHERE id = ?",
                (CLOSED, today.isoformat(), audit_chain.iso(self.session.clock.now()),
                 self.session.account.login, found, int(counts.get(MISSING, 0)),
                 int(counts.get(ELSEWHERE, 0)), int(counts.get(UNEXPECTED, 0)), take.id),
            )  # fmt: skip
            closed = self.get(number)
            self.session.audit(
                "stocktake.close",
                f"stocktake:{take.number}",
                level=max(closed.level, Level.INTERNAL),
                details={
                    "expected": closed.expected,
                    "found": closed.found,
                    "missing": closed.missing,
                    "elsewhere": closed.elsewhere,
                    "unexpected": closed.unexpected,
                },
            )
        return self.report(number)

    def items(self, number: str, *, discrepancies_only: bool = True) -> list[ReportLine]:
        """The items of a stocktake (those that disagree with the ledger, by default)."""
        take = self.get(number)
        where = "" if not discrepancies_only else (
            " AND (i.expected = 0 OR i.mark IS NULL OR i.mark != 'found')"
        )  # fmt: skip
        rows = self.store.all(
            "SELECT e.number, e.register, json_extract(e.data, '$.title'), "
            "json_extract(e.data, '$.model'), e.level, e.term, i.expected, i.mark, i.found_at, "
            "json_extract(e.data, '$.holder'), json_extract(e.data, '$.location') "
            "FROM carrier_stocktake_items i JOIN entries e ON e.id = i.entry_id "
            f"WHERE i.stocktake_id = ?{where} ORDER BY e.register, e.year, e.seq",
            (take.id,),
        )
        out: list[ReportLine] = []
        for r in rows:
            level = Level(int(r[4]))
            term = Term.decode(str(r[5])) if r[5] else None
            mark = UNEXPECTED if not r[6] else str(r[7] or "")
            out.append(
                ReportLine(
                    number=str(r[0]),
                    register=str(r[1]),
                    title=str(r[2] or r[3] or ""),
                    level=level,
                    marking=marking(level, term),
                    mark=mark,
                    found_at=str(r[8] or ""),
                    holder=self.desk.holder_name(str(r[9]) if r[9] else None),
                    location=str(r[10] or ""),
                )
            )
        return out

    def open_incident(self, number: str, item: str) -> str:
        """One action for an item a stocktake found missing: an entry of the incidents register
        (the discovery, the item, its level, the first remedy), for the officer to follow up.
        Returns the incident's number."""
        take = self.get(number)
        code = item.strip().upper()
        line = next(
            (x for x in self.items(take.number) if x.number == code and x.mark == MISSING), None
        )
        if line is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{item} is not missing in stocktake {number}."),
                item=code,
                number=take.number,
            )
        saved = self.desk.registers.add(
            "incidents",
            {
                "discovered_on": (take.closed_on or self.session.clock.today()).isoformat(),
                "discovered_by": self.session.account.display_name,
                "what": f"清查 {take.number}（{take.scope_text('zh_CN')}）中 {line.number}"
                f"（{line.title}，{line.marking}）缺失。",
                "level": line.level.zh,
                "carriers": line.number,
                "remedy": "查找下落，核实责任人，按规定报告。",
            },
        )
        return saved.entry.number

    def report(self, number: str) -> Report:
        take = self.get(number)
        return Report(take, tuple(self.items(take.number)))

    def progress(self, number: str) -> tuple[int, int]:
        """(marked, expected) of an open stocktake."""
        take = self.get(number)
        marked = int(
            self.store.scalar(
                "SELECT count(*) FROM carrier_stocktake_items WHERE stocktake_id = ? "
                "AND expected = 1 AND mark IS NOT NULL",
                (take.id,),
            )
        )
        return marked, take.expected


def _next_number(store: Store, prefix: str, year: int) -> str:
    """``QC-2026-0001``: stocktakes and packages are never deleted, so the count is the seq."""
    table = "carrier_stocktakes" if prefix == "QC" else "carrier_packages"
    count = int(
        store.scalar(f"SELECT count(*) FROM {table} WHERE number LIKE ?", (f"{prefix}-{year}-%",))
    )
    return f"{prefix}-{year}-{count + 1:04d}"

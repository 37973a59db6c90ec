"""Writing records: one entry and its revision, numbered, indexed for search, level-checked and
guarded against lost updates — always inside the operation that also writes the audit record.

Every domain writes through these functions: the register engine for its entries, the print
operation for the print register, commitments and approvals for their numbers, hashes and
level checks. Call them inside ``session.operation()``; none opens a transaction itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import queue
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from secrecy_desk.core.collation import sort_keys, sort_keys_after
from secrecy_desk.core.errors import ConflictError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.money import Money
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FieldType, FormSpec, Value
from secrecy_desk.records import search
from secrecy_desk.vault.audit_chain import iso
from secrecy_desk.vault.db import Store
from secrecy_desk.vault.session import Session

#: Columns of ``entries`` in the order :func:`read` and the engine's row mapping use.
ENTRY_COLUMNS: Final = (
    "id, register, number, revision, status, level, term, voided, void_reason, data, "
    "created_at, created_by, updated_at, updated_by"
)


def canonical_json(data: Mapping[str, object]) -> str:
    """The one JSON spelling of stored values: sorted keys, no spaces, UTF-8 text kept."""
    return _CANONICAL.encode(data)


#: ``json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``, its
#: encoder made once (``dumps`` with options makes one per call: a tenth of an import's time).
_CANONICAL: Final = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(form: str, number: str, revision: int, stored: Mapping[str, object]) -> str:
    """SHA-256 of the canonical JSON of a record's content at a revision: form, number,
    revision, values. An approval decision is bound to it (the same bytes since schema 5)."""
    canonical = canonical_json(
        {"form": form, "number": number, "revision": revision, "values": dict(stored)}
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_values(spec: FormSpec, values: Mapping[str, Value]) -> dict[str, object]:
    """The storage forms of the values a definition has (empty values left out)."""
    out: dict[str, object] = {}
    for f in spec.fields:
        value = values.get(f.name)
        if value is None:
            continue  # a value's storage form is never None
        kind = type(value)
        if kind is str and f.type in _TEXTUAL:
            out[f.name] = value  # stored as it is (to_storage's own case, without the call)
            continue
        quick = _QUICK.get(f.type)
        if quick is not None and kind is quick[0]:
            out[f.name] = quick[1](value)  # to_storage's case for this type, without its calls
        else:
            out[f.name] = f.to_storage(value)
    return out


#: Field type → (the type of its value, its storage form): ``forms.values.to_storage``'s own
#: cases, for the values of exactly that type (an import makes some 100,000 of them a second).
_QUICK: Final[dict[FieldType, tuple[type, Callable[[Any], object]]]] = {
    FieldType.INTEGER: (int, int),
    FieldType.MONEY: (Money, operator.attrgetter("fen")),
    FieldType.DATE: (date, date.isoformat),
    FieldType.BOOL: (bool, int),
    FieldType.LEVEL: (Level, operator.attrgetter("name")),
    FieldType.TERM: (Term, Term.encode),
}


#: The field types whose value is its own storage form, a ``str``.
_TEXTUAL: Final = frozenset(
    {
        FieldType.TEXT,
        FieldType.LONG_TEXT,
        FieldType.CHOICE,
        FieldType.PERSON,
        FieldType.ACCOUNT,
        FieldType.ENTRY_REF,
        FieldType.RESIDENT_ID,
        FieldType.PHONE,
    }
)


def next_number(store: Store, spec: FormSpec, today: date) -> tuple[str, int, int]:
    """The next number of a form's records as (number, year, seq): counted per form, and per
    year when the pattern has one, in the vault's numbering table, so no number is ever given
    twice (a rolled-back operation gives its number back with it). Call inside the operation."""
    year = today.year if spec.numbering.per_year else 0
    last = store.scalar(
        "SELECT last_seq FROM numbering WHERE register = ? AND year = ?", (spec.id, year)
    )
    seq = int(last or 0) + 1
    set_last_number(store, spec, year, seq)
    return spec.numbering.format(year=today.year, seq=seq), year, seq


def set_last_number(store: Store, spec: FormSpec, year: int, seq: int) -> None:
    store.execute(
        "INSERT INTO numbering (register, year, last_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (register, year) DO UPDATE SET last_seq = excluded.last_seq",
        (spec.id, year, seq),
    )


# --- levels -------------------------------------------------------------------------------------

_ABOVE_RATING: Final = QT_TRANSLATE_NOOP(
    "Errors", "This workstation is rated {rating}; a {level} record cannot be entered here."
)
_ABOVE_CLEARANCE: Final = QT_TRANSLATE_NOOP(
    "Errors", "Your clearance does not allow entering a {level} record."
)


def level_problem(
    session: Session, level: Level, field: str = "", *, clearance: Level | None = None
) -> Problem | None:
    """Why a record of ``level`` may not be entered by this session (SPEC §2.2–2.3): above the
    workstation's rating, or above the account's clearance (``clearance``, when the caller
    read it once for many rows). ``None`` when it may."""
    rating = session.settings.rating
    if level > rating:
        return problem("above_rating", _ABOVE_RATING, rating=rating.zh, level=level.zh).at(field)
    if level > (clearance if clearance is not None else session.principal.clearance):
        return problem("above_clearance", _ABOVE_CLEARANCE, level=level.zh).at(field)
    return None


# --- lost updates -------------------------------------------------------------------------------


def guarded_update(
    store: Store,
    table: str,
    row_id: int,
    revision: int,
    assignments: Mapping[str, object],
    conflict: ConflictError,
) -> None:
    """``UPDATE table SET … WHERE id = ? AND revision = ?``, refused with ``conflict`` unless
    exactly one row changed: a save made from a revision someone else has since replaced never
    overwrites theirs, even when the two raced past the earlier read. ``table`` and the column
    names are the program's own identifiers, never user input."""
    columns = ", ".join(f"{name} = ?" for name in assignments)
    changed = store.changes(
        f"UPDATE {table} SET {columns} WHERE id = ? AND revision = ?",
        (*assignments.values(), row_id, revision),
    )
    if changed != 1:
        raise conflict


def stale_revision(number: str, account: str, at: str, revision: int, seen: int) -> ConflictError:
    """The refusal of a save made from revision ``seen`` of ``number`` while ``revision`` (by
    ``account`` at ``at``) stands."""
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Entry {number} was saved by {account} at {at} (revision {revision}) after "
            "you opened it (revision {seen}). Nothing was saved; reopen it to see the "
            "changes and make yours again.",
        ),
        number=number,
        account=account,
        at=at[:19].replace("T", " ") + " UTC",
        revision=revision,
        seen=seen,
    )


# --- entries ------------------------------------------------------------------------------------


#: A new entry at revision 1 (``id`` NULL: SQLite numbers it) and its first revision — the
#: statements a single save and a bulk load share.
_NEW_ENTRY: Final = (
    "INSERT INTO entries (id, register, number, year, seq, revision, status, level, term, "
    "voided, void_reason, data, sortkeys, created_at, created_by, updated_at, updated_by) "
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?, ?)"
)
#: Many new entries are written a batch at a time, each batch one JSON array of rows bound as
#: one parameter and read back with ``jsonb_each`` (three times faster than ``json_each``, whose
#: rows are texts that each ``->>`` parses again): one statement, one step, for the entries,
#: one for their first revisions, one for their search text. SQLite opens a cursor on every
#: index of a table each time an INSERT statement runs, and with a partial index per register
#: and list column (some 280) that opening costs ~0.4 ms a row when each row is a statement
#: of its own (``executemany``) — twenty times the insert itself; and a statement per row
#: takes Python's lock back at each row, which a thread writing beside a thread checking
#: (:class:`WritesAside`) waits for every time.
_BATCH_ENTRIES: Final = (
    "INSERT INTO entries (id, register, number, year, seq, revision, status, level, term, "
    "voided, void_reason, data, sortkeys, created_at, created_by, updated_at, updated_by) "
    "SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 1, value ->> 5, "
    "value ->> 6, value ->> 7, 0, NULL, value ->> 8, value ->> 9, value ->> 10, value ->> 11, "
    "value ->> 12, value ->> 13 FROM jsonb_each(?)"
)
_BATCH_REVISIONS: Final = (
    "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, voided, "
    "void_reason, data, note, at, account) SELECT value ->> 0, 1, 'create', value ->> 1, "
    "value ->> 2, value ->> 3, 0, NULL, '', value ->> 4, value ->> 5, value ->> 6 "
    "FROM jsonb_each(?)"
)
BATCH_BODIES: Final = (
    "INSERT INTO entry_fts (rowid, body) SELECT value ->> 0, value ->> 1 FROM jsonb_each(?)"
)
#: The rows of a batch as one JSON array (the text kept as it is: no ``\\u`` escapes).
BATCH_JSON: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_FIRST_REVISION: Final = (
    "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, voided, "
    "void_reason, data, note, at, account) VALUES (?, 1, 'create', ?, ?, ?, 0, NULL, '', ?, ?, ?)"
)
#: A revision row's ``data`` while it is the entry's latest: the values are the entry row's
#: (schema 8; see ``vault.db.V8``). :func:`revision_data` reads either.
AS_ENTRY: Final = ""
#: Before a new revision replaces the latest, the latest's values go into its own row.
_KEEP_REPLACED: Final = (
    "UPDATE entry_revisions SET data = ? WHERE entry_id = ? AND revision = ? AND data = ''"
)


def revision_data(stored: str, entry_data: str) -> str:
    """A revision row's values as JSON: its own, or (the latest revision) the entry row's."""
    return entry_data if stored == AS_ENTRY else stored


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`insert_entry` gave the new entry."""

    id: int
    number: str


def search_body(
    spec: FormSpec, stored: Mapping[str, object], level: int, *, voided: bool = False
) -> str:
    """The search index document of an entry: its searchable fields, and the scope token of
    its register and level while it is live (``records.search``)."""
    scope = None if voided else search.scope_token(spec.id, level)
    return search.document((str(stored[name]) for name in spec.search if name in stored), scope)


def _index(
    store: Store, spec: FormSpec, entry_id: int, stored: Mapping[str, object], level: int
) -> None:
    body = search_body(spec, stored, level)
    if body:
        store.execute("INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", (entry_id, body))


def insert_entry(
    session: Session,
    spec: FormSpec,
    values: Mapping[str, Value],
    level: Level,
    term: Term | None,
    *,
    note: str = "",
) -> Written:
    """A new entry of ``spec``'s register at revision 1: numbered, with its first revision and
    its search index. The caller checked the values and writes the audit record."""
    store = session.vault.store
    stored = stored_values(spec, values)
    data = canonical_json(stored)
    now = iso(session.clock.now())
    who = session.account.login
    number, year, seq = next_number(store, spec, session.clock.today())
    status = spec.initial_status.code
    term_text = term.encode() if term else None
    entry_id = store.execute(
        _NEW_ENTRY,
        (None, spec.id, number, year, seq, status, int(level), term_text, data,
         sort_keys(stored), now, who, now, who),
    )  # fmt: skip
    store.execute(_FIRST_REVISION, (entry_id, status, int(level), term_text, note, now, who))
    _index(store, spec, entry_id, stored, int(level))
    return Written(entry_id, number)


def changed_meanwhile(number: str) -> ConflictError:
    """The refusal of a save that lost a race: another save of ``number`` went in between the
    read it was checked against and its own write."""
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{number} was changed by someone else while this was being saved. Nothing was "
            "saved; reopen it to see the changes and make yours again.",
        ),
        number=number,
    )


@dataclass(frozen=True, slots=True)
class Revise:
    """A new revision of an entry: what it becomes, and the revision it was made from."""

    entry_id: int
    number: str
    revision: int  # the revision the change was made from (the guard)
    values: Mapping[str, Value]
    level: Level
    term: Term | None
    status: str
    change: str  # create | edit | status | void
    voided: bool = False
    void_reason: str | None = None
    note: str = ""


def revise_entry(session: Session, spec: FormSpec, rev: Revise) -> int:
    """Write revision ``rev.revision + 1`` of an entry (row, revision history, search index);
    refused as a conflict if the entry is no longer at ``rev.revision``. Returns the new
    revision number."""
    return revise_entries(session, [(spec, rev)])[0]


#: The columns of ``entries`` a revision may change, read before it is written: only those
#: whose value changes are assigned, so SQLite rewrites only the indexes that read them (the
#: list indexes all read ``data``; ``status``, ``level`` and ``voided`` have their own).
_REVISED: Final = (
    "revision", "status", "level", "term", "voided", "void_reason", "data", "sortkeys",
    "updated_at", "updated_by",
)  # fmt: skip
_CHUNK: Final = 500


def _current(store: Store, ids: Sequence[int]) -> dict[int, dict[str, object]]:
    """The revised columns of entries ``ids`` as they stand, by id."""
    out: dict[int, dict[str, object]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in store.all(
            f"SELECT id, {', '.join(_REVISED)} FROM entries WHERE id IN ({marks})", chunk
        ):
            out[int(row[0])] = dict(zip(_REVISED, row[1:], strict=True))
    return out


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def revise_entries(session: Session, revisions: Sequence[tuple[FormSpec, Revise]]) -> list[int]:
    """Write the next revision of several entries at once (an action on many items: a
    destruction package, issuing or returning several): all of them or, when any one is no
    longer at the revision its change was made from, none (the conflict names it; the
    caller's operation rolls back). Each entry's row is updated guarded by its revision with
    only the columns that change, and its search document is rewritten only when it changes
    (its searchable text, its level, voided). Returns the new revision numbers, in order."""
    store = session.vault.store
    now = iso(session.clock.now())
    who = session.account.login
    ids = [rev.entry_id for _, rev in revisions]
    if len(set(ids)) != len(ids):
        raise ValueError("an entry is revised at most once per call")
    before = _current(store, ids)
    for _, rev in revisions:  # every guard is checked before anything is written
        row = before.get(rev.entry_id)
        if row is None or row["revision"] != rev.revision:
            raise changed_meanwhile(rev.number)
    # The revisions being replaced keep their values in their own rows from now on (the
    # trigger checks them against the entry rows, so before those change).
    store.executemany(
        _KEEP_REPLACED,
        [(before[rev.entry_id]["data"], rev.entry_id, rev.revision) for _, rev in revisions],
    )
    added: list[Sequence[object]] = []
    out: list[int] = []
    for spec, rev in revisions:
        old = before[rev.entry_id]
        old_stored = json.loads(str(old["data"]))
        stored = stored_values(spec, rev.values)
        data = canonical_json(stored)
        new = rev.revision + 1
        term_text = rev.term.encode() if rev.term else None
        wanted: dict[str, object] = {
            "revision": new,
            "status": rev.status,
            "level": int(rev.level),
            "term": term_text,
            "voided": int(rev.voided),
            "void_reason": rev.void_reason,
            "data": data,
            "sortkeys": old["sortkeys"]
            if data == old["data"]
            else sort_keys_after(old_stored, _text_or_none(old["sortkeys"]), stored),
            "updated_at": now,
            "updated_by": who,
        }
        guarded_update(
            store,
            "entries",
            rev.entry_id,
            rev.revision,
            {k: v for k, v in wanted.items() if v != old[k]},
            changed_meanwhile(rev.number),
        )
        added.append(
            (rev.entry_id, new, rev.change, rev.status, int(rev.level), term_text,
             int(rev.voided), rev.void_reason, AS_ENTRY, rev.note, now, who)
        )  # fmt: skip
        body = search_body(spec, stored, int(rev.level), voided=rev.voided)
        old_body = search_body(spec, old_stored, int(str(old["level"])), voided=bool(old["voided"]))
        if body != old_body:
            store.execute("DELETE FROM entry_fts WHERE rowid = ?", (rev.entry_id,))
            if body:
                store.execute(
                    "INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", (rev.entry_id, body)
                )
        out.append(new)
    store.executemany(
        "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, "
        "voided, void_reason, data, note, at, account) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        added,
    )
    return out


#: Page cache per entry of a bulk write (KiB): an entry takes ~1.8 KiB of the file (its row,
#: first revision, search text and its register's list indexes), and every page a transaction
#: changed is held until the commit. 64 MiB (the connection's own cache) is outgrown at ~35,000
#: entries: beyond that an import of 100,000 rows took 35 % more time per row (measured).
BULK_CACHE_PER_ENTRY_KIB: Final = 2
#: At most this much (KiB) for one bulk write, whatever its size.
BULK_CACHE_MAX_KIB: Final = 512 * 1024


def bulk_cache_kib(count: int) -> int:
    """The page cache (KiB) a bulk write of ``count`` entries gets (``Store.page_cache``)."""
    return min(BULK_CACHE_MAX_KIB, 65536 + BULK_CACHE_PER_ENTRY_KIB * count)


@dataclass(frozen=True, slots=True)
class BulkRow:
    """One already-checked entry for :func:`insert_entries`."""

    values: Mapping[str, Value]
    level: Level
    term: Term | None
    #: The values' storage forms when the caller has them already (:func:`stored_values`).
    stored: Mapping[str, object] | None = None


@dataclass(frozen=True, slots=True)
class EntryBatch:
    """The rows of one batch of :class:`EntryWriter`, ready to execute: each table's rows as
    one JSON array (see ``_BATCH_ENTRIES``)."""

    count: int
    entries: str
    revisions: str
    bodies: str

    def __len__(self) -> int:
        return self.count


class EntryWriter:
    """Many new entries of one register, numbered in order, written in batches: a migration
    from a legacy register, an import, a benchmark, a test vault. The caller has checked every
    row, holds the operation's transaction and writes the audit record.

    :meth:`add` makes a row's statements' parameters (Python's work: the canonical JSON, the
    sort keys, the search text); :meth:`take` hands over the rows added since the last take;
    :meth:`write` executes one batch (SQLite's work, with its parameters bound: it may run on
    another thread than :meth:`add`, one call at a time, while nothing else uses the store);
    :meth:`finish` records the register's last number."""

    def __init__(self, session: Session, spec: FormSpec, *, note: str) -> None:
        store = session.vault.store
        today = session.clock.today()
        self.store = store
        self.spec = spec
        self.note = note
        self.year = today.year if spec.numbering.per_year else 0
        self._shown_year = self.year or today.year
        self._now = iso(session.clock.now())
        self._who = session.account.login
        self._status = spec.initial_status.code
        self.seq = int(
            store.scalar(
                "SELECT last_seq FROM numbering WHERE register = ? AND year = ?",
                (spec.id, self.year),
            )
            or 0
        )
        self._next_id = int(store.scalar("SELECT coalesce(max(id), 0) FROM entries")) + 1
        self.count = 0
        self.top = Level.PUBLIC
        self._entries: list[Sequence[object]] = []
        self._revisions: list[Sequence[object]] = []
        self._bodies: list[Sequence[object]] = []

    def number(self, k: int) -> str:
        """The number the ``k``-th (1-based) entry this writer adds gets."""
        return self.spec.numbering.format(year=self._shown_year, seq=self.seq + k)

    @property
    def pending(self) -> int:
        """Rows added and not yet taken."""
        return len(self._entries)

    def add(self, row: BulkRow) -> None:
        spec = self.spec
        self.top = max(self.top, row.level)
        self.count += 1
        entry_id = self._next_id + self.count - 1
        seq = self.seq + self.count
        stored = row.stored if row.stored is not None else stored_values(spec, row.values)
        term_text = row.term.encode() if row.term else None
        self._entries.append(
            (entry_id, spec.id, self.number(self.count), self.year, seq, self._status,
             int(row.level), term_text, canonical_json(stored), sort_keys(stored), self._now,
             self._who, self._now, self._who)
        )  # fmt: skip
        self._revisions.append(
            (entry_id, self._status, int(row.level), term_text, self.note, self._now, self._who)
        )
        body = search_body(spec, stored, int(row.level))
        if body:
            self._bodies.append((entry_id, body))

    def take(self) -> EntryBatch:
        """The rows added since the last take, as one batch for :meth:`write`."""
        batch = EntryBatch(
            len(self._entries),
            BATCH_JSON(self._entries),
            BATCH_JSON(self._revisions),
            BATCH_JSON(self._bodies),
        )
        self._entries, self._revisions, self._bodies = [], [], []
        return batch

    def write(self, batch: EntryBatch) -> None:
        """Execute one batch: the entries, their first revisions, their search text."""
        if not batch.count:
            return
        store = self.store
        store.execute(_BATCH_ENTRIES, (batch.entries,))
        store.execute(_BATCH_REVISIONS, (batch.revisions,))
        store.execute(BATCH_BODIES, (batch.bodies,))

    def finish(self) -> tuple[int, Level]:
        """Record the register's last number; (count, highest level)."""
        set_last_number(self.store, self.spec, self.year, self.seq + self.count)
        return self.count, self.top


class WritesAside:
    """The batches of an :class:`EntryWriter` executed on a thread of their own, in order, while
    the caller's thread goes on with the next rows (an import checks row *n* while SQLite
    writes the batch before it: SQLite leaves Python's lock while it works, so on two cores
    the two halves overlap).

    The store is the writer's alone while this runs: the caller reads through a connection of
    its own (the lookups of an import read the register as it stood before it: the committed
    state). Everything is written inside the caller's transaction: a cancel, a bad row found
    later or a failed write rolls all of it back. A failed write (a full disk) is raised on the
    caller's thread, at its next :meth:`submit` or at :meth:`drain`. Always :meth:`close`."""

    #: Batches handed over and not yet written, at most (the rows' memory stays bounded).
    DEPTH: Final = 2

    def __init__(self, writer: EntryWriter, *, threaded: bool = True) -> None:
        """``threaded=False``: each batch is written at once on the caller's thread (a caller
        whose reads must see its own transaction's writes)."""
        self._writer = writer
        self._queue: queue.Queue[EntryBatch | None] = queue.Queue(maxsize=self.DEPTH)
        self._error: BaseException | None = None
        self._closing = threading.Event()
        #: Rows written so far (read by the caller's thread for its progress).
        self.written = 0
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(
                target=self._run, name="secrecy-desk-entry-writes", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None or self._closing.is_set():
                return
            try:
                self._writer.write(batch)
            except BaseException as exc:  # raised again on the caller's thread
                self._error = exc
                return
            self.written += len(batch)

    def _raise_failure(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def submit(self, batch: EntryBatch, tick: Callable[[], None]) -> None:
        """Hand ``batch`` over; while the thread is behind, wait, calling ``tick`` every
        tenth of a second (a progress report, which may cancel by raising)."""
        if self._thread is None:
            self._writer.write(batch)
            self.written += len(batch)
            return
        while True:
            self._raise_failure()
            if not self._thread.is_alive():
                raise RuntimeError("the entry writes' thread has ended")
            try:
                self._queue.put(batch, timeout=_TICK_S)
                return
            except queue.Full:
                tick()

    def drain(self, tick: Callable[[], None]) -> None:
        """Wait until every batch handed over is written (calling ``tick`` as :meth:`submit`
        does); raises a failed write."""
        if self._thread is None:
            return
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=_TICK_S)
                break
            except queue.Full:
                tick()
        while self._thread.is_alive():
            self._thread.join(_TICK_S)
            tick()
        self._raise_failure()

    def close(self) -> None:
        """Stop after the batch being written (nothing more is written) and wait for the
        thread: the store is the caller's again (to roll back or to commit)."""
        if self._thread is None:
            return
        self._closing.set()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        self._thread.join()


#: How often a caller waiting for :class:`WritesAside` hears a tick (s).
_TICK_S: Final = 0.1


def insert_entries(
    session: Session,
    spec: FormSpec,
    rows: Iterable[BulkRow],
    *,
    note: str,
    batch: int = 10_000,
) -> tuple[int, Level]:
    """Many new entries of one register (see :class:`EntryWriter`), written batch by batch on
    this thread. Returns (count, highest level)."""
    writer = EntryWriter(session, spec, note=note)
    for row in rows:
        writer.add(row)
        if writer.pending >= batch:
            writer.write(writer.take())
    writer.write(writer.take())
    return writer.finish()

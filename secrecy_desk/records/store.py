"""Writing records: one entry and its revision, numbered, indexed for search, level-checked and
guarded against lost updates — always inside the operation that also writes the audit record.

Every domain writes through these functions: the register engine for its entries, the print
operation for the print register, commitments and approvals for their numbers, hashes and
level checks. Call them inside ``session.operation()``; none opens a transaction itself.
"""

from __future__ import annotations

import hashlib
import json
import operator
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
#: Many new entries go through a staging table of this connection's (temporary, in memory, with
#: no index) and then into ``entries`` with one ``INSERT … SELECT``: SQLite opens a cursor on
#: every index of a table each time an INSERT statement runs, and with a partial index per
#: register and list column (some 280) that opening costs ~0.4 ms a row when each row is a
#: statement of its own (``executemany``) — twenty times the insert itself.
_STAGE: Final = (
    "CREATE TEMP TABLE IF NOT EXISTS entry_stage (id INTEGER PRIMARY KEY, register, number, "
    "year, seq, status, level, term, data, sortkeys, created_at, created_by, updated_at, "
    "updated_by)"
)
_STAGE_ROW: Final = "INSERT INTO temp.entry_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_STAGED_ENTRIES: Final = (
    "INSERT INTO entries (id, register, number, year, seq, revision, status, level, term, "
    "voided, void_reason, data, sortkeys, created_at, created_by, updated_at, updated_by) "
    "SELECT id, register, number, year, seq, 1, status, level, term, 0, NULL, data, sortkeys, "
    "created_at, created_by, updated_at, updated_by FROM temp.entry_stage ORDER BY id"
)
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


def search_body(spec: FormSpec, stored: Mapping[str, object]) -> str:
    """The search index document of an entry's searchable fields."""
    return search.document(str(stored[name]) for name in spec.search if name in stored)


def _index(store: Store, spec: FormSpec, entry_id: int, stored: Mapping[str, object]) -> None:
    body = search_body(spec, stored)
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
    _index(store, spec, entry_id, stored)
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
    only the columns that change, and its search index is rewritten only when its searchable
    text changes. Returns the new revision numbers, in order."""
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
        body = search_body(spec, stored)
        if body != search_body(spec, old_stored):
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


def insert_entries(
    session: Session,
    spec: FormSpec,
    rows: Iterable[BulkRow],
    *,
    note: str,
    batch: int = 10_000,
) -> tuple[int, Level]:
    """Many new entries of one register, numbered in order, in statements batched with
    ``executemany`` (a migration from a legacy register, a benchmark, a test vault). The caller
    has checked every row and writes the audit record. Returns (count, highest level)."""
    store = session.vault.store
    today = session.clock.today()
    year = today.year if spec.numbering.per_year else 0
    shown_year = year or today.year
    now = iso(session.clock.now())
    who = session.account.login
    status = spec.initial_status.code
    seq = int(
        store.scalar(
            "SELECT last_seq FROM numbering WHERE register = ? AND year = ?", (spec.id, year)
        )
        or 0
    )
    next_id = int(store.scalar("SELECT coalesce(max(id), 0) FROM entries")) + 1
    entries: list[Sequence[object]] = []
    revisions: list[Sequence[object]] = []
    bodies: list[Sequence[object]] = []
    count = 0
    top = Level.PUBLIC

    def flush() -> None:
        store.execute(_STAGE)
        store.executemany(_STAGE_ROW, entries)
        store.execute(_STAGED_ENTRIES)
        store.execute("DELETE FROM temp.entry_stage")
        store.executemany(_FIRST_REVISION, revisions)
        store.executemany("INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", bodies)
        entries.clear()
        revisions.clear()
        bodies.clear()

    for row in rows:
        top = max(top, row.level)
        seq += 1
        entry_id = next_id + count
        count += 1
        stored = row.stored if row.stored is not None else stored_values(spec, row.values)
        data = canonical_json(stored)
        term_text = row.term.encode() if row.term else None
        number = spec.numbering.format(year=shown_year, seq=seq)
        entries.append(
            (entry_id, spec.id, number, year, seq, status, int(row.level), term_text,
             data, sort_keys(stored), now, who, now, who)
        )  # fmt: skip
        revisions.append((entry_id, status, int(row.level), term_text, note, now, who))
        body = search_body(spec, stored)
        if body:
            bodies.append((entry_id, body))
        if len(entries) >= batch:
            flush()
    flush()
    set_last_number(store, spec, year, seq)
    return count, top

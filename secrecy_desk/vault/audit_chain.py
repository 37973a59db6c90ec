"""The audit chain (审计): append-only, hash-chained, MAC'd records; verification; seals; purge.

Each record's hash is ``SHA-256(previous hash ‖ canonical fields)`` and its MAC an HMAC of that
hash under the audit sub-key. The head (sequence and hash) is also written to the key file, so a
database that was truncated or put back from an older copy is caught at open; and the auditor's
seals — Ed25519 signatures over a head, with a key only the auditor's slot unwraps — make any
rewrite before the last seal visible even to someone who holds the master key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import multiprocessing
import os
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core.bootstrap import harden_process
from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import ValidationError, VaultError
from secrecy_desk.core.gc_pause import cyclic_gc_paused
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level
from secrecy_desk.vault import crypto
from secrecy_desk.vault.db import DatabaseError, Store, explain, open_database
from secrecy_desk.vault.keyfile import AuditHead

SEP: Final = "\x1f"
MIN_RETENTION_DAYS: Final = 180
COLUMNS: Final = (
    "seq, at, account, role, workstation, action, object, level, outcome, details, "
    "prev_hash, hash, mac"
)


def genesis(vault_id: bytes) -> bytes:
    return crypto.sha256(b"secrecy-desk audit genesis\0" + vault_id)


def canonical(fields: Iterable[object]) -> bytes:
    return SEP.join(str(f) for f in fields).encode("utf-8")


def chain_hash(prev: bytes, fields: Iterable[object]) -> bytes:
    return hashlib.sha256(prev + canonical(fields)).digest()


def chain_mac(key: bytes, digest: bytes) -> bytes:
    return hmac.digest(key, digest, "sha256")


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: str
    account: str
    role: str
    workstation: str
    action: str
    obj: str
    level: int
    outcome: str
    details: str
    prev_hash: bytes
    hash: bytes
    mac: bytes

    @property
    def fields(self) -> tuple[object, ...]:
        return (
            self.seq,
            self.at,
            self.account,
            self.role,
            self.workstation,
            self.action,
            self.obj,
            self.level,
            self.outcome,
            self.details,
        )

    def details_dict(self) -> dict[str, Any]:
        try:
            value = json.loads(self.details)
        except ValueError:
            return {"raw": self.details}
        return value if isinstance(value, dict) else {"value": value}

    @staticmethod
    def from_row(row: tuple[Any, ...]) -> AuditRecord:
        return AuditRecord(
            int(row[0]),
            str(row[1]),
            str(row[2]),
            str(row[3]),
            str(row[4]),
            str(row[5]),
            str(row[6]),
            int(row[7]),
            str(row[8]),
            str(row[9]),
            bytes(row[10]),
            bytes(row[11]),
            bytes(row[12]),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an audit record names: the account's login and role, or a system actor."""

    account: str
    role: str


SYSTEM: Final = Actor("-", "system")


class AuditLog:
    """Appends to the chain inside the caller's transaction: if the audit write fails, the
    action fails with it."""

    def __init__(
        self, store: Store, key: bytes, vault_id: bytes, clock: Clock, workstation: str
    ) -> None:
        self._store = store
        self._key = key
        self._vault_id = vault_id
        self.clock = clock
        self.workstation = workstation
        #: Set on a verification-only session over a broken chain: records are made (and
        #: returned) but not appended, so nothing covers up what was found.
        self.frozen = False

    def head(self) -> AuditHead:
        row = self._store.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        if row is None:
            purged = self._store.one(
                "SELECT through_seq, last_hash FROM audit_purges ORDER BY id DESC LIMIT 1"
            )
            if purged is not None:
                return AuditHead(int(purged[0]), bytes(purged[1]))
            return AuditHead(0, genesis(self._vault_id))
        return AuditHead(int(row[0]), bytes(row[1]))

    def append(
        self,
        actor: Actor,
        action: str,
        obj: str = "",
        *,
        level: Level = Level.INTERNAL,
        outcome: str = "ok",
        details: Mapping[str, object] | None = None,
    ) -> AuditRecord:
        if not self._store.in_transaction:
            raise RuntimeError("audit records are written inside the action's transaction")
        last = self._store.one("SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1")
        head = AuditHead(int(last[0]), bytes(last[1])) if last else self.head()
        now = self.clock.now()
        if last is not None and iso(now) < str(last[2]):
            # The clock went backwards: record that fact first, then the action itself.
            flagged = self._write(
                head,
                now,
                SYSTEM,
                "clock.backwards",
                "",
                Level.INTERNAL,
                "flagged",
                {"previous": str(last[2]), "now": iso(now)},
            )
            head = AuditHead(flagged.seq, flagged.hash)
        return self._write(head, now, actor, action, obj, level, outcome, details or {})

    def _write(
        self,
        head: AuditHead,
        now: datetime,
        actor: Actor,
        action: str,
        obj: str,
        level: Level,
        outcome: str,
        details: Mapping[str, object],
    ) -> AuditRecord:
        record = AuditRecord(
            head.seq + 1,
            iso(now),
            actor.account,
            actor.role,
            self.workstation,
            action,
            obj,
            int(level),
            outcome,
            json.dumps(dict(details), ensure_ascii=False, sort_keys=True, default=str),
            head.hash,
            b"",
            b"",
        )
        digest = chain_hash(head.hash, record.fields)
        mac = b"" if self.frozen else chain_mac(self._key, digest)
        record = replace(record, hash=digest, mac=mac)
        if self.frozen:
            return record
        try:
            self._store.execute(
                f"INSERT INTO audit ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*record.fields, head.hash, digest, mac),
            )
        except DatabaseError as exc:
            # No audit record, no action: the caller's transaction rolls back with this. A
            # full disk, read-only media or damage is said as such.
            raise explain(
                exc,
                store=self._store,
                otherwise=VaultError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The audit record could not be written ({reason}), so the action was "
                        "not carried out.",
                    ),
                    reason=str(exc),
                ),
            ) from None
        return record


# --- verification ---------------------------------------------------------------------------


class BreakKind(Enum):
    CHANGED = "changed"
    MISSING = "missing"
    REORDERED = "reordered"
    TRUNCATED = "truncated"
    ROLLED_BACK = "rolled back"
    FORGED_SEAL = "forged seal"


_BREAK_TEXT: Final = {
    BreakKind.CHANGED: QT_TRANSLATE_NOOP("Audit", "Record {seq} was changed after it was written."),
    BreakKind.MISSING: QT_TRANSLATE_NOOP("Audit", "Record {seq} is missing from the trail."),
    BreakKind.REORDERED: QT_TRANSLATE_NOOP(
        "Audit", "Record {seq} is out of order: it was written as record {found}."
    ),
    BreakKind.TRUNCATED: QT_TRANSLATE_NOOP(
        "Audit",
        "The trail is truncated: it ends at record {found}, but record {expected} was written.",
    ),
    BreakKind.ROLLED_BACK: QT_TRANSLATE_NOOP(
        "Audit",
        "The database was rolled back to an older copy: it ends at record {found}, "
        "but record {expected} was written.",
    ),
    BreakKind.FORGED_SEAL: QT_TRANSLATE_NOOP(
        "Audit", "The auditor's seal over record {seq} is forged or does not match the trail."
    ),
}


@dataclass(frozen=True, slots=True)
class Break:
    kind: BreakKind
    seq: int
    expected: str = ""
    found: str = ""

    def message(self, lang: str) -> str:
        text = translate("Audit", _BREAK_TEXT[self.kind], lang)
        return text.format(seq=self.seq, expected=self.expected, found=self.found)


@dataclass(frozen=True, slots=True)
class Seal:
    id: int
    seq: int
    hash: bytes
    at: str
    account: str
    public: bytes
    signature: bytes


@dataclass(frozen=True, slots=True)
class VerifyReport:
    records: int
    first_seq: int
    last_seq: int
    seals: int
    breaks: tuple[Break, ...]
    warnings: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.breaks


def seal_message(vault_id: bytes, seq: int, digest: bytes, at: str) -> bytes:
    return b"secrecy-desk seal v1\0" + vault_id + struct.pack(">Q", seq) + digest + at.encode()


def _mac_function(key: bytes) -> Any:
    """HMAC-SHA256 under ``key`` with the padded key states computed once (the same result as
    :func:`chain_mac`, about three times faster over a long chain)."""
    block = 64
    k = hashlib.sha256(key).digest() if len(key) > block else key
    k = k.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in k))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in k))

    def mac_of(data: bytes) -> bytes:
        i = inner.copy()
        i.update(data)
        o = outer.copy()
        o.update(i.digest())
        return o.digest()

    return mac_of


#: Records read and checked at a time by the chain walk.
WALK_BATCH: Final = 20_000

#: A chain at least this long is walked in parallel chunks by worker processes (below it,
#: starting the processes costs more than it saves).
PARALLEL_MIN: Final = 400_000

#: Records per chunk of a parallel walk (each chunk is one task for a worker process).
CHUNK: Final = 250_000

#: Called with (records checked, records to check) as the walk goes.
WalkProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class StartAt:
    """Where a quick walk begins: a sealed record (its sequence number and the hash the
    auditor signed); the records before it are covered by the seal, not walked."""

    seq: int
    hash: bytes


@dataclass(frozen=True, slots=True)
class ParallelOpen:
    """What a worker process needs to open the vault's database read-only on its own: the
    file and the master key (passed through the worker's pipe, never its command line)."""

    path: Path
    master_key: bytes
    #: Worker processes: 0, one per processor (at most four); 1, the chunks one after the
    #: other in this process.
    workers: int = 0


@dataclass(frozen=True, slots=True)
class _State:
    """Where a walk stands: the next sequence number, the hash it must link to, the latest
    time seen."""

    expected_seq: int
    prev_hash: bytes
    last_at: str


@dataclass(frozen=True, slots=True)
class _Walked:
    """One stretch of the chain walked: what was found, and where the walk ended."""

    count: int
    start: _State
    end: _State
    breaks: tuple[Break, ...]
    backwards: tuple[int, ...]  # records whose time is before an earlier record's
    hashes_at: dict[int, bytes]


# SQLite joins the hashed fields itself (C, not Python): the walk runs millions of times.
# One concat_ws call is three times quicker than nine ``||`` with char(31) (every column is
# NOT NULL, so the two give the same bytes); the previous hash is put in front in SQL too, so
# Python hashes each record's stored bytes as they come.
_WALK_SQL: Final = (
    "SELECT seq, at, prev_hash, hash, mac, CAST(prev_hash || concat_ws(char(31), seq, at, "
    "account, role, workstation, action, object, level, outcome, details) AS BLOB) "
    "FROM audit WHERE seq >= ? AND seq <= ? ORDER BY seq"
)


def _walk(
    store: Store,
    key: bytes,
    state: _State,
    upto: int,
    wanted: frozenset[int],
    progress: Callable[[int], None] | None = None,
) -> _Walked:
    """Check the records from ``state`` up to sequence number ``upto``.

    A batch is checked as a whole first, with list operations (in C): every hash and MAC
    recomputed and compared, the numbers consecutive, each record linked to the one before
    it, the clock never going back. Only a batch with something wrong is walked record by
    record, to name what it is."""
    # Long on purpose: every check of a record is made where it is read (hash, MAC, order,
    # seals), so the walk reads each record once and names the first break.
    start = state
    expected_seq, prev_hash, last_at = state.expected_seq, state.prev_hash, state.last_at
    breaks: list[Break] = []
    backwards: list[int] = []
    hashes_at: dict[int, bytes] = {}
    count = 0
    sha = hashlib.sha256
    mac_of = _mac_function(key)
    compare = hmac.compare_digest
    # Millions of short-lived tuples and no cycles among them: the cyclic collector would
    # only scan them again and again.
    with cyclic_gc_paused():
        for rows in store.batches(_WALK_SQL, (expected_seq, upto), WALK_BATCH):
            n = len(rows)
            seqs, ats, prevs, stored_hashes, macs, messages = zip(*rows, strict=True)
            computed = [sha(m).digest() for m in messages]
            if (
                seqs[0] == expected_seq
                and seqs[-1] == expected_seq + n - 1
                and computed == list(stored_hashes)
                and list(map(mac_of, computed)) == list(macs)
                and prevs[0] == prev_hash
                and prevs[1:] == stored_hashes[:-1]
                and seqs == tuple(range(expected_seq, expected_seq + n))
                and ats[0] >= last_at
                and list(ats) == sorted(ats)
            ):
                for seq in wanted:
                    if expected_seq <= seq < expected_seq + n:
                        hashes_at[seq] = stored_hashes[seq - expected_seq]
                last_at = ats[-1]
                prev_hash = stored_hashes[-1]
                expected_seq += n
                count += n
            else:
                for seq, at, stored_prev, stored_hash, stored_mac, message in rows:
                    computed_one = sha(message).digest()
                    if not (
                        computed_one == stored_hash and compare(mac_of(computed_one), stored_mac)
                    ):
                        row = store.one(f"SELECT {COLUMNS} FROM audit WHERE seq = ?", (seq,))
                        moved = _written_as(key, row) if row is not None else None
                        if moved is not None and moved != seq:
                            breaks.append(Break(BreakKind.REORDERED, seq, found=str(moved)))
                        else:
                            breaks.append(Break(BreakKind.CHANGED, seq))
                    elif seq != expected_seq:
                        breaks.append(Break(BreakKind.MISSING, expected_seq))
                    elif stored_prev != prev_hash:
                        breaks.append(Break(BreakKind.CHANGED, seq - 1))
                    if at < last_at:
                        action = store.scalar("SELECT action FROM audit WHERE seq = ?", (seq,))
                        if action != "clock.backwards":
                            backwards.append(seq)
                    elif at > last_at:
                        last_at = at
                    if seq in wanted:
                        hashes_at[seq] = stored_hash
                    prev_hash = stored_hash
                    expected_seq = seq + 1
                    count += 1
            if progress is not None:
                progress(count)
    return _Walked(
        count,
        start,
        _State(expected_seq, prev_hash, last_at),
        tuple(breaks),
        tuple(backwards),
        hashes_at,
    )


def verify_chain(
    store: Store,
    key: bytes,
    vault_id: bytes,
    *,
    recorded_head: AuditHead | None,
    db_generation: int | None = None,
    keyfile_generation: int | None = None,
    seal_keys: Iterable[bytes] = (),
    open_break: Break | None = None,
    start: StartAt | None = None,
    progress: WalkProgress | None = None,
    parallel: ParallelOpen | None = None,
) -> VerifyReport:
    """Walk the chain once and name every break, the first one first.

    ``open_break`` is the head problem found when the vault was opened, before this session
    appended its own records (which would otherwise hide a truncation behind new ones).
    ``start``: walk only the records after a sealed one (``verify --quick``), whose stored hash
    must still be the one signed. ``progress`` is told how far the walk is after each batch.
    ``parallel``: a long chain is walked in chunks by worker processes that open the database
    read-only (each chunk checked from the stored hash of the record before it, which the
    chunk before checks); the breaks found are the same as one walk's."""
    breaks: list[Break] = []
    purge = store.one("SELECT through_seq, last_hash FROM audit_purges ORDER BY id DESC LIMIT 1")
    expected_seq = int(purge[0]) + 1 if purge else 1
    prev_hash = bytes(purge[1]) if purge else genesis(vault_id)
    if start is not None and start.seq >= expected_seq:
        stored = store.scalar("SELECT hash FROM audit WHERE seq = ?", (start.seq,))
        if stored is None:
            breaks.append(Break(BreakKind.MISSING, start.seq))
        elif bytes(stored) != start.hash:
            breaks.append(Break(BreakKind.CHANGED, start.seq))
        expected_seq, prev_hash = start.seq + 1, start.hash
    first_seq = expected_seq
    wanted = {recorded_head.seq} if recorded_head else set()
    seals = [
        Seal(int(r[0]), int(r[1]), bytes(r[2]), str(r[3]), str(r[4]), bytes(r[5]), bytes(r[6]))
        for r in store.all("SELECT id, seq, hash, at, account, public, signature FROM seals")
    ]
    wanted.update(s.seq for s in seals)
    last_at = ""
    if first_seq > 1:
        before = store.scalar("SELECT at FROM audit WHERE seq = ?", (first_seq - 1,))
        last_at = str(before) if before is not None else ""
    initial = _State(first_seq, prev_hash, last_at)
    # The walk stops at the record that was last when it began: records this session writes
    # meanwhile (from another thread) are the next verification's.
    top = int(store.scalar("SELECT max(seq) FROM audit") or 0)
    to_check = max(0, top - first_seq + 1)
    if parallel is not None and to_check >= PARALLEL_MIN:
        parts = _walk_in_chunks(store, parallel, key, initial, top, frozenset(wanted), progress)
    else:
        told = None if progress is None else (lambda done: progress(done, to_check))
        parts = [_walk(store, key, initial, top, frozenset(wanted), told)]
    count, last_seq, walked_breaks, backwards, hashes_at = _joined(store, initial, parts)
    breaks.extend(walked_breaks)
    warnings = [f"clock went backwards at record {seq}" for seq in backwards]
    if recorded_head is not None:
        if last_seq < recorded_head.seq:
            rolled = (
                db_generation is not None
                and keyfile_generation is not None
                and db_generation < keyfile_generation
            )
            breaks.append(
                Break(
                    BreakKind.ROLLED_BACK if rolled else BreakKind.TRUNCATED,
                    last_seq + 1,
                    expected=str(recorded_head.seq),
                    found=str(last_seq),
                )
            )
        elif _hash_at(store, hashes_at, recorded_head.seq) not in (None, recorded_head.hash):
            breaks.append(Break(BreakKind.CHANGED, recorded_head.seq))
    if open_break is not None:
        # Records appended since the open sit where the lost ones were: the recorded head's
        # hash no longer matches, which is this same break seen later.
        breaks = [
            b
            for b in breaks
            if not (
                recorded_head is not None
                and b.kind is BreakKind.CHANGED
                and b.seq == recorded_head.seq
            )
        ]
        if open_break not in breaks:
            breaks.append(open_break)
    trusted = set(seal_keys)
    for s in seals:
        good_sig = crypto.signature_ok(
            s.public, seal_message(vault_id, s.seq, s.hash, s.at), s.signature
        )
        if not good_sig or s.public not in trusted:
            breaks.append(Break(BreakKind.FORGED_SEAL, s.seq))
        elif _hash_at(store, hashes_at, s.seq) not in (None, s.hash):
            breaks.append(Break(BreakKind.CHANGED, s.seq))
    breaks.sort(key=lambda b: b.seq)
    return VerifyReport(count, first_seq, last_seq, len(seals), tuple(breaks), tuple(warnings))


def _joined(
    store: Store, initial: _State, parts: Iterable[_Walked]
) -> tuple[int, int, list[Break], list[int], dict[int, bytes]]:
    """The walked stretches put end to end: records counted, the last sequence number, the
    breaks and backward times in order, the hashes collected.

    A chunk's walk starts from the record before it, which names every break as one walk
    would; only the latest time seen so far is not known to it, so a chunk after a clock that
    went backwards gets the records it would have flagged looked up here."""
    count = 0
    breaks: list[Break] = []
    backwards: list[int] = []
    hashes_at: dict[int, bytes] = {}
    latest = initial.last_at
    end = initial
    for part in parts:
        count += part.count
        breaks.extend(part.breaks)
        found = set(part.backwards)
        if latest > part.start.last_at and part.end.expected_seq > part.start.expected_seq:
            found.update(
                int(r[0])
                for r in store.all(
                    "SELECT seq FROM audit WHERE seq >= ? AND seq < ? AND at < ? "
                    "AND action != 'clock.backwards'",
                    (part.start.expected_seq, part.end.expected_seq, latest),
                )
            )
        backwards.extend(sorted(found))
        hashes_at.update(part.hashes_at)
        latest = max(latest, part.end.last_at)
        end = part.end
    return count, end.expected_seq - 1, breaks, backwards, hashes_at


def _walk_in_chunks(
    store: Store,
    opener: ParallelOpen,
    key: bytes,
    initial: _State,
    top: int,
    wanted: frozenset[int],
    progress: WalkProgress | None,
) -> list[_Walked]:
    """The chain from ``initial`` to ``top`` in chunks of :data:`CHUNK` records, walked by a
    pool of worker processes (spawned, not forked: the parent may hold threads and a GUI)."""
    first = initial.expected_seq
    tasks = [
        _Task(lo, min(lo + CHUNK - 1, top), initial, wanted) for lo in range(first, top + 1, CHUNK)
    ]
    workers = min(opener.workers or min(4, os.cpu_count() or 1), len(tasks))
    parts: list[_Walked] = []
    done, to_check = 0, top - first + 1

    def arrived(part: _Walked) -> None:
        nonlocal done
        parts.append(part)
        done += part.count
        if progress is not None:
            progress(done, to_check)

    if workers <= 1:
        for task in tasks:
            arrived(_walk_chunk(store, key, task))
        return parts
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        workers, initializer=_worker_open, initargs=(str(opener.path), opener.master_key, key)
    ) as pool:
        for part in pool.imap(_worker_walk, tasks):
            arrived(part)
    return parts


@dataclass(frozen=True, slots=True)
class _Task:
    """One chunk for a worker: records ``lo`` to ``hi``; ``initial`` is the state of the whole
    walk's beginning (a chunk with no record of the walk before it starts there)."""

    lo: int
    hi: int
    initial: _State
    wanted: frozenset[int]


def _chunk_start(store: Store, task: _Task) -> _State:
    """Where one walk would stand on reaching ``task.lo``: just after the last record before
    it (whose own check is the chunk before's), or at the walk's beginning."""
    begin = task.initial.expected_seq
    if task.lo <= begin:
        return task.initial
    row = store.one(
        "SELECT seq, hash, at FROM audit WHERE seq < ? AND seq >= ? ORDER BY seq DESC LIMIT 1",
        (task.lo, begin),
    )
    if row is None:
        return task.initial
    return _State(int(row[0]) + 1, bytes(row[1]), str(row[2]))


def _walk_chunk(store: Store, key: bytes, task: _Task) -> _Walked:
    return _walk(store, key, _chunk_start(store, task), task.hi, task.wanted)


_worker: dict[str, Any] = {}


def _worker_open(path: str, master_key: bytes, key: bytes) -> None:
    """A worker process's start: hardened like the program, the database opened read-only."""
    harden_process()
    _worker["store"] = open_database(Path(path), master_key, read_only=True)
    _worker["key"] = key


def _worker_walk(task: _Task) -> _Walked:
    return _walk_chunk(_worker["store"], _worker["key"], task)


def _hash_at(store: Store, walked: Mapping[int, bytes], seq: int) -> bytes | None:
    """The stored hash of record ``seq``: as walked, or (before a quick walk's start) read."""
    if seq in walked:
        return walked[seq]
    row = store.scalar("SELECT hash FROM audit WHERE seq = ?", (seq,))
    return bytes(row) if row is not None else None


def _written_as(key: bytes, row: tuple[Any, ...], window: int = 256) -> int | None:
    """The sequence number a record's MAC was made for, when it sits at the wrong one."""
    seq = int(row[0])
    stored_prev, stored_hash = bytes(row[10]), bytes(row[11])
    rest = row[1:10]
    for candidate in range(max(1, seq - window), seq + window + 1):
        if chain_hash(stored_prev, (candidate, *rest)) == stored_hash:
            return candidate
    return None


def quick_head_check(
    store: Store,
    recorded: AuditHead,
    *,
    db_generation: int | None,
    keyfile_generation: int | None,
) -> Break | None:
    """The check run at every open: the chain must reach and agree with the recorded head."""
    row = store.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    last = int(row[0]) if row else 0
    if last < recorded.seq:
        rolled = (
            db_generation is not None
            and keyfile_generation is not None
            and db_generation < keyfile_generation
        )
        return Break(
            BreakKind.ROLLED_BACK if rolled else BreakKind.TRUNCATED,
            last + 1,
            expected=str(recorded.seq),
            found=str(last),
        )
    if recorded.seq == 0:
        return None
    at = store.one("SELECT hash FROM audit WHERE seq = ?", (recorded.seq,))
    if at is None:
        purged = store.scalar("SELECT max(through_seq) FROM audit_purges")
        if purged is not None and int(purged) >= recorded.seq:
            return None
        return Break(BreakKind.MISSING, recorded.seq)
    if bytes(at[0]) != recorded.hash:
        return Break(BreakKind.CHANGED, recorded.seq)
    return None


def record_count(store: Store) -> int:
    """The records the trail holds, without counting them (``count(*)`` reads every entry of
    an index: 0.8 s at 5M): numbered from 1 without gaps (a record is never deleted but by a
    purge, which removes every record up to the one it names), they are the last one's number
    less the purged. A trail with a gap still has it found by the chain's check."""
    last = store.scalar("SELECT max(seq) FROM audit")
    purged = store.scalar("SELECT max(through_seq) FROM audit_purges")
    return max(int(last or 0) - int(purged or 0), 0)


# --- seals and purge ------------------------------------------------------------------------


def add_seal(
    store: Store,
    log: AuditLog,
    actor: Actor,
    vault_id: bytes,
    sign_private: bytes,
    sign_public: bytes,
) -> Seal:
    """Sign the current head and record the seal (itself a chained record afterwards)."""
    head = log.head()
    at = iso(log.clock.now())
    signature = crypto.sign(sign_private, seal_message(vault_id, head.seq, head.hash, at))
    sid = store.execute(
        "INSERT INTO seals (seq, hash, at, account, public, signature) VALUES (?,?,?,?,?,?)",
        (head.seq, head.hash, at, actor.account, sign_public, signature),
    )
    log.append(
        actor,
        "audit.seal",
        f"seal:{sid}",
        details={"sealed_seq": head.seq, "hash": head.hash.hex()[:16]},
    )
    return Seal(sid, head.seq, head.hash, at, actor.account, sign_public, signature)


def purge_before(
    store: Store, log: AuditLog, actor: Actor, before: datetime, retention_days: int
) -> int:
    """Remove records older than ``before``; refuse anything younger than the retention period.

    The removed records' digest and last hash are kept, and the purge is itself recorded."""
    limit = log.clock.now() - timedelta(days=max(retention_days, MIN_RETENTION_DAYS))
    if before > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Audit records younger than {days} days cannot be purged.",
            ),
            days=max(retention_days, MIN_RETENTION_DAYS),
        )
    sealed = store.scalar("SELECT max(seq) FROM seals")
    rows = store.all("SELECT seq, hash FROM audit WHERE at < ? ORDER BY seq", (iso(before),))
    if not rows:
        return 0
    through = int(rows[-1][0])
    if sealed is None or int(sealed) < through:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Seal the audit trail before purging: unsealed records cannot be purged."
            )
        )
    digest = hashlib.sha256(b"".join(bytes(r[1]) for r in rows)).digest()
    last_hash = bytes(rows[-1][1])
    store.execute("INSERT INTO audit_purge_guard (through_seq) VALUES (?)", (through,))
    store.execute("DELETE FROM audit WHERE seq <= ?", (through,))
    store.execute("DELETE FROM audit_purge_guard")
    store.execute(
        "INSERT INTO audit_purges (through_seq, last_hash, digest, count) VALUES (?,?,?,?)",
        (through, last_hash, digest, len(rows)),
    )
    log.append(
        actor,
        "audit.purge",
        f"through:{through}",
        details={"count": len(rows), "digest": digest.hex(), "before": iso(before)},
    )
    return len(rows)

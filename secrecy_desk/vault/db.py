"""The one door into the database: :func:`open_database`, the pragmas, and numbered migrations.

This module and its siblings in ``secrecy_desk.vault`` are the only importers of sqlcipher3.
The rest of the program talks to :class:`Store`, a thin typed wrapper with explicit
transactions (``isolation_level=None`` and ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import sqlcipher3

from secrecy_desk.core import collation
from secrecy_desk.core.errors import VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.vault import entry_dims

log = logging.getLogger("secrecy_desk")

DB_NAME: Final = "vault.db"
LOCK_NAME: Final = "vault.lock"

Row = tuple[Any, ...]
Params = Sequence[object] | dict[str, object]

#: The oldest schema this version can upgrade; older files are refused with a clear message.
MIN_SCHEMA: Final = 1


class Store:
    """A connection with explicit transactions. Business code never sees sqlcipher3."""

    def __init__(self, conn: Any, path: Path | None = None) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0
        self.read_only = False
        #: Called after every outermost commit (the vault writes its rollback anchor there).
        self.on_commit: Callable[[], None] | None = None

    def make_read_only(self) -> None:
        """Refuse every write from now on (``PRAGMA query_only``); transactions only read."""
        self._conn.execute("PRAGMA query_only = ON")
        self.read_only = True

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns ``lastrowid`` (for inserts)."""
        cur = self._conn.execute(sql, params)
        return int(cur.lastrowid or 0)

    def changes(self, sql: str, params: Params = ()) -> int:
        """Run one UPDATE or DELETE; returns how many rows it changed."""
        cur = self._conn.execute(sql, params)
        return int(cur.rowcount)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        self._conn.executemany(sql, rows)

    def set_progress_handler(self, handler: Callable[[], int] | None, steps: int) -> None:
        """SQLite calls ``handler`` every ``steps`` virtual-machine steps (and inside its
        integrity walks); a non-zero answer interrupts the statement. ``None`` removes it."""
        self._conn.set_progress_handler(handler, steps)

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from any thread): it fails with
        "interrupted" at its next step."""
        self._conn.interrupt()

    def executescript(self, sql: str) -> None:
        self._conn.executescript(sql)

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        return [tuple(r) for r in self._conn.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Params = ()) -> Row | None:
        row = self._conn.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row is not None else None

    def batches(self, sql: str, params: Params = (), size: int = 5000) -> Iterator[list[Row]]:
        """The rows of ``sql`` a list of ``size`` at a time (memory flat in the row count)."""
        cur = self._conn.execute(sql, params)
        while rows := cur.fetchmany(size):
            yield [tuple(r) for r in rows]

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; any exception rolls everything back.

        Nested use joins the outer transaction (savepoints would let an inner audit record
        survive an outer failure, which the audit rule forbids)."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        except sqlcipher3.DatabaseError as exc:
            raise explain(exc, path=self.path, store=self) from None
        self._depth = 1
        try:
            yield self
        except sqlcipher3.DatabaseError as exc:
            # A statement failed (a full disk shows here, on the insert that needed a page):
            # everything rolls back and the reason is said as it is.
            self._depth = 0
            with contextlib.suppress(sqlcipher3.DatabaseError):
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlcipher3.IntegrityError):
                raise
            raise explain(exc, path=self.path, store=self) from None
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlcipher3.DatabaseError):
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._conn.execute("COMMIT")
        except sqlcipher3.DatabaseError as exc:
            with contextlib.suppress(sqlcipher3.DatabaseError):
                self._conn.execute("ROLLBACK")
            raise explain(exc, path=self.path, store=self) from None
        if self.on_commit is not None:
            self.on_commit()

    @contextlib.contextmanager
    def page_cache(self, kib: int) -> Iterator[None]:
        """A page cache of at least ``kib`` KiB for one long write (a bulk import), back to
        the connection's own size afterwards. Enter it outside the transaction: the pages a
        transaction changed stay in memory until its commit, so once they outgrow the cache
        SQLite writes them out (encrypted) in the middle of it and reads them back (decrypted)
        at the next insert into the same index page — the time per row then grows with the
        import's size. The memory is taken only as pages are read and given back at the end."""
        current = int(self.scalar("PRAGMA cache_size"))
        wanted = -int(kib)
        # Negative sizes are KiB, positive ones pages (4 KiB): compare in KiB.
        if (-current if current < 0 else current * 4) >= kib:
            yield
            return
        self._conn.execute(f"PRAGMA cache_size = {wanted}")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA cache_size = {current}")

    @contextlib.contextmanager
    def file_snapshot(self) -> Iterator[bool]:
        """Hold the database file still: the write-ahead log checkpointed into it, then a read
        transaction that begins on the file alone, so no checkpoint can change the file until
        it ends (its pages are those of one committed state, encrypted as stored). Yields
        whether that worked (``False``: the log could not be emptied, e.g. another connection
        was reading; the file alone is then not the whole database)."""
        if self.in_transaction or self.path is None:
            yield False
            return
        busy, frames, done = self.one("PRAGMA wal_checkpoint(TRUNCATE)") or (1, -1, 0)
        self._conn.execute("BEGIN")
        try:
            self._conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()
            wal = Path(f"{self.path}-wal")
            empty = not wal.exists() or wal.stat().st_size == 0
            yield not busy and frames == done and empty
        finally:
            with contextlib.suppress(sqlcipher3.DatabaseError):
                self._conn.execute("COMMIT")

    def close(self, *, checkpoint: bool = True) -> None:
        """Close the connection, the write-ahead log checkpointed into the file first unless
        ``checkpoint`` is false (a reader beside the vault's own connection leaves the file
        as it found it)."""
        if checkpoint:
            with contextlib.suppress(sqlcipher3.DatabaseError):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.close()


class DiskFull(VaultError):
    """No space left where the vault lives; the transaction was rolled back."""


class DatabaseDamaged(VaultError):
    """A page or table of the database is damaged (not a wrong key, not a full disk)."""


_FULL: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The disk holding the vault is full; nothing was saved and the vault is intact. Free some "
    "space and try again.",
)
_READ_ONLY_MEDIA: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The vault {path} is on a disk mounted read-only; nothing can be saved there. Mount it "
    "read-write or move the vault to a writable disk.",
)
_READ_ONLY_SESSION: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The vault is open read-only (to verify it and export its audit trail), so nothing was saved.",
)
_PERMISSION: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "This account of the workstation may not read or write the vault files in {path} "
    "(permission denied); ask the system administrator to restore their owner and modes.",
)
_GONE: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The vault folder {path} is no longer there — was its disk unplugged or unmounted? Nothing "
    "was saved; mount it again and reopen the vault.",
)
_IO: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The disk holding the vault {path} could not be read or written (input/output error); "
    "nothing was saved. Check the disk, then run verify.",
)
_DAMAGED_DB: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The vault database {path} is damaged ({problem}); nothing more was saved. Run verify, "
    "then restore the vault from a backup.",
)


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def damage_detail(store: Store | None, exc: BaseException | None = None) -> str:
    """What ``cipher_integrity_check`` and ``integrity_check`` say (page, table), shortly."""
    found: list[str] = []
    if store is not None:
        for pragma in ("PRAGMA cipher_integrity_check", "PRAGMA quick_check(3)"):
            with contextlib.suppress(sqlcipher3.DatabaseError):
                found += [str(r[0]) for r in store.all(pragma) if str(r[0]) != "ok"]
            if found:
                break
    if not found and exc is not None:
        found.append(str(exc))
    text = "; ".join(found[:3]) or "-"
    return text if len(text) <= 300 else text[:297] + "..."


def explain(
    exc: BaseException,
    *,
    path: Path | None = None,
    store: Store | None = None,
    otherwise: VaultError | None = None,
) -> VaultError:
    """One true sentence for a storage failure: full disk, read-only media or session,
    permission, a folder that disappeared, an I/O error, damage — or, for anything else, the
    reason SQLCipher gave."""
    text = str(exc).lower()
    where = str(path.parent if path is not None else "")
    errno_ = getattr(exc, "errno", None)
    if "full" in text or errno_ == 28:
        return DiskFull(_FULL)
    if path is None and store is not None:
        path = store.path
        where = str(path.parent if path is not None else "")
    if path is not None and not path.parent.exists():
        return VaultError(_GONE, path=where)
    if "readonly" in text or "read-only" in text or errno_ == 30:
        if store is not None and store.read_only:
            return VaultError(_READ_ONLY_SESSION)
        if path is not None and _read_only_fs(path.parent):
            return VaultError(_READ_ONLY_MEDIA, path=where)
        if path is not None and path.exists() and not os.access(path, os.W_OK):
            return VaultError(_PERMISSION, path=where)
        # A writable file on a writable disk that SQLCipher will not write to: a page failed
        # its HMAC when read, and SQLCipher then refuses every write. That is damage.
        return DatabaseDamaged(_DAMAGED_DB, path=str(path or ""), problem=damage_detail(store, exc))
    if errno_ == 13 or "permission" in text:
        return VaultError(_PERMISSION, path=where)
    if "disk i/o" in text or errno_ == 5:
        return VaultError(_IO, path=where)
    if "malformed" in text or "corrupt" in text or "not a database" in text:
        return DatabaseDamaged(_DAMAGED_DB, path=str(path or ""), problem=damage_detail(store, exc))
    if "locked" in text or "busy" in text:
        return VaultError(
            QT_TRANSLATE_NOOP(
                "Errors", "The vault is busy in another program; nothing was saved. Try again."
            )
        )
    if otherwise is not None:
        return otherwise
    return VaultError(
        QT_TRANSLATE_NOOP("Errors", "The vault could not save: {reason}. Nothing was saved."),
        reason=str(exc),
    )


#: Re-exported so callers can catch storage errors without importing sqlcipher3.
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


class UnreadableDatabase(VaultError):
    """The database cannot be read with the key: a foreign file, a damaged one, or another
    vault's key file (SQLCipher cannot tell them apart)."""


def _not_a_vault(path: Path) -> VaultError:
    return UnreadableDatabase(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{path} is not a Secrecy Desk vault database, is damaged, or does not belong "
            "to this key file.",
        ),
        path=str(path),
    )


def damaged(path: Path) -> VaultError:
    """The error for a database that cannot be read (wrong key, foreign or damaged file)."""
    return _not_a_vault(path)


def open_database(
    path: Path, master_key: bytes, *, create: bool = False, read_only: bool = False
) -> Store:
    """Open (or with ``create`` make) the encrypted database with the raw master key.

    Order matters: logging off, key, a read that proves the key, then the pragmas. A wrong
    key closes the connection at once, so nothing can ever be written unencrypted.
    ``read_only``: a second connection that only reads (a worker of the audit walk) beside the
    vault's own, which keeps the write-ahead log and its lock."""
    if len(master_key) != 32:
        raise ValueError("master key must be 32 bytes")
    if create and path.exists():
        raise VaultError(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists; nothing was overwritten."),
            path=str(path),
        )
    if not path.parent.is_dir():
        raise VaultError(_GONE, path=str(path.parent))
    if not create and not path.is_file():
        raise _not_a_vault(path)
    if read_only:
        return _open_reader(path, master_key)
    if not create and not os.access(path, os.R_OK | os.W_OK):
        if _read_only_fs(path.parent):
            raise VaultError(_READ_ONLY_MEDIA, path=str(path.parent))
        raise VaultError(_PERMISSION, path=str(path.parent))
    if _read_only_fs(path.parent):
        raise VaultError(_READ_ONLY_MEDIA, path=str(path.parent))
    conn = _connect(
        path,
        "rwc" if create else "rw",
        master_key,
        (
            # Off on purpose (it is SQLCipher's own default since 4.5): wiping and locking every
            # freed allocation made indexed queries 3-7 times slower than plain SQLite. Memory is
            # protected at the process level instead (no core dumps, not dumpable, umask 077);
            # see docs/design.md.
            "PRAGMA cipher_memory_security = OFF",
            "PRAGMA secure_delete = ON",
            "PRAGMA foreign_keys = ON",
            "PRAGMA temp_store = MEMORY",
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = FULL",
            "PRAGMA busy_timeout = 2000",
            # Decrypted pages stay cached: 64 MiB spares re-decrypting hot index pages.
            "PRAGMA cache_size = -65536",
        ),
    )
    if create:
        os.chmod(path, 0o600)
    return Store(conn, path)


def _open_reader(path: Path, master_key: bytes) -> Store:
    conn = _connect(
        path,
        "ro",
        master_key,
        (
            "PRAGMA cipher_memory_security = OFF",
            "PRAGMA query_only = ON",
            "PRAGMA busy_timeout = 2000",
            "PRAGMA cache_size = -16384",
        ),
    )
    store = Store(conn, path)
    store.read_only = True
    return store


def _connect(path: Path, mode: str, master_key: bytes, pragmas: Sequence[str]) -> Any:
    """A connection to ``path`` in ``mode`` (``ro``, ``rw``, ``rwc``), keyed with the master
    key, its first page read (a wrong key fails here) and ``pragmas`` set; any failure is the
    open's one sentence and leaves no connection open."""
    try:
        conn = sqlcipher3.connect(
            f"file:{path}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False
        )
    except sqlcipher3.DatabaseError as exc:
        raise _open_error(exc, path) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # The key is our own random bytes as hex, never a password: no quoting issue can arise.
        conn.execute(f"PRAGMA key = \"x'{master_key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        for pragma in pragmas:
            conn.execute(pragma).fetchall()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _open_error(exc, path) from None
    return conn


def _open_error(exc: Exception, path: Path) -> VaultError:
    """At open, "not a database" means a wrong key, a foreign file or a damaged first page —
    the one sentence that says all three; anything else is explained as it is."""
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return _not_a_vault(path)
    return explain(exc, path=path)


def rekey(store: Store, new_key: bytes) -> None:
    store.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")


def cipher_version(store: Store) -> str:
    return str(store.scalar("PRAGMA cipher_version"))


def integrity_problems(store: Store, *, quick: bool = False) -> list[str]:
    """Problems reported by ``integrity_check`` and ``cipher_integrity_check`` (empty if sound).

    ``quick``: ``quick_check`` instead of ``integrity_check`` — every page read and every
    B-tree walked, in time proportional to the file, without checking that each index agrees
    with its table (which grows faster than the data)."""
    problems: list[str] = []
    check = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    # Each check on its own: one that cannot even finish (a page too damaged to walk) is itself
    # the finding, and the other still says which pages fail their HMAC.
    for pragma in ("PRAGMA cipher_integrity_check", check):
        try:
            rows = store.all(pragma)
        except sqlcipher3.DatabaseError as exc:
            problems.append(f"{pragma.split()[1]}: {exc}")
            continue
        problems.extend(str(r[0]) for r in rows if str(r[0]) != "ok")
    return problems


# --- migrations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Store], None]


def _sql(script: str) -> Callable[[Store], None]:
    def run(store: Store) -> None:
        for statement in _split(script):
            store.execute(statement)

    return run


def _split(script: str) -> list[str]:
    """Split on ``;`` at line ends, keeping trigger bodies (``BEGIN … END;``) whole."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in script.strip().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.endswith("BEGIN"):
            depth += 1
        if upper.startswith("END") and depth:
            depth -= 1
        if stripped.endswith(";") and not depth:
            out.append("\n".join(buf))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out


V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL,
    clearance INTEGER NOT NULL,
    slot_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    locked INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    must_change INTEGER NOT NULL DEFAULT 1,
    password_changed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_at TEXT
);
CREATE TABLE password_history (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    hash TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE INDEX password_history_account ON password_history (account_id, set_at);
CREATE TABLE permissions (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    permission TEXT NOT NULL,
    PRIMARY KEY (account_id, permission)
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    role TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    level INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL,
    mac BLOB NOT NULL
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_account ON audit (account, seq);
CREATE TABLE audit_purge_guard (through_seq INTEGER NOT NULL);
CREATE TABLE audit_purges (
    id INTEGER PRIMARY KEY,
    through_seq INTEGER NOT NULL,
    last_hash BLOB NOT NULL,
    digest BLOB NOT NULL,
    count INTEGER NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
WHEN NOT EXISTS (SELECT 1 FROM audit_purge_guard WHERE OLD.seq <= through_seq)
BEGIN
    SELECT RAISE(ABORT, 'audit records are append-only');
END;
CREATE TABLE seals (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash BLOB NOT NULL,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    public BLOB NOT NULL,
    signature BLOB NOT NULL
);
"""

V2 = """
CREATE TABLE account_prefs (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (account_id, key)
);
"""

V3 = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    register TEXT NOT NULL,
    number TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    status TEXT NOT NULL,
    level INTEGER NOT NULL,
    term TEXT,
    voided INTEGER NOT NULL DEFAULT 0,
    void_reason TEXT,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (register, number)
);
CREATE INDEX entries_list ON entries (register, voided, level, id);
CREATE TABLE entry_revisions (
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    revision INTEGER NOT NULL,
    change TEXT NOT NULL,
    status TEXT NOT NULL,
    level INTEGER NOT NULL,
    term TEXT,
    voided INTEGER NOT NULL,
    void_reason TEXT,
    data TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    PRIMARY KEY (entry_id, revision)
) WITHOUT ROWID;
CREATE TABLE numbering (
    register TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (register, year)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE entry_fts USING fts5 (
    body, content = '', contentless_delete = 1, prefix = '7', tokenize = 'unicode61'
);
CREATE TRIGGER entry_revisions_no_update BEFORE UPDATE ON entry_revisions
BEGIN
    SELECT RAISE(ABORT, 'entry revisions are never changed');
END;
CREATE TRIGGER entry_revisions_no_delete BEFORE DELETE ON entry_revisions
BEGIN
    SELECT RAISE(ABORT, 'entry revisions are never deleted');
END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN
    SELECT RAISE(ABORT, 'entries are voided, never deleted');
END;
"""

V4 = """
CREATE TABLE person_transitions (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    on_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    ends_on TEXT,
    at TEXT NOT NULL,
    account TEXT NOT NULL
);
CREATE INDEX person_transitions_person ON person_transitions (person, id);
CREATE TABLE clause_versions (
    id INTEGER PRIMARY KEY,
    template TEXT NOT NULL,
    version INTEGER NOT NULL,
    clauses TEXT NOT NULL,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    UNIQUE (template, version)
);
CREATE TRIGGER clause_versions_no_update BEFORE UPDATE ON clause_versions
BEGIN
    SELECT RAISE(ABORT, 'clause versions are never changed');
END;
CREATE TRIGGER clause_versions_no_delete BEFORE DELETE ON clause_versions
BEGIN
    SELECT RAISE(ABORT, 'clause versions are never deleted');
END;
CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    template TEXT NOT NULL,
    person TEXT NOT NULL,
    status TEXT NOT NULL,
    level INTEGER NOT NULL,
    clause_version INTEGER NOT NULL REFERENCES clause_versions (id),
    snapshot TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    generated_by TEXT NOT NULL,
    printed_at TEXT,
    print_record TEXT,
    code TEXT,
    signed_on TEXT,
    witness TEXT,
    personnel_copy TEXT,
    secrecy_copy TEXT,
    archived_at TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX commitments_person ON commitments (person, template, status);
CREATE TRIGGER commitments_no_delete BEFORE DELETE ON commitments
BEGIN
    SELECT RAISE(ABORT, 'commitments are never deleted');
END;
"""

V5 = """
CREATE TABLE approval_requests (
    id INTEGER PRIMARY KEY,
    form TEXT NOT NULL,
    number TEXT NOT NULL UNIQUE,
    revision INTEGER NOT NULL,
    state TEXT NOT NULL,
    step INTEGER NOT NULL,
    round INTEGER NOT NULL,
    step_since TEXT,
    level INTEGER NOT NULL,
    term TEXT,
    data TEXT NOT NULL,
    applicant TEXT NOT NULL,
    department TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE INDEX approval_requests_state ON approval_requests (state, level, id);
CREATE INDEX approval_requests_applicant ON approval_requests (applicant, id);
CREATE TABLE approval_revisions (
    request_id INTEGER NOT NULL REFERENCES approval_requests (id),
    revision INTEGER NOT NULL,
    level INTEGER NOT NULL,
    term TEXT,
    data TEXT NOT NULL,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    PRIMARY KEY (request_id, revision)
) WITHOUT ROWID;
CREATE TABLE approval_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES approval_requests (id),
    kind TEXT NOT NULL,
    round INTEGER NOT NULL,
    step INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    decision TEXT,
    comment TEXT NOT NULL DEFAULT '',
    decider TEXT NOT NULL DEFAULT '',
    decided_on TEXT,
    paper INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT,
    at TEXT NOT NULL,
    account TEXT NOT NULL,
    voided_at TEXT,
    voided_by_revision INTEGER
);
CREATE INDEX approval_events_request ON approval_events (request_id, id);
CREATE TRIGGER approval_revisions_no_update BEFORE UPDATE ON approval_revisions
BEGIN
    SELECT RAISE(ABORT, 'approval revisions are never changed');
END;
CREATE TRIGGER approval_revisions_no_delete BEFORE DELETE ON approval_revisions
BEGIN
    SELECT RAISE(ABORT, 'approval revisions are never deleted');
END;
CREATE TRIGGER approval_events_no_delete BEFORE DELETE ON approval_events
BEGIN
    SELECT RAISE(ABORT, 'approval events are never deleted');
END;
CREATE TRIGGER approval_events_only_voided BEFORE UPDATE ON approval_events
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
    OR NEW.kind IS NOT OLD.kind OR NEW.decision IS NOT OLD.decision
    OR NEW.content_hash IS NOT OLD.content_hash OR NEW.decider IS NOT OLD.decider
    OR NEW.comment IS NOT OLD.comment OR NEW.revision IS NOT OLD.revision
BEGIN
    SELECT RAISE(ABORT, 'an approval decision is only ever voided, once');
END;
CREATE TRIGGER approval_requests_no_delete BEFORE DELETE ON approval_requests
BEGIN
    SELECT RAISE(ABORT, 'approval requests are never deleted');
END;
"""

V6 = """
CREATE TABLE carrier_events (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    holder_before TEXT,
    holder_after TEXT,
    party TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    ref TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    at TEXT NOT NULL,
    account TEXT NOT NULL
);
CREATE INDEX carrier_events_entry ON carrier_events (entry_id, id);
CREATE INDEX carrier_events_ref ON carrier_events (ref) WHERE ref IS NOT NULL;
CREATE TRIGGER carrier_events_no_update BEFORE UPDATE ON carrier_events
BEGIN
    SELECT RAISE(ABORT, 'carrier events are never changed');
END;
CREATE TRIGGER carrier_events_no_delete BEFORE DELETE ON carrier_events
BEGIN
    SELECT RAISE(ABORT, 'carrier events are never deleted');
END;
CREATE TABLE carrier_stocktakes (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    scope_kind TEXT NOT NULL,
    scope_value TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    level INTEGER NOT NULL,
    opened_on TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_on TEXT,
    closed_at TEXT,
    closed_by TEXT,
    expected INTEGER,
    found INTEGER,
    missing INTEGER,
    elsewhere INTEGER,
    unexpected INTEGER
);
CREATE INDEX carrier_stocktakes_state ON carrier_stocktakes (state, id);
CREATE TABLE carrier_stocktake_items (
    stocktake_id INTEGER NOT NULL REFERENCES carrier_stocktakes (id),
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    expected INTEGER NOT NULL,
    mark TEXT,
    found_at TEXT,
    at TEXT,
    account TEXT,
    PRIMARY KEY (stocktake_id, entry_id)
) WITHOUT ROWID;
CREATE TRIGGER carrier_stocktakes_no_delete BEFORE DELETE ON carrier_stocktakes
BEGIN
    SELECT RAISE(ABORT, 'stocktakes are never deleted');
END;
CREATE TRIGGER carrier_stocktake_items_no_delete BEFORE DELETE ON carrier_stocktake_items
BEGIN
    SELECT RAISE(ABORT, 'stocktake marks are never deleted');
END;
CREATE TRIGGER carrier_stocktake_items_closed BEFORE UPDATE ON carrier_stocktake_items
WHEN (SELECT state FROM carrier_stocktakes WHERE id = OLD.stocktake_id) != 'open'
BEGIN
    SELECT RAISE(ABORT, 'a closed stocktake is never changed');
END;
CREATE TABLE carrier_packages (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    reason TEXT NOT NULL,
    method TEXT NOT NULL,
    approval TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    destroyed_on TEXT,
    place TEXT,
    handler TEXT,
    witness1 TEXT,
    witness2 TEXT,
    executed_at TEXT,
    executed_by TEXT
);
CREATE INDEX carrier_packages_state ON carrier_packages (state, id);
CREATE TABLE carrier_package_items (
    package_id INTEGER NOT NULL REFERENCES carrier_packages (id),
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    PRIMARY KEY (package_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX carrier_package_items_entry ON carrier_package_items (entry_id, package_id);
CREATE TRIGGER carrier_packages_no_delete BEFORE DELETE ON carrier_packages
BEGIN
    SELECT RAISE(ABORT, 'destruction packages are never deleted');
END;
CREATE TRIGGER carrier_packages_executed BEFORE UPDATE ON carrier_packages
WHEN OLD.state = 'executed'
BEGIN
    SELECT RAISE(ABORT, 'an executed destruction package is never changed');
END;
CREATE TRIGGER carrier_package_items_locked BEFORE DELETE ON carrier_package_items
WHEN (SELECT state FROM carrier_packages WHERE id = OLD.package_id) != 'open'
BEGIN
    SELECT RAISE(ABORT, 'only an open destruction package changes its items');
END;
"""


def _v9_sort_keys(store: Store) -> None:
    """Entries get ``sortkeys``: the pinyin sort keys of their texts that hold Chinese
    (:mod:`secrecy_desk.core.collation`), so lists sort names by pinyin from an index."""
    store.execute("ALTER TABLE entries ADD COLUMN sortkeys TEXT")
    rows = store.all("SELECT id, data FROM entries")
    updates = []
    for entry_id, data in rows:
        keys = collation.sort_keys(json.loads(str(data)))
        if keys is not None:
            updates.append((keys, entry_id))
    if updates:
        store.executemany("UPDATE entries SET sortkeys = ? WHERE id = ?", updates)


#: The latest revision's values live in the entry row only: its revision row holds ``''``
#: (never valid JSON) instead of a second copy, and the copy is written into the revision row
#: when a newer revision replaces it — the one change a revision row allows, checked by the
#: trigger to be exactly the entry's own values at that revision. Every entry never edited
#: (most of a register) so stores its values once.
V8 = """
DROP TRIGGER entry_revisions_no_update;
UPDATE entry_revisions SET data = ''
WHERE data = (
    SELECT e.data FROM entries e
    WHERE e.id = entry_revisions.entry_id AND e.revision = entry_revisions.revision
);
CREATE TRIGGER entry_revisions_no_update BEFORE UPDATE ON entry_revisions
WHEN NOT (
    OLD.data = '' AND NEW.data IS (
        SELECT e.data FROM entries e WHERE e.id = OLD.entry_id AND e.revision = OLD.revision
    )
    AND NEW.entry_id = OLD.entry_id AND NEW.revision = OLD.revision
    AND NEW.change = OLD.change AND NEW.status = OLD.status AND NEW.level = OLD.level
    AND NEW.term IS OLD.term AND NEW.voided = OLD.voided
    AND NEW.void_reason IS OLD.void_reason AND NEW.note = OLD.note
    AND NEW.at = OLD.at AND NEW.account = OLD.account
)
BEGIN
    SELECT RAISE(ABORT, 'entry revisions are never changed');
END;
"""

V10 = """
CREATE INDEX entries_status ON entries (register, voided, status, level, number);
CREATE INDEX commitments_printed ON commitments (status, printed_at, level);
"""

#: How many live entries each register holds at each level, kept by triggers (entries are never
#: deleted; a void, a restore or a change of level moves one): a register's unfiltered count is
#: a sum of a few rows instead of a walk through an index of every entry (0.3 s at 2M).
V11_TOTALS = """
CREATE TABLE entry_totals (
    register TEXT NOT NULL,
    level INTEGER NOT NULL,
    live INTEGER NOT NULL,
    PRIMARY KEY (register, level)
) WITHOUT ROWID;
INSERT INTO entry_totals (register, level, live)
SELECT register, level, count(*) FROM entries WHERE voided = 0 GROUP BY register, level;
CREATE TRIGGER entry_totals_insert AFTER INSERT ON entries WHEN NEW.voided = 0
BEGIN
    INSERT INTO entry_totals (register, level, live) VALUES (NEW.register, NEW.level, 1)
    ON CONFLICT (register, level) DO UPDATE SET live = live + 1;
END;
CREATE TRIGGER entry_totals_update AFTER UPDATE OF register, level, voided ON entries
WHEN (OLD.voided = 0) <> (NEW.voided = 0)
    OR (NEW.voided = 0 AND (OLD.level <> NEW.level OR OLD.register <> NEW.register))
BEGIN
    UPDATE entry_totals SET live = live - 1
    WHERE OLD.voided = 0 AND register = OLD.register AND level = OLD.level;
    INSERT INTO entry_totals (register, level, live)
    SELECT NEW.register, NEW.level, 1 WHERE NEW.voided = 0
    ON CONFLICT (register, level) DO UPDATE SET live = live + 1;
END;
"""


def _v11(store: Store) -> None:
    _sql(V11_TOTALS)(store)
    apply_register_indexes(store)


def apply_register_indexes(store: Store) -> None:
    """The registers' list and deadline indexes (:mod:`secrecy_desk.vault.register_indexes`),
    created here once instead of at every start of the register engine: each one that is
    missing or defined otherwise is built, each ``ix_``/``dl_``/``st_`` index no longer wanted
    is dropped (no ``st_`` one is wanted since step 17, :func:`_v17`), and on a large vault the
    planner's statistics are refreshed for the new ones."""
    from secrecy_desk.vault.register_indexes import INDEXES  # noqa: PLC0415 - 60 kB of SQL

    existing = {
        str(name): str(sql)
        for name, sql in store.all(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
            "AND (name LIKE 'ix\\_%' ESCAPE '\\' OR name LIKE 'dl\\_%' ESCAPE '\\' "
            "OR name LIKE 'st\\_%' ESCAPE '\\')"
        )
    }
    built: list[str] = []
    for name, sql in existing.items():
        if INDEXES.get(name) != sql:
            store.execute(f'DROP INDEX "{name}"')
    for name, sql in INDEXES.items():
        if existing.get(name) != sql:
            store.execute(sql)
            built.append(name)
    if built and store.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"):
        store.execute("PRAGMA analysis_limit = 0")
        for name in built:
            store.execute(f'ANALYZE "{name}"')


def _v17(store: Store) -> None:
    """Drop every statistics index ``st_…`` steps 11–16 made (a field's stored value, status
    and level over the live entries: what its column of ``entry_dims`` holds). Only these: the
    registers' other indexes stay as they are (rebuilding one reads every entry)."""
    for (name,) in store.all(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'st\\_%' ESCAPE '\\'"
    ):
        store.execute(f'DROP INDEX "{name}"')


#: The carrier events of a period, counted by kind for the periodic work report (the date
#: first, the entry last: the count joins each event to its entry for the clearance).
V13 = """
CREATE INDEX carrier_events_on ON carrier_events (on_date, kind, entry_id);
"""


def _v14(store: Store) -> None:
    from secrecy_desk.vault.register_indexes import COUNTED  # noqa: PLC0415 - 60 kB of SQL

    _sql(entry_dims.SCHEMA)(store)
    entry_dims.apply(store, COUNTED)  # the table alone: the counts come with step 15


def _v15(store: Store) -> None:
    _sql(entry_dims.COUNTS_SCHEMA)(store)
    apply_register_dims(store)


def apply_register_dims(store: Store) -> None:
    """The statistics table's and its combination counts' triggers as the built-in definitions
    want them (:data:`secrecy_desk.vault.register_indexes.COUNTED` and ``MONTHLY``), each
    register's rows filled again from its entries where its triggers were made anew, its
    counts from its rows where those or its count triggers were (:func:`.entry_dims.apply`)."""
    from secrecy_desk.vault.register_indexes import COUNTED, MONTHLY  # noqa: PLC0415 - 60 kB

    entry_dims.apply(store, COUNTED, MONTHLY)


def _v16(store: Store) -> None:
    """The search index merged into one segment (FTS5 ``optimize``). A register loaded in bulk
    leaves it in many segments, and every search opens each of them: at 2,000,000 entries a
    search's count took 91 ms and a seek for one entry 135 µs in the bulk-built index, 21 ms
    and 19 µs merged (the merge: 38 s). Later writes add small segments that FTS5's own
    automerge keeps few. The same documents, the same matches: no search changes its answer."""
    store.execute("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")


#: The search index's segments up to which it is left as it is (:func:`tidy_search_index`).
TIDY_SEGMENTS: Final = 4
#: The merge work one tidying does, in index pages written: 0.1–0.3 s at 2,000,000 entries.
TIDY_PAGES: Final = 1000


def search_segments(store: Store) -> int:
    """How many segments (b-trees) the search index is in: each search and each seek for
    one entry looks in every one of them (``entry_fts_idx`` holds each segment's keys)."""
    return int(store.scalar("SELECT count(DISTINCT segid) FROM entry_fts_idx"))


def tidy_search_index(store: Store, steps: int = 1, pages: int = TIDY_PAGES) -> int:
    """Merge some of the search index's segments, when it is in more than
    :data:`TIDY_SEGMENTS`: at most ``steps`` steps, each one transaction doing at most
    ``pages`` pages of FTS5's incremental merge, the levels holding two segments or more
    (``usermerge`` 2); an unfinished merge goes on at the next call. Returns the steps that
    merged something. FTS5 writes a segment for each transaction and its automerge lets them
    pile up (fifteen at level 0 before its crisis merge; fifteen in all in a register of
    2,000,000 entries loaded in bulk), and each search, and each seek for one entry, looks in
    every segment: a search page that seeks each entry it walks took 128–198 ms there, 53–72
    ms on one or two segments. The documents and every answer stay the same. It is upkeep,
    not a save: a failure (a full disk) is logged and leaves the index as it was."""
    done = 0
    try:
        while done < steps and search_segments(store) > TIDY_SEGMENTS:
            with store.transaction():
                if done == 0:
                    store.execute("INSERT INTO entry_fts (entry_fts, rank) VALUES ('usermerge', 2)")
                before = int(store.scalar("SELECT total_changes()"))
                store.execute(
                    "INSERT INTO entry_fts (entry_fts, rank) VALUES ('merge', ?)", (pages,)
                )
                # FTS5's documented sign that the merge found segments to merge: two changes
                merged = int(store.scalar("SELECT total_changes()")) - before >= 2
            if not merged:
                break
            done += 1
    except DatabaseError as exc:
        log.warning("search index not tidied: %s", exc)
    return done


def _v18(store: Store) -> None:
    """The search documents are to be made again with each entry's scope token (its register
    and level while live: ``records.search``), which lets the index count a search's matches
    in one register at some levels by itself. The documents are made from the entries by the
    forms, which live above this layer: this step removes the recipe the documents were made
    by, and the register engine, finding none, makes every one again at its first start
    (``records.reindex``). Until then every search and count works as before. The step also
    keeps an older program, which would write documents without the token, out of the
    vault."""
    store.execute("DELETE FROM meta WHERE key = 'search_recipe'")


#: Every schema step, in order. The vault owns the whole schema (the packages above it only run
#: queries), so a vault opened by any entry point reaches the same version.
MIGRATIONS: Final[list[Migration]] = [
    Migration(1, "accounts, settings, audit chain, seals", _sql(V1)),
    Migration(2, "per-account preferences and drafts", _sql(V2)),
    Migration(3, "register entries, revisions, numbering, search index", _sql(V3)),
    Migration(4, "personnel transitions, commitment clause versions, commitments", _sql(V4)),
    Migration(5, "approval requests, their content revisions and decisions", _sql(V5)),
    Migration(6, "carrier events, stocktakes and their marks, destruction packages", _sql(V6)),
    Migration(8, "the latest revision's values stored once, in the entry row", _sql(V8)),
    Migration(9, "pinyin sort keys of entries' Chinese texts", _v9_sort_keys),
    Migration(10, "indexes for counts by status and for printed commitments", _sql(V10)),
    Migration(
        11,
        "live entries counted per register and level; the registers' list and deadline indexes",
        _v11,
    ),
    Migration(13, "carrier events by date, for the work report's counts", _sql(V13)),
    Migration(14, "each live entry's counted values, for the statistics' cross-tabs", _v14),
    Migration(
        15,
        "live entries counted per combination of counted values, for whole-register counts",
        _v15,
    ),
    Migration(16, "the search index merged into one segment, for quick searches", _v16),
    Migration(
        17, "the statistics indexes dropped: the statistics table holds the same values", _v17
    ),
    Migration(
        18, "search documents made again with their register and level, for quick counts", _v18
    ),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def schema_version(store: Store) -> int:
    return int(store.scalar("PRAGMA user_version"))


def migrate(store: Store, *, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: latest), one transaction per step.

    Refuses files written by a newer version or older than :data:`MIN_SCHEMA`."""
    goal = latest_version() if target is None else target
    current = schema_version(store)
    if current > latest_version():
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This vault was written by a newer version of Secrecy Desk (schema {found}; "
                "this program knows up to {known}). Use the newer program.",
            ),
            found=current,
            known=latest_version(),
        )
    if 0 < current < MIN_SCHEMA:
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This vault is from a version too old to upgrade (schema {found}).",
            ),
            found=current,
        )
    for step in MIGRATIONS:
        if current < step.version <= goal:
            with store.transaction():
                step.apply(store)
                store.execute(f"PRAGMA user_version = {int(step.version)}")
            current = step.version
    return current


def _already_open(folder: Path) -> VaultError:
    return VaultError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The vault {path} is already open in another running copy of Secrecy Desk. "
            "Close that copy first.",
        ),
        path=str(folder),
    )


@contextlib.contextmanager
def hold(path: Path, folder: Path) -> Iterator[int]:
    """An exclusive ``flock`` on ``path`` for as long as the vault is open.

    flock locks are independent of the POSIX locks SQLite takes on the same file, so holding
    one on ``vault.db`` itself does not disturb SQLite; the descriptor is closed only after the
    database connection is (closing it earlier would drop SQLite's POSIX locks)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise explain(exc, path=folder / DB_NAME) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise _already_open(folder) from None
    try:
        yield fd
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the vault for as long as it is open, so a second copy is refused: the lock is on
    the database file itself (deleting ``vault.lock`` cannot let a second writer in), and on
    ``vault.lock`` too (so older copies of the program, which lock only that, are kept out).
    A vault being created has no database yet; :func:`hold` it once it exists."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(hold(folder / LOCK_NAME, folder))
        database = folder / DB_NAME
        if database.exists():
            stack.enter_context(hold(database, folder))
        yield

"""Backups (备份) and restores: an encrypted copy of the database and its key file, verified.

A backup is a folder holding ``vault.db`` — a copy of the vault's own file, still encrypted
with the master key, copied by the kernel while a read transaction holds the file still (the
write-ahead log checkpointed into it first), and hashed as it is copied; should the file not
hold still, ``sqlcipher_export`` into a database keyed alike — never decrypted on the way —
and a copy of the key file taken right after the audit head was recorded in it.

Before the backup counts as made, what it copied is checked: the copy, made durable, is read
back from the disk (the system asked to drop its cached pages first) and every page of it
authenticated by its HMAC with the vault's key (:mod:`pagemac`, on both cores); it is then
opened with the key (key file, audit head, schema). A page that
fails is looked up in the vault's own file, still held: damaged there too, the vault itself
is damaged and the backup says so. An exported copy, whose pages are not the file's, has
SQLite walk all of it instead. Memory stays flat at any vault size. Backups go only to fixed
local disks; a refused destination is recorded. Restoring copies a backup into a folder that
holds no vault, and proves it by logging in.

The system administrator's restore in the program (:func:`replace_vault`) puts a backup in the
place of the open vault: the backup is checked first (a backup of this vault, every page
verified), a verified pre-restore copy of the vault as it stands is written beside it, the
session ends, the backup is restored into a fresh folder and proven by logging in, and only then
are the folders swapped. The date of the last good backup is kept in the settings, written in
the transaction of the backup's audit record, for the home tab's reminder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import (
    AuthError,
    PermissionDenied,
    ValidationError,
    VaultError,
    os_reason,
)
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import audit_chain, crypto, db, keyfile, pagecheck, pagemac
from secrecy_desk.vault import settings as settings_mod
from secrecy_desk.vault.session import Session, login
from secrecy_desk.vault.settings import Settings
from secrecy_desk.vault.vault import is_vault


@dataclass(frozen=True, slots=True)
class BackupReport:
    folder: Path
    records: int  # audit records in the copy
    size: int  # bytes of the database copy
    sha256: str


@dataclass(frozen=True, slots=True)
class LastBackup:
    """The last backup that was written and verified: when (UTC), where, its hash."""

    at: datetime
    folder: str
    sha256: str


@dataclass(frozen=True, slots=True)
class OsReason:
    """An operating-system error as a message parameter, in the reader's language."""

    error: OSError

    def text(self, lang: str) -> str:
        return os_reason(self.error, lang)


#: The settings key holding the last good backup (written with the backup's audit record).
LAST_BACKUP_KEY: Final = "last_backup"

_NOT_WRITTEN: Final = QT_TRANSLATE_NOOP(
    "Errors", "The backup was not made: {reason}. Nothing was kept; choose another folder."
)
_NOT_A_BACKUP: Final = QT_TRANSLATE_NOOP("Errors", "{path} does not hold a Secrecy Desk backup.")
_DAMAGED: Final = QT_TRANSLATE_NOOP(
    "Errors", "The backup in {path} is damaged and cannot be restored; nothing was changed."
)
_WRONG_VAULT: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup in {path} is of another vault, not of this one; nothing was changed.",
)


def _empty_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is not an empty folder; a backup goes into a new folder."
            ),
            path=str(target),
        )


#: A long step's report: (done, total); answering ``False`` asks it to stop.
Progress = Callable[[int, int], bool]


class BackupCancelled(ValidationError):
    """The system administrator cancelled a backup while it was being written."""


def _cancelled() -> BackupCancelled:
    return BackupCancelled(
        QT_TRANSLATE_NOOP("Errors", "The backup was cancelled; nothing was kept.")
    )


_DID_NOT_VERIFY: Final = QT_TRANSLATE_NOOP(
    "Errors", "The backup in {path} did not verify; it was removed. Try again."
)
_SOURCE_DAMAGED: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "The backup was not made: the vault's own file is damaged (found while it was copied). "
    "Nothing was kept. Run verify to see where, then restore the vault from its last good "
    "backup.",
)


#: KiB of decrypted pages cached while a copy is walked by its quick check.
CHECK_CACHE_KIB: Final = 8192

#: The copy's estimated work per page, in :mod:`pagecheck`'s units (measured with the bench).
COPY_WORK: Final = 5
#: The read-back's, which authenticates every page: at 2M entries it took about
#: three times the copy (measured).
READ_BACK_WORK: Final = 15


def backup(session: Session, target: Path, progress: Progress | None = None) -> BackupReport:
    """The system administrator writes a verified, encrypted backup into ``target``;
    ``progress`` hears the estimated work done — the copy, then its check of every page — and
    may cancel at any step of either (nothing is kept)."""
    session.require_active_password()
    session.principal.require_role(Role.SYSADMIN)
    vault = session.vault
    target = target.absolute()
    session.require_fixed_disk(target, "vault.backup", str(target))
    _empty_target(target)
    copy = target / db.DB_NAME
    try:
        target.mkdir(parents=True, exist_ok=True)
        os.chmod(target, 0o700)
        with session.operation():
            session.audit("vault.backup", str(target), details={"stage": "start"})
        vault.sync_head(force=True)
        master = vault.master_key()
        pages = int(vault.store.scalar("PRAGMA page_count") or 0)
        macs = pagemac.supported(vault.store)
        # The bar: the copy, then its check (the read-back, or SQLite's walk of the copy).
        check_work = pages * READ_BACK_WORK if macs else pagecheck.page_work(pages, quick=True)
        bar = pagecheck.WorkBar(progress, pages * COPY_WORK + check_work, _cancelled)
        copy_span = pages * COPY_WORK

        def copied(done: int, total: int) -> bool:
            bar.tell(copy_span * done // max(total, 1))
            return not bar.cancelled

        def read(done: int, total: int) -> bool:
            bar.tell(copy_span + check_work * done // max(total, 1))
            return not bar.cancelled

        digest: str | None = None
        with vault.store.file_snapshot() as still:
            if still:
                source = vault.store.path
                assert source is not None  # (held still: a file)
                digest = _stream_copy(source, copy, copied)
                if macs:
                    _read_back(source, copy, master, read)
        if not still:
            _export(vault.store, copy, master)
        bar.tell(copy_span)
        os.chmod(copy, 0o600)
        keyfile.write_atomic(target / keyfile.KEYFILE_NAME, vault.keyfile.to_bytes())
        # A copy read back with every page authenticated needs no walk of SQLite's; one that
        # was not (another page layout) is walked, and an exported one checked in full.
        report = _check_copy(target, master, digest, bar, pages=not (still and macs))
    except BaseException as exc:
        shutil.rmtree(target, ignore_errors=True)
        with contextlib.suppress(Exception), session.operation():
            session.audit("vault.backup", str(target), outcome="failed")
        if isinstance(exc, OSError):
            # A full disk, a folder this account may not write: one sentence, as anywhere.
            raise VaultError(_NOT_WRITTEN, reason=OsReason(exc)) from exc
        raise
    with session.operation() as store:
        session.audit(
            "vault.backup",
            str(target),
            details={
                "records": report.records,
                "size": report.size,
                "sha256": report.sha256,
            },
        )
        last = {"at": session.clock.now().isoformat(), "folder": str(target)}
        store.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAST_BACKUP_KEY, json.dumps(last | {"sha256": report.sha256}, ensure_ascii=False)),
        )
    return report


#: The reminder days the system administrator may choose (inclusive).
REMIND_RANGE: Final = (1, 90)


def set_reminder(session: Session, days: int) -> Settings:
    """The system administrator sets after how many days without a good backup the home tab
    reminds them; one transaction with its audit record."""
    session.require_active_password()
    session.principal.require_role(Role.SYSADMIN)
    low, high = REMIND_RANGE
    if not low <= days <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The reminder must be {low} to {high} days, not {n}."),
            low=low,
            high=high,
            n=days,
        )
    new = replace(session.settings, backup_remind_days=days)
    with session.operation() as store:
        settings_mod.save(store, new)
        session.audit("settings.backup_reminder", "settings", details={"days": days})
    session.vault.settings = new
    return new


def overdue(session: Session) -> bool:
    """Whether the home tab reminds of a backup: none ever, or the last good one older than
    the set number of days."""
    return stale(last_good(session.vault.store), session)


def stale(last: LastBackup | None, session: Session) -> bool:
    """Whether ``last`` (the last good backup, already read) calls for the reminder."""
    limit = timedelta(days=session.settings.backup_remind_days)
    return last is None or session.clock.now() - last.at > limit


def last_good(store: db.Store) -> LastBackup | None:
    """The last backup written and verified from this vault, or ``None`` (never)."""
    raw = store.scalar("SELECT value FROM settings WHERE key = ?", (LAST_BACKUP_KEY,))
    if raw is None:
        return None
    try:
        value = json.loads(str(raw))
        return LastBackup(
            datetime.fromisoformat(str(value["at"])), str(value["folder"]), str(value["sha256"])
        )
    except (ValueError, KeyError, TypeError):
        return None


#: Bytes read at a time when hashing the file, reading its copy back, or copying it where the
#: kernel cannot (memory stays flat).
CHUNK = 1 << 20
#: Chunks read back and not yet authenticated, at most (memory stays flat).
CHECK_AHEAD: Final = 8
#: Threads that authenticate the pages read back, at most (one per core).
CHECKERS = 2
#: Bytes copied per call of the kernel's copy (``sendfile``): the bar moves and a cancel is
#: heard between two.
COPY_STEP: Final = 32 << 20


def _stream_copy(source: Path, copy: Path, progress: Progress | None = None) -> str:
    """Copy the encrypted database file as it is and make the copy durable; the SHA-256 of
    what was copied, in hex. The pages stay encrypted with the vault's key all the way.

    The kernel copies them (``sendfile``, as ``cp`` does: no pass through this process's
    memory), a step at a time (where it cannot, a chunk at a time), while a thread of its own
    reads the same file — held still — and hashes it: the copy takes one core, the hash the
    other. That the copy holds those bytes is proven by its read-back (:func:`_read_back`)."""
    sha = hashlib.sha256()
    stop = threading.Event()
    failed: list[OSError] = []

    def hash_source() -> None:
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        try:
            with open(source, "rb", buffering=0) as src:
                while not stop.is_set() and (size := src.readinto(buffer)):
                    sha.update(view[:size])
        except OSError as exc:
            failed.append(exc)

    hasher = threading.Thread(target=hash_source, name="secrecy-desk-backup-hash", daemon=True)
    hasher.start()
    total = source.stat().st_size
    done = 0
    try:
        fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            kernel = hasattr(os, "sendfile")
            while done < total:
                step = 0
                if kernel:
                    try:
                        step = os.sendfile(
                            dst.fileno(), src.fileno(), done, min(COPY_STEP, total - done)
                        )
                    except OSError as exc:
                        if exc.errno not in {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP}:
                            raise
                        kernel = False  # (a file system that cannot: the chunks below)
                if not kernel:
                    src.seek(done)
                    dst.seek(done)
                    step = dst.write(src.read(CHUNK))
                if step == 0:
                    break  # the file ended early (held still, it does not)
                done += step
                if progress is not None and not progress(done, total):
                    raise _cancelled()
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        stop.set()
        raise
    finally:
        hasher.join()
    if failed:
        raise failed[0]
    return sha.hexdigest()


def _read_back(source: Path, copy: Path, master: bytes, progress: Progress | None = None) -> None:
    """The copy read back with every page authenticated by its HMAC (:mod:`pagemac`): each is
    a page of this vault's, written with its key, in its place. Refused when one is not. The
    system is asked to drop the copy's cached pages first (written and made durable by then),
    so that on a disk they come back from the disk itself, not from memory; and again after
    (a backup leaves the system's memory as it found it).

    The chunks are read into a few buffers used again and again and authenticated on one
    thread per core (the HMACs and the reads let go of Python's lock). A page that fails is
    read from the vault's own file (``source``, still held as it was copied): failing there
    too, the vault itself is damaged; otherwise the copy did not verify."""
    total = copy.stat().st_size
    with open(copy, "rb") as head:
        macs = pagemac.PageMacs(master, head.read(pagemac.SALT))
    bad: list[int] = []
    lock = threading.Lock()
    checkers = max(min(os.cpu_count() or 1, CHECKERS), 1)
    free: queue.Queue[bytearray] = queue.Queue()
    for _ in range(CHECK_AHEAD + checkers + 1):
        free.put(bytearray(CHUNK))
    chunks: queue.Queue[tuple[bytearray, int, int] | None] = queue.Queue(maxsize=CHECK_AHEAD)

    def check_chunks() -> None:
        while (item := chunks.get()) is not None:
            buffer, size, first = item
            try:
                found = macs.bad_pages(buffer, first, size)
            except Exception:  # (never leave the reader waiting for a buffer)
                found = [first]
            free.put(buffer)
            if found:
                with lock:
                    bad.extend(found)

    threads = [
        threading.Thread(target=check_chunks, name="secrecy-desk-backup-check", daemon=True)
        for _ in range(checkers)
    ]
    for thread in threads:
        thread.start()
    done = 0
    try:
        with open(copy, "rb", buffering=0) as src:
            _drop_cached(src.fileno())
            while True:
                buffer = free.get()
                size = src.readinto(buffer)
                if not size:
                    break
                chunks.put((buffer, size, done // pagemac.PAGE + 1))
                done += size
                if progress is not None and not progress(done, total):
                    raise _cancelled()
            _drop_cached(src.fileno())
    finally:
        for _ in threads:
            chunks.put(None)  # each thread ends after the chunks before it
        for thread in threads:
            thread.join()
    if bad:
        first = min(bad)
        with open(source, "rb") as vault_file:
            vault_file.seek((first - 1) * pagemac.PAGE)
            page = vault_file.read(pagemac.PAGE)
        if len(page) < pagemac.PAGE or macs.bad_pages(bytearray(page), first):
            raise VaultError(_SOURCE_DAMAGED)
        raise VaultError(_DID_NOT_VERIFY, path=str(copy.parent))


def _drop_cached(fd: int) -> None:
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _export(store: db.Store, copy: Path, master: bytes) -> None:
    """The copy made by ``sqlcipher_export`` into a database keyed alike (when the file could
    not be held still): every row read and written again."""
    # Both are our own values: a path without quotes (checked) and a hex key.
    if "'" in str(copy):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A backup folder name may not contain quotes.")
        )
    store.execute(f"ATTACH DATABASE '{copy}' AS backup KEY \"x'{master.hex()}'\"")
    try:
        store.execute("SELECT sqlcipher_export('backup')")
        # sqlcipher_export copies schema and rows, not the schema version.
        version = int(db.schema_version(store))
        store.execute(f"PRAGMA backup.user_version = {version}")
    finally:
        store.execute("DETACH DATABASE backup")


def _check_copy(
    folder: Path,
    master: bytes,
    digest: str | None = None,
    bar: pagecheck.WorkBar | None = None,
    *,
    pages: bool = True,
) -> BackupReport:
    """The copy just written, checked (see :func:`_verified`; ``pages`` false: every page was
    authenticated as it was read back); refused when it does not verify."""
    report = _verified(folder, master, digest, bar=bar, pages=pages)
    if report is None:
        raise VaultError(_DID_NOT_VERIFY, path=str(folder))
    return report


def _verified(
    folder: Path,
    master: bytes,
    digest: str | None = None,
    *,
    any_version: bool = False,
    quick: bool | None = None,
    bar: pagecheck.WorkBar | None = None,
    pages: bool = True,
) -> BackupReport | None:
    """Open the copy with the master key: every table's and index's B-tree walked
    (``quick_check``, on two connections), each page authenticated by its HMAC as it is read
    back (a page the disk wrote wrongly fails), the recorded head present. A byte copy of the
    vault's file needs no more (the source's own cross-checks are ``verify``'s; the restore
    checks the free pages too, :func:`restore`); a copy written row by row gets the full
    ``integrity_check`` and every page's HMAC (unless ``quick`` says otherwise). Without
    ``pages`` the walk is left out (a byte copy read back with every page authenticated:
    :func:`_read_back`). ``None`` when it does not verify; an older schema is accepted with
    ``any_version`` (a restore upgrades it at its first login)."""
    try:
        kf = keyfile.read(folder)
        store = db.open_database(folder / db.DB_NAME, master)
    except (OSError, VaultError, db.DatabaseError, ValueError):
        return None
    try:
        quick = digest is not None if quick is None else quick
        if quick:
            # One walk over the pages reads each once: the connection's cache of decrypted
            # pages need not be the vault's 64 MiB (the backup's memory stays below 200 MB).
            store.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        problems = (
            pagecheck.page_checks(
                store, bar or pagecheck.WorkBar(None, 1), quick=quick, master=master
            )
            if pages
            else []
        )
        head_break = audit_chain.quick_head_check(
            store, kf.audit_head, db_generation=None, keyfile_generation=None
        )
        records = audit_chain.record_count(store)
        version = db.schema_version(store)
    except (VaultError, db.DatabaseError):
        return None
    finally:
        store.close()
    wrong_version = version != db.latest_version() and not (
        any_version and version < db.latest_version()
    )
    if problems or head_break is not None or not kf.mac_ok(master) or wrong_version:
        return None
    path = folder / db.DB_NAME
    sha = digest or crypto.sha256_file(path).hex()
    return BackupReport(folder, records, path.stat().st_size, sha)


# SQLCipher's page (bytes): what the bar of a backup's check counts the file in.
PAGE_BYTES: Final = 4096


def _restore_check_cancelled() -> BackupCancelled:
    return BackupCancelled(
        QT_TRANSLATE_NOOP("Errors", "The check of the backup was cancelled; nothing was restored.")
    )


def check_backup(session: Session, source: Path, progress: Progress | None = None) -> BackupReport:
    """Whether ``source`` may be put in the place of the open vault: a Secrecy Desk backup,
    of this vault, every page verified with its key. Refused with one sentence otherwise.
    ``progress`` hears the estimated work of the page checks and may cancel them
    (:class:`BackupCancelled`)."""
    session.principal.require_role(Role.SYSADMIN)
    source = source.absolute()
    if not (source / db.DB_NAME).is_file() or not (source / keyfile.KEYFILE_NAME).is_file():
        raise VaultError(_NOT_A_BACKUP, path=str(source))
    try:
        kf = keyfile.read(source)
    except (OSError, VaultError, ValueError):
        raise VaultError(_DAMAGED, path=str(source)) from None
    if kf.vault_id != session.vault.keyfile.vault_id:
        raise VaultError(_WRONG_VAULT, path=str(source))
    # Every B-tree walked and its pages authenticated, as the backup was checked when it was
    # made: the restore itself then checks every page, and the full cross-check is verify's.
    pages = (source / db.DB_NAME).stat().st_size // PAGE_BYTES
    bar = pagecheck.WorkBar(
        progress, pagecheck.page_work(pages, quick=True), _restore_check_cancelled
    )
    bar.tell(0)
    bar.stop_if_cancelled()
    report = _verified(source, session.vault.master_key(), any_version=True, quick=True, bar=bar)
    bar.stop_if_cancelled()
    if report is None:
        raise VaultError(_DAMAGED, path=str(source))
    return report


@dataclass(frozen=True, slots=True)
class Replaced:
    """A restore over the open vault: the backup put in place and the pre-restore copy."""

    source: Path
    before: BackupReport


def replace_vault(
    session: Session, source: Path, password: str, progress: Progress | None = None
) -> Replaced:
    """Put the backup in ``source`` in the place of the session's vault (the system
    administrator, password re-entered). The session ends here, whatever the outcome after the
    pre-restore copy: the program returns to its login screen.

    1. the backup is checked (:func:`check_backup`) and the password confirmed;
    2. a verified pre-restore copy of the vault is written beside its folder
       (``<folder>-before-restore-<time>``), and the restore announced in the vault's trail;
    3. the session ends; the backup is restored into a fresh folder beside the vault and proven
       by logging in (its trail records the restore);
    4. the folders are swapped: the vault's folder now holds the backup. A failure before the
       swap leaves the vault as it was."""
    session.require_active_password()
    session.principal.require_role(Role.SYSADMIN)
    checked = check_backup(session, source)
    if not session.check_password(password):
        raise AuthError(QT_TRANSLATE_NOOP("Errors", "The password is not correct."))
    folder = session.vault.folder.absolute()
    stamp = session.clock.now().astimezone().strftime("%Y%m%d-%H%M%S")

    def step(done: int, total: int) -> bool:
        # The pre-restore copy is the long part: four fifths of the bar.
        return progress is None or progress(done * 4 // max(total, 1), 5)

    before = backup(session, folder.with_name(f"{folder.name}-before-restore-{stamp}"), step)
    login_name = session.account.login
    with session.operation():
        session.audit(
            "vault.restore",
            str(folder),
            details={
                "stage": "replacing",
                "from": str(checked.folder),
                "copy": str(before.folder),
            },
        )
    clock = session.clock
    session.logout()
    staging = folder.with_name(f".{folder.name}-restoring-{stamp}")
    try:
        restored = restore(checked.folder, staging, login_name, password, clock=clock)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    restored.logout()
    if progress is not None:
        progress(5, 5)
    aside = folder.with_name(f".{folder.name}-replaced-{stamp}")
    try:
        os.rename(folder, aside)
        try:
            os.rename(staging, folder)
        except OSError:
            os.rename(aside, folder)
            raise
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise VaultError(_NOT_RESTORED, reason=OsReason(exc)) from exc
    # The vault as it was is in the verified pre-restore copy.
    shutil.rmtree(aside, ignore_errors=True)
    return Replaced(checked.folder, before)


_NOT_RESTORED: Final = QT_TRANSLATE_NOOP(
    "Errors", "The backup was not put in place: {reason}. The vault is as it was."
)


def restore(
    source: Path, folder: Path, login_name: str, password: str, *, clock: Clock | None = None
) -> Session:
    """Copy the backup in ``source`` into ``folder`` (which must hold no vault) and prove it by
    logging in as its system administrator; the restore is recorded in the restored vault's
    trail. Returns the session."""
    if not (source / db.DB_NAME).is_file() or not (source / keyfile.KEYFILE_NAME).is_file():
        raise VaultError(_NOT_A_BACKUP, path=str(source))
    if is_vault(folder):
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} already holds a vault; restore into a new folder (nothing was "
                "overwritten).",
            ),
            path=str(folder),
        )
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    try:
        for name in (db.DB_NAME, keyfile.KEYFILE_NAME):
            tmp = folder / (name + ".restoring")
            shutil.copyfile(source / name, tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, folder / name)
        keyfile.fsync_dir(folder)
        # A backup is older than the vault it was taken from, so it is behind the rollback
        # anchor: the system administrator restoring it accepts that, and the restore record
        # names what the restored copy lacks.
        try:
            session = login(folder, login_name, password, clock=clock, accept_rollback=True)
        except (db.DatabaseDamaged, db.UnreadableDatabase, db.DatabaseError):
            # the key file came with the backup: a copy it cannot read is a damaged copy
            raise VaultError(_DAMAGED, path=str(source)) from None
        if Role.SYSADMIN not in session.account.roles:
            session.vault.close()
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the system administrator restores backups.")
            )
        # Every page read back with its HMAC, every B-tree walked: a damaged backup is refused
        # (and removed from the new folder), not found damaged later.
        try:
            damaged = bool(db.integrity_problems(session.vault.store, quick=True))
        except (db.DatabaseDamaged, db.DatabaseError):
            damaged = True
        if damaged:
            with contextlib.suppress(VaultError, db.DatabaseError):
                session.vault.close()  # the damaged copy takes no more writes
            raise VaultError(_DAMAGED, path=str(source))
    except BaseException:
        for name in (db.DB_NAME, keyfile.KEYFILE_NAME, db.DB_NAME + "-wal", db.DB_NAME + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        raise
    with session.operation():
        details: dict[str, object] = {"from": str(source)}
        gap = session.vault.rollback_gap
        if gap is not None:
            details["missing_records"] = gap.describe_records()
            details["missing_numbers"] = gap.describe_numbers()
            details["older_key_file"] = gap.keyfile_behind
        session.audit("vault.restore", str(folder), details=details)
    session.vault.start_anchoring()
    return session

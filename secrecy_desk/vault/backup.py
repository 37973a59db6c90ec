"""Backups (备份) and restores: an encrypted copy of the database and its key file, verified.

A backup is a folder holding ``vault.db`` — a copy of the vault's own file, still encrypted
with the master key, read in chunks while a read transaction holds the file still (the
write-ahead log checkpointed into it first), and hashed as it is written; should the file not
hold still, ``sqlcipher_export`` into a database keyed alike — never decrypted on the way —
and a copy of the key file taken right after the audit head was recorded in it. The copy is
then opened and checked (every page of its tables and indexes read back, authenticated and
walked; key, audit head) before the backup counts as made. Memory stays flat at any vault
size. Backups go only to fixed local disks; a refused destination is recorded. Restoring
copies a backup into a folder that holds no vault, and proves it by logging in.

The system administrator's restore in the program (:func:`replace_vault`) puts a backup in the
place of the open vault: the backup is checked first (a backup of this vault, every page
verified), a verified pre-restore copy of the vault as it stands is written beside it, the
session ends, the backup is restored into a fresh folder and proven by logging in, and only then
are the folders swapped. The date of the last good backup is kept in the settings, written in
the transaction of the backup's audit record, for the home tab's reminder.
"""

from __future__ import annotations

import contextlib
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
from secrecy_desk.vault import audit_chain, crypto, db, keyfile, pagecheck
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


#: KiB of decrypted pages cached while a copy is walked by its quick check.
CHECK_CACHE_KIB: Final = 8192

#: The copy's estimated work per page, in :mod:`pagecheck`'s units (measured with the bench).
COPY_WORK: Final = 5


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
        # The bar: the copy, then the copy's check (its estimated work: the longer part).
        pages = int(vault.store.scalar("PRAGMA page_count") or 0)
        bar = pagecheck.WorkBar(
            progress, pages * COPY_WORK + pagecheck.page_work(pages, quick=True), _cancelled
        )
        copy_span = pages * COPY_WORK

        def copied(done: int, total: int) -> bool:
            bar.tell(copy_span * done // max(total, 1))
            return not bar.cancelled

        with vault.store.file_snapshot() as still:
            digest = _stream_copy(vault.store.path, copy, copied) if still else None
        if digest is None:
            _export(vault.store, copy, master)
        bar.tell(copy_span)
        os.chmod(copy, 0o600)
        keyfile.write_atomic(target / keyfile.KEYFILE_NAME, vault.keyfile.to_bytes())
        report = _check_copy(target, master, digest, bar)
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


#: Bytes read and written at a time when copying and hashing (memory stays flat).
CHUNK = 1 << 20
#: Chunks read and not yet hashed, at most (the hashing thread's queue: memory stays flat).
HASH_AHEAD: Final = 8


def _stream_copy(source: Path | None, copy: Path, progress: Progress | None = None) -> str | None:
    """Copy the encrypted database file as it is, in chunks, hashing what is written; the
    SHA-256 in hex. The pages stay encrypted with the vault's key all the way.

    The chunks are hashed on a thread of their own while the next are read and written
    (SHA-256 and the file's reads and writes each let go of Python's lock): one after the
    other, a 1.28 GB file took 4.7-4.9 s to copy and hash against 3.0-3.4 s for a plain
    copy, its hash alone 1.8-1.9 s (measured)."""
    if source is None:
        return None
    sha = hashlib.sha256()
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=HASH_AHEAD)

    def hash_chunks() -> None:
        while (chunk := chunks.get()) is not None:
            sha.update(chunk)

    hasher = threading.Thread(target=hash_chunks, name="secrecy-desk-backup-hash", daemon=True)
    hasher.start()
    total = source.stat().st_size
    done = 0
    try:
        fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(CHUNK):
                chunks.put(chunk)
                dst.write(chunk)
                done += len(chunk)
                if progress is not None and not progress(done, total):
                    raise _cancelled()
            dst.flush()
            os.fsync(dst.fileno())
    finally:
        chunks.put(None)  # the hashing thread ends after the chunks before it
        hasher.join()
    return sha.hexdigest()


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
    folder: Path, master: bytes, digest: str | None = None, bar: pagecheck.WorkBar | None = None
) -> BackupReport:
    """The copy just written, checked (see :func:`_verified`); refused when it does not
    verify."""
    report = _verified(folder, master, digest, bar=bar)
    if report is None:
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors", "The backup in {path} did not verify; it was removed. Try again."
            ),
            path=str(folder),
        )
    return report


def _verified(
    folder: Path,
    master: bytes,
    digest: str | None = None,
    *,
    any_version: bool = False,
    quick: bool | None = None,
    bar: pagecheck.WorkBar | None = None,
) -> BackupReport | None:
    """Open the copy with the master key: every table's and index's B-tree walked
    (``quick_check``, on two connections), each page authenticated by its HMAC as it is read
    back (a page the disk wrote wrongly fails), the recorded head present. A byte copy of the
    vault's file needs no more (the source's own cross-checks are ``verify``'s; the restore
    checks the free pages too, :func:`restore`); a copy written row by row gets the full
    ``integrity_check`` and every page's HMAC (unless ``quick`` says otherwise). ``None`` when
    it does not verify; an older schema is accepted with ``any_version`` (a restore upgrades it
    at its first login)."""
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
        problems = pagecheck.page_checks(
            store, bar or pagecheck.WorkBar(None, 1), quick=quick, master=master
        )
        head_break = audit_chain.quick_head_check(
            store, kf.audit_head, db_generation=None, keyfile_generation=None
        )
        records = int(store.scalar("SELECT count(*) FROM audit"))
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

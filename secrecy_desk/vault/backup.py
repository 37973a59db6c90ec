"""Backups (备份) and restores: an encrypted copy of the database and its key file, verified.

A backup is a folder holding ``vault.db`` — a copy of the vault's own file, still encrypted
with the master key, read in chunks while a read transaction holds the file still (the
write-ahead log checkpointed into it first), and hashed as it is written; should the file not
hold still, ``sqlcipher_export`` into a database keyed alike — never decrypted on the way —
and a copy of the key file taken right after the audit head was recorded in it. The copy is
then opened and checked (every page's HMAC, its B-trees, key, audit head) before the backup
counts as made. Memory stays flat at any vault size. Backups go only to fixed local disks; a
refused destination is recorded. Restoring copies a backup into a folder that holds no vault,
and proves it by logging in.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import PermissionDenied, ValidationError, VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import audit_chain, crypto, db, keyfile
from secrecy_desk.vault.session import Session, login
from secrecy_desk.vault.vault import is_vault


@dataclass(frozen=True, slots=True)
class BackupReport:
    folder: Path
    records: int  # audit records in the copy
    size: int  # bytes of the database copy
    sha256: str


def _empty_target(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is not an empty folder; a backup goes into a new folder."
            ),
            path=str(target),
        )


def backup(session: Session, target: Path) -> BackupReport:
    """The system administrator writes a verified, encrypted backup into ``target``."""
    session.require_active_password()
    session.principal.require_role(Role.SYSADMIN)
    vault = session.vault
    target = target.absolute()
    session.require_fixed_disk(target, "vault.backup", str(target))
    _empty_target(target)
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target, 0o700)
    copy = target / db.DB_NAME
    try:
        with session.operation():
            session.audit("vault.backup", str(target), details={"stage": "start"})
        vault.sync_head(force=True)
        master = vault.master_key()
        with vault.store.file_snapshot() as still:
            digest = _stream_copy(vault.store.path, copy) if still else None
        if digest is None:
            _export(vault.store, copy, master)
        os.chmod(copy, 0o600)
        keyfile.write_atomic(target / keyfile.KEYFILE_NAME, vault.keyfile.to_bytes())
        report = _check_copy(target, master, digest)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        with contextlib.suppress(Exception), session.operation():
            session.audit("vault.backup", str(target), outcome="failed")
        raise
    with session.operation():
        session.audit(
            "vault.backup",
            str(target),
            details={
                "records": report.records,
                "size": report.size,
                "sha256": report.sha256,
            },
        )
    return report


#: Bytes read and written at a time when copying and hashing (memory stays flat).
CHUNK = 1 << 20


def _stream_copy(source: Path | None, copy: Path) -> str | None:
    """Copy the encrypted database file as it is, in chunks, hashing what is written; the
    SHA-256 in hex. The pages stay encrypted with the vault's key all the way."""
    if source is None:
        return None
    sha = hashlib.sha256()
    fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(CHUNK):
            sha.update(chunk)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())
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


def _check_copy(folder: Path, master: bytes, digest: str | None = None) -> BackupReport:
    """Open the copy with the master key: every page read back and its HMAC checked
    (``cipher_integrity_check``: a page the disk wrote wrongly fails), the B-trees walked
    (``quick_check``), the recorded head present. A byte copy of the vault's file needs no
    more (the source's own cross-checks are ``verify``'s); a copy written row by row also
    gets the full ``integrity_check``."""
    kf = keyfile.read(folder)
    store = db.open_database(folder / db.DB_NAME, master)
    try:
        problems = db.integrity_problems(store, quick=digest is not None)
        head_break = audit_chain.quick_head_check(
            store, kf.audit_head, db_generation=None, keyfile_generation=None
        )
        records = int(store.scalar("SELECT count(*) FROM audit"))
        version = db.schema_version(store)
    finally:
        store.close()
    wrong_version = version != db.latest_version()
    if problems or head_break is not None or not kf.mac_ok(master) or wrong_version:
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors", "The backup in {path} did not verify; it was removed. Try again."
            ),
            path=str(folder),
        )
    path = folder / db.DB_NAME
    sha = digest or crypto.sha256_file(path).hex()
    return BackupReport(folder, records, path.stat().st_size, sha)


def restore(
    source: Path, folder: Path, login_name: str, password: str, *, clock: Clock | None = None
) -> Session:
    """Copy the backup in ``source`` into ``folder`` (which must hold no vault) and prove it by
    logging in as its system administrator; the restore is recorded in the restored vault's
    trail. Returns the session."""
    if not (source / db.DB_NAME).is_file() or not (source / keyfile.KEYFILE_NAME).is_file():
        raise VaultError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not hold a Secrecy Desk backup."),
            path=str(source),
        )
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
        session = login(folder, login_name, password, clock=clock, accept_rollback=True)
        if Role.SYSADMIN not in session.account.roles:
            session.vault.close()
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the system administrator restores backups.")
            )
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

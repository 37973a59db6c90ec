"""Upgrading a vault of an older schema: a verified copy first, then the migrations.

When a newer program opens a vault written at an older schema version, :func:`migrate` (called
by ``Vault.open_with_key`` with the vault's lock held) first copies the database and its key
files, byte for byte, into ``before-v<old>-<UTC time>/`` inside the vault folder, proves the
copy (the same bytes; opens with the master key; integrity; the old schema version; the same
audit records up to the same last hash) and only then runs the numbered migrations of
:mod:`db`. A copy that does not verify is removed and nothing is migrated.

The copy is what the previous program version opens again after a roll-back (it refuses a
newer schema). :func:`record` then writes ``vault.upgrade`` into the audit trail and says so
in one sentence on standard error.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, detect_lang, translate
from secrecy_desk.vault import audit_chain, crypto, db, keyfile, pagecheck

if TYPE_CHECKING:
    from secrecy_desk.vault.vault import Vault

#: Files of a vault folder copied before an upgrade (the lock file is not).
COPIED: Final = (
    db.DB_NAME,
    keyfile.KEYFILE_NAME,
    keyfile.PREVIOUS_NAME,
    "failures.journal",
)
CONTEXT: Final = "Upgrade"


@dataclass(frozen=True, slots=True)
class Upgrade:
    """What :func:`migrate` did: the schema it found and reached, and the verified copy."""

    old: int
    new: int
    copy: Path
    sha256: str


def _last_audit(store: db.Store) -> tuple[int, int, bytes]:
    row = store.one("SELECT count(*), max(seq) FROM audit")
    assert row is not None
    last = store.scalar("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")
    return int(row[0]), int(row[1] or 0), bytes(last or b"")


def _copy_folder(folder: Path, clock: Clock, old: int) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"before-v{old}-{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"before-v{old}-{stamp}-{n}"
    target.mkdir(mode=0o700)
    for name in COPIED:
        if (folder / name).is_file():
            shutil.copyfile(folder / name, target / name)
            os.chmod(target / name, 0o600)
            fd = os.open(target / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    keyfile.fsync_dir(target)
    keyfile.fsync_dir(folder)
    return target


def _same_bytes(folder: Path, target: Path) -> None:
    """Each copied file holds the same bytes as the vault's: the two hashed side by side, on
    threads of their own (SHA-256 and the reads let go of Python's lock: at 2,000,000 entries
    each is 5.5 GB)."""
    with concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="secrecy-desk-hash") as pool:
        for name in COPIED:
            if not (folder / name).is_file():
                continue
            theirs = pool.submit(crypto.sha256_file, folder / name)
            ours = pool.submit(crypto.sha256_file, target / name)
            if theirs.result() != ours.result():
                raise ValueError(f"{name} differs from its copy")


def _verify_copy(folder: Path, target: Path, master: bytes, old: int, store: db.Store) -> str:
    """The copy is the vault as it was: same bytes, opens, sound, same schema and trail."""
    _same_bytes(folder, target)
    copy = db.open_database(target / db.DB_NAME, master)
    try:
        # The same bytes as the vault's file (above): every table's and index's B-tree walked
        # and each of their pages' HMAC checked as it is read, table by table on two
        # connections (the quick check's walk); the full cross-check is verify's.
        if pagecheck.page_checks(copy, pagecheck.WorkBar(None, 1), quick=True, master=master):
            raise ValueError("the copy has integrity problems")
        if db.schema_version(copy) != old:
            raise ValueError("the copy has another schema version")
        if _last_audit(copy) != _last_audit(store):
            raise ValueError("the copy's audit trail differs")
    finally:
        copy.close()
    for leftover in (db.DB_NAME + "-wal", db.DB_NAME + "-shm"):
        with contextlib.suppress(FileNotFoundError):
            (target / leftover).unlink()
    return crypto.sha256_file(target / db.DB_NAME).hex()


def migrate(folder: Path, store: db.Store, master: bytes, clock: Clock) -> Upgrade | None:
    """``db.migrate(store)``, after a verified copy when the vault's schema is older."""
    old = db.schema_version(store)
    if not 0 < old < db.latest_version():
        db.migrate(store)  # nothing to upgrade (or refused: newer, or too old)
        return None
    # Everything committed goes into vault.db itself, so the copy of the file is complete.
    busy = store.one("PRAGMA wal_checkpoint(TRUNCATE)")
    target: Path | None = None
    try:
        if busy is None or int(busy[0]) != 0:
            raise ValueError("the write-ahead log could not be checkpointed")
        target = _copy_folder(folder, clock, old)
        digest = _verify_copy(folder, target, master, old, store)
    except (OSError, ValueError, VaultError, db.DatabaseError) as exc:
        if target is not None:
            shutil.rmtree(target, ignore_errors=True)
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The vault {path} must be upgraded to this version, but the copy made before "
                "the upgrade could not be written or did not verify ({reason}). Nothing was "
                "changed; free disk space in the vault folder or ask the system administrator.",
            ),
            path=str(folder),
            reason=str(exc),
        ) from exc
    new = db.migrate(store)
    return Upgrade(old, new, target, digest)


def record(vault: Vault, upgrade: Upgrade | None) -> None:
    """Write the upgrade into the audit trail and say so (nothing when there was none)."""
    if upgrade is None:
        return
    vault.upgraded = upgrade
    if vault.head_break is None:
        with vault.transaction():
            vault.log.append(
                audit_chain.SYSTEM,
                "vault.upgrade",
                "vault",
                details={
                    "from": upgrade.old,
                    "to": upgrade.new,
                    "copy": str(upgrade.copy),
                    "sha256": upgrade.sha256,
                },
            )
    print(notice(upgrade, detect_lang()), file=sys.stderr)


def notice(upgrade: Upgrade, lang: str) -> str:
    text = QT_TRANSLATE_NOOP(
        "Upgrade",  # CONTEXT, written out: lupdate reads only a literal context
        "The vault was upgraded from schema {old} to {new} after a verified backup of it was "
        "made in {path}.",
    )
    return translate(CONTEXT, text, lang).format(
        old=upgrade.old, new=upgrade.new, path=str(upgrade.copy)
    )

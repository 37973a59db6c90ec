"""Reading, verifying, sealing and exporting the audit trail — with who may read what.

The auditor reads everyone's records, the two other administrators' included; the secadmin
reads ordinary users' records; the sysadmin and business users read none (S3 §34, §37).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core import media
from secrecy_desk.core.cells import neutralise
from secrecy_desk.core.errors import PermissionDenied, ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import ADMIN_ROLES, Role
from secrecy_desk.vault import audit_chain, crypto, keyfile
from secrecy_desk.vault.aside import AsideRead
from secrecy_desk.vault.audit_chain import COLUMNS, AuditRecord, Seal, VerifyReport
from secrecy_desk.vault.session import Session

#: Records the secadmin may not read: the administrators' own and the system's.
_ADMIN_NAMES: Final = tuple(sorted({r.value for r in ADMIN_ROLES} | {"system", "recovery"}))
CSV_HEADER: Final = (
    "seq",
    "at",
    "account",
    "role",
    "workstation",
    "action",
    "object",
    "level",
    "outcome",
    "details",
    "prev_hash",
    "hash",
    "mac",
)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    since: date | None = None
    until: date | None = None
    account: str | None = None
    action: str | None = None
    limit: int | None = None
    offset: int = 0
    # Newest first, from the record before ``before`` (a page further down the list): a
    # page is then a range of the trail's own order, whatever its length.
    newest_first: bool = False
    before: int | None = None


def _scope(session: Session) -> tuple[str, list[object]]:
    principal = session.principal
    session.require_active_password()
    if Role.AUDITOR in principal.roles:
        return "1 = 1", []
    if Role.SECADMIN in principal.roles:
        marks = ",".join("?" * len(_ADMIN_NAMES))
        return f"role NOT IN ({marks})", list(_ADMIN_NAMES)
    raise PermissionDenied(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only the security auditor and the security administrator read the audit trail.",
        )
    )


def _where(session: Session, flt: AuditFilter) -> tuple[str, list[object]]:
    clause, params = _scope(session)
    parts = [clause]
    if flt.since:
        parts.append("at >= ?")
        params.append(audit_chain.iso(datetime.combine(flt.since, time.min).astimezone()))
    if flt.until:
        parts.append("at < ?")
        until = datetime.combine(flt.until + timedelta(days=1), time.min).astimezone()
        params.append(audit_chain.iso(until))
    if flt.account:
        parts.append("account = ? COLLATE NOCASE")
        params.append(flt.account)
    if flt.action:
        parts.append("(action = ? OR action LIKE ?)")
        params.extend([flt.action, flt.action + ".%"])
    if flt.before is not None:
        parts.append("seq < ?")
        params.append(flt.before)
    return " AND ".join(parts), params


def list_records(session: Session, flt: AuditFilter) -> list[AuditRecord]:
    where, params = _where(session, flt)
    order = "seq DESC" if flt.newest_first else "seq"
    sql = f"SELECT {COLUMNS} FROM audit WHERE {where} ORDER BY {order}"
    if flt.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([flt.limit, flt.offset])
    rows = session.vault.store.all(sql, params)
    with session.operation():
        session.audit("audit.view", "audit", details=_filter_details(flt, len(rows)))
    return [AuditRecord.from_row(r) for r in rows]


def count_records(session: Session, flt: AuditFilter) -> int:
    where, params = _where(session, flt)
    return int(session.vault.store.scalar(f"SELECT count(*) FROM audit WHERE {where}", params))


def count_aside(session: Session, flt: AuditFilter) -> AsideRead:
    """:func:`count_records` as a read to answer on a connection of its own, on another
    thread (:mod:`secrecy_desk.vault.aside`): at millions of records a filtered count takes
    seconds, and the audit tab shows its first page without waiting for it. Who may read the
    trail is checked here, on the calling thread."""
    where, params = _where(session, flt)
    return session.vault.asides.read(f"SELECT count(*) FROM audit WHERE {where}", params)


def _filter_details(flt: AuditFilter, count: int) -> dict[str, object]:
    return {
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
        "account": flt.account,
        "action": flt.action,
        "count": count,
    }


def seal_keys(session_or_kf: keyfile.KeyFile) -> list[bytes]:
    return [
        s.sign_public
        for s in session_or_kf.slots
        if s.role == Role.AUDITOR.value and s.sign_public is not None
    ]


def last_good_seal(session: Session) -> audit_chain.StartAt | None:
    """The newest seal whose signature verifies under an auditor's key of this vault and
    whose record still holds the hash that was signed: where a quick verification starts."""
    vault = session.vault
    trusted = set(seal_keys(vault.keyfile))
    rows = vault.store.all(
        "SELECT s.seq, s.hash, s.at, s.public, s.signature, a.hash FROM seals s "
        "JOIN audit a ON a.seq = s.seq ORDER BY s.seq DESC"
    )
    for seq, digest, at, public, signature, stored in rows:
        message = audit_chain.seal_message(vault.keyfile.vault_id, int(seq), bytes(digest), str(at))
        if (
            bytes(public) in trusted
            and bytes(stored) == bytes(digest)
            and crypto.signature_ok(bytes(public), message, bytes(signature))
        ):
            return audit_chain.StartAt(int(seq), bytes(digest))
    return None


def verify(
    session: Session,
    *,
    record: bool = True,
    quick: bool = False,
    progress: audit_chain.WalkProgress | None = None,
) -> VerifyReport:
    """The whole chain, every seal, and the head recorded in the key file. ``quick``: only
    the records after the last good seal (the seal covers those before it; the full walk is
    what proves them); every seal and the head are still checked."""
    session.require_active_password()
    vault = session.vault
    start = last_good_seal(session) if quick else None
    path = vault.store.path
    report = audit_chain.verify_chain(
        vault.store,
        vault.audit_key_for_verify(),
        vault.keyfile.vault_id,
        recorded_head=vault.keyfile.audit_head,
        db_generation=vault.db_generation(),
        keyfile_generation=vault.keyfile.generation,
        seal_keys=seal_keys(vault.keyfile),
        open_break=vault.head_break,
        start=start,
        progress=progress,
        parallel=None if path is None else audit_chain.ParallelOpen(path, vault.master_key()),
    )
    if record:
        with session.operation():
            session.audit(
                "audit.verify",
                "audit",
                outcome="ok" if report.intact else "broken",
                details={
                    "records": report.records,
                    "breaks": [f"{b.kind.value}@{b.seq}" for b in report.breaks[:20]],
                    **({"quick_from": report.first_seq} if quick else {}),
                },
            )
    return report


def seal(session: Session) -> Seal:
    """The auditor signs the current head with the seal key only their slot unwraps."""
    session.require_active_password()
    session.principal.require_role(Role.AUDITOR)
    slot = session.vault.keyfile.slot(session.account.slot_id)
    if slot is None or slot.sign_public is None or len(session.private) < 64:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This auditor account has no seal key."))
    sign_private = session.private[32:64]
    with session.operation() as store:
        made = audit_chain.add_seal(
            store,
            session.vault.log,
            session.actor,
            session.vault.keyfile.vault_id,
            sign_private,
            slot.sign_public,
        )
    session.vault.sync_head(force=True)
    return made


def seals(session: Session) -> list[Seal]:
    _scope(session)
    return [
        Seal(int(r[0]), int(r[1]), bytes(r[2]), str(r[3]), str(r[4]), bytes(r[5]), bytes(r[6]))
        for r in session.vault.store.all(
            "SELECT id, seq, hash, at, account, public, signature FROM seals ORDER BY id"
        )
    ]


def export_csv(
    session: Session, flt: AuditFilter, target: Path, *, overwrite: bool = False
) -> tuple[Path, Path, int]:
    """Write the records the account may read as CSV plus a detached signature file.

    The signature (the auditor's seal key, Ed25519) covers the CSV's SHA-256 and the head it
    was taken at. Removable media are refused, and the refusal is recorded."""
    session.require_active_password()
    session.principal.require_role(Role.AUDITOR)
    session.require_fixed_disk(target, "audit.export", str(target))
    for path in (target, target.with_name(target.name + ".sig")):
        media.refuse_existing(path, overwrite=overwrite)
    where, params = _where(session, flt)
    # Written a batch at a time into a file beside the target and hashed as it is written
    # (a year of a large unit's trail is a gigabyte of CSV: memory stays flat), then put in
    # place by rename in the transaction of its audit record.
    tmp = target.with_name(target.name + ".tmp")
    sha = hashlib.sha256()
    records = 0
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        try:
            buf = io.StringIO()
            writer = csv.writer(buf)
            writer.writerow(CSV_HEADER)
            encoding = "utf-8-sig"  # the byte-order mark once, at the start of the file
            batches = session.vault.store.batches(
                f"SELECT {COLUMNS} FROM audit WHERE {where} ORDER BY seq", params, EXPORT_BATCH
            )
            for batch in batches:
                for r in batch:
                    rec = AuditRecord.from_row(r)
                    # Logins, objects and details come from users: never a live formula in a
                    # spreadsheet (cells.restore gives the exact field back, to recompute the
                    # chain from the file).
                    cells = [neutralise(str(f)) for f in rec.fields]
                    writer.writerow([*cells, rec.prev_hash.hex(), rec.hash.hex(), rec.mac.hex()])
                records += len(batch)
                encoding = _write_chunk(fd, sha, buf, encoding)
            _write_chunk(fd, sha, buf, encoding)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    head = session.vault.log.head()
    slot = session.vault.keyfile.slot(session.account.slot_id)
    assert slot is not None
    assert slot.sign_public is not None
    digest = sha.digest()
    statement = json.dumps(
        {
            "file": target.name,
            "sha256": digest.hex(),
            "records": records,
            "head_seq": head.seq,
            "head_hash": head.hash.hex(),
            "exported_by": session.account.login,
            "exported_at": audit_chain.iso(session.clock.now()),
            "public_key": slot.sign_public.hex(),
        },
        sort_keys=True,
    )
    signature = crypto.sign(session.private[32:64], statement.encode())
    sig_path = target.with_name(target.name + ".sig")
    try:
        with session.operation():
            session.audit(
                "audit.export",
                str(target),
                level=Level.INTERNAL,
                details={"records": records, "sha256": digest.hex()},
            )
            os.replace(tmp, target)
            keyfile.fsync_dir(target.parent)
            keyfile.write_atomic(
                sig_path,
                json.dumps(
                    {"statement": json.loads(statement), "signature": signature.hex()},
                    indent=1,
                    ensure_ascii=False,
                ).encode(),
            )
    finally:
        tmp.unlink(missing_ok=True)
    return target, sig_path, records


#: Audit records read and written at a time by :func:`export_csv`.
EXPORT_BATCH: Final = 5000


def _write_chunk(fd: int, sha: Any, buf: io.StringIO, encoding: str) -> str:
    """Write what ``buf`` holds to ``fd`` and the hash, and empty it; the encoding of the
    next chunk (the byte-order mark only before the first)."""
    data = buf.getvalue().encode(encoding)
    buf.seek(0)
    buf.truncate()
    sha.update(data)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    return "utf-8"


def verify_export(csv_path: Path, sig_path: Path, trusted_keys: Iterable[bytes]) -> bool:
    """Check a CSV export against its signature file (no vault needed).

    ``trusted_keys`` are the auditor's seal keys (public, e.g. from the vault's key file): a
    signature is worth nothing unless its key is known to be the auditor's, since anyone can
    sign a forged export with a key of their own. A damaged signature file is simply invalid."""
    try:
        # The signature file is small; the export may be a gigabyte: hashed in chunks below.
        doc = json.loads(sig_path.read_text("utf-8"))
        statement = doc["statement"]
        body = json.dumps(statement, sort_keys=True).encode()
        public = bytes.fromhex(statement["public_key"])
        signature = bytes.fromhex(doc["signature"])
        expected = str(statement["sha256"])
    except (ValueError, KeyError, TypeError):
        return False
    if public not in set(trusted_keys):
        return False
    if crypto.sha256_file(csv_path).hex() != expected:
        return False
    return crypto.signature_ok(public, body, signature)


def purge(session: Session, before: date) -> int:
    session.require_active_password()
    session.principal.require_role(Role.AUDITOR)
    cutoff = datetime.combine(before, time.min).astimezone()
    with session.operation() as store:
        return audit_chain.purge_before(
            store, session.vault.log, session.actor, cutoff, session.settings.retention_days
        )

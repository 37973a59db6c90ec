"""The audit chain: every tamper case detected and named; records written with their action;
who reads what; seals, export, purge, and a clock that goes backwards."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from secrecy_desk.core import media
from secrecy_desk.core.errors import AuthError, PermissionDenied, ValidationError, VaultError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import audit_chain, crypto, db, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.audit_chain import BreakKind, VerifyReport
from secrecy_desk.vault.audit_review import (
    AuditFilter,
    count_aside,
    count_records,
    export_csv,
    list_records,
    purge,
    seal,
    verify,
    verify_export,
)
from secrecy_desk.vault.vault import RollbackDetected
from tests.support.vault import (
    AUDITOR,
    CLERK,
    OFFICER,
    PASSWORDS,
    SECADMIN,
    SYSADMIN,
    VaultEnv,
    one_sentence,
)

PAGE = 4096


# --- helpers --------------------------------------------------------------------------------


def activity(vault_env: VaultEnv, n: int = 6) -> None:
    """Some chained records from an ordinary session (no key derivation per record)."""
    s = vault_env.login(SECADMIN)
    try:
        for i in range(n):
            if i % 2:
                account_admin.grant(s, CLERK, clearance=Level.SECRET)
            else:
                account_admin.unlock_account(s, OFFICER)
    finally:
        s.logout()


def attacker(vault_env: VaultEnv, master: bytes) -> db.Store:
    """The database through the real key with the append-only triggers dropped."""
    store = vault_env.raw(master)
    store.execute("DROP TRIGGER audit_no_update")
    store.execute("DROP TRIGGER audit_no_delete")
    return store


def report(vault_env: VaultEnv) -> VerifyReport:
    s = sessions.login(
        vault_env.folder, AUDITOR, PASSWORDS[AUDITOR], clock=vault_env.clock, check_head=False
    )
    try:
        return verify(s, record=False)
    finally:
        s.logout()


def last_seq(vault_env: VaultEnv, master: bytes) -> int:
    store = vault_env.raw(master)
    try:
        return int(store.scalar("SELECT max(seq) FROM audit"))
    finally:
        store.close()


def audit_verify(vault_env: VaultEnv, lang: str = "en") -> tuple[int, str]:
    r = vault_env.cli_as(AUDITOR, ["audit", "verify"], lang=lang)
    assert "Traceback" not in r.err
    return r.code, r.out + r.err


def assert_first_break(vault_env: VaultEnv, kind: BreakKind, seq: int) -> None:
    """``audit verify`` exits 1 naming the first broken record and the kind of break."""
    code, text = audit_verify(vault_env)
    assert code == 1
    assert f"broken at record {seq} ({kind.value})" in text, text


# --- intact and tampered chains ---------------------------------------------------------------


def test_an_intact_chain_verifies(vault_env: VaultEnv) -> None:
    activity(vault_env)
    rep = report(vault_env)
    assert rep.intact
    assert rep.first_seq == 1
    assert rep.records == rep.last_seq
    code, text = audit_verify(vault_env)
    assert code == 0
    assert "intact" in text
    r = vault_env.cli_as(SYSADMIN, ["verify"])
    assert r.code == 0, r.err
    assert "audit trail intact" in r.out


@pytest.mark.parametrize("column", ["details", "at", "level"])
def test_a_changed_field_is_named(vault_env: VaultEnv, column: str) -> None:
    activity(vault_env)
    store = attacker(vault_env, vault_env.master_key())
    value = {"details": "forged", "at": "2026-01-01T00:00:00.000000Z", "level": 9}[column]
    store.execute(f"UPDATE audit SET {column} = ? WHERE seq = 7", (value,))
    store.close()
    assert_first_break(vault_env, BreakKind.CHANGED, 7)


def test_a_deleted_record_in_the_middle_is_missing(vault_env: VaultEnv) -> None:
    activity(vault_env)
    store = attacker(vault_env, vault_env.master_key())
    store.execute("DELETE FROM audit WHERE seq = 9")
    store.close()
    assert_first_break(vault_env, BreakKind.MISSING, 9)


@pytest.mark.parametrize("n", [1, 3])
def test_deleting_the_last_records_is_truncation_and_stays_reported(
    vault_env: VaultEnv, n: int
) -> None:
    activity(vault_env)
    master = vault_env.master_key()
    last = last_seq(vault_env, master)
    store = attacker(vault_env, master)
    store.execute("DELETE FROM audit WHERE seq > ?", (last - n,))
    store.close()
    r = vault_env.cli_as(SYSADMIN, ["users", "list"])
    assert r.code == 4
    one_sentence(r)
    assert "truncated" in r.err
    with pytest.raises(RollbackDetected):
        vault_env.login(CLERK)
    # Verifying opens it anyway and appends its own records; the truncation must still be
    # named as such, and stay reported on every later run.
    for _ in range(2):
        assert_first_break(vault_env, BreakKind.TRUNCATED, last - n + 1)
    r = vault_env.cli_as(SYSADMIN, ["verify"])
    assert r.code == 1
    assert "truncated" in r.out


def test_two_swapped_records_are_reordered(vault_env: VaultEnv) -> None:
    activity(vault_env)
    store = attacker(vault_env, vault_env.master_key())
    store.execute("UPDATE audit SET seq = -1 WHERE seq = 5")
    store.execute("UPDATE audit SET seq = 5 WHERE seq = 8")
    store.execute("UPDATE audit SET seq = 8 WHERE seq = -1")
    store.close()
    rep = report(vault_env)
    kinds = [(b.kind, b.seq, b.found) for b in rep.breaks]
    assert kinds[0] == (BreakKind.REORDERED, 5, "8")
    assert (BreakKind.REORDERED, 8, "5") in kinds
    code, text = audit_verify(vault_env)
    assert code == 1
    assert "broken at record 5 (reordered)" in text


def test_an_older_copy_of_the_whole_database_is_rolled_back(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    master = vault_env.master_key()
    old = tmp_path / "old.db"
    shutil.copy(vault_env.folder / db.DB_NAME, old)
    before = last_seq(vault_env, master)
    activity(vault_env)
    for name in (db.DB_NAME + "-wal", db.DB_NAME + "-shm"):
        (vault_env.folder / name).unlink(missing_ok=True)
    shutil.copy(old, vault_env.folder / db.DB_NAME)
    with pytest.raises(RollbackDetected) as caught:
        vault_env.login(OFFICER)
    assert caught.value.problem.kind is BreakKind.ROLLED_BACK
    r = vault_env.cli_as(SYSADMIN, ["users", "list"])
    assert r.code == 4
    one_sentence(r)
    assert "rolled back" in r.err
    r = vault_env.cli_as(AUDITOR, ["audit", "seal"])
    assert r.code == 4
    for _ in range(2):
        assert_first_break(vault_env, BreakKind.ROLLED_BACK, before + 1)
    r = vault_env.cli_as(SYSADMIN, ["verify"])
    assert r.code == 1
    assert "rolled back" in r.out


def test_an_older_copy_of_one_audit_page_is_detected(vault_env: VaultEnv, tmp_path: Path) -> None:
    path = vault_env.folder / db.DB_NAME
    master = vault_env.master_key()
    old = path.read_bytes()
    before = last_seq(vault_env, master)
    activity(vault_env, 2)
    new = path.read_bytes()
    current = last_seq(vault_env, master)
    # The pages that changed since the copy; keep those whose old version changes what the
    # audit table holds (its last leaf, not an index), as an attacker restoring "a bit of
    # history" would.
    audit_pages = []
    for n in range(1, min(len(old), len(new)) // PAGE + 1):
        a, b = old[(n - 1) * PAGE : n * PAGE], new[(n - 1) * PAGE : n * PAGE]
        if a == b:
            continue
        trial = tmp_path / f"trial{n}.db"
        trial.write_bytes(new[: (n - 1) * PAGE] + a + new[n * PAGE :])
        try:
            seen = _max_seq(trial, master)
        except (VaultError, db.DatabaseError):
            continue
        if seen != current:
            audit_pages.append(n)
    assert audit_pages, "no page of the audit table changed"
    n = audit_pages[0]
    path.write_bytes(new[: (n - 1) * PAGE] + old[(n - 1) * PAGE : n * PAGE] + new[n * PAGE :])
    # Both SQLCipher checks pass: the page is authentic, only old.
    store = db.open_database(path, master)
    assert store.all("PRAGMA cipher_integrity_check") == []
    store.close()
    rep = report(vault_env)
    assert not rep.intact
    first = rep.breaks[0]
    assert first.kind in {BreakKind.TRUNCATED, BreakKind.MISSING}
    assert first.seq == before + 1
    code, text = audit_verify(vault_env)
    assert code == 1
    assert f"broken at record {before + 1}" in text


def _max_seq(path: Path, master: bytes) -> int:
    store = db.open_database(path, master)
    try:
        return int(store.scalar("SELECT max(seq) FROM audit"))
    finally:
        store.close()


def _seal_now(vault_env: VaultEnv) -> int:
    s = vault_env.login(AUDITOR)
    try:
        return seal(s).seq
    finally:
        s.logout()


def test_forged_seals_are_named(vault_env: VaultEnv) -> None:
    activity(vault_env)
    sealed = _seal_now(vault_env)
    assert report(vault_env).intact
    store = attacker(vault_env, vault_env.master_key())
    row = store.one("SELECT seq, hash, at, account, public, signature FROM seals")
    assert row is not None
    seq, digest, at, account, public, signature = row
    assert seq == sealed
    # 1. the genuine seal's signature bytes altered
    bad = bytes(signature[:-1]) + bytes([signature[-1] ^ 1])
    store.execute(
        "INSERT INTO seals (seq, hash, at, account, public, signature) VALUES (?,?,?,?,?,?)",
        (seq, digest, at, account, public, bad),
    )
    # 2. a well-formed signature under a key that is not the auditor's
    other_private, other_public = crypto.new_ed25519()
    vault_id = keyfile.read(vault_env.folder).vault_id
    good = crypto.sign(other_private, audit_chain.seal_message(vault_id, seq, bytes(digest), at))
    store.execute(
        "INSERT INTO seals (seq, hash, at, account, public, signature) VALUES (?,?,?,?,?,?)",
        (seq, digest, at, account, other_public, good),
    )
    store.close()
    rep = report(vault_env)
    assert [(b.kind, b.seq) for b in rep.breaks] == [(BreakKind.FORGED_SEAL, seq)] * 2
    code, text = audit_verify(vault_env)
    assert code == 1
    assert f"broken at record {seq} (forged seal)" in text


@pytest.mark.parametrize("tamper", ["change", "delete", "swap"])
def test_breaks_are_named_alike_when_the_walk_goes_in_small_batches(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch, tamper: str
) -> None:
    """The walk checks a batch of records at once and goes record by record only through a
    batch with something wrong: with batches of three, the same first break is named."""
    monkeypatch.setattr(audit_chain, "WALK_BATCH", 3)
    activity(vault_env)
    store = attacker(vault_env, vault_env.master_key())
    if tamper == "change":
        store.execute("UPDATE audit SET details = 'forged' WHERE seq = 7")
    elif tamper == "delete":
        store.execute("DELETE FROM audit WHERE seq = 9")
    else:
        store.execute("UPDATE audit SET seq = -1 WHERE seq = 5")
        store.execute("UPDATE audit SET seq = 5 WHERE seq = 8")
        store.execute("UPDATE audit SET seq = 8 WHERE seq = -1")
    store.close()
    first = report(vault_env).breaks[0]
    expected = {
        "change": (BreakKind.CHANGED, 7),
        "delete": (BreakKind.MISSING, 9),
        "swap": (BreakKind.REORDERED, 5),
    }[tamper]
    assert (first.kind, first.seq) == expected


def test_quick_verify_walks_from_the_last_good_seal(vault_env: VaultEnv) -> None:
    """``verify --quick`` walks the records after the newest good seal (the signature checks
    and the sealed record still holds the signed hash) and names a break among them; the
    full walk is the one that also covers the records before the seal."""
    activity(vault_env)
    sealed = _seal_now(vault_env)
    activity(vault_env, 4)
    s = sessions.login(vault_env.folder, AUDITOR, PASSWORDS[AUDITOR], clock=vault_env.clock)
    try:
        told: list[tuple[int, int]] = []
        quick = verify(s, record=False, quick=True, progress=lambda d, t: told.append((d, t)))
        full = verify(s, record=False)
    finally:
        s.logout()
    assert quick.intact
    assert full.intact
    assert quick.first_seq == sealed + 1
    assert quick.records == full.last_seq - sealed
    assert told[-1] == (quick.records, quick.records)
    r = vault_env.cli_as(SYSADMIN, ["verify", "--quick"])
    assert r.code == 0, r.err
    assert f"after the seal on record {sealed}" in r.out
    r = vault_env.cli_as(SYSADMIN, ["verify"])
    assert "audit trail intact" in r.out

    store = attacker(vault_env, vault_env.master_key())
    store.execute("UPDATE audit SET details = 'forged' WHERE seq = ?", (sealed + 2,))
    store.close()
    r = vault_env.cli_as(SYSADMIN, ["verify", "--quick"])
    assert r.code == 1
    assert f"Record {sealed + 2} was changed" in r.out


def test_quick_verify_without_a_good_seal_walks_everything(vault_env: VaultEnv) -> None:
    activity(vault_env)
    sealed = _seal_now(vault_env)
    store = attacker(vault_env, vault_env.master_key())
    store.execute("UPDATE seals SET signature = zeroblob(64) WHERE seq = ?", (sealed,))
    store.close()
    s = sessions.login(vault_env.folder, AUDITOR, PASSWORDS[AUDITOR], clock=vault_env.clock)
    try:
        quick = verify(s, record=False, quick=True)
    finally:
        s.logout()
    assert quick.first_seq == 1
    assert [(b.kind, b.seq) for b in quick.breaks] == [(BreakKind.FORGED_SEAL, sealed)]


def test_a_consistent_rewrite_with_the_master_key_is_caught_by_the_seal(
    vault_env: VaultEnv,
) -> None:
    activity(vault_env)
    sealed = _seal_now(vault_env)
    activity(vault_env, 2)
    master = vault_env.master_key()
    store = attacker(vault_env, master)
    audit_key = bytes.fromhex(store.scalar("SELECT value FROM meta WHERE key = 'audit_key'"))
    rows = store.all(f"SELECT {audit_chain.COLUMNS} FROM audit ORDER BY seq")
    prev = audit_chain.genesis(keyfile.read(vault_env.folder).vault_id)
    for row in rows:
        rec = audit_chain.AuditRecord.from_row(row)
        fields = list(rec.fields)
        if rec.seq == 4:
            fields[9] = json.dumps({"login": "someone-else"})
        digest = audit_chain.chain_hash(prev, fields)
        store.execute(
            "UPDATE audit SET details = ?, prev_hash = ?, hash = ?, mac = ? WHERE seq = ?",
            (fields[9], prev, digest, audit_chain.chain_mac(audit_key, digest), rec.seq),
        )
        prev = digest
    store.close()
    # The attacker also moves the key file's head, with a valid MAC: only the seal is left.
    kf = keyfile.read(vault_env.folder)
    forged = replace(kf, audit_head=keyfile.AuditHead(rows[-1][0], prev)).signed(master)
    keyfile.write_atomic(vault_env.folder / keyfile.KEYFILE_NAME, forged.to_bytes())
    rep = report(vault_env)
    # The seal names the first changed record; the rollback anchor, kept outside the folder,
    # sees the rewrite too (the record it anchored has another hash now).
    assert (rep.breaks[0].kind, rep.breaks[0].seq) == (BreakKind.CHANGED, sealed)
    assert all(b.kind is BreakKind.CHANGED for b in rep.breaks)
    code, text = audit_verify(vault_env)
    assert code == 1
    assert f"broken at record {sealed}" in text


# --- records and actions ----------------------------------------------------------------------


def test_an_action_whose_audit_record_fails_does_not_happen(vault_env: VaultEnv) -> None:
    s = vault_env.login(SECADMIN)
    try:
        master = s.vault.master_for_tests()
        raw = db.open_database(vault_env.folder / db.DB_NAME, master)
        raw.execute(
            "CREATE TRIGGER refuse_grant BEFORE INSERT ON audit "
            "WHEN NEW.action = 'account.role.grant' "
            "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
        )
        with pytest.raises(VaultError, match="audit record could not be written"):
            account_admin.grant(s, OFFICER, roles=[Role.APPROVER])
        acc = s.vault.account(OFFICER)
        assert acc is not None
        assert acc.roles == {Role.OFFICER}
        assert not s.vault.store.in_transaction
        raw.execute("DROP TRIGGER refuse_grant")
        raw.close()
        assert account_admin.grant(s, OFFICER, roles=[Role.APPROVER]).roles == {
            Role.OFFICER,
            Role.APPROVER,
        }
    finally:
        s.logout()
    assert report(vault_env).intact


def test_update_and_delete_on_the_audit_table_are_refused(vault_env: VaultEnv) -> None:
    store = vault_env.raw()
    try:
        with pytest.raises(db.DatabaseError, match="append-only"):
            store.execute("UPDATE audit SET outcome = 'ok' WHERE seq = 2")
        with pytest.raises(db.DatabaseError, match="append-only"):
            store.execute("DELETE FROM audit WHERE seq = 2")
        with pytest.raises(db.DatabaseError, match="append-only"):
            store.execute("DELETE FROM audit")
    finally:
        store.close()


def test_who_reads_what(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError):  # a failed login, so the clerk has one more record
        vault_env.login(CLERK, "Wrong-Pass-2026")
    vault_env.login(CLERK).logout()
    aud = vault_env.login(AUDITOR)
    try:
        everything = list_records(aud, AuditFilter())
    finally:
        aud.logout()
    roles = {r.role for r in everything}
    assert {"system", "sysadmin", "secadmin", "auditor", "clerk"} <= roles
    sec = vault_env.login(SECADMIN)
    try:
        ordinary = list_records(sec, AuditFilter())
        clerk_only = list_records(sec, AuditFilter(account=CLERK, action="login"))
    finally:
        sec.logout()
    assert ordinary
    assert {r.role for r in ordinary} <= {"clerk", "officer", "approver", "-"}
    assert {r.action for r in clerk_only} >= {"login", "login.failed"}
    for login in (SYSADMIN, CLERK):
        s = vault_env.login(login)
        try:
            with pytest.raises(PermissionDenied):
                list_records(s, AuditFilter())
        finally:
            s.logout()
        r = vault_env.cli_as(login, ["audit", "list"])
        assert r.code == 3
        one_sentence(r)
    r = vault_env.cli_as(AUDITOR, ["audit", "list", "--account", SYSADMIN, "--action", "login"])
    assert r.code == 0
    assert SYSADMIN in r.out


def test_the_newest_pages_are_ranges_of_the_trail_and_the_count_is_read_aside(
    vault_env: VaultEnv,
) -> None:
    """The audit tab's pages: newest first, each the records before the last one shown — a
    range of the primary key, not an OFFSET that walks every older record (at 5M records
    the newest page by OFFSET took ~5 s); the count answered on a connection of its own."""
    clerk = vault_env.login(CLERK)
    try:
        with clerk.operation():
            for i in range(250):
                clerk.audit("test.noise", f"noise:{i}")
        with pytest.raises(PermissionDenied):
            count_aside(clerk, AuditFilter())
    finally:
        clerk.logout()
    s = vault_env.login(SECADMIN)  # who reads ordinary users' records
    try:
        flt = AuditFilter(action="test", newest_first=True, limit=100)
        pages: list[list[int]] = []
        before: int | None = None
        while page := list_records(s, replace(flt, before=before)):
            pages.append([r.seq for r in page])
            before = page[-1].seq
        every = [r.seq for r in list_records(s, AuditFilter(action="test"))]
        assert [len(p) for p in pages] == [100, 100, 50]
        assert [seq for p in pages for seq in p] == every[::-1]
        plan = " ".join(
            str(r[-1])
            for r in s.vault.store.all(
                "EXPLAIN QUERY PLAN SELECT seq FROM audit WHERE action = 'x' AND seq < ? "
                "ORDER BY seq DESC LIMIT 100",
                (every[-1],),
            )
        )
        assert "INTEGER PRIMARY KEY (rowid<?)" in plan, plan
        read = count_aside(s, AuditFilter(action="test"))
        assert read.scalar() == count_records(s, AuditFilter(action="test")) == 250
    finally:
        s.logout()


def test_only_the_auditor_seals_exports_and_purges(vault_env: VaultEnv, tmp_path: Path) -> None:
    s = vault_env.login(SECADMIN)
    try:
        with pytest.raises(PermissionDenied):
            seal(s)
        with pytest.raises(PermissionDenied):
            export_csv(s, AuditFilter(), tmp_path / "x.csv")
        with pytest.raises(PermissionDenied):
            purge(s, vault_env.clock.today())
    finally:
        s.logout()
    r = vault_env.cli_as(AUDITOR, ["audit", "seal"])
    assert r.code == 0, r.err
    assert "sealed at record" in r.out
    rep = report(vault_env)
    assert rep.intact
    assert rep.seals == 1


def test_export_is_signed_and_verifiable(vault_env: VaultEnv, tmp_path: Path) -> None:
    target = tmp_path / "out" / "audit.csv"
    target.parent.mkdir()
    r = vault_env.cli_as(AUDITOR, ["audit", "export", "--to", str(target)])
    assert r.code == 0, r.err
    sig = target.with_name("audit.csv.sig")
    kf = keyfile.read(vault_env.folder)
    trusted = [s.sign_public for s in kf.slots if s.sign_public is not None]
    assert verify_export(target, sig, trusted)
    text = target.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("seq,at,account")
    # Someone else's key, however valid its signature, is not the auditor's.
    assert not verify_export(target, sig, [crypto.new_ed25519()[1]])
    original = target.read_bytes()
    data = bytearray(original)
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    assert not verify_export(target, sig, trusted)
    target.write_bytes(original)
    assert verify_export(target, sig, trusted)
    doc = json.loads(sig.read_text("utf-8"))
    doc["signature"] = "zz" + doc["signature"][2:]
    sig.write_text(json.dumps(doc))
    assert not verify_export(target, sig, trusted)


def test_an_export_is_checked_in_chunks_not_read_whole(vault_env: VaultEnv, tmp_path: Path) -> None:
    """The check of an export (a year of a large unit's trail is a CSV of a gigabyte or more)
    hashes the file a chunk at a time: its memory does not grow with the file."""
    import tracemalloc

    target = tmp_path / "audit.csv"
    r = vault_env.cli_as(AUDITOR, ["audit", "export", "--to", str(target)])
    assert r.code == 0, r.err
    sig = target.with_name("audit.csv.sig")
    trusted = [s.sign_public for s in keyfile.read(vault_env.folder).slots if s.sign_public]
    with target.open("ab") as f:
        f.write(b"x" * (24 << 20))  # 24 MB more than was signed
    tracemalloc.start()
    try:
        assert not verify_export(target, sig, trusted)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


def test_export_to_removable_media_is_refused_and_recorded(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(media, "refusal", lambda path, **roots: "removable")
    target = tmp_path / "stick" / "audit.csv"
    r = vault_env.cli_as(AUDITOR, ["audit", "export", "--to", str(target)])
    assert r.code == 1
    one_sentence(r)
    assert "removable media" in r.err
    assert not target.exists()
    s = vault_env.login(AUDITOR)
    try:
        refused = list_records(s, AuditFilter(action="audit.export"))
    finally:
        s.logout()
    assert [(x.outcome, x.obj) for x in refused] == [("refused", str(target))]


def test_purge_keeps_180_days_and_leaves_a_chained_record(vault_env: VaultEnv) -> None:
    s = vault_env.login(AUDITOR)
    try:
        with pytest.raises(ValidationError, match="180 days"):
            purge(s, vault_env.clock.today())
    finally:
        s.logout()
    vault_env.clock.advance(timedelta(days=200))
    cutoff = (vault_env.clock.now() - timedelta(days=185)).date()
    store = vault_env.raw()  # the auditor's password would have expired meanwhile
    store.execute(
        "UPDATE accounts SET password_changed_at = ?", (audit_chain.iso(vault_env.clock.now()),)
    )
    store.close()
    s = vault_env.login(AUDITOR)
    try:
        with pytest.raises(ValidationError, match="Seal"):
            purge(s, cutoff)
        with pytest.raises(ValidationError, match="180 days"):
            purge(s, (vault_env.clock.now() - timedelta(days=170)).date())
        seal(s)
        before = report_count = len(list_records(s, AuditFilter()))
        removed = purge(s, cutoff)
        assert removed > 0
        after = list_records(s, AuditFilter())
        assert len(after) < before
        last_purge = [r for r in after if r.action == "audit.purge"]
        assert len(last_purge) == 1
        assert last_purge[0].details_dict()["count"] == removed
        assert report_count
        # What a backup reports as the records it holds, without counting them.
        counted = int(s.vault.store.scalar("SELECT count(*) FROM audit"))
        assert audit_chain.record_count(s.vault.store) == counted
    finally:
        s.logout()
    rep = report(vault_env)
    assert rep.intact, rep.breaks
    assert rep.first_seq == removed + 1
    code, _ = audit_verify(vault_env)
    assert code == 0


def test_a_clock_that_goes_backwards_is_recorded(vault_env: VaultEnv) -> None:
    vault_env.clock.advance(timedelta(days=-1))
    activity(vault_env, 1)
    s = vault_env.login(AUDITOR)
    try:
        flagged = list_records(s, AuditFilter(action="clock.backwards"))
    finally:
        s.logout()
    assert len(flagged) == 1
    assert flagged[0].outcome == "flagged"
    assert flagged[0].role == "system"
    assert report(vault_env).intact


def test_an_export_is_written_in_chunks_and_is_the_same_file(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export streams the trail a batch at a time (its memory does not grow with the
    trail) and the file is the same whatever the batch: one byte-order mark, every record,
    the signature over the whole file."""
    import tracemalloc

    from secrecy_desk.vault import audit_review

    s = vault_env.login(AUDITOR)
    try:
        with s.operation():
            for i in range(6000):
                s.audit("test.fill", f"记录 {i}", details={"n": i, "text": "x" * 200})
        whole = tmp_path / "whole.csv"
        monkeypatch.setattr(audit_review, "EXPORT_BATCH", 10**6)
        export_csv(s, AuditFilter(), whole)
        monkeypatch.setattr(audit_review, "EXPORT_BATCH", 7)
        chunked = tmp_path / "chunked.csv"
        tracemalloc.start()
        try:
            _csv, sig, records = export_csv(s, AuditFilter(), chunked)
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        s.logout()
    assert records > 6000
    data = chunked.read_bytes()
    assert data.count(b"\xef\xbb\xbf") == 1
    assert data.startswith(b"\xef\xbb\xbf")
    # The second export has the first one's audit record more, and nothing else differs.
    assert whole.read_bytes() in data
    assert len(data.splitlines()) == records + 1
    assert peak < len(data) // 4, (peak, len(data))
    trusted = [k.sign_public for k in keyfile.read(vault_env.folder).slots if k.sign_public]
    assert verify_export(chunked, sig, trusted)
    assert not list(tmp_path.glob("*.tmp"))

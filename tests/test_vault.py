"""The vault folder against every broken input: each gets exit 4 (or 3) and one sentence, and
nothing saved before is lost."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import AuthError, VaultError
from secrecy_desk.core.levels import Level
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import audit_chain, db, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.audit_review import seal_keys
from tests.support.vault import (
    AUDITOR,
    CLERK,
    NAMES,
    OFFICER,
    PASSWORDS,
    SECADMIN,
    SYSADMIN,
    T0,
    UNIT,
    CliResult,
    VaultEnv,
    build_vault,
    one_sentence,
)

DATA = Path(__file__).parent / "data"
PAGE = 4096


def users_list(vault_env: VaultEnv, folder: Path | None = None) -> CliResult:
    where = folder or vault_env.folder
    return vault_env.cli(
        ["users", "list", "--vault", str(where), "--as", SYSADMIN], PASSWORDS[SYSADMIN]
    )


def test_a_sound_vault_lists_its_accounts(vault_env: VaultEnv) -> None:
    r = users_list(vault_env)
    assert r.code == 0, r.err
    assert CLERK in r.out
    assert NAMES[OFFICER] in r.out


def test_flipped_bytes_in_page_one_are_refused_and_a_backup_still_opens(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    backup = tmp_path / "backup"
    shutil.copytree(vault_env.folder, backup)
    path = vault_env.folder / db.DB_NAME
    data = bytearray(path.read_bytes())
    for offset in (100, 2000, 4000):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)
    assert "damaged" in r.err
    assert users_list(vault_env, backup).code == 0


def test_a_flipped_byte_in_any_page_is_caught_by_open_or_verify(
    vault_env: VaultEnv, anchor_dir: Path
) -> None:
    path = vault_env.folder / db.DB_NAME
    clean = path.read_bytes()
    anchors = {f: f.read_bytes() for f in anchor_dir.iterdir()}
    pages = len(clean) // PAGE
    assert pages > 4
    for page in sorted({1, 2, pages // 3, pages // 2, pages - 1, pages}):
        data = bytearray(clean)
        data[(page - 1) * PAGE + 1500] ^= 0x01
        path.write_bytes(bytes(data))
        # The quick check too: its walk, shared table by table by two connections, reads every
        # page a table or an index holds (the vault has no free pages here).
        for verify in (["verify"], ["verify", "--quick"]):
            r = vault_env.cli_as(SYSADMIN, verify)
            assert r.code in {1, 4}, (page, verify, r)
            assert "Traceback" not in r.err + r.out
            if r.code == 4:
                one_sentence(r)
            else:
                assert "Database problem" in r.out, r.out
    # The clean file put back is an older copy than the vault the verifications wrote to; the
    # anchor goes back with it (as only someone who can write the anchor folder could do).
    path.write_bytes(clean)
    for f, saved in anchors.items():
        f.write_bytes(saved)
    assert vault_env.cli_as(SYSADMIN, ["verify"]).code == 0


def test_a_plain_sqlite_file_in_place_of_the_database(vault_env: VaultEnv) -> None:
    path = vault_env.folder / db.DB_NAME
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('vault_id', 'x')")
    conn.close()
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)
    assert "is not a Secrecy Desk vault database" in r.err


def test_a_key_file_from_another_vault(vault_env: VaultEnv, tmp_path: Path) -> None:
    # Same logins and passwords, so the foreign slots even unwrap: the database must refuse.
    other = tmp_path / "other"
    build_vault(other, FixedClock(T0))
    shutil.copy(other / keyfile.KEYFILE_NAME, vault_env.folder / keyfile.KEYFILE_NAME)
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)


def test_a_missing_key_file_names_the_previous_generation(vault_env: VaultEnv) -> None:
    (vault_env.folder / keyfile.KEYFILE_NAME).unlink()
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)
    assert "vault.key.prev" in r.err
    # The previous generation is a working way back when nothing changed since it was written.
    assert (vault_env.folder / keyfile.PREVIOUS_NAME).exists()


@pytest.mark.parametrize("keep", [0, 1, 200, -10])
def test_a_truncated_key_file(vault_env: VaultEnv, keep: int) -> None:
    path = vault_env.folder / keyfile.KEYFILE_NAME
    data = path.read_bytes()
    path.write_bytes(data[:keep])
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)
    assert "damaged" in r.err


def test_an_altered_key_file_is_refused(vault_env: VaultEnv) -> None:
    # Moving the head back (hiding records) breaks the key file's MAC.
    path = vault_env.folder / keyfile.KEYFILE_NAME
    kf = keyfile.read(vault_env.folder)
    forged = keyfile.KeyFile(
        kf.vault_id,
        kf.generation,
        kf.slots,
        kf.journal_public,
        keyfile.AuditHead(1, kf.audit_head.hash),
        kf.mac,
    )
    path.write_bytes(forged.to_bytes())
    r = users_list(vault_env)
    assert r.code == 4
    assert "altered" in r.err


@pytest.mark.parametrize("kind", ["empty", "missing", "other-files"])
def test_a_folder_that_is_not_a_vault(vault_env: VaultEnv, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "elsewhere"
    if kind != "missing":
        folder.mkdir()
    if kind == "other-files":
        (folder / "notes.txt").write_text("保密")
    r = users_list(vault_env, folder)
    assert r.code == 4
    one_sentence(r)
    assert "is not a Secrecy Desk vault" in r.err
    assert not (folder / db.LOCK_NAME).exists()


def test_a_vault_of_an_older_schema_opens_and_migrates(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(DATA / "vault-v1", folder)
    (folder / "README.md").unlink()
    master_probe = sessions.login(folder, "oldsys", "Old-Sys-2025", clock=clock)
    try:
        store = master_probe.vault.store
        assert db.schema_version(store) == db.latest_version() >= 2
        tables = {r[0] for r in store.all("SELECT name FROM sqlite_schema WHERE type='table'")}
        assert {"account_prefs", "drafts", "audit", "accounts"} <= tables
        assert master_probe.settings.unit == "旧版测试单位"
    finally:
        master_probe.logout()
    s = sessions.login(folder, "oldaud", "Old-Aud-2025", clock=clock)
    try:
        vault = s.vault
        report = audit_chain.verify_chain(
            vault.store,
            vault.audit_key_for_verify(),
            vault.keyfile.vault_id,
            recorded_head=vault.keyfile.audit_head,
            seal_keys=seal_keys(vault.keyfile),
        )
        assert report.intact
        assert report.records > 4
    finally:
        s.logout()


def test_a_vault_from_a_newer_version_is_refused(vault_env: VaultEnv) -> None:
    store = vault_env.raw()
    store.execute(f"PRAGMA user_version = {db.latest_version() + 1}")
    store.close()
    r = users_list(vault_env)
    assert r.code == 4
    one_sentence(r)
    assert "newer version" in r.err


def test_init_into_a_vault_folder_overwrites_nothing(vault_env: VaultEnv) -> None:
    before = {p.name: p.read_bytes() for p in vault_env.folder.iterdir() if p.is_file()}
    r = vault_env.cli(
        [
            "init",
            "--vault",
            str(vault_env.folder),
            "--unit",
            "另一单位",
            "--rating",
            "秘密",
            "--sysadmin",
            "sys2",
            "--secadmin",
            "sec2",
            "--auditor",
            "aud2",
        ],
        "Init-Pass-2026",
        "Init-Pass-2027",
        "Init-Pass-2028",
    )
    assert r.code == 4
    one_sentence(r)
    assert "already holds a vault" in r.err
    after = {p.name: p.read_bytes() for p in vault_env.folder.iterdir() if p.is_file()}
    assert after == before


HOLDER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    from secrecy_desk.core.clock import FixedClock
    from secrecy_desk.vault import session
    clock = FixedClock(datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc))
    s = session.login(Path(sys.argv[1]), sys.argv[2], sys.stdin.readline().rstrip("\\n"),
                      clock=clock)
    print("ready", flush=True)
    sys.stdin.readline()
    s.logout()
    print("closed", flush=True)
    """
)


def test_a_second_process_is_refused_while_the_vault_is_open(vault_env: VaultEnv) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault_env.folder), SECADMIN],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(PASSWORDS[SECADMIN] + "\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "ready"
        r = users_list(vault_env)
        assert r.code == 4
        one_sentence(r)
        assert "already open in another running copy" in r.err
        with pytest.raises(VaultError, match="already open"):
            vault_env.login(AUDITOR)
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "closed"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
    assert users_list(vault_env).code == 0


def _needles() -> list[str]:
    return [UNIT, "保密办", *NAMES.values(), SYSADMIN, SECADMIN, AUDITOR, CLERK, OFFICER]


def _assert_no_plaintext(path: Path, needles: list[str]) -> None:
    data = path.read_bytes()
    assert data, path
    for text in needles:
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            assert text.encode(enc) not in data, (path.name, text, enc)


def test_no_plaintext_in_the_vault_files(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError):  # a failure, so the journal exists too
        vault_env.login(CLERK, "Wrong-Pass-2026")
    s = vault_env.login(SECADMIN)
    try:
        # While open, with uncheckpointed writes in the WAL.
        account_admin.grant(s, CLERK, clearance=Level.SECRET)
        wal = vault_env.folder / (db.DB_NAME + "-wal")
        assert wal.stat().st_size > 0
        _assert_no_plaintext(wal, _needles())
    finally:
        s.logout()
    with pytest.raises(AuthError):
        vault_env.login(OFFICER, "Wrong-Pass-2026")
    for name in (db.DB_NAME, keyfile.KEYFILE_NAME, keyfile.PREVIOUS_NAME, "failures.journal"):
        _assert_no_plaintext(vault_env.folder / name, _needles())

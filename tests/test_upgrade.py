"""A vault of an older schema is copied, the copy verified, and only then migrated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import VaultError
from secrecy_desk.vault import anchor, db, upgrade
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.vault import RollbackDetected

V1 = Path(__file__).parent / "data" / "vault-v1"
LOGIN, PASSWORD = "oldsys", "Old-Sys-2025"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(V1, folder, ignore=shutil.ignore_patterns("README.md"))
    return folder


def copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("before-v*"))


def test_the_first_open_copies_verifies_then_migrates(
    old_vault: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    original = {name: (V1 / name).read_bytes() for name in ("vault.db", "vault.key")}
    s = sessions.login(old_vault, LOGIN, PASSWORD, clock=clock)
    try:
        assert db.schema_version(s.vault.store) == db.latest_version()
        [copy] = copies(old_vault)
        assert copy.name == f"before-v1-{clock.now():%Y%m%d-%H%M%S}"
        # The copy is the vault exactly as it was, and it opens at its old schema.
        for name, data in original.items():
            assert (copy / name).read_bytes() == data
        assert not (copy / db.LOCK_NAME).exists()
        assert not (copy / (db.DB_NAME + "-wal")).exists()
        store = db.open_database(copy / db.DB_NAME, s.vault.master_key())
        try:
            assert db.schema_version(store) == 1
            assert db.integrity_problems(store) == []
        finally:
            store.close()
        rows = s.vault.store.all("SELECT details FROM audit WHERE action = 'vault.upgrade'")
        assert len(rows) == 1
        details = json.loads(rows[0][0])
        assert details["from"] == 1
        assert details["to"] == db.latest_version()
        assert details["copy"] == str(copy)
    finally:
        s.logout()
    err = capsys.readouterr().err
    assert str(copy) in err
    assert err.count("\n") == 1  # one sentence
    # Already upgraded: the next open neither copies nor records again.
    s = sessions.login(old_vault, LOGIN, PASSWORD, clock=clock)
    try:
        assert len(copies(old_vault)) == 1
        n = s.vault.store.scalar("SELECT count(*) FROM audit WHERE action = 'vault.upgrade'")
        assert n == 1
    finally:
        s.logout()
    assert capsys.readouterr().err == ""


def test_a_copy_that_does_not_verify_stops_the_upgrade(
    old_vault: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_copy = upgrade._copy_folder

    def damaged_copy(folder: Path, clk: FixedClock, old: int) -> Path:
        target = real_copy(folder, clk, old)
        data = bytearray((target / db.DB_NAME).read_bytes())
        data[-100] ^= 0xFF  # one flipped byte, as a bad sector would
        (target / db.DB_NAME).write_bytes(bytes(data))
        return target

    monkeypatch.setattr(upgrade, "_copy_folder", damaged_copy)
    with pytest.raises(VaultError) as caught:
        sessions.login(old_vault, LOGIN, PASSWORD, clock=clock)
    assert caught.value.exit_code == 4
    assert "did not verify" in caught.value.message("en")
    assert copies(old_vault) == []
    assert (old_vault / "vault.db").read_bytes() == (V1 / "vault.db").read_bytes()
    monkeypatch.undo()
    # Nothing was migrated: the next (sound) attempt still finds schema 1 and upgrades it.
    s = sessions.login(old_vault, LOGIN, PASSWORD, clock=clock)
    try:
        assert db.schema_version(s.vault.store) == db.latest_version()
        assert len(copies(old_vault)) == 1
    finally:
        s.logout()


def test_the_copy_is_a_vault_the_older_program_opens_again(
    old_vault: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rolling back: the files of before-v1-… in a new folder are the schema-1 vault."""
    sessions.login(old_vault, LOGIN, PASSWORD, clock=clock).logout()
    [copy] = copies(old_vault)
    restored = tmp_path / "restored"
    restored.mkdir()
    for name in ("vault.db", "vault.key"):
        shutil.copyfile(copy / name, restored / name)
    assert (restored / "vault.db").read_bytes() == (V1 / "vault.db").read_bytes()
    # To this program the copy is an older copy (its rollback anchor has moved on) and opens
    # only read-only; the older program it is kept for knows no anchor. So: no anchor here.
    with pytest.raises(RollbackDetected):
        sessions.login(restored, LOGIN, PASSWORD, clock=clock)
    monkeypatch.setenv(anchor.ENV_DIR, str(tmp_path / "older-program-anchors"))
    s = sessions.login(restored, LOGIN, PASSWORD, clock=clock)
    try:
        assert s.settings.unit == "旧版测试单位"
    finally:
        s.logout()

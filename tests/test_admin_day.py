"""The administrators' day, core side: a restore over the open vault (checked, a pre-restore
copy, nothing lost on a refusal), the last good backup and its reminder, a disk error as one
sentence, the disengagement periods saved together."""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path

import pytest

from secrecy_desk.core.errors import DeskError, PermissionDenied, ValidationError, VaultError
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.registers import Query
from secrecy_desk.vault import backup, db
from tests.support.vault import OFFICER, PASSWORDS, SECADMIN, SYSADMIN, VaultEnv, make_vault

GIFT = {
    "recipient": "张三",
    "department": "一室",
    "kind": "礼品",
    "description": "茶叶两盒",
    "value": "300",
    "giver": "李四",
    "received_on": "2026-03-01",
}


def _gift(vault_env: VaultEnv) -> str:
    s = vault_env.login(OFFICER)
    try:
        return vault_env.registers(s).add("gifts", GIFT).entry.number
    finally:
        s.logout()


def _backup(vault_env: VaultEnv, target: Path) -> backup.BackupReport:
    s = vault_env.login(SYSADMIN)
    try:
        return backup.backup(s, target)
    finally:
        s.logout()


def _gifts(vault_env: VaultEnv) -> list[str]:
    s = vault_env.login(OFFICER)
    try:
        return [e.number for e in vault_env.registers(s).page("gifts", Query())]
    finally:
        s.logout()


def test_a_restore_puts_the_backup_in_place_and_keeps_a_copy_of_what_stood(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    first = _gift(vault_env)
    _backup(vault_env, tmp_path / "b1")
    second = _gift(vault_env)
    s = vault_env.login(SYSADMIN)
    done = backup.replace_vault(s, tmp_path / "b1", PASSWORDS[SYSADMIN])
    assert _gifts(vault_env) == [first]
    # The vault as it stood before the restore, in a verified copy beside it.
    assert done.before.folder.parent == vault_env.folder.parent
    assert "before-restore" in done.before.folder.name
    copy = backup._verified(done.before.folder, vault_env.master_key())
    assert copy is not None
    with_second = db.open_database(done.before.folder / db.DB_NAME, vault_env.master_key())
    try:
        # The copy holds the audit record of the second gift, which the restored vault lacks.
        saved = with_second.all("SELECT object FROM audit WHERE action = 'entry.create'")
        assert any(second in str(o) for (o,) in saved)
    finally:
        with_second.close()
    after = vault_env.login(SYSADMIN)
    try:
        actions = [r[0] for r in after.vault.store.all("SELECT action FROM audit")]
        assert "vault.restore" in actions
    finally:
        after.logout()
    leftovers = [p.name for p in vault_env.folder.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_a_restore_refuses_another_vault_a_damaged_backup_and_a_wrong_password(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    _gift(vault_env)
    good = tmp_path / "good"
    _backup(vault_env, good)
    other = make_vault(tmp_path / "other", vault_env.clock)
    foreign = tmp_path / "foreign"
    s = other.login(SYSADMIN)
    try:
        backup.backup(s, foreign)
    finally:
        s.logout()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for name in (db.DB_NAME, "vault.key"):
        (damaged / name).write_bytes((good / name).read_bytes())
    data = bytearray((damaged / db.DB_NAME).read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    (damaged / db.DB_NAME).write_bytes(bytes(data))
    gifts = len(_gifts(vault_env))
    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(VaultError) as wrong:
            backup.replace_vault(s, foreign, PASSWORDS[SYSADMIN])
        assert "another vault" in wrong.value.message("en")
        with pytest.raises(VaultError) as bad:
            backup.replace_vault(s, damaged, PASSWORDS[SYSADMIN])
        assert "damaged" in bad.value.message("en")
        with pytest.raises(VaultError) as none:
            backup.replace_vault(s, tmp_path, PASSWORDS[SYSADMIN])
        assert "does not hold" in none.value.message("en")
        with pytest.raises(DeskError):
            backup.replace_vault(s, good, "wrong password")
        s.require_active_password()  # still logged in: nothing happened
        restores = s.vault.store.all("SELECT seq FROM audit WHERE action = 'vault.restore'")
        assert restores == []
    finally:
        s.logout()
    assert len(_gifts(vault_env)) == gifts
    assert not any("before-restore" in p.name for p in tmp_path.iterdir())


def test_only_the_sysadmin_restores_over_the_vault(vault_env: VaultEnv, tmp_path: Path) -> None:
    _backup(vault_env, tmp_path / "b")
    s = vault_env.login(SECADMIN)
    try:
        with pytest.raises(PermissionDenied):
            backup.replace_vault(s, tmp_path / "b", PASSWORDS[SECADMIN])
    finally:
        s.logout()


def test_the_last_good_backup_and_its_reminder(vault_env: VaultEnv, tmp_path: Path) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        assert backup.last_good(s.vault.store) is None
        assert backup.overdue(s)
        backup.backup(s, tmp_path / "b")
        last = backup.last_good(s.vault.store)
        assert last is not None
        assert last.at == vault_env.clock.now()
        assert last.folder == str(tmp_path / "b")
        assert not backup.overdue(s)
        assert s.settings.backup_remind_days == 7
        vault_env.clock.advance(timedelta(days=8))
        assert backup.overdue(s)
        backup.set_reminder(s, 10)
        assert not backup.overdue(s)
        with pytest.raises(ValidationError):
            backup.set_reminder(s, 0)
        reminders = s.vault.store.all(
            "SELECT details FROM audit WHERE action = 'settings.backup_reminder'"
        )
        assert len(reminders) == 1
    finally:
        s.logout()
    again = vault_env.login(SYSADMIN)
    try:
        assert again.settings.backup_remind_days == 10
    finally:
        again.logout()


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "may not use it")],
    ids=["full disk", "unwritable folder"],
)
def test_a_disk_error_is_one_sentence_and_nothing_is_kept(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, "x", str(tmp_path / "b" / db.DB_NAME))

    monkeypatch.setattr(backup, "_stream_copy", fail)
    monkeypatch.setattr(backup, "_export", fail)
    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(VaultError) as failed:
            backup.backup(s, tmp_path / "b")
        text = failed.value.message("en")
        assert words in text
        assert "\n" not in text
        assert backup.last_good(s.vault.store) is None
    finally:
        s.logout()
    assert not (tmp_path / "b").exists()


def test_the_disengagement_periods_are_saved_together_or_not_at_all(vault_env: VaultEnv) -> None:
    s = vault_env.login(SECADMIN)
    try:
        with pytest.raises(ValidationError):
            lifecycle.set_disengagements(s, {"core": 30, "general": 13})
        assert s.settings.disengage_core_months == 36
        lifecycle.set_disengagements(s, {"core": 30, "important": 24, "general": 6})
        assert (s.settings.disengage_core_months, s.settings.disengage_general_months) == (30, 6)
        rows = s.vault.store.all(
            "SELECT details FROM audit WHERE action = 'settings.disengagement' ORDER BY seq"
        )
        assert len(rows) == 2  # the two that changed
    finally:
        s.logout()


def test_the_cli_refuses_a_damaged_backup_in_the_same_sentence(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    good = tmp_path / "good"
    _backup(vault_env, good)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    for name in (db.DB_NAME, "vault.key"):
        (damaged / name).write_bytes((good / name).read_bytes())
    data = bytearray((damaged / db.DB_NAME).read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    (damaged / db.DB_NAME).write_bytes(bytes(data))
    out = vault_env.cli(
        ["restore", "--from", str(damaged), "--vault", str(tmp_path / "new"), "--as", SYSADMIN],
        PASSWORDS[SYSADMIN],
    )
    assert out.code == 4
    assert out.err.strip() == (
        f"The backup in {damaged} is damaged and cannot be restored; nothing was changed."
    )
    assert not (tmp_path / "new" / db.DB_NAME).exists()

"""Every way a login can fail shows its own sentence at the form; a first login or an
expired password forces a change before the main window."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from secrecy_desk.core.i18n import translate
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.shell.login import LoginWindow
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import db
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from tests.support.vault import AUDITOR, CLERK, SECADMIN, SYSADMIN, VaultEnv

LANG = "zh_CN"
WRONG = translate("Errors", "Wrong account name or password.", LANG)


def window(qtbot: QtBot, vault_env: VaultEnv, folder: Path | None = None) -> LoginWindow:
    w = LoginWindow(folder or vault_env.folder, LANG, clock=vault_env.clock, params=MIN_PARAMS)
    qtbot.addWidget(w)
    w.show()
    return w


def attempt(w: LoginWindow, login: str, password: str) -> list[Session]:
    got: list[Session] = []
    w.logged_in.connect(got.append)
    w.account.setText(login)
    w.password.setText(password)
    w.attempt()
    return got


def test_right_password_logs_in(qtbot: QtBot, vault_env: VaultEnv) -> None:
    w = window(qtbot, vault_env)
    got = attempt(w, CLERK, vault_env.passwords[CLERK])
    assert len(got) == 1
    assert got[0].account.login == CLERK
    assert not w.password.text()
    got[0].logout()


def test_enter_in_the_password_field_logs_in(qtbot: QtBot, vault_env: VaultEnv) -> None:
    w = window(qtbot, vault_env)
    got: list[Session] = []
    w.logged_in.connect(got.append)
    QTest.keyClicks(w.account, CLERK)
    QTest.keyClicks(w.password, vault_env.passwords[CLERK])
    with qtbot.waitSignal(w.logged_in, timeout=10_000):
        QTest.keyClick(w.password, Qt.Key.Key_Return)
    got[0].logout()


def test_wrong_password(qtbot: QtBot, vault_env: VaultEnv) -> None:
    w = window(qtbot, vault_env)
    assert attempt(w, CLERK, "not-the-password") == []
    assert w.message.text() == WRONG
    assert w.login_button.isEnabled()
    assert not w.password.text()


def test_unknown_account_reads_the_same(qtbot: QtBot, vault_env: VaultEnv) -> None:
    w = window(qtbot, vault_env)
    assert attempt(w, "nobody", "whatever-1A") == []
    assert w.message.text() == WRONG


def test_locked_after_five_failures(qtbot: QtBot, vault_env: VaultEnv) -> None:
    w = window(qtbot, vault_env)
    for _ in range(5):
        attempt(w, CLERK, "wrong-Password-1")
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    assert CLERK in w.message.text()
    locked = translate(
        "Errors",
        "Account {login} is locked after too many failed logins. Ask the security "
        "administrator to unlock it.",
        LANG,
    ).format(login=CLERK)
    assert w.message.text() == locked


def test_disabled_account(qtbot: QtBot, vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    account_admin.disable_account(s, CLERK, "调离")
    s.logout()
    w = window(qtbot, vault_env)
    # The slot is gone with the key rotation, so a disabled account reads as unknown, or
    # as disabled where the slot still exists; either way it never logs in.
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    assert w.message.text()


def test_disabled_account_with_slot_says_disabled(qtbot: QtBot, vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    with s.operation() as store:
        store.execute("UPDATE accounts SET status = 'disabled' WHERE login = ?", (CLERK,))
    s.logout()
    w = window(qtbot, vault_env)
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    expected = translate(
        "Errors", "Account {login} is disabled and can no longer log in.", LANG
    ).format(login=CLERK)
    assert w.message.text() == expected


def test_vault_busy_in_another_copy(qtbot: QtBot, vault_env: VaultEnv) -> None:
    other = vault_env.login(AUDITOR)
    try:
        w = window(qtbot, vault_env)
        assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
        assert str(vault_env.folder) in w.message.text()
        assert w.message.text() != WRONG
    finally:
        other.logout()


def test_not_a_vault(qtbot: QtBot, vault_env: VaultEnv, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    w = window(qtbot, vault_env, empty)
    assert attempt(w, CLERK, "whatever-1A") == []
    assert str(empty) in w.message.text()


def test_damaged_database(qtbot: QtBot, vault_env: VaultEnv) -> None:
    path = vault_env.folder / db.DB_NAME
    data = bytearray(path.read_bytes())
    data[5000:9000] = b"\0" * 4000
    path.write_bytes(bytes(data))
    w = window(qtbot, vault_env)
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    assert w.message.text()
    assert w.message.text() != WRONG


def test_rolled_back_database(qtbot: QtBot, vault_env: VaultEnv, tmp_path: Path) -> None:
    saved = tmp_path / "old"
    saved.mkdir()
    for name in (db.DB_NAME, db.DB_NAME + "-wal", db.DB_NAME + "-shm"):
        if (vault_env.folder / name).exists():
            shutil.copy2(vault_env.folder / name, saved / name)
    for _ in range(3):  # enough activity to move the head recorded in the key file
        vault_env.login(SECADMIN).logout()
    for name in (db.DB_NAME, db.DB_NAME + "-wal", db.DB_NAME + "-shm"):
        (vault_env.folder / name).unlink(missing_ok=True)
        if (saved / name).exists():
            shutil.copy2(saved / name, vault_env.folder / name)
    w = window(qtbot, vault_env)
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    assert "审计员" in w.message.text() or "auditor" in w.message.text()


def test_first_login_forces_a_password_change(qtbot: QtBot, vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    account_admin.add_account(
        s, login_name="newbie", display_name="新人", password="Initial-Pass-1", params=MIN_PARAMS
    )
    s.logout()
    s = vault_env.login(SECADMIN)
    account_admin.grant(s, "newbie", roles=[Role.CLERK])
    s.logout()
    w = window(qtbot, vault_env)
    got = attempt(w, "newbie", "Initial-Pass-1")
    assert got == []
    dialog = w.password_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.old.setText("Initial-Pass-1")
    dialog.new.setText("short")
    dialog.confirm.setText("short")
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.message.text()  # the core's policy sentence
    dialog.new.setText("Second-Pass-22")
    dialog.confirm.setText("Second-Pass-22")
    with qtbot.waitSignal(w.logged_in, timeout=10_000) as blocker:
        dialog.submit()
    session = blocker.args[0]
    assert isinstance(session, Session)
    assert not session.must_change
    session.logout()
    again = sessions.login(vault_env.folder, "newbie", "Second-Pass-22", clock=vault_env.clock)
    again.logout()


def test_expired_password_forces_a_change_and_cancel_logs_out(
    qtbot: QtBot, vault_env: VaultEnv
) -> None:
    vault_env.clock.advance(timedelta(days=8))  # 机密 rating: change at least every 7 days
    w = window(qtbot, vault_env)
    assert attempt(w, CLERK, vault_env.passwords[CLERK]) == []
    dialog = w.password_dialog
    assert dialog is not None
    dialog.reject()
    assert w.password_dialog is None
    assert w.message.text()
    # The session was closed: the vault is free for the next login.
    vault_env.login(CLERK).logout()


@pytest.mark.parametrize("login", [""])
def test_empty_account_is_asked_for(qtbot: QtBot, vault_env: VaultEnv, login: str) -> None:
    w = window(qtbot, vault_env)
    assert attempt(w, login, "x") == []
    assert w.message.text()

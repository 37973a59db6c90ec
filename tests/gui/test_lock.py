"""Locking: Ctrl+L and idle lock hide the content, the same account's password unlocks,
wrong passwords count (and can lock the account), and anyone else can only close the
session — after the owner's unsaved work is kept as a draft in the vault."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from secrecy_desk.vault import audit_review, prefs
from secrecy_desk.vault.audit_review import AuditFilter
from tests.gui.conftest import MainFactory
from tests.support.vault import AUDITOR, CLERK, SECADMIN, SYSADMIN, VaultEnv


def actions(vault_env: VaultEnv, account: str) -> list[str]:
    s = vault_env.login(AUDITOR)
    try:
        return [r.action for r in audit_review.list_records(s, AuditFilter(account=account))]
    finally:
        s.logout()


def test_ctrl_l_locks_and_hides_everything(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert w.content.isVisible()
    QTest.keyClick(w.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.locked
    assert w.stack.currentWidget() is w.lock_screen
    assert not w.content.isVisible()
    assert not w.tabs.isVisible()
    assert not w.menuBar().isEnabled()
    assert not w.statusBar().isVisible()
    assert not w.lock_action.isEnabled()
    assert SECADMIN in w.lock_screen.who.text()


def test_idle_lock_after_the_timeout(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(SYSADMIN, idle_ms=80)
    assert w.idle.timer.isActive()
    qtbot.waitUntil(lambda: w.locked, timeout=3000)
    assert not w.idle.timer.isActive()  # no timer runs while locked


def test_input_postpones_the_idle_lock(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(SYSADMIN, idle_ms=400)
    qtbot.waitExposed(w)
    for _ in range(6):
        qtbot.wait(120)
        QTest.keyClick(w.tabs, Qt.Key.Key_Right)
    assert not w.locked
    qtbot.waitUntil(lambda: w.locked, timeout=3000)


def test_idle_timeout_comes_from_the_policy(main_window: MainFactory) -> None:
    w = main_window(SYSADMIN)
    minutes = w.session.settings.policy.idle_lock_minutes
    assert w.idle.timer.interval() == minutes * 60_000


def test_unlock_with_the_right_password(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(SECADMIN)
    w.lock()
    w.lock_screen.password.setText(vault_env.passwords[SECADMIN])
    w.lock_screen.try_unlock()
    assert not w.locked
    assert w.stack.currentWidget() is w.content
    assert w.menuBar().isEnabled()
    assert w.idle.timer.isActive()
    w._end(back_to_login=True)
    seen = actions(vault_env, SECADMIN)
    assert "session.lock" in seen
    assert "session.unlock" in seen


def test_wrong_passwords_count_and_lock_the_account(
    main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(SECADMIN)
    w.lock()
    w.lock_screen.password.setText("wrong-Password-1")
    w.lock_screen.try_unlock()
    assert w.locked
    assert w.lock_screen.message.text()
    assert w.session.account.failures == 1
    for _ in range(4):
        w.lock_screen.password.setText("wrong-Password-1")
        w.lock_screen.try_unlock()
    assert w.session.account.locked
    assert not w.lock_screen.unlock_button.isEnabled()
    assert not w.lock_screen.password.isEnabled()
    assert w.lock_screen.close_button.isEnabled()
    # Even the right password no longer unlocks.
    w.lock_screen.password.setText(vault_env.passwords[SECADMIN])
    w.lock_screen.try_unlock()
    assert w.locked


class FakeRegisterTab(QWidget):
    """Stands for a register tab with a half-typed entry (the contract the window uses)."""

    def __init__(self) -> None:
        super().__init__()
        self.restored: list[dict[str, Any]] = []

    def has_unsaved(self) -> bool:
        return True

    def unsaved_draft(self) -> dict[str, Any] | None:
        return {"number": None, "values": {"name": "未保存的内容"}}

    def restore_draft(self, payload: dict[str, Any]) -> None:
        self.restored.append(payload)


def test_another_person_can_only_close_the_session_and_the_draft_is_kept(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(SECADMIN)
    tab = FakeRegisterTab()
    qtbot.addWidget(tab)
    w.module_tabs["register:gifts"] = tab
    w.lock()
    asked: list[str] = []

    def ask(title: str, text: str, yes: str) -> bool:
        asked.append(text)
        return True

    w.ask = ask  # type: ignore[method-assign]  # the person answers "close session"
    with qtbot.waitSignal(w.ended) as blocker:
        w.lock_screen.close_button.click()
    assert blocker.args == [True]  # back to the login window
    assert asked
    assert w._ended
    s = vault_env.login(SECADMIN)
    try:
        drafts = prefs.drafts(s)
    finally:
        s.logout()
    assert [(k, p) for k, p, _ in drafts] == [
        ("register:gifts", {"number": None, "values": {"name": "未保存的内容"}})
    ]
    seen = actions(vault_env, SECADMIN)
    assert "session.close_locked" in seen
    assert "draft.save" in seen


def test_closing_the_window_while_locked_keeps_the_draft(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(SECADMIN)
    tab = FakeRegisterTab()
    qtbot.addWidget(tab)
    w.module_tabs["register:gifts"] = tab
    w.lock()
    w.close()
    assert w._ended
    s = vault_env.login(SECADMIN)
    try:
        assert [k for k, _, _ in prefs.drafts(s)] == ["register:gifts"]
    finally:
        s.logout()


def test_lock_dismisses_open_dialogs(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(SYSADMIN)
    w.accounts_tab.add_account()
    dialog = w.accounts_tab.dialog
    assert isinstance(dialog, QDialog)
    assert dialog.isVisible()
    w.lock()
    assert not dialog.isVisible()


def test_a_real_register_tab_draft_survives_a_closed_locked_session(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(CLERK)
    spec = w.ctx.registers.visible_registers()[0]
    w.show_register(spec.id)
    tab = w.register_tab(spec.id)
    tab.new_entry()  # type: ignore[attr-defined]  # RegisterTab
    field = next(f.name for f in spec.fields if f.type.value == "text")
    tab.editor.inputs[field].set_text("锁屏前未保存的内容")  # type: ignore[attr-defined]
    assert tab.has_unsaved()  # type: ignore[attr-defined]
    w.lock()
    w.ask = lambda *_args: True  # type: ignore[method-assign]  # "close session"
    with qtbot.waitSignal(w.ended):
        w.close_locked_session()

    again = main_window(CLERK)
    restored = again.register_tab(spec.id)
    assert restored.has_unsaved()  # type: ignore[attr-defined]
    assert restored.editor.values()[field] == "锁屏前未保存的内容"  # type: ignore[attr-defined]
    assert prefs.drafts(again.session) == []  # handed back, no longer stored

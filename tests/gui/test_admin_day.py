"""The administrators' day in the GUI over a real vault: the sysadmin backs up (with the home
tab's last backup and reminder following on the change bus), sets the reminder and restores over
the vault back to the login screen, refused with one sentence where the CLI refuses; the secadmin
sets the disengagement periods and the password policy, checked at the field; the auditor
prints the seal record; and nobody else sees these."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.admin import backup as backup_tab
from secrecy_desk.gui.admin.backup import BackupTab
from secrecy_desk.gui.admin.settings import SettingsTab
from secrecy_desk.gui.common import jobs
from secrecy_desk.modules.admin import BACKUP_TAB, SETTINGS_TAB
from secrecy_desk.vault import audit_review, backup
from tests.gui.conftest import DialogExport, MainFactory
from tests.support.vault import AUDITOR, CLERK, OFFICER, PASSWORDS, SECADMIN, SYSADMIN, VaultEnv


@pytest.mark.parametrize(
    ("login", "tabs", "prints_seal"),
    [
        (SYSADMIN, {BACKUP_TAB}, False),
        (SECADMIN, {SETTINGS_TAB}, False),
        (AUDITOR, set(), True),
        (CLERK, set(), False),
        (OFFICER, set(), False),
    ],
)
def test_each_administrator_sees_their_own_and_nobody_else_does(
    main_window: MainFactory, login: str, tabs: set[str], prints_seal: bool
) -> None:
    w = main_window(login)
    assert {k for k in w.tab_specs if k.startswith("admin:")} == tabs
    audit = getattr(w, "audit_tab", None)
    assert (audit is not None and audit.print_seal_button.isVisibleTo(audit)) is prints_seal
    assert w.home.backup_line.isVisibleTo(w.home) is (login == SYSADMIN)


def test_the_sysadmin_backs_up_and_the_home_tab_follows(
    main_window: MainFactory, vault_env: VaultEnv, tmp_path: Path
) -> None:
    w = main_window(SYSADMIN)
    home = w.home
    assert home.backup_line.text() == home.tr("Last good backup: none yet")
    assert home.backup_reminder.isVisibleTo(home)
    tab = w.module_tab(BACKUP_TAB)
    assert isinstance(tab, BackupTab)
    tab.target.setText(str(tmp_path / "b1"))
    tab.back_up()
    assert tab.result.property("role") == "ok"
    assert (tmp_path / "b1" / "vault.db").is_file()
    assert "2026" in home.backup_line.text()
    assert home.backup_line.text() != home.tr("Last good backup: none yet")
    assert not home.backup_reminder.isVisibleTo(home)
    # The reminder: a day older than the set number of days, and the home tab says so.
    tab.remind_days.setValue(3)
    tab.save_reminder()
    assert w.session.settings.backup_remind_days == 3
    from datetime import timedelta

    vault_env.clock.advance(timedelta(days=4))
    home.refresh()
    assert "3" in home.backup_reminder.text()
    assert home.backup_reminder.isVisibleTo(home)


def test_a_backup_is_refused_in_one_sentence_as_on_the_command_line(
    main_window: MainFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(SYSADMIN)
    tab = w.module_tab(BACKUP_TAB)
    assert isinstance(tab, BackupTab)
    monkeypatch.setattr("secrecy_desk.core.media.refusal", lambda path, **_: "removable")
    tab.target.setText(str(tmp_path / "stick"))
    tab.back_up()
    text = tab.result.text()
    assert text
    assert "\n" not in text
    assert "Traceback" not in text
    assert not (tmp_path / "stick").exists()
    assert w.home.backup_line.text() == w.home.tr("Last good backup: none yet")


def test_the_sysadmin_restores_over_the_vault_and_returns_to_the_login_screen(
    main_window: MainFactory, vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        backup.backup(s, tmp_path / "b1")
    finally:
        s.logout()
    w = main_window(SYSADMIN)
    tab = w.module_tab(BACKUP_TAB)
    assert isinstance(tab, BackupTab)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))

    def confirm(dialog: backup_tab.RestoreDialog) -> int:
        said.append(dialog.intro.text())
        dialog.password.setText(PASSWORDS[SYSADMIN])
        return 1

    monkeypatch.setattr(backup_tab.RestoreDialog, "exec", confirm)
    ended: list[bool] = []
    w.ended.connect(ended.append)
    tab.source.setText(str(tmp_path / "b1"))
    tab.restore()
    assert ended == [True]
    assert str(tmp_path / "b1") in said[0]
    assert "before-restore" in said[1]
    again = vault_env.login(SYSADMIN)
    try:
        actions = [a for (a,) in again.vault.store.all("SELECT action FROM audit")]
        assert "vault.restore" in actions
    finally:
        again.logout()


def test_the_check_of_a_backup_to_restore_shows_progress_and_can_be_cancelled(
    main_window: MainFactory,
    vault_env: VaultEnv,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Choosing a backup checks every page of it behind the progress dialog backups use;
    its Cancel stops the check and nothing else happens (no question, no warning)."""
    s = vault_env.login(SYSADMIN)
    try:
        backup.backup(s, tmp_path / "b1")
    finally:
        s.logout()
    w = main_window(SYSADMIN)
    tab = w.module_tab(BACKUP_TAB)
    assert isinstance(tab, BackupTab)
    real_check = backup.check_backup
    seen: list[tuple[int, int]] = []

    pressed = threading.Event()

    def held_check(session: Any, source: Path, progress: Any) -> Any:
        def until_cancelled(done: int, total: int) -> bool:
            seen.append((done, total))
            pressed.wait(10)  # held here until the dialog's Cancel
            return bool(progress(done, total))

        return real_check(session, source, until_cancelled)

    monkeypatch.setattr(backup, "check_backup", held_check)
    bars: list[QProgressDialog] = []
    real_dialog = jobs._progress_dialog

    def made(box: jobs.ProgressBox, job: jobs.Job) -> QProgressDialog:
        bars.append(real_dialog(box, job))
        return bars[-1]

    monkeypatch.setattr(jobs, "_progress_dialog", made)
    labels: list[str] = []

    def press_cancel() -> None:  # as the administrator pressing 取消, once the check runs
        if bars and seen:
            presser.stop()
            labels.append(bars[0].labelText())
            bars[0].canceled.emit()  # what its Cancel button does
            pressed.set()

    presser = QTimer()
    presser.timeout.connect(press_cancel)
    presser.start(20)
    asked: list[object] = []

    def never(dialog: backup_tab.RestoreDialog) -> int:
        asked.append(dialog)
        return 0

    monkeypatch.setattr(backup_tab.RestoreDialog, "exec", never)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: asked.append(a))
    tab.source.setText(str(tmp_path / "b1"))
    tab.restore()
    presser.stop()
    assert labels == ["正在检查备份…"]  # the check ran behind the progress dialog
    assert asked == []  # cancelled: no question, no warning
    assert not w._ended


def test_a_restore_of_another_folder_is_refused_and_nothing_changes(
    main_window: MainFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(SYSADMIN)
    tab = w.module_tab(BACKUP_TAB)
    assert isinstance(tab, BackupTab)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    (tmp_path / "empty").mkdir()
    tab.source.setText(str(tmp_path / "empty"))
    tab.restore()
    assert len(warned) == 1
    assert str(tmp_path / "empty") in warned[0]
    assert not w._ended


def test_the_secadmin_sets_the_periods_and_the_policy_checked_at_the_field(
    main_window: MainFactory,
) -> None:
    w = main_window(SECADMIN)
    tab = w.module_tab(SETTINGS_TAB)
    assert isinstance(tab, SettingsTab)
    core = tab.periods["core"]
    core.box.setValue(40)
    assert core.message.isVisibleTo(tab)
    assert "24" in core.message.text()
    assert not tab.periods_save.isEnabled()
    core.box.setValue(30)
    tab.periods["general"].box.setValue(6)
    assert not core.message.isVisibleTo(tab)
    assert tab.periods_save.isEnabled()
    tab.save_periods()
    settings = w.session.settings
    assert (settings.disengage_core_months, settings.disengage_general_months) == (30, 6)
    length = tab.policy_fields["min_length"]
    floor = length.limits[0]
    length.box.setValue(floor - 1)
    assert length.message.isVisibleTo(tab)
    assert not tab.policy_save.isEnabled()
    length.box.setValue(floor + 4)
    tab.save_policy()
    assert w.session.settings.policy.min_length == floor + 4
    store = w.session.vault.store
    assert store.all("SELECT count(*) FROM audit WHERE action = 'policy.change'") == [(1,)]
    assert store.all("SELECT count(*) FROM audit WHERE action = 'settings.disengagement'") == [(2,)]


def test_the_auditor_prints_the_seal_record(
    main_window: MainFactory, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(AUDITOR)
    audit_review.seal(w.session)
    export = DialogExport(w.ctx, qtbot, tmp_path)
    monkeypatch.setattr(
        "secrecy_desk.gui.admin.audit.open_print", lambda _parent, _ctx, make: export(make)
    )
    w.audit_tab.print_seal()
    assert len(export.made) == 1
    assert export.files
    assert export.made[0].printed[0].document.title == "审计日志封存记录"
    rows = w.session.vault.store.all("SELECT count(*) FROM audit WHERE action = 'audit.seal.print'")
    assert rows == [(1,)]

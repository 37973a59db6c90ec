"""The setup wizard end to end: unit and rating, three administrators with live policy hints,
the vault created, the recovery code shown once and its confirmation required."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.shell.wizard import SetupWizard
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.vault import is_vault

ADMINS = {
    Role.SYSADMIN: ("xitong", "系统甲", "Sys-Admin-2026a"),
    Role.SECADMIN: ("anquan", "安全乙", "Sec-Admin-2026b"),
    Role.AUDITOR: ("shenji", "审计丙", "Aud-Admin-2026c"),
}


def make(qtbot: QtBot, folder: Path, clock: FixedClock) -> SetupWizard:
    wizard = SetupWizard(folder, "zh_CN", params=MIN_PARAMS, clock=clock)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_admins(wizard: SetupWizard, admins: dict[Role, tuple[str, str, str]]) -> None:
    for role, (login, name, password) in admins.items():
        box = wizard.admins_page.boxes[role]
        box.login.setText(login)
        box.name.setText(name)
        box.password.setText(password)
        box.confirm.setText(password)


def test_wizard_creates_the_vault_and_shows_the_code_once(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "vault"
    wizard = make(qtbot, folder, clock)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # the unit name is required
    wizard.unit_page.unit.setText("某某研究所")
    wizard.unit_page.confidential.setChecked(True)
    assert next_button.isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.admins_page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    fill_admins(wizard, ADMINS)
    assert commit.isEnabled()
    wizard.next()

    assert is_vault(folder)
    assert wizard.currentPage() is wizard.recovery_page
    code = wizard.recovery_page.code.text()
    assert code == wizard.recovery_code
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4})+", code)
    # The passwords are gone from the form once the vault exists.
    assert all(not b.password.text() for b in wizard.admins_page.boxes.values())

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()  # Esc before confirming: refused, the code stays on screen
    assert wizard.isVisible()
    wizard.recovery_page.written.setChecked(True)
    assert finish.isEnabled()
    wizard.accept()
    assert not wizard.isVisible()

    session = sessions.login(folder, "xitong", ADMINS[Role.SYSADMIN][2], clock=clock)
    try:
        assert session.settings.unit == "某某研究所"
        assert session.settings.rating == Level.CONFIDENTIAL
        assert session.must_change  # the first login changes the initial password
    finally:
        session.logout()


def test_policy_hints_follow_the_rating(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> None:
    wizard = make(qtbot, tmp_path / "vault", clock)
    wizard.unit_page.unit.setText("单位")
    wizard.next()
    box = wizard.admins_page.boxes[Role.SYSADMIN]
    box.login.setText("xitong")
    box.name.setText("甲")
    box.password.setText("Abcdefg-12")  # 10 characters: enough for 机密 (the default)
    box.confirm.setText("Abcdefg-12")
    assert box.hints.satisfied()
    box.password.setText("abcdefghijkl")  # one class only
    assert not box.hints.satisfied()
    assert "✗" in box.hints.text()
    box.password.setText("Xitong-2026-a")  # contains the account name
    box.confirm.setText("Xitong-2026-a")
    assert not box.hints.satisfied()
    box.password.setText("Strong-2026-a")
    assert not box.hints.satisfied()  # the confirmation differs
    box.confirm.setText("Strong-2026-a")
    assert box.hints.satisfied()


def test_same_account_twice_is_refused(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "vault"
    wizard = make(qtbot, folder, clock)
    wizard.unit_page.unit.setText("单位")
    wizard.next()
    admins = dict(ADMINS)
    admins[Role.AUDITOR] = ("xitong", "审计丙", "Aud-Admin-2026c")
    fill_admins(wizard, admins)
    wizard.next()
    assert wizard.currentPage() is wizard.admins_page
    assert wizard.admins_page.message.text()
    assert not is_vault(folder)

"""A vault found rolled back, in the window: the security auditor gets a read-only session to
read, verify and export the audit trail, with a banner that says what was found; everyone else
gets the one sentence that names what is missing, and no session."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from secrecy_desk.gui.admin.audit import AuditTab
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.shell.login import LoginWindow
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from tests.gui.conftest import LANG
from tests.support.data import drawing
from tests.support.vault import AUDITOR, CLERK, OFFICER, VaultEnv


def _rolled_back(vault_env: VaultEnv, tmp_path: Path) -> None:
    """Copy the folder, add entries, put the copy back (the anchor outside keeps the truth)."""
    copy = tmp_path / "copy"
    shutil.copytree(vault_env.folder, copy)
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        for i in range(2):
            regs.add("drawings", drawing(drawing_no=f"RB-GUI-{i}"))
    finally:
        s.logout()
    shutil.rmtree(vault_env.folder)
    shutil.copytree(copy, vault_env.folder)


def _attempt(qtbot: QtBot, vault_env: VaultEnv, login: str) -> tuple[LoginWindow, list[Session]]:
    w = LoginWindow(vault_env.folder, LANG, clock=vault_env.clock, params=MIN_PARAMS)
    qtbot.addWidget(w)
    got: list[Session] = []
    w.logged_in.connect(got.append)
    w.account.setText(login)
    w.password.setText(vault_env.passwords[login])
    w.attempt()
    return w, got


def test_the_auditor_reads_a_rolled_back_vault_read_only(
    qtbot: QtBot, vault_env: VaultEnv, tmp_path: Path
) -> None:
    _rolled_back(vault_env, tmp_path)
    records = vault_env.folder / "vault.db"
    before = records.read_bytes()
    _w, got = _attempt(qtbot, vault_env, AUDITOR)
    assert len(got) == 1
    session = got[0]
    assert session.vault.head_break is not None
    ctx = AppContext(session, vault_env.forms, vault_env.registers(session), LANG)
    window = MainWindow(ctx, watch_os_lock=False, params=MIN_PARAMS)
    try:
        assert "只读" in window.banner.text()
        assert "更旧的副本" in window.banner.text()  # what was found, in the user's words
        tab = window.audit_tab
        assert isinstance(tab, AuditTab)
        assert not tab.seal_button.isEnabled()
        tab.verify()
        assert tab.result.text()  # the verification ran and said what it found
        target = tmp_path / "out" / "trail.csv"
        target.parent.mkdir()
        tab.export_to(target)
        assert b"seq,at,account" in target.read_bytes()[:40]
    finally:
        # Closed as the main window fixture closes one: the session first, then the window.
        window._end(back_to_login=False)
        window.close()
        window.deleteLater()
    # The evidence stays exactly as found: nothing was written into the vault.
    assert records.read_bytes() == before


def test_anyone_else_gets_the_sentence_and_no_session(
    qtbot: QtBot, vault_env: VaultEnv, tmp_path: Path
) -> None:
    _rolled_back(vault_env, tmp_path)
    for login in (CLERK, OFFICER):
        w, got = _attempt(qtbot, vault_env, login)
        assert got == []
        assert "更旧的副本" in w.message.text()
        assert "RB-GUI" not in w.message.text()

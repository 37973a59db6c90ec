"""The main window opens its register engine off the GUI thread: once after an upgrade that
start makes the search documents again (``records.reindex``), behind a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from secrecy_desk import app
from secrecy_desk.forms import FormSpec
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.records import reindex
from secrecy_desk.vault.db import Store
from secrecy_desk.vault.pagecheck import Progress
from tests.support.data import drawing
from tests.support.vault import OFFICER, VaultEnv


def test_the_search_documents_are_made_again_off_the_gui_thread(
    vault_env: VaultEnv, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = vault_env.login(OFFICER)
    try:
        vault_env.registers(s).add("drawings", drawing(), confirm=True)
    finally:
        s.logout()
    store = vault_env.raw()
    try:
        store.execute("DELETE FROM meta WHERE key = ?", (reindex.RECIPE_KEY,))
    finally:
        store.close()

    seen: list[tuple[str, bool]] = []
    rebuild = reindex.rebuild

    def watched(store: Store, specs: Iterable[FormSpec], progress: Progress | None = None) -> bool:
        seen.append((threading.current_thread().name, progress is not None))
        return rebuild(store, specs, progress)

    monkeypatch.setattr(reindex, "rebuild", watched)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    desk = app.Desk(qapp, Path(vault_env.folder), "zh_CN")
    desk.show_login()
    session = vault_env.login(OFFICER)
    try:
        desk.open_main(session)
        window = desk.window
        assert isinstance(window, MainWindow)
        assert seen == [("secrecy-desk-job", True)]
        assert window.ctx.registers.planner.scoped
        assert reindex.current(session.vault.store, window.ctx.forms.registers)
    finally:
        window = desk.window
        if isinstance(window, MainWindow) and not window._ended:
            window._end(back_to_login=True)  # ends the session, the login window again
            window.close()
        if not session.vault.closed:
            session.logout()
        if desk.login is not None:
            desk.login.close()
            desk.login.deleteLater()

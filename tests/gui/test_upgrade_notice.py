"""A vault upgraded at login says so in the window, not only on a terminal nobody reads: the
schema it came from and where the verified copy made before the upgrade was put."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.modules import registry
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.gui.conftest import LANG
from tests.support.vault import shipped_forms

V1 = Path(__file__).parent.parent / "data" / "vault-v1"


def _window(qtbot: QtBot, folder: Path, clock: FixedClock) -> MainWindow:
    session = sessions.login(folder, "oldsys", "Old-Sys-2025", clock=clock)
    forms = shipped_forms()
    ctx = AppContext(session, forms, registry.open_registers(session, forms), LANG)
    window = MainWindow(ctx, watch_os_lock=False, params=MIN_PARAMS)
    qtbot.addWidget(window)
    return window


def _close(window: MainWindow) -> None:
    window._end(back_to_login=False)
    window.close()


def test_the_window_names_the_upgrade_and_the_copy_made_before_it(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    folder = tmp_path / "v1"
    shutil.copytree(V1, folder, ignore=shutil.ignore_patterns("README.md"))
    window = _window(qtbot, folder, clock)
    try:
        [copy] = sorted(folder.glob("before-v*"))
        assert not window.upgrade_notice.isHidden()
        text = window.upgrade_notice.text()
        assert "升级" in text
        assert str(copy) in text
    finally:
        _close(window)
    # Said once: the next login to the same (now current) vault shows no notice.
    window = _window(qtbot, folder, clock)
    try:
        assert window.upgrade_notice.isHidden()
    finally:
        _close(window)

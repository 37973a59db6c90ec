"""GUI test fixtures: offscreen Qt with the bundled font, the stylesheet and the Chinese
translations installed once, and a factory for main windows over the test vault that ends
every session it opened (no leaked vault locks, windows or timers).

The vault fixtures (``vault_env``, ``clock``) come from ``tests/conftest.py``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms, load_all
from secrecy_desk.gui.common import fonts, style
from secrecy_desk.gui.common.collector import GuiCollector
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.i18n import install_translators
from secrecy_desk.gui.common.print_dialog import MakeJob, PrintDialog, make_draft
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.printing import Printout
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.vault import VaultEnv

LANG = "zh_CN"


@pytest.fixture(scope="session", autouse=True)
def desk_qapp(qapp: QApplication) -> Iterator[QApplication]:
    """The application as ``secrecy-desk`` sets it up: font, style, Chinese, and cycles
    collected on the GUI thread only."""
    fonts.install(qapp)
    style.apply(qapp)
    install_translators(qapp, LANG)
    collector = GuiCollector(qapp)
    collector.start()
    yield qapp
    collector.stop()


@pytest.fixture(scope="session")
def forms() -> Forms:
    return load_all()


MainFactory = Callable[..., MainWindow]


@pytest.fixture
def main_window(vault_env: VaultEnv, qtbot: QtBot, forms: Forms) -> Iterator[MainFactory]:
    """``main_window(login, idle_ms=None)``: the main window of a fresh session."""
    opened: list[MainWindow] = []

    def make(login: str, *, idle_ms: int | None = None) -> MainWindow:
        session = vault_env.login(login)
        ctx = AppContext(session, forms, open_registers(session, forms), LANG)
        window = MainWindow(ctx, idle_ms=idle_ms, watch_os_lock=False, params=MIN_PARAMS)
        # A question nobody answers would block the test: the default answer is "cancel";
        # a test that wants "yes" replaces ``ask`` itself.
        window.ask = lambda *_args: False  # type: ignore[method-assign]
        window.show()
        opened.append(window)
        return window

    yield make
    # Not handed to qtbot: its teardown closes widgets before this one runs, and closing a
    # window with unsaved work asks a question. The session is ended here, then the window.
    for window in opened:
        if not window._ended:
            window._end(back_to_login=False)
        window.close()
        window.deleteLater()


class DialogExport:
    """Stands in for a tab's ``open_print``: opens the real print dialog on the job and exports
    it to a PDF file in ``folder`` (as a user choosing 导出PDF…), keeping every print made."""

    def __init__(self, ctx: AppContext, qtbot: QtBot, folder: Path) -> None:
        self.ctx = ctx
        self.qtbot = qtbot
        self.folder = folder
        self.made: list[Printout] = []
        self.files: list[Path] = []

    def __call__(self, make_job: MakeJob) -> list[Printout]:
        dialog = PrintDialog(self.ctx, make_job, make_draft(self.ctx, make_job))
        self.qtbot.addWidget(dialog)
        target = self.folder / f"print-{len(self.files) + 1}.pdf"
        written = dialog.export_to(target)
        if written is not None:
            self.files.append(written)
        self.made.extend(dialog.printouts)
        return list(dialog.printouts)

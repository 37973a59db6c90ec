"""``secrecy-desk``: the composition root of the desktop program.

It hardens the process, creates the Qt application, registers the bundled font, installs the
translations, and then runs the flow: setup wizard (no vault yet) → login window → main
window → (logout or a closed locked session) → login window again. This is the only module
that wires the vault, the forms, the registers and the GUI together."""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from secrecy_desk.core import guard
from secrecy_desk.core.bootstrap import harden_process
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import detect_lang, normalize_lang
from secrecy_desk.gui.common import fonts, style
from secrecy_desk.gui.common.collector import GuiCollector
from secrecy_desk.gui.common.i18n import install_translators
from secrecy_desk.gui.common.jobs import ProgressBox, run_job
from secrecy_desk.gui.shell.login import LoginWindow, center
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import is_vault

APP_NAME: Final = "Secrecy Desk"
#: When set, the path of a file that receives the time the first window was shown, after
#: which the program quits (used by ``tests/bench/bench_gui_start.py`` only).
PROBE_ENV: Final = "SECRECY_DESK_STARTUP_PROBE"


def data_home() -> Path:
    """``$XDG_DATA_HOME/secrecy-desk``, by default ``~/.local/share/secrecy-desk``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "secrecy-desk"


def default_vault() -> Path:
    return data_home() / "vault"


def demo_vault() -> Path:
    return data_home() / "demo"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="secrecy-desk", description="Secrecy Desk (保密台账工作站)"
    )
    parser.add_argument("--vault", type=Path, help="vault folder (default: %(default)s)")
    parser.add_argument("--lang", help="zh_CN (default) or en")
    parser.add_argument(
        "--demo", action="store_true", help="open the demo vault, creating it if needed"
    )
    args = parser.parse_args(argv)
    args.lang = normalize_lang(args.lang) if args.lang else detect_lang()
    if args.vault is None:
        args.vault = demo_vault() if args.demo else default_vault()
    args.vault = args.vault.expanduser().absolute()
    return args


class ErrorReporter:
    """``sys.excepthook`` for the event loop: one clear dialog, never a traceback.

    The traceback goes to the program's log file only (:mod:`secrecy_desk.core.guard`);
    standard error and the dialog get the one sentence. Nothing is lost by
    carrying on: every save is one transaction, so what was saved stays saved."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        # The traceback goes to the log file only; the screen gets one sentence.
        text = guard.sentence(exc, self.lang)
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(text + "\n")
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Secrecy Desk"), text)
        finally:
            self._showing = False


class Desk(QObject):
    """The flow between the windows of one program run."""

    def __init__(self, app: QApplication, folder: Path, lang: str, *, demo: bool = False) -> None:
        super().__init__()
        self.app = app
        self.folder = folder
        self.lang = lang
        self.demo = demo
        self.login: LoginWindow | None = None
        self.window: QWidget | None = None
        self.first_shown: float | None = None

    def start(self) -> None:
        if self.demo and not is_vault(self.folder) and not self._create_demo():
            self.app.quit()
            return
        if is_vault(self.folder):
            self.show_login()
        else:
            self.show_wizard()

    def _create_demo(self) -> bool:
        from secrecy_desk.demo.vault import create_demo  # noqa: PLC0415 - only for --demo

        note = QLabel(QCoreApplication.translate("App", "Creating the demo vault… (a few seconds)"))
        note.setMargin(24)
        note.setWindowTitle(QCoreApplication.translate("App", "Secrecy Desk"))
        note.show()
        center(note)
        try:
            run_job(lambda: create_demo(self.folder))
        except DeskError as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("App", "Secrecy Desk"), exc.message(self.lang)
            )
            return False
        finally:
            note.close()
        return True

    def _shown(self, widget: QWidget) -> None:
        widget.show()
        center(widget)
        widget.raise_()
        widget.activateWindow()
        if self.first_shown is None:
            self.first_shown = time.time()
            probe = os.environ.get(PROBE_ENV)
            if probe:
                QTimer.singleShot(0, lambda: self._probe(Path(probe)))

    def _probe(self, path: Path) -> None:
        self.app.processEvents()
        path.write_text(repr(time.time()), encoding="ascii")
        self.app.quit()

    def show_wizard(self) -> None:
        from secrecy_desk.gui.shell.wizard import SetupWizard  # noqa: PLC0415 - first start only

        wizard = SetupWizard(self.folder, self.lang)
        wizard.finished.connect(lambda _result: self._wizard_done(wizard))
        self.window = wizard
        self._shown(wizard)

    def _wizard_done(self, wizard: QWidget) -> None:
        wizard.deleteLater()
        if is_vault(self.folder):
            self.show_login()
        else:
            self.app.quit()

    def _demo_accounts(self) -> list[tuple[str, str, str]]:
        if not self.demo:
            return []
        from secrecy_desk.demo.vault import ADMINS, USERS  # noqa: PLC0415 - only for --demo
        from secrecy_desk.gui.common.labels import role_label  # noqa: PLC0415 - idem

        return [(a.login, a.password, role_label(a.role)) for a in (*USERS, *ADMINS)]

    def show_login(self) -> None:
        if self.login is None:
            self.login = LoginWindow(self.folder, self.lang, demo_accounts=self._demo_accounts())
            self.login.logged_in.connect(self.open_main)
            self.login.closed.connect(self.app.quit)
        self.login.reset()
        self._shown(self.login)

    def open_main(self, session: Session) -> None:
        from secrecy_desk.forms import load_all  # noqa: PLC0415 - after login: faster start
        from secrecy_desk.gui.common.context import AppContext  # noqa: PLC0415 - idem
        from secrecy_desk.gui.shell.main_window import MainWindow  # noqa: PLC0415 - idem
        from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - idem

        try:
            forms = load_all()
            # Once after an upgrade the engine's start makes the search documents again (a
            # minute or two on a large vault): off the GUI thread, its progress shown.
            box = ProgressBox(
                self.login,
                QCoreApplication.translate(
                    "App",
                    "Opening the registers… Once after an upgrade the search index is made "
                    "again: a few minutes on a large vault.",
                ),
                QCoreApplication.translate("App", "Later"),
            )
            registers = run_job(lambda p: open_registers(session, forms, p), progress=box)
            ctx = AppContext(session, forms, registers, self.lang)
            window = MainWindow(ctx)
        except BaseException:
            session.logout()
            raise
        window.ended.connect(self._ended)
        self.window = window
        assert self.login is not None
        self.login.hide()
        window.show()
        window.raise_()
        window.activateWindow()

    def _ended(self, back_to_login: bool) -> None:
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
        if back_to_login:
            self.show_login()
        else:
            self.app.quit()


def main(argv: Sequence[str] | None = None) -> int:
    """The program; anything unforeseen, even before the window exists (a bad argument, a
    missing display library), is one sentence and a log line, never a traceback."""
    # In the bundle, a worker process of the audit walk starts as this program: it runs its
    # task here and exits (a no-op when not frozen).
    multiprocessing.freeze_support()
    lang = normalize_lang(None)
    try:
        lang = _lang_of(sys.argv[1:] if argv is None else argv)
        return _main(argv)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(guard.sentence(exc, lang) + "\n")
        return 1


def _lang_of(argv: Sequence[str]) -> str:
    items = list(argv)
    for i, a in enumerate(items):
        if a == "--lang" and i + 1 < len(items):
            return normalize_lang(items[i + 1])
        if a.startswith("--lang="):
            return normalize_lang(a.split("=", 1)[1])
    return detect_lang()


def _main(argv: Sequence[str] | None) -> int:
    args = parse_args(argv)
    harden_process()
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setQuitOnLastWindowClosed(False)
    fonts.install(app)
    style.apply(app)
    install_translators(app, args.lang)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Secrecy Desk"))
    sys.excepthook = ErrorReporter(args.lang)
    desk = Desk(app, args.vault, args.lang, demo=args.demo)
    collector = GuiCollector(app)  # cycles collected on the GUI thread only (see the module)
    collector.start()
    QTimer.singleShot(0, desk.start)
    try:
        return app.exec()
    finally:
        collector.stop()


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of the main screens, taken from real windows on an X display.

Run under Xvfb (no window manager, so the images show the window content)::

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python -m scripts.screenshots

It builds a fresh demo vault in a temporary folder (at the Argon2 floor, to be quick), drives
the same windows ``secrecy-desk`` shows, and writes ``docs/screenshots/{wizard,login,
main-home,main-register,help-shortcuts,lock,commitments,approvals,admin-home,admin-backup,
admin-settings,accounts,audit}.png``. ``--lang en`` writes the English variants beside them
with an ``-en`` suffix."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from secrecy_desk.core.roles import Role
from secrecy_desk.demo.vault import ADMINS, USERS, create_demo
from secrecy_desk.forms import load_all
from secrecy_desk.gui.admin.backup import BackupTab
from secrecy_desk.gui.admin.settings import SettingsTab
from secrecy_desk.gui.approvals.tab import ApprovalsTab
from secrecy_desk.gui.common import fonts, style
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.i18n import install_translators
from secrecy_desk.gui.common.labels import role_label
from secrecy_desk.gui.shell.login import LoginWindow, center
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.gui.shell.wizard import SetupWizard
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import audit_review, checkup
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault import vault as vault_mod
from secrecy_desk.vault.crypto import MIN_PARAMS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 300) -> None:
    """Let the window map, lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(app: QApplication, widget: QWidget, name: str, suffix: str) -> Path:
    widget.raise_()
    widget.activateWindow()
    settle(app)
    screen = widget.screen() or app.primaryScreen()
    assert screen is not None
    image = screen.grabWindow(widget.winId())
    path = OUT / f"{name}{suffix}.png"
    image.save(str(path))
    print(path.relative_to(ROOT))
    return path


def account(login: str) -> tuple[str, str]:
    for a in (*ADMINS, *USERS):
        if a.login == login:
            return a.login, a.password
    raise KeyError(login)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    lang = args.lang
    suffix = "" if lang == "zh_CN" else f"-{lang}"
    OUT.mkdir(parents=True, exist_ok=True)
    vault_mod._params_cache[:] = [MIN_PARAMS]  # no calibration: screenshots, not security

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    fonts.install(app)
    style.apply(app)
    install_translators(app, lang)

    with tempfile.TemporaryDirectory() as tmp:
        # 1. The wizard, on the recovery code page.
        wizard = SetupWizard(Path(tmp) / "new-vault", lang, params=MIN_PARAMS)
        wizard.show()
        center(wizard)
        wizard.unit_page.unit.setText("某某研究所")
        wizard.next()
        people = {
            Role.SYSADMIN: ("xitong", "张伟", "Xt-Admin-2026"),
            Role.SECADMIN: ("anquan", "李静", "Aq-Admin-2026"),
            Role.AUDITOR: ("shenji", "刘洋", "Sj-Admin-2026"),
        }
        for role, (login, name, password) in people.items():
            box = wizard.admins_page.boxes[role]
            box.login.setText(login)
            box.name.setText(name)
            box.password.setText(password)
            box.confirm.setText(password)
        shoot(app, wizard, "wizard-admins", suffix)
        wizard.next()
        shoot(app, wizard, "wizard", suffix)
        wizard.recovery_page.written.setChecked(True)
        wizard.accept()

        # 2. The login window of the demo vault.
        folder = Path(tmp) / "demo"
        create_demo(folder, params=MIN_PARAMS)
        # The pictures show the accounts at work, past the first login's password change.
        admin = sessions.login(folder, *account("sysadm"))
        try:
            with admin.operation() as store:
                store.execute("UPDATE accounts SET must_change = 0")
        finally:
            admin.logout()
        demo_accounts = [(a.login, a.password, role_label(a.role)) for a in (*USERS, *ADMINS)]
        login_window = LoginWindow(folder, lang, demo_accounts=demo_accounts)
        login_window.show()
        login_window.adjustSize()
        center(login_window)
        login_window.account.setText("wangfang")
        login_window.password.setText("x" * 12)
        shoot(app, login_window, "login", suffix)
        login_window.hide()

        forms = load_all()

        def open_main(who: str) -> MainWindow:
            name, password = account(who)
            session = sessions.login(folder, name, password)
            ctx = AppContext(session, forms, open_registers(session, forms), lang)
            window = MainWindow(ctx, watch_os_lock=False)
            window.ask = lambda *_a: False  # type: ignore[method-assign]  # nothing to ask here
            window.resize(1280, 800)  # the smallest screen the program is laid out for
            window.show()
            center(window)
            return window

        # 3. Home of the clerk, then the lock screen over it.
        clerk = open_main("wangfang")
        for _ in range(200):  # let the flag counts finish
            if not clerk.home.counting():
                break
            settle(app, 50)
        shoot(app, clerk, "main-home", suffix)
        if clerk.tab_specs:
            clerk.show_tab(next(iter(clerk.tab_specs)))
            shoot(app, clerk, "main-register", suffix)
            clerk.show_shortcuts()  # Help › Keyboard shortcuts (F1), the window's own keys
            shoot(app, clerk.shortcuts_dialog, "help-shortcuts", suffix)
            clerk.shortcuts_dialog.reject()
        clerk.lock()
        shoot(app, clerk, "lock", suffix)
        clerk._end(back_to_login=False)

        # 3b. The secrecy officer's commitments and approvals tabs.
        officer = open_main("liming")
        if "commitments" in officer.tab_specs:
            officer.show_tab("commitments")
            shoot(app, officer, "commitments", suffix)
        officer._end(back_to_login=False)
        approver = open_main("zhaolei")  # the approver's "waiting for me" list
        if "approvals" in approver.tab_specs:
            approver.show_tab("approvals")
            tab = approver.module_tab("approvals")
            assert isinstance(tab, ApprovalsTab)
            tab.view.setCurrentIndex(max(0, tab.view.findData("waiting")))
            tab.refresh()
            if tab.table.rowCount():
                tab.table.selectRow(0)
            shoot(app, approver, "approvals", suffix)
        approver._end(back_to_login=False)

        # 3c. The sysadmin's home (no backup yet: the reminder), then a backup made in the
        # Backup and restore tab.
        sysadm = open_main("sysadm")
        shoot(app, sysadm, "admin-home", suffix)
        if "admin:backup" in sysadm.tab_specs:
            sysadm.show_tab("admin:backup")
            backup_tab = sysadm.module_tab("admin:backup")
            assert isinstance(backup_tab, BackupTab)
            backup_tab.back_up()
            shoot(app, sysadm, "admin-backup", suffix)
        sysadm._end(back_to_login=False)

        # 4. The secadmin's secrecy settings, then the accounts tab with the grant dialog open.
        sec = open_main("secadm")
        if "admin:settings" in sec.tab_specs:
            sec.show_tab("admin:settings")
            settings_tab = sec.module_tab("admin:settings")
            assert isinstance(settings_tab, SettingsTab)
            settings_tab.periods["core"].box.setValue(40)  # outside 24–36: said at the field
            shoot(app, sec, "admin-settings", suffix)
        sec.tabs.setCurrentWidget(sec.accounts_tab)
        sec.accounts_tab.select("wangfang")
        shoot(app, sec, "accounts", suffix)
        sec.accounts_tab.grant()
        dialog = sec.accounts_tab.dialog
        if dialog is not None:
            dialog.adjustSize()
            center(dialog)
            shoot(app, dialog, "accounts-grant", suffix)
            dialog.reject()
        sec._end(back_to_login=False)

        # 5. The auditor's trail after a quick check (since the seal made just before).
        aud = open_main("auditor")
        aud.tabs.setCurrentWidget(aud.audit_tab)
        aud.audit_tab.by_date.setChecked(False)
        audit_review.seal(aud.session)
        found = checkup.check_vault(aud.session, quick=True)
        aud.audit_tab.search()
        aud.audit_tab.last_report = found.report
        aud.audit_tab.show_result(aud.audit_tab.check_text(found), error=not found.sound)
        shoot(app, aud, "audit", suffix)
        aud._end(back_to_login=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

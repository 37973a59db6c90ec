"""The main window: a tab per module the account may use, menus, status bar, and the lock.

Tabs by role: Home first; then, for business roles, the tabs the modules declare in the registry
(one per visible register, commitments, approvals …), each built the first time it is shown;
Accounts (sysadmin, secadmin); Audit (secadmin: ordinary users' records; auditor: all).
The tabs are pages of a grouped navigator (:mod:`.navigator`): the groups the registry declares
(文件资料, 载体与设备, 人员 …) as top-level tabs, Alt+1 … Alt+9, each group's pages as
second-level tabs; Ctrl+PgUp/PgDn steps through every page; the page shown and each group's
last page are remembered per account.
While locked the central area shows only the lock screen; menus and shortcuts are off.
What an operation changed (``ctx.broadcast``) is passed to Home and every tab built so far but
the one that made it, so their figures and lists follow (:mod:`secrecy_desk.gui.common.changes`).
Closing the window, logging out, or closing a locked session keeps unsaved register work as
drafts in the vault (restored at the owner's next login) before the session ends."""

from __future__ import annotations

import contextlib
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import secrecy_desk
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.common import clipboard
from secrecy_desk.gui.common.changes import ChangeReceiver, Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import vault_busy
from secrecy_desk.gui.common.labels import roles_label
from secrecy_desk.gui.common.password_dialog import ChangePasswordDialog
from secrecy_desk.gui.common.style import banner_css
from secrecy_desk.gui.shell.home import EXPIRY_LINE, HomeTab
from secrecy_desk.gui.shell.lock import IdleWatcher, LockScreen, OsLockWatcher
from secrecy_desk.gui.shell.navigator import Navigator
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import TabSpec
from secrecy_desk.vault import db, prefs, upgrade
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.vault import RollbackDetected

GEOMETRY_PREF = "window.geometry"
#: The navigator's page shown and each group's last page (:meth:`Navigator.state`).
NAVIGATOR_PREF = "window.navigator"
#: The keys of the pages that are not a module's tab.
HOME_PAGE = "home"
ACCOUNTS_PAGE = "accounts"
AUDIT_PAGE = "audit"
#: The key of a register's tab (and of its draft): ``register:<register id>``.
REGISTER_TAB = "register:"


class DraftHolder(Protocol):
    """What the main window needs from a register tab to keep unsaved work."""

    def has_unsaved(self) -> bool: ...

    def unsaved_draft(self) -> dict[str, Any] | None: ...

    def restore_draft(self, payload: dict[str, Any]) -> None: ...


class MainWindow(QMainWindow):
    """Emits :attr:`ended` once the session is closed: True to show the login window again
    (logout, locked session closed), False to quit the program."""

    ended = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        *,
        idle_ms: int | None = None,
        watch_os_lock: bool = True,
        params: Argon2Params | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.lang = ctx.lang
        self.params = params
        self.locked = False
        self._ended = False
        #: The modules' tabs (from the registry) by key, in order after Home; and those built.
        self.tab_specs: dict[str, TabSpec] = {}
        self.module_tabs: dict[str, QWidget] = {}
        settings = self.session.settings
        # The unit alone: the window system adds the program's name (its display name).
        self.setWindowTitle(settings.unit)

        self.stack = QStackedWidget()
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        self.banner = QLabel(
            self.tr("Workstation rated {level} — process nothing above {level}").format(
                level=settings.rating.label(self.lang)
            )
        )
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(banner_css(settings.rating))
        content_layout.addWidget(self.banner)
        vault = self.session.vault
        if vault.head_break is not None:
            # Opened read-only (a vault found rolled back, for the auditor to verify): the
            # banner says so and what was found, for as long as the session lasts.
            found = RollbackDetected(vault.head_break, vault.rollback_gap)
            self.banner.setWordWrap(True)
            self.banner.setText(
                self.tr(
                    "READ ONLY — {problem} This session reads, verifies and exports the audit "
                    "trail; it changes nothing."
                ).format(problem=found.message(self.lang))
            )
        # A schema upgrade made at this login is said here (the command line prints it): from
        # which schema, and where the verified copy made before it lies.
        self.upgrade_notice = QLabel()
        self.upgrade_notice.setWordWrap(True)
        self.upgrade_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.upgrade_notice.setStyleSheet("QLabel { padding: 4px 8px; }")
        if vault.upgraded is not None:
            self.upgrade_notice.setText(upgrade.notice(vault.upgraded, self.lang))
        else:
            self.upgrade_notice.hide()
        content_layout.addWidget(self.upgrade_notice)
        self.tabs = Navigator()
        content_layout.addWidget(self.tabs)
        self.lock_screen = LockScreen(self.session, self.lang)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.close_requested.connect(self.close_locked_session)

        self._build_tabs()
        self._build_menus()
        self._build_status()
        ctx.bus.changed.connect(self._changed)

        minutes = settings.policy.idle_lock_minutes
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.os_lock: OsLockWatcher | None = None
        if watch_os_lock:
            self.os_lock = OsLockWatcher(self)
            self.os_lock.locked.connect(lambda: self.lock("os"))
        self.idle.start()
        # Ctrl+L locks from anywhere, a dialog over the window included (a window shortcut
        # does not reach past a modal dialog).
        self._lock_keys = _LockKeys(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._lock_keys)
        self._restore_geometry()
        self._restore_navigator()
        self._restore_drafts()

    # --- building ----------------------------------------------------------------------

    def _add_alone(self, key: str, title: str, widget: QWidget) -> None:
        """A page that is a group of its own (Home, Accounts, Audit trail)."""
        self.tabs.add_group(key, title)
        self.tabs.add_page(key, key, title, widget)

    def _build_tabs(self) -> None:
        principal = self.session.principal
        self.home = HomeTab(self.ctx)
        self.home.open_deadline.connect(self.show_deadline)
        self._add_alone(HOME_PAGE, self.tr("Home"), self.home)
        if self.session.account.roles:
            # A module's tab is built the first time it is shown: login stays quick however
            # many registers the account sees. Until then a blank page holds its place.
            for group, specs in registry.navigation(self.ctx.forms, principal):
                self.tabs.add_group(group.id, group.title.text(self.lang))
                for spec in specs:
                    self.tab_specs[spec.key] = spec
                    self.tabs.add_page(group.id, spec.key, spec.title.text(self.lang), QWidget())
        self.tabs.page_changed.connect(self._page_shown)
        roles = principal.roles
        if roles & {Role.SYSADMIN, Role.SECADMIN}:
            from secrecy_desk.gui.admin.accounts import AccountsTab  # noqa: PLC0415 - admins only

            self.accounts_tab = AccountsTab(self.ctx, params=self.params)
            self._add_alone(ACCOUNTS_PAGE, self.tr("Accounts"), self.accounts_tab)
        if roles & {Role.SECADMIN, Role.AUDITOR}:
            from secrecy_desk.gui.admin.audit import AuditTab  # noqa: PLC0415 - admins only

            self.audit_tab = AuditTab(self.ctx)
            self._add_alone(AUDIT_PAGE, self.tr("Audit trail"), self.audit_tab)

    def _page_shown(self, key: str) -> None:
        """A page switched to (Alt+number, Ctrl+PgUp/PgDn, a click): built if it was not yet,
        and the keyboard goes into it — a register tab puts it in its list — rather than
        staying on the tab bar."""
        if key in self.tab_specs:
            self.module_tab(key)
        self._focus_page()

    def _focus_page(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is None or self.locked:
            return
        focus = getattr(widget, "focus_list", None)
        if callable(focus):
            focus()
        else:
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            if widget.focusWidget() is None:
                widget.focusNextChild()

    def module_tab(self, key: str) -> QWidget:
        """The tab ``key`` (e.g. ``register:drawings``, ``approvals``), built now if it has not
        been shown yet: its class is imported from the module's descriptor only then."""
        tab = self.module_tabs.get(key)
        if tab is not None:
            return tab
        spec = self.tab_specs[key]
        factory = registry.resolve(spec.factory)
        assert callable(factory)
        built = factory(self.ctx) if spec.argument is None else factory(self.ctx, spec.argument)
        assert isinstance(built, QWidget)
        self.module_tabs[key] = built
        replaced = getattr(built, "vault_replaced", None)
        if replaced is not None:  # the sysadmin's restore ended the session
            replaced.connect(self.vault_replaced)
        placeholder = self.tabs.replace(key, built)
        if placeholder is not None:
            placeholder.deleteLater()
        return built

    def _changed(self, changes: object, origin: object) -> None:
        """An operation completed somewhere: every view built so far but the one that made it
        refreshes what concerns it (a tab not built yet reads the vault when it is)."""
        if self._ended or not isinstance(changes, Changes):
            return
        for view in (self.home, *self.module_tabs.values()):
            if view is not origin and isinstance(view, ChangeReceiver):
                view.apply_changes(changes)

    def register_tab(self, register: str) -> QWidget:
        """The tab of ``register``, built now if it has not been shown yet."""
        return self.module_tab(REGISTER_TAB + register)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.password_action = QAction(self.tr("Change &password…"), self)
        self.password_action.triggered.connect(self.change_password)
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        for action in (self.lock_action, self.password_action):
            file_menu.addAction(action)
        extra: list[QAction] = []
        if self.tab_specs and not self.session.principal.is_admin:
            self.verify_action = QAction(self.tr("&Verify a printed copy…"), self)
            self.verify_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
            self.verify_action.triggered.connect(self.verify_printed_copy)
            file_menu.addSeparator()
            file_menu.addAction(self.verify_action)
            extra.append(self.verify_action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(self.tr("&View"))
        # A group per line (Alt+number); a group of several pages opens a submenu of them.
        self.tab_actions: list[QAction] = []
        for index, title in enumerate(self.tabs.group_titles()):
            action = QAction(title, self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_group(i))
            view_menu.addAction(action)
            self.tab_actions.append(action)
        self.page_menus: list[QMenu] = []
        pages_added = False
        for group, title in zip(self.tabs.group_keys(), self.tabs.group_titles(), strict=True):
            keys = self.tabs.group_pages(group)
            if len(keys) < 2:
                continue
            if not pages_added:
                view_menu.addSeparator()
                pages_added = True
            menu = view_menu.addMenu(title)
            for key in keys:
                page = menu.addAction(self.tabs.titles()[self.tabs.page_keys().index(key)])
                page.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.page_menus.append(menu)
        view_menu.addSeparator()
        self.next_page_action = QAction(self.tr("&Next tab"), self)
        self.next_page_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_page_action.triggered.connect(lambda: self.tabs.step(1))
        self.previous_page_action = QAction(self.tr("Pre&vious tab"), self)
        self.previous_page_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.previous_page_action.triggered.connect(lambda: self.tabs.step(-1))
        view_menu.addAction(self.next_page_action)
        view_menu.addAction(self.previous_page_action)
        view_menu.addSeparator()
        self.refresh_action = QAction(self.tr("&Refresh home"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.home.refresh)
        view_menu.addAction(self.refresh_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.keys_action = QAction(self.tr("&Keyboard shortcuts…"), self)
        self.keys_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.keys_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.keys_action)
        help_menu.addSeparator()
        about_qt = QAction(self.tr("About &Qt…"), self)
        about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self, self.tr("About Qt")))
        help_menu.addAction(about_qt)
        about = QAction(self.tr("&About Secrecy Desk…"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        # Shortcuts work through the window too, and all go off together while locked.
        self.session_actions = [
            self.lock_action,
            self.password_action,
            self.logout_action,
            self.quit_action,
            self.refresh_action,
            self.next_page_action,
            self.previous_page_action,
            self.keys_action,
            about_qt,
            about,
            *extra,
            *self.tab_actions,
        ]
        self.addActions(self.session_actions)

    def _build_status(self) -> None:
        settings = self.session.settings
        account = self.session.account
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.status_unit = QLabel(settings.unit)
        self.status_account = QLabel(
            self.tr("{name} ({role})").format(
                name=account.display_name, role=roles_label(account.roles)
            )
        )
        self.status_clearance = QLabel(
            self.tr("Clearance: {level}").format(level=account.clearance.label(self.lang))
        )
        self.status_rating = QLabel(
            self.tr("Workstation rating: {level}").format(level=settings.rating.label(self.lang))
        )
        self.status_rating.setStyleSheet(banner_css(settings.rating))
        for label in (self.status_unit, self.status_account, self.status_clearance):
            bar.addPermanentWidget(label)
        bar.addPermanentWidget(self.status_rating)

    # --- navigation ----------------------------------------------------------------------

    def show_register(self, register: str) -> None:
        self.show_tab(REGISTER_TAB + register)

    def show_deadline(self, key: str) -> None:
        """Open a line of the home tab's work list: the module's tab, showing exactly the
        line's items (a register tab filtered to the deadline's entries; another tab by its
        own ``show_deadline``); the password line opens the password change."""
        if key == EXPIRY_LINE:
            self.change_password()
            return
        deadline = next((d for d in registry.deadlines(self.ctx.forms) if d.key == key), None)
        if deadline is None:
            return
        tab_key = deadline.tab or REGISTER_TAB + deadline.register
        if tab_key not in self.tab_specs:
            return
        tab = self.module_tab(tab_key)
        self.show_page(tab_key)
        show = getattr(tab, "show_deadline", None)
        if callable(show):
            show(deadline)

    def show_tab(self, key: str) -> None:
        if key in self.tab_specs:
            self.show_page(key)

    def show_page(self, key: str) -> None:
        """Page ``key`` (a module's tab key, or home, accounts, audit), the keyboard in it."""
        if key in self.tab_specs:
            self.module_tab(key)
        if key in self.tabs.page_keys():
            self.tabs.set_current(key)
            self._focus_page()

    def show_group(self, index: int) -> None:
        """Alt+number: group ``index`` on its last page, the keyboard in it (also when it is
        the group shown already: Alt+number from the search box goes back to the list)."""
        self.tabs.show_group(index)
        self._focus_page()

    def tab_titles(self) -> list[str]:
        """The titles of every page, in navigator order."""
        return self.tabs.titles()

    def group_titles(self) -> list[str]:
        """The navigator's groups (top-level tabs), Alt+1 … in this order."""
        return self.tabs.group_titles()

    # --- asking (one place, so tests can answer) ------------------------------------------

    def ask(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes_button

    # --- lock ----------------------------------------------------------------------------

    def lock(self, reason: str = "manual") -> None:
        """Hide everything behind the lock screen and record it."""
        if self.locked or self._ended:
            return
        if vault_busy():  # a save, an import or an unlock is running: lock right after it
            QTimer.singleShot(200, lambda: self.lock(reason))
            return
        self.locked = True
        self.ctx.asides.hold()  # a count running aside stops; its connection closes
        self.session.vault.asides.stop()
        clipboard.clear_ours()
        self._dismiss_dialogs()
        self.idle.stop()
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.menuBar().hide()
        self.statusBar().hide()
        for action in self.session_actions:
            action.setEnabled(False)
        self.lock_screen.prepare()
        with contextlib.suppress(DeskError):
            self.session.lock_event("session.lock")

    def _dismiss_dialogs(self) -> None:
        """Dialogs over the window would stay readable over the lock: close them."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.stack.setCurrentWidget(self.content)
        self.menuBar().setEnabled(True)
        self.menuBar().show()
        self.statusBar().show()
        for action in self.session_actions:
            action.setEnabled(True)
        with contextlib.suppress(DeskError):
            self.session.lock_event("session.unlock")
        self.ctx.asides.release()  # the counts the lock stopped start again
        self.idle.start()
        self._focus_page()

    def close_locked_session(self) -> None:
        """Another person at the desk: keep the owner's unsaved work, end the session."""
        if not self.locked:
            return
        account = self.session.account
        if not self.ask(
            self.tr("Close the locked session"),
            self.tr(
                "Close the session of {name} ({login})? Unsaved work is kept as a draft and "
                "offered to {name} at the next login."
            ).format(name=account.display_name, login=account.login),
            self.tr("Close session"),
        ):
            return
        self._end(back_to_login=True, closing_locked=True)

    # --- ending the session ----------------------------------------------------------------

    def _draft_holders(self) -> list[tuple[str, DraftHolder]]:
        """The built tabs that keep unsaved work (the register tabs), by tab key."""
        return [
            (key, tab)  # type: ignore[misc]  # checked: it has the DraftHolder methods
            for key, tab in self.module_tabs.items()
            if hasattr(tab, "has_unsaved") and hasattr(tab, "unsaved_draft")
        ]

    def unsaved_tabs(self) -> list[tuple[str, str]]:
        """(tab key, title) of every tab with unsaved work."""
        return [
            (key, self._title(key)) for key, holder in self._draft_holders() if holder.has_unsaved()
        ]

    def _title(self, key: str) -> str:
        spec = self.tab_specs.get(key)
        return spec.title.text(self.lang) if spec is not None else key

    def keep_drafts(self) -> int:
        """Save every tab's unsaved work as a draft (keyed by the tab); returns how many."""
        saved = 0
        for key, holder in self._draft_holders():
            if not holder.has_unsaved():
                continue
            payload = holder.unsaved_draft()
            if payload is not None:
                prefs.save_draft(self.session, key, payload)
                saved += 1
        return saved

    def _restore_drafts(self) -> None:
        if not self.tab_specs:
            return
        restored: list[str] = []
        for key, payload, _at in prefs.drafts(self.session):
            if key not in self.tab_specs:
                continue
            tab = self.module_tab(key)
            if not hasattr(tab, "restore_draft"):
                continue
            holder: DraftHolder = tab  # type: ignore[assignment]  # checked just above
            holder.restore_draft(payload)
            prefs.delete_draft(self.session, key)
            restored.append(self._title(key))
        if restored:
            self.statusBar().showMessage(
                self.tr("Unsaved work restored from your last session: {registers}").format(
                    registers=", ".join(restored)
                ),
                15_000,
            )

    def _confirm_leave(self) -> bool:
        unsaved = self.unsaved_tabs()
        if not unsaved:
            return True
        names = ", ".join(title for _, title in unsaved)
        return self.ask(
            self.tr("Unsaved changes"),
            self.tr(
                "There are unsaved changes in: {registers}. They will be kept as drafts and "
                "offered again at your next login."
            ).format(registers=names),
            self.tr("Keep as drafts and leave"),
        )

    def logout(self) -> None:
        if self.locked or not self._confirm_leave():
            return
        self._end(back_to_login=True)

    def vault_replaced(self) -> None:
        """A restore put a backup in the place of the vault and ended the session: back to
        the login screen, touching the closed vault no more (no drafts, no window state)."""
        if self._ended:
            return
        self._ended = True
        self.idle.stop()
        clipboard.clear_ours()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._lock_keys)
        self.home.stop_counting()
        self.ctx.asides.end()
        self.hide()
        self.ended.emit(True)
        self.close()

    def _end(self, *, back_to_login: bool, closing_locked: bool = False) -> None:
        if self._ended:
            return
        self._ended = True
        self.idle.stop()
        clipboard.clear_ours()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._lock_keys)
        self.home.stop_counting()
        self.ctx.asides.end()  # the vault's close waits for their connections to close
        try:
            self.keep_drafts()
            if closing_locked:
                self.session.lock_event("session.close_locked")
            else:
                self._save_geometry()
        finally:
            self.session.logout()
        self.hide()
        self.ended.emit(back_to_login)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ended:
            event.accept()
            return
        if self.locked:
            # Closing from the window manager while locked is closing the locked session.
            self._end(back_to_login=False, closing_locked=True)
            event.accept()
            return
        if not self._confirm_leave():
            event.ignore()
            return
        self._end(back_to_login=False)
        event.accept()

    # --- preferences -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        value = prefs.get_pref(self.session, GEOMETRY_PREF)
        if isinstance(value, str) and value:
            self.restoreGeometry(QByteArray.fromBase64(value.encode("ascii")))
        else:
            self.resize(1280, 800)

    def _save_geometry(self) -> None:
        data = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        with contextlib.suppress(DeskError):
            prefs.set_pref(self.session, GEOMETRY_PREF, data)
            prefs.set_pref(self.session, NAVIGATOR_PREF, self.tabs.state())

    def _restore_navigator(self) -> None:
        """Back on the page of the last session (built now), each group on its last page."""
        self.tabs.restore(prefs.get_pref(self.session, NAVIGATOR_PREF))

    # --- menu commands ---------------------------------------------------------------------

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.session, self.lang, params=self.params, parent=self)
        dialog.finished.connect(lambda result: self._password_changed(dialog, result))
        dialog.open()

    def _password_changed(self, dialog: ChangePasswordDialog, result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Password changed."), 8000)
            self.home.refresh()

    def verify_printed_copy(self) -> None:
        """Check the verification code read off a paper copy against the records."""
        from secrecy_desk.gui.common.verify_dialog import open_verify  # noqa: PLC0415 - on demand

        open_verify(self, self.ctx)

    def show_shortcuts(self) -> None:
        """Help › Keyboard shortcuts (F1): the window's keys and the register tabs' keys."""
        from secrecy_desk.gui.shell.shortcuts import ShortcutsDialog  # noqa: PLC0415 - on use

        window_keys = [
            (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text())
            for a in self.session_actions
            if not a.shortcut().isEmpty() and a not in self.tab_actions
        ]
        # Alt+number: one line per group, as the groups are named on the tab bar.
        window_keys += [
            (f"Alt+{i + 1}", self.tr("Go to {group}").format(group=title))
            for i, title in enumerate(self.tabs.group_titles()[:9])
        ]
        if self.tab_specs:
            window_keys.append(("Ctrl+Tab", self.tr("Next tab of the group")))
        dialog = ShortcutsDialog(window_keys, bool(self.tab_specs), self)
        self.shortcuts_dialog = dialog
        dialog.open()

    def about(self) -> None:
        from PySide6 import __version__ as pyside_version  # noqa: PLC0415 - About only
        from PySide6.QtCore import qVersion  # noqa: PLC0415 - About only

        text = self.tr(
            "Secrecy Desk {version}\n\nRegisters, commitments and approvals for the secrecy "
            "office, on an offline workstation.\n\nSQLCipher {cipher}\nQt {qt}, PySide6 {pyside}"
        ).format(
            version=secrecy_desk.__version__,
            cipher=db.cipher_version(self.session.vault.store),
            qt=qVersion(),
            pyside=pyside_version,
        )
        QMessageBox.about(self, self.tr("About Secrecy Desk"), text)


class _LockKeys(QObject):
    """Ctrl+L anywhere in the program, over dialogs too: lock."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (
                event.key() == Qt.Key.Key_L
                and mods == Qt.KeyboardModifier.ControlModifier
                and not self.window.locked
                and not self.window._ended
                and self.window.lock_action.isEnabled()
            ):
                event.accept()
                self.window.lock("manual")
                return True
        return False

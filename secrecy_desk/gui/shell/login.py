"""The login window: account and password, a clear sentence for every refusal, and the
forced password change (first login, expired) before the main window opens.

Nothing is read from the vault before login (the unit name is inside it), so the window
names the product and the vault folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.password_dialog import ChangePasswordDialog, password_field
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import RollbackDetected


class LoginWindow(QWidget):
    """Emits :attr:`logged_in` with a session whose password is current."""

    logged_in = Signal(object)
    closed = Signal()

    def __init__(
        self,
        folder: Path,
        lang: str,
        *,
        clock: Clock | None = None,
        params: Argon2Params | None = None,
        demo_accounts: Sequence[tuple[str, str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.folder = folder
        self.lang = lang
        self.clock = clock
        self.params = params
        self.password_dialog: ChangePasswordDialog | None = None
        self._pending: Session | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.setObjectName("login")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 32, 40, 28)
        outer.setSpacing(10)
        title = QLabel(self.tr("Secrecy Desk"))
        set_role(title, "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        subtitle = QLabel(self.tr("Registers of the secrecy office — offline workstation"))
        set_role(subtitle, "subtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(subtitle)
        outer.addSpacing(12)

        card = QFrame()
        set_role(card, "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.account = QLineEdit()
        self.account.setMaxLength(32)
        self.account.setPlaceholderText(self.tr("account name"))
        self.password = password_field()
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(self.tr("Password:"), self.password)
        card_layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.message, "error")
        self.message.setMinimumHeight(40)
        card_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.login_button.setProperty("primary", True)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        card_layout.addLayout(buttons)
        outer.addWidget(card)

        where = QLabel(self.tr("Vault: {path}").format(path=folder))
        where.setWordWrap(True)
        where.setTextFormat(Qt.TextFormat.PlainText)
        set_role(where, "hint")
        outer.addWidget(where)
        if demo_accounts:
            lines = [
                self.tr(
                    "Demo vault — accounts and first passwords (each is changed at its first "
                    "login):"
                )
            ]
            lines += [f"  {login}  {password}  ({role})" for login, password, role in demo_accounts]
            demo = QLabel("\n".join(lines))
            demo.setTextFormat(Qt.TextFormat.PlainText)
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            set_role(demo, "hint")
            outer.addWidget(demo)
        outer.addStretch(1)

        self.login_button.clicked.connect(self.attempt)
        self.account.returnPressed.connect(self._account_entered)
        self.password.returnPressed.connect(self.attempt)
        self.quit_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)
        self.setMinimumWidth(520)
        self.account.setFocus()

    def _account_entered(self) -> None:
        if self.password.text():
            self.attempt()
        else:
            self.password.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        for widget in (self.account, self.password, self.login_button, self.quit_button):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Unlocking…") if busy else self.tr("Log in"))

    def attempt(self) -> None:
        login = self.account.text().strip()
        password = self.password.text()
        if not login:
            self.show_message(self.tr("Enter your account name."))
            self.account.setFocus()
            return
        if not password:
            self.show_message(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self.show_message("")
        self._busy(True)
        try:
            session = run_job(
                lambda: sessions.login(self.folder, login, password, clock=self.clock)
            )
        except RollbackDetected as exc:
            reader = self._to_verify(login, password, exc)
            if reader is not None:
                self.logged_in.emit(reader)
            return
        except DeskError as exc:
            self._busy(False)
            self.password.clear()
            self.show_message(exc.message(self.lang))
            self.password.setFocus()
            return
        except OSError as exc:
            self._busy(False)
            self.password.clear()
            self.show_message(
                self.tr("The vault folder cannot be read: {error}").format(
                    error=exc.strerror or str(exc)
                )
            )
            return
        self._busy(False)
        self.password.clear()
        if session.must_change:
            self._force_change(session)
            return
        self.logged_in.emit(session)

    def _to_verify(self, login: str, password: str, found: RollbackDetected) -> Session | None:
        """A vault found rolled back opens for the security auditor only, read-only: to read,
        verify and export the audit trail, the evidence kept exactly as found. Anyone else
        gets the sentence that says what is missing. Returns the session, or None."""
        shown = found.message(self.lang)
        try:
            reader = run_job(
                lambda: sessions.login(
                    self.folder, login, password, clock=self.clock, check_head=False
                )
            )
        except DeskError as exc:
            shown = exc.message(self.lang)
        else:
            if Role.AUDITOR in reader.account.roles and not reader.must_change:
                self._busy(False)
                self.password.clear()
                return reader
            reader.logout()
        self._busy(False)
        self.password.clear()
        self.show_message(shown)
        self.password.setFocus()
        return None

    def _force_change(self, session: Session) -> None:
        self._pending = session
        dialog = ChangePasswordDialog(
            session, self.lang, forced=True, params=self.params, parent=self
        )
        self.password_dialog = dialog
        dialog.finished.connect(self._change_finished)
        dialog.open()

    def _change_finished(self, result: int) -> None:
        session, self._pending = self._pending, None
        dialog, self.password_dialog = self.password_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if session is None:
            return
        if result == ChangePasswordDialog.DialogCode.Accepted and not session.must_change:
            self.logged_in.emit(session)
            return
        session.logout()
        self.show_message(self.tr("The password must be changed before you can work."))
        self.password.setFocus()

    def reset(self) -> None:
        """Back to an empty form (after a logout)."""
        self.password.clear()
        self.show_message("")
        self._busy(False)
        if self.account.text():
            self.password.setFocus()
        else:
            self.account.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._pending is not None:
            self._pending.logout()
            self._pending = None
        super().closeEvent(event)
        self.closed.emit()


def center(widget: QWidget) -> None:
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    geo = screen.availableGeometry()
    frame = widget.frameGeometry()
    frame.moveCenter(geo.center())
    widget.move(frame.topLeft())

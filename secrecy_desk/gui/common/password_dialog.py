"""Changing one's own password, and the live policy hints shared with the wizard and the
accounts tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import PasswordPolicy, character_classes
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.session import Session

OK_MARK = "✓"
NO_MARK = "✗"


def password_field() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class PasswordHints(QLabel):
    """The policy as a checklist that updates as the person types: length for the rating,
    3 of 4 character classes, no account name inside, and the confirmation matching."""

    def __init__(
        self,
        policy: Callable[[], PasswordPolicy],
        login: Callable[[], str],
        password: QLineEdit,
        confirm: QLineEdit | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._policy = policy
        self._login = login
        self._password = password
        self._confirm = confirm
        self.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self, "hint")
        password.textChanged.connect(self.refresh)
        if confirm is not None:
            confirm.textChanged.connect(self.refresh)
        self.refresh()

    def checks(self) -> list[tuple[bool, str]]:
        policy = self._policy()
        pw = self._password.text()
        login = self._login().strip().lower()
        checks = [
            (
                len(pw) >= policy.min_length,
                QCoreApplication.translate("PasswordHints", "at least {n} characters").format(
                    n=policy.min_length
                ),
            ),
            (
                character_classes(pw) >= policy.min_classes,
                QCoreApplication.translate(
                    "PasswordHints", "{n} of: capitals, small letters, digits, other signs"
                ).format(n=policy.min_classes),
            ),
            (
                bool(pw) and not (login and login in pw.lower()),
                QCoreApplication.translate("PasswordHints", "does not contain the account name"),
            ),
        ]
        if self._confirm is not None:
            checks.append(
                (
                    bool(pw) and pw == self._confirm.text(),
                    QCoreApplication.translate("PasswordHints", "both entries match"),
                )
            )
        return checks

    def satisfied(self) -> bool:
        return all(ok for ok, _ in self.checks())

    def refresh(self) -> None:
        self.setText(
            "\n".join(f"{OK_MARK if ok else NO_MARK} {text}" for ok, text in self.checks())
        )


class ChangePasswordDialog(QDialog):
    """Old, new and confirmation; the core checks the policy and history and says why a new
    password is refused. ``forced`` (first login, expired) explains why it appears."""

    def __init__(
        self,
        session: Session,
        lang: str,
        *,
        forced: bool = False,
        params: Argon2Params | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.params = params
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if forced:
            why = QLabel(
                self.tr(
                    "This is your first login, or your password has expired. Choose a new "
                    "password before you continue."
                )
            )
            why.setWordWrap(True)
            layout.addWidget(why)
        form = QFormLayout()
        self.old = password_field()
        self.new = password_field()
        self.confirm = password_field()
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.confirm)
        layout.addLayout(form)
        self.hints = PasswordHints(
            lambda: session.settings.policy,
            lambda: session.account.login,
            self.new,
            self.confirm,
        )
        layout.addWidget(self.hints)
        note = QLabel(
            self.tr("The last {n} passwords cannot be used again.").format(
                n=session.settings.policy.history
            )
        )
        set_role(note, "hint")
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.new.text() != self.confirm.text():
            self.message.setText(self.tr("The two new passwords differ."))
            self.confirm.setFocus()
            return
        self.message.clear()
        self.setEnabled(False)
        try:
            run_job(
                lambda: sessions.change_password(
                    self.session, self.old.text(), self.new.text(), params=self.params
                )
            )
        except DeskError as exc:
            self.message.setText(exc.message(self.lang))
            self.setEnabled(True)
            self.new.setFocus()
            return
        self.setEnabled(True)
        self.accept()

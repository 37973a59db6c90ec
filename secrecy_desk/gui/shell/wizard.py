"""First start: create the vault — unit, workstation rating, the three administrators — and
show the recovery code once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from secrecy_desk.core.clock import Clock
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import PasswordPolicy, Role, check_password, floor_for
from secrecy_desk.gui.common.fonts import monospace_font
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.password_dialog import PasswordHints, password_field
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.vault import AdminSpec, Vault, check_login

ADMIN_ORDER = (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)


def _wrap(text: str, role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(label, role)
    return label


class UnitPage(QWizardPage):
    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Unit and workstation rating"))
        self.setSubTitle(
            self.tr("Secrecy Desk keeps every register in one encrypted vault on this computer.")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.unit = QLineEdit()
        self.unit.setMaxLength(80)
        self.unit.setPlaceholderText(self.tr("e.g. No. 3 Research Institute"))
        form.addRow(self.tr("Unit name:"), self.unit)
        self.registerField("unit*", self.unit)
        layout.addLayout(form)

        box = QGroupBox(self.tr("Workstation rating"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(
            _wrap(
                self.tr(
                    "The rating is the highest secrecy level this workstation is approved to "
                    "process. Nothing above it can be entered, and it sets the password rules. "
                    "It cannot be changed later."
                )
            )
        )
        self.confidential = QRadioButton(self.tr("Confidential"))
        self.secret = QRadioButton(self.tr("Secret"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.confidential)
        self.group.addButton(self.secret)
        self.secret.setChecked(True)
        c = floor_for(Level.CONFIDENTIAL)
        s = floor_for(Level.SECRET)
        box_layout.addWidget(self.confidential)
        box_layout.addWidget(
            _wrap(
                self.tr(
                    "Records up to Confidential. Passwords of at least {n} characters, changed "
                    "at least every {days} days."
                ).format(n=c.min_length, days=c.max_age_days),
                "hint",
            )
        )
        box_layout.addWidget(self.secret)
        box_layout.addWidget(
            _wrap(
                self.tr(
                    "Records up to Secret. Passwords of at least {n} characters, changed "
                    "at least every {days} days."
                ).format(n=s.min_length, days=s.max_age_days),
                "hint",
            )
        )
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(_wrap(self.tr("Vault folder: {path}").format(path=folder), "hint"))

    def rating(self) -> Level:
        return Level.CONFIDENTIAL if self.confidential.isChecked() else Level.SECRET


class AdminBox(QGroupBox):
    """Login, name, password and confirmation of one administrator, with live hints."""

    def __init__(self, title: str, policy_of: PolicySource, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.login = QLineEdit()
        self.login.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.password = password_field()
        self.confirm = password_field()
        form.addRow(self.tr("Account:"), self.login)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat:"), self.confirm)
        self.hints = PasswordHints(policy_of, self.login.text, self.password, self.confirm)
        self.login.textChanged.connect(self.hints.refresh)
        form.addRow(self.hints)

    def complete(self) -> bool:
        return bool(self.login.text().strip() and self.name.text().strip()) and (
            self.hints.satisfied()
        )


class PolicySource:
    """The floor policy of the rating chosen on the first page."""

    def __init__(self, unit_page: UnitPage) -> None:
        self._unit_page = unit_page

    def __call__(self) -> PasswordPolicy:
        return floor_for(self._unit_page.rating())


class AdminsPage(QWizardPage):
    def __init__(self, wizard: SetupWizard, unit_page: UnitPage) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("The three administrators"))
        self.setSubTitle(
            self.tr(
                "Three different people hold the three administrator accounts (separation of "
                "duties). None of them can read business records."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        policy = PolicySource(unit_page)
        titles = {
            Role.SYSADMIN: self.tr("System administrator"),
            Role.SECADMIN: self.tr("Security administrator"),
            Role.AUDITOR: self.tr("Security auditor"),
        }
        duties = {
            Role.SYSADMIN: self.tr("Accounts and backups."),
            Role.SECADMIN: self.tr("Roles, clearances, permissions, password policy."),
            Role.AUDITOR: self.tr("Reads, verifies and seals the audit trail."),
        }
        grid = QGridLayout(self)
        self.boxes: dict[Role, AdminBox] = {}
        for col, role in enumerate(ADMIN_ORDER):
            box = AdminBox(titles[role], policy)
            self.boxes[role] = box
            grid.addWidget(_wrap(duties[role], "hint"), 0, col)
            grid.addWidget(box, 1, col)
            grid.setColumnStretch(col, 1)
            for edit in (box.login, box.name, box.password, box.confirm):
                edit.textChanged.connect(self.completeChanged)
        self.message = _wrap("", "error")
        grid.addWidget(self.message, 2, 0, 1, 3)
        grid.setRowStretch(3, 1)

    def initializePage(self) -> None:
        for box in self.boxes.values():
            box.hints.refresh()

    def isComplete(self) -> bool:
        return all(box.complete() for box in self.boxes.values())

    def validatePage(self) -> bool:
        self.message.clear()
        logins = [b.login.text().strip().lower() for b in self.boxes.values()]
        if len(set(logins)) != len(logins):
            self.message.setText(self.tr("The three administrators need three different accounts."))
            return False
        policy = floor_for(self.wizard_.unit_page.rating())
        for box in self.boxes.values():
            try:
                check_login(box.login.text())
                check_password(policy, box.password.text(), box.login.text().strip())
            except DeskError as exc:
                self.message.setText(f"{box.title()}: {exc.message(self.wizard_.lang)}")
                box.password.setFocus()
                return False
        return self.wizard_.create_vault()

    def admins(self) -> list[AdminSpec]:
        return [
            AdminSpec(b.login.text().strip(), b.name.text().strip(), role, b.password.text())
            for role, b in self.boxes.items()
        ]


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery code — shown only this once"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                self.tr(
                    "Write this code on paper now, check it twice, and keep the paper in the "
                    "secrecy office's safe. If every administrator password is lost, only this "
                    "code opens the vault again. Without the passwords and without this code "
                    "the data cannot be recovered by anyone."
                )
            )
        )
        self.code = QLabel()
        self.code.setFont(monospace_font(22))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        set_role(self.code, "code")
        layout.addWidget(self.code)
        layout.addWidget(
            _wrap(
                self.tr(
                    "It is not printed or copied on purpose: a print job or the clipboard "
                    "would leave it outside the vault. It will not be shown again."
                ),
                "hint",
            )
        )
        self.written = QCheckBox(
            self.tr("I have written down the recovery code and will keep it safe")
        )
        bold = self.written.font()
        bold.setBold(True)
        self.written.setFont(bold)
        self.registerField("written*", self.written)
        layout.addWidget(self.written)
        layout.addStretch(1)

    def show_code(self, code: str) -> None:
        self.code.setText(code)


class SetupWizard(QWizard):
    """Creates the vault in ``folder``. ``params``/``clock`` are for tests (no calibration)."""

    def __init__(
        self,
        folder: Path,
        lang: str,
        *,
        params: Argon2Params | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.lang = lang
        self.params = params
        self.clock = clock
        self.recovery_code = ""
        self.created = False
        self.setWindowTitle(self.tr("First setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOptions(
            QWizard.WizardOption.NoBackButtonOnLastPage
            | QWizard.WizardOption.NoCancelButtonOnLastPage
            | QWizard.WizardOption.NoBackButtonOnStartPage
        )
        self.unit_page = UnitPage(folder)
        self.admins_page = AdminsPage(self, self.unit_page)
        self.recovery_page = RecoveryPage()
        self.addPage(self.unit_page)
        self.addPage(self.admins_page)
        self.addPage(self.recovery_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.resize(980, 640)

    def create_vault(self) -> bool:
        """Make the vault (Argon2 calibration and four key slots take a few seconds)."""
        self.setEnabled(False)
        try:
            vault, code = run_job(
                lambda: Vault.create(
                    self.folder,
                    unit=self.unit_page.unit.text(),
                    rating=self.unit_page.rating(),
                    admins=self.admins_page.admins(),
                    clock=self.clock,
                    params=self.params,
                )
            )
        except DeskError as exc:
            self.admins_page.message.setText(exc.message(self.lang))
            return False
        except OSError as exc:
            self.admins_page.message.setText(
                self.tr("The vault folder cannot be written: {error}").format(
                    error=exc.strerror or str(exc)
                )
            )
            return False
        finally:
            self.setEnabled(True)
        vault.close()
        for box in self.admins_page.boxes.values():
            box.password.clear()
            box.confirm.clear()
        self.created = True
        self.recovery_code = code
        self.recovery_page.show_code(code)
        return True

    def reject(self) -> None:
        """Once the vault exists, leaving needs the confirmation that the code is kept."""
        if self.created and not self.recovery_page.written.isChecked():
            return
        super().reject()

"""Accounts: the sysadmin adds, resets and disables business accounts; the secadmin grants
roles, clearances and permissions, unlocks accounts and tightens the password policy.
Every rule is the core's (``vault.session``); this tab only asks and shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import (
    ALL_MODULES,
    BUSINESS_ROLES,
    MAX_IDLE_LOCK_MINUTES,
    Action,
    PasswordPolicy,
    Permission,
    Role,
    default_permissions,
)
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.labels import action_label, role_label, roles_label
from secrecy_desk.gui.common.password_dialog import PasswordHints, password_field
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules import registry
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.vault import Account

BUSINESS_ORDER = (Role.CLERK, Role.OFFICER, Role.APPROVER)
ACTIONS = tuple(Action)


class AddAccountDialog(OperationDialog):
    def __init__(self, tab: AccountsTab) -> None:
        super().__init__(
            QCoreApplication.translate("AccountsTab", "Add a business account"),
            tab.lang,
            QCoreApplication.translate("AccountsTab", "Add account"),
            tab,
        )
        self.set_intro(
            self.tr(
                "The new account has no role until the security administrator grants one. "
                "The person must change the initial password at the first login."
            ),
            "hint",
        )
        self.login = QLineEdit()
        self.login.setMaxLength(32)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.department = QLineEdit()
        self.department.setMaxLength(40)
        self.password = password_field()
        self.confirm = password_field()
        self.form.addRow(self.tr("Account:"), self.login)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Department:"), self.department)
        self.form.addRow(self.tr("Initial password:"), self.password)
        self.form.addRow(self.tr("Repeat:"), self.confirm)
        session = tab.session
        self.hints = PasswordHints(
            lambda: session.settings.policy, self.login.text, self.password, self.confirm
        )
        self.login.textChanged.connect(self.hints.refresh)
        self.form.addRow(self.hints)
        self.slow = True
        self.operation = lambda: account_admin.add_account(
            session,
            login_name=self.login.text().strip(),
            display_name=self.name.text().strip(),
            password=self.password.text(),
            department=self.department.text().strip(),
            params=tab.params,
        )

    def check(self) -> str | None:
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return None


class ResetPasswordDialog(OperationDialog):
    def __init__(self, tab: AccountsTab, account: Account) -> None:
        super().__init__(
            QCoreApplication.translate("AccountsTab", "Reset password"),
            tab.lang,
            QCoreApplication.translate("AccountsTab", "Reset password"),
            tab,
        )
        self.set_intro(
            self.tr(
                "{name} ({login}) gets a new initial password and must change it at the next "
                "login. Give it to the person in private."
            ).format(name=account.display_name, login=account.login)
        )
        self.password = password_field()
        self.confirm = password_field()
        self.form.addRow(self.tr("New password:"), self.password)
        self.form.addRow(self.tr("Repeat:"), self.confirm)
        session = tab.session
        self.hints = PasswordHints(
            lambda: session.settings.policy, lambda: account.login, self.password, self.confirm
        )
        self.form.addRow(self.hints)
        self.slow = True
        self.operation = lambda: account_admin.reset_password(
            session, account.login, self.password.text(), params=tab.params
        )

    def check(self) -> str | None:
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return None


class DisableDialog(OperationDialog):
    def __init__(self, tab: AccountsTab, account: Account) -> None:
        super().__init__(
            QCoreApplication.translate("AccountsTab", "Disable account"),
            tab.lang,
            QCoreApplication.translate("AccountsTab", "Disable account"),
            tab,
        )
        self.set_intro(
            self.tr(
                "Disable {name} ({login})? The account can no longer log in; its records stay "
                "attributable. The vault's master key is rotated: older copies of the key file "
                "stop opening the database, so make a fresh backup afterwards. This cannot be "
                "undone."
            ).format(name=account.display_name, login=account.login),
            "error",
        )
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. left the unit on 2026-03-01"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.slow = True
        session = tab.session
        self.operation = lambda: account_admin.disable_account(
            session, account.login, self.reason.text().strip()
        )


class GrantDialog(OperationDialog):
    """Business roles, clearance (up to the workstation's rating) and the permission grid.

    Ticking a role ticks its default permissions; the result is applied as the difference
    between what the account holds and what the grid shows."""

    def __init__(self, tab: AccountsTab, account: Account) -> None:
        super().__init__(
            QCoreApplication.translate("AccountsTab", "Roles and permissions"),
            tab.lang,
            QCoreApplication.translate("AccountsTab", "Apply"),
            tab,
        )
        self.tab = tab
        self.account = account
        self.session = tab.session
        self.setMinimumWidth(760)
        self.set_intro(
            self.tr("{name} ({login}), {department}").format(
                name=account.display_name,
                login=account.login,
                department=account.department or "—",
            )
        )
        roles_row = QHBoxLayout()
        self.role_boxes: dict[Role, QCheckBox] = {}
        for role in BUSINESS_ORDER:
            box = QCheckBox(role_label(role))
            box.setChecked(role in account.roles)
            box.toggled.connect(lambda on, r=role: self._role_toggled(r, on))
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.form.addRow(self.tr("Roles:"), roles_row)
        self.clearance = QComboBox()
        rating = self.session.settings.rating
        for level in Level:
            if level <= rating:
                self.clearance.addItem(level.label(tab.lang), int(level))
        self.clearance.setCurrentIndex(self.clearance.findData(int(account.clearance)))
        self.form.addRow(self.tr("Clearance:"), self.clearance)

        grid_box = QGroupBox(self.tr("Permissions by register and action"))
        grid = QGridLayout(grid_box)
        # One row per scope the modules declare (each register, commitments, approvals …),
        # with a box only for the actions that mean something there.
        self.modules: list[tuple[str, str, tuple[Action, ...]]] = [
            (ALL_MODULES, self.tr("All registers"), ACTIONS)
        ] + [
            (scope.id, scope.title.text(tab.lang), scope.actions)
            for scope in registry.scopes(tab.ctx.forms)
        ]
        for col, action in enumerate(ACTIONS, start=1):
            head = QLabel(action_label(action))
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, col)
        self.original = set(account_admin.permissions_of(self.session, account.login))
        self.cells: dict[Permission, QCheckBox] = {}
        for row, (module, title, actions) in enumerate(self.modules, start=1):
            grid.addWidget(QLabel(title), row, 0)
            for col, action in enumerate(ACTIONS, start=1):
                if action not in actions:
                    continue
                perm = Permission(module, action)
                cell = QCheckBox()
                cell.setChecked(perm in self.original)
                cell.setToolTip(f"{title}: {action_label(action)}")
                self.cells[perm] = cell
                grid.addWidget(cell, row, col, Qt.AlignmentFlag.AlignCenter)
        self.extra.addWidget(grid_box)
        self.operation = self.apply_changes

    def _role_toggled(self, role: Role, on: bool) -> None:
        others = frozenset(r for r, b in self.role_boxes.items() if b.isChecked() and r != role)
        keep = default_permissions(others)
        for perm in default_permissions(frozenset({role})):
            cell = self.cells.get(perm)
            if cell is not None and (on or perm not in keep):
                cell.setChecked(on)

    def wanted(self) -> tuple[frozenset[Role], Level, set[Permission]]:
        roles = frozenset(r for r, b in self.role_boxes.items() if b.isChecked())
        level = Level(int(self.clearance.currentData()))
        perms = {p for p, cell in self.cells.items() if cell.isChecked()}
        # A permission the grid has no box for (granted from the command line) is kept.
        perms |= {p for p in self.original if p not in self.cells}
        return roles, level, perms

    def apply_changes(self) -> None:
        roles, level, perms = self.wanted()
        login = self.account.login
        session = self.session
        gone = self.account.roles - roles
        new = roles - self.account.roles
        if gone or self.original - perms:
            account_admin.revoke(session, login, roles=gone, permissions=self.original - perms)
        current = set(account_admin.permissions_of(session, self.account.login))
        clearance = level if level != self.account.clearance else None
        if new or clearance is not None or perms - current:
            account_admin.grant(
                session, login, roles=new, clearance=clearance, permissions=perms - current
            )
        extra = set(account_admin.permissions_of(session, self.account.login)) - perms
        if extra:
            account_admin.revoke(session, login, permissions=extra)


class PolicyDialog(OperationDialog):
    def __init__(self, tab: AccountsTab) -> None:
        super().__init__(
            QCoreApplication.translate("AccountsTab", "Password policy"),
            tab.lang,
            QCoreApplication.translate("AccountsTab", "Apply"),
            tab,
        )
        settings = tab.session.settings
        self.set_intro(
            self.tr(
                "The policy may be made stricter than the {rating} floor, never looser."
            ).format(rating=settings.rating.label(tab.lang)),
            "hint",
        )
        policy = settings.policy
        self.spins: dict[str, QSpinBox] = {}

        def spin(name: str, label: str, low: int, high: int) -> None:
            box = QSpinBox()
            box.setRange(low, high)
            box.setValue(int(getattr(policy, name)))
            self.spins[name] = box
            self.form.addRow(label, box)

        spin("min_length", self.tr("Minimum length:"), 1, 64)
        spin("min_classes", self.tr("Character classes (of 4):"), 1, 4)
        spin("max_age_days", self.tr("Change at least every (days):"), 1, 365)
        spin("history", self.tr("Passwords remembered:"), 1, 24)
        spin("max_failures", self.tr("Failures before lockout:"), 1, 20)
        spin("idle_lock_minutes", self.tr("Idle lock after (minutes):"), 1, MAX_IDLE_LOCK_MINUTES)
        self.operation = lambda: account_admin.set_policy(tab.session, self.policy())
        self._base = policy

    def policy(self) -> PasswordPolicy:
        return replace(self._base, **{k: s.value() for k, s in self.spins.items()})


class AccountsTab(QWidget):
    COLUMNS = 8

    def __init__(
        self, ctx: AppContext, *, params: Argon2Params | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.lang = ctx.lang
        self.params = params
        self.dialog: OperationDialog | None = None
        self.accounts: list[Account] = []
        roles = self.session.principal.roles
        self.is_sysadmin = Role.SYSADMIN in roles
        self.is_secadmin = Role.SECADMIN in roles

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        intro = QLabel(
            self.tr(
                "Accounts are never deleted: a departed person's account is disabled so that "
                "the records stay attributable."
            )
            if self.is_sysadmin
            else self.tr(
                "Grant business roles, clearances and permissions; administrators' roles are "
                "fixed at setup (separation of duties)."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "hint")
        layout.addWidget(intro)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Name"),
                self.tr("Department"),
                self.tr("Roles"),
                self.tr("Clearance"),
                self.tr("Status"),
                self.tr("Failed logins"),
                self.tr("Password changed"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}

        def button(key: str, text: str, slot: Callable[[], None]) -> None:
            b = QPushButton(text)
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)

        if self.is_sysadmin:
            button("add", self.tr("Add account…"), self.add_account)
            button("reset", self.tr("Reset password…"), self.reset_password)
            button("disable", self.tr("Disable…"), self.disable_account)
        if self.is_secadmin:
            button("grant", self.tr("Roles and permissions…"), self.grant)
            button("unlock", self.tr("Unlock"), self.unlock)
            row.addStretch(1)
            button("policy", self.tr("Password policy…"), self.edit_policy)
        else:
            row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table.activated.connect(lambda _i: self._default_action())
        self.reload()

    # --- list -------------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected()
        try:
            self.accounts = account_admin.list_accounts(self.session)
        except DeskError as exc:
            self.show_message(exc.message(self.lang), error=True)
            return
        self.table.setRowCount(len(self.accounts))
        for r, account in enumerate(self.accounts):
            changed = account.password_changed_at.astimezone().strftime("%Y-%m-%d")
            cells = [
                account.login,
                account.display_name,
                account.department,
                roles_label(account.roles),
                account.clearance.label(self.lang),
                self.status_text(account),
                str(account.failures),
                changed,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not account.active:
                    item.setForeground(Qt.GlobalColor.gray)
                elif account.locked and c == 5:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        if selected is not None:
            self.select(selected.login)
        self._update_buttons()

    def status_text(self, account: Account) -> str:
        if not account.active:
            return self.tr("disabled")
        if account.locked:
            return self.tr("locked")
        if account.must_change:
            return self.tr("must change password")
        return self.tr("active")

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        index = rows[0].row()
        return self.accounts[index] if 0 <= index < len(self.accounts) else None

    def select(self, login: str) -> None:
        for r, account in enumerate(self.accounts):
            if account.login == login:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        account = self.selected()
        business = account is not None and not (account.roles - BUSINESS_ROLES)
        active = account is not None and account.active
        enable = {
            "add": True,
            "policy": True,
            "reset": business and active,
            "disable": business and active,
            "grant": business and active,
            "unlock": account is not None and active and (account.locked or account.failures > 0),
        }
        for key, b in self.buttons.items():
            b.setEnabled(enable.get(key, False))

    def _default_action(self) -> None:
        if self.is_secadmin and self.buttons["grant"].isEnabled():
            self.grant()

    def show_message(self, text: str, *, error: bool = False) -> None:
        set_role(self.message, "error" if error else "ok")
        self.message.setText(text)

    # --- commands ------------------------------------------------------------------------

    def _open(self, dialog: OperationDialog, done: str) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == OperationDialog.DialogCode.Accepted:
                self.show_message(done)
                self.reload()

        dialog.finished.connect(finished)
        dialog.open()

    def add_account(self) -> None:
        dialog = AddAccountDialog(self)
        self._open(dialog, self.tr("Account added. The security administrator grants its role."))

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None:
            self._open(ResetPasswordDialog(self, account), self.tr("Password reset."))

    def disable_account(self) -> None:
        account = self.selected()
        if account is not None:
            self._open(
                DisableDialog(self, account),
                self.tr("Account {login} disabled; the master key was rotated.").format(
                    login=account.login
                ),
            )

    def grant(self) -> None:
        account = self.selected()
        if account is not None:
            self._open(GrantDialog(self, account), self.tr("Roles and permissions saved."))

    def unlock(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            account_admin.unlock_account(self.session, account.login)
        except DeskError as exc:
            self.show_message(exc.message(self.lang), error=True)
            return
        self.show_message(self.tr("Account {login} unlocked.").format(login=account.login))
        self.reload()

    def edit_policy(self) -> None:
        self._open(PolicyDialog(self), self.tr("Password policy saved."))

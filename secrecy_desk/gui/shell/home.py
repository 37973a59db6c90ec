"""The home page: who is logged in, the password's remaining life, and for business users the
day's work list (今日待办) — a line for every deadline any module declares (overdue recalls,
gifts not handed in, commitments missing, certificates expiring, approvals waiting…) and the
password's expiry, each with its count. Enter or a double-click opens the module showing
exactly those items.

The counts are :func:`secrecy_desk.modules.worklist.work_list`: one indexed query per line,
milliseconds whatever the size of the vault, run off the GUI thread through the one job
runner after the window is shown, and again (debounced) whenever an operation anywhere
announces a change."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import run_job, vault_busy
from secrecy_desk.gui.common.labels import roles_label
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules import worklist
from secrecy_desk.modules.admin import ID as ADMIN
from secrecy_desk.modules.base import OVERDUE
from secrecy_desk.vault import backup as backups

#: The work list's line for the password (not a module's deadline: the account's own).
EXPIRY_LINE: Final = "account.password_expiry"
#: The password line turns amber this many days before the password expires.
PASSWORD_WARN_DAYS: Final = 7
#: A burst of changes (an import, a batch print) is counted once, this long after the last.
RECOUNT_DELAY_MS: Final = 300
_RED, _AMBER, _GREY = QColor("#a61b1b"), QColor("#9a6700"), QColor("#6e6e6e")


class HomeTab(QWidget):
    #: A work-list line was opened: its deadline's key (or :data:`EXPIRY_LINE`).
    open_deadline = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self._lines: list[worklist.Line] = []
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        self.greeting = QLabel()
        set_role(self.greeting, "title")
        layout.addWidget(self.greeting)

        box = QGroupBox(self.tr("Your account"))
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.account_label = QLabel()
        self.role_label = QLabel()
        self.clearance_label = QLabel()
        self.rating_label = QLabel()
        self.password_label = QLabel()
        form.addRow(self.tr("Account:"), self.account_label)
        form.addRow(self.tr("Role:"), self.role_label)
        form.addRow(self.tr("Clearance:"), self.clearance_label)
        form.addRow(self.tr("Workstation rating:"), self.rating_label)
        form.addRow(self.tr("Password:"), self.password_label)
        layout.addWidget(box)

        self.duties = QLabel()
        self.duties.setWordWrap(True)
        layout.addWidget(self.duties)
        # The system administrator's backups: the last good one, and a reminder when it is old.
        self.backup_line = QLabel()
        self.backup_line.setObjectName("backupLine")
        self.backup_reminder = QLabel()
        self.backup_reminder.setObjectName("backupReminder")
        self.backup_reminder.setWordWrap(True)
        set_role(self.backup_reminder, "error")
        layout.addWidget(self.backup_line)
        layout.addWidget(self.backup_reminder)

        self.flag_box = QGroupBox(self.tr("Today's work"))
        flag_layout = QVBoxLayout(self.flag_box)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("workList")
        self.table.setHorizontalHeaderLabels([self.tr("Needs action"), self.tr("Count")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        flag_layout.addWidget(self.table)
        self.flag_hint = QLabel(
            self.tr("Double-click or press Enter on a line to see exactly those items.")
        )
        set_role(self.flag_hint, "hint")
        flag_layout.addWidget(self.flag_hint)
        layout.addWidget(self.flag_box, 1)
        layout.addStretch(0)
        self.refresh()

    # --- account ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.session.refresh()
        account = self.session.account
        settings = self.session.settings
        lang = self.ctx.lang
        self.greeting.setText(self.tr("Hello, {name}").format(name=account.display_name))
        self.account_label.setText(
            f"{account.login}" + (f" · {account.department}" if account.department else "")
        )
        self.role_label.setText(roles_label(account.roles))
        self.clearance_label.setText(account.clearance.label(lang))
        self.rating_label.setText(settings.rating.label(lang))
        self.password_label.setText(self.password_text())
        roles = account.roles
        if Role.SYSADMIN in roles:
            duties = self.tr(
                "You manage accounts in the Accounts tab: add business accounts, reset forgotten "
                "passwords, disable the accounts of departed staff. Business records are not "
                "visible to the system administrator."
            )
        elif Role.SECADMIN in roles:
            duties = self.tr(
                "You grant roles, clearances and permissions, unlock accounts and set the "
                "password policy in the Accounts tab, and review ordinary users' records in "
                "the Audit trail tab."
            )
        elif Role.AUDITOR in roles:
            duties = self.tr(
                "You read, verify and seal the audit trail of every account, the "
                "administrators' included, in the Audit trail tab. You change nothing else."
            )
        elif not roles:
            duties = self.tr(
                "Your account has no role yet. Ask the security administrator to grant one."
            )
        else:
            duties = ""
        self.duties.setText(duties)
        self.duties.setVisible(bool(duties))
        self.show_backup()
        self._start_tally()

    def show_backup(self) -> None:
        """The date of the last good backup, and the reminder (sysadmin only)."""
        mine = Role.SYSADMIN in self.session.account.roles
        self.backup_line.setVisible(mine)
        self.backup_reminder.setVisible(False)
        if not mine:
            return
        last = backups.last_good(self.session.vault.store)
        days = self.session.settings.backup_remind_days
        if last is None:
            self.backup_line.setText(self.tr("Last good backup: none yet"))
        else:
            self.backup_line.setText(
                self.tr("Last good backup: {date}").format(date=local_text(last.at))
            )
        if last is None:
            self.backup_reminder.setText(
                self.tr("No backup has been made yet: make one in the Backup and restore tab.")
            )
            self.backup_reminder.setVisible(True)
        elif backups.stale(last, self.session):
            self.backup_reminder.setText(
                self.tr(
                    "No good backup in the last {n} days: make one in the Backup and restore tab."
                ).format(n=days)
            )
            self.backup_reminder.setVisible(True)

    def password_text(self) -> str:
        account = self.session.account
        policy = self.session.settings.policy
        expires = account.password_changed_at + policy.max_age
        left = (expires - self.ctx.clock.now()).total_seconds() / 86400
        day = expires.astimezone().date().isoformat()
        if left <= 0:
            return self.tr("expired on {date}").format(date=day)
        days = int(left)
        if days == 0:
            return self.tr("expires today ({date})").format(date=day)
        return self.tr("expires in {n} days ({date})").format(n=days, date=day)

    # --- the work list -------------------------------------------------------------------

    def _business(self) -> bool:
        return not self.session.principal.is_admin and bool(self.session.account.roles)

    def _start_tally(self) -> None:
        """Count the work list soon: once the window is painted, off the GUI thread."""
        self.flag_box.setVisible(self._business())
        if self._business() and not self._stopped:
            self._show_lines()
            self._timer.start(0)

    def apply_changes(self, changes: Changes) -> None:
        """An operation elsewhere changed records: count the work list again (every line:
        one change can touch several — a departure, say, is a person and a commitment)."""
        if ADMIN in changes.modules and not self._stopped:
            self.show_backup()
        if changes and self._business() and not self._stopped:
            self._timer.start(RECOUNT_DELAY_MS)

    def recount(self) -> None:
        """Count the work list again now (the menu's Refresh)."""
        self._start_tally()

    def _count(self) -> None:
        if vault_busy():  # a job holds the vault's connection: look again a little later
            self._timer.start(100)
            return
        registers = self.ctx.registers
        try:
            lines = run_job(lambda: worklist.work_list(registers))
        except DeskError:
            return  # the session ended meanwhile (locked, logged out): keep the figures
        if not self._stopped:
            self._lines = lines
            self._show_lines()

    def counting(self) -> bool:
        return self._timer.isActive()

    def stop_counting(self) -> None:
        """The session ends: count nothing more (the figures stay as they are)."""
        self._stopped = True
        self._timer.stop()

    def _password_days(self) -> int:
        account = self.session.account
        expires = account.password_changed_at + self.session.settings.policy.max_age
        return max(0, int((expires - self.ctx.clock.now()).total_seconds() // 86400))

    def _show_lines(self) -> None:
        rows: list[tuple[str, str, int, QColor]] = []
        for line in self._lines:
            color = _GREY
            if line.count:
                color = _RED if line.deadline.severity == OVERDUE else _AMBER
            rows.append(
                (line.deadline.key, line.deadline.title.text(self.ctx.lang), line.count, color)
            )
        # What needs doing first: overdue items, then those coming up, then the empty lines.
        rows.sort(key=lambda r: (not r[2], r[3] != _RED))
        days = self._password_days()
        password = (
            EXPIRY_LINE,
            self.tr("Days until your password expires"),
            days,
            _RED if days == 0 else _AMBER if days <= PASSWORD_WARN_DAYS else _GREY,
        )
        if days <= PASSWORD_WARN_DAYS:
            rows.insert(0, password)
        else:
            rows.append(password)
        current = self.table.currentRow()
        self.table.setRowCount(len(rows))
        for row, (key, title, number, color) in enumerate(rows):
            for col, text in enumerate((title, str(number))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    item.setForeground(color)
                self.table.setItem(row, col, item)
        if 0 <= current < len(rows):
            self.table.setCurrentCell(current, 0)

    def tally(self) -> dict[str, int]:
        """deadline key → count, for tests and the status line."""
        return {line.deadline.key: line.count for line in self._lines}

    def _open(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_deadline.emit(str(item.data(Qt.ItemDataRole.UserRole)))

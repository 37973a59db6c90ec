"""The home page: who is logged in, the password's remaining life, and for business users the
number of entries per register that are flagged (overdue or needing attention) — one line for
each deadline the modules declare in the registry.

Flags are computed by the module rules on each entry, so the counts come from paging through
the live entries of each visible register, a batch per event-loop turn: the page stays
responsive on a large register and the figures fill in as they are counted."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
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

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.forms import FormSpec
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import vault_busy
from secrecy_desk.gui.common.labels import roles_label
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query

BATCH: Final = 500
OVERDUE: Final = "overdue"


@dataclass
class _Tally:
    spec: FormSpec
    total: int
    scanned: int = 0
    overdue: int = 0
    attention: int = 0
    done: bool = False
    numbers: list[str] = field(default_factory=list)
    label: str | None = None  # a line a module counts itself (its deadline's title)
    source: str = ""  # and the function that counts it


class HomeTab(QWidget):
    open_register = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self._tallies: list[_Tally] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

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

        self.flag_box = QGroupBox(self.tr("Entries that need action"))
        flag_layout = QVBoxLayout(self.flag_box)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Register"), self.tr("Entries"), self.tr("Overdue"), self.tr("Attention")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        flag_layout.addWidget(self.table)
        self.flag_hint = QLabel(self.tr("Double-click or press Enter on a register to open it."))
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
        self._start_tally()

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

    # --- flagged entries -------------------------------------------------------------------

    def _start_tally(self) -> None:
        self._timer.stop()
        self._tallies = []
        principal = self.session.principal
        specs: list[FormSpec] = []
        counted: list[_Tally] = []
        if not principal.is_admin and self.session.account.roles:
            # The registers whose flagged entries the modules' deadlines count, as far as
            # this account may see them; and the lines a module counts itself.
            for deadline in registry.deadlines(self.ctx.forms):
                if not principal.can(deadline.register, Action.VIEW):
                    continue
                spec = self.ctx.registers.spec(deadline.register)
                if deadline.tally is None:
                    specs.append(spec)
                    continue
                own = self._module_tally(spec, deadline.tally, deadline.title.text(self.ctx.lang))
                if own is not None:
                    counted.append(own)
        self.flag_box.setVisible(bool(specs or counted))
        for spec in specs:
            tally = self._new_tally(spec)
            if tally is not None:
                self._tallies.append(tally)
        self._tallies.extend(counted)
        self.table.setRowCount(len(self._tallies))
        for row, tally in enumerate(self._tallies):
            self._show(row, tally)
        if any(not t.done for t in self._tallies):
            self._timer.start()

    def _module_tally(self, spec: FormSpec, dotted: str, label: str) -> _Tally | None:
        count = registry.resolve(dotted)
        assert callable(count)
        try:
            total, overdue, attention = count(self.ctx.registers)
        except DeskError:
            return None
        return _Tally(spec, total, total, overdue, attention, done=True, label=label, source=dotted)

    def _new_tally(self, spec: FormSpec) -> _Tally | None:
        try:
            total = self.ctx.registers.count(spec.id, Query(limit=None))
        except DeskError:
            return None
        return _Tally(spec, total, done=total == 0)

    def apply_changes(self, changes: Changes) -> None:
        """An operation elsewhere changed entries: count the registers it names again."""
        self.recount(changes.registers)

    def recount(self, registers: Collection[str]) -> None:
        """Count the named registers again from the start (the others keep their figures)."""
        for row, tally in enumerate(self._tallies):
            if tally.spec.id not in registers:
                continue
            fresh = (
                self._new_tally(tally.spec)
                if tally.label is None
                else self._module_tally(tally.spec, tally.source, tally.label)
            )
            if fresh is not None:
                self._tallies[row] = fresh
                self._show(row, fresh)
        if any(not t.done for t in self._tallies):
            self._timer.start()

    def _step(self) -> None:
        if vault_busy():  # a job holds the vault's connection: look again a little later
            self._timer.setInterval(100)
            return
        self._timer.setInterval(0)
        for row, tally in enumerate(self._tallies):
            if tally.done:
                continue
            try:
                entries = self.ctx.registers.page(
                    tally.spec.id, Query(offset=tally.scanned, limit=BATCH)
                )
            except DeskError:
                entries = []
            for entry in entries:
                kinds = {flag.kind for flag in entry.flags}
                if OVERDUE in kinds:
                    tally.overdue += 1
                elif kinds:
                    tally.attention += 1
            tally.scanned += len(entries)
            tally.done = len(entries) < BATCH or tally.scanned >= tally.total
            self._show(row, tally)
            return
        self._timer.stop()

    def counting(self) -> bool:
        return self._timer.isActive()

    def stop_counting(self) -> None:
        """The session ends: count nothing more (the figures stay as they are)."""
        self._timer.stop()

    def _show(self, row: int, tally: _Tally) -> None:
        pending = "" if tally.done else "…"
        cells = [
            tally.label or tally.spec.title(self.ctx.lang),
            str(tally.total),
            f"{tally.overdue}{pending}",
            f"{tally.attention}{pending}",
        ]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == 2 and tally.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            if col == 3 and tally.attention:
                item.setForeground(Qt.GlobalColor.darkYellow)
            item.setData(Qt.ItemDataRole.UserRole, tally.spec.id)
            self.table.setItem(row, col, item)

    def tally(self) -> dict[str, tuple[int, int, int]]:
        """register → (entries, overdue, attention), for tests and the status line."""
        return {
            t.spec.id: (t.total, t.overdue, t.attention) for t in self._tallies if t.label is None
        }

    def _open(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.open_register.emit(str(item.data(Qt.ItemDataRole.UserRole)))

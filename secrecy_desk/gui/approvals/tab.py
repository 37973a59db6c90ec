"""The Approvals tab (审批表): lists (waiting for me, submitted by me, all, overdue), a request
editor generated from the definition, and the workflow actions — submit, decide with the
password again and a comment, record a decision signed on paper, withdraw, print (Ctrl+P).

Everything goes through :mod:`secrecy_desk.modules.approvals`; permissions are checked there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FormSpec, initial_inputs
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.password_dialog import password_field
from secrecy_desk.gui.common.print_dialog import MakeJob, open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.gui.registers.editor import EntryEditor
from secrecy_desk.modules.approvals import ID as APPROVALS
from secrecy_desk.modules.approvals.engine import Approvals, Decision, Request
from secrecy_desk.modules.approvals.printing import request_job
from secrecy_desk.modules.base import Deadline
from secrecy_desk.modules.registers import Entry
from secrecy_desk.records.printing import Printout

WAITING, MINE, ALL, OVERDUE = "waiting", "mine", "all", "overdue"
_VIEWS: Final = (WAITING, MINE, ALL, OVERDUE)
# What the tab's operations change (requests and their decisions live in the module).
CHANGED: Final = Changes.of(modules={APPROVALS})


def _entry_of(spec: FormSpec, r: Request) -> Entry:
    """The request as the shared editor shows it."""
    return Entry(
        id=r.id,
        register=r.form,
        number=r.number,
        revision=r.revision,
        status=spec.initial_status.code,
        level=r.level,
        term=r.term,
        voided=False,
        void_reason=None,
        values=r.values,
        created_at=r.created_at,
        created_by=r.applicant,
        updated_at=r.updated_at,
        updated_by=r.updated_by,
    )


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DecideDialog(OperationDialog):
    """Decide the current step: decision, comment (required) and the password again."""

    def __init__(self, tab: ApprovalsTab, request: Request, parent: QWidget | None = None) -> None:
        # The texts are the dialog's own (``tab.tr`` would look them up under the tab's name).
        super().__init__("", tab.lang, "", parent)
        self.setWindowTitle(self.tr("Decide"))
        self.ok_button.setText(self.tr("Sign and record"))
        spec = tab.approvals.spec(request.form)
        self.set_intro(
            self.tr("%1 · %2 · revision %3")
            .replace("%1", request.number)
            .replace("%2", request.state_text(spec, tab.lang))
            .replace("%3", str(request.revision))
        )
        self.decision = QComboBox()
        for decision in Decision:
            self.decision.addItem(decision.label(tab.lang), decision.value)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(90)
        self.password = password_field()
        self.form.addRow(self.tr("Decision"), self.decision)
        self.form.addRow(self.tr("Comment"), self.comment)
        self.form.addRow(self.tr("Password again"), self.password)

        def run() -> None:
            tab.approvals.decide(
                request.number,
                Decision(str(self.decision.currentData())),
                self.comment.toPlainText(),
                password=self.password.text(),
                expected_revision=request.revision,
            )
            tab.ctx.broadcast(CHANGED, tab)

        self.operation = run

    def check(self) -> str | None:
        if not self.comment.toPlainText().strip():
            return self.tr("Write the comment (意见).")
        return None


class PaperDialog(OperationDialog):
    """Record the decision of the current step as signed on paper."""

    def __init__(self, tab: ApprovalsTab, request: Request, parent: QWidget | None = None) -> None:
        super().__init__("", tab.lang, "", parent)
        self.setWindowTitle(self.tr("Record from paper"))
        self.ok_button.setText(self.tr("Record"))
        spec = tab.approvals.spec(request.form)
        step = request.current_step(spec)
        self.set_intro(
            self.tr("%1 · step %2: %3")
            .replace("%1", request.number)
            .replace("%2", str(request.step))
            .replace("%3", step.title(tab.lang) if step else "—")
        )
        self.decision = QComboBox()
        for decision in Decision:
            self.decision.addItem(decision.label(tab.lang), decision.value)
        self.signer = QLineEdit()
        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        today = tab.ctx.clock.today()
        self.signed_on.setDate(QDate(today.year, today.month, today.day))
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(90)
        self.form.addRow(self.tr("Decision"), self.decision)
        self.form.addRow(self.tr("Signed by"), self.signer)
        self.form.addRow(self.tr("Signed on"), self.signed_on)
        self.form.addRow(self.tr("Comment as written"), self.comment)

        def run() -> None:
            tab.approvals.record_paper(
                request.number,
                step=request.step,
                decision=Decision(str(self.decision.currentData())),
                signer=self.signer.text(),
                signed_on=_py_date(self.signed_on.date()),
                comment=self.comment.toPlainText(),
                expected_revision=request.revision,
            )
            tab.ctx.broadcast(CHANGED, tab)

        self.operation = run


class ApprovalsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.approvals = Approvals(ctx.session, ctx.forms)
        self.rows: list[Request] = []
        self.current: Request | None = None
        self.new_form: str | None = None
        self.editor: EntryEditor | None = None
        #: How a print job is shown: the one print dialog (a test drives it directly).
        self.open_print: Callable[[MakeJob], list[Printout]] = lambda make: open_print(
            self, ctx, make
        )

        self.view = QComboBox()
        labels = {
            WAITING: self.tr("Waiting for me"),
            MINE: self.tr("Submitted by me"),
            ALL: self.tr("All"),
            OVERDUE: self.tr("Overdue"),
        }
        for key in _VIEWS:
            if key in (ALL, OVERDUE) and not self.approvals.can(Action.VIEW):
                continue
            self.view.addItem(labels[key], key)
        if not self.approvals.can(Action.APPROVE):  # nothing can wait for this account
            self.view.setCurrentIndex(max(0, self.view.findData(MINE)))
        self.view.currentIndexChanged.connect(self.refresh)
        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.clicked.connect(self.choose_new)
        self.new_button.setEnabled(self.approvals.can(Action.CREATE))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.view)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Type"),
                self.tr("State"),
                self.tr("Level"),
                self.tr("Applicant"),
                self.tr("Overdue"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The type takes what the other columns leave (elided, whole in its tooltip), so the
        # list needs no sideways scroll beside the form at 1280 px.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._selected)

        self.editor_box = QVBoxLayout()
        self.steps = QPlainTextEdit()
        self.steps.setReadOnly(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.message, "error")

        self.save_button = QPushButton(self.tr("Save"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.paper_button = QPushButton(self.tr("Record from paper…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.decide_button.clicked.connect(lambda: self.open_dialog(DecideDialog))
        self.paper_button.clicked.connect(lambda: self.open_dialog(PaperDialog))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.print_button.clicked.connect(self.print_current)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_current)
        actions = QHBoxLayout()
        for button in (
            self.save_button,
            self.submit_button,
            self.decide_button,
            self.paper_button,
            self.withdraw_button,
            self.print_button,
        ):
            actions.addWidget(button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(self.editor_box, 3)
        right_layout.addWidget(QLabel(self.tr("Steps and history")))
        right_layout.addWidget(self.steps, 2)
        right_layout.addWidget(self.message)
        right_layout.addLayout(actions)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 780])  # the list wide enough for its headings from the start
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("Approvals")

    # --- lists ------------------------------------------------------------------------------

    def view_key(self) -> str:
        return str(self.view.currentData() or WAITING)

    def show_deadline(self, deadline: Deadline) -> None:
        """The home tab's "waiting for me" line: show that list."""
        del deadline
        index = self.view.findData(WAITING)
        if index >= 0 and self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)  # refreshes
        else:
            self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Requests changed elsewhere (a print of an approval table): read the list again.
        The request on screen stays; with unsaved input in its editor, the editor is left
        exactly as it is and only the list is read again."""
        if APPROVALS not in changes.modules:
            return
        number = self.current.number if self.current is not None else None
        unsaved = self.editor is not None and (self.new_form is not None or self.editor.is_dirty())
        if not unsaved:
            self.refresh()
            if number is not None:
                self.select(number)
            return
        self._fill()
        blocked = self.table.blockSignals(True)
        try:
            for i, r in enumerate(self.rows):
                if r.number == number:
                    self.table.selectRow(i)
        finally:
            self.table.blockSignals(blocked)

    def refresh(self) -> None:
        self._fill()
        self.show_request(None)

    def _fill(self) -> None:
        """Read the list of the chosen view into the table."""
        key = self.view_key()
        try:
            if key == WAITING:
                rows = self.approvals.waiting_for_me()
            elif key == MINE:
                rows = self.approvals.mine()
            elif key == OVERDUE:
                rows = self.approvals.overdue()
            else:
                rows = self.approvals.all()
        except DeskError as exc:
            self.message.setText(exc.message(self.lang))
            rows = []
        self.rows = rows
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            spec = self.approvals.spec(r.form)
            late = self.tr("%1 working days").replace("%1", str(r.overdue_days))
            cells = [
                r.number,
                spec.title(self.lang),
                r.state_text(spec, self.lang, short=True),
                r.marking,
                self.ctx.registers.people.name(r.applicant),
                late if r.overdue else "",
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 1:
                    item.setToolTip(text)
                if j == 2:
                    item.setToolTip(r.state_text(spec, self.lang))
                self.table.setItem(i, j, item)

    def select(self, number: str) -> None:
        for i, r in enumerate(self.rows):
            if r.number == number:
                self.table.selectRow(i)
                if self.current is None or self.current.number != number:
                    self.show_request(number)
                return

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.show_request(self.rows[rows[0].row()].number)

    # --- the request --------------------------------------------------------------------------

    def _editor_for(self, spec: FormSpec) -> EntryEditor:
        if self.editor is not None and self.editor.spec.id == spec.id:
            return self.editor
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.editor = EntryEditor(
            spec, self.lang, self.ctx.clock.today, person=self.ctx.registers.people.name
        )
        self.editor.hide_status()  # the request's state is shown with its steps
        self.editor_box.addWidget(self.editor)
        return self.editor

    def show_request(self, number: str | None) -> None:
        self.message.clear()
        self.new_form = None
        self.current = self.approvals.get(number, record_view=True) if number else None
        r = self.current
        if r is None:
            if self.editor is not None:
                self.editor.clear()
            self.steps.setPlainText("")
        else:
            spec = self.approvals.spec(r.form)
            editor = self._editor_for(spec)
            editable = r.applicant == self.ctx.session.account.login and not r.state.final
            editor.load(_entry_of(spec, r), read_only=not editable)
            self.steps.setPlainText(self._steps_text(spec, r))
        self._update_buttons()

    def _steps_text(self, spec: FormSpec, r: Request) -> str:
        lines = [r.state_text(spec, self.lang)]
        by_step = {e.step: e for e in r.decisions}
        for index, step in enumerate(spec.steps, start=1):
            e = by_step.get(index)
            text = f"{index}. {step.title(self.lang)}: "
            if e is None or e.decision is None:
                text += "—"
            else:
                how = self.tr("paper") if e.paper else self.tr("electronic")
                decider = self.ctx.registers.people.name(e.decider)
                text += f"{e.decision.label(self.lang)} · {e.comment} · {decider} ({how}, "
                text += f"{e.decided_on})"
            lines.append(text)
        lines.append("")
        # People by name, never by login (a paper signer is named as typed).
        name = self.ctx.registers.people.name
        for e in self.approvals.history(r.number):
            text = f"{local_text(e.at)}  {name(e.account)}  {e.label(self.lang)}"
            if e.decision is not None:
                text += (
                    f"  {e.step}. {e.decision.label(self.lang)} · {e.comment} · {name(e.decider)}"
                )
            elif e.comment:
                text += f"  {e.comment}"
            if e.voided:
                text += "  " + self.tr("[void: content changed in revision %1]").replace(
                    "%1", str(e.voided_by_revision)
                )
            lines.append(text)
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        r = self.current
        mine = r is not None and r.applicant == self.ctx.session.account.login
        self.save_button.setEnabled(self.new_form is not None or (mine and not r.state.final))  # type: ignore[union-attr]
        self.submit_button.setEnabled(
            mine and r is not None and r.state.value in ("draft", "returned")
        )
        self.decide_button.setEnabled(r is not None and self.approvals.may_decide(r) is None)
        self.paper_button.setEnabled(
            r is not None and r.state.open and self.approvals.can(Action.EDIT)
        )
        self.withdraw_button.setEnabled(mine and r is not None and not r.state.final)
        self.print_button.setEnabled(r is not None and self.approvals.can(Action.PRINT))

    # --- actions ------------------------------------------------------------------------------

    def choose_new(self) -> None:
        types = self.approvals.types
        names = [t.title(self.lang) for t in types]
        name, ok = QInputDialog.getItem(
            self, self.tr("New request"), self.tr("Approval type"), names, 0, False
        )
        if ok and name:
            self.start_new(types[names.index(name)].id)

    def start_new(self, form: str) -> EntryEditor:
        spec = self.approvals.spec(form)
        self.table.clearSelection()
        self.current = None
        editor = self._editor_for(spec)
        editor.new_entry(initial_inputs(spec, today=self.ctx.clock.today()))
        self.new_form = form
        self.steps.setPlainText(" → ".join(s.title(self.lang) for s in spec.steps))
        self._update_buttons()
        return editor

    def _run(self, action: str) -> Request | None:
        done = self._run_once(action)
        if done is not None:
            self.ctx.broadcast(CHANGED, self)
        return done

    def _run_once(self, action: str) -> Request | None:
        self.message.clear()
        try:
            if action == "save" and self.new_form is not None:
                assert self.editor is not None
                return self.approvals.create(self.new_form, self.editor.values())
            assert self.current is not None
            if action == "save":
                assert self.editor is not None
                return self.approvals.edit(
                    self.current.number,
                    self.editor.changes(),
                    expected_revision=self.current.revision,
                )
            request = self.current
            if self.editor is not None and self.editor.changes():
                request = self.approvals.edit(
                    request.number, self.editor.changes(), expected_revision=request.revision
                )
            return self.approvals.submit(request.number, expected_revision=request.revision)
        except DeskError as exc:
            problems = getattr(exc, "problems", None)
            if problems and self.editor is not None:
                self.editor.show_problems(problems)
            self.message.setText(exc.message(self.lang))
            return None

    def save(self) -> Request | None:
        done = self._run("save")
        if done is not None:
            self._after(done.number)
        return done

    def submit(self) -> Request | None:
        if self.new_form is not None:
            saved = self.save()
            if saved is None:
                return None
        done = self._run("submit")
        if done is not None:
            self._after(done.number)
        return done

    def _after(self, number: str) -> None:
        index = self.view.findData(MINE)
        if index >= 0 and self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)  # refreshes
        else:
            self.refresh()
        self.select(number)

    def make_dialog(
        self, kind: Callable[[ApprovalsTab, Request, QWidget], OperationDialog]
    ) -> OperationDialog | None:
        if self.current is None:
            return None
        return kind(self, self.current, self)

    def open_dialog(
        self, kind: Callable[[ApprovalsTab, Request, QWidget], OperationDialog]
    ) -> None:
        dialog = self.make_dialog(kind)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self._after(self.current.number if self.current else "")

    def withdraw(self) -> None:
        if self.current is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Withdraw"), self.tr("Reason for withdrawing")
        )
        if ok:
            self.withdraw_with(reason)

    def withdraw_with(self, reason: str) -> Request | None:
        assert self.current is not None
        try:
            done = self.approvals.withdraw(self.current.number, reason)
        except DeskError as exc:
            self.message.setText(exc.message(self.lang))
            return None
        self.ctx.broadcast(CHANGED, self)
        self._after(done.number)
        return done

    # --- printing -----------------------------------------------------------------------------

    def print_current(self) -> None:
        """Ctrl+P: the approval table in the one print dialog (preview, then print or export)."""
        if self.current is None:
            return
        approvals, number, lang = self.approvals, self.current.number, self.lang
        made = self.open_print(lambda: request_job(approvals, number, lang))
        if made:
            self.message.setText(
                self.tr("Printed; verification code %1.").replace("%1", made[-1].code)
            )


__all__ = ["ApprovalsTab", "DecideDialog", "PaperDialog"]

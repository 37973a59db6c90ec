"""The secrecy office's tab (定密审查与自查): the classification review queue — classified
entries whose secrecy term ends within N days — with the decision dialog (declassify, extend,
change the level, with basis and approver); and the papers filled from the data: the
self-inspection sheet (自查表) and the gifts half-year summary, printed through the one print
dialog. Everything goes through :mod:`secrecy_desk.modules.classification`,
:mod:`secrecy_desk.modules.office.sheet` and :mod:`secrecy_desk.modules.gifts.summary`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import EntryInvalid
from secrecy_desk.gui.common import report_files
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.print_dialog import MakeJob, open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules.classification import review
from secrecy_desk.modules.gifts import summary
from secrecy_desk.modules.office import sheet
from secrecy_desk.modules.reports import export
from secrecy_desk.records.model import LEVEL_DECISIONS
from secrecy_desk.records.printing import Printout
from secrecy_desk.records.review import REVIEW_DAYS


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class DecisionDialog(OperationDialog):
    """Record a review decision on one entry of the queue and apply it."""

    def __init__(self, tab: OfficeTab, due: review.Due) -> None:
        super().__init__("", tab.ctx.lang, "", tab)
        self.tab = tab
        self.due = due
        self.setWindowTitle(self.tr("Classification review — {number}").format(number=due.number))
        self.ok_button.setText(self.tr("Record decision"))
        self.set_intro(
            self.tr("{title}: {marking}, term ends on {day}.").format(
                title=due.subject or due.number, marking=tab.marking(due), day=due.ends_on
            )
        )
        spec = tab.ctx.registers.spec(LEVEL_DECISIONS)
        self.spec = spec
        self.decision = QComboBox()
        for choice in spec.field("decision").choices:
            self.decision.addItem(choice.label(tab.ctx.lang), choice.code)
        # The levels the entry's register offers, with its own labels (a drawing's 一般).
        target = tab.ctx.registers.spec(due.register)
        level_field = target.field(target.level_field or "")
        self.new_level = QComboBox()
        self.new_level.addItem(self.tr("(unchanged)"), "")
        offered = [o.level for o in level_field.levels] or list(Level)
        for level in offered:
            if level is not due.level:
                self.new_level.addItem(level_field.display(level, tab.ctx.lang), level.name)
        self.new_term = QLineEdit()
        self.new_term.setPlaceholderText(self.tr("e.g. 5年, 2031-12-31, 长期"))
        self.basis = QPlainTextEdit()
        self.basis.setFixedHeight(80)
        self.approver = QLineEdit()
        label = spec.field
        lang = tab.ctx.lang
        self.form.addRow(label("decision").label(lang) + "：", self.decision)
        self.form.addRow(label("new_level").label(lang) + "：", self.new_level)
        self.form.addRow(label("new_term").label(lang) + "：", self.new_term)
        self.form.addRow(label("basis").label(lang) + "：", self.basis)
        self.form.addRow(label("approver").label(lang) + "：", self.approver)
        self.setMinimumWidth(560)

    def submit(self) -> None:
        try:
            review.decide(
                self.tab.ctx.registers,
                self.due.register,
                self.due.number,
                decision=str(self.decision.currentData()),
                basis=self.basis.toPlainText(),
                approver=self.approver.text(),
                new_level=str(self.new_level.currentData()),
                new_term=self.new_term.text(),
                expected_revision=self.due.revision,
            )
        except EntryInvalid as exc:
            lang = self.tab.ctx.lang
            lines = []
            for p in exc.problems:
                name = p.field
                shown = self.spec.field(name).label(lang) if self.spec.has_field(name) else ""
                lines.append(f"{shown}：{p.message(lang)}" if shown else p.message(lang))
            self.message.setText("\n".join(lines))
            return
        except DeskError as exc:
            self.message.setText(exc.message(self.tab.ctx.lang))
            return
        self.tab.ctx.broadcast(Changes.of(registers={self.due.register, LEVEL_DECISIONS}), self.tab)
        self.accept()


class OfficeTab(QWidget):
    """定密审查与自查: the review queue and the office's papers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.due: list[review.Due] = []
        self.open_print: Callable[[MakeJob], list[Printout]] = lambda make: open_print(
            self, ctx, make
        )
        layout = QVBoxLayout(self)

        queue = QGroupBox(self.tr("Classification review: secrecy terms ending"))
        qbox = QVBoxLayout(queue)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Terms ending within")))
        self.within = QSpinBox()
        self.within.setRange(0, 3650)
        self.within.setValue(REVIEW_DAYS)
        self.within.setSuffix(self.tr(" days"))
        self.within.valueChanged.connect(self.reload)
        bar.addWidget(self.within)
        bar.addStretch(1)
        self.decide_button = QPushButton(self.tr("Record decision…"))
        self.decide_button.clicked.connect(self.decide)
        bar.addWidget(self.decide_button)
        qbox.addLayout(bar)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Register"),
                self.tr("No."),
                self.tr("Title"),
                self.tr("Marking"),
                self.tr("Term ends"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.doubleClicked.connect(self.decide)
        qbox.addWidget(self.table)
        layout.addWidget(queue, 1)

        papers = QGroupBox(self.tr("Papers filled from the registers"))
        form = QFormLayout(papers)
        today = ctx.clock.today()
        row = QHBoxLayout()
        self.sheet_from = _date_edit(date(today.year, 1, 1))
        self.sheet_until = _date_edit(today)
        row.addWidget(self.sheet_from)
        row.addWidget(QLabel("—"))
        row.addWidget(self.sheet_until)
        sheet_button = QPushButton(self.tr("Print self-inspection sheet…"))
        sheet_button.clicked.connect(self.print_sheet)
        row.addWidget(sheet_button)
        row.addStretch(1)
        form.addRow(self.tr("Self-inspection sheet (自查表):"), row)
        row2 = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2999)
        self.year.setValue(today.year)
        self.half = QComboBox()
        self.half.addItem(self.tr("First half (January–June)"), 1)
        self.half.addItem(self.tr("Second half (July–December)"), 2)
        self.half.setCurrentIndex(0 if today.month <= 6 else 1)
        row2.addWidget(self.year)
        row2.addWidget(self.half)
        gifts_button = QPushButton(self.tr("Print gifts summary…"))
        gifts_button.clicked.connect(self.print_gifts)
        row2.addWidget(gifts_button)
        self.gifts_export = QPushButton(self.tr("Export gifts summary…"))
        self.gifts_export.setObjectName("giftsSummaryExport")
        self.gifts_export.setToolTip(self.tr("Write the summary to a .xlsx or .csv file"))
        self.gifts_export.setEnabled(ctx.session.principal.can(summary.GIFTS, Action.EXPORT))
        self.gifts_export.clicked.connect(self.export_gifts)
        row2.addWidget(self.gifts_export)
        row2.addStretch(1)
        form.addRow(self.tr("Gifts half-year summary by department:"), row2)
        layout.addWidget(papers)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self._selection()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def apply_changes(self, changes: Changes) -> None:
        """Entries changed elsewhere: read the queue again when on screen."""
        if changes.registers and self.isVisible():
            self.reload()

    def marking(self, due: review.Due) -> str:
        spec = self.ctx.registers.spec(due.register)
        level = spec.field(spec.level_field or "").display(due.level, self.ctx.lang)
        return f"{level}★{due.term.text()}"

    def reload(self) -> None:
        try:
            self.due = review.queue(self.ctx.registers, within=self.within.value())
        except DeskError as exc:
            self.due = []
            self.say(exc.message(self.ctx.lang), "error")
        today = self.ctx.clock.today()
        self.table.setRowCount(len(self.due))
        for r, due in enumerate(self.due):
            ended = due.overdue(today)
            cells = [
                self.ctx.registers.spec(due.register).title(self.ctx.lang),
                due.number,
                due.subject,
                self.marking(due),
                due.ends_on.isoformat() + (self.tr(" (ended)") if ended else ""),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if ended:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        if not self.due:
            self.say(self.tr("No secrecy term ends within {n} days.").format(n=self.within.value()))
        else:
            self.say(self.tr("{n} entries due for review.").format(n=len(self.due)))
        self._selection()

    def say(self, text: str, role: str = "hint") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def _selection(self) -> None:
        self.decide_button.setEnabled(self.selected() is not None)

    def selected(self) -> review.Due | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.due):
            return None
        return self.due[rows[0].row()]

    def decide(self) -> None:
        due = self.selected()
        if due is None:
            return
        dialog = DecisionDialog(self, due)
        try:
            if dialog.exec():
                self.reload()
                self.say(self.tr("Decision recorded for {number}.").format(number=due.number))
        finally:
            dialog.deleteLater()

    def print_sheet(self) -> None:
        start, end = _day(self.sheet_from), _day(self.sheet_until)
        regs = self.ctx.registers
        if self.open_print(lambda: sheet.sheet_job(regs, start, end)):
            self.ctx.broadcast(Changes.of(prints=True), self)

    def _half_year(self) -> summary.HalfYear:
        return summary.HalfYear(self.year.value(), int(self.half.currentData()))

    def print_gifts(self) -> None:
        period = self._half_year()
        regs, lang = self.ctx.registers, self.ctx.lang
        if self.open_print(lambda: summary.summary_job(regs, period, lang)):
            self.ctx.broadcast(Changes.of(prints=True), self)

    def export_gifts(self) -> None:
        name = self.tr("Gifts summary %1").replace("%1", self._half_year().text(self.ctx.lang))
        path = report_files.ask_path(self, name)
        if path is not None:
            self.export_gifts_to(path)

    def export_gifts_to(self, path: Path) -> Path | None:
        """The gifts summary of the half-year chosen to ``path`` (.xlsx or .csv), as its
        paper shows it."""
        regs, lang, period = self.ctx.registers, self.ctx.lang, self._half_year()
        return report_files.export_file(
            self,
            lang,
            self.message,
            lambda over: export.export_gifts_summary(regs, period, path, overwrite=over, lang=lang),
        )

"""The Commitments tab (保密承诺书): choose people, generate, print many in one action, record
the signed paper, see who is missing. Reminders (the completeness report's counts and people
whose disengagement period ends soon) are shown each time the tab opens.

Everything goes through :mod:`secrecy_desk.modules.commitments`; permissions are checked there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.gui.common import report_files
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.print_dialog import MakeJob, open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules.base import Deadline
from secrecy_desk.modules.carriers.holdings import departure_notices
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.commitments import ID as COMMITMENTS
from secrecy_desk.modules.commitments import report as report_mod
from secrecy_desk.modules.commitments.flow import (
    IN_POST,
    PRINTED,
    Commitment,
    Commitments,
)
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.registers import NeedsConfirmation
from secrecy_desk.modules.reports import export
from secrecy_desk.records.printing import Printout

DUE, DEPARTMENT, ONE = "due", "department", "one"
# What the tab's operations change: its commitments, and people (a departure commitment
# signed starts a disengagement period; a status change moves a person along).
CHANGED: Final = Changes.of(modules={COMMITMENTS})
PEOPLE_CHANGED: Final = Changes.of(registers={lifecycle.PERSONNEL}, modules={COMMITMENTS})
_OFFERED: Final = (Level.INTERNAL, Level.CONFIDENTIAL, Level.SECRET, Level.TOP_SECRET)


class SignatureDialog(OperationDialog):
    """Record the signed paper: the day, the witness, where each archive copy is kept."""

    def __init__(self, tab: CommitmentsTab, item: Commitment) -> None:
        super().__init__("", tab.ctx.lang, "", tab)
        self.setWindowTitle(self.tr("Record signature — {number}").format(number=item.number))
        self.ok_button.setText(self.tr("Record"))
        self.set_intro(
            self.tr("{name}: {title}, printed {printed}.").format(
                name=item.name,
                title=tab.template_title(item.template),
                printed=(item.printed_at or "")[:10],
            )
        )
        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        today = tab.ctx.clock.today()
        self.signed_on.setDate(QDate(today.year, today.month, today.day))
        self.witness = QLineEdit(tab.ctx.session.account.display_name)
        self.personnel_copy = QLineEdit(self.tr("Personnel office archive"))
        self.secrecy_copy = QLineEdit(self.tr("Secrecy office archive"))
        self.form.addRow(self.tr("Signed on:"), self.signed_on)
        self.form.addRow(self.tr("Witness:"), self.witness)
        self.form.addRow(self.tr("Personnel office copy kept at:"), self.personnel_copy)
        self.form.addRow(self.tr("Secrecy office copy kept at:"), self.secrecy_copy)

        def record() -> None:
            day = self.signed_on.date()
            tab.commitments.record_signature(
                item.number,
                signed_on=date(day.year(), day.month(), day.day()),
                witness=self.witness.text(),
                personnel_copy=self.personnel_copy.text(),
                secrecy_copy=self.secrecy_copy.text(),
            )
            tab.ctx.broadcast(PEOPLE_CHANGED, tab)

        self.operation = record


class ClausesDialog(OperationDialog):
    """The officer rewords a template's clauses, one per line: a new version is kept."""

    def __init__(self, tab: CommitmentsTab, template: str) -> None:
        super().__init__("", tab.ctx.lang, "", tab)
        self.setWindowTitle(self.tr("Clauses — {title}").format(title=tab.template_title(template)))
        self.ok_button.setText(self.tr("Save as new version"))
        current = tab.commitments.clauses(template)
        self.set_intro(
            self.tr(
                "Version {version}. One clause per line; the first eight are the mandatory "
                "clauses and may be reworded, not removed. Printed commitments keep the text "
                "they were printed with."
            ).format(version=current.version)
        )
        self.text = QPlainTextEdit("\n".join(current.clauses))
        self.text.setMinimumHeight(320)
        self.extra.addWidget(self.text)
        self.setMinimumWidth(720)

        def save() -> None:
            tab.commitments.edit_clauses(template, self.text.toPlainText().splitlines())
            tab.ctx.broadcast(CHANGED, tab)

        self.operation = save


class TransitionDialog(OperationDialog):
    """Move a person one step along the lifecycle, with the date and the reason."""

    def __init__(self, tab: CommitmentsTab, number: str = "") -> None:
        super().__init__("", tab.ctx.lang, "", tab)
        self.setWindowTitle(self.tr("Personnel status change"))
        self.ok_button.setText(self.tr("Change"))
        self.set_intro(
            self.tr(
                "Under review → in post → left post (disengagement period) → released. Leaving "
                "the post computes the end of the disengagement period from the person's class."
            )
        )
        self.person = QLineEdit(number)
        self.person.setPlaceholderText("RY-2026-0001")
        self.target = QComboBox()
        spec = tab.ctx.registers.spec(lifecycle.PERSONNEL)
        for code in (lifecycle.IN_POST, lifecycle.DISENGAGING, lifecycle.RELEASED):
            self.target.addItem(spec.status(code).label(tab.ctx.lang), code)
        self.on_date = QDateEdit()
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        today = tab.ctx.clock.today()
        self.on_date.setDate(QDate(today.year, today.month, today.day))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.form.addRow(self.tr("Person:"), self.person)
        self.form.addRow(self.tr("New status:"), self.target)
        self.form.addRow(self.tr("Date:"), self.on_date)
        self.form.addRow(self.tr("Reason:"), self.reason)

        #: Shown once the person turns out to hold carriers or equipment still (离岗 warning).
        self.confirm = QCheckBox(self.tr("Go ahead although the person still holds them"))
        self.confirm.hide()
        self.extra.addWidget(self.confirm)
        desk = Carriers(tab.ctx.registers)

        def change() -> None:
            day = self.on_date.date()
            try:
                lifecycle.transition(
                    tab.ctx.registers,
                    self.person.text().strip().upper(),
                    str(self.target.currentData()),
                    on_date=date(day.year(), day.month(), day.day()),
                    reason=self.reason.text(),
                    before_leaving=lambda person: departure_notices(desk, person),
                    confirm=self.confirm.isChecked(),
                )
            except NeedsConfirmation:
                self.confirm.show()
                raise
            tab.ctx.broadcast(PEOPLE_CHANGED, tab)

        self.operation = change


class CommitmentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.ctx = ctx
        self.commitments = Commitments(ctx.registers)
        self.items: list[Commitment] = []
        #: How a print job is shown: the one print dialog (a test drives it directly).
        self.open_print: Callable[[MakeJob], list[Printout]] = lambda make: open_print(
            self, ctx, make
        )
        layout = QVBoxLayout(self)

        self.reminders = QLabel()
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.reminders, "hint")
        layout.addWidget(self.reminders)

        box = QGroupBox(self.tr("Generate commitments"))
        row = QHBoxLayout(box)
        self.template = QComboBox()
        for spec in self.commitments.templates():
            self.template.addItem(spec.title(ctx.lang), spec.id)
        self.template.setCurrentIndex(max(0, self.template.findData("onboarding")))
        self.who = QComboBox()
        self.who.addItem(self.tr("Everyone due"), DUE)
        self.who.addItem(self.tr("A department"), DEPARTMENT)
        self.who.addItem(self.tr("One person (number)"), ONE)
        self.who_text = QLineEdit()
        self.who_text.setPlaceholderText(self.tr("department, or RY-2026-0001"))
        self.level = QComboBox()
        for level in _OFFERED:
            if ctx.session.principal.sees(level):
                self.level.addItem(level.label(ctx.lang), level)
        self.matter = QLineEdit()
        self.matter.setPlaceholderText(self.tr("matter concerned (special, foreign exchange)"))
        self.generate_button = QPushButton(self.tr("&Generate"))
        self.clauses_button = QPushButton(self.tr("Clauses…"))
        for widget in (self.template, self.who, self.who_text, self.level, self.matter):
            row.addWidget(widget)
        row.addWidget(self.generate_button)
        row.addWidget(self.clauses_button)
        layout.addWidget(box)

        bar = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), "")
        for spec_status in self.commitments.templates()[0].statuses:
            self.status_filter.addItem(spec_status.label(ctx.lang), spec_status.code)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("&Print selected…"))
        self.sign_button = QPushButton(self.tr("Record &signature…"))
        self.report_button = QPushButton(self.tr("Completeness &report…"))
        self.report_export = QPushButton(self.tr("Export report…"))
        self.report_export.setObjectName("completenessExport")
        self.report_export.setToolTip(
            self.tr("Write the completeness report to a .xlsx or .csv file")
        )
        self.report_export.setEnabled(ctx.session.principal.can(COMMITMENTS, Action.EXPORT))
        self.transition_button = QPushButton(self.tr("Personnel status…"))
        for button in (
            self.print_button,
            self.sign_button,
            self.report_button,
            self.report_export,
            self.transition_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Commitment"),
                self.tr("Person"),
                self.tr("Name"),
                self.tr("Department"),
                self.tr("Status"),
                self.tr("Mark"),
                self.tr("Printed"),
                self.tr("Signed on"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)

        self.generate_button.clicked.connect(self.generate)
        self.clauses_button.clicked.connect(self.edit_clauses)
        self.print_button.clicked.connect(lambda: self.print_numbers(self.selected()))
        self.sign_button.clicked.connect(self.sign_selected)
        self.report_button.clicked.connect(self.print_report)
        self.report_export.clicked.connect(self.export_report)
        self.transition_button.clicked.connect(self.change_status)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())

    def title(self) -> str:
        return self.tr("Commitments")

    def template_title(self, template: str) -> str:
        for spec in self.commitments.templates():
            if spec.id == template:
                return spec.title(self.ctx.lang)
        return template

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # --- reading -------------------------------------------------------------------------

    def say(self, text: str, role: str = "hint") -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def refresh(self) -> None:
        self.reload()
        self.show_reminders()

    def apply_changes(self, changes: Changes) -> None:
        """Commitments or people changed elsewhere (a print, the personnel register): show
        them again now if the tab is on screen; otherwise it refreshes when it is shown."""
        concerned = COMMITMENTS in changes.modules or lifecycle.PERSONNEL in changes.registers
        if concerned and self.isVisible():
            self.refresh()

    def reload(self) -> None:
        """Read the list again; the selected commitments stay selected."""
        chosen = set(self.selected())
        try:
            self.items = self.commitments.find(status=self.status_filter.currentData() or None)
        except DeskError as exc:
            self.items = []
            self.say(exc.message(self.ctx.lang), "error")
        statuses = {
            s.code: s.label(self.ctx.lang) for s in self.commitments.templates()[0].statuses
        }
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            cells = (
                item.number,
                self.template_title(item.template),
                item.person,
                item.name,
                item.department,
                statuses.get(item.status, item.status),
                item.marking,
                (item.printed_at or "")[:10],
                item.signed_on.isoformat() if item.signed_on else "",
            )
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.number)
                self.table.setItem(r, c, cell)
        self._select(chosen)

    def _select(self, numbers: set[str]) -> None:
        self.table.clearSelection()
        if not numbers:
            return
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r, item in enumerate(self.items):
            if item.number in numbers:
                self.table.selectRow(r)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def show_reminders(self) -> None:
        """The completeness counts and the people whose disengagement period ends soon."""
        try:
            report = report_mod.completeness(self.commitments)
            people = self.commitments.people()
        except DeskError as exc:
            self.reminders.setText(exc.message(self.ctx.lang))
            return
        lines = [
            self.tr(
                "{missing} people have no signed commitment, {renew} are due to renew, "
                "{unsigned} printed commitments are unsigned after 7 days."
            ).format(
                missing=len(report.of(report_mod.MISSING)),
                renew=len(report.of(report_mod.RENEW)),
                unsigned=len(report.of(report_mod.UNSIGNED)),
            )
        ]
        for person in people:
            if person.status == lifecycle.DISENGAGING and person.flags:
                name = str(person.values.get("name") or "")
                for flag in person.flags:
                    lines.append(f"{person.number} {name}: {flag.message(self.ctx.lang)}")
        self.reminders.setText("\n".join(lines))

    def show_deadline(self, deadline: Deadline) -> None:
        """Show the items of a home-tab work-list line: the people without a signed
        commitment or due to renew (named below the list, and "Everyone due" chosen for the
        commitment they need), or the printed commitments still unsigned after a week
        (listed and selected)."""
        kind = deadline.key.removeprefix("commitments.")
        if kind == report_mod.UNSIGNED:
            self.status_filter.setCurrentIndex(self.status_filter.findData(PRINTED))
            limit = (self.ctx.clock.today() - timedelta(days=report_mod.UNSIGNED_DAYS)).isoformat()
            self._select({c.number for c in self.items if (c.printed_at or "")[:10] <= limit})
            return
        if kind not in (report_mod.MISSING, report_mod.RENEW):
            return
        try:
            gaps = report_mod.completeness(self.commitments).of(kind)
        except DeskError as exc:
            self.say(exc.message(self.ctx.lang), "error")
            return
        template = gaps[0].template if gaps else (IN_POST if kind == report_mod.RENEW else "")
        if template:
            self.template.setCurrentIndex(max(0, self.template.findData(template)))
        self.who.setCurrentIndex(self.who.findData(DUE))
        people = "、".join(f"{g.name}（{g.person}）" for g in gaps)
        self.say(f"{deadline.title.text(self.ctx.lang)}: {people or '—'}")

    def selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.items[r].number for r in rows if r < len(self.items)]

    # --- actions -------------------------------------------------------------------------

    def people(self) -> list[str]:
        template = str(self.template.currentData())
        mode = self.who.currentData()
        text = self.who_text.text().strip()
        if mode == DUE:
            # A department typed narrows "everyone due" to those due in it: the two boxes
            # never contradict each other.
            return report_mod.due_people(self.commitments, template, department=text or None)
        if mode == DEPARTMENT:
            return [p.number for p in self.commitments.people(department=text)]
        return [text] if text else []

    def generate(self) -> list[Commitment]:
        try:
            people = self.people()
            if not people:
                self.say(self.tr("Nobody to generate for."))
                return []
            confirm = False
            while True:
                try:
                    made = run_job(
                        partial(
                            self.commitments.generate,
                            str(self.template.currentData()),
                            people,
                            level=Level(self.level.currentData()),
                            matter=self.matter.text(),
                            confirm=confirm,
                        )
                    )
                    break
                except NeedsConfirmation as exc:
                    answer = QMessageBox.question(
                        self,
                        self.tr("Generate commitments"),
                        exc.message(self.ctx.lang) + "\n\n" + self.tr("Generate anyway?"),
                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                        QMessageBox.StandardButton.No,
                    )
                    if confirm or answer != QMessageBox.StandardButton.Yes:
                        return []
                    confirm = True
        except DeskError as exc:
            self.say(exc.message(self.ctx.lang), "error")
            return []
        self.ctx.broadcast(CHANGED, self)
        self.status_filter.setCurrentIndex(0)
        self.refresh()
        self._select({m.number for m in made})
        self.say(
            self.tr("{n} commitments generated and selected; print them next.").format(n=len(made)),
            "ok",
        )
        return made

    def print_numbers(self, numbers: Sequence[str]) -> bool:
        """One print for every selected commitment (one PDF, one print register entry each),
        previewed first in the print dialog; a reprint asks its reason there. Nothing is
        recorded unless the print is made."""
        if not numbers:
            self.say(self.tr("Select the commitments to print."))
            return False
        commitments, chosen = self.commitments, list(numbers)
        made = self.open_print(lambda: commitments.print_job(chosen))
        self.refresh()
        if not made:
            return False
        self.say(
            self.tr("{n} commitments printed into one document and recorded.").format(
                n=len(made[-1].printed)
            ),
            "ok",
        )
        return True

    def signature_dialog(self, number: str) -> SignatureDialog | None:
        try:
            item = self.commitments.get(number)
        except DeskError as exc:
            self.say(exc.message(self.ctx.lang), "error")
            return None
        if item.status != PRINTED:
            self.say(self.tr("Only a printed, unsigned commitment can be signed."), "error")
            return None
        return SignatureDialog(self, item)

    def sign_selected(self) -> None:
        numbers = self.selected()
        if len(numbers) != 1:
            self.say(self.tr("Select one printed commitment."))
            return
        dialog = self.signature_dialog(numbers[0])
        if dialog is None:
            return
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.refresh()
                self.say(
                    self.tr("{number} is signed and archived.").format(number=numbers[0]), "ok"
                )
        finally:
            dialog.deleteLater()

    def edit_clauses(self) -> None:
        dialog = ClausesDialog(self, str(self.template.currentData()))
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.say(self.tr("The new clause text is saved as a new version."), "ok")
        finally:
            dialog.deleteLater()

    def print_report(self) -> None:
        """The completeness report, previewed and printed through the print dialog."""
        try:
            report = report_mod.completeness(self.commitments)
        except DeskError as exc:
            self.say(exc.message(self.ctx.lang), "error")
            return
        commitments = self.commitments
        self.open_print(lambda: report_mod.report_job(commitments, report))

    def export_report(self) -> None:
        path = report_files.ask_path(self, self.tr("Commitments completeness report"))
        if path is not None:
            self.export_report_to(path)

    def export_report_to(self, path: Path) -> Path | None:
        """The completeness report to ``path`` (.xlsx or .csv), as its paper shows it."""
        commitments = self.commitments

        def write(over: bool) -> Path:
            report = report_mod.completeness(commitments)
            return export.export_completeness(commitments, report, path, overwrite=over)

        return report_files.export_file(self, self.ctx.lang, self.message, write)

    def change_status(self) -> None:
        items = {i.number: i for i in self.items}
        chosen = self.selected()
        person = items[chosen[0]].person if len(chosen) == 1 and chosen[0] in items else ""
        dialog = TransitionDialog(self, person)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.refresh()
                self.say(self.tr("The status change is recorded."), "ok")
        finally:
            dialog.deleteLater()

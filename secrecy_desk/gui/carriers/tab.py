"""The carriers' GUI: the Carriers and Equipment register tabs with the lifecycle actions on the
selected rows (several at once where it makes sense), and the carrier desk — a person's holdings
with the handover list, the stocktake screen (keyboard first: a barcode scanner types the number
and Enter, one item per scan) and the destruction packages.

Everything goes through :mod:`secrecy_desk.modules.carriers`; permissions are checked there."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.print_dialog import open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.modules.base import Deadline
from secrecy_desk.modules.carriers import ID as CARRIERS_MODULE
from secrecy_desk.modules.carriers import papers
from secrecy_desk.modules.carriers.holdings import holdings
from secrecy_desk.modules.carriers.lifecycle import CARRIERS, EQUIPMENT, Carriers
from secrecy_desk.modules.carriers.packages import METHODS, Package, Packages
from secrecy_desk.modules.carriers.stocktake import SCOPES, Stocktakes
from secrecy_desk.records.printing import PrintJob

CHANGED: Final = Changes.of(registers={CARRIERS, EQUIPMENT}, modules={CARRIERS_MODULE})


@dataclass(frozen=True)
class Field:
    """One input of a step dialog: ``kind`` is text, date, person, bool, number or method."""

    key: str
    label: str
    kind: str = "text"
    default: str = ""


class StepDialog(OperationDialog):
    """A lifecycle step's inputs; ``act`` receives them by key and does the step."""

    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        title: str,
        fields: Sequence[Field],
        act: Callable[[dict[str, object]], object],
        intro: str = "",
    ) -> None:
        super().__init__(title, ctx.lang, QCoreApplication.translate("Carriers", "Save"), parent)
        if intro:
            self.set_intro(intro)
        self.inputs: dict[str, QWidget] = {}
        today = ctx.clock.today()
        for f in fields:
            widget: QWidget
            if f.kind == "date":
                edit = QDateEdit()
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                day = date.fromisoformat(f.default) if f.default else today
                edit.setDate(QDate(day.year, day.month, day.day))
                widget = edit
            elif f.kind == "bool":
                box = QCheckBox()
                box.setChecked(f.default == "1")
                widget = box
            elif f.kind == "number":
                spin = QSpinBox()
                spin.setRange(1, 999)
                spin.setValue(int(f.default or "1"))
                widget = spin
            elif f.kind == "method":
                combo = QComboBox()
                for code in METHODS:
                    combo.addItem(method_label(code, ctx.lang), code)
                widget = combo
            else:
                line = QLineEdit(f.default)
                line.setMaxLength(500)
                widget = line
            widget.setObjectName(f"field_{f.key}")
            self.inputs[f.key] = widget
            self.form.addRow(f.label, widget)

        def run() -> None:
            act(self.values())

        self.operation = run

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QDateEdit):
                d = widget.date()
                out[key] = date(d.year(), d.month(), d.day())
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QComboBox):
                out[key] = str(widget.currentData())
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
        return out


def method_label(code: str, lang: str) -> str:
    zh, en = papers.METHOD_LABELS[code]
    return en if lang == "en" else zh


def _d(values: dict[str, object], key: str) -> date:
    value = values[key]
    assert isinstance(value, date)
    return value


def _s(values: dict[str, object], key: str) -> str:
    return str(values.get(key) or "")


# --- the register tabs with the lifecycle actions ---------------------------------------------


class CarrierRegisterTab(RegisterTab):
    """A register tab of carriers or equipment, with the lifecycle on the selected rows."""

    def __init__(self, ctx: AppContext, register: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ctx.registers.spec(register), parent)
        self.desk = Carriers(ctx.registers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The lifecycle on a second row, under the register's own actions.
        self.steps_bar = QToolBar()
        self.steps_bar.setObjectName("lifecycleBar")
        self.steps_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.steps_bar)
        carrier = register == CARRIERS
        steps: list[tuple[str, Callable[[], None], str]] = [
            (self.tr("Issue…"), self.issue, "issueAction"),
            (self.tr("Lend…"), self.lend, "lendAction"),
            (self.tr("Return…"), self.return_items, "returnAction"),
        ]
        if carrier:
            steps += [
                (self.tr("Copy…"), self.copy, "copyAction"),
                (self.tr("Send…"), self.send, "sendAction"),
                (self.tr("Receipt…"), self.receipt, "receiptAction"),
            ]
        steps += [
            (self.tr("Repair…"), self.repair, "repairAction"),
            (self.tr("Take out…"), self.take_out, "takeOutAction"),
            (self.tr("Withdraw…"), self.withdraw, "withdrawAction"),
            (self.tr("To destruction package…"), self.to_package, "packageAction"),
            (self.tr("Lifecycle"), self.show_lifecycle, "lifecycleAction"),
            (self.tr("Print slip"), self.print_slip, "slipAction"),
        ]
        if carrier:
            steps.append((self.tr("Distribution list"), self.print_distribution, "distAction"))
        self.step_actions: dict[str, QAction] = {}
        for text, slot, name in steps:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.steps_bar.addAction(action)
            self.step_actions[name] = action

    # --- helpers ------------------------------------------------------------------------

    def selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        numbers = [self.model.entry(r).number for r in rows]
        if not numbers and self.editor.entry is not None and not self.editor.is_new:
            numbers = [self.editor.entry.number]
        return numbers

    def _step(
        self,
        title: str,
        fields: Sequence[Field],
        act: Callable[[list[str], dict[str, object]], object],
        *,
        single: bool = False,
    ) -> StepDialog | None:
        numbers = self.selected_numbers()
        if not numbers:
            self.show_error(self.tr("Select one or more items first."))
            return None
        if single:
            numbers = numbers[:1]
        dialog = StepDialog(
            self,
            self.ctx,
            title,
            fields,
            lambda values: act(numbers, values),
            intro="、".join(numbers),
        )
        dialog.accepted.connect(self._after_step)
        self.open_dialog(dialog)
        return dialog

    def open_dialog(self, dialog: StepDialog) -> None:
        """Show a step's dialog (a test replaces this to fill it in)."""
        dialog.open()

    def _after_step(self) -> None:
        self.reload_list()
        self.ctx.broadcast(CHANGED, self)

    # --- the steps ----------------------------------------------------------------------

    def issue(self) -> None:
        self._step(
            self.tr("Issue to a holder (签收)"),
            [
                Field("holder", self.tr("Holder (personnel no. or login):"), "person"),
                Field("location", self.tr("Location (optional):")),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.issue(
                n, _s(v, "holder"), on_date=_d(v, "on"), location=_s(v, "location")
            ),
        )

    def lend(self) -> None:
        self._step(
            self.tr("Lend (借阅)"),
            [
                Field("borrower", self.tr("Borrower (personnel no. or login):"), "person"),
                Field("due", self.tr("Due back:"), "date"),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.lend(
                n, _s(v, "borrower"), due_on=_d(v, "due"), on_date=_d(v, "on")
            ),
        )

    def return_items(self) -> None:
        self._step(
            self.tr("Return"),
            [
                Field("checked_by", self.tr("Checked by:")),
                Field("intact", self.tr("Intact"), "bool", "1"),
                Field("note", self.tr("Note:")),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.return_(
                n,
                checked_by=_s(v, "checked_by"),
                intact=bool(v["intact"]),
                note=_s(v, "note"),
                on_date=_d(v, "on"),
            ),
        )

    def copy(self) -> None:
        self._step(
            self.tr("Copy against an approved request"),
            [
                Field("approval", self.tr("Approved copy request no.:")),
                Field("copies", self.tr("Copies:"), "number", "1"),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.copy(
                n[0],
                approval=_s(v, "approval"),
                copies=int(str(v["copies"])),
                on_date=_d(v, "on"),
            ),
            single=True,
        )

    def send(self) -> None:
        self._step(
            self.tr("Send (机要渠道)"),
            [
                Field("recipient", self.tr("Recipient:")),
                Field("channel", self.tr("Channel:"), default="机要渠道"),
                Field("doc_no", self.tr("Document no. (optional):")),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.send(
                n,
                recipient=_s(v, "recipient"),
                channel=_s(v, "channel"),
                doc_no=_s(v, "doc_no"),
                on_date=_d(v, "on"),
            ),
        )

    def receipt(self) -> None:
        self._step(
            self.tr("Receipt returned"),
            [
                Field("signed_by", self.tr("Signed by:")),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.receipt(n[0], signed_by=_s(v, "signed_by"), on_date=_d(v, "on")),
            single=True,
        )

    def repair(self) -> None:
        self._step(
            self.tr("Send for repair"),
            [
                Field("repairer", self.tr("Repaired by:")),
                Field("where", self.tr("Where:")),
                Field("supervisor", self.tr("Supervised by:")),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.repair(
                n,
                repairer=_s(v, "repairer"),
                where=_s(v, "where"),
                supervisor=_s(v, "supervisor"),
                on_date=_d(v, "on"),
            ),
        )

    def take_out(self) -> None:
        self._step(
            self.tr("Take out (外携)"),
            [
                Field("approved_by", self.tr("Approved by (or approval no.):")),
                Field("destination", self.tr("Taken to:")),
                Field("due", self.tr("Due back:"), "date"),
                Field("on", self.tr("Date:"), "date"),
            ],
            lambda n, v: self.desk.take_out(
                n,
                approved_by=_s(v, "approved_by"),
                destination=_s(v, "destination"),
                due_on=_d(v, "due"),
                on_date=_d(v, "on"),
            ),
        )

    def withdraw(self) -> None:
        self._step(
            self.tr("Withdraw (清退)"),
            [Field("reason", self.tr("Reason:")), Field("on", self.tr("Date:"), "date")],
            lambda n, v: self.desk.withdraw(n, reason=_s(v, "reason"), on_date=_d(v, "on")),
        )

    def to_package(self) -> None:
        packages = Packages(self.desk)

        def act(numbers: list[str], v: dict[str, object]) -> Package:
            existing = _s(v, "package").strip()
            if existing:
                return packages.add(existing, numbers)
            return packages.create(numbers, reason=_s(v, "reason"), method=_s(v, "method"))

        self._step(
            self.tr("Into a destruction package"),
            [
                Field("package", self.tr("Existing package no. (blank: a new one):")),
                Field("reason", self.tr("Reason (new package):")),
                Field("method", self.tr("Method (new package):"), "method"),
            ],
            act,
        )

    # --- reading and paper --------------------------------------------------------------

    def show_lifecycle(self) -> None:
        numbers = self.selected_numbers()
        if not numbers:
            self.show_error(self.tr("Select one or more items first."))
            return
        try:
            lines = self.desk.history(numbers[0], self.lang)
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return
        name = self.ctx.registers.people.name  # the person, never the login
        text = "\n".join(
            f"{h.on_date}  {h.label(self.lang)}  {h.summary}  ({name(h.account)})" for h in lines
        )
        self.message_box(QMessageBox.Icon.Information, numbers[0], text)

    def print_slip(self) -> None:
        numbers = self.selected_numbers()
        if numbers:
            open_print(self, self.ctx, lambda: papers.slip(self.desk, numbers[0], self.lang))

    def print_distribution(self) -> None:
        numbers = self.selected_numbers()
        if numbers:
            open_print(self, self.ctx, lambda: papers.distribution(self.desk, numbers, self.lang))


def open_carriers_tab(ctx: AppContext, register: str) -> CarrierRegisterTab:
    """The tab of ``carriers`` or ``equipment`` (the carriers module's tab factory)."""
    return CarrierRegisterTab(ctx, register)


# --- the carrier desk: holdings, stocktakes, packages -----------------------------------------


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))


class HoldingsPage(QWidget):
    """A person's holdings now, since when, what is overdue; the handover list."""

    def __init__(self, desk_tab: CarrierDeskTab) -> None:
        super().__init__()
        self.desk_tab = desk_tab
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.person = QLineEdit()
        self.person.setObjectName("holdingsPerson")
        self.person.setPlaceholderText(self.tr("Personnel no. (RY-…) or login, then Enter"))
        self.person.returnPressed.connect(self.show_person)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.show_person)
        self.print_button = QPushButton(self.tr("Print handover list"))
        self.print_button.clicked.connect(self.print_handover)
        row.addWidget(QLabel(self.tr("Person:")))
        row.addWidget(self.person, 1)
        row.addWidget(show)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.table = _table(
            [self.tr("Number"), self.tr("Title"), self.tr("Marking"), self.tr("Status"),
             self.tr("Held since"), self.tr("Due back")]
        )  # fmt: skip
        self.table.setObjectName("holdingsTable")
        layout.addWidget(self.table, 1)

    def show_person(self) -> None:
        desk = self.desk_tab.desk
        lang = self.desk_tab.ctx.lang
        try:
            person = desk.person(self.person.text())
            held = holdings(desk, person.number)
        except DeskError as exc:
            self.summary.setText(exc.message(lang))
            set_role(self.summary, "error")
            return
        set_role(self.summary, "")
        late = sum(1 for h in held if h.overdue)
        self.summary.setText(
            self.tr("{name} holds {n} item(s); {late} overdue.").format(
                name=person.name, n=len(held), late=late
            )
        )
        rows = []
        for h in held:
            spec = desk.registers.spec(h.entry.register)
            rows.append(
                [
                    h.entry.number,
                    h.title,
                    h.entry.marking,
                    spec.status(h.entry.status).label(lang),
                    h.since.isoformat() if h.since else "",
                    (h.due.isoformat() if h.due else "") + (" ⚠" if h.overdue else ""),
                ]
            )
        _fill(self.table, rows)

    def print_handover(self) -> None:
        text = self.person.text()
        tab = self.desk_tab
        open_print(self, tab.ctx, lambda: papers.handover(tab.desk, text, tab.ctx.lang))


class StocktakePage(QWidget):
    """Open a stocktake, then scan: every number + Enter marks one item found."""

    def __init__(self, desk_tab: CarrierDeskTab) -> None:
        super().__init__()
        self.desk_tab = desk_tab
        self.takes = Stocktakes(desk_tab.desk)
        self.current: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.scope = QComboBox()
        for code, text in zip(
            SCOPES,
            (self.tr("Everything"), self.tr("A department"), self.tr("A location"),
             self.tr("A holder")),
            strict=True,
        ):  # fmt: skip
            self.scope.addItem(text, code)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("Department, location or holder"))
        open_button = QPushButton(self.tr("Open stocktake"))
        open_button.setObjectName("openStocktake")
        open_button.clicked.connect(self.open_stocktake)
        self.choose = QComboBox()
        self.choose.setObjectName("stocktakeChoice")
        self.choose.currentIndexChanged.connect(self._chosen)
        top.addWidget(QLabel(self.tr("Scope:")))
        top.addWidget(self.scope)
        top.addWidget(self.value, 1)
        top.addWidget(open_button)
        top.addWidget(QLabel(self.tr("Stocktake:")))
        top.addWidget(self.choose)
        layout.addLayout(top)
        scan = QHBoxLayout()
        self.scan = QLineEdit()
        self.scan.setObjectName("scanInput")
        self.scan.setPlaceholderText(self.tr("Scan or type the number, then Enter"))
        self.scan.returnPressed.connect(self.scanned)
        self.mark = QComboBox()
        for code, text in (("found", self.tr("Found")), ("missing", self.tr("Missing")),
                           ("elsewhere", self.tr("Found elsewhere"))):  # fmt: skip
            self.mark.addItem(text, code)
        self.found_at = QLineEdit()
        self.found_at.setPlaceholderText(self.tr("Where (found elsewhere)"))
        scan.addWidget(QLabel(self.tr("Item:")))
        scan.addWidget(self.scan, 2)
        scan.addWidget(self.mark)
        scan.addWidget(self.found_at, 1)
        layout.addLayout(scan)
        self.feedback = QLabel()
        self.feedback.setObjectName("scanFeedback")
        layout.addWidget(self.feedback)
        self.progress = QLabel()
        layout.addWidget(self.progress)
        self.table = _table(
            [self.tr("Number"), self.tr("Title"), self.tr("Marking"), self.tr("Result"),
             self.tr("Holder"), self.tr("Ledger location"), self.tr("Found at")]
        )  # fmt: skip
        self.table.setObjectName("stocktakeTable")
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        close_button = QPushButton(self.tr("Close and print the discrepancy report"))
        close_button.setObjectName("closeStocktake")
        close_button.clicked.connect(self.close_stocktake)
        bottom.addStretch(1)
        bottom.addWidget(close_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+L"), self, self.scan.setFocus)
        self.refresh()

    def _say(self, text: str, role: str = "") -> None:
        self.feedback.setText(text)
        set_role(self.feedback, role)

    def refresh(self) -> None:
        self.choose.blockSignals(True)
        self.choose.clear()
        lang = self.desk_tab.ctx.lang
        for s in self.takes.all():
            self.choose.addItem(
                f"{s.number} · {s.scope_text(lang)} · {s.state_label(lang)}", s.number
            )
        if self.current is not None:
            index = self.choose.findData(self.current)
            self.choose.setCurrentIndex(max(index, 0))
        self.choose.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        number = self.choose.currentData()
        self.current = str(number) if number else None
        self.show_items()

    def show_items(self) -> None:
        if self.current is None:
            _fill(self.table, [])
            self.progress.setText("")
            return
        lang = self.desk_tab.ctx.lang
        take = self.takes.get(self.current)
        lines = self.takes.items(self.current, discrepancies_only=take.state == "closed")
        if take.state == "open":
            marked, expected = self.takes.progress(self.current)
            self.progress.setText(
                self.tr("{marked} of {expected} listed items marked.").format(
                    marked=marked, expected=expected
                )
            )
        else:
            self.progress.setText(self.takes.report(self.current).summary(lang))
        _fill(
            self.table,
            [[x.number, x.title, x.marking, x.label(lang), x.holder, x.location, x.found_at]
             for x in lines],
        )  # fmt: skip

    def open_stocktake(self) -> None:
        try:
            take = self.takes.open(str(self.scope.currentData()), self.value.text())
        except DeskError as exc:
            self._say(exc.message(self.desk_tab.ctx.lang), "error")
            return
        self.current = take.number
        self._say(
            self.tr("Stocktake {number} opened: {n} items expected.").format(
                number=take.number, n=take.expected
            )
        )
        self.refresh()
        self.scan.setFocus()

    def scanned(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        if not text.strip():
            return
        if self.current is None:
            self._say(self.tr("Open or choose a stocktake first."), "error")
            return
        try:
            mark = self.takes.mark(
                self.current, text, str(self.mark.currentData()), found_at=self.found_at.text()
            )
        except DeskError as exc:
            self._say(exc.message(self.desk_tab.ctx.lang), "error")
            return
        self._say(f"{mark.number}: {mark.label(self.desk_tab.ctx.lang)}")
        self.show_items()
        self.scan.setFocus()

    def close_stocktake(self) -> None:
        if self.current is None:
            return
        number = self.current
        try:
            self.takes.close(number)
        except DeskError as exc:
            self._say(exc.message(self.desk_tab.ctx.lang), "error")
            return
        self.refresh()
        tab = self.desk_tab
        open_print(self, tab.ctx, lambda: papers.discrepancy(tab.desk, number, tab.ctx.lang))


class PackagesPage(QWidget):
    """Destruction packages: their items, submit for approval, record the destruction."""

    def __init__(self, desk_tab: CarrierDeskTab) -> None:
        super().__init__()
        self.desk_tab = desk_tab
        self.packages = Packages(desk_tab.desk)
        layout = QVBoxLayout(self)
        self.list = _table(
            [self.tr("Package"), self.tr("State"), self.tr("Items"), self.tr("Marking"),
             self.tr("Approval"), self.tr("Reason")]
        )  # fmt: skip
        self.list.setObjectName("packageList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self.show_items)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Submit for approval"), self.submit, "submitPackage"),
            (self.tr("Record the destruction…"), self.execute, "executePackage"),
            (self.tr("Print destruction list"), self.print_list, "printPackageList"),
            (self.tr("Print destruction record"), self.print_record, "printPackageRecord"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.items = _table(
            [self.tr("Number"), self.tr("Title"), self.tr("Marking"), self.tr("Status")]
        )
        self.items.setObjectName("packageItems")
        layout.addWidget(self.items, 2)
        self.refresh()

    def refresh(self) -> None:
        lang = self.desk_tab.ctx.lang
        self.all = self.packages.all()
        _fill(
            self.list,
            [[p.number, p.state_label(lang), str(len(p.items)), p.marking, p.approval or "",
              p.reason] for p in self.all],
        )  # fmt: skip
        if self.all and not self.list.selectedItems():
            self.list.selectRow(0)
        self.show_items()

    def selected(self) -> Package | None:
        rows = {i.row() for i in self.list.selectedItems()}
        return self.all[min(rows)] if rows else None

    def show_items(self) -> None:
        package = self.selected()
        desk = self.desk_tab.desk
        lang = self.desk_tab.ctx.lang
        rows = []
        for item in package.items if package else ():
            spec = desk.registers.spec(item.register)
            rows.append(
                [item.number, item.title, item.marking, spec.status(item.status).label(lang)]
            )
        _fill(self.items, rows)

    def _do(self, work: Callable[[], object]) -> None:
        try:
            work()
        except DeskError as exc:
            self.message.setText(exc.message(self.desk_tab.ctx.lang))
            set_role(self.message, "error")
            return
        self.message.setText("")
        self.refresh()
        self.desk_tab.ctx.broadcast(CHANGED, self.desk_tab)

    def submit(self) -> None:
        package = self.selected()
        if package is not None:
            self._do(lambda: self.packages.submit(package.number))

    def execute(self) -> None:
        package = self.selected()
        if package is None:
            return
        dialog = StepDialog(
            self,
            self.desk_tab.ctx,
            self.tr("Record the destruction"),
            [
                Field("on", self.tr("Destroyed on:"), "date"),
                Field("method", self.tr("Method:"), "method"),
                Field("place", self.tr("Place:")),
                Field("handler", self.tr("Destroyed by:")),
                Field("witness1", self.tr("First witness (监销人):")),
                Field("witness2", self.tr("Second witness (监销人):")),
            ],
            lambda v: self.packages.execute(
                package.number,
                on_date=_d(v, "on"),
                method=_s(v, "method"),
                place=_s(v, "place"),
                handler=_s(v, "handler"),
                witnesses=[_s(v, "witness1"), _s(v, "witness2")],
            ),
            intro=package.number,
        )
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self.desk_tab.ctx.broadcast(CHANGED, self.desk_tab))
        dialog.open()
        self.dialog = dialog

    def print_list(self) -> None:
        self._print(papers.destruction_list)

    def print_record(self) -> None:
        self._print(papers.destruction_record)

    def _print(self, make: Callable[[Carriers, str, str], PrintJob]) -> None:
        package = self.selected()
        if package is None:
            return
        tab = self.desk_tab
        number = package.number
        open_print(self, tab.ctx, lambda: make(tab.desk, number, tab.ctx.lang))


class CarrierDeskTab(QWidget):
    """The carrier desk (载体管理): holdings, stocktakes, destruction packages."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.desk = Carriers(ctx.registers)
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.holdings = HoldingsPage(self)
        self.stocktake = StocktakePage(self)
        self.package_page = PackagesPage(self)
        self.pages.addTab(self.holdings, self.tr("Personal holdings"))
        self.pages.addTab(self.stocktake, self.tr("Stocktake"))
        self.pages.addTab(self.package_page, self.tr("Destruction packages"))
        layout.addWidget(self.pages)

    def show_deadline(self, deadline: Deadline) -> None:
        """A work-list line opened this tab: show its page."""
        page = {"carriers.stocktakes": self.stocktake, "carriers.packages": self.package_page}
        widget = page.get(deadline.key)
        if widget is not None:
            self.pages.setCurrentWidget(widget)

    def apply_changes(self, changes: Changes) -> None:
        if changes.registers & {CARRIERS, EQUIPMENT} or CARRIERS_MODULE in changes.modules:
            self.package_page.refresh()
            self.stocktake.refresh()

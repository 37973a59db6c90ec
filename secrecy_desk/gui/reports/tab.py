"""The Statistics tab (统计): pick a register, what to count by (and a second dimension for a
cross-tab), optionally a date range on one of its date fields; the counts show as a table with
totals and as a chart (bars, stacked bars, a line over time), and print as a marked report.

Counting runs off the GUI thread (the one job runner); the figures are counted again when an
operation anywhere changes the register shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FieldType
from secrecy_desk.gui.common import report_files
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import run_job, vault_busy
from secrecy_desk.gui.common.print_dialog import open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.gui.reports.chart import BAR, LINE, STACKED, ChartView, Series
from secrecy_desk.modules.reports import export, paper, periodic
from secrecy_desk.modules.reports.stats import StatQuery, StatTable, count, dimensions
from secrecy_desk.printing import ChartKind
from secrecy_desk.records.printing import PrintJob

_KINDS = {BAR: ChartKind.BAR, STACKED: ChartKind.STACKED, LINE: ChartKind.LINE}


class StatisticsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.table_data: StatTable | None = None
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.register = QComboBox()
        self.register.setObjectName("statRegister")
        for spec in ctx.registers.visible_registers():
            self.register.addItem(spec.title(self.lang), spec.id)
        self.rows = QComboBox()
        self.rows.setObjectName("statRows")
        self.columns = QComboBox()
        self.columns.setObjectName("statColumns")
        self.kind = QComboBox()
        self.kind.setObjectName("statChart")
        self.kind.addItem(self.tr("Bar chart"), BAR)
        self.kind.addItem(self.tr("Stacked bars"), STACKED)
        self.kind.addItem(self.tr("Line over time"), LINE)
        for combo in (self.register, self.rows, self.columns, self.kind):
            # Each shows its whole choice (「（不交叉）」 was cut to 「（不交叉」).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, widget in (
            (self.tr("Register:"), self.register),
            (self.tr("Count by:"), self.rows),
            (self.tr("and by:"), self.columns),
            (self.tr("Chart:"), self.kind),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)

        scope = QHBoxLayout()
        self.date_field = QComboBox()
        self.date_field.setObjectName("statDateField")
        self.date_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start = QLineEdit()
        self.start.setObjectName("statFrom")
        self.end = QLineEdit()
        self.end.setObjectName("statTo")
        for edit in (self.start, self.end):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaximumWidth(120)
            edit.returnPressed.connect(self.recount)
        self.count_button = QPushButton(self.tr("&Count"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("statExport")
        self.export_button.setToolTip(self.tr("Write the table to a .xlsx or .csv file"))
        scope.addWidget(QLabel(self.tr("Date range on:")))
        scope.addWidget(self.date_field)
        scope.addWidget(QLabel(self.tr("from")))
        scope.addWidget(self.start)
        scope.addWidget(QLabel(self.tr("to")))
        scope.addWidget(self.end)
        scope.addWidget(self.count_button)
        scope.addStretch(1)
        scope.addWidget(self.print_button)
        scope.addWidget(self.export_button)
        layout.addLayout(scope)

        periodic_row = QHBoxLayout()
        self.report_year = QSpinBox()
        self.report_year.setObjectName("reportYear")
        this_year = ctx.clock.today().year
        self.report_year.setRange(2000, this_year + 1)
        self.report_year.setValue(this_year)
        self.report_part = QComboBox()
        self.report_part.setObjectName("reportPart")
        self.report_part.addItem(self.tr("First half-year"), periodic.FIRST_HALF)
        self.report_part.addItem(self.tr("Second half-year"), periodic.SECOND_HALF)
        self.report_part.addItem(self.tr("Whole year"), periodic.FULL_YEAR)
        self.report_button = QPushButton(self.tr("Secrecy &work report…"))
        self.report_button.setObjectName("workReport")
        self.report_button.clicked.connect(self.print_work_report)
        periodic_row.addWidget(QLabel(self.tr("Periodic report:")))
        periodic_row.addWidget(self.report_year)
        periodic_row.addWidget(self.report_part)
        self.report_export = QPushButton(self.tr("Export work report…"))
        self.report_export.setObjectName("workReportExport")
        self.report_export.clicked.connect(self.export_work_report)
        periodic_row.addWidget(self.report_button)
        periodic_row.addWidget(self.report_export)
        periodic_row.addStretch(1)
        layout.addLayout(periodic_row)

        self.message = QLabel()
        self.message.setWordWrap(True)
        set_role(self.message, "hint")
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.grid = QTableWidget(0, 0)
        self.grid.setObjectName("statTable")
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.setAlternatingRowColors(True)
        self.grid.verticalHeader().hide()
        self.chart = ChartView()
        splitter.addWidget(self.grid)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.register.currentIndexChanged.connect(self._register_changed)
        self.rows.currentIndexChanged.connect(self._rows_changed)
        self.columns.currentIndexChanged.connect(lambda _i: self.recount())
        self.kind.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.date_field.currentIndexChanged.connect(lambda _i: self.recount())
        self.count_button.clicked.connect(self.recount)
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(self.export_report)
        self._register_changed(0)

    # --- choices ------------------------------------------------------------------------

    def register_id(self) -> str:
        return str(self.register.currentData() or "")

    def _register_changed(self, _index: int) -> None:
        register = self.register_id()
        if not register:
            return
        spec = self.ctx.registers.spec(register)
        dims = dimensions(self.ctx.registers, register)
        for combo in (self.rows, self.columns, self.date_field):
            combo.blockSignals(True)
            combo.clear()
        for d in dims:
            self.rows.addItem(d.title.text(self.lang), d.key)
        self.columns.addItem(self.tr("(nothing else)"), "")
        for d in dims:
            if not d.key.startswith(("month:", "quarter:", "half:", "year:")):
                self.columns.addItem(d.title.text(self.lang), d.key)
        self.date_field.addItem(self.tr("(all dates)"), "")
        for f in spec.fields:
            if f.type is FieldType.DATE:
                self.date_field.addItem(f.label(self.lang), f.name)
        for combo in (self.rows, self.columns, self.date_field):
            combo.blockSignals(False)
        self.recount()

    def _rows_changed(self, _index: int) -> None:
        key = str(self.rows.currentData() or "")
        periodic = key.partition(":")[0] in ("month", "quarter", "half", "year")
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(LINE if periodic else BAR))
        self.kind.blockSignals(False)
        self.recount()

    def _day(self, edit: QLineEdit) -> date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _BadDate(text) from None

    def query(self) -> StatQuery:
        return StatQuery(
            self.register_id(),
            str(self.rows.currentData() or "level"),
            str(self.columns.currentData() or ""),
            str(self.date_field.currentData() or ""),
            self._day(self.start),
            self._day(self.end),
        )

    # --- counting -----------------------------------------------------------------------

    def recount(self) -> None:
        if not self.register_id() or vault_busy():
            return
        try:
            query = self.query()
        except _BadDate as bad:
            self.message.setText(
                self.tr("{text} is not a date: write it as 2026-03-31.").format(text=bad.text)
            )
            set_role(self.message, "error")
            return
        registers = self.ctx.registers
        try:
            table = run_job(lambda: count(registers, query, self.lang))
        except DeskError as exc:
            self.message.setText(exc.message(self.lang))
            set_role(self.message, "error")
            return
        self.table_data = table
        self.message.setText(
            self.tr("{n} entries counted (live entries within your clearance).").format(
                n=f"{table.total:,}"
            )
        )
        set_role(self.message, "hint")
        self._show_table(table)
        self._show_chart()
        principal = self.ctx.session.principal
        self.print_button.setEnabled(
            principal.can(query.register, Action.PRINT) and bool(table.rows)
        )
        self.export_button.setEnabled(
            principal.can(query.register, Action.EXPORT) and bool(table.rows)
        )

    def apply_changes(self, changes: Changes) -> None:
        if self.register_id() in changes.registers and self.isVisible():
            self.recount()

    def _show_table(self, table: StatTable) -> None:
        total = self.tr("Total")
        if table.crossed:
            headers = [table.row_title, *table.column_labels, total]
            lines = [
                [label, *(table.cell(r, c) for c in table.columns), table.row_total(r)]
                for r, label in zip(table.rows, table.row_labels, strict=True)
            ]
            lines.append([total, *(table.column_total(c) for c in table.columns), table.total])
        else:
            headers = [table.row_title, self.tr("Count"), self.tr("Share")]
            lines = [
                [label, n, f"{n * 100 / table.total:.1f}%" if table.total else "—"]
                for label, n in zip(
                    table.row_labels, (table.row_total(r) for r in table.rows), strict=True
                )
            ]
            lines.append([total, table.total, "100%" if table.total else "—"])
        self.grid.clear()
        self.grid.setColumnCount(len(headers))
        self.grid.setHorizontalHeaderLabels([str(h) for h in headers])
        self.grid.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r == len(lines) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.grid.setItem(r, c, item)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def chart_kind(self) -> str:
        return str(self.kind.currentData() or BAR)

    def _show_chart(self) -> None:
        table = self.table_data
        if table is None:
            return
        chart = paper.chart_of(table, _KINDS[self.chart_kind()])
        self.chart.show_chart(
            self.chart_kind(),
            chart.categories,
            tuple(
                Series(s.name if table.crossed else self.tr("Count"), s.values)
                for s in chart.series
            ),
        )

    # --- paper --------------------------------------------------------------------------

    def print_report(self) -> None:
        table = self.table_data
        if table is None:
            return
        registers, kind = self.ctx.registers, _KINDS[self.chart_kind()]

        def make() -> PrintJob:
            return paper.statistics_job(registers, table, kind)

        open_print(self, self.ctx, make)

    def print_work_report(self) -> None:
        """The half-year or annual secrecy work report: previewed, printed or exported (PDF)
        through the one print dialog."""
        registers, period = self.ctx.registers, self._period()

        def make() -> PrintJob:
            return periodic.report_job(registers, periodic.work_report(registers, period))

        open_print(self, self.ctx, make)

    # --- files --------------------------------------------------------------------------

    def _period(self) -> periodic.Period:
        return periodic.Period.of(
            self.report_year.value(), str(self.report_part.currentData() or periodic.FULL_YEAR)
        )

    def export_report(self) -> None:
        table = self.table_data
        if table is None:
            return
        path = report_files.ask_path(self, table.spec.title(self.lang) + self.tr(" statistics"))
        if path is not None:
            self.export_statistics_to(path)

    def export_statistics_to(self, path: Path) -> Path | None:
        """The table shown to ``path`` (.xlsx or .csv), as its paper shows it."""
        table, registers = self.table_data, self.ctx.registers
        if table is None:
            return None
        return report_files.export_file(
            self,
            self.lang,
            self.message,
            lambda over: export.export_statistics(registers, table, path, overwrite=over),
        )

    def export_work_report(self) -> None:
        path = report_files.ask_path(
            self, self.tr("Secrecy work report %1").replace("%1", self._period().title)
        )
        if path is not None:
            self.export_work_report_to(path)

    def export_work_report_to(self, path: Path) -> Path | None:
        """The work report of the period chosen to ``path`` (.xlsx or .csv)."""
        registers, period = self.ctx.registers, self._period()

        def write(over: bool) -> Path:
            report = periodic.work_report(registers, period)
            return export.export_work_report(registers, report, path, overwrite=over)

        return report_files.export_file(self, self.lang, self.message, write)


class _BadDate(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

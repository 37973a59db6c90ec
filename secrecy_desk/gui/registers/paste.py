"""Rows pasted from WPS or Excel into a register: a preview of the block with each column
matched to a field by its heading, then every row added at once or none, through the import
path (:func:`secrecy_desk.modules.registers.io.import_table`). A refused block keeps the
dialog open with each problem at its row and column, so the sheet can be fixed and copied
again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.forms import FormSpec
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import ProgressBox, run_job
from secrecy_desk.gui.common.screen import fit_size
from secrecy_desk.modules.registers.engine import ImportFailed
from secrecy_desk.modules.registers.io import header_map, import_table, pasted_table

BAD = QColor(0xFD, 0xEC, 0xEA)
UNUSED = QColor(0x8A, 0x8A, 0x8A)


class PasteDialog(QDialog):
    """The preview; :attr:`added` holds the new entries' numbers once saved."""

    def __init__(
        self, ctx: AppContext, spec: FormSpec, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.lang = ctx.lang
        self.added: tuple[str, ...] = ()
        self.setWindowTitle(self.tr("Paste rows into %1").replace("%1", spec.title(self.lang)))
        self.table_rows = pasted_table(text)
        header = self.table_rows[0] if self.table_rows else []
        self.columns, header_problems = header_map(spec, header) if header else ([], [])
        body = self.table_rows[1:]

        self.summary = QLabel()
        self.summary.setObjectName("pasteSummary")
        self.summary.setWordWrap(True)
        self.preview = QTableWidget(len(body), len(header))
        self.preview.setObjectName("pastePreview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        labels = []
        for index, title in enumerate(header):
            name = self.columns[index] if index < len(self.columns) else None
            if name is None:
                labels.append(self.tr("%1 (not used)").replace("%1", title))
            else:
                label = spec.field(name).label(self.lang)
                labels.append(title if title.strip() == label else f"{title}\n→ {label}")
        self.preview.setHorizontalHeaderLabels(labels)
        self.preview.setVerticalHeaderLabels([str(n) for n in range(1, len(body) + 1)])
        for r, cells in enumerate(body):
            for c in range(len(header)):
                item = QTableWidgetItem(cells[c] if c < len(cells) else "")
                if c < len(self.columns) and self.columns[c] is None:
                    item.setForeground(QBrush(UNUSED))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        self.problems = QListWidget()
        self.problems.setObjectName("pasteProblems")
        self.problems.setVisible(False)
        self.problems.itemActivated.connect(self._go_to)
        self.problems.itemClicked.connect(self._go_to)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Add all %1 rows").replace("%1", str(len(body))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        if not body:
            self.summary.setText(
                self.tr(
                    "Copy the rows in WPS or Excel together with their heading row (图号, 图名 "
                    "…), then paste again. The clipboard holds no such rows."
                )
            )
            self.save_button.setEnabled(False)
        elif header_problems:
            self.summary.setText(
                self.tr(
                    "These headings are not fields of %1; rename them or leave those columns "
                    "out, then copy again:"
                ).replace("%1", spec.title(self.lang))
            )
            self._list([p.message(self.lang) for p in header_problems], [])
            self.save_button.setEnabled(False)
        else:
            used = [n for n in self.columns if n is not None]
            self.summary.setText(
                self.tr(
                    "%1 rows to add to %2. Columns matched by heading: %3. Every row is "
                    "checked; all are added, or none."
                )
                .replace("%1", str(len(body)))
                .replace("%2", spec.title(self.lang))
                .replace("%3", "、".join(spec.field(n).label(self.lang) for n in used))
            )
        fit_size(self, 900, 480)
        self.preview.setFocus()

    def _list(self, lines: list[str], places: list[tuple[int, int]]) -> None:
        self.problems.clear()
        for index, line in enumerate(lines):
            item = QListWidgetItem(line)
            if index < len(places):
                item.setData(Qt.ItemDataRole.UserRole, places[index])
            self.problems.addItem(item)
        self.problems.setVisible(True)
        self.problems.setMaximumHeight(140)

    def _go_to(self, item: QListWidgetItem) -> None:
        place = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(place, tuple | list) and len(place) == 2:
            row, column = int(place[0]), int(place[1])
            self.preview.setCurrentCell(row, max(column, 0))
            self.preview.setFocus()

    def save(self) -> None:
        """Add every row, or none; a refusal lists each problem at its row and column."""
        registers = self.ctx.registers
        try:
            report = run_job(
                lambda progress: import_table(
                    registers,
                    self.spec.id,
                    self.table_rows,
                    source=self.tr("pasted rows"),
                    progress=progress,
                ),
                progress=ProgressBox(self, self.tr("Adding the rows…"), self.tr("Cancel")),
            )
        except ImportFailed as exc:
            self._refused(exc)
            return
        except DeskError as exc:
            self.summary.setText(exc.message(self.lang))
            return
        self.added = report.numbers
        self.accept()

    def _refused(self, exc: ImportFailed) -> None:
        lines: list[str] = []
        places: list[tuple[int, int]] = []
        for item in self.preview.findItems("", Qt.MatchFlag.MatchContains):
            item.setBackground(QBrush())
        for line, problem in exc.failures:
            row = line - 2  # line 1 is the heading row
            column = self.columns.index(problem.field) if problem.field in self.columns else -1
            label = (
                self.spec.field(problem.field).label(self.lang)
                if self.spec.has_field(problem.field)
                else ""
            )
            where = self.tr("Row %1").replace("%1", str(row + 1))
            if label:
                where += f" · {label}"
            lines.append(f"{where}：{problem.message(self.lang)}")
            places.append((row, column))
            for c in range(self.preview.columnCount()) if column < 0 else [column]:
                cell = self.preview.item(row, c)
                if cell is not None:
                    cell.setBackground(QBrush(BAD))
        self.summary.setText(
            self.tr(
                "Nothing was added: %1 problems. Fix them in the sheet, copy and paste again."
            ).replace("%1", str(len(lines)))
        )
        self._list(lines, places)
        self.problems.setCurrentRow(0)
        self.problems.setFocus()

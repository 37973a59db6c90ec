"""The audit trail: filters, a lazily filled table (newest first), and for the auditor
verify, seal and a signed CSV export.

The core decides what each account may read (the secadmin sees ordinary users' records only)
and records every read as ``audit_chain.view``; the table asks for one page at a time, as the view
scrolls, so a long trail opens at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.gui.common.aside import Asides, CountAside
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import ProgressBox, run_job
from secrecy_desk.gui.common.labels import role_label
from secrecy_desk.gui.common.print_dialog import open_print
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules import registry
from secrecy_desk.modules.admin.seal import seal_job
from secrecy_desk.vault import audit_chain, audit_review, checkup
from secrecy_desk.vault.audit_chain import AuditRecord, VerifyReport
from secrecy_desk.vault.audit_review import AuditFilter
from secrecy_desk.vault.checkup import VaultCheck
from secrecy_desk.vault.session import Session

PAGE: Final = 200
#: The program's own action families (the modules' come from the registry).
SHELL_ACTIONS: Final = (
    "login",
    "login.failed",
    "session",
    "account",
    "policy",
    "settings",
    "draft",
    "audit",
    "vault",
)


def action_choices() -> list[str]:
    """What the action filter offers: each family (``entry`` matches ``entry.edit`` …), then
    every action a module declares. The field also accepts any other name."""
    events = registry.audit_events()
    families = [*SHELL_ACTIONS, *(e.partition(".")[0] for e in events)]
    return list(dict.fromkeys([*families, *events]))


_AnyIndex = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Records matching a filter, newest first, fetched a page at a time: each page the
    records before the last one shown (a range of the trail's order, as quick at the five
    millionth record as at the first). How many match is counted aside (``asides``: on a
    connection of its own, off the GUI thread) and told by :attr:`countChanged` when it
    arrives; :attr:`total` is ``None`` until then. Without ``asides`` it is counted at once."""

    countChanged = Signal()

    def __init__(self, session: Session, lang: str, asides: Asides | None = None) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self._count = CountAside(self._counted)
        self._count.asides = asides
        self.filter = AuditFilter()
        self.total: int | None = 0
        self.more = False
        self.rows: list[AuditRecord] = []
        self.headers = [
            self.tr("No."),
            self.tr("Time"),
            self.tr("Account"),
            self.tr("Role"),
            self.tr("Workstation"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Level"),
            self.tr("Outcome"),
            self.tr("Details"),
        ]
        self.outcomes = {
            "ok": self.tr("ok"),
            "fail": self.tr("failed"),
            "refused": self.tr("refused"),
            "locked": self.tr("locked"),
            "broken": self.tr("broken"),
        }

    def reset(self, flt: AuditFilter) -> None:
        """Show the records ``flt`` selects: the first page at once (a refusal raises here),
        their number when it is counted."""
        self._count.stop()
        self.beginResetModel()
        self.filter = replace(flt, newest_first=True, limit=PAGE, offset=0, before=None)
        self.rows = []
        self.total = None
        self.more = False
        try:
            self.rows = self._fetch()
        finally:
            self.endResetModel()
        self._count_shown()

    def _count_shown(self) -> None:
        """Count what the list holds: the records up to its newest (reading a page is itself
        recorded, after the page was read)."""
        if not self.rows:
            self._counted(0)
            return
        session, flt = self.session, replace(self.filter, before=self.rows[0].seq + 1)
        self._count.start(
            lambda: audit_review.count_aside(session, flt),
            lambda: audit_review.count_records(session, flt),
        )

    def _counted(self, total: int) -> None:
        self.total = total
        self.countChanged.emit()

    @property
    def counting(self) -> bool:
        return self._count.counting

    def _fetch(self) -> list[AuditRecord]:
        before = self.rows[-1].seq if self.rows else None
        page = audit_review.list_records(self.session, replace(self.filter, before=before))
        self.more = len(page) == PAGE
        return page

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: _AnyIndex) -> bool:
        return not parent.isValid() and self.more

    def fetchMore(self, parent: _AnyIndex) -> None:
        if parent.isValid() or not self.more:
            return
        page = self._fetch()
        if not page:
            return
        loaded = len(self.rows)
        self.beginInsertRows(QModelIndex(), loaded, loaded + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        rec = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(rec, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 9:
            return rec.details
        if role == Qt.ItemDataRole.ForegroundRole and rec.outcome != "ok":
            return Qt.GlobalColor.darkRed
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def role(value: str) -> str:
        try:
            return role_label(Role(value))
        except ValueError:  # "-", "system", "recovery": shown as recorded
            return value

    def cell(self, rec: AuditRecord, col: int) -> str:
        if col == 0:
            return str(rec.seq)
        if col == 1:
            return audit_chain.parse_iso(rec.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if col == 7:
            try:
                return Level(rec.level).label(self.lang)
            except ValueError:
                return str(rec.level)
        if col == 8:
            return self.outcomes.get(rec.outcome, rec.outcome)
        if col == 9:
            return "" if rec.details in ("", "{}") else rec.details
        if col == 3:
            return self.role(rec.role)
        values = {2: rec.account, 4: rec.workstation, 5: rec.action, 6: rec.obj}
        return values[col]


class AuditTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.lang = ctx.lang
        self.is_auditor = Role.AUDITOR in self.session.principal.roles
        self.last_report: VerifyReport | None = None
        self.last_check: VaultCheck | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        scope = QLabel(
            self.tr("All records, the administrators' included.")
            if self.is_auditor
            else self.tr("Records of ordinary users (the administrators' are the auditor's).")
        )
        set_role(scope, "hint")
        layout.addWidget(scope)

        filters = QHBoxLayout()
        today = ctx.clock.today()
        self.by_date = QCheckBox(self.tr("From"))
        self.by_date.setChecked(True)
        self.since = self._date_edit(today - timedelta(days=30))
        self.until = self._date_edit(today)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("any account"))
        self.account.setMaxLength(32)
        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.addItem("")
        self.action.addItems(action_choices())
        action_line = self.action.lineEdit()
        assert action_line is not None  # the combo box is editable
        action_line.setPlaceholderText(self.tr("any action"))
        self.action.setMinimumContentsLength(12)
        self.search_button = QPushButton(self.tr("Show"))
        self.search_button.setProperty("primary", True)
        filters.addWidget(self.by_date)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Account:")))
        filters.addWidget(self.account)
        filters.addWidget(QLabel(self.tr("Action:")))
        filters.addWidget(self.action)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = AuditModel(self.session, self.lang, ctx.asides)
        self.model.countChanged.connect(self._show_count)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((64, 150, 90, 80, 110, 140, 140, 56, 60)):
            self.view.setColumnWidth(col, width)
        # The role column as wide as its longest name (安全保密管理员 was cut at 1280 px).
        metrics = self.view.fontMetrics()
        widest = max(metrics.horizontalAdvance(role_label(r)) for r in Role)
        self.view.setColumnWidth(3, max(80, widest + 16))
        layout.addWidget(self.view, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        self.quick_button = QPushButton(self.tr("Quick check"))
        self.quick_button.setToolTip(
            self.tr(
                "Every page of the vault and its tables' structure, and the audit trail since "
                "the last good seal: minutes at most, whatever the size of the vault"
            )
        )
        self.verify_button = QPushButton(self.tr("Full check"))
        self.verify_button.setToolTip(
            self.tr(
                "Every page, every index against its table, and the whole audit trail: on a "
                "large vault this takes a while (with progress; it can be cancelled)"
            )
        )
        self.seal_button = QPushButton(self.tr("Seal"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.print_seal_button = QPushButton(self.tr("Print seal record…"))
        self.print_seal_button.setToolTip(
            self.tr("The newest seal on paper, for the archive, with signature lines")
        )
        buttons = (self.quick_button, self.verify_button, self.seal_button, self.print_seal_button)
        for b in (*buttons, self.export_button):
            b.setVisible(self.is_auditor)
            bottom.addWidget(b)
        if self.session.vault.head_break is not None:
            # A vault found rolled back is evidence: read, verify and export, never seal.
            self.seal_button.setEnabled(False)
            self.print_seal_button.setEnabled(False)
            self.seal_button.setToolTip(
                self.tr("This vault was found rolled back; it opens read-only and is not sealed.")
            )
        layout.addLayout(bottom)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)

        self.search_button.clicked.connect(self.search)
        self.account.returnPressed.connect(self.search)
        action_line.returnPressed.connect(self.search)
        self.by_date.toggled.connect(self.since.setEnabled)
        self.by_date.toggled.connect(self.until.setEnabled)
        self.quick_button.clicked.connect(lambda: self.verify(quick=True))
        self.verify_button.clicked.connect(lambda: self.verify(quick=False))
        self.seal_button.clicked.connect(self.seal)
        self.print_seal_button.clicked.connect(self.print_seal)
        self.export_button.clicked.connect(self.export)
        self.search()

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.by_date.isChecked():
            since = self.since.date().toPython()
            until = self.until.date().toPython()
        return AuditFilter(
            since=since,  # type: ignore[arg-type]  # QDate.toPython gives a date
            until=until,  # type: ignore[arg-type]  # idem
            account=self.account.text().strip() or None,
            action=self.action.currentText().strip() or None,
        )

    def search(self) -> None:
        try:
            self.model.reset(self.current_filter())
        except DeskError as exc:
            self.show_result(exc.message(self.lang), error=True)
            return
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.total
        if total is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("{n} records").format(n=total))

    def show_result(self, text: str, *, error: bool = False) -> None:
        set_role(self.result, "error" if error else "ok")
        self.result.setText(text)

    def verify(self, *, quick: bool = False) -> None:
        """The quick or the full check of the vault (pages, tables, audit chain), off the GUI
        thread behind a progress dialog that can cancel."""
        if quick:
            label = self.tr("Quick check of the vault…")
        else:
            label = self.tr("Full check of the vault: every page, index and audit record…")
        session = self.session
        try:
            found = run_job(
                lambda progress: checkup.check_vault(session, quick=quick, progress=progress),
                progress=ProgressBox(self, label, self.tr("Cancel")),
            )
        except DeskError as exc:
            self.show_result(exc.message(self.lang), error=True)
            return
        self.last_check = found
        self.last_report = found.report
        text = self.check_text(found)
        self.show_result(text, error=not found.sound)
        box = QMessageBox(
            QMessageBox.Icon.Information if found.sound else QMessageBox.Icon.Critical,
            self.tr("Verification of the vault"),
            text,
            parent=self,
        )
        box.open()
        self.search()

    def check_text(self, found: VaultCheck) -> str:
        lines = [self.tr("Database problem: {problem}").format(problem=p) for p in found.problems]
        if not found.problems and found.quick:
            lines.append(self.tr("Every page of the database's tables and indexes is sound."))
        elif not found.problems:
            lines.append(self.tr("Every page of the database is sound, and so are its tables."))
        lines.append(self.report_text(found.report))
        if found.head_problem is not None and found.report.intact:
            lines.append(found.head_problem.message(self.lang))
        if found.quick and found.report.first_seq > 1:
            lines.append(
                self.tr(
                    "Quick check: the records up to the seal on record {seq} are covered by "
                    "the seal; the full check walks them too."
                ).format(seq=found.report.first_seq - 1)
            )
        return "\n".join(lines)

    def report_text(self, report: VerifyReport) -> str:
        if report.intact:
            text = self.tr(
                "The audit trail is intact: {n} records (from {first} to {last}), {seals} "
                "seals checked."
            ).format(
                n=report.records, first=report.first_seq, last=report.last_seq, seals=report.seals
            )
        else:
            first = report.breaks[0]
            text = self.tr("The audit trail is broken. First problem: {problem}").format(
                problem=first.message(self.lang)
            )
            if len(report.breaks) > 1:
                text += "\n" + self.tr("{n} problems in all.").format(n=len(report.breaks))
        if report.warnings:
            text += "\n" + "\n".join(report.warnings)
        return text

    def seal(self) -> None:
        try:
            made = audit_review.seal(self.session)
        except DeskError as exc:
            self.show_result(exc.message(self.lang), error=True)
            return
        self.show_result(
            self.tr("Sealed: the trail up to record {seq} is signed.").format(seq=made.seq)
        )
        self.search()

    def print_seal(self) -> None:
        """The newest seal record through the one print dialog (preview, print or PDF)."""
        session = self.session
        open_print(self, self.ctx, lambda: seal_job(session))

    def export(self) -> None:
        name = f"audit-{self.ctx.clock.today().isoformat()}.csv"
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), str(Path.home() / name), "CSV (*.csv)"
        )
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> None:
        try:
            # The file dialog asked before an existing file is replaced.
            path, sig, count = audit_review.export_csv(
                self.session, self.current_filter(), target, overwrite=True
            )
        except DeskError as exc:
            self.show_result(exc.message(self.lang), error=True)
            return
        except OSError as exc:
            self.show_result(str(exc.strerror or exc), error=True)
            return
        self.show_result(
            self.tr("{n} records exported to {path}; signature in {sig}.").format(
                n=count, path=path, sig=sig
            )
        )
        self.search()

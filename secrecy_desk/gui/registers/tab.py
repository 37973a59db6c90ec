"""A register tab, generated from the register's definition: toolbar, filter bar and search
above a table (lazy model, server-side sorting) and the entry editor beside it.

Keyboard first: Ctrl+N new, Ctrl+S save, Ctrl+F search, Esc cancel (asking when there are
unsaved changes), Enter to the next field. Every change goes through the register engine,
which checks permissions, validates, and writes entry, revision and audit record at once; the
tab only shows the result and refreshes the row and the count it changed, then tells the other
views (``ctx.broadcast``). A change made elsewhere reloads the list, never the unsaved input.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import ConflictError, DeskError
from secrecy_desk.core.media import FileExists
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import EntryInvalid, FieldType, FormSpec, initial_inputs
from secrecy_desk.gui.common import print_dialog as print_preview
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import ProgressBox, run_job, vault_busy
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.gui.registers.editor import ERROR_STYLE, EntryEditor
from secrecy_desk.gui.registers.history import HistoryDialog
from secrecy_desk.gui.registers.model import MARKING, EntryTableModel, available_columns
from secrecy_desk.modules.base import Deadline
from secrecy_desk.modules.registers import NUMBER, STATUS, Cancelled, Entry, NeedsConfirmation
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS, ImportFailed
from secrecy_desk.modules.registers.io import export_file, import_file
from secrecy_desk.records.model import PRINTS, SaveResult
from secrecy_desk.records.printing import Printout
from secrecy_desk.vault.prefs import get_pref, set_pref

#: Milliseconds the search waits after the last keystroke before asking the engine.
SEARCH_DEBOUNCE_MS: Final = 250
# Milliseconds a reload asked for while a job holds the vault waits before trying again.
RELOAD_RETRY_MS: Final = 200
#: Field types whose values are few: the filter offers them as a list to pick from.
# Answers of the "unsaved changes" question.
SAVE, DISCARD, STAY = "save", "discard", "stay"


class RegisterTab(QWidget):
    """One register: the table of its entries and the editor of the selected one."""

    def __init__(self, ctx: AppContext, spec: FormSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.lang = ctx.lang
        self.registers = ctx.registers
        self.setObjectName(f"register_{spec.id}")
        principal = ctx.session.principal
        self.can: dict[Action, bool] = {a: principal.can(spec.id, a) for a in Action}
        if spec.id in SYSTEM_REGISTERS:  # kept by the program itself (the print register)
            for action in (Action.CREATE, Action.EDIT, Action.VOID):
                self.can[action] = False
        self._selecting = False  # a row is being selected by the program, not by the user
        self._deadline_bar: QLabel | None = None  # built when a deadline is first shown
        self._deadline_all: QPushButton | None = None
        self._expected_revision: int | None = None
        self._reload_timer = QTimer(self)  # a reload asked for while the vault was busy
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_RETRY_MS)
        self._reload_timer.timeout.connect(self.reload_list)

        self._build_toolbar()
        self._build_filter_bar()
        self._build_table()
        self._build_editor()
        self._build_shortcuts()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._table_pane)
        splitter.addWidget(self._editor_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addLayout(self._filter_row)
        layout.addWidget(splitter, 1)

        self._run(self.model.reload)
        self._update_actions()

    # --- building -----------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], tip: str, name: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(
            self.tr("New"), self.new_entry, self.tr("New entry (Ctrl+N)"), "newAction"
        )
        self.save_action = self._action(
            self.tr("Save"), self.save, self.tr("Save the entry (Ctrl+S)"), "saveAction"
        )
        self.void_action = self._action(
            self.tr("Void…"),
            self.void_entry,
            self.tr("Void the entry, giving a reason"),
            "voidAction",
        )
        self.history_action = self._action(
            self.tr("History…"),
            self.show_history,
            self.tr("Every revision of the entry"),
            "historyAction",
        )
        self.toolbar.addSeparator()
        self.print_action = self._action(
            self.tr("Print…"),
            self.print_current,
            self.tr("Print the selected entry, or the list when none is selected (Ctrl+P)"),
            "printAction",
        )
        self.print_list_action = self._action(
            self.tr("Print list…"),
            self.print_list,
            self.tr("Print every entry that matches the filter and search, as a marked list"),
            "printListAction",
        )
        self.toolbar.addSeparator()
        self.import_action = self._action(
            self.tr("Import…"),
            self.import_entries,
            self.tr("Add entries from a .csv or .xlsx file (all or nothing)"),
            "importAction",
        )
        self.export_action = self._action(
            self.tr("Export…"),
            self.export_entries,
            self.tr("Write the entries shown to a .csv or .xlsx file"),
            "exportAction",
        )
        self.toolbar.addSeparator()
        self.voided_toggle = QCheckBox(self.tr("Show voided"))
        self.voided_toggle.setObjectName("showVoided")
        self.voided_toggle.toggled.connect(self._voided_toggled)
        self.toolbar.addWidget(self.voided_toggle)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setToolTip(self.tr("Choose the columns of the table"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_button.setMenu(self.columns_menu)
        self.toolbar.addWidget(self.columns_button)

    def _build_filter_bar(self) -> None:
        self.filter_field = QComboBox()
        self.filter_field.setObjectName("filterField")
        self.filter_field.addItem(self.tr("Filter: none"), "")
        for name in self._filterable():
            self.filter_field.addItem(self.spec.column_label(name, self.lang), name)
        self.filter_field.currentIndexChanged.connect(self._filter_field_changed)
        self.filter_field.activated.connect(self._offer_values)
        self.filter_value = QComboBox()
        self.filter_value.setObjectName("filterValue")
        self.filter_value.setEditable(True)
        self.filter_value.setMinimumWidth(160)
        self.filter_value.setEnabled(False)
        self.filter_value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.filter_value.lineEdit()
        assert line is not None
        line.returnPressed.connect(self.apply_filter)
        line.setPlaceholderText(self.tr("value, then Enter"))
        self.filter_value.activated.connect(lambda _i: self.apply_filter())
        self.filter_clear = QPushButton(self.tr("Clear filter"))
        self.filter_clear.setObjectName("filterClear")
        self.filter_clear.clicked.connect(self.clear_filter)
        self.filter_clear.setEnabled(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search text fields (Ctrl+F)"))
        self.search_box.setMinimumWidth(240)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_box.returnPressed.connect(self.apply_search)
        self.filter_message = QLabel()
        self.filter_message.setObjectName("filterMessage")
        self.filter_message.setStyleSheet(ERROR_STYLE)
        self.filter_message.setVisible(False)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.filter_field)
        row.addWidget(self.filter_value)
        row.addWidget(self.filter_clear)
        row.addWidget(self.filter_message, 1)
        row.addStretch(0)
        row.addWidget(self.search_box)
        self._filter_row = row

    def _filterable(self) -> list[str]:
        """List columns first (what the clerk sees), then the other fields."""
        names = [c for c in self.spec.listing.columns if c != MARKING]
        if STATUS not in names and len(self.spec.statuses) > 1:
            names.append(STATUS)
        names += [f.name for f in self.spec.fields if f.name not in names]
        return names

    def _build_table(self) -> None:
        saved = get_pref(self.ctx.session, self._columns_key)
        columns = saved if isinstance(saved, list) and saved else list(self.spec.listing.columns)
        self.model = EntryTableModel(self.registers, self.spec, self.lang, columns, self)
        self.model.countChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setObjectName("entryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.modelReset.connect(self._size_columns)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._table_pane = pane
        self._fill_columns_menu()

    def _build_editor(self) -> None:
        self.editor = EntryEditor(self.spec, self.lang, self.ctx.clock.today)
        self.editor.dirtyChanged.connect(lambda _d: self._update_actions())
        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setStyleSheet(
            "#notice { background: #fdecea; border: 1px solid #e0a0a0; border-radius: 3px; }"
        )
        self.notice_text = QLabel()
        self.notice_text.setObjectName("noticeText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("reloadButton")
        self.reload_button.setToolTip(
            self.tr("Load the entry as it is saved now (your unsaved changes are dropped)")
        )
        self.reload_button.clicked.connect(self.reload_entry)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.addWidget(self.notice_text, 1)
        notice_layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice.setVisible(False)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        pane.setMinimumWidth(380)
        self._editor_pane = pane

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_entry),
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Print, self.print_current),
            (QKeySequence(Qt.Key.Key_Escape), self.cancel_edit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # --- small helpers ------------------------------------------------------------------------

    @property
    def _columns_key(self) -> str:
        return f"columns:{self.spec.id}"

    def _run(self, work: Callable[[], Any]) -> bool:
        """Call the engine; show its refusal as a message. True when it went through."""
        try:
            work()
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return False
        return True

    def show_error(self, message: str) -> None:
        self.message_box(QMessageBox.Icon.Warning, self.spec.title(self.lang), message)

    def message_box(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """Tell the user something (tests replace this to read what was said)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.exec()

    def ask_unsaved(self) -> str:
        """Save, discard or stay? Asked before unsaved input would be lost."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.spec.title(self.lang))
        box.setText(self.tr("The entry has unsaved changes."))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SAVE
        if clicked is discard:
            return DISCARD
        return STAY

    def ask_confirm(self, text: str) -> bool:
        """Confirm the notices of a save (e.g. a phone number shared with someone else)."""
        answer = QMessageBox.question(
            self,
            self.spec.title(self.lang),
            text + "\n\n" + self.tr("Save anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_void_reason(self, number: str) -> str | None:
        """The reason for voiding ``number``; ``None`` when the user gives up."""
        prompt = self.tr("Why is %1 void? (required; kept in its history)").replace("%1", number)
        while True:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Void entry %1").replace("%1", number), prompt
            )
            if not ok:
                return None
            if text.strip():
                return text.strip()
            prompt = self.tr("A reason is required. Why is %1 void?").replace("%1", number)

    def ask_path(self, save: bool) -> Path | None:
        filters = self.tr("Spreadsheets (*.xlsx *.csv)")
        if save:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), self.spec.title(self.lang) + ".xlsx", filters
            )
        else:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), "", filters)
        return Path(name) if name else None

    # --- state --------------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return not self.editor.read_only and self.editor.is_dirty()

    def current_entry(self) -> Entry | None:
        return self.editor.entry

    def _update_actions(self) -> None:
        entry = self.editor.entry
        editing = not self.editor.read_only
        self.new_action.setEnabled(self.can[Action.CREATE])
        self.save_action.setEnabled(editing and (self.editor.is_new or self.editor.is_dirty()))
        self.save_button.setEnabled(self.save_action.isEnabled())
        self.cancel_button.setEnabled(editing)
        live = entry is not None and not entry.voided
        self.void_action.setEnabled(live and self.can[Action.VOID])
        self.history_action.setEnabled(entry is not None)
        self.import_action.setEnabled(self.can[Action.CREATE])
        self.export_action.setEnabled(self.can[Action.EXPORT])
        self.print_action.setEnabled(self.can[Action.PRINT])
        self.print_list_action.setEnabled(self.can[Action.PRINT])
        for action, allowed in (
            (self.new_action, Action.CREATE),
            (self.void_action, Action.VOID),
            (self.import_action, Action.CREATE),
            (self.export_action, Action.EXPORT),
            (self.print_action, Action.PRINT),
            (self.print_list_action, Action.PRINT),
        ):
            if not self.can[allowed]:
                action.setToolTip(self.tr("Your account may not do this in this register."))

    def _show_count(self, total: int) -> None:
        shown = f"{total:,}"
        text = self.tr("%1 entries").replace("%1", shown)
        query = self.model.query
        if query.where or query.search:
            text = self.tr("%1 matching entries").replace("%1", shown)
        self.count_label.setText(text)

    def _size_columns(self) -> None:
        """Widths from the definition's hints (in characters), so the table needs no scan of
        its rows; the last column stretches."""
        metrics = self.table.fontMetrics()
        wide = metrics.horizontalAdvance("中")
        pad = 2 * metrics.horizontalAdvance("M")
        for section, name in enumerate(self.model.columns):
            label = metrics.horizontalAdvance(self.model.column_label(name)) + pad + 16
            if name == NUMBER:
                sample = self.spec.numbering.format(year=2026, seq=1)
                pixels = metrics.horizontalAdvance(sample) + pad + 16  # room for the row mark
            elif name in (STATUS, MARKING):
                pixels = wide * 6
            else:
                hint = self.spec.field(name).width or 10
                pixels = int(wide * min(hint, 20) * 0.7)
            self.table.setColumnWidth(section, max(pixels, label))

    # --- columns ------------------------------------------------------------------------------

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        shown = set(self.model.columns)
        for name in available_columns(self.spec):
            action = self.columns_menu.addAction(self.model.column_label(name))
            action.setCheckable(True)
            action.setChecked(name in shown)
            action.setData(name)
            action.toggled.connect(lambda on, n=name: self.set_column_visible(n, on))
        self.columns_menu.addSeparator()
        reset = self.columns_menu.addAction(self.tr("Default columns"))
        reset.triggered.connect(self.reset_columns)

    def set_column_visible(self, name: str, visible: bool) -> None:
        """Show or hide a column; the choice is remembered for this account."""
        current = self.model.columns
        if visible and name not in current:
            order = available_columns(self.spec)
            wanted = [c for c in order if c in current or c == name]
        elif not visible and name in current and len(current) > 1:
            wanted = [c for c in current if c != name]
        else:
            return
        self._apply_columns(wanted)

    def reset_columns(self) -> None:
        self._apply_columns(list(self.spec.listing.columns))
        self._fill_columns_menu()

    def _apply_columns(self, columns: Sequence[str]) -> None:
        number = self.editor.entry.number if self.editor.entry else None
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.model.set_columns(columns)
        set_pref(self.ctx.session, self._columns_key, list(self.model.columns))
        if number is not None:
            self._select_number(number)

    # --- querying -----------------------------------------------------------------------------

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if self.model.column_name(section) == MARKING if section >= 0 else False:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(-1, order)
            header.blockSignals(False)
            return
        self._requery(lambda: self.model.sort(section, order))

    def _requery(self, work: Callable[[], None]) -> bool:
        """Re-read the list; the entry in the editor stays as it is (and stays selected when
        it is still in the list)."""
        if vault_busy():
            return False
        number = self.editor.entry.number if self.editor.entry else None
        try:
            work()
        except DeskError as exc:
            self.filter_message.setText(exc.message(self.lang).replace("\n", " "))
            self.filter_message.setVisible(True)
            return False
        self.filter_message.setVisible(False)
        if number is not None:
            self._select_number(number)
        return True

    def _filter_field_changed(self, _index: int) -> None:
        name = str(self.filter_field.currentData() or "")
        self.filter_value.blockSignals(True)
        self.filter_value.clear()
        self.filter_value.setEnabled(bool(name))
        if name == STATUS:
            for status in self.spec.statuses:
                self.filter_value.addItem(status.label(self.lang), status.code)
        elif name and name != NUMBER:
            field = self.spec.field(name)
            if field.type is FieldType.CHOICE:
                for choice in field.choices:
                    self.filter_value.addItem(choice.label(self.lang), choice.code)
            elif field.type is FieldType.BOOL:
                self.filter_value.addItem(self.tr("Yes"), "是")
                self.filter_value.addItem(self.tr("No"), "否")
            elif field.type is FieldType.LEVEL:
                for option in field.levels:
                    self.filter_value.addItem(option.label(self.lang), option.level.name)
        self.filter_value.setCurrentIndex(-1)
        self.filter_value.setEditText("")
        self.filter_value.blockSignals(False)
        if not name:
            self.clear_filter()

    def _offer_values(self, _index: int) -> None:
        """The user picked a field: go to the value, opening its list when it has one."""
        if not self.filter_field.currentData():
            return
        self.filter_value.setFocus()
        if self.filter_value.count():
            self.filter_value.showPopup()

    def _filter_text(self) -> str:
        text = self.filter_value.currentText()
        index = self.filter_value.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0 and self.filter_value.itemData(index) is not None:
            return str(self.filter_value.itemData(index))
        return text

    def apply_filter(self) -> None:
        name = str(self.filter_field.currentData() or "")
        text = self._filter_text().strip()
        if not name or not text:
            self.clear_filter()
            return
        if self._requery(lambda: self.model.set_query(where={name: text})):
            self.filter_clear.setEnabled(True)

    def set_filter(self, name: str, text: str) -> None:
        """Filter on ``name`` = ``text`` (as typed or picked), as the filter bar does."""
        self.filter_field.setCurrentIndex(self.filter_field.findData(name))
        self.filter_value.setEditText(text)
        self.apply_filter()

    def clear_filter(self) -> None:
        self.filter_clear.setEnabled(False)
        self.filter_field.blockSignals(True)
        self.filter_field.setCurrentIndex(0)
        self.filter_field.blockSignals(False)
        self.filter_value.clear()
        self.filter_value.setEnabled(False)
        if self.model.query.where:
            self._requery(lambda: self.model.set_query(where={}))
        self.filter_message.setVisible(False)

    def show_deadline(self, deadline: Deadline | None) -> None:
        """Show exactly the entries of a module's deadline as of today (the home tab's work
        list opens a line this way), or every entry again (``None``); the filter and the
        search still narrow it. A bar above the list names it, with a button to leave it."""
        if self._deadline_bar is None:
            self._deadline_bar = QLabel()
            self._deadline_bar.setObjectName("deadlineBar")
            set_role(self._deadline_bar, "hint")
            self._deadline_all = QPushButton(self.tr("Show all entries"))
            self._deadline_all.setObjectName("deadlineAll")
            self._deadline_all.clicked.connect(lambda: self.show_deadline(None))
            self._filter_row.insertWidget(0, self._deadline_all)
            self._filter_row.insertWidget(0, self._deadline_bar)
        key = deadline.key if deadline is not None else ""
        query = dataclasses.replace(self.model.query, deadline=key)
        shown_now = self._requery(lambda: self.model.reload(query))
        if shown_now and deadline is not None:
            self._deadline_bar.setText(
                self.tr("Showing: {what}").format(what=deadline.title.text(self.lang))
            )
        shown = bool(self.model.query.deadline)
        self._deadline_bar.setVisible(shown)
        assert self._deadline_all is not None
        self._deadline_all.setVisible(shown)

    def apply_search(self) -> None:
        self.search_timer.stop()
        if vault_busy():
            self.search_timer.start()  # try again when the background job is done
            return
        text = self.search_box.text().strip()
        if text != self.model.query.search:
            self._requery(lambda: self.model.set_query(search=text))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _voided_toggled(self, on: bool) -> None:
        self._requery(lambda: self.model.set_query(include_voided=on))

    # --- selection and editing ----------------------------------------------------------------

    def _select_number(self, number: str) -> None:
        row = self.model.row_of(number)
        selection = self.table.selectionModel()
        self._selecting = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        entry = self.model.entry(current.row())
        shown = self.editor.entry
        if shown is not None and shown.number == entry.number and not self.editor.is_new:
            return
        if self.has_unsaved():
            answer = self.ask_unsaved()
            if answer == STAY or (answer == SAVE and not self.save()):
                back = self.editor.entry.number if self.editor.entry else None
                QTimer.singleShot(0, lambda: self._select_number(back) if back else None)
                if back is None:
                    QTimer.singleShot(0, self.table.selectionModel().clearSelection)
                return
        self.open_entry(entry.number)

    def open_entry(self, number: str) -> bool:
        """Load ``number`` into the editor (a view of a classified entry is audited)."""
        try:
            entry = self.registers.get(self.spec.id, number)
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return False
        self._show_entry(entry)
        return True

    def _show_entry(self, entry: Entry) -> None:
        self.hide_notice()
        self.editor.load(entry, read_only=not self.can[Action.EDIT])
        self._expected_revision = entry.revision
        self._update_actions()

    def new_entry(self) -> None:
        if not self.can[Action.CREATE]:
            return
        if self.has_unsaved():
            answer = self.ask_unsaved()
            if answer == STAY or (answer == SAVE and not self.save()):
                return
        self.hide_notice()
        self._select_number("")
        self.editor.new_entry(initial_inputs(self.spec, self.ctx.clock.today()))
        self._expected_revision = None
        self._update_actions()
        self.editor.focus_first()

    def cancel_edit(self) -> None:
        """Esc: drop the unsaved input (asking first) and show the entry as saved."""
        if self.editor.read_only:
            return
        if self.editor.is_dirty():
            answer = self.ask_unsaved()
            if answer == STAY:
                return
            if answer == SAVE:
                self.save()
                return
        entry = self.editor.entry
        self.hide_notice()
        if entry is None:
            self.editor.clear()
        else:
            self.editor.load(entry, read_only=not self.can[Action.EDIT])
        self._update_actions()
        self.table.setFocus()

    def save(self) -> bool:
        """Ctrl+S: add the new entry or save a revision of the loaded one. Problems are shown
        at their fields; a conflict (someone saved first) is explained with a way to reload."""
        if self.editor.read_only:
            return False
        entry = self.editor.entry
        if entry is not None and not self.editor.is_dirty():
            return True
        self.hide_notice()
        confirm = False
        while True:
            try:
                result = self._save_once(entry, confirm)
            except NeedsConfirmation as exc:
                if confirm or not self.ask_confirm(exc.message(self.lang)):
                    return False
                confirm = True
                continue
            except EntryInvalid as exc:
                rest = self.editor.show_problems(exc.problems)
                head = exc.message(self.lang).split("\n", 1)[0]
                self.show_notice("\n".join([head, *rest]), reload=False)
                return False
            except ConflictError as exc:
                self.show_notice(exc.message(self.lang), reload=True)
                return False
            except DeskError as exc:
                self.show_notice(exc.message(self.lang), reload=False)
                return False
            break
        self._saved(result, new=entry is None)
        return True

    def _save_once(self, entry: Entry | None, confirm: bool) -> SaveResult:
        if entry is None:
            return self.registers.add(self.spec.id, self.editor.values(), confirm=confirm)
        assert self._expected_revision is not None
        status = self.editor.status() if self.editor.status_changed() else None
        return self.registers.edit(
            self.spec.id,
            entry.number,
            self.editor.changes(),
            expected_revision=self._expected_revision,
            status=status,
            confirm=confirm,
        )

    def _saved(self, result: SaveResult, *, new: bool) -> None:
        entry = result.entry
        if new:
            if self.model.query.where or self.model.query.search:
                self._requery(self.model.reload)
            else:
                self.model.insert_entry(entry)
        else:
            self.model.replace_entry(entry)
        self._show_entry(entry)
        self._select_number(entry.number)
        self._announce()

    def reload_entry(self) -> None:
        """After a conflict: load the entry as saved now (the user's input is dropped)."""
        entry = self.editor.entry
        self.hide_notice()
        if entry is None:
            return
        try:
            fresh = self.registers.get(self.spec.id, entry.number)
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return
        self.model.replace_entry(fresh)
        self._show_entry(fresh)

    def show_notice(self, text: str, *, reload: bool) -> None:
        self.notice_text.setText(text)
        self.reload_button.setVisible(reload)
        self.notice.setVisible(True)

    def hide_notice(self) -> None:
        self.notice.setVisible(False)
        self.notice_text.clear()

    # --- void and history ---------------------------------------------------------------------

    def void_entry(self) -> None:
        entry = self.editor.entry
        if entry is None or entry.voided or not self.can[Action.VOID]:
            return
        if self.has_unsaved():
            answer = self.ask_unsaved()
            if answer == STAY or (answer == SAVE and not self.save()):
                return
            entry = self.editor.entry
            assert entry is not None
        reason = self.ask_void_reason(entry.number)
        if reason is None:
            return
        try:
            result = self.registers.void(
                self.spec.id, entry.number, reason, expected_revision=self._expected_revision
            )
        except ConflictError as exc:
            self.show_notice(exc.message(self.lang), reload=True)
            return
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return
        row = self.model.replace_entry(result.entry)
        self._show_entry(result.entry)
        if row is not None:
            self._select_number(result.entry.number)
        self._announce()

    def show_history(self) -> None:
        entry = self.editor.entry
        if entry is None:
            return
        try:
            revisions = self.registers.history(self.spec.id, entry.number)
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return
        dialog = HistoryDialog(
            self.spec, entry.number, revisions, self.lang, self, self.ctx.registers.people.name
        )
        self.history_dialog = dialog
        dialog.open()

    # --- import and export --------------------------------------------------------------------

    def import_entries(self) -> None:
        if not self.can[Action.CREATE]:
            return
        path = self.ask_path(save=False)
        if path is None:
            return
        self.import_path(path)

    def import_path(self, path: Path) -> int | None:
        """Import ``path`` on a worker thread; returns how many entries were added."""
        try:
            report = run_job(
                lambda progress: import_file(self.registers, self.spec.id, path, progress=progress),
                progress=ProgressBox(
                    self, self.tr("Importing %1…").replace("%1", path.name), self.tr("Cancel")
                ),
            )
        except Cancelled as exc:
            self.message_box(
                QMessageBox.Icon.Information, self.tr("Import"), exc.message(self.lang)
            )
            return None
        except ImportFailed as exc:
            self.message_box(QMessageBox.Icon.Warning, self.tr("Import"), exc.message(self.lang))
            return None
        except DeskError as exc:
            self.show_error(exc.message(self.lang))
            return None
        self._requery(self.model.reload)
        self._announce()
        count = len(report.numbers)
        self.message_box(
            QMessageBox.Icon.Information,
            self.tr("Import"),
            self.tr("%1 entries were added.").replace("%1", f"{count:,}"),
        )
        return count

    def export_entries(self) -> None:
        if not self.can[Action.EXPORT]:
            return
        path = self.ask_path(save=True)
        if path is None:
            return
        self.export_path(path)

    def confirm_replace(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Export"),
            text + "\n\n" + self.tr("Replace the existing file?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_path(self, path: Path) -> Path | None:
        """Export what the list shows (filter, search, voided) on a worker thread."""
        query = self.model.query

        def export(replace: bool) -> Path:
            return run_job(
                lambda progress: export_file(
                    self.registers, self.spec.id, path, query, progress=progress, overwrite=replace
                ),
                progress=ProgressBox(
                    self, self.tr("Exporting to %1…").replace("%1", path.name), self.tr("Cancel")
                ),
            )

        overwrite = False
        while True:
            try:
                final = export(overwrite)
            except FileExists as exc:
                # The file name gets the marking added, so the file dialog's own question
                # may have been about another name: ask about the one that exists.
                if not self.confirm_replace(exc.message(self.lang)):
                    return None
                overwrite = True
                continue
            except DeskError as exc:
                self.show_error(exc.message(self.lang))
                return None
            break
        self.message_box(
            QMessageBox.Icon.Information,
            self.tr("Export"),
            self.tr("Written to %1 (the marking is in the file name and first row).").replace(
                "%1", str(final)
            ),
        )
        return final

    # --- changes made elsewhere ---------------------------------------------------------------

    def _announce(self) -> None:
        """Tell the other views that this register's entries changed (this tab has shown it)."""
        self.ctx.broadcast(Changes.of(registers={self.spec.id}), self)

    def apply_changes(self, changes: Changes) -> None:
        """Another view changed entries of this register (for the print register: printed
        something): read the list again. The editor is left as it is."""
        if self.spec.id in changes.registers:
            self.reload_list()

    def reload_list(self) -> None:
        """Read the count and the first page again, keeping the entry in the editor selected.
        Unsaved input stays exactly as typed (a save made on an older revision is refused as a
        conflict, as always); an entry shown unedited is replaced by its saved revision."""
        if vault_busy():
            self._reload_timer.start()  # a job holds the vault: after it
            return
        if not self._requery(self.model.reload):
            return
        shown = self.editor.entry
        if shown is None or self.editor.is_new or self.has_unsaved():
            return
        row = self.model.row_of(shown.number)
        if row is None:
            return  # no longer in the list (filtered out, or voided): the editor keeps it
        fresh = self.model.entry(row)
        if (fresh.revision, fresh.voided) != (shown.revision, shown.voided):
            self.editor.load(fresh, read_only=not self.can[Action.EDIT])
            self._expected_revision = fresh.revision
            self._update_actions()

    # --- drafts (a locked session closed by someone else) -------------------------------------

    # --- printing (Ctrl+P) -------------------------------------------------------------------

    def print_current(self) -> None:
        """The selected entry as its form; with no entry selected, the filtered list."""
        if not self.can[Action.PRINT]:
            return
        entry = self.editor.entry
        if entry is None or self.editor.is_new:
            self.print_list()
            return
        if self.editor.is_dirty():
            self.message_box(
                QMessageBox.Icon.Information,
                self.tr("Unsaved changes"),
                self.tr("Save or cancel your changes first: paper shows the saved entry only."),
            )
            return
        self._printed(
            print_preview.open_print_for_entry(self, self.ctx, self.spec.id, entry.number)
        )

    def print_list(self) -> None:
        if not self.can[Action.PRINT]:
            return
        columns = tuple(
            c for c in self.model.columns if c in (NUMBER, STATUS) or self.spec.has_field(c)
        )
        self._printed(
            print_preview.open_print_for_list(
                self, self.ctx, self.spec.id, self.model.query, columns
            )
        )

    def _printed(self, printouts: Sequence[Printout] | None) -> None:
        """The print dialog told every other view; the print register's own tab (which made
        the print) shows its new entries itself."""
        if printouts and self.spec.id == PRINTS:
            self.reload_list()

    def unsaved_draft(self) -> dict[str, Any] | None:
        """The editor's unsaved input and which entry and revision it was made on."""
        if not self.has_unsaved():
            return None
        entry = self.editor.entry
        return {
            "register": self.spec.id,
            "number": entry.number if entry else None,
            "revision": self._expected_revision if entry else None,
            "inputs": self.editor.values(),
            "status": self.editor.status() if entry else None,
        }

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Put a draft back in the editor. A draft of an existing entry keeps the revision it
        was made on, so saving it after someone else changed the entry is refused as a
        conflict rather than silently overwriting their change."""
        inputs = {str(k): str(v) for k, v in dict(payload.get("inputs") or {}).items()}
        number = payload.get("number")
        if not number:
            self.new_entry()
            self.editor.apply_inputs(inputs)
            self.show_notice(self.tr("Your unsaved new entry was restored."), reload=False)
            return
        if not self.open_entry(str(number)):
            return
        self._select_number(str(number))
        revision = payload.get("revision")
        entry = self.editor.entry
        assert entry is not None
        self.editor.apply_inputs(inputs, status=payload.get("status"))
        if isinstance(revision, int):
            self._expected_revision = revision
        text = self.tr("Your unsaved changes to %1 were restored.").replace("%1", str(number))
        if isinstance(revision, int) and revision != entry.revision:
            text += " " + self.tr(
                "The entry was saved again since (revision %1 now, yours was made on %2)."
            ).replace("%1", str(entry.revision)).replace("%2", str(revision))
        self.show_notice(text, reload=isinstance(revision, int) and revision != entry.revision)
        self._update_actions()


def open_register_tab(ctx: AppContext, register: str) -> RegisterTab:
    """The tab of ``register`` (the registers module's tab factory in the registry)."""
    return RegisterTab(ctx, ctx.registers.spec(register))

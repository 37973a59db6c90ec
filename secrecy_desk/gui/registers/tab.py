"""A register tab, generated from the register's definition: toolbar, filter bar and search
above a table (lazy model, server-side sorting) and the entry editor beside it.

Keyboard first: switching to the tab puts the cursor in the list; Enter or F2 opens the
selected entry in the editor, Esc goes back to the list (dropping unsaved input only after
asking) and clears the search; Tab leaves the table; Ctrl+N new, Ctrl+S save, Ctrl+F search,
Ctrl+1… the register's quick filters; every action has its key (:data:`SHORTCUTS`, listed in
Help › Keyboard shortcuts). Spreadsheet habits: Ctrl+C copies the selected rows with their
headings, Ctrl+V in the list adds a block of rows copied from WPS or Excel (previewed, all or
nothing, through the import path), Ctrl+D fills a field down from the entry before; several
filters, a date range and quick filters narrow the list together.

Every change goes through the register engine, which checks permissions, validates, and
writes entry, revision and audit record at once; the tab only shows the result and refreshes
the row and the count it changed, then tells the other views (``ctx.broadcast``). A change
made elsewhere reloads the list, never the unsaved input.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
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
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import ConflictError, DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.media import FileExists
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import EntryInvalid, FieldType, FormSpec, initial_inputs
from secrecy_desk.gui.common import clipboard
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
from secrecy_desk.records import periods
from secrecy_desk.records.model import PRINTS, Query, SaveResult
from secrecy_desk.records.printing import Printout
from secrecy_desk.vault.prefs import get_pref, set_pref

#: Milliseconds the search waits after the last keystroke before asking the engine.
SEARCH_DEBOUNCE_MS: Final = 250
# Milliseconds a reload asked for while a job holds the vault waits before trying again.
RELOAD_RETRY_MS: Final = 200
#: Field types whose values are few: the filter offers them as a list to pick from.
# Answers of the "unsaved changes" question.
SAVE, DISCARD, STAY = "save", "discard", "stay"
#: A quick filter that is on reads as on (a pressed toggle, not a shade of grey).
QUICK_STYLE: Final = (
    "QToolButton { padding: 2px 8px; }"
    "QToolButton:checked { background: #d6e6fa; border: 1px solid #3d7bd9; color: #0d3c8c; }"
)
#: Preference key: the editor pane hidden so the list has the width.
EDITOR_HIDDEN_PREF: Final = "register.editor_hidden"

#: Every key of a register tab: (keys, what it does, the tab's method). The same table makes
#: the shortcuts and the Help › Keyboard shortcuts list, so the two cannot disagree. Keys
#: that only the list, the editor or the search box takes are listed with ``None``.
SHORTCUTS: Final[tuple[tuple[str, str, str | None], ...]] = (
    ("Ctrl+N", QT_TRANSLATE_NOOP("RegisterTab", "New entry"), "new_entry"),
    ("Ctrl+S", QT_TRANSLATE_NOOP("RegisterTab", "Save the entry"), "save"),
    ("Enter, F2", QT_TRANSLATE_NOOP("RegisterTab", "Open the selected entry in the editor"), None),
    (
        "Esc",
        QT_TRANSLATE_NOOP(
            "RegisterTab", "Back to the list (drops unsaved input after asking); clears the search"
        ),
        "escape",
    ),
    ("Ctrl+F", QT_TRANSLATE_NOOP("RegisterTab", "Search"), "focus_search"),
    ("Ctrl+Shift+F", QT_TRANSLATE_NOOP("RegisterTab", "Filter by a field"), "focus_filter"),
    ("Ctrl+R", QT_TRANSLATE_NOOP("RegisterTab", "Date range"), "focus_range"),
    ("Ctrl+1 … Ctrl+9", QT_TRANSLATE_NOOP("RegisterTab", "Quick filters, in their order"), None),
    (
        "Ctrl+0",
        QT_TRANSLATE_NOOP("RegisterTab", "Clear every filter and quick filter"),
        "clear_filter",
    ),
    ("Ctrl+Shift+H", QT_TRANSLATE_NOOP("RegisterTab", "Show voided entries"), "toggle_voided"),
    (
        "Ctrl+C",
        QT_TRANSLATE_NOOP("RegisterTab", "Copy the selected rows with their headings"),
        None,
    ),
    (
        "Ctrl+V",
        QT_TRANSLATE_NOOP("RegisterTab", "Add rows copied from WPS or Excel (in the list)"),
        None,
    ),
    ("Ctrl+D", QT_TRANSLATE_NOOP("RegisterTab", "Fill the field from the entry before"), None),
    (
        "Ctrl+Shift+D",
        QT_TRANSLATE_NOOP("RegisterTab", "Fill every field from the entry before"),
        None,
    ),
    ("Ctrl+H", QT_TRANSLATE_NOOP("RegisterTab", "History of the entry"), "show_history"),
    ("Ctrl+Del", QT_TRANSLATE_NOOP("RegisterTab", "Void the entry"), "void_entry"),
    (
        "Ctrl+P",
        QT_TRANSLATE_NOOP("RegisterTab", "Print the entry (the list when none is selected)"),
        "print_current",
    ),
    ("Ctrl+Shift+P", QT_TRANSLATE_NOOP("RegisterTab", "Print the list"), "print_list"),
    ("Ctrl+I", QT_TRANSLATE_NOOP("RegisterTab", "Import from a file"), "import_entries"),
    ("Ctrl+Shift+E", QT_TRANSLATE_NOOP("RegisterTab", "Export the list"), "export_entries"),
    ("Ctrl+E", QT_TRANSLATE_NOOP("RegisterTab", "Hide or show the editor"), "toggle_editor"),
    ("Ctrl+Shift+C", QT_TRANSLATE_NOOP("RegisterTab", "Choose the columns"), "choose_columns"),
    ("F4, Alt+Down", QT_TRANSLATE_NOOP("RegisterTab", "Open the calendar of a date field"), None),
)


def shortcut_list() -> list[tuple[str, str]]:
    """(keys, what they do) of a register tab, translated, for the Help list."""
    return [
        (keys, QCoreApplication.translate("RegisterTab", text)) for keys, text, _slot in SHORTCUTS
    ]


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
            self.tr("Void the entry, giving a reason (Ctrl+Del)"),
            "voidAction",
        )
        self.history_action = self._action(
            self.tr("History…"),
            self.show_history,
            self.tr("Every revision of the entry (Ctrl+H)"),
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
            self.tr(
                "Print every entry that matches the filters and search, as a marked list "
                "(Ctrl+Shift+P)"
            ),
            "printListAction",
        )
        self.toolbar.addSeparator()
        self.import_action = self._action(
            self.tr("Import…"),
            self.import_entries,
            self.tr("Add entries from a .csv or .xlsx file, all or nothing (Ctrl+I)"),
            "importAction",
        )
        self.paste_action = self._action(
            self.tr("Paste rows…"),
            self.paste_clipboard,
            self.tr(
                "Add rows copied from WPS or Excel, with their heading row: previewed, then "
                "all saved or none (Ctrl+V in the list)"
            ),
            "pasteAction",
        )
        self.export_action = self._action(
            self.tr("Export…"),
            self.export_entries,
            self.tr("Write the entries shown to a .csv or .xlsx file (Ctrl+Shift+E)"),
            "exportAction",
        )
        self.toolbar.addSeparator()
        self.voided_toggle = QCheckBox(self.tr("Show voided"))
        self.voided_toggle.setObjectName("showVoided")
        self.voided_toggle.setToolTip(self.tr("List voided entries too (Ctrl+Shift+H)"))
        self.voided_toggle.toggled.connect(self._voided_toggled)
        self.toolbar.addWidget(self.voided_toggle)
        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setToolTip(self.tr("Choose the columns of the table (Ctrl+Shift+C)"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_button.setMenu(self.columns_menu)
        self.toolbar.addWidget(self.columns_button)
        self.editor_action = QAction(self.tr("Editor"), self)
        self.editor_action.setObjectName("editorAction")
        self.editor_action.setCheckable(True)
        self.editor_action.setChecked(True)
        self.editor_action.setToolTip(
            self.tr("Show or hide the editor, so the list has the whole width (Ctrl+E)")
        )
        self.editor_action.toggled.connect(self.set_editor_visible)
        self.toolbar.addAction(self.editor_action)

    def _build_filter_bar(self) -> None:
        """Two rows: the quick filters and the search; then a field filter (each Enter adds a
        condition, shown as a chip that a click removes), a date range and "clear"."""
        #: The field filters in force (field → text as typed or picked), and the quick ones.
        self._where: dict[str, str] = {}
        self._quick_on: list[str] = []
        self.quick_buttons: dict[str, QToolButton] = {}
        quick_row = QHBoxLayout()
        quick_row.setSpacing(4)
        if self.spec.listing.quick:
            quick_label = QLabel(self.tr("Quick:"))
            quick_row.addWidget(quick_label)
        for index, quick in enumerate(self.spec.listing.quick, start=1):
            button = QToolButton()
            button.setObjectName(f"quick_{quick.id}")
            button.setText(quick.label(self.lang))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setStyleSheet(QUICK_STYLE)
            if index <= 9:
                button.setToolTip(
                    self.tr("%1 (Ctrl+%2)")
                    .replace("%1", quick.label(self.lang))
                    .replace("%2", str(index))
                )
            button.toggled.connect(lambda on, q=quick.id: self.set_quick(q, on))
            self.quick_buttons[quick.id] = button
            quick_row.addWidget(button)
        quick_row.addStretch(1)

        self.filter_field = QComboBox()
        self.filter_field.setObjectName("filterField")
        self.filter_field.setToolTip(self.tr("Filter by a field (Ctrl+Shift+F)"))
        self.filter_field.addItem(self.tr("Filter by…"), "")
        for name in self._filterable():
            self.filter_field.addItem(self.spec.column_label(name, self.lang), name)
        self.filter_field.currentIndexChanged.connect(self._filter_field_changed)
        self.filter_field.activated.connect(self._offer_values)
        self.filter_value = QComboBox()
        self.filter_value.setObjectName("filterValue")
        self.filter_value.setEditable(True)
        self.filter_value.setMinimumWidth(140)
        self.filter_value.setEnabled(False)
        self.filter_value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.filter_value.lineEdit()
        assert line is not None
        line.returnPressed.connect(self.apply_filter)
        line.setPlaceholderText(self.tr("value, then Enter"))
        self.filter_value.activated.connect(lambda _i: self.apply_filter())
        self.chips = QHBoxLayout()
        self.chips.setSpacing(3)
        dates = [f for f in self.spec.fields if f.type is FieldType.DATE]
        self.range_field = QComboBox()
        self.range_field.setObjectName("rangeField")
        self.range_field.setToolTip(self.tr("Date range on a date field (Ctrl+R)"))
        for f in dates:
            self.range_field.addItem(f.label(self.lang), f.name)
        self.range_from = QLineEdit()
        self.range_from.setObjectName("rangeFrom")
        self.range_to = QLineEdit()
        self.range_to.setObjectName("rangeTo")
        for edit, hint in (
            (self.range_from, self.tr("from")),
            (self.range_to, self.tr("to")),
        ):
            edit.setPlaceholderText(hint)
            edit.setToolTip(self.tr("A day, a month (2026-11) or a year (2026); Enter to apply"))
            edit.setMaximumWidth(110)
            edit.returnPressed.connect(self.apply_range)
        self.range_field.activated.connect(lambda _i: self.apply_range())
        for w in (self.range_field, self.range_from, self.range_to):
            w.setVisible(bool(dates))
        self.filter_clear = QPushButton(self.tr("Clear filters"))
        self.filter_clear.setObjectName("filterClear")
        self.filter_clear.setToolTip(
            self.tr("Clear every filter, date range and quick filter (Ctrl+0)")
        )
        self.filter_clear.clicked.connect(self.clear_filter)
        self.filter_clear.setEnabled(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Search text fields (Ctrl+F; Esc clears)"))
        self.search_box.setMinimumWidth(220)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_box.returnPressed.connect(self.apply_search)
        quick_row.addWidget(self.search_box)
        self.filter_message = QLabel()
        self.filter_message.setObjectName("filterMessage")
        self.filter_message.setStyleSheet(ERROR_STYLE)
        self.filter_message.setVisible(False)
        self.filter_message.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.filter_field)
        row.addWidget(self.filter_value)
        row.addLayout(self.chips)
        row.addSpacing(8)
        row.addWidget(self.range_field)
        row.addWidget(self.range_from)
        row.addWidget(QLabel("–") if dates else QWidget())
        row.addWidget(self.range_to)
        row.addWidget(self.filter_clear)
        row.addWidget(self.filter_message, 1)
        row.addStretch(1)
        outer = QVBoxLayout()
        outer.setSpacing(3)
        outer.addLayout(quick_row)
        outer.addLayout(row)
        self._filter_row = outer

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
        self.model.asides = self.ctx.asides  # the first page shows while a large register counts
        self.model.countChanged.connect(self._show_count)
        self.model.countStarted.connect(self._show_counting)
        self.table = QTableView()
        self.table.setObjectName("entryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected (Shift/Ctrl) to copy them; the current row is the one
        # the editor shows. Tab leaves the table rather than walking its cells.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.installEventFilter(self)
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
        self.editor = EntryEditor(
            self.spec, self.lang, self.ctx.clock.today, person=self.ctx.registers.people.name
        )
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
        # Each problem of a refused save is a link: a click, or Tab to it and Enter, goes to
        # its field.
        self.notice_text.setTextFormat(Qt.TextFormat.RichText)
        self.notice_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notice_text.linkActivated.connect(self._notice_link)
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
        if get_pref(self.ctx.session, EDITOR_HIDDEN_PREF) is True:
            self.editor_action.setChecked(False)
            pane.setVisible(False)

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        #: The toolbar action behind a key: pressed while the action is off, the key says
        #: why (the action's tooltip) instead of doing nothing.
        guarded = {
            "new_entry": self.new_action,
            "save": self.save_action,
            "void_entry": self.void_action,
            "show_history": self.history_action,
            "print_current": self.print_action,
            "print_list": self.print_list_action,
            "import_entries": self.import_action,
            "export_entries": self.export_action,
        }
        slots: dict[str, Callable[[], object]] = {
            "escape": self.escape,
            "focus_search": self.focus_search,
            "focus_filter": self.focus_filter,
            "focus_range": self.focus_range,
            "clear_filter": self.clear_filter,
            "toggle_voided": self.toggle_voided,
            "toggle_editor": self.toggle_editor,
            "choose_columns": self.choose_columns,
        }
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, _text, slot_name in SHORTCUTS:
            if slot_name is None:
                continue
            slot = slots.get(slot_name)
            action = guarded.get(slot_name)
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            if action is not None:
                shortcut.activated.connect(lambda a=action: self._trigger(a))
            else:
                assert slot is not None, slot_name
                shortcut.activated.connect(slot)
            self.shortcuts[slot_name] = shortcut
        for index, quick in enumerate(self.spec.listing.quick[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index}"), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda b=self.quick_buttons[quick.id]: b.toggle())

    def _trigger(self, action: QAction) -> None:
        """A key of a toolbar action: do it, or say why it cannot be done."""
        if action.isEnabled():
            action.trigger()
            return
        widget = self.toolbar.widgetForAction(action)
        where = (
            widget.mapToGlobal(widget.rect().bottomLeft())
            if widget
            else self.mapToGlobal(self.rect().topLeft())
        )
        QToolTip.showText(where, action.toolTip(), widget or self)

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
        """Enable what can be done now; what cannot says why in its tooltip (the role does
        not allow it, or there is no entry to do it to)."""
        entry = self.editor.entry
        editing = not self.editor.read_only
        live = entry is not None and not entry.voided
        tips = {
            self.new_action: self.tr("New entry (Ctrl+N)"),
            self.save_action: self.tr("Save the entry (Ctrl+S)"),
            self.void_action: self.tr("Void the entry, giving a reason (Ctrl+Del)"),
            self.history_action: self.tr("Every revision of the entry (Ctrl+H)"),
            self.import_action: self.tr(
                "Add entries from a .csv or .xlsx file, all or nothing (Ctrl+I)"
            ),
            self.paste_action: self.tr(
                "Add rows copied from WPS or Excel, with their heading row: previewed, then "
                "all saved or none (Ctrl+V in the list)"
            ),
            self.export_action: self.tr(
                "Write the entries shown to a .csv or .xlsx file (Ctrl+Shift+E)"
            ),
            self.print_action: self.tr(
                "Print the selected entry, or the list when none is selected (Ctrl+P)"
            ),
            self.print_list_action: self.tr(
                "Print every entry that matches the filters and search, as a marked list "
                "(Ctrl+Shift+P)"
            ),
        }
        role = self.tr("Your account may not %1 in this register (ask the secrecy officer).")
        allowed = {
            self.new_action: (self.can[Action.CREATE], self.tr("add entries")),
            self.void_action: (self.can[Action.VOID], self.tr("void entries")),
            self.import_action: (self.can[Action.CREATE], self.tr("add entries")),
            self.paste_action: (self.can[Action.CREATE], self.tr("add entries")),
            self.export_action: (self.can[Action.EXPORT], self.tr("export")),
            self.print_action: (self.can[Action.PRINT], self.tr("print")),
            self.print_list_action: (self.can[Action.PRINT], self.tr("print")),
        }
        if self.spec.id in SYSTEM_REGISTERS:
            kept = self.tr("The program keeps this register itself; nobody enters it by hand.")
        else:
            kept = ""
        state = {
            self.save_action: (
                editing and (self.editor.is_new or self.editor.is_dirty()),
                self.tr("Nothing to save: no entry is being edited or changed."),
            ),
            self.void_action: (live, self.tr("Select an entry that is not void first.")),
            self.history_action: (entry is not None, self.tr("Select an entry first.")),
        }
        for action, tip in tips.items():
            ok, reason = True, ""
            if action in allowed and not allowed[action][0]:
                ok = False
                reason = (
                    kept
                    if kept
                    and action is not self.export_action
                    and action
                    not in (
                        self.print_action,
                        self.print_list_action,
                    )
                    else role.replace("%1", allowed[action][1])
                )
            elif action in state and not state[action][0]:
                ok, reason = False, state[action][1]
            action.setEnabled(ok)
            action.setToolTip(tip if ok else f"{reason}\n{tip}")
        self.save_button.setEnabled(self.save_action.isEnabled())
        self.cancel_button.setEnabled(editing)

    def _show_counting(self) -> None:
        self.count_label.setText(self.tr("Counting…"))

    def _show_count(self, total: int) -> None:
        shown = f"{total:,}"
        text = self.tr("%1 entries").replace("%1", shown)
        query = self.model.query
        if query.filtered:
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

    def _ranges(self) -> dict[str, tuple[str, str]]:
        name = str(self.range_field.currentData() or "")
        start, end = self.range_from.text().strip(), self.range_to.text().strip()
        return {name: (start, end)} if name and (start or end) else {}

    def composed_query(
        self, where: Mapping[str, str] | None = None, search: str | None = None
    ) -> Query:
        """The list's query from the filter bar: every field filter, the date range and the
        quick filters on, with the search, the voided toggle and the sort as they are."""
        quick = [periods.quick_filter(self.spec, q) for q in self._quick_on]
        base = replace(
            self.model.query,
            where=dict(self._where if where is None else where),
            ranges=self._ranges(),
            created_by="",
            search=self.model.query.search if search is None else search,
        )
        return periods.apply_quick(
            base, quick, today=self.ctx.clock.today(), login=self.ctx.session.account.login
        )

    def _apply(self, where: Mapping[str, str] | None = None, search: str | None = None) -> bool:
        """Read the list again with the filter bar's query; on a bad value the list stays."""
        query = self.composed_query(where, search)
        if not self._requery(lambda: self.model.reload(query)):
            return False
        if where is not None:
            self._where = dict(where)
        self._show_chips()
        self.filter_clear.setEnabled(bool(self._where or self._quick_on or self._ranges()))
        return True

    def _show_chips(self) -> None:
        """One small button per field filter in force; a click removes that filter."""
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for name, text in self._where.items():
            chip = QToolButton()
            chip.setObjectName(f"chip_{name}")
            chip.setText(
                f"{self.spec.column_label(name, self.lang)}：{self._value_label(name, text)} ✕"
            )
            chip.setToolTip(self.tr("Remove this filter"))
            chip.clicked.connect(lambda _c=False, n=name: self.remove_filter(n))
            self.chips.addWidget(chip)

    def _value_label(self, name: str, text: str) -> str:
        """How a filter value reads on its chip (the choice's label, not its code)."""
        if name == STATUS:
            for status in self.spec.statuses:
                if status.code == text:
                    return status.label(self.lang)
        elif name != NUMBER and self.spec.has_field(name):
            field = self.spec.field(name)
            for choice in field.choices:
                if choice.code == text:
                    return choice.label(self.lang)
            for option in field.levels:
                if option.level.name == text:
                    return option.label(self.lang)
        return text

    def apply_filter(self) -> None:
        """Enter in the value: add (or change) this field's filter; the others stay. An empty
        value removes the field's filter."""
        name = str(self.filter_field.currentData() or "")
        text = self._filter_text().strip()
        if not name:
            return
        where = dict(self._where)
        if text:
            where[name] = text
        else:
            where.pop(name, None)
        if self._apply(where):
            self.filter_field.blockSignals(True)
            self.filter_field.setCurrentIndex(0)
            self.filter_field.blockSignals(False)
            self.filter_value.clear()
            self.filter_value.setEnabled(False)

    def set_filter(self, name: str, text: str) -> None:
        """Filter on ``name`` = ``text`` (as typed or picked), as the filter bar does."""
        self.filter_field.setCurrentIndex(self.filter_field.findData(name))
        self.filter_value.setEditText(text)
        self.apply_filter()

    def remove_filter(self, name: str) -> None:
        where = {k: v for k, v in self._where.items() if k != name}
        self._apply(where)

    def apply_range(self) -> None:
        self._apply()

    def set_range(self, name: str, start: str, end: str) -> bool:
        """A date range on ``name`` (a day, a month or a year each side; ``""`` = open)."""
        self.range_field.setCurrentIndex(self.range_field.findData(name))
        self.range_from.setText(start)
        self.range_to.setText(end)
        return self._apply()

    def set_quick(self, quick_id: str, on: bool) -> None:
        """Turn one quick filter on or off (its button shows it); the others stay."""
        button = self.quick_buttons[quick_id]
        if button.isChecked() != on:
            button.setChecked(on)  # comes back here through the button's signal
            return
        wanted = [q.id for q in self.spec.listing.quick if q.id in {*self._quick_on, quick_id}]
        if not on:
            wanted.remove(quick_id)
        if wanted == self._quick_on:
            return
        previous = self._quick_on
        self._quick_on = wanted
        if not self._apply():
            self._quick_on = previous
            button.blockSignals(True)
            button.setChecked(not on)
            button.blockSignals(False)

    def show_filtered(
        self,
        quick: Iterable[str] = (),
        where: Mapping[str, str] | None = None,
        ranges: Mapping[str, tuple[str, str]] | None = None,
    ) -> bool:
        """Show the list narrowed to exactly these quick filters (ids from the register's
        ``[[list.quick]]``), field filters and date range, everything else cleared — for the
        home tab's "needs action" lines. False (and the reason under the filter bar) when a
        value is not valid; an unknown quick filter id raises ``KeyError``."""
        ids = list(quick)
        for quick_id in ids:
            periods.quick_filter(self.spec, quick_id)
        if self.model.query.deadline:
            self.show_deadline(None)
        self._quick_on = [q.id for q in self.spec.listing.quick if q.id in ids]
        for quick_id, button in self.quick_buttons.items():
            button.blockSignals(True)
            button.setChecked(quick_id in self._quick_on)
            button.blockSignals(False)
        (name, (start, end)), *_ = (ranges or {"": ("", "")}).items()
        self.range_field.setCurrentIndex(max(self.range_field.findData(name), 0))
        self.range_from.setText(start if name else "")
        self.range_to.setText(end if name else "")
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        done = self._apply(dict(where or {}), search="")
        self.focus_list()
        return done

    def clear_filter(self) -> None:
        """Every field filter, the date range and the quick filters off (the search stays)."""
        self.filter_field.blockSignals(True)
        self.filter_field.setCurrentIndex(0)
        self.filter_field.blockSignals(False)
        self.filter_value.clear()
        self.filter_value.setEnabled(False)
        self.range_from.clear()
        self.range_to.clear()
        self._quick_on = []
        for button in self.quick_buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        query = self.model.query
        if query.where or query.ranges or query.created_by:
            self._apply({})
        else:
            self._where = {}
            self._show_chips()
        self.filter_clear.setEnabled(False)
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
            bar = QHBoxLayout()
            bar.addWidget(self._deadline_bar)
            bar.addWidget(self._deadline_all)
            bar.addStretch(1)
            self._filter_row.insertLayout(0, bar)
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

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_field.showPopup()

    def focus_range(self) -> None:
        if self.range_field.count():
            self.range_from.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.range_from.selectAll()

    def toggle_voided(self) -> None:
        self.voided_toggle.toggle()

    def choose_columns(self) -> None:
        self.columns_button.showMenu()

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
        # Fill-down copies from the entry shown until now, else the one on top of the list.
        source = self.editor.entry
        if source is None and self.model.rowCount():
            source = self.model.entry(0)
        self._select_number("")
        self.editor.new_entry(initial_inputs(self.spec, self.ctx.clock.today()))
        self.editor.fill_source = source
        self._expected_revision = None
        self._update_actions()
        self.set_editor_visible(True)
        self.editor.focus_first()

    # --- keys: list, editor, search ----------------------------------------------------------

    def focus_list(self) -> None:
        """The cursor in the list (on the entry the editor shows, else the first row)."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            shown = self.editor.entry
            row = self.model.row_of(shown.number) if shown is not None else None
            if row is not None:
                self._select_number(shown.number)  # type: ignore[union-attr]
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusInEvent(self, event: Any) -> None:
        """The tab itself got the focus (switched to with Alt+number): the list takes it."""
        super().focusInEvent(event)
        self.focus_list()

    def edit_selected(self) -> None:
        """Enter or F2 in the list: the selected entry into the editor, cursor in its first
        field (read-only entries too: their fields can be read and copied)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        entry = self.model.entry(index.row())
        shown = self.editor.entry
        if (shown is None or shown.number != entry.number or self.editor.is_new) and not (
            self.open_entry(entry.number)
        ):
            return
        self.set_editor_visible(True)
        self.editor.focus_first()

    def escape(self) -> None:
        """Esc: in the search box, clear it (again: back to the list); in the filter bar, back
        to the list; in the editor, cancel the unsaved input (asking first), back to the list."""
        focus = QApplication.focusWidget()
        if focus is self.search_box:
            if self.search_box.text():
                self.search_box.clear()
                self.apply_search()
            else:
                self.focus_list()
            return
        if focus is not None and self.editor.isAncestorOf(focus):
            if self.editor.read_only:
                self.focus_list()
            else:
                self.cancel_edit()
            return
        if focus is not self.table:
            self.focus_list()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not mods:
                self.edit_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_rows()
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                self._trigger(self.paste_action)
                return True
        return super().eventFilter(watched, event)

    # --- the editor pane ---------------------------------------------------------------------

    def set_editor_visible(self, visible: bool) -> None:
        """Hide the editor so the list has the whole width, or show it again (remembered)."""
        if self._editor_pane.isVisible() == visible and self.editor_action.isChecked() == visible:
            return
        if not visible and self.has_unsaved():
            self.editor_action.setChecked(True)
            return  # unsaved input stays in sight
        self.editor_action.blockSignals(True)
        self.editor_action.setChecked(visible)
        self.editor_action.blockSignals(False)
        self._editor_pane.setVisible(visible)
        set_pref(self.ctx.session, EDITOR_HIDDEN_PREF, not visible)
        if not visible:
            self.focus_list()

    def toggle_editor(self) -> None:
        self.set_editor_visible(not self._editor_pane.isVisible())

    # --- the clipboard -----------------------------------------------------------------------

    def selected_entries(self) -> list[Entry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.entry(r) for r in rows]

    def copy_rows(self) -> int:
        """Ctrl+C in the list: the selected rows, with the headings of the columns shown, as
        tab-separated text (what WPS and Excel paste as cells). Classified rows leave the
        clipboard again after a few seconds. Returns how many rows were copied."""
        entries = self.selected_entries()
        if not entries:
            return 0
        columns = self.model.columns
        lines = ["\t".join(self.model.column_label(c) for c in columns)]
        for entry in entries:
            cells = [
                entry.marking if c == MARKING else entry.display(self.spec, c, self.lang)
                for c in columns
            ]
            lines.append("\t".join(clipboard.cell(text) for text in cells))
        sensitive = any(e.level.classified for e in entries)
        clipboard.copy_text("\r\n".join(lines) + "\r\n", sensitive=sensitive)
        return len(entries)

    def paste_clipboard(self) -> None:
        self.paste_rows()

    def paste_rows(self, text: str | None = None) -> int | None:
        """Rows copied from WPS or Excel (the clipboard's text unless ``text`` is given):
        previewed with their columns matched by heading, then all added or none, through the
        import path. Returns how many entries were added (``None`` when none were)."""
        if not self.can[Action.CREATE]:
            return None
        from secrecy_desk.gui.registers.paste import PasteDialog  # noqa: PLC0415 - on use

        if text is None:
            text = clipboard.text()
        dialog = PasteDialog(self.ctx, self.spec, text, self)
        if not self.run_dialog(dialog):
            return None
        self._requery(self.model.reload)
        self._announce()
        count = len(dialog.added)
        self.message_box(
            QMessageBox.Icon.Information,
            self.tr("Paste rows"),
            self.tr("%1 entries were added.").replace("%1", f"{count:,}"),
        )
        return count

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show ``dialog`` modally (tests replace this to answer it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

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
        self.focus_list()

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
                self.editor.show_problems(exc.problems)
                self.show_problem_list(exc)
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
            if self.model.query.filtered:
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

    def show_problem_list(self, exc: EntryInvalid) -> None:
        """The banner of a refused save: every problem with its field's label, each a link
        to its field (a click, or Tab to it and Enter)."""
        head = self.tr("The entry was not saved. Please correct:")
        lines: list[str] = []
        for problem in exc.problems:
            message = html.escape(problem.message(self.lang))
            if problem.field in self.editor.inputs:
                label = html.escape(self.spec.field(problem.field).label(self.lang))
                lines.append(f"<a href='field:{problem.field}'>{label}</a>：{message}")
            else:
                lines.append(message)
        items = "".join(f"<li>{line}</li>" for line in lines)
        self.show_notice(
            f"{html.escape(head)}<ul style='margin:0'>{items}</ul>", reload=False, rich=True
        )

    def _notice_link(self, link: str) -> None:
        if link.startswith("field:"):
            self.editor.focus_field(link.removeprefix("field:"))

    def notice_plain(self) -> str:
        """The banner's text as read (without markup)."""
        doc = QTextDocument()
        doc.setHtml(self.notice_text.text())
        return doc.toPlainText()

    def show_notice(self, text: str, *, reload: bool, rich: bool = False) -> None:
        if not rich:
            text = html.escape(text).replace("\n", "<br>")
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

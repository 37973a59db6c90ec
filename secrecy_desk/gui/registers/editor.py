"""The entry editor, generated from a :class:`FormSpec`: one input per field, chosen by type.

Every input is read and written as *text as a person types it* (``FieldSpec.input_text`` /
``FieldSpec.check``), so the editor, the command line and imports share one validator. A
field is checked as the user leaves it once it was touched (typed in, or a save was tried),
and its message shows under it in red; a refused save shows every problem at its own field.
Ctrl+D fills the field from the entry before (fill-down), Ctrl+Shift+D every field.
Enter moves to the next field (Shift+Enter starts a new line in a long text).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from secrecy_desk.core.clock import local_text
from secrecy_desk.core.validators import Problem, parse_date_text
from secrecy_desk.forms import FieldSpec, FieldType, FormSpec
from secrecy_desk.modules.registers import Entry

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #6b6b6b;"
REQUIRED_MARK = "<span style='color:#c62828'>*</span>"


class DateInput(QWidget):
    """A line edit that takes 2026-11-27, 2026.11.27, 20261127 or 2026年11月27日, with a
    calendar button (also Alt+Down or F4) for those who prefer to pick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        # A format hint, not a date: an example day in grey reads like a value.
        self.edit.setPlaceholderText(self.tr("year-month-day"))
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setToolTip(self.tr("Pick a date (Alt+Down)"))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def open_calendar(self) -> None:
        current = parse_date_text(self.edit.text())
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.menu.hide()
        self.edit.setText(date(day.year(), day.month(), day.day()).isoformat())
        self.edit.setFocus()


class FieldInput:
    """One field's input widget(s), read and written as text."""

    def __init__(self, spec: FieldSpec, lang: str) -> None:
        self.spec = spec
        self.widget: QWidget
        self.focus: QWidget  # what receives keys and focus events
        match spec.type:
            case FieldType.LONG_TEXT:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(64)
                self.widget = self.focus = edit
            case FieldType.CHOICE | FieldType.BOOL | FieldType.LEVEL:
                combo = QComboBox()
                combo.addItem("", "")
                if spec.type is FieldType.CHOICE:
                    for choice in spec.choices:
                        combo.addItem(choice.label(lang), choice.code)
                elif spec.type is FieldType.BOOL:
                    combo.addItem(QCoreApplication.translate("EntryEditor", "Yes"), "是")
                    combo.addItem(QCoreApplication.translate("EntryEditor", "No"), "否")
                else:
                    for option in spec.levels:
                        combo.addItem(option.label(lang), option.level.name)
                self.widget = self.focus = combo
            case FieldType.DATE:
                date_input = DateInput()
                self.widget = date_input
                self.focus = date_input.edit
            case _:
                line = QLineEdit()
                line.setPlaceholderText(_placeholder(spec))
                if spec.max_length and spec.type is FieldType.TEXT:
                    line.setMaxLength(spec.max_length + 20)  # let the check say "too long"
                self.widget = self.focus = line
        self.widget.setObjectName(f"field_{spec.name}")
        self.focus.setAccessibleName(spec.label(lang))

    def text(self) -> str:
        w = self.focus
        if isinstance(w, QComboBox):
            data = w.currentData()
            return str(data) if data is not None else w.currentText()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        assert isinstance(w, QLineEdit)
        return w.text()

    def set_text(self, text: str) -> None:
        w = self.focus
        if isinstance(w, QComboBox):
            index = w.findData(text)
            if index < 0 and text:
                checked = self.spec.check(text)
                key = _combo_key(self.spec, checked)
                index = w.findData(key) if key is not None else -1
            w.setCurrentIndex(max(index, 0))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(text)
        else:
            assert isinstance(w, QLineEdit)
            w.setText(text)
            w.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        w = self.focus
        if isinstance(w, QComboBox):
            w.setEnabled(not read_only)
        elif isinstance(w, QPlainTextEdit | QLineEdit):
            w.setReadOnly(read_only)
        if isinstance(self.widget, DateInput):
            self.widget.button.setEnabled(not read_only)


def _combo_key(spec: FieldSpec, value: object) -> str | None:
    """The item data a combo box keeps for a checked value (choice code, 是/否, level name)."""
    if isinstance(value, Problem) or value is None:
        return None
    if spec.type is FieldType.BOOL:
        return "是" if value else "否"
    if spec.type is FieldType.LEVEL:
        return getattr(value, "name", None)
    return str(value)


def _placeholder(spec: FieldSpec) -> str:
    match spec.type:
        case FieldType.MONEY:
            return QCoreApplication.translate("EntryEditor", "¥ yuan, e.g. 1234.50")
        case FieldType.INTEGER:
            return QCoreApplication.translate("EntryEditor", "a whole number")
        case FieldType.TERM:
            return QCoreApplication.translate(
                "EntryEditor", "10年 · 2030-12-31 · 长期 · 条件:… (blank: default for the level)"
            )
        case FieldType.RESIDENT_ID:
            return QCoreApplication.translate("EntryEditor", "18 characters, the last may be X")
        case FieldType.PHONE:
            return QCoreApplication.translate("EntryEditor", "13812345678 or 010-12345678")
        case FieldType.SCOPE:
            return QCoreApplication.translate(
                "EntryEditor", "people or departments, separated by 、"
            )
        case FieldType.PERSON | FieldType.ENTRY_REF:
            return QCoreApplication.translate("EntryEditor", "entry number, e.g. %1").replace(
                "%1", _example_number(spec)
            )
        case FieldType.ACCOUNT:
            return QCoreApplication.translate("EntryEditor", "login name")
        case _:
            return ""


def _example_number(spec: FieldSpec) -> str:
    if spec.ref_pattern is None:
        return "…"
    # The pattern's literal prefix (RY-, TZFS-) is the useful part of a hint.
    text = spec.ref_pattern.pattern
    prefix = text.split("(", 1)[0].replace("\\", "")
    return f"{prefix}2026-0001" if "year" in text else f"{prefix}0001"


class EntryEditor(QWidget):
    """The editor pane: a read-only header (number, status, marking, revision, who/when) and
    one row per field with its label (``*`` when required), input, hint and error line."""

    #: Emitted whenever the input differs from what was loaded (or stops differing).
    dirtyChanged = Signal(bool)

    def __init__(
        self,
        spec: FormSpec,
        lang: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        person: Callable[[str], str] | None = None,
    ) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.spec = spec
        self.lang = lang
        self._today = today
        #: A login as the editor shows it (who created and last saved the entry): the name.
        self.person: Callable[[str], str] = person or str
        self._entry: Entry | None = None
        self._baseline: dict[str, str] = {}
        self._baseline_status = ""
        self._dirty = False
        self._read_only = False
        self.inputs: dict[str, FieldInput] = {}
        self.errors: dict[str, QLabel] = {}
        #: A save was tried since the entry was loaded: every field is checked on leaving it.
        self.save_tried = False
        #: The entry fill-down copies from (the one shown before a new entry was started).
        self.fill_source: Entry | None = None

        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)

        # Read-only facts about the entry as loaded.
        self.number_label = QLabel()
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("field_status")
        for status in spec.statuses:
            self.status_combo.addItem(status.label(lang), status.code)
        self.status_combo.setToolTip(self.tr("Status of the entry"))
        self.marking_label = QLabel()
        self.revision_label = QLabel()
        self.created_label = QLabel()
        self.updated_label = QLabel()
        for label in (self.created_label, self.updated_label, self.revision_label):
            label.setStyleSheet(HINT_STYLE)
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        facts.addRow(spec.numbering.label(lang), self.number_label)
        facts.addRow(self.tr("Status"), self.status_combo)
        self._facts = facts
        facts.addRow(self.tr("Marking"), self.marking_label)
        facts.addRow(self.tr("Revision"), self.revision_label)
        facts.addRow(self.tr("Created"), self.created_label)
        facts.addRow(self.tr("Last saved"), self.updated_label)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        row = 0
        for field in spec.fields:
            field_input = FieldInput(field, lang)
            self.inputs[field.name] = field_input
            label = QLabel(field.label(lang) + (" " + REQUIRED_MARK if field.required else ""))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setBuddy(field_input.focus)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(label, row, 0)
            grid.addWidget(field_input.widget, row, 1)
            row += 1
            error = QLabel()  # right under the input, above the hint
            error.setObjectName(f"error_{field.name}")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
            self.errors[field.name] = error
            grid.addWidget(error, row, 1)
            row += 1
            hint_text = field.help(lang)
            if hint_text:
                hint = QLabel(hint_text)
                hint.setWordWrap(True)
                hint.setStyleSheet(HINT_STYLE)
                grid.addWidget(hint, row, 1)
                row += 1
            grid.setRowMinimumHeight(row, 6)
            row += 1
            field_input.focus.installEventFilter(self)
            self._watch(field_input)
        self.status_combo.currentIndexChanged.connect(self._recheck_dirty)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(8, 4, 12, 8)
        body_layout.addLayout(facts)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        body_layout.addWidget(rule)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.title)
        outer.addWidget(self.scroll_area, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.clear()

    # --- state --------------------------------------------------------------------------------

    @property
    def entry(self) -> Entry | None:
        """The entry as loaded (``None`` while a new one is being entered)."""
        return self._entry

    @property
    def is_new(self) -> bool:
        return self._entry is None

    def _watch(self, field_input: FieldInput) -> None:
        w = field_input.focus
        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._recheck_dirty)
        elif isinstance(w, QPlainTextEdit | QLineEdit):
            w.textChanged.connect(self._recheck_dirty)

    def values(self) -> dict[str, str]:
        """Every field's current input text."""
        return {name: field_input.text() for name, field_input in self.inputs.items()}

    def changes(self) -> dict[str, str]:
        """Only the fields whose text differs from what was loaded."""
        current = self.values()
        return {k: v for k, v in current.items() if v != self._baseline.get(k, "")}

    def status(self) -> str:
        return str(self.status_combo.currentData() or "")

    def status_changed(self) -> bool:
        return not self.is_new and self.status() != self._baseline_status

    def is_dirty(self) -> bool:
        return bool(self.changes()) or self.status_changed()

    def _recheck_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    # --- loading ------------------------------------------------------------------------------

    def clear(self) -> None:
        """Nothing selected: empty, read-only."""
        self._entry = None
        self._fill({f.name: "" for f in self.spec.fields}, status="")
        self.title.setText(self.tr("No entry selected"))
        for label in (
            self.number_label,
            self.marking_label,
            self.revision_label,
            self.created_label,
            self.updated_label,
        ):
            label.setText("—")
        self.set_read_only(True)

    def new_entry(self, inputs: Mapping[str, str]) -> None:
        """Start a new entry with the definition's defaults (or a restored draft)."""
        self._entry = None
        self._fill(dict(inputs), status=self.spec.initial_status.code)
        self.title.setText(self.tr("New entry · %1").replace("%1", self.spec.title(self.lang)))
        self.number_label.setText(self.tr("(given when saved)"))
        self.marking_label.setText("—")
        self.revision_label.setText("—")
        self.created_label.setText("—")
        self.updated_label.setText("—")
        self.set_read_only(False)
        self.status_combo.setEnabled(False)

    def hide_status(self) -> None:
        """For forms whose state lives elsewhere (an approval request's workflow state)."""
        self._facts.setRowVisible(self.status_combo, False)

    def load(self, entry: Entry, *, read_only: bool = False) -> None:
        """Show ``entry`` for reading or editing; its revision is what a save will expect."""
        self._entry = entry
        texts = {f.name: f.input_text(entry.values.get(f.name)) for f in self.spec.fields}
        self._fill(texts, status=entry.status)
        title = self.tr("Entry %1").replace("%1", entry.number)
        if entry.voided:
            title += "  " + self.tr("(void: %1)").replace("%1", entry.void_reason or "")
        self.title.setText(title)
        self.number_label.setText(entry.number)
        self.marking_label.setText(entry.marking)
        self.revision_label.setText(str(entry.revision))
        self.created_label.setText(_who_when(self.person(entry.created_by), entry.created_at))
        self.updated_label.setText(_who_when(self.person(entry.updated_by), entry.updated_at))
        self.set_read_only(read_only or entry.voided)

    def apply_inputs(self, inputs: Mapping[str, str], status: str | None = None) -> None:
        """Put text into fields without changing what counts as loaded (a restored draft)."""
        for name, text in inputs.items():
            if name in self.inputs:
                self.inputs[name].set_text(text)
        if status:
            index = self.status_combo.findData(status)
            if index >= 0:
                self.status_combo.setCurrentIndex(index)
        self._recheck_dirty()

    def _fill(self, texts: Mapping[str, str], *, status: str) -> None:
        for name, field_input in self.inputs.items():
            field_input.set_text(texts.get(name, ""))
        index = self.status_combo.findData(status)
        self.status_combo.setCurrentIndex(max(index, 0))
        self._baseline = {name: field_input.text() for name, field_input in self.inputs.items()}
        self._baseline_status = self.status()
        self.save_tried = False
        self.clear_problems()
        self._dirty = False
        self.dirtyChanged.emit(False)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for field_input in self.inputs.values():
            field_input.set_read_only(read_only)
        self.status_combo.setEnabled(not read_only and len(self.spec.statuses) > 1)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def focus_first(self) -> None:
        first = next(iter(self.inputs.values()), None)
        if first is not None:
            first.focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- problems -----------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for name in self.errors:
            self._show_error(name, "")

    def focus_field(self, name: str) -> None:
        """Put the cursor in ``name`` (a line of the save banner was clicked)."""
        field_input = self.inputs.get(name)
        if field_input is None:
            return
        field_input.focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(field_input.widget)
        if isinstance(field_input.focus, QLineEdit):
            field_input.focus.selectAll()

    def fill_down(self, name: str | None = None) -> bool:
        """Copy ``name`` (every field when ``None``) from :attr:`fill_source` into a new entry,
        as Ctrl+D does in a spreadsheet. False when there is nothing to copy from."""
        source = self.fill_source
        if source is None or self._read_only or not self.is_new:
            return False
        names = [name] if name is not None else list(self.inputs)
        for field_name in names:
            if field_name in self.inputs:
                spec = self.spec.field(field_name)
                self.inputs[field_name].set_text(spec.input_text(source.values.get(field_name)))
        self._recheck_dirty()
        return True

    def show_problems(self, problems: Sequence[Problem]) -> list[str]:
        """Put each problem under its field; returns the messages that name no field of the
        form (the caller shows those above the editor). Focus goes to the first bad field."""
        self.save_tried = True
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        elsewhere: list[str] = []
        for problem in problems:
            if problem.field in self.errors:
                by_field.setdefault(problem.field, []).append(problem.message(self.lang))
            else:
                elsewhere.append(problem.line(self.lang))
        for name, messages in by_field.items():
            self._show_error(name, "\n".join(messages))
        first = next((n for n in self.inputs if n in by_field), None)
        if first is not None:
            w = self.inputs[first].focus
            w.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(self.inputs[first].widget)
        return elsewhere

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisible() else ""

    def _show_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))
        w = self.inputs[name].focus
        w.setProperty("invalid", bool(message))
        w.setStyleSheet("border: 1px solid #c62828;" if message else "")

    def touched(self, name: str) -> bool:
        """Whether ``name`` should be checked now: the user changed it, it shows a problem
        already, or a save was tried. Tabbing past an empty field marks nothing."""
        current = self.inputs[name].text()
        return (
            self.save_tried
            or current != self._baseline.get(name, "")
            or self.errors[name].isVisible()
        )

    def check_touched(self, name: str) -> str:
        return self.check_field(name) if self.touched(name) else ""

    def check_field(self, name: str) -> str:
        """Check one field as the user leaves it; returns (and shows) its message or ``""``."""
        if self._read_only:
            return ""
        field_input = self.inputs[name]
        result = field_input.spec.check(field_input.text(), today=self._today())
        message = result.message(self.lang) if isinstance(result, Problem) else ""
        self._show_error(name, message)
        return message

    # --- keys and focus -----------------------------------------------------------------------

    def _name_of(self, obj: QObject) -> str | None:
        for name, field_input in self.inputs.items():
            if field_input.focus is obj:
                return name
        return None

    def focus_next(self, name: str) -> None:
        names = list(self.inputs)
        index = names.index(name)
        if index + 1 < len(names):
            nxt = self.inputs[names[index + 1]]
            nxt.focus.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll_area.ensureWidgetVisible(nxt.widget)
            if isinstance(nxt.focus, QLineEdit):
                nxt.focus.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            name = self._name_of(watched)
            if name is not None:
                w = self.inputs[name].focus
                # Opening a combo's list or the calendar is not leaving the field.
                if isinstance(w, QComboBox) and w.view().isVisible():
                    return False
                self.check_touched(name)
        elif event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            name = self._name_of(watched)
            if name is None:
                return False
            w = self.inputs[name].widget
            if isinstance(w, DateInput) and (
                key == Qt.Key.Key_F4
                or (key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            ):
                w.open_calendar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                if mods == Qt.KeyboardModifier.ShiftModifier and isinstance(
                    watched, QPlainTextEdit
                ):
                    return False  # Shift+Enter: a new line in a long text
                if mods == Qt.KeyboardModifier.NoModifier:
                    self.check_touched(name)
                    self.focus_next(name)
                    return True
            if key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                if self.fill_down(None if shift else name):
                    self.check_touched(name)
                return True
        return super().eventFilter(watched, event)


def _who_when(who: str, at: str) -> str:
    return f"{who} · {local_text(at)}"

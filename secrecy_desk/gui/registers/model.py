"""The register table's model: a lazy window over :meth:`Registers.page` / :meth:`count`.

Like Qt's *fetchmore* example, the model holds only the rows fetched so far: the count and the
first page when a query changes, then one more page each time the view asks
(``canFetchMore``/``fetchMore``) because the user scrolled near the end. Sorting, filtering and
searching never happen here: they change the :class:`Query` and the engine answers from its
indexes, so a register of a million entries costs the same to open as one of a hundred.

Every query carries a generation number; a page that arrives for an older generation (the
query changed while it was being read) is dropped instead of being mixed into the new rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from secrecy_desk.forms import FormSpec, SortKey
from secrecy_desk.modules.registers import NUMBER, STATUS, Entry, Query, Registers

#: A pseudo-column showing each row's classification mark (机密★20年); not sortable.
MARKING: Final = "marking"
#: Rows read per page; a screenful is some forty, so a page covers several screens.
PAGE_SIZE: Final = 200

ENTRY_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
NUMBER_ROLE: Final = ENTRY_ROLE + 1

OVERDUE_COLOR: Final = QColor(0xC6, 0x28, 0x28)
ATTENTION_COLOR: Final = QColor(0xB2, 0x6A, 0x00)
VOID_COLOR: Final = QColor(0x8A, 0x8A, 0x8A)

AnyIndex = QModelIndex | QPersistentModelIndex


def _dot(color: QColor) -> QIcon:
    """A small filled circle: the row mark for overdue (red) and attention (amber) entries."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def available_columns(spec: FormSpec) -> list[str]:
    """Every column the chooser offers: the number, the fields, the status, the marking."""
    return [NUMBER, *spec.field_names, STATUS, MARKING]


class EntryTableModel(QAbstractTableModel):
    """Rows are :class:`Entry` values; columns are list column names of the form."""

    #: Emitted with the number of matching entries after each (re)query and change.
    countChanged = Signal(int)

    def __init__(
        self,
        registers: Registers,
        spec: FormSpec,
        lang: str,
        columns: Sequence[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._registers = registers
        self._spec = spec
        self._lang = lang
        self._columns: list[str] = list(columns or spec.listing.columns)
        self._query = Query(limit=PAGE_SIZE)
        self._rows: list[Entry] = []
        self._total = 0
        self._more = False
        self._generation = 0
        self._icons: dict[str, QIcon] = {}

    # --- the query ----------------------------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def total(self) -> int:
        """How many entries match the current query (not how many are loaded)."""
        return self._total

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def set_query(
        self,
        *,
        where: Mapping[str, str] | None = None,
        search: str | None = None,
        include_voided: bool | None = None,
        sort: tuple[SortKey, ...] | bool | None = False,
    ) -> None:
        """Change part of the query and re-read the count and the first page. ``sort=None``
        means the definition's default order; leave it ``False`` to keep the current one.
        Raises the engine's error (e.g. :class:`EntryInvalid` for a filter value that is not
        valid for its field), in which case the model keeps its current rows."""
        query = self._query
        if where is not None:
            query = replace(query, where=dict(where))
        if search is not None:
            query = replace(query, search=search)
        if include_voided is not None:
            query = replace(query, include_voided=include_voided)
        if sort is not False:
            assert sort is None or isinstance(sort, tuple)
            query = replace(query, sort=sort)
        self.reload(query)

    def reload(self, query: Query | None = None) -> None:
        """Drop every loaded row and read the count and the first page again."""
        query = replace(query or self._query, offset=0, limit=PAGE_SIZE)
        total = self._registers.count(self._spec.id, query)
        rows = self._registers.page(self._spec.id, query) if total else []
        self._generation += 1
        self.beginResetModel()
        self._query = query
        self._rows = rows
        self._total = total
        self._more = len(rows) < total and len(rows) == PAGE_SIZE
        self.endResetModel()
        self.countChanged.emit(total)

    # --- lazy loading -------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        generation = self._generation
        page = self._registers.page(
            self._spec.id, replace(self._query, offset=len(self._rows), limit=PAGE_SIZE)
        )
        if generation != self._generation:
            return  # the query changed while this page was read: it belongs to no one
        known = {e.number for e in self._rows}
        fresh = [e for e in page if e.number not in known]
        self._more = len(page) == PAGE_SIZE
        if not fresh:
            self._more = False
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    # --- shape --------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def set_columns(self, columns: Sequence[str]) -> None:
        offered = set(available_columns(self._spec))
        wanted = [c for c in columns if c in offered] or [NUMBER]
        if wanted == self._columns:
            return
        self.beginResetModel()
        self._columns = wanted
        self.endResetModel()

    def column_name(self, section: int) -> str:
        return self._columns[section]

    def column_label(self, name: str) -> str:
        if name == MARKING:
            return self.tr("Marking")
        return self._spec.column_label(name, self._lang)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        name = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_label(name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == MARKING:
                return self.tr("Classification mark of the entry (not sortable)")
            if name in (NUMBER, STATUS):
                return None
            return self._spec.field(name).help(self._lang) or None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _icon(self, kind: str) -> QIcon:
        icon = self._icons.get(kind)
        if icon is None:
            icon = _dot(OVERDUE_COLOR if kind == "overdue" else ATTENTION_COLOR)
            self._icons[kind] = icon
        return icon

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        name = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if name == MARKING:
                return entry.marking
            return self._registers.display(self._spec, entry, name, self._lang)
        if role == ENTRY_ROLE:
            return entry
        if role == NUMBER_ROLE:
            return entry.number
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.voided:
                return QBrush(VOID_COLOR)
            kinds = {f.kind for f in entry.flags}
            if "overdue" in kinds:
                return QBrush(OVERDUE_COLOR)
            if kinds:
                return QBrush(ATTENTION_COLOR)
            return None
        if role == Qt.ItemDataRole.FontRole and entry.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and entry.flags:
            kinds = {f.kind for f in entry.flags}
            return self._icon("overdue" if "overdue" in kinds else "attention")
        if role == Qt.ItemDataRole.AccessibleTextRole and entry.voided:
            return self.tr("%1 (void)").replace(
                "%1",
                self._registers.display(self._spec, entry, name, self._lang)
                if name != MARKING
                else "",
            )
        return None

    def _tooltip(self, entry: Entry) -> str:
        lines = [
            self.tr("%1 · marking %2").replace("%1", entry.number).replace("%2", entry.marking)
        ]
        for flag in entry.flags:
            lines.append(flag.message(self._lang))
        if entry.voided:
            lines.append(self.tr("Void: %1").replace("%1", entry.void_reason or ""))
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Server-side: the engine orders the whole register; ``column < 0`` restores the
        definition's default order. The marking column cannot be sorted."""
        if column < 0 or column >= len(self._columns) or self._columns[column] == MARKING:
            key: tuple[SortKey, ...] | None = None
        else:
            key = (
                SortKey(
                    self._columns[column],
                    descending=order == Qt.SortOrder.DescendingOrder,
                ),
            )
        if key == self._query.sort:
            return
        self.reload(replace(self._query, sort=key))

    # --- rows ---------------------------------------------------------------------------------

    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def row_of(self, number: str) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.number == number:
                return row
        return None

    def replace_entry(self, entry: Entry) -> int | None:
        """Show a saved revision in place (one row repainted, nothing re-read). A voided entry
        leaves the list unless voided entries are shown. Returns the row, or ``None``."""
        row = self.row_of(entry.number)
        if row is None:
            return None
        if entry.voided and not self._query.include_voided:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self._total = max(0, self._total - 1)
            self.countChanged.emit(self._total)
            return None
        self._rows[row] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return row

    def insert_entry(self, entry: Entry) -> int:
        """A new entry goes on top of the list and into the count (without re-reading)."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, entry)
        self.endInsertRows()
        self._total += 1
        self.countChanged.emit(self._total)
        return 0

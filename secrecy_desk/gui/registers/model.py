"""The register table's model: a bounded window over :meth:`Registers.page` / :meth:`count`.

The model has as many rows as the query matches, but holds only a few pages of them: a page is
read when the view first shows one of its rows, by keyset from a neighbouring page (``after``
the last row of the page above, or ``backward`` from the first row of the page below) — a few
index steps at any depth — and the least recently used page is dropped once more than
:data:`WINDOW_PAGES` are held. Jumping to the end reads the last page backwards from the end;
only a jump into the middle, far from any page read, skips rows (``offset``, from whichever end
is nearer). Sorting, filtering and searching never happen here: they change the :class:`Query`
and the engine answers from its indexes, so a register of millions of entries costs the same
to open and to scroll as one of a hundred, and memory stays flat however far it is scrolled.

The first page is read before the count. With :attr:`EntryTableModel.asides` (the session's
``ctx.asides``) the count is made aside: on a reading connection of its own, on a worker
thread, while the window paints the first page and answers input (``counting`` is true and
:attr:`~EntryTableModel.countStarted` said so); the rows below the first page appear when
the count arrives. A first page shorter than a page needs no count at all. Without it (a
model in a test or a benchmark) the count is made at once, after the first page.

Every query carries a generation number; a page or a count that arrives for an older
generation (the query changed while it was being read) is dropped, and a newer query cancels
the count still running for the older one.
"""

from __future__ import annotations

from collections import OrderedDict
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
from secrecy_desk.gui.common.aside import Asides, CountAside
from secrecy_desk.modules.registers import NUMBER, STATUS, Entry, Query, Registers

#: A pseudo-column showing each row's classification mark (机密★20年); not sortable.
MARKING: Final = "marking"
#: Rows read per page; a screenful is some forty, so a page covers several screens.
PAGE_SIZE: Final = 200
#: Pages held at most (the rest are read again when shown): 2,400 rows, some 60 screens.
WINDOW_PAGES: Final = 12
#: First and last ids of pages read earlier, kept to read a neighbouring page by keyset.
EDGES_KEPT: Final = 4096

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
    #: Emitted when a count aside starts (the number shown is no longer the query's).
    countStarted = Signal()

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
        #: Pages held, by page number, the most recently used last.
        self._pages: OrderedDict[int, list[Entry]] = OrderedDict()
        #: (first id, last id) of pages read, by page number, to read their neighbours.
        self._edges: OrderedDict[int, tuple[int, int]] = OrderedDict()
        self._total = 0
        self._generation = 0
        self._icons: dict[str, QIcon] = {}
        self._count = CountAside(self._counted, self.countStarted.emit)

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
    def asides(self) -> Asides | None:
        """Where counts are made aside (the session's); ``None``: at once, on this thread."""
        return self._count.asides

    @asides.setter
    def asides(self, asides: Asides | None) -> None:
        self._count.asides = asides

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
        """Drop every held row and read the first page, then the count (at once, or aside
        with :attr:`asides`, the first page shown meanwhile)."""
        query = replace(query or self._query, offset=0, limit=PAGE_SIZE, after=None)
        first = self._registers.page(self._spec.id, query)
        self._count.stop()  # a count still running was for the query before
        self._generation += 1
        self.beginResetModel()
        self._query = query
        self._clear()
        if first:
            self._keep(0, first)
        self._total = len(first)
        self.endResetModel()
        if len(first) < PAGE_SIZE:
            self.countChanged.emit(self._total)  # all of it: nothing more to count
            return
        registers, register = self._registers, self._spec.id
        self._count.start(
            lambda: registers.count_aside(register, query),
            lambda: registers.count(register, query),
        )

    @property
    def counting(self) -> bool:
        """Whether a count aside is running for the current query."""
        return self._count.counting

    def _count_again(self) -> None:
        """The list changed under a running count (read before the change): count anew."""
        self._count.again()

    def _counted(self, total: int) -> None:
        """The count of the current query arrived: the rows below the first page."""
        shown = self._total
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < shown:
            self.beginRemoveRows(QModelIndex(), total, shown - 1)
            self._total = total
            self._drop_from(total)
            self.endRemoveRows()
        self.countChanged.emit(total)

    # --- the window of pages --------------------------------------------------------------------

    def _clear(self) -> None:
        self._pages.clear()
        self._edges.clear()

    def _keep(self, number: int, rows: list[Entry]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > WINDOW_PAGES:
            self._pages.popitem(last=False)
        self._edges[number] = (rows[0].id, rows[-1].id)
        self._edges.move_to_end(number)
        while len(self._edges) > EDGES_KEPT:
            self._edges.popitem(last=False)

    def _drop_from(self, row: int) -> None:
        """Forget what was read at or below ``row`` (rows moved: read them again)."""
        first = row // PAGE_SIZE
        for number in [n for n in self._pages if n >= first]:
            del self._pages[number]
        for number in [n for n in self._edges if n >= first]:
            del self._edges[number]

    def _page_query(self, number: int) -> Query:
        """How to read page ``number``: by keyset from a neighbour when one was read, from the
        end for the last page, else by offset from the nearer end."""
        start = number * PAGE_SIZE
        size = min(PAGE_SIZE, self._total - start)
        base = replace(self._query, offset=0, limit=size, after=None, backward=False)
        above = self._edges.get(number - 1)
        if above is not None:
            return replace(base, after=above[1])
        below = self._edges.get(number + 1)
        if below is not None:
            return replace(base, after=below[0], backward=True)
        from_end = self._total - start - size
        if from_end < start:
            return replace(base, offset=from_end, backward=True)
        return replace(base, offset=start)

    def _page(self, number: int) -> list[Entry] | None:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        if not 0 <= number * PAGE_SIZE < self._total:
            return None
        generation = self._generation
        rows = self._registers.page(self._spec.id, self._page_query(number))
        if generation != self._generation or not rows:
            return None  # the query changed while this page was read: it belongs to no one
        self._keep(number, rows)
        return rows

    def entry_at(self, row: int) -> Entry | None:
        """The entry shown at ``row`` (its page read if it is not held), ``None`` past the end
        of what the register now holds."""
        if not 0 <= row < self._total:
            return None
        rows = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return rows[offset] if rows is not None and offset < len(rows) else None

    @property
    def held_rows(self) -> int:
        """How many entries the model holds (at most :data:`WINDOW_PAGES` pages)."""
        return sum(len(rows) for rows in self._pages.values())

    # --- shape --------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

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
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if entry is None:
            return None
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
        entry = self.entry_at(row)
        if entry is None:
            raise IndexError(row)
        return entry

    def row_of(self, number: str) -> int | None:
        """The row of ``number`` among the rows held (``None`` when it is not held)."""
        for page, rows in self._pages.items():
            for offset, entry in enumerate(rows):
                if entry.number == number:
                    return page * PAGE_SIZE + offset
        return None

    def replace_entry(self, entry: Entry) -> int | None:
        """Show a saved revision in place (one row repainted, nothing re-read). A voided entry
        leaves the list unless voided entries are shown. Returns the row, or ``None``."""
        row = self.row_of(entry.number)
        if row is None:
            return None
        if entry.voided and not self._query.include_voided:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._total = max(0, self._total - 1)
            self._drop_from(row)
            self.endRemoveRows()
            self._count_again()
            self.countChanged.emit(self._total)
            return None
        self._pages[row // PAGE_SIZE][row % PAGE_SIZE] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))
        return row

    def insert_entry(self, entry: Entry) -> int:
        """A new entry goes on top of the list and into the count (without re-counting); the
        rows below are read again as they are shown."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._total += 1
        self._clear()
        self.endInsertRows()
        self._page(0)
        self._count_again()
        self.countChanged.emit(self._total)
        row = self.row_of(entry.number)
        return 0 if row is None else row

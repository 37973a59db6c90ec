"""Draw a :class:`ListDocument` straight onto the canvas (A4 landscape).

A register list can have ten thousand rows; reportlab's ``Table`` re-measures the remaining rows
at every page split, so the list is laid out here instead: each cell is wrapped once, rows go
down the page until the next one does not fit, and the header row starts every page. A row
taller than a whole page (an absurdly long cell) continues on the next page line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from secrecy_desk.printing.charts import draw_chart
from secrecy_desk.printing.fonts import BOLD, REGULAR
from secrecy_desk.printing.frame import LANDSCAPE, FramedCanvas, fit
from secrecy_desk.printing.model import Align, ListDocument, ListRow, PageFrame

#: A register book's density: 8.5 pt on 11 pt lines gives 24 rows or more on an A4 landscape
#: page (26 on a continuation page) while staying readable at arm's length.
SIZE: Final = 8.5
LEADING: Final = 11.0
PAD_X: Final = 2.5
PAD_Y: Final = 2.2
GRID: Final = 0.5
BOX: Final = 0.9
HEADER_SHADE: Final = 0.9
MARK_LABEL: Final = "标记"
MARK_WIDTH: Final = 9 * mm
VOID_MARK: Final = "作废"
FLAG_MARK: Final = "▲"
#: A code, number or date never wraps; at worst it prints smaller, down to this size.
SMALLEST: Final = 6.0
#: The widest a column grows to hold its longest cell on one line.
MAX_NATURAL: Final = 90 * mm
#: A text column is never narrower than this many characters.
MIN_CHARS: Final = 4
#: A list's chart takes this much of its first page.
CHART_HEIGHT: Final = 72 * mm
#: A chart gives way down to this height when the whole table then fits on its first page.
CHART_MIN_HEIGHT: Final = 45 * mm

# Line-breaking rules (禁则): no line starts with closing punctuation, none ends with opening.
_OPEN: Final = "（《「『“‘〔【〈([{"
_CLOSE: Final = "，。、；：？！）》」』”’〕】〉…—·,.;:?!)]}%"
_CJK: Final = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN: Final = re.compile(
    rf"[{re.escape(_OPEN)}]*(?:[^\s{_CJK}{re.escape(_OPEN + _CLOSE)}]+|\S)[{re.escape(_CLOSE)}]*|\s"
)


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``: between CJK characters, at spaces,
    never inside a Latin word unless the word alone is too wide, keeping punctuation rules."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        part = raw.replace("\t", " ")
        if stringWidth(part, font, size) <= width:
            lines.append(part)
            continue
        line, used = "", 0.0
        for token in _TOKEN.findall(part):
            tw = _width(token, font, size)
            if used + tw <= width:
                line, used = line + token, used + tw
                continue
            if token.isspace():
                lines.append(line.rstrip())
                line, used = "", 0.0
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0.0
            if tw <= width:
                line, used = token, tw
                continue
            for ch in token:  # a single word wider than the column: cut it
                cw = _width(ch, font, size)
                if used + cw > width and line:
                    lines.append(line)
                    line, used = "", 0.0
                line, used = line + ch, used + cw
        lines.append(line.rstrip())
    return lines


@dataclass(frozen=True, slots=True)
class _Col:
    label: str
    x: float
    width: float
    align: Align
    nowrap: bool = False


_CJK_CHAR: Final = re.compile(f"[{_CJK}]")
_LABEL_PART: Final = re.compile(r"（[^）]*）|\([^)]*\)|[^（(]+")


def is_code(text: str) -> bool:
    """A number, code or date: no spaces, no CJK (``TZFS-2026-0145``, ``2026-03-02``)."""
    return bool(text) and not any(ch.isspace() for ch in text) and not _CJK_CHAR.search(text)


def label_parts(label: str) -> list[str]:
    """A label cut only where it may break: around its bracketed parts (``来访单位及人员`` /
    ``（姓名、职务）``), never inside a word."""
    return [p for p in _LABEL_PART.findall(label) if p.strip()] or [label]


def label_lines(label: str, font: str, size: float, width: float) -> list[str]:
    """The label's parts packed into lines no wider than ``width`` where possible."""
    lines: list[str] = []
    for part in label_parts(label):
        if lines and _width(lines[-1] + part, font, size) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return lines


def _share(room: float, natural: list[float], floor: list[float]) -> list[float]:
    """``room`` shared so that as few cells as possible wrap: every column gets its natural
    width up to one common cap (the short columns whole, the long ones sharing the rest
    evenly), none below its ``floor``."""
    low, high = 0.0, max(natural, default=0.0)
    for _ in range(40):  # the cap, by bisection
        cap = (low + high) / 2
        used = sum(max(f, min(n, cap)) for n, f in zip(natural, floor, strict=True))
        if used > room:
            high = cap
        else:
            low = cap
    widths = [max(f, min(n, low)) for n, f in zip(natural, floor, strict=True)]
    spare = room - sum(widths)
    if spare > 0 and widths:  # what the bisection leaves goes to the capped columns
        capped = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
        for i in capped or range(len(widths)):
            widths[i] += spare / len(capped or widths)
    return widths


def _columns(doc: ListDocument, left: float, width: float, marks: bool) -> list[_Col]:
    """Column widths from the content: every code column as wide as its longest cell, text
    columns sharing the rest in proportion to their longest cells, headers unbroken."""
    cols: list[_Col] = []
    x = left
    if marks:
        cols.append(_Col(MARK_LABEL, x, MARK_WIDTH, Align.CENTER, nowrap=True))
        x += MARK_WIDTH
        width -= MARK_WIDTH
    count = len(doc.columns)
    texts: list[list[str]] = [[] for _ in range(count)]
    for row in doc.rows:
        for i, cell in enumerate(row.cells):
            texts[i].append(cell)
    if doc.totals is not None:
        for i, cell in enumerate(doc.totals):
            texts[i].append(cell)
    natural: list[float] = []
    floor: list[float] = []
    nowrap: list[bool] = []
    for column, cells in zip(doc.columns, texts, strict=True):
        filled = [c for c in cells if c.strip()]
        code = bool(filled) and all(is_code(c) for c in filled)
        head = max(_width(p, BOLD, SIZE) for p in label_parts(column.label)) + 2 * PAD_X
        longest = max(
            (_width(line, REGULAR, SIZE) for c in filled for line in c.splitlines()), default=0.0
        )
        content = min(longest + 2 * PAD_X, MAX_NATURAL)
        nat = max(content, head, column.min_width)
        low = nat if code else max(head, column.min_width, min(content, MIN_CHARS * SIZE))
        natural.append(nat)
        floor.append(low)
        nowrap.append(code)
    if sum(natural) <= width:  # everything on one line: share the spare room by weight
        spare = width - sum(natural)
        weights = [c.width for c in doc.columns]
        widths = [n + spare * w / sum(weights) for n, w in zip(natural, weights, strict=True)]
    elif sum(floor) <= width:
        fixed = sum(n for n, code in zip(natural, nowrap, strict=True) if code)
        flex = [i for i in range(count) if not nowrap[i]]
        if fixed + sum(floor[i] for i in flex) <= width:
            shared = _share(width - fixed, [natural[i] for i in flex], [floor[i] for i in flex])
            widths = list(natural)
            for i, w in zip(flex, shared, strict=True):
                widths[i] = w
        else:
            widths = _share(width, natural, floor)
    else:  # more columns than the page holds: everything narrower, codes print smaller
        widths = [f * width / sum(floor) for f in floor]
    for column, w, code in zip(doc.columns, widths, nowrap, strict=True):
        cols.append(_Col(column.label, x, w, column.align, nowrap=code))
        x += w
    return cols


def _cells(row: ListRow, marks: bool) -> Sequence[str]:
    if not marks:
        return row.cells
    mark = VOID_MARK if row.voided else FLAG_MARK if row.flagged else ""
    return (mark, *row.cells)


class _ListPainter:
    def __init__(self, canv: FramedCanvas, doc: ListDocument, frame: PageFrame, copy: int) -> None:
        self.canv = canv
        self.doc = doc
        self.frame = frame
        self.copy = copy
        width, height = canv._pagesize
        self.left = LANDSCAPE.left
        self.right = width - LANDSCAPE.right
        self.top = height - LANDSCAPE.top
        self.bottom = LANDSCAPE.bottom
        self.flags = any(r.flagged and not r.voided for r in doc.rows)
        self.voids = any(r.voided for r in doc.rows)
        self.marks = self.flags or self.voids
        self.cols = _columns(doc, self.left, self.right - self.left, self.marks)
        self.header = [label_lines(c.label, BOLD, SIZE, c.width - 2 * PAD_X) for c in self.cols]
        self.header_height = max(len(h) for h in self.header) * LEADING + 2 * PAD_Y
        self.legend = self._legend()
        self.y = self.top
        self.table_top = self.top
        self.chart_height = CHART_HEIGHT

    def _legend(self) -> str:
        """What every mark on the list means, printed on every page that can show one."""
        parts = []
        if self.flags:
            parts.append(f"{FLAG_MARK} {self.doc.flag_meaning}")
        if self.voids:
            parts.append(f"{VOID_MARK}：该行已作废，加删除线")
        parts += list(self.doc.legend)
        return ("标记说明：" + "；".join(parts)) if parts else ""

    # -- page structure -----------------------------------------------------------------
    def start_page(self, first: bool) -> None:
        canv = self.canv
        y = self.top
        if first:
            canv.setFont(BOLD, 16)
            y -= 16
            canv.drawCentredString((self.left + self.right) / 2, y, self.doc.title)
            y -= 3 * mm
            left_text = self.doc.subtitle
        else:
            left_text = f"{self.doc.title}（续）"
        if first and not left_text and not self.legend:
            y -= 1 * mm
        else:
            y -= 9
            half = (self.right - self.left) / 2 - 3 * mm
            legend, legend_size = fit(self.legend, REGULAR, 8.5, half, 6.5)
            canv.setFont(REGULAR, legend_size)
            canv.drawRightString(self.right, y, legend)
            room = self.right - self.left - _width(legend, REGULAR, legend_size) - 6 * mm
            text, size = fit(left_text, REGULAR, 9, room, 6.5)
            canv.setFont(REGULAR, size)
            canv.drawString(self.left, y, text)
            y -= 2.5 * mm
        if first and self.doc.chart is not None:  # the chart between the title and the table
            height = self.chart_height
            draw_chart(canv, self.doc.chart, self.left, y - height, self.right - self.left, height)
            y -= height + 3 * mm
        self.table_top = y
        self.y = y
        self.draw_header()

    def draw_header(self) -> None:
        canv = self.canv
        top, h = self.y, self.header_height
        canv.saveState()
        canv.setFillGray(HEADER_SHADE)
        canv.rect(self.left, top - h, self.right - self.left, h, stroke=0, fill=1)
        canv.restoreState()
        for col, lines in zip(self.cols, self.header, strict=True):
            y = top - PAD_Y - (h - 2 * PAD_Y - len(lines) * LEADING) / 2 - SIZE
            for line in lines:
                text, size = fit(line, BOLD, SIZE, col.width - 2 * PAD_X, SMALLEST)
                canv.setFont(BOLD, size)
                canv.drawCentredString(col.x + col.width / 2, y, text)
                y -= LEADING
        self.y = top - h
        canv.setLineWidth(GRID)
        canv.line(self.left, self.y, self.right, self.y)

    def end_page(self) -> None:
        self.finish_table()
        self.canv.showPage()

    # -- rows -----------------------------------------------------------------------------
    def draw_lines(
        self, cells: list[list[str]], count: int, *, voided: bool = False, font: str = REGULAR
    ) -> None:
        """Draw the first ``count`` lines of every cell as one band of the row."""
        canv = self.canv
        height = count * LEADING + 2 * PAD_Y
        for index, (col, lines) in enumerate(zip(self.cols, cells, strict=True)):
            y = self.y - PAD_Y - SIZE + 0.5
            is_mark = self.marks and index == 0
            for text in lines[:count]:
                line, size = text, SIZE
                if col.nowrap or font == BOLD:
                    line, size = fit(text, font, SIZE, col.width - 2 * PAD_X, SMALLEST)
                canv.setFont(font, size)
                drawn = float(stringWidth(line, font, size))
                if col.align is Align.CENTER:
                    start = col.x + (col.width - drawn) / 2
                elif col.align is Align.RIGHT:
                    start = col.x + col.width - PAD_X - drawn
                else:
                    start = col.x + PAD_X
                canv.drawString(start, y, line)
                if voided and not is_mark and line:
                    strike = y + size * 0.33
                    canv.setLineWidth(0.7)
                    canv.line(start - 0.5, strike, start + drawn + 0.5, strike)
                y -= LEADING
        self.y -= height
        canv.setLineWidth(GRID)
        canv.line(self.left, self.y, self.right, self.y)

    def _wrap_cells(self, texts: Sequence[str], font: str, one_line: bool) -> list[list[str]]:
        return [
            text.splitlines()[:1] or [""]
            if col.nowrap or one_line
            else wrap(text, font, SIZE, col.width - 2 * PAD_X)
            for col, text in zip(self.cols, texts, strict=True)
        ]

    def draw_row(
        self,
        texts: Sequence[str],
        *,
        voided: bool = False,
        font: str = REGULAR,
        reserve: float = 0.0,
    ) -> None:
        """Draw one row; ``reserve`` keeps room under it (the last row keeps the summary on
        its page, so no page carries the summary alone)."""
        one_line = font == BOLD  # the total row: one line, printed smaller where it must
        cells = self._wrap_cells(texts, font, one_line)
        while True:
            need = max(len(c) for c in cells)
            room = int((self.y - self.bottom - reserve - 2 * PAD_Y) // LEADING)
            if need <= room:
                self.draw_lines(cells, need, voided=voided, font=font)
                return
            fresh = int((self.table_top - self.header_height - self.bottom - 2 * PAD_Y) // LEADING)
            if need <= fresh or room < 1:
                self.end_page()
                self.start_page(first=False)
                if need <= fresh:
                    continue
                room = int((self.y - self.bottom - 2 * PAD_Y) // LEADING)
            # A row taller than a page: print what fits, continue on the next page.
            self.draw_lines(cells, room, voided=voided, font=font)
            cells = [c[room:] for c in cells]

    def tail_height(self) -> float:
        if not self.doc.summary:
            return 0.0
        lines = wrap(self.doc.summary, REGULAR, 9.5, self.right - self.left)
        return float(len(lines) * 14 + 3 * mm)

    def draw_tail(self) -> None:
        """The summary line under the table."""
        if not self.doc.summary:
            return
        lines = wrap(self.doc.summary, REGULAR, 9.5, self.right - self.left)
        need = self.tail_height()
        if self.y - need < self.bottom:  # the table is finished; the summary goes overleaf
            self.canv.showPage()
            self.y = self.top
        self.canv.setFont(REGULAR, 9.5)
        y = self.y - 3 * mm - 9.5
        for line in lines:
            self.canv.drawString(self.left, y, line)
            y -= 14

    def row_height(self, texts: Sequence[str], font: str = REGULAR) -> float:
        cells = self._wrap_cells(texts, font, font == BOLD)
        return max(len(c) for c in cells) * LEADING + 2 * PAD_Y

    def _totals(self) -> list[str] | None:
        if self.doc.totals is None:
            return None
        return ["", *self.doc.totals] if self.marks else list(self.doc.totals)

    def _reserves(self, tail: float) -> list[float]:
        """The room each row keeps under it: the end of the table stays together — the last
        two rows, the total row and the summary go to a page together, so no page carries
        the total or the summary alone (orphan control)."""
        rows = [_cells(r, self.marks) for r in self.doc.rows]
        totals = self._totals()
        after = tail + (self.row_height(totals, BOLD) if totals is not None else 0.0)
        reserves = [0.0] * len(rows)
        if rows:
            reserves[-1] = after
        if len(rows) >= 2:
            reserves[-2] = after + self.row_height(rows[-1])
        for i, row in enumerate(self.doc.rows[:-1]):
            if row.heading:  # a heading goes overleaf with the first row it heads
                reserves[i] = max(reserves[i], self.row_height(rows[i + 1]))
        return reserves

    def fit_chart(self, tail: float) -> None:
        """A chart gives way (down to :data:`CHART_MIN_HEIGHT`) when the whole table then fits
        on the first page: a short report is one sheet."""
        if self.doc.chart is None:
            return
        rows = sum(self.row_height(_cells(r, self.marks)) for r in self.doc.rows)
        totals = self._totals()
        if totals is not None:
            rows += self.row_height(totals, BOLD)
        rows += tail + self.header_height
        # the first page's room for the table under a full-height chart, measured as drawn
        room = self.table_room()
        if rows <= room or rows > room + CHART_HEIGHT - CHART_MIN_HEIGHT:
            return
        self.chart_height = CHART_HEIGHT - (rows - room) - LEADING

    def table_room(self) -> float:
        """The height between the table's top under a full chart and the page's bottom."""
        y = self.top - 16 - 3 * mm
        y -= 1 * mm if not self.doc.subtitle and not self.legend else 9 + 2.5 * mm
        return float(y - CHART_HEIGHT - 3 * mm - self.bottom)

    def paint(self) -> None:
        self.canv.begin_group(self.frame, self.copy)
        tail = self.tail_height()
        reserves = self._reserves(tail)
        self.fit_chart(tail)
        self.start_page(first=True)
        for row, reserve in zip(self.doc.rows, reserves, strict=True):
            font = BOLD if row.heading else REGULAR
            self.draw_row(_cells(row, self.marks), voided=row.voided, font=font, reserve=reserve)
        totals = self._totals()
        if totals is not None:
            self.draw_row(totals, font=BOLD, reserve=tail)
        self.finish_table()
        self.draw_tail()
        self.canv.showPage()

    def finish_table(self) -> None:
        canv = self.canv
        canv.setLineWidth(GRID)
        for col in self.cols[1:]:
            canv.line(col.x, self.table_top, col.x, self.y)
        canv.setLineWidth(BOX)
        canv.rect(self.left, self.y, self.right - self.left, self.table_top - self.y)


def paint_list(canv: FramedCanvas, doc: ListDocument, frame: PageFrame) -> None:
    """Draw every copy of ``doc``; each copy is its own group of pages."""
    for copy in range(1, frame.copies + 1):
        _ListPainter(canv, doc, frame, copy).paint()

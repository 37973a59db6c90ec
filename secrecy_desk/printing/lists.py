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
from secrecy_desk.printing.frame import LANDSCAPE, FramedCanvas
from secrecy_desk.printing.model import Align, ListDocument, ListRow, PageFrame

SIZE: Final = 9.0
LEADING: Final = 12.5
PAD_X: Final = 3.0
PAD_Y: Final = 3.5
GRID: Final = 0.5
BOX: Final = 0.9
HEADER_SHADE: Final = 0.9
MARK_LABEL: Final = "标记"
MARK_WIDTH: Final = 10 * mm
VOID_MARK: Final = "作废"
FLAG_MARK: Final = "▲"
#: A list's chart takes this much of its first page.
CHART_HEIGHT: Final = 72 * mm

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


def _columns(doc: ListDocument, left: float, width: float, marks: bool) -> list[_Col]:
    cols: list[_Col] = []
    x = left
    if marks:
        cols.append(_Col(MARK_LABEL, x, MARK_WIDTH, Align.CENTER))
        x += MARK_WIDTH
        width -= MARK_WIDTH
    total = sum(c.width for c in doc.columns)
    for column in doc.columns:
        w = width * column.width / total
        cols.append(_Col(column.label, x, w, column.align))
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
        self.marks = any(r.voided or r.flagged for r in doc.rows)
        self.cols = _columns(doc, self.left, self.right - self.left, self.marks)
        self.header = [wrap(c.label, BOLD, SIZE, c.width - 2 * PAD_X) for c in self.cols]
        self.header_height = max(len(h) for h in self.header) * LEADING + 2 * PAD_Y
        self.y = self.top
        self.table_top = self.top

    # -- page structure -----------------------------------------------------------------
    def start_page(self, first: bool) -> None:
        canv = self.canv
        y = self.top
        if first:
            canv.setFont(BOLD, 16)
            y -= 16
            canv.drawCentredString((self.left + self.right) / 2, y, self.doc.title)
            y -= 4 * mm
            if self.doc.subtitle:
                canv.setFont(REGULAR, 10)
                y -= 10
                canv.drawCentredString((self.left + self.right) / 2, y, self.doc.subtitle)
                y -= 3 * mm
            if self.doc.chart is not None:
                height = CHART_HEIGHT
                draw_chart(
                    canv, self.doc.chart, self.left, y - height, self.right - self.left, height
                )
                y -= height + 3 * mm
        else:
            canv.setFont(REGULAR, 9)
            y -= 9
            canv.drawString(self.left, y, f"{self.doc.title}（续）")
            y -= 2.5 * mm
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
        canv.setFont(BOLD, SIZE)
        for col, lines in zip(self.cols, self.header, strict=True):
            y = top - PAD_Y - (h - 2 * PAD_Y - len(lines) * LEADING) / 2 - SIZE
            for line in lines:
                canv.drawCentredString(col.x + col.width / 2, y, line)
                y -= LEADING
        self.y = top - h
        canv.setLineWidth(GRID)
        canv.line(self.left, self.y, self.right, self.y)

    def end_page(self) -> None:
        self.finish_table()
        self.canv.showPage()

    # -- rows -----------------------------------------------------------------------------
    def draw_lines(self, row: ListRow, cells: list[list[str]], count: int) -> None:
        """Draw the first ``count`` lines of every cell as one band of the row."""
        canv = self.canv
        height = count * LEADING + 2 * PAD_Y
        canv.setFont(REGULAR, SIZE)
        for index, (col, lines) in enumerate(zip(self.cols, cells, strict=True)):
            y = self.y - PAD_Y - SIZE + 0.5
            is_mark = self.marks and index == 0
            for line in lines[:count]:
                if col.align is Align.CENTER:
                    canv.drawCentredString(col.x + col.width / 2, y, line)
                    start = col.x + (col.width - _width(line, REGULAR, SIZE)) / 2
                elif col.align is Align.RIGHT:
                    canv.drawRightString(col.x + col.width - PAD_X, y, line)
                    start = col.x + col.width - PAD_X - _width(line, REGULAR, SIZE)
                else:
                    canv.drawString(col.x + PAD_X, y, line)
                    start = col.x + PAD_X
                if row.voided and not is_mark and line:
                    strike = y + SIZE * 0.33
                    canv.setLineWidth(0.7)
                    end = start + _width(line, REGULAR, SIZE)
                    canv.line(start - 0.5, strike, end + 0.5, strike)
                y -= LEADING
        self.y -= height
        canv.setLineWidth(GRID)
        canv.line(self.left, self.y, self.right, self.y)

    def draw_row(self, row: ListRow) -> None:
        cells = [
            wrap(text, REGULAR, SIZE, col.width - 2 * PAD_X)
            for col, text in zip(self.cols, _cells(row, self.marks), strict=True)
        ]
        while True:
            need = max(len(c) for c in cells)
            room = int((self.y - self.bottom - 2 * PAD_Y) // LEADING)
            if need <= room:
                self.draw_lines(row, cells, need)
                return
            fresh = int((self.table_top - self.header_height - self.bottom - 2 * PAD_Y) // LEADING)
            if need <= fresh or room < 1:
                self.end_page()
                self.start_page(first=False)
                if need <= fresh:
                    continue
                room = int((self.y - self.bottom - 2 * PAD_Y) // LEADING)
            # A row taller than a page: print what fits, continue on the next page.
            self.draw_lines(row, cells, room)
            cells = [c[room:] for c in cells]

    def draw_tail(self) -> None:
        """The summary line and, when rows are marked, what the marks mean."""
        notes = []
        if self.doc.summary:
            notes.append(self.doc.summary)
        if self.marks:
            notes.append(f"注：{FLAG_MARK} 表示{self.doc.flag_meaning}；{VOID_MARK}的行加删除线。")
        if not notes:
            return
        lines = [ln for n in notes for ln in wrap(n, REGULAR, 9.5, self.right - self.left)]
        need = len(lines) * 14 + 3 * mm
        if self.y - need < self.bottom:  # the table is finished; the notes go overleaf
            self.canv.showPage()
            self.y = self.top
        self.canv.setFont(REGULAR, 9.5)
        y = self.y - 3 * mm - 9.5
        for line in lines:
            self.canv.drawString(self.left, y, line)
            y -= 14

    def paint(self) -> None:
        self.canv.begin_group(self.frame, self.copy)
        self.start_page(first=True)
        for row in self.doc.rows:
            self.draw_row(row)
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

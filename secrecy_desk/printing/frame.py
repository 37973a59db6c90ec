"""The page frame every printed page carries, and the canvas that knows "page x of y".

Pages are held back until the document is complete (one pass, no second render): then each page
gets its frame drawn with the totals of its group. A group is one copy of one document; a batch
of forms or several copies are several groups in one PDF, each numbered from page 1.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from secrecy_desk.printing.fonts import BOLD, REGULAR
from secrecy_desk.printing.model import PageFrame
from secrecy_desk.printing.qr import draw_qr, payload


@dataclass(frozen=True, slots=True)
class Margins:
    """Body margins in points; the header band lives in ``top``, the footer band in ``bottom``."""

    left: float
    right: float
    top: float
    bottom: float


#: A4 portrait forms: a wider left margin for binding, as in GB/T 9704 but a little tighter.
PORTRAIT: Final = Margins(left=25 * mm, right=20 * mm, top=30 * mm, bottom=28 * mm)
#: A4 landscape lists: binding on the short top edge is not usual, so margins are even.
LANDSCAPE: Final = Margins(left=16 * mm, right=14 * mm, top=27 * mm, bottom=25 * mm)

INK: Final = 0.0  # everything prints black; colour would vanish on a monochrome printer
RULE_WIDTH: Final = 0.6
WATERMARK_GREY: Final = 0.45
WATERMARK_ALPHA: Final = 0.10
WATERMARK_SIZE: Final = 13.0
WATERMARK_ANGLE: Final = 30.0
#: The verification QR code: its side (quiet zone included) and its gap below the footer rule.
QR_SIZE: Final = 13 * mm
QR_GAP: Final = 0.8 * mm


def margins_for(width: float, height: float) -> Margins:
    return LANDSCAPE if width > height else PORTRAIT


def fit(text: str, font: str, size: float, width: float, smallest: float) -> tuple[str, float]:
    """``text`` at the largest size from ``size`` down to ``smallest`` that fits ``width``.

    Text that does not fit even at ``smallest`` is cut with an ellipsis, which only an absurd
    unit name or note can reach (it keeps the frame from overprinting the mark)."""
    current = size
    while current > smallest and stringWidth(text, font, current) > width:
        current -= 0.5
    if stringWidth(text, font, current) <= width:
        return text, current
    cut = text
    while cut and stringWidth(cut + "…", font, current) > width:
        cut = cut[:-1]
    return cut + "…", current


def draw_page_frame(
    canv: Canvas, frame: PageFrame, copy: int, page: int, pages: int, margins: Margins
) -> None:
    """Draw the watermark, header and footer of one page."""
    width, height = canv._pagesize
    left, right = margins.left, width - margins.right
    centre = (left + right) / 2
    _draw_watermark(canv, frame.watermark, width, height)

    canv.saveState()
    canv.setFillGray(INK)
    canv.setStrokeGray(INK)

    # Header: copy number and 补打 on the first line with the mark in the middle;
    # unit name and document number on the second line, above a rule.
    mark_y = height - 15 * mm
    canv.setFont(BOLD, 16)
    canv.drawCentredString(centre, mark_y, frame.marking)
    mark_half = stringWidth(frame.marking, BOLD, 16) / 2 + 6 * mm
    side = centre - mark_half - left
    # Every page says which copy it belongs to, one copy or many: a page is counted alone.
    text, size = fit(f"第{copy}份 共{frame.copies}份", BOLD, 10.5, side, 7)
    canv.setFont(BOLD, size)
    canv.drawString(left, mark_y, text)
    if frame.reprint:
        _draw_reprint_stamp(canv, right, mark_y)

    info_y = height - 21.5 * mm
    number = f"编号：{frame.document_number}" if frame.document_number else ""
    number, number_size = fit(number, REGULAR, 9, (right - left) * 0.45, 6.5)
    number_width = stringWidth(number, REGULAR, number_size)
    canv.setFont(REGULAR, number_size)
    canv.drawRightString(right, info_y, number)
    unit, unit_size = fit(frame.unit, REGULAR, 9, right - left - number_width - 8 * mm, 6.5)
    canv.setFont(REGULAR, unit_size)
    canv.drawString(left, info_y, unit)
    canv.setLineWidth(RULE_WIDTH)
    canv.line(left, height - 23.5 * mm, right, height - 23.5 * mm)

    # Footer: a rule; verification code, the mark, page x of y; then the note and print time.
    rule_y = margins.bottom - 6 * mm
    canv.line(left, rule_y, right, rule_y)
    foot_y = rule_y - 5.5 * mm
    canv.setFont(BOLD, 14)
    canv.drawCentredString(centre, foot_y, frame.marking)
    side = centre - stringWidth(frame.marking, BOLD, 14) / 2 - 6 * mm - left
    text, size = fit(f"第{page}页 共{pages}页", REGULAR, 10, side, 7)
    canv.setFont(REGULAR, size)
    canv.drawRightString(right, foot_y, text)
    text_left = left
    if frame.verification_code:
        # The QR code sits in the bottom margin at the left, the code and note beside it.
        qr_y = rule_y - QR_GAP - QR_SIZE
        draw_qr(canv, payload(frame.document_number, frame.verification_code), left, qr_y, QR_SIZE)
        text_left = left + QR_SIZE + 1.5 * mm
        text, size = fit(f"验证码 {frame.verification_code}", REGULAR, 9.5, side - QR_SIZE, 6.5)
        canv.setFont(REGULAR, size)
        canv.drawString(text_left, foot_y, text)

    note_y = foot_y - 4.5 * mm
    printed = f"打印时间 {frame.printed_at}" if frame.printed_at else ""
    printed, printed_size = fit(printed, REGULAR, 7.5, (right - left) * 0.4, 6)
    canv.setFont(REGULAR, printed_size)
    canv.drawRightString(right, note_y, printed)
    room = right - text_left - stringWidth(printed, REGULAR, printed_size) - 8 * mm
    note, note_size = fit(frame.footer_note, REGULAR, 7.5, room, 6)
    canv.setFont(REGULAR, note_size)
    canv.drawString(text_left, note_y, note)
    canv.restoreState()


def _draw_reprint_stamp(canv: Canvas, right: float, baseline: float) -> None:
    """A boxed, bold 补打 at the top right: a reprint must be told apart at a glance."""
    text = "补打"
    size = 13.0
    spacing = 4.0  # letter-spaced, yet one word for text extraction and search
    text_width = stringWidth(text, BOLD, size) + spacing * (len(text) - 1)
    pad = 2.2 * mm
    box_w, box_h = text_width + 2 * pad, size + 2.4 * mm
    x0, y0 = right - box_w, baseline - 1.6 * mm
    # Character spacing is text state that outlives the text object: keep it inside q/Q.
    canv.saveState()
    canv.setLineWidth(1.2)
    canv.rect(x0, y0, box_w, box_h, stroke=1, fill=0)
    label = canv.beginText(x0 + pad, baseline + 0.2 * mm)
    label.setFont(BOLD, size)
    label.setCharSpace(spacing)
    label.textOut(text)
    label.setCharSpace(0)
    canv.drawText(label)
    canv.restoreState()


def _draw_watermark(canv: Canvas, text: str, width: float, height: float) -> None:
    """The watermark text repeated diagonally across the whole page, faint grey."""
    if not text.strip():
        return
    canv.saveState()
    canv.setFillGray(WATERMARK_GREY)
    canv.setFillAlpha(WATERMARK_ALPHA)
    canv.setFont(REGULAR, WATERMARK_SIZE)
    step_x = stringWidth(text, REGULAR, WATERMARK_SIZE) + 28 * mm
    step_y = 38 * mm
    canv.translate(width / 2, height / 2)
    canv.rotate(WATERMARK_ANGLE)
    reach = math.hypot(width, height) / 2
    rows = int(reach // step_y) + 1
    cols = int(reach // step_x) + 2
    for row in range(-rows, rows + 1):
        shift = (row % 2) * step_x / 2
        for col in range(-cols, cols + 1):
            canv.drawString(col * step_x + shift - step_x / 2, row * step_y, text)
    canv.restoreState()


@dataclass(frozen=True, slots=True)
class _Group:
    serial: int
    frame: PageFrame
    copy: int


class FramedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
    """A canvas that holds pages back and draws each page's frame when the totals are known.

    Call :meth:`begin_group` before drawing the first page of each document copy."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[tuple[dict[str, Any], _Group]] = []
        self._group: _Group | None = None
        self._serial = 0

    def begin_group(self, frame: PageFrame, copy: int) -> None:
        self._serial += 1
        self._group = _Group(self._serial, frame, copy)

    def showPage(self) -> None:
        assert self._group is not None, "begin_group() before the first page"
        self._held.append((dict(self.__dict__), self._group))
        self._startPage()

    def save(self) -> None:
        held = self._held
        totals = Counter(group.serial for _, group in held)
        seen: Counter[int] = Counter()
        width, height = self._pagesize
        margins = margins_for(width, height)
        for state, group in held:
            self.__dict__.update(state)
            seen[group.serial] += 1
            page = seen[group.serial]
            draw_page_frame(self, group.frame, group.copy, page, totals[group.serial], margins)
            Canvas.showPage(self)
        Canvas.save(self)

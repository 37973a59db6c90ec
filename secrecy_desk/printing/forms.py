"""Lay out a :class:`FormDocument` as reportlab flowables (A4 portrait).

The look follows Chinese 登记表/审批表/承诺书: a bold centred title, a bordered table with lightly
shaded label cells, body text indented two characters, clauses numbered 一、二、三、, approval
steps as rows with room for a handwritten opinion and a wet signature, and signature blocks
with empty ruled lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from secrecy_desk.printing.fonts import BOLD, REGULAR
from secrecy_desk.printing.frame import FramedCanvas
from secrecy_desk.printing.model import (
    ApprovalStep,
    ClauseStyle,
    FieldRow,
    FormDocument,
    PageFrame,
    SignatureBlock,
    SignLine,
)

GRID: Final = 0.6
BOX: Final = 1.0
SHADE: Final = 0.93
CELL_PAD: Final = 5.0
MIN_LABEL_WIDTH: Final[float] = 22 * mm
MAX_LABEL_WIDTH: Final[float] = 34 * mm

TITLE = ParagraphStyle(
    "title", fontName=BOLD, fontSize=20, leading=28, alignment=TA_CENTER, wordWrap="CJK"
)
SUBTITLE = ParagraphStyle(
    "subtitle", fontName=REGULAR, fontSize=11, leading=16, alignment=TA_CENTER, wordWrap="CJK"
)
LABEL = ParagraphStyle(
    "label", fontName=REGULAR, fontSize=10.5, leading=15, alignment=TA_CENTER, wordWrap="CJK"
)
VALUE = ParagraphStyle(
    "value", fontName=REGULAR, fontSize=10.5, leading=15, alignment=TA_LEFT, wordWrap="CJK"
)
BODY = ParagraphStyle(
    "body",
    fontName=REGULAR,
    fontSize=12,
    leading=21,
    alignment=TA_JUSTIFY,
    firstLineIndent=24,
    wordWrap="CJK",
)
DECISION = ParagraphStyle(
    "decision", fontName=BOLD, fontSize=10.5, leading=15, alignment=TA_LEFT, wordWrap="CJK"
)
NOTE = ParagraphStyle(
    "note", fontName=REGULAR, fontSize=8.5, leading=12, alignment=TA_LEFT, wordWrap="CJK"
)

CHINESE_DIGITS: Final = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百 (clause numbers)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CHINESE_DIGITS[n // 10] + "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def clause_prefix(n: int, style: ClauseStyle) -> str:
    return f"{chinese_number(n)}、" if style is ClauseStyle.CHINESE else f"{n}. "


def markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept, tabs as spaces."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n")
    return "<br/>".join(escape(line) for line in lines)


class _GroupStart(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Zero-size marker: the page it lands on starts a new copy of a document."""

    def __init__(self, frame: PageFrame, copy: int) -> None:
        super().__init__()
        self.frame = frame
        self.copy = copy

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0.0, 0.0)

    def draw(self) -> None:
        canv = self.canv
        assert isinstance(canv, FramedCanvas)
        canv.begin_group(self.frame, self.copy)


class _MinHeight(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """A paragraph given at least ``height`` points, e.g. room to write in a table cell."""

    def __init__(self, inner: Paragraph, height: float) -> None:
        super().__init__()
        self.inner = inner
        self.height_min = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.inner.wrap(avail_width, avail_height)
        self.inner_height = h
        self.outer_height = max(h, self.height_min)
        return (w, self.outer_height)

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, self.outer_height - self.inner_height)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        return list(self.inner.split(avail_width, avail_height))


class _SignLines(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """签字：＿＿＿＿ 日期：＿＿年＿＿月＿＿日, right-aligned in an approval box."""

    SIZE: Final = 10.5

    def __init__(self, word: str = "签字") -> None:
        super().__init__()
        self.word = word

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return (avail_width, self.SIZE + 6)

    def draw(self) -> None:
        canv = self.canv
        parts = [*_line_parts(SignLine.SIGNATURE, 32 * mm, self.word), ("\u3000\u3000", 0.0)]
        parts += _line_parts(SignLine.DATE, 0, "")
        total = sum(stringWidth(t, REGULAR, self.SIZE) if t else w for t, w in parts)
        x = max(self.avail - total, 0)
        _draw_parts(canv, parts, x, 4, self.SIZE)


def _line_parts(kind: SignLine, name_width: float, word: str) -> list[tuple[str, float]]:
    """A sign line as (text, 0) and (blank underline, width) pieces."""
    match kind:
        case SignLine.NAME:
            return [("姓名：", 0), ("", name_width)]
        case SignLine.SIGNATURE:
            return [(f"{word or '签名'}：", 0), ("", name_width)]
        case SignLine.DATE:
            return [
                ("日期：", 0),
                ("", 15 * mm),
                ("年", 0),
                ("", 9 * mm),
                ("月", 0),
                ("", 9 * mm),
                ("日", 0),
            ]
        case SignLine.SEAL:
            return [("（盖章）", 0)]


def _draw_parts(
    canv: Any, parts: Sequence[tuple[str, float]], x: float, y: float, size: float
) -> float:
    canv.setFont(REGULAR, size)
    canv.setLineWidth(0.5)
    for text, width in parts:
        if text:
            canv.drawString(x, y, text)
            x += stringWidth(text, REGULAR, size)
        else:
            canv.line(x + 1, y - 2, x + width - 1, y - 2)
            x += width
    return x


class _Signatures(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Signature blocks, two to a row: a bold label, then empty ruled lines to sign on."""

    SIZE: Final = 12.0
    LINE_GAP: Final = 11 * mm
    SEAL_ROOM: Final = 18 * mm

    def __init__(self, blocks: Sequence[SignatureBlock]) -> None:
        super().__init__()
        self.blocks = list(blocks)

    def _block_height(self, block: SignatureBlock) -> float:
        height = self.SIZE + 4 * mm
        for line in block.lines:
            height += self.SEAL_ROOM if line is SignLine.SEAL else self.LINE_GAP
        return float(height)

    def _rows(self) -> list[list[SignatureBlock]]:
        return [self.blocks[i : i + 2] for i in range(0, len(self.blocks), 2)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.row_heights = [max(self._block_height(b) for b in row) for row in self._rows()]
        return (avail_width, sum(self.row_heights) + 6 * mm * (len(self.row_heights) - 1))

    def draw(self) -> None:
        canv = self.canv
        _, total = self.wrap(self.avail, 1e6)
        top = total
        column = self.avail / 2
        for row, row_height in zip(self._rows(), self.row_heights, strict=True):
            for index, block in enumerate(row):
                x = index * column + (4 * mm if index else 0)
                y = top - self.SIZE
                canv.setFont(BOLD, self.SIZE)
                canv.drawString(x, y, f"{block.label}：")
                y -= 4 * mm
                for line in block.lines:
                    if line is SignLine.SEAL:
                        y -= self.SEAL_ROOM
                        _draw_parts(canv, _line_parts(line, 0, ""), x + 2 * mm, y + 4, self.SIZE)
                    else:
                        y -= self.LINE_GAP
                        parts = _line_parts(line, 42 * mm, "签名")
                        _draw_parts(canv, parts, x + 2 * mm, y + 4, self.SIZE)
            top -= row_height + 6 * mm


def _label_width(rows: Sequence[FieldRow], steps: Sequence[ApprovalStep]) -> float:
    texts = [r.label for r in rows] + [s.name for s in steps]
    widest = max((float(stringWidth(t, REGULAR, LABEL.fontSize)) for t in texts), default=0.0)
    return min(max(widest + 2 * CELL_PAD + 2, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH)


def _value_cell(row: FieldRow) -> Flowable:
    paragraph = Paragraph(markup(row.value), VALUE)
    if row.min_lines > 1:
        return _MinHeight(paragraph, row.min_lines * VALUE.leading)
    return paragraph


def _field_table(doc: FormDocument, width: float, label_width: float) -> Table:
    data: list[list[Any]] = []
    spans: list[tuple[int, int]] = []  # (row, first value column) spanning to the right edge
    pairs = doc.pairs_per_row
    pending: FieldRow | None = None

    def flush_half() -> None:
        nonlocal pending
        if pending is not None:
            data.append([Paragraph(markup(pending.label), LABEL), _value_cell(pending), "", ""])
            spans.append((len(data) - 1, 1))
            pending = None

    for row in doc.fields:
        label = Paragraph(markup(row.label), LABEL)
        if pairs == 1:
            data.append([label, _value_cell(row)])
        elif row.span == 2:
            flush_half()
            data.append([label, _value_cell(row), "", ""])
            spans.append((len(data) - 1, 1))
        elif pending is None:
            pending = row
        else:
            first = pending
            pending = None
            data.append(
                [
                    Paragraph(markup(first.label), LABEL),
                    _value_cell(first),
                    label,
                    _value_cell(row),
                ]
            )
    flush_half()

    if pairs == 1:
        widths = [label_width, width - label_width]
    else:
        value = (width - 2 * label_width) / 2
        widths = [label_width, value, label_width, value]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, (0, 0, 0)),
        ("BOX", (0, 0), (-1, -1), BOX, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (0, -1), (SHADE, SHADE, SHADE)),
    ]
    if pairs == 2:
        spanned = {r for r, _ in spans}
        for number in range(len(data)):
            if number not in spanned:
                style.append(("BACKGROUND", (2, number), (2, number), (SHADE, SHADE, SHADE)))
        style += [("SPAN", (col, r), (3, r)) for r, col in spans]
    return Table(data, colWidths=widths, style=TableStyle(style), splitByRow=1, splitInRow=1)


def _steps_table(steps: Sequence[ApprovalStep], width: float, label_width: float) -> Table:
    data: list[list[Any]] = []
    for step in steps:
        content: list[Flowable] = []
        if step.decision:
            content.append(Paragraph(markup(step.decision), DECISION))
        if step.comment:
            content.append(Paragraph(markup(step.comment), VALUE))
        if not step.decision and not step.comment:
            content.append(Spacer(0, 20 * mm))  # room for a handwritten opinion
        else:
            content.append(Spacer(0, 4 * mm))
        if step.decider or step.decided_at:
            record = "，".join(t for t in (step.decider, step.decided_at) if t)
            content.append(Paragraph(markup(f"（系统内审批：{record}）"), NOTE))
        content.append(Spacer(0, 3 * mm))
        content.append(_SignLines())
        data.append([Paragraph(markup(step.name), LABEL), content])
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), GRID, (0, 0, 0)),
            ("BOX", (0, 0), (-1, -1), BOX, (0, 0, 0)),
            ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("VALIGN", (1, 0), (1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD + 2),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (0, -1), (SHADE, SHADE, SHADE)),
        ]
    )
    return Table(
        data, colWidths=[label_width, width - label_width], style=style, splitByRow=1, splitInRow=1
    )


def form_story(doc: FormDocument, frame: PageFrame, copy: int, width: float) -> list[Flowable]:
    """The flowables of one copy of ``doc``, starting with its group marker."""
    story: list[Flowable] = [_GroupStart(frame, copy), Paragraph(markup(doc.title), TITLE)]
    if doc.subtitle:
        story += [Spacer(0, 1 * mm), Paragraph(markup(doc.subtitle), SUBTITLE)]
    story.append(Spacer(0, 6 * mm))
    label_width = _label_width(doc.fields, doc.steps)
    if doc.fields:
        story += [_field_table(doc, width, label_width), Spacer(0, 5 * mm)]
    for text in doc.paragraphs:
        story.append(Paragraph(markup(text), BODY))
    if doc.paragraphs:
        story.append(Spacer(0, 2 * mm))
    for number, text in enumerate(doc.clauses, start=1):
        prefix = clause_prefix(number, doc.clause_style)
        story.append(Paragraph(markup(prefix + text), BODY))
    if doc.clauses:
        story.append(Spacer(0, 2 * mm))
    if doc.steps:
        if doc.fields:
            story.pop()  # the steps continue the field table without a gap
        story += [_steps_table(doc.steps, width, label_width), Spacer(0, 5 * mm)]
    for text in doc.closing:
        story.append(Paragraph(markup(text), BODY))
    if doc.signatures:
        tail: list[Flowable] = [Spacer(0, 8 * mm), _Signatures(doc.signatures)]
        # Keep the signatures on the page of the text they sign.
        body_kinds = (Paragraph,)
        if len(story) > 1 and isinstance(story[-1], body_kinds):
            tail.insert(0, story.pop())
        story.append(KeepTogether(tail))
    return story

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

from reportlab.lib import textsplit as _textsplit
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
from reportlab.platypus import paragraph as _paragraph

from secrecy_desk.printing.fonts import BOLD, REGULAR
from secrecy_desk.printing.frame import FramedCanvas
from secrecy_desk.printing.lists import label_lines, label_parts
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
MAX_LABEL_WIDTH: Final[float] = 40 * mm
#: The smallest a label prints to stay on its lines instead of breaking inside a word.
SMALLEST_LABEL: Final = 9.0
#: Room for a handwritten opinion in an approval step not yet decided.
OPINION_ROOM: Final = 14 * mm

# 禁则 (kinsoku): reportlab's CJK line breaking knows the Japanese closing marks but not the
# full-width Chinese ones, so a line could start with "，". Teach it once, for every paragraph.
_NO_LINE_START: Final = "，。、；：？！）》」』”’〕】〉…—·％"
for _splitter in (_paragraph, _textsplit):  # the CJK splitter and the word splitter
    _splitter.ALL_CANNOT_START = "".join(dict.fromkeys(_splitter.ALL_CANNOT_START + _NO_LINE_START))

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


def _line_parts(
    kind: SignLine, name_width: float, word: str, scale: float = 1.0
) -> list[tuple[str, float]]:
    """A sign line as (text, 0) and (blank underline, width) pieces; ``scale`` narrows the
    date's blanks for blocks three to a row."""
    match kind:
        case SignLine.NAME:
            return [("姓名：", 0), ("", name_width)]
        case SignLine.SIGNATURE:
            return [(f"{word or '签名'}：", 0), ("", name_width)]
        case SignLine.DATE:
            return [
                ("日期：", 0),
                ("", 15 * mm * scale),
                ("年", 0),
                ("", 9 * mm * scale),
                ("月", 0),
                ("", 9 * mm * scale),
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
    """Signature blocks side by side, up to three to a row: a bold label, then empty ruled
    lines to sign on. Never split: a block and its lines stay on one page."""

    SIZE: Final = 12.0
    LINE_GAP: Final = 9 * mm
    SEAL_ROOM: Final = 16 * mm
    ROW_GAP: Final = 4 * mm

    def __init__(self, blocks: Sequence[SignatureBlock]) -> None:
        super().__init__()
        self.blocks = list(blocks)
        self.per_row = 3 if len(self.blocks) in (3, 5, 6) or len(self.blocks) > 6 else 2

    def _date_scale(self, column: float) -> float:
        """How much the date's blanks narrow so that the date line fits its column."""
        words = float(stringWidth("日期：年月日", REGULAR, self.SIZE))
        blanks = 33 * mm  # 15 + 9 + 9 mm at full width
        room = column - 2 * mm - 4 * mm - words
        return float(max(0.5, min(1.0, room / blanks)))

    @property
    def inline(self) -> bool:
        """A lone block without a seal prints on one line when the line holds it:
        经办人：签名：＿＿ 日期：＿年＿月＿日."""
        if len(self.blocks) != 1 or SignLine.SEAL in self.blocks[0].lines:
            return False
        return self._inline_width(self.blocks[0]) <= getattr(self, "avail", 0.0)

    def _inline_width(self, block: SignatureBlock) -> float:
        width = float(stringWidth(f"{block.label}：", BOLD, self.SIZE))
        width += float(stringWidth(block.name, REGULAR, self.SIZE))
        for line in block.lines:
            parts = _line_parts(line, 42 * mm, "签名")
            width += 6 * mm + sum(float(stringWidth(t, REGULAR, self.SIZE)) + w for t, w in parts)
        return width

    def _block_height(self, block: SignatureBlock) -> float:
        if self.inline:
            return float(self.SIZE + 4 * mm)
        height = self.SIZE + 3 * mm
        for line in block.lines:
            height += self.SEAL_ROOM if line is SignLine.SEAL else self.LINE_GAP
        return float(height)

    def _rows(self) -> list[list[SignatureBlock]]:
        n = self.per_row
        return [self.blocks[i : i + n] for i in range(0, len(self.blocks), n)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        self.row_heights = [max(self._block_height(b) for b in row) for row in self._rows()]
        return (avail_width, sum(self.row_heights) + self.ROW_GAP * (len(self.row_heights) - 1))

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        return []  # never split: the whole block moves to the next page

    def draw(self) -> None:
        if self.inline:
            self._draw_inline()
            return
        canv = self.canv
        _, total = self.wrap(self.avail, 1e6)
        top = total
        column = self.avail / self.per_row
        # The name and signature lines take what the column leaves after their word.
        line_width = min(
            42 * mm, column - 2 * mm - stringWidth("签名：", REGULAR, self.SIZE) - 3 * mm
        )
        for row, row_height in zip(self._rows(), self.row_heights, strict=True):
            for index, block in enumerate(row):
                x = index * column + (2 * mm if index else 0)
                y = top - self.SIZE
                canv.setFont(BOLD, self.SIZE)
                canv.drawString(x, y, f"{block.label}：")
                if block.name:
                    canv.setFont(REGULAR, self.SIZE)
                    shift = stringWidth(f"{block.label}：", BOLD, self.SIZE)
                    canv.drawString(x + shift, y, block.name)
                y -= 3 * mm
                for line in block.lines:
                    if line is SignLine.SEAL:
                        y -= self.SEAL_ROOM
                        _draw_parts(canv, _line_parts(line, 0, ""), x + 2 * mm, y + 4, self.SIZE)
                    else:
                        y -= self.LINE_GAP
                        parts = _line_parts(line, line_width, "签名", self._date_scale(column))
                        _draw_parts(canv, parts, x + 2 * mm, y + 4, self.SIZE)
            top -= row_height + self.ROW_GAP

    def _draw_inline(self) -> None:
        canv = self.canv
        block = self.blocks[0]
        y = 4 * mm
        canv.setFont(BOLD, self.SIZE)
        canv.drawString(0, y, f"{block.label}：")
        x = stringWidth(f"{block.label}：", BOLD, self.SIZE)
        if block.name:
            canv.setFont(REGULAR, self.SIZE)
            canv.drawString(x, y, block.name)
            x += stringWidth(block.name, REGULAR, self.SIZE)
        for line in block.lines:
            x = _draw_parts(canv, _line_parts(line, 42 * mm, "签名"), x + 6 * mm, y, self.SIZE)


def _label_width(rows: Sequence[FieldRow], steps: Sequence[ApprovalStep]) -> float:
    """As wide as the widest unbreakable part of any label (within limits)."""
    texts = [p for t in [r.label for r in rows] + [s.name for s in steps] for p in label_parts(t)]
    widest = max((float(stringWidth(t, REGULAR, LABEL.fontSize)) for t in texts), default=0.0)
    return min(max(widest + 2 * CELL_PAD + 6, MIN_LABEL_WIDTH), MAX_LABEL_WIDTH)


def _label(text: str, label_width: float) -> Paragraph:
    """A label cell: broken only between its parts (``总经理`` / ``（主管领导）`` / ``审批意见``),
    printed a little smaller when a part is wider than the cell — never broken inside a word."""
    room = label_width - 2 * CELL_PAD - 1
    size = float(LABEL.fontSize)
    lines = label_lines(text, REGULAR, size, room)
    while size > SMALLEST_LABEL and any(stringWidth(t, REGULAR, size) > room for t in lines):
        size -= 0.5
        lines = label_lines(text, REGULAR, size, room)
    # A part that is still too wide (a long name with no brackets) is cut in the middle:
    # two even halves read as two words far better than a full line and one stray character.
    even: list[str] = []
    for line in lines:
        if stringWidth(line, REGULAR, size) > room and len(line) > 3:
            half = (len(line) + 1) // 2
            even += [line[:half], line[half:]]
        else:
            even.append(line)
    lines = even
    style = (
        LABEL
        if size == LABEL.fontSize
        else ParagraphStyle(f"label{size}", parent=LABEL, fontSize=size, leading=size + 4)
    )
    return Paragraph("<br/>".join(escape(t) for t in lines), style)


def _value_cell(row: FieldRow) -> Flowable:
    paragraph = Paragraph(markup(row.value), VALUE)
    if row.min_lines > 1 and not row.value.strip():  # room to write where nothing is written
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
            data.append([_label(pending.label, label_width), _value_cell(pending), "", ""])
            spans.append((len(data) - 1, 1))
            pending = None

    for row in doc.fields:
        label = _label(row.label, label_width)
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
                    _label(first.label, label_width),
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
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
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
        # A comment that only repeats the decision ("同意" / "同意") is printed once.
        if step.comment and step.comment.strip() != step.decision.strip():
            content.append(Paragraph(markup(step.comment), VALUE))
        if not step.decision and not step.comment:
            content.append(Spacer(0, OPINION_ROOM))  # room for a handwritten opinion
        else:
            content.append(Spacer(0, 3 * mm))
        if step.decider or step.decided_at:
            record = "，".join(t for t in (step.decider, step.decided_at) if t)
            how = "纸质签批，已录入系统" if step.paper else "系统内审批"
            content.append(Paragraph(markup(f"（{how}：{record}）"), NOTE))
        content.append(Spacer(0, 2 * mm))
        content.append(_SignLines())
        data.append([_label(step.name, label_width), content])
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), GRID, (0, 0, 0)),
            ("BOX", (0, 0), (-1, -1), BOX, (0, 0, 0)),
            ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("VALIGN", (1, 0), (1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD + 2),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("BACKGROUND", (0, 0), (0, -1), (SHADE, SHADE, SHADE)),
        ]
    )
    # A step box is never split across pages: it breaks between steps only.
    return Table(
        data, colWidths=[label_width, width - label_width], style=style, splitByRow=1, splitInRow=0
    )


def form_story(doc: FormDocument, frame: PageFrame, copy: int, width: float) -> list[Flowable]:
    """The flowables of one copy of ``doc``, starting with its group marker."""
    story: list[Flowable] = [_GroupStart(frame, copy), Paragraph(markup(doc.title), TITLE)]
    if doc.subtitle:
        story += [Spacer(0, 1 * mm), Paragraph(markup(doc.subtitle), SUBTITLE)]
    story.append(Spacer(0, 4 * mm))
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
    last_step: Table | None = None
    if doc.steps:
        if doc.fields:
            story.pop()  # the steps continue the field table without a gap
        # Orphan control: the last step box goes with the signature blocks that follow it,
        # so a signature never stands alone on a page.
        hold = bool(doc.signatures) and not doc.closing
        body = doc.steps[:-1] if hold else doc.steps
        if body:
            story.append(_steps_table(body, width, label_width))
        if hold:
            last_step = _steps_table(doc.steps[-1:], width, label_width)
        else:
            story.append(Spacer(0, 4 * mm))
    for text in doc.closing:
        story.append(Paragraph(markup(text), BODY))
    if doc.signatures:
        tail: list[Flowable] = [Spacer(0, 5 * mm), _Signatures(doc.signatures)]
        # Keep the signatures on the page of the text or step they sign.
        if last_step is not None:
            tail.insert(0, last_step)
        elif len(story) > 1 and isinstance(story[-1], Paragraph):
            tail.insert(0, story.pop())
        story.append(KeepTogether(tail))
    return story

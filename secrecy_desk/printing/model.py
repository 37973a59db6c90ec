"""What a printed document says, as plain values: no reportlab types, no layout decisions.

The callers (register forms, commitments, approvals, lists) build these from a form definition
and an entry; :mod:`secrecy_desk.printing.render` turns them into PDF bytes. Text printed on
paper is Chinese and comes from the caller; the engine adds only the fixed frame words
(第x页 共y页, 第x份 共y份, 补打, 验证码, 签名, 日期 …).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP


class PrintInputError(ValidationError):
    """A document or page frame that cannot be printed as given (a caller or user mistake)."""


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class ClauseStyle(Enum):
    """How clauses are numbered: ``一、二、三、`` (the usual style of a 承诺书) or ``1. 2. 3.``."""

    CHINESE = "chinese"
    ARABIC = "arabic"


class SignLine(Enum):
    """One empty line of a signature block; nothing is ever printed on it."""

    NAME = "name"  # 姓名：＿＿＿＿
    SIGNATURE = "signature"  # 签名：＿＿＿＿
    DATE = "date"  # 日期：＿＿年＿＿月＿＿日
    SEAL = "seal"  # （盖章）: room for the unit's seal


@dataclass(frozen=True, slots=True)
class PageFrame:
    """What every page of one printed document carries, besides its content.

    ``marking`` is the full classification mark (``机密★10年``, or ``内部``/``公开``), printed at
    the top and bottom centre of every page. ``copies`` > 1 repeats the whole document once per
    copy, each marked 第x份 共y份 with page numbers restarting. ``printed_at`` and
    ``verification_code`` come from the caller: the renderer never reads the clock.
    """

    marking: str
    unit: str
    document_number: str
    copies: int = 1
    watermark: str = ""
    verification_code: str = ""
    reprint: bool = False
    footer_note: str = ""
    printed_at: str = ""

    def __post_init__(self) -> None:
        if not self.marking.strip():
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "A printed page must carry a classification mark.")
            )
        if self.copies < 1:
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "The number of copies must be at least 1, not {n}."),
                n=self.copies,
            )


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One labelled value of a form table.

    ``span`` 1 takes one label/value pair of the row (half the width in a two-pair table);
    ``span`` 2 takes the whole row. ``min_lines`` reserves room for handwriting (e.g. 备注)."""

    label: str
    value: str
    span: int = 1
    min_lines: int = 1

    def __post_init__(self) -> None:
        if self.span not in {1, 2}:
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "Field {label}: span must be 1 or 2, not {span}."),
                label=self.label,
                span=self.span,
            )
        if self.min_lines < 1:
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "Field {label}: min_lines must be at least 1."),
                label=self.label,
            )


@dataclass(frozen=True, slots=True)
class ApprovalStep:
    """One step of an approval table as decided so far.

    Empty ``decision``/``comment`` leave room for a handwritten opinion. ``decider`` and
    ``decided_at`` record an in-app (electronic) decision; the box for a wet signature and
    date is printed in every case."""

    name: str
    decision: str = ""
    comment: str = ""
    decider: str = ""
    decided_at: str = ""
    paper: bool = False  # signed on paper and recorded in the program afterwards


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """A signer's block: the label (承诺人, 单位, 见证人 …) and its empty lines; ``name`` is
    printed beside the label when the signer is already known (a recorded witness)."""

    label: str
    lines: tuple[SignLine, ...] = (SignLine.NAME, SignLine.SIGNATURE, SignLine.DATE)
    name: str = ""


@dataclass(frozen=True, slots=True)
class FormDocument:
    """A form on A4 portrait: 登记表, 承诺书, 审批表 …, in this order on the page:
    title, subtitle, field table, paragraphs, clauses, approval steps, closing paragraphs,
    signature blocks."""

    title: str
    subtitle: str = ""
    fields: Sequence[FieldRow] = ()
    pairs_per_row: int = 2
    paragraphs: Sequence[str] = ()
    clauses: Sequence[str] = ()
    clause_style: ClauseStyle = ClauseStyle.CHINESE
    steps: Sequence[ApprovalStep] = ()
    closing: Sequence[str] = ()
    signatures: Sequence[SignatureBlock] = ()

    def __post_init__(self) -> None:
        if self.pairs_per_row not in {1, 2}:
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "A form table has 1 or 2 fields per row, not {n}."),
                n=self.pairs_per_row,
            )


@dataclass(frozen=True, slots=True)
class Column:
    """A list column: header label, relative width (any positive number) and alignment.

    The engine sizes columns from their content: a column whose cells are numbers, codes or
    dates (no spaces, no CJK) never wraps; ``width`` weighs how the room left over is shared.
    ``min_width`` (points) keeps room for handwriting, e.g. a signature column."""

    label: str
    width: float = 1.0
    align: Align = Align.LEFT
    min_width: float = 0.0

    def __post_init__(self) -> None:
        if self.width <= 0:
            raise PrintInputError(
                QT_TRANSLATE_NOOP("Errors", "Column {label}: the width must be positive."),
                label=self.label,
            )


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of a list: its cells, and whether it is voided (printed struck through) or
    flagged (overdue or otherwise needing attention, printed with a mark), or a heading over
    the rows after it (a report's section: printed bold, never the last row of a page)."""

    cells: tuple[str, ...]
    voided: bool = False
    flagged: bool = False
    heading: bool = False


class ChartKind(Enum):
    BAR = "bar"  # 柱状图: one bar per category and series, side by side
    STACKED = "stacked"  # 堆积柱状图: the series stacked in one bar per category
    LINE = "line"  # 折线图: one line per series across the categories (periods)


@dataclass(frozen=True, slots=True)
class ChartSeries:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart printed above a list's table: categories along the bottom, one or more
    series of counts (their names in a legend when there are several)."""

    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]

    def __post_init__(self) -> None:
        for one in self.series:
            if len(one.values) != len(self.categories):
                raise PrintInputError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Chart series {name} has {n} values for {m} categories."
                    ),
                    name=one.name,
                    n=len(one.values),
                    m=len(self.categories),
                )


@dataclass(frozen=True, slots=True)
class ListDocument:
    """A register list on A4 landscape, the header row repeated on every page.

    ``totals`` is the form's total row (合计), printed bold after the last row; ``legend``
    explains marks the caller put into cells. The engine adds the legend of its own marks
    (▲, 作废) on every page where they are used.
    ``chart``, when given, is drawn on the first page between the title and the table."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[ListRow]
    subtitle: str = ""
    summary: str = ""
    flag_meaning: str = "逾期"
    totals: tuple[str, ...] | None = None
    legend: Sequence[str] = ()
    chart: Chart | None = None

    def __post_init__(self) -> None:
        if not self.columns:
            raise PrintInputError(QT_TRANSLATE_NOOP("Errors", "A list needs at least one column."))
        count = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row.cells) != count:
                raise PrintInputError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Row {row} has {cells} cells but the list has {columns} columns."
                    ),
                    row=number,
                    cells=len(row.cells),
                    columns=count,
                )
        if self.totals is not None and len(self.totals) != count:
            raise PrintInputError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The total row has {cells} cells but the list has {columns} columns."
                ),
                cells=len(self.totals),
                columns=count,
            )

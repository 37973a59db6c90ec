"""A statistics table on paper (统计表): the counts as a list with row and column totals, the
chart above it (reportlab's chart package), marked with the highest level among the entries
counted (内部 at least), the frame on every page — printed through the one print operation."""

from __future__ import annotations

from typing import Final

from secrecy_desk.core.levels import Level, default_term
from secrecy_desk.core.roles import Action
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports import ID as MODULE
from secrecy_desk.modules.reports.stats import PERIODS, StatTable
from secrecy_desk.printing import (
    Align,
    Chart,
    ChartKind,
    ChartSeries,
    Column,
    ListDocument,
    ListRow,
)
from secrecy_desk.records.printing import PrintDocument, PrintJob

TOTAL: Final = "合计"


def default_kind(table: StatTable) -> ChartKind:
    """A line over time when the rows are periods; stacked bars for a cross-tab; bars."""
    if table.query.rows.partition(":")[0] in PERIODS:
        return ChartKind.LINE
    return ChartKind.STACKED if table.crossed else ChartKind.BAR


def chart_of(table: StatTable, kind: ChartKind | None = None) -> Chart:
    """The chart of a table: the rows along the bottom, a series per column (one for a
    single dimension)."""
    if table.crossed:
        series = tuple(
            ChartSeries(label, tuple(table.cell(r, c) for r in table.rows))
            for c, label in zip(table.columns, table.column_labels, strict=True)
        )
    else:
        series = (ChartSeries("数量", tuple(table.row_total(r) for r in table.rows)),)
    return Chart(kind or default_kind(table), table.row_labels, series)


def document(table: StatTable, kind: ChartKind | None, today: str) -> ListDocument:
    spec = table.spec
    q = table.query
    by = table.row_title + (f" × {table.column_title}" if table.crossed else "")
    scope = ""
    if q.date_field and (q.start or q.end):
        field = spec.field(q.date_field).label_zh
        scope = f"，{field} {q.start or '…'} 至 {q.end or '…'}"
    if table.crossed:
        columns = [Column(table.row_title, 3)]
        columns += [Column(label, 1.4, Align.RIGHT) for label in table.column_labels]
        columns.append(Column(TOTAL, 1.4, Align.RIGHT))
        rows = [
            ListRow(
                (
                    label,
                    *(str(table.cell(r, c)) for c in table.columns),
                    str(table.row_total(r)),
                )
            )
            for r, label in zip(table.rows, table.row_labels, strict=True)
        ]
        totals = (TOTAL, *(str(table.column_total(c)) for c in table.columns), str(table.total))
    else:
        columns = [Column(table.row_title, 4), Column("数量", 1.5, Align.RIGHT)]
        columns.append(Column("占比", 1.5, Align.RIGHT))
        rows = [
            ListRow((label, str(n), f"{n * 100 / table.total:.1f}%" if table.total else "—"))
            for label, n in zip(
                table.row_labels, (table.row_total(r) for r in table.rows), strict=True
            )
        ]
        totals = (TOTAL, str(table.total), "100%" if table.total else "—")
    return ListDocument(
        title=f"{spec.title_zh}统计表",
        subtitle=f"按{by}统计{scope}；截至 {today}",
        columns=tuple(columns),
        rows=tuple(rows),
        totals=totals,  # the list's own total row: bold, kept with the last rows
        summary=f"共统计 {table.total} 条（不含已作废的条目，限于打印人的知悉范围）。",
        chart=chart_of(table, kind) if table.rows else None,
    )


def statistics_job(
    registers: Registers, table: StatTable, kind: ChartKind | None = None, *, check: bool = True
) -> PrintJob:
    """The table on paper as a print job of the statistics module (permission ``print`` in
    the register, unless ``check`` is off: an export checks its own)."""
    if check:
        registers.require(table.query.register, Action.PRINT)
    level = max(Level.INTERNAL, table.highest)
    today = registers.session.clock.today().isoformat()
    doc = PrintDocument(
        document(table, kind, today),
        obj=f"{MODULE}:{table.query.register}（{today}）",
        revision=None,
        number="",
        level=level,
        term=default_term(level) if level.classified else None,
        rows=len(table.rows),
    )
    details = {"register": table.query.register, "rows": table.query.rows}
    if table.crossed:
        details["columns"] = table.query.columns
    return PrintJob((doc,), "statistics.print", MODULE, details)

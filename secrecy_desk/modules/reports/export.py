"""Reports to .xlsx and .csv (导出): the statistics table or cross-tab, the secrecy work report,
the half-yearly gifts summary and the commitments completeness report, written from the very
list their paper prints — so the file holds the same figures as the paper, and a report added
later exports with no code of its own.

The conventions are the register export's (:func:`secrecy_desk.modules.registers.io.export_file`):
the user's file name, kept; the marking of the highest level counted in the first row and, for
a workbook, in its properties (title, subject, keywords, a 密级 property); the header row
frozen and filtered; columns with widths; counts, money, shares and dates as typed cells, never
a formula (CSV cells a spreadsheet would read as one get the apostrophe); fixed local disks
only, a refused attempt recorded; the file written beside the target and put in place only in
the transaction of its audit record (``report.export``).

The report's title and period stand in the second row; its closing remark (共统计 …) after
the last row."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

from secrecy_desk.core import media
from secrecy_desk.core.cells import neutralise
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.roles import Action
from secrecy_desk.modules.commitments import report as completeness
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.gifts import summary as gifts_summary
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registers.io import MONEY_FORMAT, SUFFIXES
from secrecy_desk.modules.reports import ID as MODULE
from secrecy_desk.modules.reports import TITLE, paper, periodic
from secrecy_desk.modules.reports.stats import StatTable
from secrecy_desk.printing import ChartKind, ListDocument
from secrecy_desk.records.printing import PrintJob
from secrecy_desk.vault.keyfile import fsync_dir
from secrecy_desk.vault.session import Session

ACTION: Final = "report.export"
PERCENT_FORMAT: Final = "0.0%"

_INT = re.compile(r"-?\d{1,3}(,\d{3})*|-?\d+")
_MONEY = re.compile(r"¥(-?[\d,]+\.\d\d)")
_SHARE = re.compile(r"(\d+(\.\d+)?)%")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def typed(text: str) -> int | float | date | str:
    """A cell as a spreadsheet should hold it: a count as a number, ``¥1,200.00`` as money
    (in yuan), ``12.5%`` as a share (0.125), ``2026-03-31`` as a date; anything else as text."""
    value = text.strip()
    if _INT.fullmatch(value):
        return int(value.replace(",", ""))
    if money := _MONEY.fullmatch(value):
        return float(money.group(1).replace(",", ""))
    if share := _SHARE.fullmatch(value):
        return float(share.group(1)) / 100
    if _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return text
    return text


def export_job(
    session: Session,
    job: PrintJob,
    target: Path,
    *,
    report: str,
    overwrite: bool = False,
) -> Path:
    """Write the list of ``job`` (its first document) to ``target`` (.xlsx or .csv, the name
    the user gave; returned), recorded as ``report.export`` of ``report``. The caller has
    checked the export permission."""
    if target.suffix.lower() not in SUFFIXES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path}: only .csv and .xlsx files can be used."),
            path=str(target),
        )
    layout = job.documents[0].layout
    assert isinstance(layout, ListDocument)  # every report is a list
    obj = f"{MODULE}:{report}:{target}"
    session.require_fixed_disk(target, ACTION, obj)
    media.refuse_existing(target, overwrite=overwrite)
    mark = job.marking
    part = target.with_name(f".{target.name}.part")
    try:
        if target.suffix.lower() == ".csv":
            _write_csv(part, layout, mark)
        else:
            _write_xlsx(part, layout, mark)
        with session.operation():
            session.audit(
                ACTION,
                obj,
                level=job.level,
                details={
                    **job.details,
                    "report": report,
                    "title": layout.title,
                    "count": len(layout.rows),
                    "marking": mark,
                    "file": str(target),
                },
            )
            media.refuse_existing(target, overwrite=overwrite)
            os.replace(part, target)
            fsync_dir(target.parent)
    finally:
        part.unlink(missing_ok=True)
    return target


def _heading(layout: ListDocument) -> str:
    return f"{layout.title}（{layout.subtitle}）" if layout.subtitle else layout.title


def _lines(layout: ListDocument) -> list[tuple[str, ...]]:
    rows = [r.cells for r in layout.rows]
    if layout.totals:
        rows.append(layout.totals)
    return rows


def _write_csv(path: Path, layout: ListDocument, mark: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([neutralise(mark)])
        writer.writerow([neutralise(_heading(layout))])
        writer.writerow([neutralise(c.label) for c in layout.columns])
        for cells in _lines(layout):
            writer.writerow([neutralise(c) for c in cells])
        if layout.summary:
            writer.writerow([neutralise(layout.summary)])
        out.flush()
        os.fsync(out.fileno())


def _width(texts: Sequence[str]) -> float:
    """A column's width in characters (Chinese characters count twice), within bounds."""
    widest = max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in t) for t in texts), default=8)
    return float(min(max(widest + 2, 8), 60))


def _write_xlsx(path: Path, layout: ListDocument, mark: str) -> None:
    import openpyxl  # noqa: PLC0415 - loaded only when a workbook is used (0.3 s)
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.packaging.custom import StringProperty  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(re.sub(r"[\\/*?:\[\]]", "", layout.title)[:31] or "Sheet")
    book.properties.title = f"{layout.title}（{mark}）"
    book.properties.keywords = mark
    book.properties.subject = mark
    book.custom_doc_props.append(StringProperty(name="密级", value=mark))  # type: ignore[attr-defined]
    sheet.freeze_panes = "A4"  # the marking, the title and the header stay in view
    lines = _lines(layout)
    for column, col in enumerate(layout.columns, start=1):
        texts = [col.label, *(cells[column - 1] for cells in lines if len(cells) >= column)]
        sheet.column_dimensions[get_column_letter(column)].width = _width(texts)

    def cell(text: str) -> object:
        value = typed(text)
        if isinstance(value, date):
            return value  # a date cell (openpyxl gives it a date format)
        out = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            out.data_type = "s"  # never a formula, whatever it starts with
        elif isinstance(value, float):
            out.number_format = PERCENT_FORMAT if text.strip().endswith("%") else MONEY_FORMAT
        return out

    sheet.append([cell(mark)])
    sheet.append([cell(_heading(layout))])
    sheet.append([cell(c.label) for c in layout.columns])
    for cells in lines:
        sheet.append([cell(c) for c in cells])
    sheet.auto_filter.ref = f"A3:{get_column_letter(len(layout.columns))}{len(lines) + 3}"
    if layout.summary:
        sheet.append([cell(layout.summary)])
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as out:
        book.save(out)
        out.flush()
        os.fsync(out.fileno())


# --- each report ----------------------------------------------------------------------------


def export_statistics(
    registers: Registers,
    table: StatTable,
    target: Path,
    *,
    overwrite: bool = False,
) -> Path:
    """The statistics table (or cross-tab) of a register, as its paper shows it (permission
    ``export`` in the register)."""
    registers.require(table.query.register, Action.EXPORT)
    job = paper.statistics_job(registers, table, ChartKind.BAR, check=False)
    return export_job(registers.session, job, target, report="statistics", overwrite=overwrite)


def export_work_report(
    registers: Registers,
    report: periodic.WorkReport,
    target: Path,
    *,
    overwrite: bool = False,
) -> Path:
    """The half-year or annual secrecy work report (permission ``export`` in a register the
    account sees, or in the statistics module)."""
    session = registers.session
    if not any(session.principal.can(s.id, Action.EXPORT) for s in registers.visible_registers()):
        session.principal.require(MODULE, Action.EXPORT, TITLE)
    job = periodic.report_job(registers, report, check=False)
    return export_job(session, job, target, report="work-report", overwrite=overwrite)


def export_gifts_summary(
    registers: Registers,
    period: gifts_summary.HalfYear,
    target: Path,
    *,
    overwrite: bool = False,
    lang: str = "zh_CN",
) -> Path:
    """The half-yearly gifts summary per department (permission ``export`` in gifts), in the
    language its paper is printed in."""
    registers.require(gifts_summary.GIFTS, Action.EXPORT)
    job = gifts_summary.summary_job(registers, period, lang)
    return export_job(registers.session, job, target, report="gifts-summary", overwrite=overwrite)


def export_completeness(
    commitments: Commitments,
    report: completeness.Report,
    target: Path,
    *,
    overwrite: bool = False,
) -> Path:
    """The commitments completeness report (permission ``export`` in commitments)."""
    commitments.require(Action.EXPORT)
    job = completeness.report_job(commitments, report)
    return export_job(
        commitments.registers.session, job, target, report="commitments", overwrite=overwrite
    )

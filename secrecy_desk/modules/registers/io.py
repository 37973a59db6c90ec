"""Import from and export to .csv and .xlsx, the formats clerks' spreadsheets use.

Import is all or nothing (see :meth:`Registers.add_many`). Export carries the highest marking
of what it contains in the file name and in its first row, goes only to fixed local disks, and
is recorded in the audit trail — a refused attempt too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from secrecy_desk.core import media
from secrecy_desk.core.cells import neutralise, restore
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import highest, marking
from secrecy_desk.core.roles import Action
from secrecy_desk.core.validators import Problem, choice_key, problem
from secrecy_desk.forms import FormSpec
from secrecy_desk.modules.registers.engine import Cancelled, ImportFailed, Progress, Registers
from secrecy_desk.records.model import NUMBER, STATUS, Query
from secrecy_desk.vault.keyfile import write_atomic

SUFFIXES = (".csv", ".xlsx")


def _bad_format(path: Path) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Errors", "{path}: only .csv and .xlsx files can be used."),
        path=str(path),
    )


def read_table(path: Path) -> list[list[str]]:
    """Every row of the file as text cells (the first sheet of a workbook)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                decoded = text.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{path} is neither UTF-8 nor GB18030 text."),
                path=str(path),
            )
        try:
            # A cell this program exported with a protective apostrophe reads back as it was.
            return [[restore(c) for c in r] for r in csv.reader(io.StringIO(decoded))]
        except csv.Error as exc:
            raise _not_a(path, "CSV", exc) from None
    if suffix == ".xlsx":
        import openpyxl  # noqa: PLC0415 - loaded only when a workbook is used (0.3 s)

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                rows = [
                    ["" if c is None else _cell_text(c) for c in row]
                    for row in sheet.iter_rows(values_only=True)
                ]
            finally:
                book.close()
        except OSError:
            raise
        # Anything the workbook reader raises on a file that is not one (a bad zip, missing
        # parts, broken XML, odd types…) is that file's problem: one sentence.
        except Exception as exc:
            raise _not_a(path, "Excel workbook (.xlsx)", exc) from None
        return rows
    raise _bad_format(path)


def _not_a(path: Path, kind: str, exc: BaseException) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "Errors", "{path} is not a readable {kind} file ({reason}); nothing was imported."
        ),
        path=str(path),
        kind=kind,
        reason=str(exc)[:200] or type(exc).__name__,
    )


def _cell_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def header_map(spec: FormSpec, header: Sequence[str]) -> tuple[list[str | None], list[Problem]]:
    """Column index → field name, accepting field names and Chinese or English labels."""
    known: dict[str, str] = {}
    for f in spec.fields:
        for text in (f.name, f.label_zh, f.label_en):
            known.setdefault(choice_key(text), f.name)
    columns: list[str | None] = []
    problems: list[Problem] = []
    for index, title in enumerate(header, start=1):
        key = choice_key(title)
        if not key or key in {choice_key(NUMBER), "编号", "序号", "no.", "状态", "status"}:
            columns.append(None)  # numbers are given by the register, never imported
            continue
        name = known.get(key)
        if name is None:
            problems.append(
                problem(
                    "unknown_column",
                    QT_TRANSLATE_NOOP(
                        "Errors", 'Column {index} "{title}" is not a field of {form}.'
                    ),
                    index=index,
                    title=title,
                    form=spec.title_zh,
                ).at(title)
            )
        columns.append(name)
    return columns, problems


@dataclass(frozen=True, slots=True)
class ImportReport:
    numbers: tuple[str, ...]


def import_file(
    registers: Registers, register: str, path: Path, *, progress: Progress | None = None
) -> ImportReport:
    spec = registers.spec(register)
    table = read_table(path)
    # A marking row written by our own export comes first; skip it.
    while table and len([c for c in table[0] if c.strip()]) <= 1 and len(table) > 1:
        table = table[1:]
    if not table:
        raise ImportFailed(
            [(1, problem("empty", QT_TRANSLATE_NOOP("Errors", "The file is empty.")))]
        )
    columns, header_problems = header_map(spec, table[0])
    if header_problems:
        raise ImportFailed([(1, p) for p in header_problems])
    rows = []
    lines = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        raw = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(columns) if name}
        rows.append(raw)
        lines.append(line)
    try:
        numbers = registers.add_many(register, rows, source=path.name, progress=progress)
    except ImportFailed as exc:
        raise ImportFailed([(lines[row - 1], p) for row, p in exc.failures]) from None
    return ImportReport(tuple(numbers))


def export_file(
    registers: Registers,
    register: str,
    target: Path,
    query: Query | None = None,
    *,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the entries the account may see; returns the path actually written (its name
    carries the marking). An existing file is replaced only with ``overwrite``.

    No cell is ever a formula: CSV cells that a spreadsheet would read as one get the OWASP
    apostrophe (:mod:`secrecy_desk.core.cells`, undone on import); XLSX cells are written as
    strings, whatever they start with."""
    spec = registers.require(register, Action.EXPORT)
    session = registers.session
    if target.suffix.lower() not in SUFFIXES:
        raise _bad_format(target)
    session.require_fixed_disk(target, "register.export", f"{register}:{target}")
    base = query or Query()
    entries = registers.page(
        register,
        Query(where=base.where, search=base.search, include_voided=base.include_voided, limit=None),
    )
    top, term = highest([(e.level, e.term) for e in entries])
    mark = marking(top, term)
    final = (
        target
        if mark in target.stem
        else target.with_name(f"{target.stem}（{mark}）{target.suffix}")
    )
    media.refuse_existing(final, overwrite=overwrite)
    names = [NUMBER, STATUS, *spec.field_names]
    header = [spec.column_label(n, "zh_CN") for n in names]
    rows: list[list[str]] = []
    for index, e in enumerate(entries):
        if progress is not None and index % 200 == 0 and not progress(index, len(entries)):
            raise Cancelled()
        rows.append([e.display(spec, n, "zh_CN") for n in names])
    if final.suffix.lower() == ".csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([mark])
        writer.writerow([neutralise(c) for c in header])
        writer.writerows([neutralise(c) for c in r] for r in rows)
        data = buf.getvalue().encode("utf-8-sig")
    else:
        import openpyxl  # noqa: PLC0415 - loaded only when a workbook is used (0.3 s)

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = spec.title_zh[:31]
        for r in [[mark], header, *rows]:
            sheet.append(r)
            for cell in sheet[sheet.max_row]:
                # openpyxl takes a string starting with "=" for a formula: it is a value.
                if cell.data_type == "f":
                    cell.data_type = "s"
        out = io.BytesIO()
        book.save(out)
        data = out.getvalue()
    with session.operation():
        session.audit(
            "register.export",
            f"{register}:{final}",
            level=top,
            details={"count": len(entries), "marking": mark, "file": str(final)},
        )
        write_atomic(final, data)
    return final

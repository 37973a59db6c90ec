"""Import from and export to .csv and .xlsx, the formats clerks' spreadsheets use.

Import is all or nothing (see :meth:`Registers.add_many`). Export carries the highest marking
of what it contains in the file name and in its first row, goes only to fixed local disks, and
is recorded in the audit trail — a refused attempt too.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core import media
from secrecy_desk.core.cells import QUOTE, neutralise, restore
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.gc_pause import cyclic_gc_paused
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Term, highest, marking
from secrecy_desk.core.roles import Action
from secrecy_desk.core.validators import Problem, choice_key, problem
from secrecy_desk.forms import FieldType, FormSpec
from secrecy_desk.modules.registers.engine import (
    Cancelled,
    ImportFailed,
    Progress,
    Registers,
    StoredRow,
)
from secrecy_desk.modules.registers.workbook import read_first_sheet
from secrecy_desk.records.model import NUMBER, STATUS, Query, field_text, status_text
from secrecy_desk.vault.keyfile import fsync_dir

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
            rows = list(csv.reader(io.StringIO(decoded)))
            if QUOTE in decoded:
                # A cell this program exported with a protective apostrophe reads back as it
                # was (a file without one has nothing to restore).
                rows = [[restore(c) for c in r] for r in rows]
            return rows
        except csv.Error as exc:
            raise _not_a(path, "CSV", exc) from None
    if suffix == ".xlsx":
        try:
            return read_first_sheet(path)
        except OSError:
            raise
        # Anything the workbook reader raises on a file that is not one (a bad zip, missing
        # parts, broken XML, odd types…) is that file's problem: one sentence.
        except Exception as exc:
            raise _not_a(path, "Excel workbook (.xlsx)", exc) from None
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
    # The sheet's rows are held until the import ends (see cyclic_gc_paused).
    with cyclic_gc_paused():
        table = read_table(path)
        return import_table(registers, register, table, source=path.name, progress=progress)


def pasted_table(text: str) -> list[list[str]]:
    """Cells copied from WPS or Excel: tab-separated rows, a quoted cell may hold a line
    break; blank lines at the end (Excel adds one) are dropped."""
    rows = [[restore(c) for c in r] for r in csv.reader(io.StringIO(text), delimiter="\t")]
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


def import_table(
    registers: Registers,
    register: str,
    table: list[list[str]],
    *,
    source: str,
    progress: Progress | None = None,
) -> ImportReport:
    """Add the rows of ``table`` (a heading row first) all at once or none: the one import
    path of a file and of rows pasted from a spreadsheet. ``source`` names where they came
    from in the audit trail. A problem names the sheet's own row number (as the spreadsheet
    shows it) and the column's label."""
    spec = registers.spec(register)
    # A marking row written by our own export comes first; skip it (its row still counts).
    first = 0
    while first < len(table) - 1 and len([c for c in table[first] if c.strip()]) <= 1:
        first += 1
    if first >= len(table):
        raise ImportFailed(
            [(1, problem("empty", QT_TRANSLATE_NOOP("Errors", "The file is empty.")))]
        )
    columns, header_problems = header_map(spec, table[first])
    if header_problems:
        raise ImportFailed([(first + 1, p) for p in header_problems])
    term = spec.term_field
    rows = []
    lines = []
    named = [(i, name) for i, name in enumerate(columns) if name]
    width = len(columns)
    for line, cells in enumerate(table[first + 1 :], start=first + 2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) >= width:
            raw = {name: cells[i] for i, name in named}
        else:
            raw = {name: cells[i] if i < len(cells) else "" for i, name in named}
        if term is not None and term in raw:
            raw[term] = _without_default_note(raw[term])
        rows.append(raw)
        lines.append(line)
    try:
        numbers = registers.add_many(register, rows, source=source, progress=progress)
    except ImportFailed as exc:
        raise ImportFailed([(lines[row - 1], p) for row, p in exc.failures]) from None
    return ImportReport(tuple(numbers))


def _without_default_note(text: str) -> str:
    """A term cell as an export writes it when the record sets none ("20年（按密级默认）"):
    the level's default applies, so the cell reads as empty."""
    stripped = text.strip()
    for suffix in DEFAULT_TERM_SUFFIXES:
        if stripped.endswith(suffix):
            return ""
    return text


#: Rows read from the vault at a time by an export (memory stays flat in the row count).
EXPORT_BATCH = 1000

#: What the export adds to a secrecy term the record does not set (the level's default);
#: an import reads such a cell as "no term given", so the entry comes back unchanged.
DEFAULT_TERM_SUFFIXES = ("（按密级默认）", " (default for the level)")

#: How a money cell shows in a spreadsheet.
MONEY_FORMAT = '"¥"#,##0.00'


def export_file(
    registers: Registers,
    register: str,
    target: Path,
    query: Query | None = None,
    *,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the entries the account may see to ``target`` (the name the user gave; returned).
    The marking of the highest level in it stands in its first row and, for a workbook, in
    its properties (title, keywords, a 密级 property); the header row is frozen and filtered,
    columns have widths, and numbers, money and dates are typed cells. Anything exported
    imports back unchanged. An existing file is replaced only with ``overwrite``.

    Entries are read and written a batch at a time (memory flat in the row count), into a
    temporary file beside the target that replaces it only when complete and recorded.

    No cell is ever a formula: CSV cells that a spreadsheet would read as one get the OWASP
    apostrophe (:mod:`secrecy_desk.core.cells`, undone on import); XLSX cells are written as
    strings, whatever they start with."""
    spec = registers.require(register, Action.EXPORT)
    session = registers.session
    if target.suffix.lower() not in SUFFIXES:
        raise _bad_format(target)
    session.require_fixed_disk(target, "register.export", f"{register}:{target}")
    base = query or Query()
    # Every matching entry (filters, ranges, search, "mine", a deadline), in the list's order,
    # not one page: read a batch at a time, each page on from the last one's end (keyset).
    where = replace(base, offset=0, limit=None, after=None, backward=False)
    top, term = highest(registers.marks(register, where))
    mark = marking(top, term)
    media.refuse_existing(target, overwrite=overwrite)
    total = registers.count(register, where)
    names = [NUMBER, STATUS, *spec.field_names]
    header = [spec.column_label(n, "zh_CN") for n in names]

    def entries() -> Iterator[StoredRow]:
        # One statement read as it goes, a batch at a time (memory flat in the row count).
        done = 0
        for batch in registers.stored_rows(register, where, batch=EXPORT_BATCH):
            for row in batch:
                if done % 500 == 0 and progress is not None and not progress(done, total):
                    raise Cancelled()
                done += 1
                yield row

    part = target.with_name(f".{target.name}.part")
    try:
        if target.suffix.lower() == ".csv":
            count = _write_csv(part, spec, names, header, mark, entries())
        else:
            count = _write_xlsx(part, spec, names, header, mark, entries())
        with session.operation():
            session.audit(
                "register.export",
                f"{register}:{target}",
                level=top,
                details={"count": count, "marking": mark, "file": str(target)},
            )
            media.refuse_existing(target, overwrite=overwrite)
            os.replace(part, target)
            fsync_dir(target.parent)
    finally:
        part.unlink(missing_ok=True)
    return target


def _write_csv(
    path: Path,
    spec: FormSpec,
    names: Sequence[str],
    header: Sequence[str],
    mark: str,
    entries: Iterable[StoredRow],
) -> int:
    shown = _Shown(spec)
    kinds = [_kind(spec, n) for n in names]
    loads = json.JSONDecoder().decode
    count = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([mark])
        writer.writerow([neutralise(c) for c in header])
        for number, status, term, data in entries:
            stored = loads(data)
            row: list[str] = []
            for name, kind in zip(names, kinds, strict=True):
                if kind == "text":
                    value = stored.get(name)
                    row.append(neutralise(value) if isinstance(value, str) else "")
                elif kind == "number":
                    row.append(neutralise(number))
                elif kind == "status":
                    row.append(neutralise(shown.status(status)))
                else:
                    row.append(neutralise(shown.text(name, stored.get(name), term)))
            writer.writerow(row)
            count += 1
        out.flush()
        os.fsync(out.fileno())
    return count


def _write_xlsx(
    path: Path,
    spec: FormSpec,
    names: Sequence[str],
    header: Sequence[str],
    mark: str,
    entries: Iterable[StoredRow],
) -> int:
    import openpyxl  # noqa: PLC0415 - loaded only when a workbook is used (0.3 s)
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.packaging.custom import StringProperty  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(spec.title_zh[:31])
    book.properties.title = f"{spec.title_zh}（{mark}）"
    book.properties.keywords = mark
    book.properties.subject = mark
    book.custom_doc_props.append(StringProperty(name="密级", value=mark))  # type: ignore[attr-defined]
    sheet.freeze_panes = "A3"  # the marking row and the header stay in view
    for column, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = _width(spec, name)
    kinds = [_kind(spec, n) for n in names]
    columns = list(zip(names, kinds, strict=True))
    shown = _Shown(spec)

    def text_cell(value: str) -> object:
        if not value:
            return None  # no cell at all (an empty one reads back the same, and costs)
        if value.startswith("="):
            # openpyxl takes a string starting with "=" for a formula: it is a value.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    def money_cell(fen: int) -> object:
        cell = WriteOnlyCell(sheet, value=fen / 100)
        cell.number_format = MONEY_FORMAT
        return cell

    sheet.append([text_cell(mark)])
    sheet.append([text_cell(h) for h in header])
    count = 0
    try:
        count = _append_rows(sheet, columns, shown, entries, text_cell, money_cell)
    except BaseException:
        # A cancel (or a failure) part way: the sheet's writer is finished and closed now,
        # not by the garbage collector later (which then wrote into its closed file).
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(names))}{count + 2}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as out:
        book.save(out)
        out.flush()
        os.fsync(out.fileno())
    return count


def _append_rows(
    sheet: Any,
    columns: Sequence[tuple[str, str]],
    shown: _Shown,
    entries: Iterable[StoredRow],
    text_cell: Callable[[str], object],
    money_cell: Callable[[int], object],
) -> int:
    """Append each entry's row to a write-only sheet; returns how many."""
    loads = json.JSONDecoder().decode
    days: dict[str, date] = {}
    count = 0
    for number, status, term, data in entries:
        stored = loads(data)
        row: list[object] = []
        for name, kind in columns:
            value = stored.get(name)
            if kind == "text":
                # Shown as it is stored (Entry.display's own case, without its calls).
                row.append(text_cell(value) if isinstance(value, str) else None)
            elif kind == "int" and type(value) is int:
                row.append(value)
            elif kind == "date" and isinstance(value, str):
                day = days.get(value)
                if day is None:
                    day = days[value] = date.fromisoformat(value)
                    if len(days) > _SHOWN_LIMIT:
                        days.clear()
                row.append(day)
            elif kind == "money" and type(value) is int:
                row.append(money_cell(value))
            elif kind == "number":
                row.append(text_cell(number))
            elif kind == "status":
                row.append(text_cell(shown.status(status)))
            else:
                row.append(text_cell(shown.text(name, value, term)))
        sheet.append(row)
        count += 1
    return count


#: At most this many distinct stored values of a column keep their text (memory bounded).
_SHOWN_LIMIT: Final = 4096


class _Shown:
    """The text an entry's status or field shows in the list (:meth:`Entry.display`), from
    its stored form: each distinct stored value of a column (a level, a choice, 是/否, a
    date) is turned into its text once per export, not once per cell."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self._statuses: dict[str, str] = {}
        self._texts: dict[str, dict[object, str]] = {}

    def status(self, code: str) -> str:
        text = self._statuses.get(code)
        if text is None:
            text = self._statuses[code] = status_text(self.spec, code, "zh_CN")
        return text

    def text(self, name: str, stored: object, term: str | None) -> str:
        # A term field shows the level's default when it is empty: the entry's term counts.
        key = (stored, term) if name == self.spec.term_field else stored
        kept = self._texts.setdefault(name, {})
        text = kept.get(key)
        if text is None:
            value = self.spec.field(name).from_storage(stored)  # type: ignore[arg-type]
            marked = Term.decode(term) if term else None
            text = field_text(self.spec, name, value, marked, "zh_CN")
            if len(kept) >= _SHOWN_LIMIT:
                kept.clear()
            kept[key] = text
        return text


def _kind(spec: FormSpec, name: str) -> str:
    """How a column's cells are made: "number", "status", "int", "money", "date" (typed in a
    workbook, shown in a .csv), "text" (a text field, shown as stored) or "" (the text the
    list shows)."""
    if name == NUMBER:
        return "number"
    if name == STATUS:
        return "status"
    if not spec.has_field(name):
        return ""
    if name == spec.term_field:
        return ""  # an empty term shows the level's default
    return _KINDS.get(spec.field(name).type, "")


_KINDS: Final = {
    FieldType.INTEGER: "int",
    FieldType.MONEY: "money",
    FieldType.DATE: "date",
    **dict.fromkeys(
        (
            FieldType.TEXT,
            FieldType.LONG_TEXT,
            FieldType.PERSON,
            FieldType.ACCOUNT,
            FieldType.ENTRY_REF,
            FieldType.RESIDENT_ID,
            FieldType.PHONE,
        ),
        "text",
    ),
}


def _width(spec: FormSpec, name: str) -> float:
    """A column's width in characters: its heading or its definition's width hint (Chinese
    characters count twice), within sensible bounds."""
    label = spec.column_label(name, "zh_CN")
    heading = sum(2 if ord(ch) > 0x2E7F else 1 for ch in label) + 2
    hint = 12
    if spec.has_field(name):
        hint = (spec.field(name).width or 8) * 2
    elif name == NUMBER:
        hint = 16
    return float(min(max(heading, hint, 8), 60))

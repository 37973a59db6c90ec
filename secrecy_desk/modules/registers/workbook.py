"""The cells of a workbook's first sheet as text, read at the speed of the XML parser.

openpyxl reads the workbook's parts (the package, the shared strings, the workbook and its
styles: which cell styles are dates, the 1900 or 1904 epoch) exactly as it does for
``load_workbook``. The sheet itself, the one part that grows with the rows, is read here by
expat with one handler per element instead of openpyxl's read-only worksheet, which builds an
element tree per cell and, for a sheet without a ``<dimension>`` (openpyxl's own write-only
files, many others), reads the whole sheet a first time only to learn its size. Each cell is
converted as openpyxl converts it (numbers, dates by their style, shared and inline strings,
booleans, errors, cached formula results) and then written as the text an import reads: the
same cells, at about a quarter of the time (``docs/scale.md``).

Rows keep their sheet row numbers (a missing row is an empty row) and cells their columns (a
missing cell is ``""``), so a problem names the row and column the spreadsheet shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Final
from xml.parsers import expat

#: SpreadsheetML's namespace, as expat spells a name in it ("namespace name").
_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_ROW: Final = _NS + "row"
_CELL: Final = _NS + "c"
_VALUE: Final = _NS + "v"
_INLINE: Final = _NS + "is"
_TEXT: Final = _NS + "t"
_PHONETIC: Final = _NS + "rPh"

#: Excel's limits: a cell reference past them is not a workbook's.
MAX_COLUMN: Final = 16_384
MAX_ROW: Final = 1_048_576


class SheetError(ValueError):
    """The sheet's XML is not a worksheet's (the caller names the file)."""


def cell_text(value: object) -> str:
    """The text an import reads for a cell's value (a date as ISO, a whole number without
    ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_first_sheet(path: Path) -> list[list[str]]:
    """Every row of the first worksheet as text cells. Raises whatever openpyxl raises on a
    file that is not a workbook, or :class:`SheetError`."""
    from openpyxl.reader.excel import ExcelReader  # noqa: PLC0415 - loaded only when used
    from openpyxl.styles.stylesheet import apply_stylesheet  # noqa: PLC0415

    reader = ExcelReader(str(path), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        wb = reader.wb
        # The first worksheet, as openpyxl's ``worksheets[0]`` (a chartsheet is not one).
        for _, rel in reader.parser.find_sheets():
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                with reader.archive.open(rel.target) as src:
                    return _Sheet(
                        list(reader.shared_strings),
                        # Set by apply_stylesheet (openpyxl 3.1, pinned), not in its stubs.
                        set(wb._date_formats),  # type: ignore[attr-defined]
                        set(wb._timedelta_formats),  # type: ignore[attr-defined]
                        wb.epoch,
                    ).read(src)
        raise SheetError("the workbook has no worksheet")
    finally:
        reader.archive.close()


class _Sheet:
    """expat's handlers for one worksheet part."""

    def __init__(
        self, strings: list[str], dates: set[int], timedeltas: set[int], epoch: datetime
    ) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601  # noqa: PLC0415

        self.strings = strings  # the shared strings, by index
        self.dates = dates
        self.timedeltas = timedeltas
        self.epoch = epoch
        self.from_excel: Callable[..., object] = from_excel
        self.from_iso: Callable[[str], object] = from_ISO8601
        self.rows: list[list[str]] = []
        self.cells: list[str] = []
        self.row = 0
        self.column = 0
        self.kind = "n"
        self.style = 0
        #: The text being collected (a ``<v>`` or an inline string's ``<t>``), else None.
        self.parts: list[str] | None = None
        self.value: str | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0

    def read(self, src: IO[bytes]) -> list[list[str]]:
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        try:
            parser.ParseFile(src)
        except expat.ExpatError as exc:
            raise SheetError(str(exc)) from None
        return self.rows

    def doctype(self, *_: object) -> None:
        raise SheetError("a worksheet has no document type declaration")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _CELL:
            ref = attrs.get("r")
            self.column = _column(ref) if ref else self.column + 1
            if self.column > MAX_COLUMN:
                raise SheetError(f"column {self.column} is past Excel's last")
            self.kind = attrs.get("t", "n")
            style = attrs.get("s")
            self.style = int(style) if style else 0
            self.value = None
            self.inline = None
        elif name == _VALUE:
            self.parts = []
        elif name == _TEXT:
            if self.inline is not None and not self.phonetic:
                self.parts = []
        elif name == _INLINE:
            self.inline = []
        elif name == _PHONETIC:
            self.phonetic += 1
        elif name == _ROW:
            number = attrs.get("r")
            self.row = int(number) if number else self.row + 1
            if self.row > MAX_ROW:
                raise SheetError(f"row {self.row} is past Excel's last")
            while len(self.rows) < self.row - 1:
                self.rows.append([])  # a row the sheet leaves out is an empty row
            self.cells = []
            self.rows.append(self.cells)
            self.column = 0

    def text(self, data: str) -> None:
        if self.parts is not None:
            self.parts.append(data)

    def end(self, name: str) -> None:
        if name == _CELL:
            text = self.convert()
            cells = self.cells
            while len(cells) < self.column - 1:
                cells.append("")
            if len(cells) >= self.column:
                cells[self.column - 1] = text  # a cell given twice: the last one, as openpyxl
            else:
                cells.append(text)
        elif name == _VALUE:
            if self.parts is not None:
                self.value = "".join(self.parts) or None
            self.parts = None
        elif name == _TEXT:
            if self.parts is not None and self.inline is not None:
                self.inline.append("".join(self.parts))
            self.parts = None
        elif name == _PHONETIC:
            self.phonetic -= 1

    def convert(self) -> str:
        """The cell's text: openpyxl's ``WorkSheetParser.parse_cell`` (values only), then
        :func:`cell_text`."""
        kind = self.kind
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else ""
        value = self.value
        if value is None:
            return ""
        if kind == "n":
            number: float | int = (
                float(value) if "." in value or "E" in value or "e" in value else int(value)
            )
            if self.style in self.dates:
                try:
                    return cell_text(
                        self.from_excel(number, self.epoch, timedelta=self.style in self.timedeltas)
                    )
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return cell_text(number)
        if kind == "s":
            return cell_text(self.strings[int(value)])
        if kind == "b":
            return str(bool(int(value)))
        if kind == "d":
            return cell_text(self.from_iso(value))
        return value  # "str" (a formula's text), "e" (an error such as #N/A)


def _column(ref: str) -> int:
    """The column number of a cell reference ("AB12" → 28)."""
    column = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            column = column * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            column = column * 26 + ord(ch) - 96
        else:
            break
    if not column:
        raise SheetError(f"bad cell reference {ref!r}")
    return column

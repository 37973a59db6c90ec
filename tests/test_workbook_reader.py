"""The import's own reader of a workbook's first sheet (modules/registers/workbook.py) reads
every cell as openpyxl's read-only reader does, on the kinds of cells spreadsheets hold."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.modules.registers import io as reg_io
from secrecy_desk.modules.registers.workbook import cell_text, read_first_sheet
from tests.support.data import data_file


def openpyxl_cells(path: Path) -> list[list[str]]:
    """The reference: openpyxl's read-only reader, values only, each value as the import's
    text; trailing empty cells and rows dropped (openpyxl pads rows to the sheet's width)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = [[cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _trimmed(rows)


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    out = []
    for row in rows:
        cells = list(row)
        while cells and cells[-1] == "":
            cells.pop()
        out.append(cells)
    while out and not out[-1]:
        out.pop()
    return out


def _mixed(path: Path, *, epoch: datetime | None = None) -> Path:
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    assert sheet is not None
    book.create_sheet("第二页")["A1"] = "不读"
    sheet.append(["图号", "份数", "日期", "时间", "是否", "金额", "公式", "错误"])
    sheet.append(["AZ-1", 3, date(2026, 1, 15), datetime(2026, 1, 15, 9, 30), True, 1.5])
    sheet.append(["长文本 with spaces ", 1e3, date(1900, 3, 1), time(9, 30), False, 0.1])
    sheet["G3"] = "=B3*2"  # no cached value: empty, for openpyxl as for the reader
    sheet["H3"] = "#N/A"
    sheet["H3"].data_type = "e"
    sheet["A6"] = "a row after two missing ones"
    sheet["D6"] = "a cell after two missing ones"
    sheet["A7"] = CellRichText("富", TextBlock(InlineFont(b=True), "文本"))
    sheet["B7"] = "'=SUM(A1)"
    sheet["C7"] = -42
    sheet["D7"] = 12345678901234
    book.save(path)
    return path


def test_cells_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    path = _mixed(tmp_path / "mixed.xlsx")
    ours = _trimmed(read_first_sheet(path))
    assert ours == openpyxl_cells(path)
    assert ours[1][:6] == ["AZ-1", "3", "2026-01-15", "2026-01-15", "True", "1.5"]
    assert ours[2][2] == "1900-03-01"
    assert ours[3:5] == [[], []]  # missing rows keep the sheet's row numbers
    assert ours[5] == ["a row after two missing ones", "", "", "a cell after two missing ones"]
    assert ours[6][0] == "富文本"


def test_a_1904_workbook_and_the_test_files(tmp_path: Path) -> None:
    path = _mixed(tmp_path / "mac.xlsx", epoch=CALENDAR_MAC_1904)
    assert _trimmed(read_first_sheet(path)) == openpyxl_cells(path)
    for name in ("drawings_good.xlsx", "drawings_bad.xlsx"):
        assert _trimmed(read_first_sheet(data_file(name))) == openpyxl_cells(data_file(name))


def test_a_write_only_sheet_of_inline_strings(tmp_path: Path) -> None:
    # openpyxl's write-only files (and the bench's sheets) have no <dimension> and inline
    # strings; this program's export writes typed cells the same way.
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("图纸")
    sheet.append(["图号", "份数", "备注"])
    for i in range(50):
        sheet.append([f"Z-{i}", i + 1, "" if i % 3 else f"第{i}行\n两行"])
    path = tmp_path / "wo.xlsx"
    book.save(path)
    assert _trimmed(read_first_sheet(path)) == openpyxl_cells(path)


def test_a_broken_workbook_is_one_sentence(tmp_path: Path) -> None:
    good = _mixed(tmp_path / "good.xlsx")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the XML cut in the middle
            out.writestr(item, data)
    doctype = tmp_path / "doctype.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(doctype, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<worksheet")
                data = data[:start] + b'<!DOCTYPE worksheet [<!ENTITY a "x">]>' + data[start:]
            out.writestr(item, data)
    not_zip = tmp_path / "text.xlsx"
    not_zip.write_text("图号,份数\n", encoding="utf-8")
    for path in (broken, doctype, not_zip):
        with pytest.raises(ValidationError) as exc:
            reg_io.read_table(path)
        assert "is not a readable Excel workbook (.xlsx) file" in exc.value.message("en")

"""Export, then import what was exported (issue 15, item 6): for every register, in both
formats, every value comes back unchanged; the workbook has typed cells, a frozen and
filtered header, column widths and the marking inside; the file keeps its name."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from secrecy_desk.forms import Forms
from secrecy_desk.modules.registers import ImportFailed, Query, Registers
from secrecy_desk.modules.registers import io as reg_io
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS
from tests.support.data import drawing, gift, person, resident_id
from tests.support.vault import OFFICER, VaultEnv


def _samples(regs: Registers) -> dict[str, list[dict[str, str]]]:
    """Entries a clerk would type into each register, filling as many fields as the rules
    allow (terms set and left to the default, money with fen, long text with a line break,
    a formula-looking text)."""
    people = [
        regs.add("personnel", person()).entry.number,
        regs.add(
            "personnel",
            person(
                name="李强",
                gender="男",
                id_number=resident_id(date(1985, 3, 4), female=False),
                phone="010-12345678",
                remarks="第一行\n第二行",
            ),
        ).entry.number,
    ]
    return {
        "drawings": [
            drawing(term="长期", remarks="=SUM(A1:A2)"),
            drawing(drawing_no="YB-2", level="一般", copies="5", receiver="王五"),
            drawing(
                drawing_no="JM-3",
                must_recall="是",
                due_on="2026-03-20",
                recalled="是",
                recalled_on="2026-03-02",
                recalled_by="李明",
            ),
        ],
        "gifts": [
            gift(value="1234.56", kind="礼金", disposition="上交财务保管", quantity="2"),
            gift(description='台历，含"引号"与逗号,', occasion="春节", remarks="另附\n说明"),
        ],
        "personnel": [],  # the two people above
        "training": [
            {
                "person": people[0],
                "name": "陈静",
                "kind": "保密培训",
                "course": "新上岗人员保密教育",
                "issued_on": "2026-02-10",
                "valid_until": "2027-02-09",
                "certificate_no": "BM-2026-017",
            }
        ],
        "travel": [
            {
                "person": people[1],
                "name": "李强",
                "purpose": "因公",
                "destination": "日本东京",
                "depart_on": "2026-02-01",
                "return_on": "2026-02-08",
                "briefed_on": "2026-01-28",
            }
        ],
        "trust": [
            {
                "person": people[0],
                "name": "陈静",
                "rated_on": "2026-02-20",
                "score": "92",
                "reason": "年度评定\n无异常",
            }
        ],
    }


def _values(regs: Registers, register: str, numbers: list[str]) -> list[tuple[object, ...]]:
    spec = regs.spec(register)
    entries = {e.number: e for e in regs.page(register, Query(limit=None))}
    return sorted(
        (tuple(entries[n].values.get(f) for f in spec.field_names) for n in numbers), key=repr
    )


def test_every_register_round_trips_in_both_formats(
    vault_env: VaultEnv, forms: Forms, tmp_path: Path
) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        samples = _samples(regs)
        tried = set()
        for spec in forms.registers:
            if spec.id in SYSTEM_REGISTERS:
                continue
            for raw in samples.get(spec.id, []):
                regs.add(spec.id, raw, confirm=True)
            live = [e.number for e in regs.page(spec.id, Query(limit=None))]
            if not live:
                continue  # a register added since (its own tests fill it)
            tried.add(spec.id)
            before = _values(regs, spec.id, live)
            for suffix in (".csv", ".xlsx"):
                target = tmp_path / f"{spec.id}{suffix}"
                assert reg_io.export_file(regs, spec.id, target) == target
                # Void what stands, so the register's rules (a drawing issued twice, one
                # person twice) see exactly what a fresh register would.
                for number in live:
                    regs.void(spec.id, number, "导出后重新导入的检查")
                again = list(reg_io.import_file(regs, spec.id, target).numbers)
                assert _values(regs, spec.id, again) == before, (spec.id, suffix)
                live = again
        assert tried >= {"drawings", "gifts", "personnel", "training", "travel", "trust"}
    finally:
        s.logout()


def test_the_workbook_is_typed_frozen_filtered_and_marked_inside(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        regs.add("gifts", gift(value="1234.56", quantity="2", disposition="上交财务保管"))
        regs.add("drawings", drawing(copies="3"))
        gifts = reg_io.export_file(regs, "gifts", tmp_path / "礼品.xlsx")
        drawings = reg_io.export_file(regs, "drawings", tmp_path / "图纸.xlsx")
    finally:
        s.logout()
    assert gifts.name == "礼品.xlsx"
    book = openpyxl.load_workbook(gifts)
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "内部"
    assert book.properties.keywords == "内部"
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == f"A2:{get_column_letter(sheet.max_column)}3"
    header = [c.value for c in sheet[2]]
    row = dict(zip(header, sheet[3], strict=True))
    assert row["价值（元）"].value == pytest.approx(1234.56)
    assert row["价值（元）"].number_format == reg_io.MONEY_FORMAT
    assert row["数量"].value == 2
    assert isinstance(row["收受日期"].value, datetime)
    assert row["收受日期"].is_date
    widths = [
        sheet.column_dimensions[get_column_letter(i)].width for i in range(1, sheet.max_column + 1)
    ]
    assert all(8 <= w <= 60 for w in widths)
    assert len(set(widths)) > 1
    book.close()
    book = openpyxl.load_workbook(drawings)
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "机密★20年"
    header = [c.value for c in sheet[2]]
    assert sheet.cell(3, header.index("份数") + 1).value == 3
    # A term the entry leaves to its level shows as such, and imports back as none.
    assert sheet.cell(3, header.index("保密期限") + 1).value == "20年（按密级默认）"
    book.close()


def test_csv_keeps_its_name_and_its_marking_row(vault_env: VaultEnv, tmp_path: Path) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        regs.add("drawings", drawing())
        out = reg_io.export_file(regs, "drawings", tmp_path / "x.csv")
    finally:
        s.logout()
    assert out == tmp_path / "x.csv"
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["机密★20年"]
    assert rows[1][:3] == ["序号", "状态", "图号"]


def test_import_problems_name_the_sheets_row_and_the_columns_label(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    """Excel row 3 (after our marking row and the header) is reported as row 3."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        regs.add("drawings", drawing())
        out = reg_io.export_file(regs, "drawings", tmp_path / "x.xlsx")
        book = openpyxl.load_workbook(out)
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[2]]
        sheet.cell(3, header.index("份数") + 1).value = 0
        book.save(out)
        regs.void("drawings", "TZFS-2026-0001", "重新导入")
        with pytest.raises(ImportFailed) as caught:
            reg_io.import_file(regs, "drawings", out)
    finally:
        s.logout()
    [line] = caught.value.message("zh_CN").splitlines()[1:]
    assert line.startswith("  第 3 行，份数:")

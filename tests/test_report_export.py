"""Reports to .xlsx and .csv: the statistics table and cross-tab, the secrecy work report, the
gifts half-year summary and the commitments completeness report, each read back from the file
and its figures checked against the data the test made; marked, typed, recorded, refused where
the account may not export or the file exists."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from secrecy_desk.core.errors import DeskError, PermissionDenied
from secrecy_desk.core.levels import Level
from secrecy_desk.modules.commitments import report as completeness
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.gifts import summary as gifts_summary
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports import export, periodic
from secrecy_desk.modules.reports.stats import StatQuery, count
from secrecy_desk.vault.session import Session
from tests.support.data import audit_rows, drawing, gift
from tests.support.vault import OFFICER, VaultEnv
from tests.test_commitments import add_people


def _gifts(regs: Registers) -> None:
    for kind, value, dept in (
        ("礼金", "800", "一室"),
        ("礼品", "300", "一室"),
        ("礼品", "2000", "二室"),
        ("购物卡", "500", "二室"),
    ):
        regs.add(
            "gifts",
            gift(
                kind=kind,
                value=value,
                department=dept,
                handed_in_on="2026-03-02",
                handler="财务处 孙丽",
                voucher_no=f"PZ-{kind}-{value}",
                disposition="kept_by_finance",
            ),
            confirm=True,
        )
    regs.add("gifts", gift(kind="礼品", value="100"), confirm=True)


def _sheet(path: Path) -> tuple[openpyxl.Workbook, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    cells: list[list[object]] = [
        [v for v in r]  # noqa: C416 - typed as objects
        for r in book.worksheets[0].iter_rows(values_only=True)
    ]
    return book, cells


def test_a_cross_tab_exports_to_a_workbook_with_the_figures_typed(
    regs: Registers, tmp_path: Path
) -> None:
    _gifts(regs)
    table = count(regs, StatQuery("gifts", "field:kind", "field:disposition"), "zh_CN")
    out = export.export_statistics(regs, table, tmp_path / "礼品统计.xlsx")
    assert out == tmp_path / "礼品统计.xlsx"
    assert not list(tmp_path.glob(".*.part"))
    book, cells = _sheet(out)
    mark = "内部"  # gifts are 内部 at most; the report is 内部 at least
    assert cells[0][0] == mark
    assert book.properties.keywords == mark
    assert mark in (book.properties.title or "")
    sheet = book.worksheets[0]
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == f"A3:{chr(ord('A') + len(table.columns) + 1)}{len(cells) - 1}"
    assert str(cells[1][0]).startswith(f"{regs.spec('gifts').title_zh}统计表")
    assert cells[2] == [table.row_title, *table.column_labels, "合计"]
    body = {str(r[0]): r[1:] for r in cells[3:-1]}
    for key, label in zip(table.rows, table.row_labels, strict=True):
        assert body[label] == [*(table.cell(key, c) for c in table.columns), table.row_total(key)]
    assert body["礼品"][-1] == 3  # a number, not the text "3"
    assert body["合计"][-1] == table.total == 5
    assert str(cells[-1][0]).startswith("共统计 5 条")
    [rec] = audit_rows(regs.session, "report.export")
    assert rec.outcome == "ok"
    assert rec.details["report"] == "statistics"
    assert rec.details["marking"] == mark
    assert rec.details["file"] == str(out)


def test_a_single_count_exports_to_csv_with_shares(regs: Registers, tmp_path: Path) -> None:
    _gifts(regs)
    table = count(regs, StatQuery("gifts", "field:department"), "zh_CN")
    out = export.export_statistics(regs, table, tmp_path / "by-dept.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["内部"]
    assert rows[2] == [table.row_title, "数量", "占比"]
    figures = {r[0]: (int(r[1]), r[2]) for r in rows[3:-1]}
    assert figures == {"一室": (3, "60.0%"), "二室": (2, "40.0%"), "合计": (5, "100%")}
    book_path = export.export_statistics(regs, table, tmp_path / "by-dept.xlsx")
    _book, cells = _sheet(book_path)
    assert cells[3][1:] == [3, pytest.approx(0.6)]


def test_the_work_report_exports_every_figure_of_its_paper(regs: Registers, tmp_path: Path) -> None:
    regs.add("drawings", drawing(issued_on="2026-02-01", level="机密"))
    regs.add("drawings", drawing(drawing_no="XX-2026-002", issued_on="2026-02-03"))
    _gifts(regs)
    report = periodic.work_report(regs, periodic.Period.of(2026, periodic.FIRST_HALF))
    out = export.export_work_report(regs, report, tmp_path / "work.xlsx")
    book, cells = _sheet(out)
    assert report.level == Level.SECRET
    assert cells[0][0] == book.properties.keywords
    assert str(cells[0][0]).startswith("机密")
    assert "2026年上半年" in str(cells[1][0])
    assert cells[2] == ["统计项目", "数量", "说明"]
    exported = {str(r[0]).strip("　"): r[1] for r in cells[3:-1] if r[1] is not None}
    expected = {f.label: f.value for s in report.sections for f in s.lines}
    assert exported["本期发放图纸（次）"] == 2
    assert exported["本期登记礼品礼金（件）"] == 5
    for label, value in expected.items():
        got = exported[label]
        if value.isdigit():
            assert got == int(value), label
        elif value.startswith("¥"):
            assert got == pytest.approx(float(value[1:].replace(",", ""))), label
    assert audit_rows(regs.session, "report.export")[0].level == Level.SECRET


def test_the_gifts_summary_and_the_completeness_report_export(
    regs: Registers, tmp_path: Path
) -> None:
    _gifts(regs)
    period = gifts_summary.HalfYear.parse("2026H1")
    out = export.export_gifts_summary(regs, period, tmp_path / "gifts.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    by_dept = {r[0]: r[1:] for r in rows[3:-1]}
    assert by_dept["一室"][:4] == ["3", "¥1,200.00", "2", "¥1,100.00"]
    assert by_dept["合计"][:2] == ["5", "¥3,700.00"]
    book_path = export.export_gifts_summary(regs, period, tmp_path / "gifts.xlsx")
    _book, cells = _sheet(book_path)
    assert cells[3][:5] == ["一室", 3, pytest.approx(1200.0), 2, pytest.approx(1100.0)]

    people = add_people(regs, 3, cls="核心")
    c = Commitments(regs)
    rep = completeness.completeness(c)
    path = export.export_completeness(c, rep, tmp_path / "承诺书.xlsx")
    _book, cells = _sheet(path)
    listed = [r[1] for r in cells[3:-1]]
    assert sorted(str(p) for p in listed) == sorted(g.person for g in rep.gaps)
    assert set(people) <= {str(p) for p in listed}
    assert all(v is not None for r in cells[3:-1] for v in r)  # every column filled
    assert [r.details["report"] for r in audit_rows(regs.session, "report.export")] == [
        "gifts-summary",
        "gifts-summary",
        "commitments",
    ]


def test_an_export_over_a_file_or_to_another_format_is_refused(
    regs: Registers, tmp_path: Path
) -> None:
    _gifts(regs)
    table = count(regs, StatQuery("gifts", "level"), "zh_CN")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    taken = tmp_path / "taken.xlsx"
    taken.write_bytes(b"mine")
    with pytest.raises(DeskError):
        export.export_statistics(regs, table, taken)
    assert taken.read_bytes() == b"mine"
    with pytest.raises(DeskError):
        export.export_statistics(regs, table, tmp_path / "x.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.xlsx"]
    assert audit_rows(regs.session, "report.export") == []


def test_an_account_without_the_export_permission_exports_nothing(
    clerk: Session, vault_env: VaultEnv, tmp_path: Path
) -> None:
    regs = vault_env.registers(clerk)
    _gifts(regs)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    table = count(regs, StatQuery("gifts", "level"), "zh_CN")
    with pytest.raises(PermissionDenied):
        export.export_statistics(regs, table, tmp_path / "clerk.xlsx")
    report = periodic.work_report(regs, periodic.Period.of(2026, periodic.FULL_YEAR))
    with pytest.raises(PermissionDenied):
        export.export_work_report(regs, report, tmp_path / "clerk.csv")
    assert list(tmp_path.iterdir()) == []


def test_cells_are_typed_as_a_spreadsheet_reads_them() -> None:
    assert export.typed("1,234") == 1234
    assert export.typed("¥1,200.50") == pytest.approx(1200.5)
    assert export.typed("33.3%") == pytest.approx(0.333)
    assert export.typed("2026-03-31") == date(2026, 3, 31)
    assert export.typed("=1+1") == "=1+1"
    assert export.typed("核心 3、重要 2") == "核心 3、重要 2"


def test_the_command_line_shows_prints_and_exports_each_report(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    s = vault_env.login(OFFICER)
    try:
        _gifts(vault_env.registers(s))
    finally:
        s.logout()
    out = tmp_path / "out"
    out.mkdir()
    stats = ["reports", "statistics", "--register", "gifts", "--by", "field:department"]
    r = vault_env.cli_as(OFFICER, [*stats, "--export", str(out / "s.xlsx")])
    assert r.code == 0, r.err
    assert "一室" in r.out
    assert "60.0%" in r.out
    _book, cells = _sheet(out / "s.xlsx")
    assert [c[:2] for c in cells[3:6]] == [["一室", 3], ["二室", 2], ["合计", 5]]
    r = vault_env.cli_as(OFFICER, [*stats, "--and", "field:kind", "--to", str(out / "s.pdf")])
    assert r.code == 0, r.err
    assert (out / "s.pdf").read_bytes().startswith(b"%PDF")
    assert vault_env.cli_as(OFFICER, [*stats[:4], "--by", "x", "--dimensions"]).code == 0
    assert vault_env.cli_as(OFFICER, [*stats[:4], "--by", "nothing"]).code != 0

    work = ["reports", "work-report", "--year", "2026", "--part", "h1"]
    r = vault_env.cli_as(OFFICER, [*work, "--export", str(out / "w.csv")])
    assert r.code == 0, r.err
    rows = list(csv.reader((out / "w.csv").read_text(encoding="utf-8-sig").splitlines()))
    figures = {r[0].strip("　"): r[1] for r in rows if len(r) > 1}
    assert figures["本期登记礼品礼金（件）"] == "5"

    half = ["office", "gifts-summary", "--half", "2026H1"]
    r = vault_env.cli_as(OFFICER, [*half, "--export", str(out / "g.xlsx")])
    assert r.code == 0, r.err
    _book, cells = _sheet(out / "g.xlsx")
    assert cells[3][:2] == ["一室", 3]
    r = vault_env.cli_as(OFFICER, ["commitments", "report", "--export", str(out / "c.csv")])
    assert r.code == 0, r.err
    assert (out / "c.csv").exists()

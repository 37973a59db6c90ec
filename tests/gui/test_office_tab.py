"""The secrecy office's tab: the classification review queue and its decision dialog, and the
papers filled from the data (the self-inspection sheet, the gifts half-year summary)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from secrecy_desk.core.levels import Level
from secrecy_desk.gui.office.tab import DecisionDialog, OfficeTab
from secrecy_desk.gui.shell.main_window import MainWindow
from tests.gui.conftest import DialogExport, MainFactory
from tests.support.data import audit_rows, drawing, gift
from tests.support.vault import CLERK, OFFICER


def tab_of(w: MainWindow) -> OfficeTab:
    tab = w.module_tab("office")
    assert isinstance(tab, OfficeTab)
    return tab


def test_the_officer_reviews_a_term_ending_and_prints_the_papers(
    main_window: MainFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    entry = regs.add("drawings", drawing(level="机密", term="2026-04-30")).entry
    w.home.recount()
    qtbot.waitUntil(lambda: not w.home.counting(), timeout=5000)
    # The home tab's review lines: due within the window (amber), none past its term (red).
    assert w.home.tally()["review.due:drawings"] == 1
    assert w.home.tally()["review.ended:drawings"] == 0
    tab = tab_of(w)
    w.tabs.setCurrentWidget(tab)
    assert tab.table.rowCount() == 1
    number, ends = tab.table.item(0, 1), tab.table.item(0, 4)
    assert number is not None
    assert ends is not None
    assert number.text() == entry.number
    assert "2026-04-30" in ends.text()
    tab.table.selectRow(0)
    assert tab.decide_button.isEnabled()

    dialog = DecisionDialog(tab, tab.due[0])
    qtbot.addWidget(dialog)
    dialog.submit()  # no basis, no approver
    assert "定密依据" in dialog.message.text()
    assert "basis" not in dialog.message.text(), "labels, never field ids"
    assert regs.get("drawings", entry.number, record_view=False).revision == 1
    dialog.basis.setPlainText("产品定型公开")
    dialog.approver.setText("刘副总")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert regs.get("drawings", entry.number, record_view=False).level is Level.INTERNAL
    tab.reload()
    assert tab.table.rowCount() == 0

    printed = DialogExport(w.ctx, qtbot, tmp_path)
    tab.open_print = printed
    tab.print_sheet()
    tab.print_gifts()
    assert len(printed.files) == 2
    sheet_text = "".join(
        p.extract_text() or "" for p in PdfReader(io.BytesIO(printed.files[0].read_bytes())).pages
    )
    assert "保密工作自查表" in sheet_text.replace(" ", "")


def test_the_clerk_has_no_office_tab(main_window: MainFactory) -> None:
    w = main_window(CLERK)
    assert "office" not in w.tab_specs


def test_the_gifts_summary_exports_from_the_tab(
    main_window: MainFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    for kind, value, dept in (
        ("礼金", "800", "一室"),
        ("礼品", "300", "一室"),
        ("礼品", "2000", "二室"),
    ):
        raw = gift(kind=kind, value=value, department=dept, disposition="kept_by_finance")
        regs.add("gifts", raw, confirm=True)
    tab = tab_of(w)
    tab.year.setValue(2026)
    tab.half.setCurrentIndex(tab.half.findData(1))
    assert tab.gifts_export.isEnabled()
    asked: list[str] = []
    target = tmp_path / "礼品汇总.xlsx"

    def save_as(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    tab.gifts_export.click()
    assert len(asked) == 1
    assert "2026" in asked[0]  # the half-year in the name proposed
    book = openpyxl.load_workbook(target)
    cells = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert cells[0][0] == "内部"  # the marking in the first row
    by_dept = {r[0]: r[1:3] for r in cells[3:]}
    assert by_dept["一室"][0] == 2
    assert by_dept["二室"] == [1, pytest.approx(2000.0)]
    assert by_dept["合计"][0] == 3
    assert str(target) in tab.message.text()
    assert [r.details["report"] for r in audit_rows(w.ctx.session, "report.export")] == [
        "gifts-summary"
    ]
    # As CSV too, the same rows.
    csv_path = tab.export_gifts_to(tmp_path / "gifts.csv")
    assert csv_path is not None
    assert "一室,2," in csv_path.read_text(encoding="utf-8-sig")

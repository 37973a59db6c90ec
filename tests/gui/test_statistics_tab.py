"""The Statistics tab: the counts of the register chosen, as a table with totals and a chart,
counted again after a change to that register, printed through the one print dialog."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.reports.chart import LINE, STACKED
from secrecy_desk.gui.reports.tab import StatisticsTab
from secrecy_desk.records.printing import PrintJob
from tests.gui.conftest import MainFactory
from tests.support.data import gift
from tests.support.vault import OFFICER


def test_counts_show_as_a_table_and_a_chart_and_follow_changes(
    qtbot: QtBot, main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    for kind in ("礼金", "礼金", "礼品"):
        regs.add("gifts", gift(kind=kind, value="800", disposition="kept_by_finance"))
    w.show_tab("reports")
    tab = w.module_tab("reports")
    assert isinstance(tab, StatisticsTab)
    tab.register.setCurrentIndex(tab.register.findData("gifts"))
    tab.rows.setCurrentIndex(tab.rows.findData("field:kind"))
    assert tab.table_data is not None
    assert tab.table_data.total == 3
    last = tab.grid.rowCount() - 1
    assert [tab.grid.item(last, c).text() for c in (1,)] == ["3"]  # type: ignore[union-attr]
    assert tab.chart.categories == tab.table_data.row_labels
    assert sum(tab.chart.series[0].values) == 3

    tab.columns.setCurrentIndex(tab.columns.findData("status"))
    tab.kind.setCurrentIndex(tab.kind.findData(STACKED))
    assert tab.table_data.crossed
    assert tab.chart.kind == STACKED
    assert len(tab.chart.series) == len(tab.table_data.columns)

    regs.add("gifts", gift(kind="礼品", value="900", disposition="kept_by_finance"))
    w.ctx.broadcast(Changes.of(registers={"gifts"}))
    assert tab.table_data.total == 4

    tab.rows.setCurrentIndex(tab.rows.findData("month:received_on"))
    assert tab.chart_kind() == LINE

    tab.start.setText("2026-13-01")
    tab.recount()
    assert "2026-13-01" in tab.message.text()

    jobs: list[PrintJob] = []
    monkeypatch.setattr(
        "secrecy_desk.gui.reports.tab.open_print", lambda _p, _c, make: jobs.append(make())
    )
    tab.start.setText("")
    tab.recount()
    tab.print_report()
    assert jobs
    assert jobs[0].action == "statistics.print"


def test_the_work_report_opens_in_the_print_dialog(
    main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    tab = w.module_tab("reports")
    assert isinstance(tab, StatisticsTab)
    jobs: list[PrintJob] = []
    monkeypatch.setattr(
        "secrecy_desk.gui.reports.tab.open_print", lambda _p, _c, make: jobs.append(make())
    )
    tab.report_year.setValue(2026)
    tab.report_part.setCurrentIndex(tab.report_part.findData("h1"))
    tab.print_work_report()
    assert jobs[0].action == "report.print"
    assert "2026年上半年" in jobs[0].title


def test_the_table_and_the_work_report_export_to_spreadsheets(
    main_window: MainFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    for kind in ("礼金", "礼金", "礼品"):
        regs.add("gifts", gift(kind=kind, value="800", disposition="kept_by_finance"))
    tab = w.module_tab("reports")
    assert isinstance(tab, StatisticsTab)
    tab.register.setCurrentIndex(tab.register.findData("gifts"))
    tab.rows.setCurrentIndex(tab.rows.findData("field:kind"))
    assert tab.export_button.isEnabled()
    out = tab.export_statistics_to(tmp_path / "礼品.xlsx")
    assert out == tmp_path / "礼品.xlsx"
    book = openpyxl.load_workbook(out)
    cells = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert cells[0][0] == "内部"
    assert {c[0]: c[1] for c in cells[3:6]} == {"礼金": 2, "礼品": 1, "合计": 3}
    assert "Written to" in tab.message.text() or "已写入" in tab.message.text()

    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.report_year.setValue(2026)
    tab.report_part.setCurrentIndex(tab.report_part.findData("h1"))
    (tmp_path / "work.csv").write_text("old", encoding="utf-8")
    assert tab.export_work_report_to(tmp_path / "work.csv") == tmp_path / "work.csv"
    assert asked  # the existing file was replaced only after the question
    text = (tmp_path / "work.csv").read_text(encoding="utf-8-sig")
    assert "2026年上半年" in text
    assert "本期登记礼品礼金（件）,3" in text

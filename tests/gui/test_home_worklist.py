"""The home tab as the day's work list: a line per deadline with its count, counted off the
GUI thread and again after a change; Enter on a line opens the module showing exactly those
items."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.approvals.tab import WAITING, ApprovalsTab
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.gui.shell.home import EXPIRY_LINE
from secrecy_desk.gui.shell.main_window import MainWindow
from tests.gui.conftest import MainFactory
from tests.support.data import drawing, gift
from tests.support.vault import OFFICER

OVERDUE = drawing(must_recall="是", issued_on="2026-02-01", due_on="2026-02-20")


def counted(qtbot: QtBot, w: MainWindow) -> dict[str, int]:
    qtbot.waitUntil(lambda: not w.home.counting(), timeout=10_000)
    return w.home.tally()


def row_of(w: MainWindow, key: str) -> int:
    table = w.home.table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            return row
    raise AssertionError(key)


def open_line(qtbot: QtBot, w: MainWindow, key: str) -> None:
    table = w.home.table
    w.tabs.setCurrentWidget(w.home)
    table.setFocus()
    table.setCurrentCell(row_of(w, key), 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)


def test_enter_on_a_line_opens_the_register_showing_exactly_its_entries(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    late = regs.add("drawings", OVERDUE).entry.number
    regs.add("drawings", drawing(drawing_no="XX-2026-040"))  # not due back
    regs.add(
        "gifts",
        gift(kind="礼金", value="800", received_on="2026-02-10", disposition="kept_by_finance"),
    )
    w.home.recount()
    figures = counted(qtbot, w)
    assert figures["drawings.recall_overdue"] == 1
    assert figures["gifts.hand_in_overdue"] == 1
    count_cell = w.home.table.item(row_of(w, "drawings.recall_overdue"), 1)
    assert count_cell is not None
    assert count_cell.text() == "1"

    open_line(qtbot, w, "drawings.recall_overdue")
    tab = w.tabs.currentWidget()
    assert isinstance(tab, RegisterTab)
    assert tab.spec.id == "drawings"
    assert tab.model.total == 1
    assert tab.model.entry(0).number == late
    assert tab._deadline_bar is not None
    assert tab._deadline_bar.isVisibleTo(tab)
    assert "图纸逾期未回收" in tab._deadline_bar.text()
    assert tab._deadline_all is not None
    tab._deadline_all.click()
    assert tab.model.total == 2
    assert not tab._deadline_bar.isVisibleTo(tab)


def test_a_change_anywhere_recounts_and_module_lines_open_their_tabs(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    before = counted(qtbot, w)["drawings.recall_overdue"]
    tab = w.register_tab("drawings")
    assert isinstance(tab, RegisterTab)
    tab.new_entry()
    tab.editor.apply_inputs(OVERDUE)
    assert tab.save()
    assert counted(qtbot, w)["drawings.recall_overdue"] == before + 1

    open_line(qtbot, w, "approvals.waiting")
    approvals = w.tabs.currentWidget()
    assert isinstance(approvals, ApprovalsTab)
    assert approvals.view_key() == WAITING
    assert row_of(w, EXPIRY_LINE) in (0, w.home.table.rowCount() - 1)

"""The carriers' GUI: the register tab takes the generic one's place and runs lifecycle steps on
the selected rows; the stocktake screen marks one item per scan (number + Enter) and says why a
scan is refused; the carrier desk lists a person's holdings (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.carriers.tab import CarrierDeskTab, CarrierRegisterTab, StepDialog
from secrecy_desk.modules.carriers.lifecycle import Carriers
from tests.gui.conftest import MainFactory
from tests.support.carriers import carrier, make_person
from tests.support.vault import OFFICER


def test_issue_several_rows_and_scan_them_in_a_stocktake(
    main_window: MainFactory, qtbot: QtBot
) -> None:
    w = main_window(OFFICER)
    desk = Carriers(w.ctx.registers)
    chen = make_person(w.ctx.registers, "陈静")
    numbers = [desk.register("carriers", carrier(location="柜9")).number for _ in range(3)]
    tab = w.module_tab("register:carriers")
    assert isinstance(tab, CarrierRegisterTab)
    tab.reload_list()
    tab.table.selectAll()
    shown: list[StepDialog] = []
    tab.open_dialog = shown.append  # type: ignore[method-assign,assignment]
    said: list[str] = []
    tab.message_box = lambda icon, title, text: said.append(text)  # type: ignore[method-assign]
    tab.step_actions["issueAction"].trigger()
    dialog = shown[0]
    holder = dialog.inputs["holder"]
    holder.setText(chen)  # type: ignore[attr-defined]
    dialog.submit()
    assert {desk.item(n).status for n in numbers} == {"issued"}
    # A step that does not apply is refused at the dialog, in one sentence.
    tab.table.selectAll()
    tab.step_actions["returnAction"].trigger()
    again = shown[1]
    again.inputs["checked_by"].setText("钱保密")  # type: ignore[attr-defined]
    again.submit()
    assert "无需归还" in again.message.text()
    assert not said

    desk_tab = w.module_tab("carriers")
    assert isinstance(desk_tab, CarrierDeskTab)
    page = desk_tab.stocktake
    page.scope.setCurrentIndex(page.scope.findData("location"))
    page.value.setText("柜9")
    page.open_stocktake()
    for number in numbers[:2]:
        QTest.keyClicks(page.scan, number.lower())
        QTest.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.scan.text() == ""
    QTest.keyClicks(page.scan, "ZT-2026-999999")
    QTest.keyClick(page.scan, Qt.Key.Key_Return)
    assert "不是台账上的" in page.feedback.text()
    assert page.takes.progress(page.current or "") == (2, 3)

    desk_tab.holdings.person.setText(chen)
    desk_tab.holdings.show_person()
    assert desk_tab.holdings.table.rowCount() == 3

"""The Commitments tab: a department taken from generation to archived paper, with reminders
when the tab opens, one print action for many people and the completeness report."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.commitments.tab import CommitmentsTab
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.modules.commitments.flow import ARCHIVED, PRINTED
from secrecy_desk.modules.personnel import lifecycle as L
from tests.gui.conftest import DialogExport, MainFactory
from tests.support.data import audit_rows, person, resident_id
from tests.support.vault import CLERK, OFFICER


def tab_of(w: MainWindow) -> CommitmentsTab:
    tab = w.module_tab("commitments")
    assert isinstance(tab, CommitmentsTab)
    return tab


def test_officer_takes_a_department_from_generation_to_archive(
    main_window: MainFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    numbers = []
    for i in range(6):
        raw = person(
            name=f"测试{i}",
            gender="男",
            id_number=resident_id(date(1985, 1, 1) + timedelta(days=i), female=False, serial=i),
            department="三室" if i < 5 else "四室",
            phone=f"137{i:08d}",
        )
        numbers.append(regs.add("personnel", raw).entry.number)
    L.transition(regs, numbers[5], L.IN_POST, on_date=w.ctx.clock.today(), reason="审查合格")
    tab = tab_of(w)
    # A page of the personnel group, after its registers.
    assert w.tabs.key_of(tab) == w.tabs.group_pages("personnel")[-1] == "commitments"
    w.tabs.setCurrentWidget(tab)
    assert "6" in tab.reminders.text()  # six people without a signed commitment

    printed = DialogExport(w.ctx, qtbot, tmp_path)
    tab.open_print = printed
    tab.who.setCurrentIndex(tab.who.findData("department"))
    tab.who_text.setText("三室")
    made = tab.generate()
    assert len(made) == 5
    assert tab.table.rowCount() == 5
    assert sorted(tab.selected()) == sorted(m.number for m in made)

    tab.print_button.click()  # one action for all five
    assert len(printed.made) == 1
    assert len(printed.made[0].printed) == 5  # one print register entry each
    reader = PdfReader(io.BytesIO(printed.made[0].pdf))
    assert len(reader.pages) == 10  # two copies each
    assert "涉密人员上岗保密承诺书" in (reader.pages[0].extract_text() or "")
    assert {tab.commitments.get(m.number).status for m in made} == {PRINTED}

    dialog = tab.signature_dialog(made[0].number)
    assert dialog is not None
    dialog.witness.setText("钱保密")
    dialog.personnel_copy.setText("人事处档案柜")
    dialog.secrecy_copy.setText("保密办档案柜")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    dialog.deleteLater()
    signed = tab.commitments.get(made[0].number)
    assert signed.status == ARCHIVED
    assert signed.secrecy_copy == "保密办档案柜"

    tab.refresh()
    assert "5" in tab.reminders.text()  # five still without a signed commitment
    tab.report_button.click()
    assert len(printed.made) == 2
    report = "".join(
        (p.extract_text() or "") for p in PdfReader(io.BytesIO(printed.made[1].pdf)).pages
    )
    assert "保密承诺书签订情况检查表" in report
    assert numbers[5] in report
    assert made[0].person not in report


def test_the_clerk_cannot_edit_clauses(main_window: MainFactory) -> None:
    w = main_window(CLERK)
    tab = tab_of(w)
    w.tabs.setCurrentWidget(tab)
    from secrecy_desk.gui.commitments.tab import ClausesDialog

    dialog = ClausesDialog(tab, "onboarding")
    dialog.text.setPlainText(dialog.text.toPlainText().replace("认真", "严格"))
    dialog.submit()
    assert dialog.message.text()  # refused: only the secrecy officer
    assert tab.commitments.clauses("onboarding").version == 1
    dialog.deleteLater()


def test_departure_through_the_status_dialog_shows_a_reminder(main_window: MainFactory) -> None:
    from secrecy_desk.gui.commitments.tab import TransitionDialog

    w = main_window(OFFICER)
    regs = w.ctx.registers
    number = regs.add("personnel", person(person_class="一般")).entry.number
    tab = tab_of(w)
    w.tabs.setCurrentWidget(tab)
    for target, reason in (("in_post", "审查合格"), ("disengaging", "辞职")):
        dialog = TransitionDialog(tab, number)
        dialog.target.setCurrentIndex(dialog.target.findData(target))
        dialog.reason.setText(reason)
        dialog.submit()
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
        dialog.deleteLater()
    entry = regs.get("personnel", number)
    today = w.ctx.clock.today()
    assert entry.status == "disengaging"
    assert entry.values["disengage_ends"] == date(today.year + 1, today.month, today.day)
    w.ctx.clock.advance(timedelta(days=350))  # type: ignore[attr-defined]
    tab.refresh()
    assert number in tab.reminders.text()
    assert "脱密期将于" in tab.reminders.text()


def test_the_completeness_report_exports_from_the_tab(
    main_window: MainFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    names = []
    for i in range(3):
        raw = person(
            name=f"导出{i}",
            gender="男",
            id_number=resident_id(date(1986, 1, 1) + timedelta(days=i), female=False, serial=i),
            department="五室",
            phone=f"136{i:08d}",
        )
        names.append(regs.add("personnel", raw).entry.number)
    tab = tab_of(w)
    assert tab.report_export.isEnabled()
    target = tmp_path / "承诺书.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    tab.report_export.click()
    book = openpyxl.load_workbook(target)
    cells = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert cells[0][0] == "内部"  # the marking in the first row
    listed = [str(r[1]) for r in cells[3:-1]]
    assert set(names) <= set(listed)
    assert all(v is not None and v != "" for r in cells[3:-1] for v in r)  # every column filled
    assert str(target) in tab.message.text()
    assert [r.details["report"] for r in audit_rows(w.ctx.session, "report.export")] == [
        "commitments"
    ]
    # Over an existing file only when the user says so.
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert tab.export_report_to(target) is None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert tab.export_report_to(target) == target


def test_the_clerk_cannot_export_the_report(main_window: MainFactory) -> None:
    assert not tab_of(main_window(CLERK)).report_export.isEnabled()

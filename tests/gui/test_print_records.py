"""When the one print dialog records a print: only when the print happened. Opening the
preview and closing it, a printer that refuses the pages, an export whose file cannot be
written — none of them adds a print register entry or a print audit record. Commitments
(the reported bug: letters recorded as printed before the preview appeared) and approvals go
through the same preview."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.approvals.tab import ApprovalsTab
from secrecy_desk.gui.commitments.tab import CommitmentsTab
from secrecy_desk.gui.common import print_dialog
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.print_dialog import (
    MakeJob,
    PrintDialog,
    PrintPaintError,
    make_draft,
    open_print_for_entry,
)
from secrecy_desk.modules.commitments.flow import GENERATED
from secrecy_desk.modules.registers import Query
from secrecy_desk.modules.registers import printouts as P
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.model import PRINTS
from secrecy_desk.records.printing import PrintJob
from tests.gui.conftest import LANG, MainFactory
from tests.support.approvals import CLERK, add_approvers
from tests.support.data import person
from tests.support.vault import OFFICER, VaultEnv

DRAWING = {
    "drawing_no": "XX-2026-031",
    "drawing_name": "总装图",
    "level": "机密",
    "receiver": "王五",
    "must_recall": "是",
    "due_on": "2026-04-01",
    "issued_on": "2026-03-01",
}
COPY = {
    "department": "保密办",
    "applicant_name": "赵录入",
    "drawing_no": "DZ-2026-017",
    "drawing_name": "雷达天线支架总图",
    "material": "纸质图纸",
    "level": "一般",
    "copies": "2",
    "purpose": "外协加工需要",
    "recipient": "某机械加工厂",
}
PRINT_ACTIONS = frozenset(
    {"entry.print", "register.print", "approval.print", "commitment.print", "print.export"}
)


def printed_so_far(ctx: AppContext) -> tuple[int, int]:
    """(print register entries, print and export audit records)."""
    prints = ctx.registers.count(PRINTS, Query(limit=None, include_voided=True))
    rows = ctx.session.vault.store.all("SELECT action FROM audit")
    return prints, sum(1 for (action,) in rows if action in PRINT_ACTIONS)


@pytest.fixture
def ctx(vault_env: VaultEnv, forms: Forms) -> Iterator[AppContext]:
    session = vault_env.login(OFFICER)
    try:
        yield AppContext(session, forms, open_registers(session, forms), LANG)
    finally:
        session.logout()


@pytest.fixture
def drawing_job(ctx: AppContext) -> MakeJob:
    number = ctx.registers.add("drawings", DRAWING).entry.number
    return lambda: P.entry_job(ctx.registers, "drawings", number, ctx.lang)


def dialog_for(ctx: AppContext, qtbot: QtBot, job: MakeJob) -> PrintDialog:
    dialog = PrintDialog(ctx, job, make_draft(ctx, job))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def close_preview_when_shown(seen: list[PrintDialog]) -> None:
    """Close the print dialog as soon as it is on screen, as a user who only looked."""

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PrintDialog) and widget.isVisible():
                seen.append(widget)
                widget.reject()
                return
        QTimer.singleShot(20, close)

    QTimer.singleShot(0, close)


def test_opening_and_closing_the_preview_records_nothing(
    ctx: AppContext, drawing_job: MakeJob, qtbot: QtBot
) -> None:
    before = printed_so_far(ctx)
    seen: list[PrintDialog] = []
    close_preview_when_shown(seen)
    number = drawing_job().documents[0].number
    assert open_print_for_entry(None, ctx, "drawings", number) == []
    assert len(seen) == 1, "the preview was shown"
    assert printed_so_far(ctx) == before


def test_a_printer_that_refuses_the_pages_records_nothing_and_says_so(
    ctx: AppContext, drawing_job: MakeJob, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(ctx, qtbot, drawing_job)
    before = printed_so_far(ctx)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "paper.pdf"))  # cannot open
    assert dialog.print_on(printer, "保密室-HP") is None
    assert printed_so_far(ctx) == before
    assert dialog.printouts == []
    assert "保密室-HP" in dialog.message.text()
    assert "未作任何登记" in dialog.message.text(), "it says nothing was recorded"


def test_a_paint_failure_midway_records_nothing(
    ctx: AppContext,
    drawing_job: MakeJob,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(_pdf: bytes, _printer: QPrinter, _dpi: int = 300) -> int:
        raise PrintPaintError("the printer refused a new page")

    monkeypatch.setattr(print_dialog, "paint_pdf", refuse)
    dialog = dialog_for(ctx, qtbot, drawing_job)
    before = printed_so_far(ctx)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    with qtbot.assertNotEmitted(ctx.bus.changed):
        assert dialog.print_on(printer) is None
    assert printed_so_far(ctx) == before
    assert "未作任何登记" in dialog.message.text()


def test_an_export_that_cannot_be_written_records_nothing(
    ctx: AppContext, drawing_job: MakeJob, qtbot: QtBot, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "sub" / "drawing.pdf"  # under a regular file: no one can create it
    dialog = dialog_for(ctx, qtbot, drawing_job)
    before = printed_so_far(ctx)
    with qtbot.assertNotEmitted(ctx.bus.changed):
        assert dialog.export_to(target) is None
    assert printed_so_far(ctx) == before
    assert not target.exists()
    assert dialog.printouts == []
    assert "未作任何登记" in dialog.message.text()
    assert str(target) in dialog.message.text()


def test_print_selected_commitments_records_nothing_when_the_preview_is_closed(
    main_window: MainFactory, qtbot: QtBot
) -> None:
    w = main_window(OFFICER)
    w.ctx.registers.add("personnel", person(department="五室"))
    tab = w.module_tab("commitments")
    assert isinstance(tab, CommitmentsTab)
    w.tabs.setCurrentWidget(tab)
    tab.who.setCurrentIndex(tab.who.findData("department"))
    tab.who_text.setText("五室")
    made = tab.generate()
    assert len(made) == 1
    before = printed_so_far(w.ctx)
    seen: list[PrintDialog] = []
    close_preview_when_shown(seen)
    with qtbot.assertNotEmitted(w.ctx.bus.changed):
        tab.print_button.click()  # 打印所选: the real dialog, closed without printing
    assert len(seen) == 1, "the letters were previewed first"
    assert printed_so_far(w.ctx) == before, "nothing is recorded before the print is made"
    assert tab.commitments.get(made[0].number).status == GENERATED


def test_commitments_printed_through_the_dialog_are_announced(
    main_window: MainFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    w = main_window(OFFICER)
    w.ctx.registers.add("personnel", person(department="五室"))
    tab = w.module_tab("commitments")
    assert isinstance(tab, CommitmentsTab)
    w.tabs.setCurrentWidget(tab)
    tab.who.setCurrentIndex(tab.who.findData("department"))
    tab.who_text.setText("五室")
    made = tab.generate()

    def job() -> PrintJob:
        return tab.commitments.print_job([m.number for m in made])

    dialog = PrintDialog(w.ctx, job, make_draft(w.ctx, job), tab)
    qtbot.addWidget(dialog)
    before = printed_so_far(w.ctx)
    expected = ({PRINTS}, {"commitments"})
    with qtbot.waitSignal(
        w.ctx.bus.changed,
        check_params_cb=lambda c, o: (c.registers, c.modules) == expected and o is tab,
    ):
        assert dialog.export_to(tmp_path / "letters.pdf") is not None
    prints, audits = printed_so_far(w.ctx)
    assert prints == before[0] + 1
    assert audits == before[1] + 2  # commitment.print and print.export


def test_approvals_print_through_the_preview_and_closing_it_records_nothing(
    vault_env: VaultEnv, qtbot: QtBot, forms: Forms
) -> None:
    add_approvers(vault_env)
    session = vault_env.login(CLERK)
    try:
        ctx = AppContext(session, forms, open_registers(session, forms), LANG)
        tab = ApprovalsTab(ctx)
        qtbot.addWidget(tab)
        tab.start_new("drawing_copy").apply_inputs(COPY)
        done = tab.submit()
        assert done is not None
        tab.select(done.number)
        before = printed_so_far(ctx)
        seen: list[PrintDialog] = []
        close_preview_when_shown(seen)
        tab.print_current()
        assert len(seen) == 1, "the approval table is previewed first"
        assert seen[0].draft.number == done.number
        assert printed_so_far(ctx) == before
    finally:
        session.logout()

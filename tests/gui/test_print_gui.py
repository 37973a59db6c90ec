"""The print dialog and the verify box over a real vault: the draft preview from bytes in
memory (never recorded, never on disk), the recorded print painted on a printer, reprint
reasons, the audited export to a PDF file, and verification codes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.print_dialog import (
    MakeJob,
    PrintDialog,
    make_draft,
    open_print_for_entry,
)
from secrecy_desk.gui.common.verify_dialog import RESULT_COLOURS, VerifyDialog, clean_code
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registers import printouts as P
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.codes import Match
from secrecy_desk.records.model import PRINTS
from tests.support.vault import OFFICER, VaultEnv

CODE = re.compile(r"验证码\s*[A-Z2-7]{4}-[A-Z2-7]{4}")
DRAWING = {
    "drawing_no": "XX-2026-031",
    "drawing_name": "总装图",
    "level": "机密",
    "receiver": "王五",
    "must_recall": "是",
    "due_on": "2026-04-01",
    "issued_on": "2026-03-01",
}
GIFT = {
    "recipient": "张三",
    "department": "一室",
    "kind": "礼品",
    "description": "茶叶两盒",
    "value": "300",
    "giver": "李四",
    "received_on": "2026-03-01",
}


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def prints_count(regs: Registers) -> int:
    return regs.count(PRINTS, Query(limit=None))


def audit_actions(ctx: AppContext) -> list[str]:
    rows = ctx.session.vault.store.all("SELECT action FROM audit ORDER BY seq")
    return [str(r[0]) for r in rows]


@pytest.fixture
def ctx(vault_env: VaultEnv, forms: Forms) -> Iterator[AppContext]:
    session = vault_env.login(OFFICER)
    try:
        yield AppContext(session, forms, open_registers(session, forms), "zh_CN")
    finally:
        session.logout()


@pytest.fixture
def drawing(ctx: AppContext) -> str:
    return ctx.registers.add("drawings", DRAWING).entry.number


def entry_job(ctx: AppContext, number: str) -> MakeJob:
    return lambda: P.entry_job(ctx.registers, "drawings", number, ctx.lang)


def list_job(ctx: AppContext, query: Query) -> MakeJob:
    return lambda: P.list_job(ctx.registers, "drawings", query, None, ctx.lang)


def dialog_for(ctx: AppContext, qtbot: QtBot, job: MakeJob) -> PrintDialog:
    dialog = PrintDialog(ctx, job, make_draft(ctx, job))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_preview_is_a_draft_from_memory_and_records_nothing(
    ctx: AppContext, drawing: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = tmp_path / "watched"
    watched.mkdir()
    monkeypatch.chdir(watched)
    monkeypatch.setenv("HOME", str(watched))
    monkeypatch.setenv("TMPDIR", str(watched))
    before_prints = prints_count(ctx.registers)
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    assert dialog.page_count > 0
    assert dialog.view.document() is not None
    assert dialog.view.document().pageCount() == dialog.page_count
    assert "机密★" in dialog.marking_label.text()
    assert drawing in dialog.windowTitle()
    texts = page_texts(dialog.draft.pdf)
    assert all("不得打印" in t for t in texts), "every draft page says it is not for printing"
    assert not any(CODE.search(t) for t in texts), "a draft carries no verification code"
    assert all("机密★" in t for t in texts)
    assert not dialog.reason.isVisible(), "a first print needs no reason"
    assert prints_count(ctx.registers) == before_prints, "a preview is not a print"
    assert "entry.print" not in audit_actions(ctx)
    assert "entry.view" in audit_actions(ctx), "opening a classified entry's preview is a view"
    dialog.reject()
    assert list(watched.iterdir()) == [], "no file in the working, home or temporary folder"


def test_print_paints_every_page_of_every_copy_and_records_the_printer(
    ctx: AppContext, drawing: str, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    dialog.copies.setValue(2)
    out = tmp_path / "paper.pdf"
    printer = pdf_printer(out)
    printout = dialog.print_on(printer, "保密室-HP")
    assert printout is not None
    expected = len(PdfReader(io.BytesIO(printout.pdf)).pages)
    assert expected == 2 * dialog.page_count or expected >= 2
    assert len(PdfReader(str(out)).pages) == expected, "one painted page per PDF page"
    assert printer.copyCount() == 1, "the PDF holds the copies; the printer prints it once"
    record = ctx.registers.get(PRINTS, printout.record, record_view=False)
    assert record.values["printer"] == "保密室-HP"
    assert record.values["copies"] == 2
    assert printout.record in dialog.message.text()
    assert printout.code in dialog.message.text()
    assert dialog.printouts == [printout]


def test_a_reprint_asks_for_a_reason(
    ctx: AppContext, drawing: str, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    assert dialog.print_on(pdf_printer(tmp_path / "first.pdf"), "p1") is not None
    # After the first print the preview is the reprint's: 补打 stamp and a reason field.
    assert dialog.draft.reprint
    assert dialog.reason.isVisible()
    assert "补打" in page_texts(dialog.draft.pdf)[0]
    records = prints_count(ctx.registers)
    assert dialog.print_on(pdf_printer(tmp_path / "second.pdf"), "p1") is None
    assert dialog.message.isVisible()
    assert prints_count(ctx.registers) == records, "refused before anything is recorded"
    assert not (tmp_path / "second.pdf").exists()
    dialog.reason.setText("原件污损")
    again = dialog.print_on(pdf_printer(tmp_path / "second.pdf"), "p1")
    assert again is not None
    assert again.reprint
    record = ctx.registers.get(PRINTS, again.record, record_view=False)
    assert record.values["reason"] == "原件污损"
    assert all("补打" in t for t in page_texts(again.pdf))


def test_a_reprint_opened_fresh_shows_the_reason_field(
    ctx: AppContext, drawing: str, qtbot: QtBot
) -> None:
    P.print_entry(ctx.registers, "drawings", drawing, printer="p")
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    assert dialog.draft.reprint
    assert dialog.reason.isVisible()
    assert "补打" in dialog.info.text()


def test_export_writes_the_file_and_records_it(
    ctx: AppContext, drawing: str, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    dialog.copies.setValue(3)
    written = dialog.export_to(tmp_path / "图纸登记")
    assert written == (tmp_path / "图纸登记.pdf").absolute()
    assert written.exists()
    printout = dialog.printouts[-1]
    assert written.read_bytes() == printout.pdf
    assert any(re.search(r"第\s*3\s*份\s*共\s*3\s*份", t) for t in page_texts(printout.pdf))
    record = ctx.registers.get(PRINTS, printout.record, record_view=False)
    assert record.values["printer"] == f"PDF文件 {written}"
    assert record.values["copies"] == 3
    assert "print.export" in audit_actions(ctx)
    assert str(written) in dialog.message.text()


def test_the_list_previews_every_matching_row_and_prints_with_the_highest_mark(
    ctx: AppContext, drawing: str, qtbot: QtBot, tmp_path: Path
) -> None:
    ctx.registers.add("drawings", {**DRAWING, "drawing_no": "XX-2026-032", "level": "一般"})
    dialog = dialog_for(ctx, qtbot, list_job(ctx, Query()))
    assert dialog.draft.rows == 2
    assert dialog.page_count >= 1
    assert dialog.draft.marking.startswith("机密★")
    written = dialog.export_to(tmp_path / "list.pdf")
    assert written is not None
    record = ctx.registers.get(PRINTS, dialog.printouts[-1].record, record_view=False)
    assert record.values["kind"] == "list"


def test_no_printer_says_so_and_records_nothing(
    ctx: AppContext, drawing: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(list))
    dialog = dialog_for(ctx, qtbot, entry_job(ctx, drawing))
    before = prints_count(ctx.registers)
    dialog.choose_printer()
    assert dialog.message.isVisible()
    assert "PDF" in dialog.message.text()
    assert prints_count(ctx.registers) == before


def test_a_refusal_before_the_preview_is_shown_as_a_message(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def warning(_parent: QWidget | None, _title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    assert open_print_for_entry(None, ctx, "drawings", "NO-SUCH-1") == []
    assert shown
    assert "NO-SUCH-1" in shown[0]


def verify(dialog: VerifyDialog, qtbot: QtBot, typed: str) -> None:
    dialog.code.clear()
    QTest.keyClicks(dialog.code, typed)
    dialog.verify()


def match_of(dialog: VerifyDialog) -> Match | None:
    return dialog.check.match if dialog.check is not None else None


def test_verify_tells_current_older_and_nothing(
    ctx: AppContext, drawing: str, qtbot: QtBot
) -> None:
    out = P.print_entry(ctx.registers, "drawings", drawing, printer="p")
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()

    verify(dialog, qtbot, out.code.replace("-", "").lower())
    assert dialog.code.text() == out.code, "typed lower case without the dash, shown as printed"
    assert match_of(dialog) is Match.CURRENT
    assert dialog.result_box.isVisible()
    assert out.record in dialog.detail.text()
    assert RESULT_COLOURS[Match.CURRENT][1] in dialog.result_box.styleSheet()

    # A handheld scanner types the page's QR code, key by key, as it reads it.
    verify(dialog, qtbot, f"SDV:{drawing}:{out.code}")
    assert match_of(dialog) is Match.CURRENT

    entry = ctx.registers.get("drawings", drawing, record_view=False)
    ctx.registers.edit("drawings", drawing, {"copies": "2"}, expected_revision=entry.revision)
    verify(dialog, qtbot, out.code)
    assert match_of(dialog) is Match.OLDER
    assert RESULT_COLOURS[Match.OLDER][1] in dialog.result_box.styleSheet()

    verify(dialog, qtbot, "ZZZZ-ZZZZ")
    assert match_of(dialog) is Match.NOTHING
    assert RESULT_COLOURS[Match.NOTHING][1] in dialog.result_box.styleSheet()
    assert "ZZZZ-ZZZZ" in dialog.detail.text()


def test_verify_a_list_and_an_incomplete_code(ctx: AppContext, drawing: str, qtbot: QtBot) -> None:
    out = P.print_list(ctx.registers, "drawings", Query(), printer="p")
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    verify(dialog, qtbot, out.code)
    assert match_of(dialog) is Match.LIST
    verify(dialog, qtbot, "K7QD")
    assert match_of(dialog) is None
    assert dialog.result_box.isVisible()
    assert "8" in dialog.detail.text()


def test_codes_are_read_in_the_code_alphabet() -> None:
    assert clean_code("k7qd-3m9x") == "K7QD-3M9X"
    assert clean_code("o0i1") == "OOII"

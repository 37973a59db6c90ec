"""The Approvals tab: a clerk fills and submits a request from the generated editor; the
department head finds it waiting, decides with the password again; the clerk records the
general manager's paper decision and prints the table to a PDF file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.approvals.tab import ALL, WAITING, ApprovalsTab, DecideDialog, PaperDialog
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.modules.approvals.engine import State
from secrecy_desk.modules.registry import open_registers
from tests.gui.conftest import LANG, DialogExport
from tests.support.approvals import CLERK, HEAD, OFFICER, add_approvers
from tests.support.vault import VaultEnv

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


@contextmanager
def tab_as(vault_env: VaultEnv, qtbot: QtBot, forms: Forms, login: str) -> Iterator[ApprovalsTab]:
    session = vault_env.login(login)
    try:
        tab = ApprovalsTab(AppContext(session, forms, open_registers(session, forms), LANG))
        qtbot.addWidget(tab)
        yield tab
    finally:
        session.logout()


def test_fill_submit_decide_paper_print(
    vault_env: VaultEnv, qtbot: QtBot, forms: Forms, tmp_path: Path
) -> None:
    add_approvers(vault_env)
    with tab_as(vault_env, qtbot, forms, CLERK) as tab:
        editor = tab.start_new("drawing_copy")
        editor.apply_inputs({**COPY, "copies": ""})
        assert tab.submit() is None  # copies is required: shown at the field, nothing saved
        assert tab.message.text()
        editor.apply_inputs(COPY)
        done = tab.submit()
        assert done is not None
        assert done.state is State.SUBMITTED
        number = done.number
        assert [r.number for r in tab.rows] == [number]
        # The list's state column is short enough for 1280 px (the step by number); the
        # step's title is in the tooltip and on the form.
        state = tab.table.item(0, 2)
        first = tab.approvals.spec("drawing_copy").steps[0].title(LANG)
        assert state.text().endswith("（第1步）"), state.text()
        assert first not in state.text()
        assert state.toolTip() == f"{state.text()[:-1]}：{first}）"
        assert tab.table.item(0, 4).text() == "赵录入"  # the applicant by name, not login
        # Beside the form at 1280 px the list needs no sideways scroll (the type elides).
        tab.resize(1280, 700)
        tab.show()
        qtbot.waitExposed(tab)
        assert tab.table.horizontalScrollBar().maximum() == 0
    with tab_as(vault_env, qtbot, forms, HEAD) as tab:
        assert tab.view_key() == WAITING
        assert [r.number for r in tab.rows] == [number]
        tab.select(number)
        assert tab.current is not None
        assert tab.decide_button.isEnabled()
        assert not tab.paper_button.isEnabled()
        dialog = tab.make_dialog(DecideDialog)
        assert isinstance(dialog, DecideDialog)
        assert dialog.windowTitle() == "审批", "the dialog's own texts are translated"
        assert dialog.ok_button.text() == "签署并记录"
        dialog.comment.setPlainText("同意复制")
        dialog.password.setText("wrong")
        dialog.submit()
        assert dialog.message.text()  # wrong password: nothing recorded
        dialog.password.setText(vault_env.passwords[HEAD])
        dialog.submit()
        assert dialog.result() == dialog.DialogCode.Accepted
        tab.refresh()
        assert tab.rows == []  # no longer waiting for the head
    with tab_as(vault_env, qtbot, forms, OFFICER) as tab:  # another clerk records the paper
        tab.view.setCurrentIndex(tab.view.findData(ALL))
        tab.select(number)
        assert tab.current is not None
        assert tab.current.step == 2
        paper = tab.make_dialog(PaperDialog)
        assert isinstance(paper, PaperDialog)
        assert paper.windowTitle() == "录入纸质签批"
        paper.signer.setText("吴总经理")
        paper.comment.setPlainText("同意（纸质）")
        paper.submit()
        assert paper.result() == paper.DialogCode.Accepted
        tab.refresh()
        tab.select(number)
        assert tab.current is not None
        assert tab.current.state is State.APPROVED
        assert "纸质" in tab.steps.toPlainText()
        # People by name on screen, never by login: the applicant, the recorder, the head.
        assert tab.editor is not None
        shown = tab.steps.toPlainText() + tab.editor.created_label.text()
        shown += tab.editor.updated_label.text()
        assert "赵录入" in shown
        assert "钱保密" in shown
        for login in (CLERK, OFFICER, HEAD):
            assert login not in shown, login
        printed = DialogExport(tab.ctx, qtbot, tmp_path)
        tab.open_print = printed
        tab.print_current()  # Ctrl+P: the one print dialog, exported to a PDF file
        assert len(printed.files) == 1
        assert printed.made[0].code in tab.message.text()
        text = "".join(p.extract_text() for p in PdfReader(printed.files[0]).pages)
        text = text.replace(" ", "").replace("\n", "")
        assert "申请部门负责人意见" in text
        assert "总经理审批意见" in text
        assert "同意复制" in text
        assert "同意（纸质）" in text

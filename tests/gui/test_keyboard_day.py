"""A clerk's day at the keyboard (issue 15 items 1, 2 and 4): one test per keyboard path —
into the list after Alt+number, Enter/F2 into the editor and Esc back, Tab out of the table,
Esc clearing the search, fields marked only once touched, the save banner's links, Ctrl+C,
Ctrl+V, fill-down, filters together, quick filters, a date range, the editor hidden, the
keys of actions the role may not use, Ctrl+L over a dialog, the clipboard, Help › Keyboard
shortcuts — and the keystroke count of one drawing issue."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from secrecy_desk.gui.common import clipboard
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.registers.paste import PasteDialog
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.gui.shell.shortcuts import ShortcutsDialog
from secrecy_desk.modules.registers import Query
from tests.gui.conftest import MainFactory
from tests.support.vault import CLERK, OFFICER, VaultEnv

LANG = "zh_CN"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
#: One drawing issue, from the home tab to saved, before this work: Alt+n, Tab, Tab (past the
#: tab bar's scroll button), Ctrl+N, Enter ×3, Down ×3, Enter ×2, Ctrl+S, and three fields typed.
KEYS_BEFORE = 13

TabFactory = Callable[..., RegisterTab]


def _add(env: VaultEnv, rows: list[dict[str, str]], login: str = OFFICER) -> list[str]:
    session = env.login(login)
    try:
        regs = env.registers(session)
        return [regs.add("drawings", row).entry.number for row in rows]
    finally:
        session.logout()


def drawing(n: int, **more: str) -> dict[str, str]:
    return {
        "drawing_no": f"DZ-{n:03d}",
        "drawing_name": f"安装图{n}",
        "level": "一般",
        "receiver": ["张伟", "陈明", "罗兰"][n % 3],
        "issued_on": f"2026-0{1 + n % 2}-1{n % 10}",
        **more,
    }


@pytest.fixture
def make_tab(vault_env: VaultEnv, qtbot: QtBot) -> Iterator[TabFactory]:
    sessions = []

    def make(login: str = CLERK, rows: int = 0) -> RegisterTab:
        if rows:
            _add(vault_env, [drawing(n) for n in range(rows)])
        session = vault_env.login(login)
        sessions.append(session)
        registers = vault_env.registers(session)
        tab = RegisterTab(
            AppContext(session, vault_env.forms, registers, LANG), vault_env.forms["drawings"]
        )
        qtbot.addWidget(tab)
        tab.resize(1366, 700)
        with qtbot.waitActive(tab):
            tab.show()
            tab.activateWindow()
        said: list[str] = []
        tab.said = said  # type: ignore[attr-defined]
        tab.message_box = lambda _i, _t, text: said.append(text)  # type: ignore[method-assign,assignment]
        tab.focus_list()
        return tab

    yield make
    for session in sessions:
        session.logout()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    target = focused()
    assert target is not None
    qtbot.keyClick(target, key, mods)


def test_one_drawing_issue_by_keyboard(main_window: MainFactory, qtbot: QtBot) -> None:
    """From the home tab: Alt+n lands in the list, so Ctrl+N works at once."""
    w = main_window(CLERK)
    with qtbot.waitActive(w):
        w.activateWindow()
    keys: list[str] = []

    def key(k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
        press(qtbot, k, mods)
        keys.append(str(k))

    def type_text(text: str) -> None:
        line = focused()
        assert isinstance(line, QLineEdit)
        line.insert(text)  # an input method commits the word: not counted as keys

    # Alt+2: the group 文件资料, whose first page is the drawing register.
    index = w.group_titles().index("文件资料")
    key(getattr(Qt.Key, f"Key_{index + 1}"), Qt.KeyboardModifier.AltModifier)
    tab = w.tabs.currentWidget()
    assert isinstance(tab, RegisterTab)
    assert tab.spec.id == "drawings"
    assert focused() is tab.table
    key(Qt.Key.Key_N, CTRL)
    assert not tab.editor.read_only
    type_text("DZ100-0001")
    key(Qt.Key.Key_Return)
    type_text("保密柜安装图")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)  # copies: 1
    for _ in range(3):
        key(Qt.Key.Key_Down)  # level: 一般
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)  # term: blank
    type_text("张伟")
    key(Qt.Key.Key_S, CTRL)
    assert tab.editor.entry is not None, tab.notice_plain()
    assert len(keys) == KEYS_BEFORE - 2 == 11
    # The next issue to the same receiver: Ctrl+N, Ctrl+Shift+D copies every field of the
    # one before; change the drawing number and save.
    key(Qt.Key.Key_N, CTRL)
    key(Qt.Key.Key_D, CTRL | SHIFT)
    assert tab.editor.inputs["receiver"].text() == "张伟"
    tab.editor.inputs["drawing_no"].set_text("DZ100-0002")
    key(Qt.Key.Key_S, CTRL)
    assert tab.editor.entry is not None, tab.notice_plain()
    assert tab.model.total == 2


def test_enter_f2_open_the_entry_and_esc_goes_back(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=3)
    assert focused() is tab.table
    press(qtbot, Qt.Key.Key_Down)
    row = tab.table.currentIndex().row()
    press(qtbot, Qt.Key.Key_Return)
    assert tab.editor.entry is not None
    assert tab.editor.entry.number == tab.model.entry(row).number
    first = next(iter(tab.editor.inputs.values())).focus
    assert focused() is first
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is tab.table
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_F2)
    assert focused() is first
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is tab.table


def test_tab_leaves_the_table(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=2)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not tab.table
    assert tab.table.currentIndex().column() == 0  # Tab did not walk the cells


def test_esc_clears_the_search_then_returns_to_the_list(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=3)
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is tab.search_box
    qtbot.keyClicks(tab.search_box, "DZ-001")
    tab.apply_search()
    assert tab.model.total == 1
    press(qtbot, Qt.Key.Key_Escape)
    assert tab.search_box.text() == ""
    assert tab.model.total == 3
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is tab.table


def test_untouched_fields_stay_unmarked_and_the_banner_links(
    qtbot: QtBot, make_tab: TabFactory
) -> None:
    tab = make_tab()
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert focused() is tab.editor.inputs["drawing_no"].focus
    press(qtbot, Qt.Key.Key_Tab)  # past the empty required 图号
    assert not tab.editor.error_text("drawing_no")
    press(qtbot, Qt.Key.Key_Return)  # past 图名 too
    assert not tab.editor.error_text("drawing_name")
    # A field typed in and left bad is marked as it is left.
    tab.editor.inputs["copies"].set_text("三份")
    tab.editor.focus_field("copies")
    press(qtbot, Qt.Key.Key_Return)
    assert tab.editor.error_text("copies")
    press(qtbot, Qt.Key.Key_S, CTRL)
    banner = tab.notice_plain()
    assert "请更正" in banner
    for label in ("图号", "图名", "份数", "密级", "接收者"):
        assert label in banner, label
    assert "drawing_no" not in banner
    assert "href='field:receiver'" in tab.notice_text.text()
    tab.notice_text.linkActivated.emit("field:receiver")
    assert focused() is tab.editor.inputs["receiver"].focus
    # After a tried save, leaving any field checks it.
    tab.editor.focus_field("remarks")
    press(qtbot, Qt.Key.Key_Tab)
    assert tab.editor.error_text("drawing_no")
    # An empty date field shows a format hint, not a date that looks like a value.
    hint = tab.editor.inputs["due_on"].focus
    assert isinstance(hint, QLineEdit)
    assert not any(c.isdigit() for c in hint.placeholderText())


def test_ctrl_c_copies_the_selected_rows_with_headings(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=3)
    press(qtbot, Qt.Key.Key_Down)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_C, CTRL)
    lines = clipboard.text().splitlines()
    assert lines[0].split("\t")[:3] == ["序号", "图号", "图名"]
    assert len(lines) == 3
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)
    numbers = {line.split("\t")[0] for line in lines[1:]}
    assert numbers == {e.number for e in tab.selected_entries()}


def test_ctrl_v_previews_and_adds_all_or_none(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab()
    answers: list[PasteDialog] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, PasteDialog)
        answers.append(dialog)
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    tab.run_dialog = run  # type: ignore[method-assign]
    sheet = (
        "图号\t图名\t份数\t密级\t接收者\t备注\r\n"
        "DZ-1\t总装图\t2\t一般\t张伟\t\r\n"
        'DZ-2\t部件图\t三\t一般\t陈明\t"两行\n备注"\r\n'
    )
    QGuiApplication.clipboard().setText(sheet)
    press(qtbot, Qt.Key.Key_V, CTRL)
    [dialog] = answers
    assert dialog.preview.rowCount() == 2
    assert "图号" in dialog.preview.horizontalHeaderItem(0).text()  # type: ignore[union-attr]
    assert tab.model.total == 0  # one bad row: none added
    assert dialog.problems.count() == 1
    problem = dialog.problems.item(0).text()
    assert "第 2 行" in problem
    assert "份数" in problem
    added = tab.paste_rows(sheet.replace("\t三\t", "\t3\t"))
    assert added == 2
    assert tab.model.total == 2
    remarks = {str(e.values.get("remarks") or "") for e in tab.registers.page("drawings", Query())}
    assert "两行\n备注" in remarks


def test_filters_together_quick_filters_and_a_date_range(
    qtbot: QtBot, make_tab: TabFactory, vault_env: VaultEnv
) -> None:
    tab = make_tab(rows=9)
    tab.registers.add("drawings", drawing(20, receiver="张伟", issued_on="2026-03-01"))
    assert tab.model.total == 9  # read before the clerk's own entry
    tab.reload_list()
    assert tab.model.total == 10
    tab.set_filter("receiver", "张伟")
    tab.set_filter("level", "一般")
    assert set(tab.composed_query().where) == {"receiver", "level"}
    assert tab.model.total == 4
    assert tab.chips.count() == 2
    # A quick filter on top (Ctrl+2: the second, "not recalled"; Ctrl+4: "entered by me").
    press(qtbot, Qt.Key.Key_4, CTRL)
    assert tab.quick_buttons["mine"].isChecked()
    assert tab.model.total == 1
    press(qtbot, Qt.Key.Key_4, CTRL)
    assert tab.model.total == 4
    assert tab.set_range("issued_on", "2026-01", "2026-02")
    assert all(
        str(tab.model.entry(r).values["issued_on"]) < "2026-03" for r in range(tab.model.rowCount())
    )
    assert not tab.set_range("issued_on", "去年", "")
    assert tab.filter_message.isVisible()
    press(qtbot, Qt.Key.Key_0, CTRL)
    assert tab.model.total == 10
    assert tab.chips.count() == 0
    # The home tab's way in: exactly these quick filters, everything else cleared.
    assert tab.show_filtered(quick=["not_recalled", "mine"])
    assert tab.model.total == 1
    assert focused() is tab.table
    with pytest.raises(KeyError):
        tab.show_filtered(quick=["no_such_filter"])


def test_the_editor_can_be_hidden(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=2)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert not tab._editor_pane.isVisible()
    qtbot.waitUntil(lambda: tab.table.width() > 1000, timeout=2000)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # opening an entry shows the editor again
    assert tab._editor_pane.isVisible()


def test_what_the_role_may_not_do_is_off_and_says_why(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(rows=1)
    for action in (tab.void_action, tab.export_action):
        assert not action.isEnabled()
        assert (
            "不能" in action.toolTip() or "不允许" in action.toolTip() or "无权" in action.toolTip()
        )
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Delete, CTRL)  # the key of 作废: nothing voided
    assert tab.editor.entry is not None
    assert not tab.editor.entry.voided


def test_ctrl_l_locks_over_a_dialog_and_clears_the_clipboard(
    main_window: MainFactory, qtbot: QtBot
) -> None:
    w = main_window(CLERK)
    clipboard.copy_text("机密的一行", sensitive=False)
    w.show_shortcuts()
    dialog = w.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog.table, Qt.Key.Key_L, CTRL)
    assert w.locked
    assert not dialog.isVisible()
    assert clipboard.text() == ""
    assert "程序已锁定" in w.lock_screen.findChildren(type(w.banner))[0].text() or any(
        "已锁定" in label.text() for label in w.lock_screen.findChildren(type(w.banner))
    )


def test_classified_rows_leave_the_clipboard(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(login=OFFICER, rows=0)
    _add_secret = tab.registers.add(
        "drawings", drawing(1, level="机密", must_recall="是", due_on="2026-06-01")
    )
    tab.reload_list()
    tab.focus_list()
    press(qtbot, Qt.Key.Key_Down)
    assert tab.copy_rows() == 1
    assert _add_secret.entry.number in clipboard.text()
    timer = clipboard._state["timer"]
    assert timer.interval() == clipboard.CLEAR_AFTER_MS  # type: ignore[attr-defined]
    timer.timeout.emit()  # type: ignore[attr-defined]  # the ten seconds are up
    assert clipboard.text() == ""


def test_f1_lists_every_key(main_window: MainFactory, qtbot: QtBot) -> None:
    w = main_window(CLERK)
    with qtbot.waitActive(w):
        w.activateWindow()
    qtbot.keyClick(w.tabs, Qt.Key.Key_F1)
    dialog = w.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    shown = "\n".join(dialog.keys())
    for keys in ("Ctrl+L", "Ctrl+N", "Enter, F2", "Ctrl+V", "Ctrl+D", "Ctrl+E", "Alt+1"):
        assert keys in shown, keys
    assert dialog.width() <= 1366
    assert dialog.height() <= 700
    help_menu = w.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    assert len(help_menu.actions()) >= 3  # shortcuts, About Qt, About
    dialog.reject()

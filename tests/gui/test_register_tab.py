"""The register tab end to end over a real vault: add (an error at the field first), edit,
conflict, void with a reason, search, filter, column chooser, Esc, history, drafts, import
and export on a worker thread."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLineEdit, QProgressDialog
from pytestqt.qtbot import QtBot

from secrecy_desk.core.collation import sort_key
from secrecy_desk.core.roles import Action
from secrecy_desk.gui.common import jobs
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.registers.history import HistoryDialog
from secrecy_desk.gui.registers.tab import DISCARD, STAY, RegisterTab
from secrecy_desk.modules.registers import Cancelled, Query
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.search import matches
from secrecy_desk.vault.prefs import get_pref
from tests.support.data import bulk_drawings
from tests.support.vault import CLERK, NAMES, OFFICER, VaultEnv

LANG = "zh_CN"


@pytest.fixture
def rv(vault_env: VaultEnv) -> VaultEnv:
    return vault_env


TabFactory = Callable[..., RegisterTab]


@pytest.fixture
def make_tab(rv: VaultEnv, qtbot: QtBot) -> Iterator[TabFactory]:
    """``make_tab(login=OFFICER, entries=0, register="drawings")``: a shown tab."""
    sessions = []

    def make(login: str = OFFICER, entries: int = 0, register: str = "drawings") -> RegisterTab:
        if entries:  # loaded by the officer: a clerk may not enter the 机密 ones
            loader = rv.login(OFFICER)
            try:
                bulk_drawings(rv.registers(loader), entries, batch=entries)
            finally:
                loader.logout()
        session = rv.login(login)
        sessions.append(session)
        registers = rv.registers(session)
        tab = RegisterTab(AppContext(session, rv.forms, registers, LANG), rv.forms[register])
        qtbot.addWidget(tab)
        tab.resize(1400, 800)
        with qtbot.waitActive(tab):
            tab.show()
            tab.activateWindow()
        tab.table.setFocus()
        said: list[str] = []
        tab.said = said  # type: ignore[attr-defined]  # what the tab told the user
        tab.message_box = lambda _icon, _title, text: said.append(text)  # type: ignore[method-assign,assignment]
        return tab

    yield make
    for session in sessions:
        session.logout()


def type_into(qtbot: QtBot, tab: RegisterTab, name: str, text: str) -> None:
    widget = tab.editor.inputs[name].focus
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        if text.isascii():
            qtbot.keyClicks(widget, text)
        else:  # QTest types only ASCII; an input method would commit the whole word
            widget.insert(text)
    else:
        tab.editor.inputs[name].set_text(text)


def select_row(qtbot: QtBot, tab: RegisterTab, row: int) -> None:
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_shows_problem_at_field_then_saves(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab()
    assert tab.model.total == 0
    assert "0" in tab.count_label.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.editor.is_new
    assert not tab.editor.read_only
    # A bad number of copies is reported as the user leaves the field.
    type_into(qtbot, tab, "copies", "三份")
    qtbot.keyClick(tab.editor.inputs["copies"].focus, Qt.Key.Key_Tab)
    assert tab.editor.error_text("copies")
    assert tab.editor.errors["copies"].isVisible()
    # Saving shows every problem at its own field.
    qtbot.keyClick(
        tab.editor.inputs["copies"].focus, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert tab.model.total == 0
    for name in ("drawing_no", "drawing_name", "level", "receiver", "copies"):
        assert tab.editor.error_text(name), name
    assert tab.notice.isVisible()
    # Fix them, using Enter to move on.
    type_into(qtbot, tab, "drawing_no", "DZ100-0001")
    qtbot.keyClick(tab.editor.inputs["drawing_no"].focus, Qt.Key.Key_Return)
    assert tab.editor.inputs["drawing_name"].focus.hasFocus()
    assert not tab.editor.error_text("drawing_no")
    type_into(qtbot, tab, "drawing_name", "保密柜安装图")
    type_into(qtbot, tab, "copies", "2")
    tab.editor.inputs["level"].set_text("SECRET")
    type_into(qtbot, tab, "receiver", "张伟")
    qtbot.keyClick(
        tab.editor.inputs["receiver"].focus, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert not tab.notice.isVisible(), tab.notice_text.text()
    assert tab.model.total == 1
    assert tab.model.rowCount() == 1
    entry = tab.editor.entry
    assert entry is not None
    assert entry.number == "TZFS-2026-0001"
    assert entry.marking == "机密★20年"
    assert tab.editor.number_label.text() == "TZFS-2026-0001"
    assert tab.table.currentIndex().row() == 0
    assert not tab.has_unsaved()


def test_edit_conflict_and_reload(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=30)
    select_row(qtbot, tab, 2)
    entry = tab.editor.entry
    assert entry is not None
    assert entry.number == tab.model.entry(2).number
    type_into(qtbot, tab, "receiver", "李四")
    assert tab.has_unsaved()
    assert tab.save_action.isEnabled()
    assert tab.save()
    saved = tab.editor.entry
    assert saved is not None
    assert saved.revision == entry.revision + 1
    assert tab.model.entry(2).values["receiver"] == "李四"
    assert tab.table.currentIndex().row() == 2
    # Someone else saves the same entry first.
    other = open_registers(tab.ctx.session, tab.ctx.forms)
    other.edit(
        "drawings", saved.number, {"remarks": "另一人修改"}, expected_revision=saved.revision
    )
    type_into(qtbot, tab, "receiver", "王五")
    assert not tab.save()
    assert tab.notice.isVisible()
    assert saved.number in tab.notice_text.text()
    assert tab.reload_button.isVisible()
    assert tab.editor.values()["receiver"] == "王五"  # the user's input is still there
    qtbot.mouseClick(tab.reload_button, Qt.MouseButton.LeftButton)
    fresh = tab.editor.entry
    assert fresh is not None
    assert fresh.revision == saved.revision + 1
    assert tab.editor.values()["remarks"] == "另一人修改"
    assert tab.editor.values()["receiver"] == "李四"
    assert not tab.notice.isVisible()


def test_escape_asks_before_dropping_changes(
    qtbot: QtBot, make_tab: TabFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(entries=5)
    select_row(qtbot, tab, 0)
    original = tab.editor.values()["receiver"]
    type_into(qtbot, tab, "receiver", "临时")
    answers = [STAY, DISCARD]
    monkeypatch.setattr(tab, "ask_unsaved", lambda: answers.pop(0))
    focus = tab.editor.inputs["receiver"].focus
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert tab.editor.values()["receiver"] == "临时"
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert tab.editor.values()["receiver"] == original
    assert not tab.has_unsaved()
    assert not answers


def test_void_with_reason_then_shown_struck_through(
    qtbot: QtBot, make_tab: TabFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(entries=12)
    total = tab.model.total
    select_row(qtbot, tab, 1)
    entry = tab.editor.entry
    assert entry is not None
    assert tab.void_action.isEnabled()
    monkeypatch.setattr(tab, "ask_void_reason", lambda _n: None)
    tab.void_action.trigger()
    assert tab.model.total == total  # gave up: nothing happened
    monkeypatch.setattr(tab, "ask_void_reason", lambda _n: "重复登记，作废")
    tab.void_action.trigger()
    assert tab.model.total == total - 1
    assert tab.model.row_of(entry.number) is None
    voided = tab.editor.entry
    assert voided is not None
    assert voided.voided
    assert tab.editor.read_only
    qtbot.mouseClick(tab.voided_toggle, Qt.MouseButton.LeftButton)
    assert tab.voided_toggle.isChecked()
    row = tab.model.row_of(entry.number)
    assert row is not None
    font = tab.model.data(tab.model.index(row, 1), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert tab.table.currentIndex().row() == row  # the voided entry stays selected


def test_search_two_chinese_characters(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=60)
    everything = tab.registers.page("drawings", Query(limit=None))
    spec = tab.spec
    expected = [
        e.number
        for e in everything
        if matches("保密", [e.display(spec, n, LANG) for n in spec.search])
    ]
    assert expected
    tab.focus_search()
    assert tab.search_box.hasFocus()
    for ch in "保密":  # as typed: the debounce waits for the second character
        tab.search_box.insert(ch)
    qtbot.waitUntil(lambda: tab.model.query.search == "保密", timeout=2000)
    assert tab.model.total == len(expected)
    shown = {tab.model.entry(r).number for r in range(tab.model.rowCount())}
    assert shown == set(expected)
    assert "条" in tab.count_label.text()
    tab.search_box.clear()
    qtbot.waitUntil(lambda: tab.model.query.search == "", timeout=2000)
    assert tab.model.total == len(everything)


def test_filter_bar(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=60)
    everything = tab.registers.page("drawings", Query(limit=None))
    tab.set_filter("level", "机密")
    secret = [e for e in everything if e.level.name == "SECRET"]
    assert tab.model.total == len(secret)
    assert all(tab.model.entry(r).level.name == "SECRET" for r in range(tab.model.rowCount()))
    assert tab.filter_clear.isEnabled()
    # Choice-like fields offer their values to pick.
    tab.filter_field.setCurrentIndex(tab.filter_field.findData("recalled"))
    assert tab.filter_value.count() == 2
    tab.filter_value.hidePopup()
    # A value that is not valid for the field says so and keeps the list.
    tab.set_filter("issued_on", "昨天")
    assert tab.filter_message.isVisible()
    assert tab.model.total == len(secret)
    qtbot.mouseClick(tab.filter_clear, Qt.MouseButton.LeftButton)
    assert tab.model.total == len(everything)
    assert not tab.filter_message.isVisible()


def test_sort_by_header_click(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=40)
    column = tab.model.columns.index("receiver")
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert tab.model.query.sort is not None
    assert tab.model.query.sort[0].name == "receiver"
    names = [str(tab.model.entry(r).values["receiver"]) for r in range(tab.model.rowCount())]
    # Names in pinyin order (陈 chén before 高 gāo before 何 hé), not by code point.
    assert names in (sorted(names, key=sort_key), sorted(names, key=sort_key, reverse=True))


def test_column_chooser_is_remembered(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=3)
    assert "remarks" in tab.model.columns
    remarks = next(a for a in tab.columns_menu.actions() if a.data() == "remarks")
    remarks.trigger()  # uncheck
    assert "remarks" not in tab.model.columns
    marking = next(a for a in tab.columns_menu.actions() if a.data() == "marking")
    marking.trigger()
    assert tab.model.columns[-1] == "marking"
    saved = get_pref(tab.ctx.session, "columns:drawings")
    assert saved == tab.model.columns
    again = RegisterTab(tab.ctx, tab.spec)
    qtbot.addWidget(again)
    assert again.model.columns == tab.model.columns


def test_history_shows_differences(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab(entries=3)
    select_row(qtbot, tab, 0)
    type_into(qtbot, tab, "receiver", "历史测试")
    assert tab.save()
    tab.history_action.trigger()
    dialog = tab.history_dialog
    assert isinstance(dialog, HistoryDialog)
    top = dialog.tree.topLevelItem(0)
    assert top is not None
    assert top.text(0) == "2"
    texts = [
        [top.child(i).text(c) for c in range(7)]  # type: ignore[union-attr]
        for i in range(top.childCount())
    ]
    assert any(row[4] == "接收者" and row[6] == "历史测试" for row in texts), texts
    dialog.close()


def test_the_editor_names_who_created_and_saved_the_entry(
    qtbot: QtBot, make_tab: TabFactory
) -> None:
    tab = make_tab(entries=2)
    select_row(qtbot, tab, 0)
    created = tab.editor.created_label.text()
    assert NAMES[OFFICER] in created
    assert OFFICER not in created, "people by name, never by login"
    type_into(qtbot, tab, "receiver", "改存测试")
    assert tab.save()
    assert NAMES[OFFICER] in tab.editor.updated_label.text()


def test_clerk_sees_permission_aware_buttons(make_tab: TabFactory) -> None:
    tab = make_tab(login=CLERK, entries=5)
    assert tab.can[Action.CREATE]
    assert not tab.can[Action.VOID]
    assert not tab.can[Action.EXPORT]
    assert not tab.export_action.isEnabled()
    assert tab.new_action.isEnabled()
    # A clerk with 秘密 clearance sees no 机密 or 绝密 drawings at all.
    levels = {tab.model.entry(r).level.name for r in range(tab.model.rowCount())}
    assert levels <= {"INTERNAL", "CONFIDENTIAL", "PUBLIC"}


def test_draft_round_trip(
    qtbot: QtBot, make_tab: TabFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(entries=4)
    assert tab.unsaved_draft() is None
    select_row(qtbot, tab, 0)
    entry = tab.editor.entry
    assert entry is not None
    type_into(qtbot, tab, "remarks", "锁屏前未保存")
    draft = tab.unsaved_draft()
    assert draft is not None
    assert draft["number"] == entry.number
    assert draft["revision"] == entry.revision
    # Another tab (after the locked session was closed and the clerk logged in again).
    again = RegisterTab(tab.ctx, tab.spec)
    qtbot.addWidget(again)
    again.restore_draft(draft)
    assert again.editor.values()["remarks"] == "锁屏前未保存"
    assert again.has_unsaved()
    assert again.save()
    saved = again.editor.entry
    assert saved is not None
    assert saved.values["remarks"] == "锁屏前未保存"
    # A draft of a new entry.
    monkeypatch.setattr(tab, "ask_unsaved", lambda: DISCARD)
    tab.new_entry()
    type_into(qtbot, tab, "drawing_name", "新草稿")
    draft = tab.unsaved_draft()
    assert draft is not None
    assert draft["number"] is None
    again.restore_draft(draft)
    assert again.editor.is_new
    assert again.editor.values()["drawing_name"] == "新草稿"


def test_export_and_import_on_worker(tmp_path: Path, make_tab: TabFactory) -> None:
    tab = make_tab(entries=25)
    total = tab.model.total
    written = tab.export_path(tmp_path / "drawings.csv")
    assert written is not None, tab.said  # type: ignore[attr-defined]
    # The name the user gave; the marking goes inside, in the first row.
    assert written == tmp_path / "drawings.csv"
    assert "机密" in written.read_text(encoding="utf-8-sig").splitlines()[0]
    good = tmp_path / "new.csv"
    good.write_text(
        "图号,图名,份数,密级,接收者,日期\n"
        "DZ900-0001,导引头组件（第1版）,1,一般,陈静,2026-02-01\n"
        "DZ900-0002,发射筒结构（第2版）,2,一般,杨帆,2026-02-02\n",
        encoding="utf-8",
    )
    assert tab.import_path(good) == 2
    assert tab.model.total == total + 2
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "图号,图名,份数,密级,接收者,日期\n"
        "DZ900-0003,好的一行,1,一般,陈静,2026-02-01\n"
        "DZ900-0004,坏的一行,很多,一般,杨帆,2026-02-02\n",
        encoding="utf-8",
    )
    assert tab.import_path(bad) is None
    assert tab.model.total == total + 2  # all or nothing
    assert "3" in tab.said[-1]  # type: ignore[attr-defined]  # the bad line is named
    assert not jobs.vault_busy()


def test_worker_cancel_leaves_nothing(qtbot: QtBot, make_tab: TabFactory) -> None:
    tab = make_tab()
    seen: list[int] = []

    def work(progress: Callable[[int, int], bool]) -> int:
        for i in range(5_000):
            seen.append(i)
            if not progress(i, 5_000):
                raise Cancelled()
            time.sleep(0.001)
        return 1

    def cancel() -> None:  # as if the user pressed 取消 (the dialog is not shown yet)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and not w.wasCanceled():
                w.canceled.emit()  # what its 取消 button sends

    QTimer.singleShot(100, cancel)
    with pytest.raises(Cancelled):
        jobs.run_job(work, progress=jobs.ProgressBox(tab, "…", "取消"))
    assert seen
    assert len(seen) < 5_000
    assert not jobs.vault_busy()


def test_ctrl_p_prints_the_selected_entry_or_else_the_list(
    qtbot: QtBot, make_tab: TabFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(
        "secrecy_desk.gui.common.print_dialog.open_print_for_entry",
        lambda _parent, _ctx, register, number: calls.append(("entry", (register, number))),
    )
    monkeypatch.setattr(
        "secrecy_desk.gui.common.print_dialog.open_print_for_list",
        lambda _parent, _ctx, register, query, columns: calls.append(
            ("list", (register, query.search, columns))
        ),
    )
    tab = make_tab(entries=3)
    tab.new_entry()
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls[-1][0] == "list", "no saved entry selected: the filtered list"
    tab.cancel_edit()
    select_row(qtbot, tab, 0)
    entry = tab.current_entry()
    assert entry is not None
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls[-1] == ("entry", ("drawings", entry.number))
    tab.search_box.setText("图")
    tab.apply_search()
    tab.print_list()
    kind, (register, search, columns) = calls[-1]  # type: ignore[misc]
    assert (kind, register, search) == ("list", "drawings", "图")
    assert all(c in ("number", "status") or tab.spec.has_field(c) for c in columns)


def test_the_print_register_is_read_only_in_the_tab(make_tab: TabFactory) -> None:
    tab = make_tab(register="prints")
    assert not tab.new_action.isEnabled()
    assert not tab.import_action.isEnabled()
    assert not tab.void_action.isEnabled()
    assert tab.print_list_action.isEnabled()


def test_an_existing_export_is_replaced_only_when_confirmed(
    tmp_path: Path, make_tab: TabFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(entries=3)
    first = tab.export_path(tmp_path / "drawings.csv")
    assert first is not None
    first.write_text("kept")
    asked: list[str] = []

    def answer(yes: bool) -> None:
        def confirm(text: str) -> bool:
            asked.append(text)
            return yes

        monkeypatch.setattr(tab, "confirm_replace", confirm)

    answer(False)
    assert tab.export_path(tmp_path / "drawings.csv") is None
    assert first.read_text() == "kept"
    assert asked
    assert first.name in asked[0]
    answer(True)
    assert tab.export_path(tmp_path / "drawings.csv") == first
    assert first.read_text() != "kept"

"""Operations say what changed and the main window passes it on: the home tab's figures, an
open register tab and the print register tab follow a save, a print or a status change made
anywhere, without a manual refresh — and never at the cost of the user's unsaved input."""

# pytest-qt's QtBot methods carry no annotations:
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.approvals.tab import ApprovalsTab
from secrecy_desk.gui.commitments.tab import PEOPLE_CHANGED, CommitmentsTab, TransitionDialog
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.print_dialog import PrintDialog, make_draft
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.registers import printouts as P
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.model import PRINTS
from secrecy_desk.records.printing import PrintJob, Printout
from tests.gui.conftest import LANG, MainFactory
from tests.gui.test_approvals_tab import COPY
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


def register_tab(w: MainWindow, register: str) -> RegisterTab:
    tab = w.register_tab(register)
    assert isinstance(tab, RegisterTab)
    return tab


def counted(qtbot: QtBot, w: MainWindow) -> dict[str, int]:
    qtbot.waitUntil(lambda: not w.home.counting(), timeout=10_000)
    return w.home.tally()


def test_changes_name_registers_prints_and_modules() -> None:
    printed = Changes.of(prints=True, modules={"commitments"})
    assert printed.prints
    assert printed.registers == {PRINTS}
    assert not Changes()
    assert Changes.of(registers={"drawings"}) | printed == Changes(
        frozenset({"drawings", PRINTS}), frozenset({"commitments"})
    )


def test_a_save_updates_the_home_tally_and_the_saving_tab_is_not_told(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    before = counted(qtbot, w)["drawings.recall_overdue"]
    tab = register_tab(w, "drawings")
    resets: list[int] = []
    tab.model.modelReset.connect(lambda: resets.append(1))
    tab.new_entry()
    tab.editor.apply_inputs({**DRAWING, "issued_on": "2026-02-01", "due_on": "2026-02-20"})
    expected = Changes.of(registers={"drawings"})
    with qtbot.waitSignal(
        w.ctx.bus.changed, check_params_cb=lambda c, o: c == expected and o is tab
    ):
        assert tab.save()
    assert counted(qtbot, w)["drawings.recall_overdue"] == before + 1, "no manual refresh"
    assert resets == [], "the tab that saved shows the entry itself and reads nothing again"


def test_a_print_from_the_dialog_shows_in_the_open_print_register_tab(
    qtbot: QtBot, main_window: MainFactory, tmp_path: Path
) -> None:
    w = main_window(OFFICER)
    number = w.ctx.registers.add("drawings", DRAWING).entry.number
    prints_tab = register_tab(w, PRINTS)
    before = prints_tab.model.total
    drawings_tab = register_tab(w, "drawings")

    def job() -> PrintJob:
        return P.entry_job(w.ctx.registers, "drawings", number, w.ctx.lang)

    dialog = PrintDialog(w.ctx, job, make_draft(w.ctx, job), drawings_tab)
    qtbot.addWidget(dialog)
    # A print names the print register and the module of the record printed (a register
    # entry belongs to the registers module); it was made from the drawings tab.
    expected = Changes(frozenset({PRINTS}), frozenset({"registers"}))
    with qtbot.waitSignal(
        w.ctx.bus.changed, check_params_cb=lambda c, o: c == expected and o is drawings_tab
    ):
        assert dialog.export_to(tmp_path / "drawing.pdf") is not None
    record = dialog.printouts[-1].record
    assert prints_tab.model.total == before + 1
    assert prints_tab.model.row_of(record) is not None, "the new print register entry is listed"


def test_the_print_register_tab_shows_its_own_list_print(
    main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    tab = register_tab(w, PRINTS)
    before = tab.model.total

    def printed(*_args: object) -> list[Printout]:  # the dialog, printing the list at once
        return [P.print_list(w.ctx.registers, PRINTS, tab.model.query, printer="p")]

    monkeypatch.setattr("secrecy_desk.gui.common.print_dialog.open_print_for_list", printed)
    tab.print_list()
    assert tab.model.total == before + 1, "the tab that printed reloads its own register"


def test_unsaved_input_survives_a_change_made_elsewhere(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    first = regs.add("drawings", DRAWING).entry.number
    tab = register_tab(w, "drawings")
    assert tab.open_entry(first)
    tab._select_number(first)
    tab.editor.apply_inputs({"drawing_name": "总装图（改）"})
    assert tab.has_unsaved()
    total = tab.model.total

    regs.add("drawings", {**DRAWING, "drawing_no": "XX-2026-032"})
    w.ctx.broadcast(Changes.of(registers={"drawings"}))  # as another view would
    assert tab.model.total == total + 1, "the list is read again"
    assert tab.has_unsaved()
    assert tab.editor.values()["drawing_name"] == "总装图（改）", "the typed input stays"
    assert tab.current_entry() is not None
    assert tab.current_entry().number == first  # type: ignore[union-attr]
    assert tab.table.currentIndex().row() == tab.model.row_of(first), "still selected"
    assert tab.save(), "and it saves as usual"

    tab.new_entry()
    tab.editor.apply_inputs({**DRAWING, "drawing_no": "XX-2026-033"})
    w.ctx.broadcast(Changes.of(registers={"drawings"}))
    assert tab.editor.is_new
    assert tab.editor.values()["drawing_no"] == "XX-2026-033", "a new entry's input stays"


def test_an_entry_shown_unedited_follows_a_change_made_elsewhere(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    regs = w.ctx.registers
    number = regs.add("drawings", DRAWING).entry.number
    tab = register_tab(w, "drawings")
    assert tab.open_entry(number)
    entry = regs.get("drawings", number, record_view=False)
    regs.edit("drawings", number, {"copies": "2"}, expected_revision=entry.revision)
    w.ctx.broadcast(Changes.of(registers={"drawings"}))
    shown = tab.current_entry()
    assert shown is not None
    assert shown.revision == entry.revision + 1
    assert not tab.has_unsaved()
    tab.editor.apply_inputs({"drawing_name": "再改"})
    assert tab.save(), "saved on the revision now shown: no conflict"


def test_a_status_change_in_the_commitments_tab_reaches_the_personnel_tab(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    number = w.ctx.registers.add("personnel", person(person_class="一般")).entry.number
    personnel = register_tab(w, L.PERSONNEL)
    counted(qtbot, w)
    tab = w.module_tab("commitments")
    assert isinstance(tab, CommitmentsTab)
    w.tabs.setCurrentWidget(tab)
    dialog = TransitionDialog(tab, number)
    dialog.target.setCurrentIndex(dialog.target.findData(L.IN_POST))
    dialog.reason.setText("审查合格")
    with qtbot.waitSignal(
        w.ctx.bus.changed, check_params_cb=lambda c, o: c == PEOPLE_CHANGED and o is tab
    ):
        dialog.submit()
    dialog.deleteLater()
    row = personnel.model.row_of(number)
    assert row is not None
    assert personnel.model.entry(row).status == L.IN_POST, "the open personnel tab follows"


def test_a_tab_not_built_yet_is_left_alone(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(OFFICER)
    assert "register:gifts" not in w.module_tabs
    w.ctx.broadcast(Changes.of(registers={"gifts"}, prints=True))
    assert "register:gifts" not in w.module_tabs, "a broadcast builds nothing"


def test_the_approvals_tab_keeps_a_request_being_filled_across_a_change(
    vault_env: VaultEnv, qtbot: QtBot, forms: Forms
) -> None:
    add_approvers(vault_env)
    session = vault_env.login(CLERK)
    try:
        tab = ApprovalsTab(AppContext(session, forms, open_registers(session, forms), LANG))
        qtbot.addWidget(tab)
        done = tab.start_new("drawing_copy")
        done.apply_inputs(COPY)
        submitted = tab.submit()
        assert submitted is not None
        editor = tab.start_new("drawing_copy")
        editor.apply_inputs({**COPY, "purpose": "尚未保存"})
        tab.apply_changes(Changes.of(prints=True, modules={"approvals"}))
        assert tab.new_form == "drawing_copy"
        assert tab.editor is editor
        assert editor.values()["purpose"] == "尚未保存", "the unsaved request stays"
        assert [r.number for r in tab.rows] == [submitted.number], "the list is read again"

        tab.select(submitted.number)
        tab.apply_changes(Changes.of(modules={"approvals"}))
        assert tab.current is not None
        assert tab.current.number == submitted.number, "the request shown stays shown"
    finally:
        session.logout()

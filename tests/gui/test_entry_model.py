"""The register table model over a real vault: Qt's model tester, a bounded window of pages
read by keyset, server-side sort, stale pages dropped, voided and flagged rows marked."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from secrecy_desk.core.collation import sort_key
from secrecy_desk.gui.common.aside import Asides
from secrecy_desk.gui.registers import model as model_mod
from secrecy_desk.gui.registers.model import (
    ENTRY_ROLE,
    MARKING,
    OVERDUE_COLOR,
    PAGE_SIZE,
    VOID_COLOR,
    EntryTableModel,
)
from secrecy_desk.modules.registers import Entry, Query, Registers
from tests.support.data import bulk_drawings
from tests.support.vault import OFFICER, VaultEnv

N = 450  # more than two pages


@pytest.fixture
def registers(vault_env: VaultEnv) -> Iterator[Registers]:
    session = vault_env.login(OFFICER)
    regs = vault_env.registers(session)
    bulk_drawings(regs, N, batch=N)
    yield regs
    session.logout()


def make_model(registers: Registers, **kw: Any) -> EntryTableModel:
    model = EntryTableModel(registers, registers.spec("drawings"), "zh_CN", **kw)
    model.reload()
    return model


def test_model_tester(qtmodeltester: Any, registers: Registers) -> None:
    model = make_model(registers, columns=[*registers.spec("drawings").listing.columns, MARKING])
    qtmodeltester.check(model, force_py=True)


def test_rows_are_a_bounded_window(registers: Registers, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every matching entry has its row from the start; pages are read as rows are shown, by
    keyset from a neighbour, and only a few pages are held however far the list is read."""
    monkeypatch.setattr(model_mod, "WINDOW_PAGES", 2)
    model = make_model(registers)
    total = registers.count("drawings", Query())
    assert model.total == total == model.rowCount()
    assert model.held_rows == PAGE_SIZE
    expected = [e.number for e in registers.page("drawings", Query(limit=None))]
    assert [model.entry(r).number for r in range(total)] == expected
    assert model.held_rows <= 2 * PAGE_SIZE
    # Read again from the end, upwards: the pages dropped are read again the same.
    assert [model.entry(r).number for r in reversed(range(total))] == expected[::-1]
    assert model.held_rows <= 2 * PAGE_SIZE


def test_jump_to_the_end_and_into_the_middle(registers: Registers) -> None:
    expected = [e.number for e in registers.page("drawings", Query(limit=None))]
    model = make_model(registers)
    assert model.entry(len(expected) - 1).number == expected[-1]
    middle = PAGE_SIZE + 17
    fresh = make_model(registers)
    assert fresh.entry(middle).number == expected[middle]
    assert fresh.entry(middle + PAGE_SIZE).number == expected[middle + PAGE_SIZE]
    assert fresh.entry(middle - PAGE_SIZE).number == expected[middle - PAGE_SIZE]


def test_first_page_before_the_count(registers: Registers, qtbot: Any) -> None:
    """With ``asides`` the first page is there before the count; the rest of the rows come
    with the count, made on a connection of its own and delivered from the event loop."""
    model = EntryTableModel(registers, registers.spec("drawings"), "zh_CN")
    model.asides = Asides()
    counts: list[int] = []
    started: list[bool] = []
    model.countChanged.connect(counts.append)
    model.countStarted.connect(lambda: started.append(True))
    model.reload()
    assert model.rowCount() == PAGE_SIZE
    assert not counts
    assert started == [True]
    qtbot.waitUntil(lambda: bool(counts))
    assert counts == [N]
    assert model.rowCount() == N
    assert not model.counting
    assert registers.session.vault.asides.open_count == 0


def test_an_entry_added_while_counting_is_counted(registers: Registers, qtbot: Any) -> None:
    """A count running when a new entry is shown counts again (its snapshot lacked it)."""
    model = EntryTableModel(registers, registers.spec("drawings"), "zh_CN")
    model.asides = Asides()
    counts: list[int] = []
    model.countChanged.connect(counts.append)
    model.reload()
    bulk_drawings(registers, 1, seed=99, batch=1)
    added = registers.page("drawings", Query(limit=1))[0]
    model.insert_entry(added)
    qtbot.waitUntil(lambda: not model.counting)
    assert counts[-1] == N + 1
    assert model.rowCount() == N + 1


def test_sort_is_server_side(registers: Registers) -> None:
    model = make_model(registers)
    column = model.columns.index("receiver")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    everything = registers.page("drawings", Query(limit=None))
    names = [str(e.values["receiver"]) for e in everything]
    # Names in pinyin order, not by code point (core.collation).
    assert model.data(model.index(0, column)) == max(names, key=sort_key)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, column)) == min(names, key=sort_key)
    model.sort(-1)
    assert model.query.sort is None


def test_stale_page_is_dropped(registers: Registers, monkeypatch: pytest.MonkeyPatch) -> None:
    model = make_model(registers)
    real_page = registers.page

    def page_then_requery(register: str, query: Query) -> list[Entry]:
        rows = real_page(register, query)
        if query.after is not None or query.offset:
            monkeypatch.setattr(registers, "page", real_page)
            model.set_query(search="张伟")  # the query changes while this page was read
        return rows

    monkeypatch.setattr(registers, "page", page_then_requery)
    assert model.entry_at(PAGE_SIZE + 1) is None, "the page read for the old query is dropped"
    assert model.query.search == "张伟"
    assert all("张伟" in str(model.entry(r).values["receiver"]) for r in range(model.rowCount()))


def test_void_and_flag_marks(registers: Registers) -> None:
    model = make_model(registers, columns=["number", "drawing_name", MARKING])
    everything = registers.page("drawings", Query(limit=None))
    overdue = next(e for e in everything if any(f.kind == "overdue" for f in e.flags))
    victim = everything[0]
    registers.void("drawings", victim.number, "登记重复", expected_revision=victim.revision)
    model.set_query(include_voided=True, where={"receiver": str(overdue.values["receiver"])})
    row = model.row_of(overdue.number)
    assert row is not None
    brush = model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    assert brush.color() == OVERDUE_COLOR
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
    tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "逾期" in tip or "overdue" in tip.lower()
    assert model.data(model.index(row, 2)) == overdue.marking

    model.set_query(where={"receiver": str(victim.values["receiver"])})
    row = model.row_of(victim.number)
    assert row is not None
    font = model.data(model.index(row, 1), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    brush = model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == VOID_COLOR
    assert "登记重复" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    entry = model.data(model.index(row, 0), ENTRY_ROLE)
    assert isinstance(entry, Entry)
    assert entry.voided

    model.set_query(include_voided=False)
    assert model.row_of(victim.number) is None

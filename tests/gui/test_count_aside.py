"""A register's count is made aside: the first page paints and the window answers while a
slow count runs on a connection of its own; a newer search shows its own count, never the
older one; a lock or a logout during a count neither hangs nor leaves a connection open.

The count is made slow deterministically: every reading connection opened aside gets a
SQLite progress handler that holds the statement inside SQLite until the test opens the
:class:`Gate` (a cancel opens it too, so a stopped read always ends)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from secrecy_desk.core.errors import VaultError
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.registers.model import PAGE_SIZE
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.vault import audit_review, db
from secrecy_desk.vault.aside import AsideRead
from tests.gui.conftest import MainFactory
from tests.support.data import bulk_drawings
from tests.support.vault import AUDITOR, OFFICER, VaultEnv

LANG = "zh_CN"
N = 700  # more than three pages
REGISTER = "drawings"
#: A held count lets go after this long whatever happens (only a broken build gets there).
SAFETY_S = 8.0


class Gate:
    """Holds every count inside SQLite until :meth:`open` (or a cancel) lets it go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._open = threading.Event()
        self.entered = threading.Event()  # a count is inside SQLite now
        self.asides = 0
        real_open = db.open_database
        real_cancel = AsideRead.cancel

        def opening(path: Path, key: bytes, **kw: Any) -> db.Store:
            store = real_open(path, key, **kw)
            if kw.get("read_only"):
                self.asides += 1
                store.set_progress_handler(self._hold, 20)
            return store

        def cancel(read: AsideRead) -> None:
            real_cancel(read)  # interrupted first, then let go: it ends at its next step
            self._open.set()

        monkeypatch.setattr(db, "open_database", opening)
        monkeypatch.setattr(AsideRead, "cancel", cancel)

    def _hold(self) -> int:
        self.entered.set()
        self._open.wait(SAFETY_S)
        return 0

    def hold_here(self, work: Callable[..., Any]) -> Callable[..., Any]:
        """``work`` held at the gate too (a count made on the window's thread)."""

        def held(*args: Any, **kw: Any) -> Any:
            self.entered.set()
            self._open.wait(SAFETY_S)
            return work(*args, **kw)

        return held

    def open(self) -> None:
        self._open.set()


@pytest.fixture
def seeded(vault_env: VaultEnv) -> VaultEnv:
    loader = vault_env.login(OFFICER)
    try:
        bulk_drawings(vault_env.registers(loader), N, batch=N)
    finally:
        loader.logout()
    return vault_env


@pytest.fixture
def tab(seeded: VaultEnv, qtbot: QtBot) -> Iterator[RegisterTab]:
    session = seeded.login(OFFICER)
    registers = seeded.registers(session)
    tab = RegisterTab(AppContext(session, seeded.forms, registers, LANG), seeded.forms[REGISTER])
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    with qtbot.waitExposed(tab):
        tab.show()
    qtbot.waitUntil(lambda: not tab.model.counting)  # its first count, before any gate
    yield tab
    tab.ctx.asides.end()
    session.logout()


def search(tab: RegisterTab, text: str) -> None:
    tab.search_box.setText(text)
    tab.apply_search()  # what the debounce timer calls


@pytest.fixture
def ticks() -> Iterator[list[int]]:
    """A 10 ms timer on the window's thread: its ticks show the thread answers events."""
    seen: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen.append(1))
    timer.start()
    yield seen
    timer.stop()


def shown_counts(tab: RegisterTab) -> list[int]:
    counts: list[int] = []
    tab.model.countChanged.connect(counts.append)
    return counts


def many_hits(registers: Registers) -> tuple[str, int, str, int]:
    """Two searches with more than a page of hits each, and different counts."""
    first, second = "图", "第3版"
    a = registers.count(REGISTER, Query(search=first))
    b = registers.count(REGISTER, Query(search=second))
    if b <= PAGE_SIZE or a == b:
        second, b = "", registers.count(REGISTER, Query())
    assert a > PAGE_SIZE
    assert b > PAGE_SIZE
    assert a != b
    return first, a, second, b


def test_the_first_page_paints_and_the_window_answers_while_the_count_runs(
    tab: RegisterTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, ticks: list[int]
) -> None:
    text, hits, _other, _n = many_hits(tab.registers)
    gate = Gate(monkeypatch)
    # Were the count made on the window's thread, it would be held there (and fail below).
    monkeypatch.setattr(tab.registers, "count", gate.hold_here(tab.registers.count))
    painted: list[int] = []
    display = tab.model.data

    def watched(index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            painted.append(index.row())
        return display(index, role)

    monkeypatch.setattr(tab.model, "data", watched)
    counts = shown_counts(tab)
    search(tab, text)
    assert tab.model.rowCount() == PAGE_SIZE  # the first page, before any count
    qtbot.waitUntil(gate.entered.is_set)
    start = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= start + 10 and bool(painted), timeout=4000)
    # The window's thread painted the first page and ran its timer with the count held.
    assert not counts
    assert tab.model.counting
    assert tab.count_label.text() == "计数中…"
    assert max(painted) < PAGE_SIZE
    gate.open()
    qtbot.waitUntil(lambda: bool(counts))
    assert counts == [hits]
    assert tab.model.rowCount() == hits
    assert f"{hits:,}" in tab.count_label.text()
    assert tab.ctx.session.vault.asides.open_count == 0  # its connection closed


def test_a_new_search_during_a_count_shows_its_count_never_the_old(
    tab: RegisterTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _a, second, b = many_hits(tab.registers)
    gate = Gate(monkeypatch)
    counts = shown_counts(tab)
    search(tab, first)
    qtbot.waitUntil(gate.entered.is_set)
    assert tab.model.counting
    search(tab, second)  # the older count is cancelled (which lets the gate open)
    qtbot.waitUntil(lambda: bool(counts))
    qtbot.wait(50)  # anything late from the first count would arrive now: it must not
    assert counts == [b]
    assert tab.model.rowCount() == b
    assert f"{b:,}" in tab.count_label.text()
    qtbot.waitUntil(lambda: tab.ctx.session.vault.asides.open_count == 0)


def test_a_count_that_cannot_open_its_connection_is_made_here(
    tab: RegisterTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading connection fails (not a lock): the count is made on the window's thread,
    as before; no traceback, no wrong figure."""
    text, hits, _other, _n = many_hits(tab.registers)
    real_open = db.open_database

    def failing(path: Path, key: bytes, **kw: Any) -> db.Store:
        if kw.get("read_only"):
            raise VaultError("The vault is busy in another program; nothing was saved. Try again.")
        return real_open(path, key, **kw)

    monkeypatch.setattr(db, "open_database", failing)
    counts = shown_counts(tab)
    search(tab, text)
    qtbot.waitUntil(lambda: bool(counts))
    assert counts == [hits]
    assert f"{hits:,}" in tab.count_label.text()


def test_lock_during_a_count_closes_its_connection_and_unlock_counts_again(
    seeded: VaultEnv, qtbot: QtBot, main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    w.show_register(REGISTER)
    tab = w.register_tab(REGISTER)
    assert isinstance(tab, RegisterTab)
    text, hits, _other, _n = many_hits(tab.registers)
    qtbot.waitUntil(lambda: not tab.model.counting)  # the tab's first count is not held
    gate = Gate(monkeypatch)
    counts = shown_counts(tab)
    search(tab, text)
    qtbot.waitUntil(gate.entered.is_set)
    w.lock()  # returns: the held count is interrupted, its connection closed
    assert w.locked
    assert w.session.vault.asides.open_count == 0
    assert w.ctx.asides.running == 0
    qtbot.wait(50)
    assert not counts  # nothing arrived for the locked window
    w.lock_screen.password.setText(seeded.passwords[OFFICER])
    w.lock_screen.try_unlock()
    assert not w.locked
    qtbot.waitUntil(lambda: bool(counts))
    assert counts == [hits]
    assert f"{hits:,}" in tab.count_label.text()
    assert gate.asides == 2  # counted again after the unlock, on a new connection


def test_logout_during_a_count_leaves_the_vault_free(
    seeded: VaultEnv, qtbot: QtBot, main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = main_window(OFFICER)
    w.show_register(REGISTER)
    tab = w.register_tab(REGISTER)
    assert isinstance(tab, RegisterTab)
    text, _hits, _other, _n = many_hits(tab.registers)
    qtbot.waitUntil(lambda: not tab.model.counting)  # the tab's first count is not held
    gate = Gate(monkeypatch)
    counts = shown_counts(tab)
    search(tab, text)
    qtbot.waitUntil(gate.entered.is_set)
    vault = w.session.vault
    with qtbot.waitSignal(w.ended):
        w.logout()
    assert vault.closed
    assert vault.asides.open_count == 0
    qtbot.wait(50)
    assert not counts
    again = seeded.login(OFFICER)  # the vault's lock was let go
    try:
        assert again.vault.store.scalar("SELECT count(*) FROM entries") >= N
    finally:
        again.logout()


def test_the_audit_trail_counted_during_a_lock_is_counted_again_at_the_unlock(
    seeded: VaultEnv, qtbot: QtBot, main_window: MainFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The auditor's list counts through the same :class:`CountAside` as a register's: the
    lock stops a held count and closes its connection, nothing arrives while locked, and the
    unlock counts again on a new connection."""
    w = main_window(AUDITOR)
    tab = w.audit_tab
    model = tab.model
    qtbot.waitUntil(lambda: not model.counting)  # the tab's first count is not held
    gate = Gate(monkeypatch)
    tab.by_date.setChecked(False)
    tab.search()
    qtbot.waitUntil(gate.entered.is_set)
    assert model.counting
    assert model.total is None
    w.lock()
    assert w.session.vault.asides.open_count == 0
    assert w.ctx.asides.running == 0
    qtbot.wait(50)
    assert model.total is None  # nothing arrived for the locked window
    w.lock_screen.password.setText(seeded.passwords[AUDITOR])
    w.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: model.total is not None)
    shown = replace(model.filter, before=model.rows[0].seq + 1)  # up to the newest shown
    assert model.total == audit_review.count_records(w.session, shown) > 0
    assert tab.count_label.text() == f"共 {model.total} 条记录"
    assert gate.asides == 2  # counted again after the unlock, on a new connection

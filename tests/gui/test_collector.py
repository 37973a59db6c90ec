"""Cycles are collected on the GUI thread only, from its event loop (``gui.common.collector``):
a cycle made on a worker thread is freed on the GUI thread, never on the worker."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from secrecy_desk.gui.common.collector import INTERVAL_MS, GuiCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_a_cycle_made_on_a_worker_thread_is_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    # The session's collector (tests/gui/conftest.py) runs as the application's does.
    assert not gc.isenabled()
    gui_thread = threading.get_ident()
    freed_on: list[int] = []
    kept: list[list[_Node]] = []

    def make_garbage() -> None:
        for _ in range(3):
            a, b = _Node(), _Node()
            a.other, b.other = b, a  # a cycle: only the collector frees it
            weakref.finalize(a, lambda: freed_on.append(threading.get_ident()))
        # enough objects made (and kept) on this thread to pass every automatic threshold
        kept.append([_Node() for _ in range(100_000)])

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    assert freed_on == []  # nothing collected on the worker
    qtbot.waitUntil(lambda: len(freed_on) == 3, timeout=20 * INTERVAL_MS)
    assert set(freed_on) == {gui_thread}


def test_stopping_gives_back_automatic_collection_as_it_was(qtbot: QtBot) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        collector = GuiCollector()
        collector.start()
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()

"""Run a slow, self-contained step (Argon2 unlock, vault creation) with a busy cursor.

The step runs in a worker thread while a local event loop keeps the window painted; the
caller disables its inputs first, so nothing else can start meanwhile. The result (or the
exception) comes back to the caller as if the call had been made directly. The database
connection tolerates being created in that thread (``check_same_thread=False``) and is only
ever used by one thread at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication

T = TypeVar("T")
_POLL_MS = 15
_running: list[threading.Thread] = []


def is_busy() -> bool:
    """True while a step runs: the session's database is in use by the worker thread."""
    return bool(_running)


def run_busy(step: Callable[[], T]) -> T:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = step()
        except BaseException as exc:  # handed back to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="secrecy-desk-busy", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(_POLL_MS)
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    _running.append(worker)
    try:
        worker.start()
        timer.start()
        if worker.is_alive():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.join()
    finally:
        _running.remove(worker)
        timer.stop()
        QGuiApplication.restoreOverrideCursor()
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return outcome["value"]  # type: ignore[return-value]  # set by the worker when no error

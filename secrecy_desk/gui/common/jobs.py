"""Long work off the GUI thread: one runner, one notion of "the vault is busy".

The vault has one database connection, used by one thread at a time. :func:`run_job` runs a
step (an Argon2 unlock, creating a vault, an import, a check of the audit chain) on a worker
thread while a local event loop keeps the window painted, and hands back its result — or
raises its exception — on the GUI thread, as if the call had been made directly. While it
runs, :func:`vault_busy` is true, and everything the event loop may still run (a debounced
search, the idle lock, the home tab's counting) waits for it to end.

A step runs one of two ways:

* **busy** (the default): a wait cursor, user input held back by the local loop; the caller
  disables its own inputs first. For steps of a second or two that cannot be cancelled.
* **with progress** (``progress=ProgressBox(...)``): the step gets a progress callback and an
  application-modal progress dialog (so nothing else reaches the vault) whose Cancel makes the
  callback answer ``False``; the engine then raises :class:`Cancelled` from inside its
  transaction, which rolls everything back.

The database connection tolerates being used from the worker thread
(``check_same_thread=False``). The worker is a plain Python thread and the GUI side polls it
from a timer (progress included): no Python code runs inside a Qt thread object, where a
subclassed ``QThread`` crashed the interpreter now and then under load (a reference-count
fault in the binding, "bool_dealloc", seen in the test runs).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from secrecy_desk.modules.registers import Progress

T = TypeVar("T")
# How often the GUI thread looks at a running job (ms): quick to notice the end, idle otherwise.
_POLL_MS = 15

# Jobs running now (started from the GUI thread only; a job may start inside another's loop).
_running: list[Job] = []


def vault_busy() -> bool:
    """Whether a job holds the vault's connection: the GUI must not touch the vault now."""
    return bool(_running)


@dataclass(frozen=True, slots=True)
class ProgressBox:
    """How a job with progress is shown: the dialog's parent, its label and its Cancel text."""

    parent: QWidget | None
    label: str
    cancel_text: str


class Job:
    """Runs ``work(progress)`` on a Python thread; keeps its result or its exception, and the
    latest progress for the GUI thread to read."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        self._work = work
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="secrecy-desk-job", daemon=True)
        self._lock = threading.Lock()
        self._progress_now: tuple[int, int] | None = None
        self.result: object = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> None:
        self._thread.start()

    def finished(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()

    def take_progress(self) -> tuple[int, int] | None:
        """The progress reported since the last call (read on the GUI thread)."""
        with self._lock:
            now, self._progress_now = self._progress_now, None
        return now

    def _progress(self, done: int, total: int) -> bool:
        with self._lock:
            self._progress_now = (done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            self.result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which re-raises it
            self.error = exc


def _progress_dialog(box: ProgressBox, job: Job) -> QProgressDialog:
    dialog = QProgressDialog(box.label, box.cancel_text, 0, 0, box.parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing else reaches the vault
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    return dialog


def _show_progress(dialog: QProgressDialog, job: Job) -> None:
    now = job.take_progress()
    if now is not None and now[1] > 0:
        dialog.setMaximum(now[1])
        dialog.setValue(min(now[0], now[1]))


@overload
def run_job(work: Callable[[], T]) -> T: ...


@overload
def run_job(work: Callable[[Progress], T], *, progress: ProgressBox) -> T: ...


def run_job(work: Callable[..., Any], *, progress: ProgressBox | None = None) -> Any:
    """Run ``work`` on a worker thread and return its result, or re-raise its exception
    (``Cancelled`` when the user cancelled), on the GUI thread.

    Without ``progress``, ``work`` takes no argument and runs busy (wait cursor, user input
    held back). With it, ``work(progress)`` is called with the callback the engine reports
    to, behind a modal progress dialog that can cancel."""
    if progress is None:
        step = cast(Callable[[], object], work)
        job = Job(lambda _progress: step())
    else:
        job = Job(cast(Callable[[Progress], object], work))
    dialog = _progress_dialog(progress, job) if progress is not None else None
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(_POLL_MS)

    def check() -> None:
        if dialog is not None:
            _show_progress(dialog, job)
        if job.finished():
            loop.quit()

    poll.timeout.connect(check)
    flags = QEventLoop.ProcessEventsFlag.AllEvents
    if dialog is None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        flags = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
    _running.append(job)
    try:
        job.start()
        poll.start()
        if not job.finished():
            loop.exec(flags)
        poll.stop()
        job.wait()
    finally:
        _running.remove(job)
        if dialog is None:
            QGuiApplication.restoreOverrideCursor()
        else:
            dialog.close()
            dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result


__all__ = ["Job", "ProgressBox", "run_job", "vault_busy"]

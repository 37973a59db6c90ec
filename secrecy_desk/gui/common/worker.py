"""Long work (import, export) off the GUI thread, behind a modal progress dialog that can cancel.

The vault has one database connection. While a job runs on its thread the GUI must not touch
the vault, so the progress dialog is application-modal and :func:`vault_busy` tells timers
(a debounced search, the idle lock) to wait. The job's own operation is all or nothing: the
engine raises :class:`Cancelled` from inside its transaction when the progress callback
answers ``False``, which rolls everything back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from secrecy_desk.gui.common import busy
from secrecy_desk.modules.registers import Progress

T = TypeVar("T")

_busy = threading.Event()


def vault_busy() -> bool:
    """Whether a background job (ours, or a :mod:`busy` step) holds the vault's connection."""
    return _busy.is_set() or busy.is_busy()


class Job(QThread):
    """Runs ``work(progress)`` on its own thread; keeps its result or its exception."""

    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.result: object = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.result = self._work(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which re-raises it
            self.error = exc


def run_with_progress(
    parent: QWidget | None, label: str, cancel_text: str, work: Callable[[Progress], T]
) -> T:
    """Run ``work`` on a thread with a modal progress dialog; return its result or re-raise
    its exception (``Cancelled`` when the user cancelled) on the GUI thread."""
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # nothing else reaches the vault
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work)
    loop = QEventLoop()

    def show(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    job.progressed.connect(show)
    dialog.canceled.connect(job.cancel)
    job.finished.connect(loop.quit)
    _busy.set()
    try:
        job.start()
        if not job.isFinished():
            loop.exec()
        job.wait()
    finally:
        _busy.clear()
        dialog.close()
        dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return cast(T, job.result)

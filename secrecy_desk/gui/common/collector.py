"""Python's cycle collector, run by the GUI thread's event loop only (not at any allocation).

Left to itself, the collector runs on whichever thread allocates when a threshold is passed:
a job's worker thread, a count read aside, or the GUI thread in the middle of a Qt call. A
cycle it frees there may hold Qt wrappers, whose C++ objects are then destroyed on the wrong
thread or while Qt is still using them. The test runs saw the interpreter die so: a
segmentation fault while the GUI thread was collecting inside a job's event loop as the
worker wrote a workbook, and ``none_dealloc`` / ``bool_dealloc`` faults before it. So, as
pyqtgraph and Spyder do, automatic collection is turned off while the window runs and a timer
on the GUI thread collects, generation by generation, once the counts pass the thresholds
automatic collection would have used. Objects without cycles are still freed at once (by
reference counting); only cycles wait, at most one interval.

Code that holds the collector off for a long loop (an import, the audit walk) leaves it as it
found it (``gc.isenabled()`` first), so it stays off under this timer.
"""

from __future__ import annotations

import gc
from typing import Final

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the collector's counts (ms).
INTERVAL_MS: Final = 500


class GuiCollector(QObject):
    """Automatic collection off from :meth:`start` to :meth:`stop`; a timer collects instead."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first, as
        automatic collection would have (a generation's count is what it gained since the
        collection of the one before)."""
        young, middle, old = gc.get_count()
        if young <= self._threshold[0]:
            return
        gc.collect(0)
        if middle <= self._threshold[1]:
            return
        gc.collect(1)
        if old <= self._threshold[2]:
            return
        gc.collect(2)

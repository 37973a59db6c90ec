"""Python's cycle collector held off for one long loop that holds millions of objects.

An import holds every checked row until its one commit (a million objects at 100,000 rows) and
the audit walk makes millions of short-lived tuples: each full collection would walk them all
again and again (100,000 rows: 28.2 s of processor time with it running, 21.3 s without,
measured). Reference counting still frees everything that is not in a cycle; cycles made
meanwhile are collected when the collector runs again. It is left as it was found: nested
use leaves it to the outermost, and under the window's own collector
(``gui/common/collector.py``), which keeps automatic collection off, it stays off."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

"""The page checks of a vault file (校验的页面部分): every page's HMAC, ``quick_check`` table by
table on two connections, ``integrity_check`` — with the bar they move and their cancel.

Used by the checkup (``verify``), the backup (the copy's check as it is made, a backup chosen
for a restore) and the upgrade (the copy made before it), which sits below the session and so
below the checkup.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Final

from secrecy_desk.core.errors import ValidationError, VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.vault import db

#: A long step's report: (done, total); answering ``False`` asks it to stop.
Progress = Callable[[int, int], bool]

#: SQLite virtual-machine steps between two calls of the progress handler.
HANDLER_STEPS: Final = 1000
# Estimated work per page and per record (microseconds of one core, from the 2-core workstation:
# HMAC ~25 and quick_check ~30 per 4 KiB page on a 35 MB vault; on the 1.2 GB vault of 1M
# entries integrity_check took ~12 times as long as the HMACs and quick_check together; the
# chain's weight is the checkup's). Only their proportions matter for the bar.
_HMAC_PER_PAGE: Final = 25
_QUICK_PER_PAGE: Final = 30
_FULL_PER_PAGE: Final = 640
# Progress-handler calls per page of the file during each walk (the 35 MB vault).
_CALLS_PER_PAGE: Final = {True: 0.15, False: 3.0}


class CheckCancelled(ValidationError):
    """The person who started the check cancelled it; nothing was recorded."""


_CANCELLED: Final = QT_TRANSLATE_NOOP("Errors", "The check was cancelled; nothing was recorded.")


class WorkBar:
    """The estimated work done so far, told to ``progress``; a ``False`` answer cancels (the
    work then raises ``cancel``'s error at its next step)."""

    def __init__(
        self,
        progress: Progress | None,
        total: int,
        cancel: Callable[[], Exception] = lambda: CheckCancelled(_CANCELLED),
    ) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.cancelled = False
        self._cancel = cancel

    def tell(self, done: int) -> None:
        if self.cancelled:
            return
        self.done = min(max(done, self.done), self.total)
        if self.progress is not None and not self.progress(self.done, self.total):
            self.cancelled = True

    def stop_if_cancelled(self) -> None:
        if self.cancelled:
            raise self._cancel()


@contextlib.contextmanager
def _handler(store: db.Store, bar: WorkBar, start: int, span: int, calls: float) -> Iterator[None]:
    """SQLite's progress handler during one pragma: the bar moved through ``span`` (never past
    its end before the pragma returns), and a cancel interrupts the pragma."""
    made = [0]

    def step() -> int:
        made[0] += 1
        bar.tell(start + min(int(span * made[0] / calls), span - 1) if calls else start)
        return 1 if bar.cancelled else 0

    store.set_progress_handler(step, HANDLER_STEPS)
    try:
        yield
    finally:
        store.set_progress_handler(None, 0)


def _pragma(store: db.Store, pragma: str, bar: WorkBar, span: int, calls: float) -> list[str]:
    start = bar.done
    try:
        with _handler(store, bar, start, span, calls):
            rows = store.all(pragma)
    except db.DatabaseError as exc:
        bar.stop_if_cancelled()
        # One that cannot even finish (a page too damaged to walk) is itself the finding.
        return [f"{pragma.split()[1]}: {exc}"]
    bar.stop_if_cancelled()
    bar.tell(start + span)
    return [str(r[0]) for r in rows if str(r[0]) != "ok"]


def page_work(pages: int, *, quick: bool) -> int:
    """The estimated work of :func:`page_checks` on a file of ``pages`` pages."""
    return pages * (_HMAC_PER_PAGE + (_QUICK_PER_PAGE if quick else _FULL_PER_PAGE))


def page_checks(
    store: db.Store, bar: WorkBar, *, quick: bool, master: bytes | None = None
) -> list[str]:
    """What :func:`db.integrity_problems` finds (every page's HMAC, then ``quick_check`` or
    ``integrity_check``), the bar moved through :func:`page_work` as SQLite walks.

    With ``master`` (the file's key) the work is shared by this connection and a reading
    connection of its own in a second thread (SQLite leaves Python's lock while it works, so
    on two cores the check takes about as long as its longer half):

    * the full check: ``integrity_check`` here, every page's HMAC on the other;
    * the quick check: ``quick_check`` table by table on both (:func:`_walk_tables`). Every
      page a table or an index holds is read, so its HMAC is checked as it is decrypted. Not
      read are the free pages (they hold no rows) and not made is the cross-check that no
      page serves two B-trees walked on different connections; the full check does both."""
    pages = int(store.scalar("PRAGMA page_count") or 0)
    check = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
    calls = pages * _CALLS_PER_PAGE[quick]
    work = page_work(pages, quick=quick)
    if master is None or store.path is None:
        hmac_span = pages * _HMAC_PER_PAGE
        problems = _pragma(store, "PRAGMA cipher_integrity_check", bar, hmac_span, 0)
        return problems + _pragma(store, check, bar, work - hmac_span, calls)
    if quick:
        return _walk_tables(store, master, bar, work, calls)
    path = store.path
    found: list[str] = []

    def hmacs() -> None:
        try:
            reader = db.open_database(path, master, read_only=True)
        except (VaultError, db.DatabaseError) as exc:
            found.append(f"cipher_integrity_check: {exc}")
            return
        try:
            rows = reader.all("PRAGMA cipher_integrity_check")
            found.extend(str(r[0]) for r in rows if str(r[0]) != "ok")
        except db.DatabaseError as exc:
            found.append(f"cipher_integrity_check: {exc}")
        finally:
            reader.close(checkpoint=False)

    thread = threading.Thread(target=hmacs, name="secrecy-desk-page-hmacs", daemon=True)
    thread.start()
    try:
        walked = _pragma(store, check, bar, work, calls)
    finally:
        thread.join()
    return found + walked


#: The tables ten years fill, largest first (at 2M entries and 5M records: ``entries`` with its
#: list indexes ~20 s of ``quick_check``, ``audit`` ~15 s, the revisions ~7 s, the rest < 2 s
#: each), so that the two walkers start on the two largest and the others fill in behind.
_LARGEST_FIRST: Final = ("entries", "audit", "entry_revisions", "entry_fts_data", "entry_dims")
#: How often the calling thread, its own walk done, looks at the other (seconds).
_POLL: Final = 0.1


def _tables(store: db.Store) -> list[str]:
    """Every table with pages of its own (not a virtual one: its shadow tables are checked),
    the schema's own included, the largest first."""
    names = [
        str(r[0])
        for r in store.all(
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    first = [t for t in _LARGEST_FIRST if t in names]
    return [*first, *(t for t in [*names, "sqlite_schema"] if t not in first)]


def _walk_tables(
    store: db.Store, master: bytes, bar: WorkBar, work: int, calls: float
) -> list[str]:
    """``quick_check`` of each table (with its indexes) by two walkers, each taking the next
    table as it finishes one: this thread on ``store`` (its progress handler moves the bar and
    stops both on a cancel) and a second on a reading connection of its own."""
    path = store.path
    assert path is not None
    pending = _tables(store)
    lock = threading.Lock()
    found: list[str] = []
    steps = [0]
    done = [0]  # tables walked, by either walker
    stop = threading.Event()
    start = bar.done

    def tell() -> None:
        # SQLite's steps say how far the walk is; each table walked moves the bar one unit
        # more (a vault of a few pages makes few steps: its bar still moves table by table).
        made = int(work * steps[0] / calls) if calls else 0
        bar.tell(start + min(made + done[0], work - 1))
        if bar.cancelled:
            stop.set()

    def walk(reader: db.Store, own: bool) -> None:
        def step() -> int:
            steps[0] += 1  # two threads count: a lost increment slows the bar by one call
            if own:
                tell()
            return 1 if stop.is_set() else 0

        reader.set_progress_handler(step, HANDLER_STEPS)
        try:
            while not stop.is_set():
                if own:
                    tell()
                with lock:
                    if not pending:
                        return
                    table = pending.pop(0)
                try:
                    rows = reader.all(f'PRAGMA quick_check("{table}")')
                except db.DatabaseError as exc:
                    if stop.is_set():
                        return
                    # A table too damaged to walk is itself the finding; the others go on.
                    rows = [(f"quick_check({table}): {exc}",)]
                with lock:
                    found.extend(str(r[0]) for r in rows if str(r[0]) != "ok")
                    done[0] += 1
        finally:
            reader.set_progress_handler(None, 0)

    def second() -> None:
        try:
            reader = db.open_database(path, master, read_only=True)
        except (VaultError, db.DatabaseError) as exc:
            with lock:
                found.append(f"quick_check: {exc}")
            return
        try:
            walk(reader, own=False)
        finally:
            reader.close(checkpoint=False)

    thread = threading.Thread(target=second, name="secrecy-desk-quick-check", daemon=True)
    thread.start()
    try:
        walk(store, own=True)
        while thread.is_alive():
            thread.join(_POLL)
            tell()
    finally:
        stop.set()
        thread.join()
    bar.stop_if_cancelled()
    bar.tell(start + work)
    bar.stop_if_cancelled()  # a cancel answered to the last report still counts
    return found


__all__ = [
    "HANDLER_STEPS",
    "CheckCancelled",
    "Progress",
    "WorkBar",
    "page_checks",
    "page_work",
]

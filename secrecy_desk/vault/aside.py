"""Reads aside: one statement answered on a read-only connection of its own, on a worker thread.

The vault's own connection serves one thread at a time, and the window's thread uses it. A
long read that the window need not wait for (the count of a search with many hits, under the
first page already shown) runs instead as an :class:`AsideRead`: the statement is prepared on
the calling thread, :meth:`AsideRead.scalar` is called on a worker thread and opens a reading
connection (``db.open_database(read_only=True)``, as the checkup's HMAC pass does), answers,
and closes it. The connection reads the last committed state of the vault (write-ahead log:
a reader sees every transaction committed before its statement began).
:meth:`AsideReads.connection` holds such a connection for a block of many reads on the
caller's thread while the vault's connection is busy on another (an import's lookups while
its rows are written).

:meth:`AsideRead.cancel` may be called from any thread: it interrupts the statement
(``sqlite3_interrupt``), and :meth:`scalar` raises :class:`ReadStopped`. The vault keeps the
reads it has open (:class:`AsideReads`) and stops and waits for them before it closes its own
connection and lets go of its lock, so no reading connection outlives the vault's session.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core.errors import VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.vault import db

# How long closing the vault waits for a stopped read to let go of its connection (s). An
# interrupted statement ends at its next step, in microseconds; this only bounds a hung disk.
CLOSE_WAIT_S: Final = 10.0

_STOPPED: Final = QT_TRANSLATE_NOOP(
    "Errors", "The reading was stopped: the session was locked or closed, or the list changed."
)


class ReadStopped(VaultError):
    """The read was cancelled (or the vault closed) before it answered."""


class AsideRead:
    """One statement (``sql`` with ``params``) to answer on a connection of its own."""

    def __init__(
        self, owner: AsideReads, path: Path, master: bytes, sql: str, params: Sequence[object]
    ) -> None:
        self._owner = owner
        self._path = path
        self._master = master
        self.sql = sql
        self.params = list(params)
        self._lock = threading.Lock()
        self._store: db.Store | None = None
        self._stopped = False
        self._started = False
        self._ended = threading.Event()

    def cancel(self) -> None:
        """Stop the read (any thread): the statement is interrupted, :meth:`scalar` raises
        :class:`ReadStopped` and closes the connection."""
        with self._lock:
            self._stopped = True
            if self._store is not None:
                self._store.interrupt()

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the read has ended (its connection closed), waiting up to ``timeout``; a
        read never started holds no connection and has nothing to wait for."""
        with self._lock:
            if not self._started:
                return True
        return self._ended.wait(timeout)

    def scalar(self) -> Any:
        """The first column of the statement's first row, read on a connection opened for
        it and closed before returning (called on the worker thread, once). Raises
        :class:`ReadStopped` when cancelled, the vault's error sentence when the connection
        cannot be opened or the read fails."""
        with self._lock:
            self._started = True
        try:
            if self._stopped:
                raise ReadStopped(_STOPPED)
            store = db.open_database(self._path, self._master, read_only=True)
            with self._lock:
                if self._stopped:
                    store.close(checkpoint=False)
                    raise ReadStopped(_STOPPED)
                self._store = store
            try:
                return store.scalar(self.sql, self.params)
            except db.DatabaseError as exc:
                if self._stopped:
                    raise ReadStopped(_STOPPED) from None
                raise db.explain(exc, path=self._path, store=store) from None
            finally:
                with self._lock:
                    self._store = None
                store.close(checkpoint=False)
        finally:
            self._owner.ended(self)
            self._ended.set()


class _Held:
    """A reading connection held for a block (:meth:`AsideReads.connection`)."""

    def __init__(self, store: db.Store) -> None:
        self.store = store
        self._ended = threading.Event()

    def cancel(self) -> None:
        self.store.interrupt()

    def wait(self, timeout: float | None = None) -> bool:
        return self._ended.wait(timeout)

    def ended(self) -> None:
        self._ended.set()


class AsideReads:
    """The reads aside a vault has open; :meth:`close` stops them all for good."""

    def __init__(self, path: Path | None, master: Callable[[], bytes]) -> None:
        """``master`` answers the vault's master key at the time of each read (a rotation
        changes it)."""
        self._path = path
        self._master = master
        self._lock = threading.Lock()
        self._open: set[AsideRead | _Held] = set()
        self._closed = False

    def read(self, sql: str, params: Sequence[object] = ()) -> AsideRead:
        """A read of ``sql`` to run on a worker thread (see :class:`AsideRead`); raises
        :class:`ReadStopped` once the vault is closing or closed."""
        with self._lock:
            if self._closed or self._path is None:
                raise ReadStopped(_STOPPED)
            read = AsideRead(self, self._path, self._master(), sql, params)
            self._open.add(read)
        return read

    @contextlib.contextmanager
    def connection(self) -> Iterator[db.Store]:
        """A read-only connection of the caller's own for the length of the block (many reads
        while the vault's connection is busy with something else: the lookups of an import
        while its batches are written). It reads the last committed state, as a read aside
        does; closing or locking the vault interrupts it (its next statement fails). Raises
        :class:`ReadStopped` once the vault is closing, the vault's sentence when the
        connection cannot be opened."""
        with self._lock:
            if self._closed or self._path is None:
                raise ReadStopped(_STOPPED)
            path, master = self._path, self._master()
        store = db.open_database(path, master, read_only=True)
        held = _Held(store)
        with self._lock:
            closed = self._closed
            if not closed:
                self._open.add(held)
        try:
            if closed:
                raise ReadStopped(_STOPPED)
            yield store
        finally:
            with self._lock:
                self._open.discard(held)
            store.close(checkpoint=False)
            held.ended()

    @property
    def open_count(self) -> int:
        """How many reads have not ended yet (for tests and the window's state)."""
        with self._lock:
            return len(self._open)

    def ended(self, read: AsideRead | _Held) -> None:
        with self._lock:
            self._open.discard(read)

    def stop(self, *, wait: bool = True) -> None:
        """Cancel every open read (the session is locked); with ``wait``, until each has
        closed its connection."""
        with self._lock:
            reads = list(self._open)
        for read in reads:
            read.cancel()
        if wait:
            for read in reads:
                read.wait(CLOSE_WAIT_S)

    def close(self) -> None:
        """No more reads; stop those open and wait for their connections to close."""
        with self._lock:
            self._closed = True
        self.stop()
        with self._lock:
            # A read created but never run holds no connection: forget it.
            self._open.clear()


__all__ = ["AsideRead", "AsideReads", "ReadStopped"]

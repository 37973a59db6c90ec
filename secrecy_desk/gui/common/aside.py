"""Reads aside the window: a count that the window shows when it arrives, never waits for.

A register list shows its first page at once; the count of a search with many hits can take
a second or more at millions of entries. That count is a :class:`~secrecy_desk.vault.aside.
AsideRead` — a statement on a reading connection of its own — run here on a plain Python
thread (no Python code inside a Qt thread object, as :mod:`secrecy_desk.gui.common.jobs`
explains) and polled from a timer; its answer is handed to the caller on the GUI thread.
The window's thread never touches the read's connection, so it paints and answers input
while SQLite counts.

:class:`Asides` is the session's set of them (``ctx.asides``): a newer count of the same
list cancels the older (:meth:`Aside.cancel`: its statement is interrupted and its answer
never delivered); the lock :meth:`Asides.hold` stops every running read and closes its
connection, and the unlock (:meth:`Asides.release`) starts again those that were stopped;
the end of the session (:meth:`Asides.end`) stops them for good. A read that cannot open its
connection (the vault was closed meanwhile) ends quietly; any other failure of the vault is
handed to ``failed``. :class:`CountAside` is a list's count over them, for its newest query.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Final

from PySide6.QtCore import QObject, QTimer

from secrecy_desk.core.errors import DeskError
from secrecy_desk.vault.aside import AsideRead, ReadStopped

#: How often the GUI thread looks at a running read (ms).
POLL_MS: Final = 15


class Aside:
    """One read running on its thread; its answer goes to ``done`` on the GUI thread unless
    it was cancelled first."""

    def __init__(
        self,
        owner: Asides,
        read: AsideRead,
        done: Callable[[Any], None],
        failed: Callable[[DeskError], None],
        again: Callable[[], None] | None,
    ) -> None:
        self._owner = owner
        self._read = read
        self._done = done
        self._failed = failed
        self.again = again
        self._answer: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="secrecy-desk-aside", daemon=True)
        self._poll = QTimer(owner)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self.cancelled = False
        self._finished = False

    def start(self) -> None:
        self._thread.start()
        self._poll.start()

    @property
    def running(self) -> bool:
        return not self.cancelled and self._poll.isActive()

    def cancel(self) -> None:
        """Stop the read (its connection closes on its thread); nothing is delivered."""
        self.cancelled = True
        self._read.cancel()
        self._finish()

    def _run(self) -> None:
        try:
            self._answer = self._read.scalar()
        except BaseException as exc:  # handed to the GUI thread
            self._error = exc

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        self._poll.stop()
        self._poll.deleteLater()
        self._owner.forget(self)

    def _check(self) -> None:
        if self.cancelled or self._thread.is_alive():
            return
        self._finish()
        error = self._error
        if error is None:
            self._done(self._answer)
        elif isinstance(error, ReadStopped):
            return  # stopped by the lock or the end of the session: nothing to say
        elif isinstance(error, DeskError):
            self._failed(error)
        else:
            raise error


class Asides(QObject):
    """The reads aside of one session (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[Aside] = []
        self._waiting: list[Callable[[], None]] = []
        self._held = False
        self._ended = False

    def run(
        self,
        make: Callable[[], AsideRead],
        done: Callable[[Any], None],
        *,
        failed: Callable[[DeskError], None],
        again: Callable[[], None] | None = None,
    ) -> Aside | None:
        """Start the read ``make()`` prepares; ``done(answer)`` on the GUI thread. While the
        session is locked nothing starts: ``again`` is called at the unlock instead (and also
        when the lock stops this read). ``None`` when nothing started. ``make``'s error (no
        permission, a bad filter) is raised here; a vault already closing ends it quietly."""
        if self._ended:
            return None
        if self._held:
            if again is not None:
                self._waiting.append(again)
            return None
        try:
            read = make()
        except ReadStopped:
            return None
        aside = Aside(self, read, done, failed, again)
        self._running.append(aside)
        aside.start()
        return aside

    @property
    def running(self) -> int:
        """How many reads are running (for the window's state and tests)."""
        return len(self._running)

    def forget(self, aside: Aside) -> None:
        if aside in self._running:
            self._running.remove(aside)

    def hold(self) -> None:
        """The session is locked: stop every read; those that would start again do so at
        :meth:`release`."""
        self._held = True
        for aside in list(self._running):
            if aside.again is not None:
                self._waiting.append(aside.again)
            aside.cancel()

    def release(self) -> None:
        """The session is unlocked: start again what the lock stopped or held back."""
        self._held = False
        waiting, self._waiting = self._waiting, []
        if not self._ended:
            for again in waiting:
                again()

    def end(self) -> None:
        """The session ends: stop every read for good."""
        self._ended = True
        self._waiting.clear()
        for aside in list(self._running):
            aside.cancel()


class CountAside:
    """One list's count (a register's, the audit trail's), made aside when there are
    :attr:`asides` and at once on this thread when not, and handed to ``deliver`` — for the
    newest query only: a newer :meth:`start` or a :meth:`stop` stops the count before, whose
    answer is never delivered. Stopped by the lock, it counts again at the unlock. A reading
    connection that fails counts on this thread instead (``here``), or keeps what the list
    shows if the vault cannot answer now either. ``started`` is told each time a count aside
    starts (the status line says 计数中…)."""

    def __init__(
        self, deliver: Callable[[int], None], started: Callable[[], None] | None = None
    ) -> None:
        #: Where counts are made aside (the session's); ``None``: at once, on this thread.
        self.asides: Asides | None = None
        self._deliver = deliver
        self._started = started
        self._generation = 0
        self._aside: Aside | None = None
        self._make: Callable[[], AsideRead] | None = None
        self._here: Callable[[], int] | None = None

    @property
    def counting(self) -> bool:
        """Whether a count aside is running for the newest query."""
        return self._aside is not None and self._aside.running

    def stop(self) -> None:
        """No count is wanted any more: stop the running one; a late answer is dropped."""
        self._generation += 1
        if self._aside is not None:
            self._aside.cancel()
            self._aside = None

    def start(self, make: Callable[[], AsideRead], here: Callable[[], int]) -> None:
        """Count a new query: ``make()`` prepares its read aside, ``here()`` counts it on
        this thread (without asides, or when the reading connection fails)."""
        self.stop()
        self._make, self._here = make, here
        if self.asides is None:
            self._deliver(here())
        else:
            self._run(self._generation)

    def again(self) -> None:
        """The list changed under a running count (read before the change): count anew."""
        if self.counting and self._make is not None and self._here is not None:
            self.start(self._make, self._here)

    def _run(self, generation: int) -> None:
        assert self.asides is not None
        assert self._make is not None
        assert self._here is not None
        here = self._here

        def again() -> None:  # the lock stopped it: count again at the unlock, if still ours
            if generation == self._generation:
                self._run(generation)

        def failed(_error: DeskError) -> None:
            if generation == self._generation:
                with contextlib.suppress(DeskError):
                    self._arrived(generation, here())

        self._aside = self.asides.run(
            self._make,
            lambda total: self._arrived(generation, int(total)),
            failed=failed,
            again=again,
        )
        if self._aside is not None and self._started is not None:
            self._started()

    def _arrived(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return  # a newer query was shown meanwhile: this count belongs to no one
        self._aside = None
        self._deliver(total)


__all__ = ["Aside", "Asides", "CountAside"]

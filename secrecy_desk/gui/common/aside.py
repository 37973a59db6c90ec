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
handed to ``failed``.
"""

from __future__ import annotations

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


__all__ = ["Aside", "Asides"]

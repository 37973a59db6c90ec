"""What every window and tab of a logged-in session works with (built by the main window)."""

from __future__ import annotations

from dataclasses import dataclass, field

from secrecy_desk.core.clock import Clock
from secrecy_desk.forms import Forms
from secrecy_desk.gui.common.aside import Asides
from secrecy_desk.gui.common.changes import ChangeBus, Changes
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault.session import Session


@dataclass
class AppContext:
    """The session and the services over it. ``lang`` is ``zh_CN`` or ``en``; core messages
    are shown with ``error.message(ctx.lang)``, the GUI's own strings with ``self.tr()``.

    ``bus`` is the session's one change broadcaster: a view that completed an operation calls
    :meth:`broadcast`; the main window passes it on to the other views."""

    session: Session
    forms: Forms
    registers: Registers
    lang: str
    bus: ChangeBus = field(default_factory=ChangeBus)
    #: The session's reads aside the window (a search's count); held while locked.
    asides: Asides = field(default_factory=Asides)

    @property
    def clock(self) -> Clock:
        return self.session.clock

    def broadcast(self, changes: Changes, origin: object | None = None) -> None:
        """Tell every other view what an operation changed (``origin`` made it)."""
        self.bus.announce(changes, origin)

"""What every window and tab of a logged-in session works with (built by the main window)."""

from __future__ import annotations

from dataclasses import dataclass

from secrecy_desk.core.clock import Clock
from secrecy_desk.forms import Forms
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault.session import Session


@dataclass
class AppContext:
    """The session and the services over it. ``lang`` is ``zh_CN`` or ``en``; core messages
    are shown with ``error.message(ctx.lang)``, the GUI's own strings with ``self.tr()``."""

    session: Session
    forms: Forms
    registers: Registers
    lang: str

    @property
    def clock(self) -> Clock:
        return self.session.clock

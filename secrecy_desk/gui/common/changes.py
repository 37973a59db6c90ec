"""What an operation changed, and the one place that says so to every open view (as Anki's
``OpChanges`` and ``operation_did_execute``).

Every GUI place that completes an operation — a register save, void or import, a print or an
export, a commitment generated or signed, an approval decided — announces a :class:`Changes`
through the session's :class:`ChangeBus` (``ctx.broadcast(changes, origin)``). The main window
hands it to the home tab and to every module tab built so far; each refreshes only what
concerns it, and the view that made the change (``origin``) is not told: it has already shown
the result itself. A tab not built yet needs nothing: it reads the vault when it is built.

A print adds entries to the print register, so it names the ``prints`` register; it also
names the module of each printed object (a commitment becomes "printed").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal

from secrecy_desk.records.model import PRINTS


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed: the registers whose entries changed (by register id — the print register
    is ``prints``) and the modules whose own records changed (by module id: ``commitments``,
    ``approvals``). Empty when nothing changed."""

    registers: frozenset[str] = frozenset()
    modules: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls, *, registers: Iterable[str] = (), modules: Iterable[str] = (), prints: bool = False
    ) -> Changes:
        named = frozenset(registers)
        return cls(named | {PRINTS} if prints else named, frozenset(modules))

    @property
    def prints(self) -> bool:
        """The print register changed (something was printed or exported)."""
        return PRINTS in self.registers

    def __bool__(self) -> bool:
        return bool(self.registers or self.modules)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.registers | other.registers, self.modules | other.modules)


@runtime_checkable
class ChangeReceiver(Protocol):
    """A view that refreshes itself when another view's operation changed what it shows."""

    def apply_changes(self, changes: Changes) -> None: ...


class ChangeBus(QObject):
    """The session's broadcaster: :attr:`changed` carries ``(Changes, origin)``, where origin
    is the view that made the change (it refreshed itself) or ``None``."""

    changed = Signal(object, object)

    def announce(self, changes: Changes, origin: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, origin)


__all__ = ["ChangeBus", "ChangeReceiver", "Changes"]

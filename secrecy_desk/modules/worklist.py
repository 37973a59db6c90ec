"""The day's work list (今日待办): every deadline the modules declare, with its count, as far as
this account may see — what the home tab shows. Each count is one indexed query (a
deadline's own index on register entries, or the module's count on its own tables): the list
costs milliseconds whatever the size of the vault."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import Action
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import Deadline, DeadlineCount
from secrecy_desk.modules.registers import Query, Registers


@dataclass(frozen=True, slots=True)
class Line:
    deadline: Deadline
    count: int


def applies(registers: Registers, deadline: Deadline) -> bool:
    """Whether the line is this account's: a business account allowed to view its scope (and
    the register exists)."""
    session = registers.session
    principal = session.principal
    if principal.is_admin or not session.account.roles:
        return False
    if deadline.entries is not None and deadline.entries.register not in registers.forms:
        return False
    return principal.can(deadline.register, Action.VIEW)


def count(registers: Registers, deadline: Deadline) -> int:
    """How many items the deadline has today for this account (raises the engine's error)."""
    session = registers.session
    if deadline.entries is not None:
        return registers.count(deadline.entries.register, Query(deadline=deadline.key, limit=None))
    if deadline.count:
        counter = cast(DeadlineCount, registry.resolve(deadline.count))
        return int(counter(session, registers.forms, session.clock.today()))
    return 0


def work_list(registers: Registers) -> list[Line]:
    """The lines for this account, in registry order; a line whose count fails (a definition
    that lost a field the deadline names) is left out rather than shown wrong."""
    lines: list[Line] = []
    for deadline in registry.deadlines(registers.forms):
        if not applies(registers, deadline):
            continue
        try:
            lines.append(Line(deadline, count(registers, deadline)))
        except (DeskError, KeyError):
            continue
    return lines

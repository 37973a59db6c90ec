"""The carriers' lines on the home tab, counted from the module's own tables and indexes (never
by reading every entry): loans and take-outs past their due date, stocktakes still open,
destruction packages approved but not yet carried out."""

from __future__ import annotations

from secrecy_desk.core.roles import Action
from secrecy_desk.modules.carriers.lifecycle import REGISTERS, Carriers
from secrecy_desk.modules.carriers.packages import Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registers.planning import field_path, register_is


def overdue(registers: Registers) -> tuple[int, int, int]:
    """(lent or taken out, overdue, due today) over both registers within the clearance."""
    session = registers.session
    today = session.clock.today().isoformat()
    out, late, due = 0, 0, 0
    for register in REGISTERS:
        if not session.principal.can(register, Action.VIEW):
            continue
        path = field_path("due_on")
        row = registers.store.one(
            f"SELECT count(*), coalesce(sum({path} < ?), 0), coalesce(sum({path} = ?), 0) "
            f"FROM entries WHERE {register_is(register)} AND voided = 0 AND {path} IS NOT NULL "
            "AND level <= ?",
            (today, today, int(session.principal.clearance)),
        )
        assert row is not None
        out, late, due = out + int(row[0]), late + int(row[1]), due + int(row[2])
    return out, late, due


def open_stocktakes(registers: Registers) -> tuple[int, int, int]:
    """(open stocktakes, 0, open stocktakes): each needs finishing."""
    count = len(Stocktakes(Carriers(registers)).open_ones())
    return count, 0, count


def packages_to_execute(registers: Registers) -> tuple[int, int, int]:
    """(approved packages not destroyed yet, 0, the same)."""
    count = len(Packages(Carriers(registers)).approved_not_executed())
    return count, 0, count

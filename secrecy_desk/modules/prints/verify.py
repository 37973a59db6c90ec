"""Verifying a code read off paper (核验): the print register finds the print, the module that
owns the printed object (through the registry) says what its revision is now. The lookup is
recorded in the audit trail."""

from __future__ import annotations

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers.engine import Registers
from secrecy_desk.records.codes import CodeCheck, check_code, normalize_code
from secrecy_desk.records.model import PRINTS, Query


def verify_code(registers: Registers, code: str) -> CodeCheck:
    """Say whether a code read off paper matches the current revision, an older one, a list,
    or nothing this account may see."""
    registers.require(PRINTS, Action.VIEW)
    wanted = normalize_code(code)
    hits = registers.page(PRINTS, Query(where={"code": wanted}, limit=1))
    clearance = registers.session.principal.clearance

    def current(kind: str, number: str, level: Level) -> int | None:
        return registry.current_revision(registers.store, registers.forms, kind, number, level)

    result = check_code(hits[0] if hits else None, wanted, current, clearance)
    with registers.session.operation():
        registers.session.audit("print.verify", wanted, details={"result": result.match.value})
    return result

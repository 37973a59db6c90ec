"""Registers (台账): entries, revisions, numbering, voiding, search, import and export."""

from secrecy_desk.registers.engine import ImportFailed, NeedsConfirmation, Registers
from secrecy_desk.registers.model import NUMBER, STATUS, Entry, FieldChange, Query, Revision

__all__ = [
    "NUMBER",
    "STATUS",
    "Entry",
    "FieldChange",
    "ImportFailed",
    "NeedsConfirmation",
    "Query",
    "Registers",
    "Revision",
]

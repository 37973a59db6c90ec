"""Registers (台账): entries, revisions, numbering, voiding, search, import and export."""

from secrecy_desk.registers.engine import (
    Cancelled,
    ImportFailed,
    NeedsConfirmation,
    Progress,
    Registers,
)
from secrecy_desk.registers.model import NUMBER, STATUS, Entry, FieldChange, Query, Revision

__all__ = [
    "NUMBER",
    "STATUS",
    "Cancelled",
    "Entry",
    "FieldChange",
    "ImportFailed",
    "NeedsConfirmation",
    "Progress",
    "Query",
    "Registers",
    "Revision",
]

"""Verification codes (核验码) read off paper: does the paper match the record as it stands?

The print register says what a code was printed from (``kind:number`` at a revision, or a list);
the module that owns ``kind`` says what the object's revision is now (its descriptor's revision
lookup, passed in as ``current_revision``). The kernel names no domain and no table but its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level
from secrecy_desk.core.scan import PREFIX as QR_PREFIX
from secrecy_desk.records.model import Entry

#: (kind, number, clearance) → the object's current revision, or None when none is visible.
RevisionOf = Callable[[str, str, Level], int | None]


def is_scan(text: str) -> bool:
    """Is this what a handheld scanner typed from a page's QR code (``SDV:<number>:<code>``)?"""
    return text.strip().upper().startswith(QR_PREFIX)


def code_from_scan(text: str) -> str:
    """The verification code in what was typed: the code itself, or a scanned QR payload's
    code part (the payload's document number is what the page prints beside it)."""
    if is_scan(text):
        return text.strip().rsplit(":", 1)[-1].strip()
    return text


def normalize_code(code: str) -> str:
    """A typed or scanned code in its printed form ``XXXX-XXXX``."""
    code = code_from_scan(code)
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:8]}" if len(compact) == 8 else code.strip().upper()


class Match(Enum):
    CURRENT = "current"  # the paper shows the record as it stands
    OLDER = "older"  # the paper shows an older revision
    LIST = "list"  # a printed list (no single revision to compare)
    NOTHING = "nothing"  # no print with this code (or not visible to this account)


_TEXTS: Final = {
    Match.CURRENT: QT_TRANSLATE_NOOP(
        "Print",
        "Code {code}: printed {at} by {who} ({record}); it matches the current "
        "revision {rev} of {object}.",
    ),
    Match.OLDER: QT_TRANSLATE_NOOP(
        "Print",
        "Code {code}: printed {at} by {who} ({record}) from revision {rev} of "
        "{object}; the entry has since changed (now revision {now}).",
    ),
    Match.LIST: QT_TRANSLATE_NOOP(
        "Print", "Code {code}: a list printed {at} by {who} ({record}): {object}."
    ),
    Match.NOTHING: QT_TRANSLATE_NOOP(
        "Print", "Code {code} does not match any print this account may see."
    ),
}


@dataclass(frozen=True, slots=True)
class CodeCheck:
    match: Match
    code: str
    record: Entry | None = None
    printed_revision: int | None = None
    current_revision: int | None = None

    def message(self, lang: str) -> str:
        rec = self.record
        values = rec.values if rec else {}
        return translate("Print", _TEXTS[self.match], lang).format(
            code=self.code,
            at=values.get("printed_at", ""),
            who=values.get("printed_by", ""),
            record=rec.number if rec else "",
            rev=self.printed_revision or "",
            now=self.current_revision or "",
            object=values.get("object", ""),
        )


def check_code(print_record: Entry | None, code: str, current_revision: RevisionOf,
               clearance: Level) -> CodeCheck:  # fmt: skip
    """The answer for ``code`` given its print register entry (``None``: no such print)."""
    wanted = normalize_code(code)
    if print_record is None:
        return CodeCheck(Match.NOTHING, wanted)
    obj = str(print_record.values.get("object") or "")
    printed = print_record.values.get("entry_revision")
    if print_record.values.get("kind") == "list" or not isinstance(printed, int):
        return CodeCheck(Match.LIST, wanted, print_record)
    kind, _, number = obj.partition(":")
    current = current_revision(kind, number, clearance)
    if current is None:
        return CodeCheck(Match.NOTHING, wanted)
    match = Match.CURRENT if current == printed else Match.OLDER
    return CodeCheck(match, wanted, print_record, printed, current)


__all__ = ["CodeCheck", "Match", "check_code", "code_from_scan", "is_scan", "normalize_code"]

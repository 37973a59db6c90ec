"""When a secrecy term ends (保密期限届满), and the flags that put an entry in the
classification review queue (定密审查). The decisions themselves are the classification
module's; the rule that a level goes down only through one is the register engine's.

A term of N years runs from the day the entry was registered (the day its level was fixed); a
term until a date ends on that date; long-term and conditional terms have no end day and are
reviewed when the condition is met, not from a date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.validators import problem
from secrecy_desk.records.rules import Flag

#: Days before a term ends from which an entry is due for review (shown amber).
REVIEW_DAYS: Final = 90

#: The flag codes the review queue's home-tab lines count.
REVIEW_DUE: Final = "review_due"
TERM_ENDED: Final = "term_ended"


def term_ends_on(term: Term | None, registered_on: date) -> date | None:
    """The last day of ``term`` for an entry registered on ``registered_on``, or ``None``."""
    if term is None:
        return None
    if term.kind is TermKind.UNTIL_DATE:
        return term.until
    if term.kind is TermKind.YEARS and term.years is not None:
        try:
            return registered_on.replace(year=registered_on.year + term.years)
        except ValueError:  # 29 February
            return registered_on.replace(year=registered_on.year + term.years, day=28)
    return None


def review_flags(
    level: Level, term: Term | None, registered_on: date, today: date, *, within: int = REVIEW_DAYS
) -> list[Flag]:
    """An amber flag when a classified entry's term ends within ``within`` days, a red one once
    it has ended without a decision."""
    if not level.classified:
        return []
    ends = term_ends_on(term, registered_on)
    if ends is None or ends > today + timedelta(days=within):
        return []
    if ends < today:
        return [
            Flag(
                "overdue",
                problem(
                    TERM_ENDED,
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The secrecy term ended on {date}; record a classification review "
                        "decision (declassify, extend or change the level).",
                    ),
                    date=ends.isoformat(),
                ),
            )
        ]
    return [
        Flag(
            "attention",
            problem(
                REVIEW_DUE,
                QT_TRANSLATE_NOOP(
                    "Errors", "The secrecy term ends on {date}: due for classification review."
                ),
                date=ends.isoformat(),
            ),
        )
    ]

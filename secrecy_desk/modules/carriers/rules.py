"""The ledger rule of carriers and equipment (``carriers.ledger``), checked on every save by hand
through the register engine:

* **level and term never go down** (一次涉密，终身涉密, S4 §12–13): an edit to a lower level or
  a shorter term is refused with the reason;
* **the lifecycle owns its fields**: the status, the holder, the due date, the link to the
  original and the copy count change only through the lifecycle operations
  (:mod:`.lifecycle`), never typed in the editor or an import;

and its flag: a loan or take-out past its due date is overdue (red on the list, on the home tab).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value, entry_marking
from secrecy_desk.records.rules import Flag, Notice, RuleContext

#: Fields only the lifecycle operations write.
LIFECYCLE_FIELDS: Final = ("holder", "due_on", "original", "copies_made")


def _end(term: Term, today: date) -> date | None:
    """When a term runs out, counted from ``today`` (both sides of a comparison from the same
    day); ``date.max`` for 长期; ``None`` for a condition, which has no date."""
    match term.kind:
        case TermKind.YEARS:
            assert term.years is not None
            return today + timedelta(days=365 * term.years)
        case TermKind.UNTIL_DATE:
            return term.until
        case TermKind.LONG_TERM:
            return date.max
        case TermKind.CONDITION:
            return None


def term_shortened(before: Term | None, after: Term | None, today: date) -> bool:
    """Whether ``after`` ends earlier than ``before`` (or cannot be shown to end no earlier)."""
    if before is None or after is None or before == after:
        return False
    if after.kind is TermKind.LONG_TERM:
        return False
    old, new = _end(before, today), _end(after, today)
    if old is None or new is None:
        # A condition compares with nothing but itself and 长期.
        return True
    return new < old


def _level(spec: FormSpec, values: Mapping[str, Value]) -> tuple[Level, Term | None]:
    mark = entry_marking(spec, values)
    return mark.level, mark.term


class Ledger:
    id = "carriers.ledger"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        spec = ctx.spec
        problems: list[Problem] = []
        previous = ctx.previous
        owned = [n for n in LIFECYCLE_FIELDS if spec.has_field(n)]
        if previous is None:
            problems.extend(_owned(name) for name in owned if values.get(name) not in (None, "", 0))
            return problems, []
        problems.extend(_owned(name) for name in owned if values.get(name) != previous.get(name))
        if ctx.status is not None and ctx.status != ctx.previous_status:
            problems.append(
                problem(
                    "lifecycle_status",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The status changes only through the item's lifecycle actions (issue, "
                        "lend, return, send, repair, take out, withdraw, destruction package).",
                    ),
                )
            )
        old_level, old_term = _level(spec, previous)
        new_level, new_term = _level(spec, values)
        if new_level < old_level:
            problems.append(
                problem(
                    "level_lowered",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The level cannot go down from {old} to {new}: a classified item keeps "
                        "the highest level it ever held (一次涉密，终身涉密).",
                    ),
                    old=old_level.zh,
                    new=new_level.zh,
                ).at(spec.level_field or "level")
            )
        elif (
            spec.term_field
            and new_level == old_level
            and term_shortened(old_term, new_term, ctx.today)
        ):
            problems.append(
                problem(
                    "term_shortened",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The secrecy term cannot be shortened from {old} to {new}; it may only "
                        "be extended.",
                    ),
                    old=old_term.text() if old_term else "",
                    new=new_term.text() if new_term else "",
                ).at(spec.term_field)
            )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        del spec
        due = values.get("due_on")
        if isinstance(due, date) and today > due:
            return [
                Flag(
                    "overdue",
                    problem(
                        "carrier_overdue",
                        QT_TRANSLATE_NOOP(
                            "Errors", "Not back; it was due on {due} ({days} days late)."
                        ),
                        due=due.isoformat(),
                        days=(today - due).days,
                    ),
                )
            ]
        return []


def _owned(name: str) -> Problem:
    return problem(
        "lifecycle_field",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This field is written by the lifecycle actions (issue, lend, return, copy) and "
            "cannot be typed here.",
        ),
    ).at(name)

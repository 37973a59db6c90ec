"""礼品礼金 (S7): cash, cards and securities are always handed in, and so is travel given to a
person; gifts worth 500 yuan or more are handed in, smaller ones only registered; hand-in is due
within 7 days of receipt."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.money import Money
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.records.rules import Flag, Notice, RuleContext

#: Kinds that are handed in whatever their value.
ALWAYS_HANDED_IN: Final = frozenset({"cash", "card", "voucher", "securities"})
THRESHOLD: Final = Money(500_00)
DUE_DAYS: Final = 7
#: What finance does with what was handed in (S7 §9–§10): each after the hand-in, approved.
DISPOSALS: Final = frozenset({"cashed", "reception", "unit_asset", "donated"})
#: Cash handed in stays with finance (§9.1); it may only go to rewards, relief or donation.
CASH_DISPOSALS: Final = frozenset({"donated"})


def must_hand_in(values: Mapping[str, Value]) -> bool:
    kind = values.get("kind")
    value = values.get("value")
    if kind in ALWAYS_HANDED_IN:
        return True
    if kind == "travel":
        # S7 §5.1: travel given to a person is handed in like cash; travel given to the unit
        # is registered and the unit decides.
        return values.get("given_to") != "collective"
    return isinstance(value, Money) and value >= THRESHOLD


class HandIn:
    id = "gifts.hand_in"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        problems: list[Problem] = []
        received = values.get("received_on")
        handed = values.get("handed_in_on")
        if (
            isinstance(received, date)
            and isinstance(handed, date)
            and handed - received > timedelta(days=DUE_DAYS)
            and not values.get("late_reason")
        ):
            problems.append(
                problem(
                    "late_reason_required",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Handed in {days} days after receipt (due within 7 days); give the reason "
                        "for the delay.",
                    ),
                    days=(handed - received).days,
                ).at("late_reason")
            )
        problems.extend(_hand_in_and_disposal(values))
        if values.get("disposition") == "registered_only" and must_hand_in(values):
            problems.append(
                problem(
                    "must_hand_in",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Cash, cards, securities and gifts worth 500 yuan or more must be "
                        "handed in; they cannot stay with the recipient.",
                    ),
                ).at("disposition")
            )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        if not must_hand_in(values):
            return []
        received = values.get("received_on")
        handed = values.get("handed_in_on")
        if not isinstance(received, date):
            return []
        due = received + timedelta(days=DUE_DAYS)
        if handed is None and today > due:
            return [
                Flag(
                    "overdue",
                    problem(
                        "hand_in_overdue",
                        QT_TRANSLATE_NOOP(
                            "Errors", "Not handed in; it was due on {due} ({days} days late)."
                        ),
                        due=due.isoformat(),
                        days=(today - due).days,
                    ),
                )
            ]
        if isinstance(handed, date) and handed > due:
            return [
                Flag(
                    "attention",
                    problem(
                        "handed_in_late",
                        QT_TRANSLATE_NOOP("Errors", "Handed in late ({days} days after receipt)."),
                        days=(handed - received).days,
                    ),
                )
            ]
        return []


def _hand_in_and_disposal(values: Mapping[str, Value]) -> list[Problem]:
    """Handed in: to whom and the voucher's number. Disposed of: only after the hand-in, on or
    after its day, approved; gifts and securities reviewed with the administration line (§9)."""
    out: list[Problem] = []
    handed = values.get("handed_in_on")
    if handed is not None:
        for name in ("handler", "voucher_no"):
            if not values.get(name):
                out.append(
                    problem(
                        "hand_in_incomplete",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "A hand-in names to whom it was handed and the voucher number.",
                        ),
                    ).at(name)
                )
    disposition = values.get("disposition")
    disposed = values.get("disposed_on")
    if disposed is not None and disposition is None:
        out.append(
            problem(
                "disposition_required",
                QT_TRANSLATE_NOOP("Errors", "Say how it was disposed of."),
            ).at("disposition")
        )
    if disposition not in DISPOSALS:
        return out
    if handed is None:
        out.append(
            problem(
                "disposed_before_hand_in",
                QT_TRANSLATE_NOOP(
                    "Errors", "A gift is disposed of only after it has been handed in."
                ),
            ).at("disposition")
        )
        return out
    if values.get("kind") == "cash" and disposition not in CASH_DISPOSALS:
        out.append(
            problem(
                "cash_stays_with_finance",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Cash handed in stays with finance; it may only go to rewards, relief or "
                    "donation.",
                ),
            ).at("disposition")
        )
    if disposed is None:
        out.append(
            problem(
                "disposed_on_required", QT_TRANSLATE_NOOP("Errors", "Give the day of the disposal.")
            ).at("disposed_on")
        )
    elif isinstance(handed, date) and isinstance(disposed, date) and disposed < handed:
        out.append(
            problem(
                "disposed_before_hand_in",
                QT_TRANSLATE_NOOP(
                    "Errors", "Disposed of on {disposed}, before it was handed in on {handed}."
                ),
                disposed=disposed.isoformat(),
                handed=handed.isoformat(),
            ).at("disposed_on")
        )
    if not values.get("approver"):
        out.append(
            problem(
                "approver_required",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A disposal is approved by the head of the company and finance line; name "
                    "the approver.",
                ),
            ).at("approver")
        )
    if values.get("kind") != "cash" and not values.get("co_reviewer"):
        out.append(
            problem(
                "co_reviewer_required",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Gifts and securities are disposed of after review with the head of the "
                    "administration line; name them.",
                ),
            ).at("co_reviewer")
        )
    return out

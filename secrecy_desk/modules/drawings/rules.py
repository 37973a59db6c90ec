"""图纸发放回收: top-secret drawings must be recalled; overdue recalls are flagged; a drawing of
the same number goes to the same receiver again only after the earlier copy is recalled or its
loss recorded (S6 drawings 2(4), 2(7))."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.records.rules import Flag, Notice, RuleContext


def _outstanding(values: Mapping[str, Value]) -> bool:
    """Out and neither back nor recorded lost."""
    return not values.get("recalled") and not values.get("lost")


class Recall:
    id = "drawings.recall"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        problems: list[Problem] = []
        level = values.get("level")
        must = bool(values.get("must_recall"))
        if level is Level.TOP_SECRET and not must:
            problems.append(
                problem(
                    "top_secret_recall",
                    QT_TRANSLATE_NOOP("Errors", "A top secret drawing must always be recalled."),
                ).at("must_recall")
            )
        if (must or level is Level.TOP_SECRET) and values.get("due_on") is None:
            problems.append(
                problem(
                    "due_required",
                    QT_TRANSLATE_NOOP(
                        "Errors", "A drawing that must be recalled needs a recall due date."
                    ),
                ).at("due_on")
            )
        if values.get("recalled") and values.get("recalled_on") is None:
            problems.append(
                problem(
                    "recalled_on_required",
                    QT_TRANSLATE_NOOP("Errors", "Give the date the drawing came back."),
                ).at("recalled_on")
            )
        if values.get("lost") and (
            values.get("loss_recorded_on") is None or not values.get("loss_note")
        ):
            problems.append(
                problem(
                    "loss_record_required",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "A lost drawing needs the date the loss was recorded and a note of the "
                        "loss and the written notice.",
                    ),
                ).at("loss_note")
            )
        if ctx.number is None and _outstanding(values):
            earlier = ctx.lookup.find(
                ctx.spec.id,
                {"drawing_no": values.get("drawing_no"), "receiver": values.get("receiver")},
                exclude_number=None,
            )
            pending = [number for number, vals in earlier if _outstanding(vals)]
            if pending:
                problems.append(
                    problem(
                        "reissue_before_recall",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Drawing {drawing} was already issued to {receiver} ({numbers}) and "
                            "is neither recalled nor recorded as lost; it cannot be issued again "
                            "to the same receiver until then.",
                        ),
                        drawing=str(values.get("drawing_no")),
                        receiver=str(values.get("receiver")),
                        numbers="、".join(pending[:5]),
                    ).at("drawing_no")
                )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        due = values.get("due_on")
        must = bool(values.get("must_recall")) or values.get("level") is Level.TOP_SECRET
        if must and _outstanding(values) and isinstance(due, date) and due < today:
            return [
                Flag(
                    "overdue",
                    problem(
                        "recall_overdue",
                        QT_TRANSLATE_NOOP("Errors", "Recall overdue since {due} ({days} days)."),
                        due=due.isoformat(),
                        days=(today - due).days,
                    ),
                )
            ]
        return []

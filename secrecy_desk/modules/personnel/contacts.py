"""涉密人员: one contact must not be shared by two different people without notice (S8 §7).

The same phone number on two different people is a sign of a fabricated or borrowed identity;
saving it is allowed only after the user confirms having seen the warning (and that
confirmation is audited with the save)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.records.rules import Flag, Notice, RuleContext


class SharedPhone:
    id = "personnel.shared_phone"

    def check(
        self, ctx: RuleContext, values: Mapping[str, Value]
    ) -> tuple[list[Problem], list[Notice]]:
        phone = values.get("phone")
        if not phone:
            return [], []
        if ctx.previous is not None and ctx.previous.get("phone") == phone:
            return [], []  # confirmed when it was entered; a change of post asks nothing
        others = ctx.lookup.find(ctx.spec.id, {"phone": phone}, exclude_number=ctx.number)
        me = values.get("id_number")
        shared = [
            (number, vals)
            for number, vals in others
            if not me or vals.get("id_number") != me  # the same person twice is not "shared"
        ]
        if not shared:
            return [], []
        names = "、".join(f"{vals.get('name') or ''}（{number}）" for number, vals in shared[:5])
        warning = problem(
            "shared_phone",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This phone number is already registered for {others}. The same contact on "
                "two different people must be checked; confirm to save anyway.",
            ),
            others=names,
        ).at("phone")
        return [], [Notice(warning)]

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        return []

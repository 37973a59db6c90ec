"""The static list of module rules. A new rule is added here, never discovered."""

from __future__ import annotations

from typing import Final

from secrecy_desk.commitments.rules import BeforeDeparture, Disengagement, TrainingExpiry
from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.forms import FormSpec
from secrecy_desk.modules.base import Rule
from secrecy_desk.modules.drawings import Recall
from secrecy_desk.modules.gifts import HandIn
from secrecy_desk.modules.personnel import SharedPhone

RULES: Final[dict[str, Rule]] = {
    rule.id: rule
    for rule in (
        SharedPhone(),
        Recall(),
        HandIn(),
        Disengagement(),
        TrainingExpiry(),
        BeforeDeparture(),
    )
}


class UnknownRule(DeskError):
    exit_code = 4


def rules_for(spec: FormSpec) -> tuple[Rule, ...]:
    """The rules a definition names; an unknown id stops startup naming the file."""
    out = []
    for rule_id in spec.rules:
        rule = RULES.get(rule_id)
        if rule is None:
            raise UnknownRule(
                QT_TRANSLATE_NOOP("Errors", '{file}: rules: unknown rule "{rule}".'),
                file=spec.source,
                rule=rule_id,
            )
        out.append(rule)
    return tuple(out)

"""Classification review (定密管理): the queue of classified entries whose secrecy term ends
soon, and the recorded decisions — declassify, extend, change the level — that are the only way
a level goes down (:mod:`.review`). The decisions are the register
``forms/registers/classification_reviews.toml``, filled by this module only; its register tab,
paper form and list come from the definition. The home tab gets a line per register whose
entries can be classified, counting the entries due for review (amber) and past their term (red).
"""

from collections.abc import Sequence

from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Command, Deadline, Module, Title
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS
from secrecy_desk.records.review import REVIEW_DUE, TERM_ENDED


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    return [
        Deadline(
            f"review:{s.id}",
            Title(f"定密审查：{s.title_zh}", f"Classification review: {s.title_en}"),
            s.id,
            flags=(REVIEW_DUE, TERM_ENDED),
        )
        for s in forms.registers
        if s.level_field is not None and s.id not in SYSTEM_REGISTERS
    ]


MODULE = Module(
    id="classification",
    title=Title("定密管理", "Classification review"),
    audit_events=("classification.decide",),
    commands=(
        Command(
            "review",
            "classification review: the queue of terms ending, and decisions",
            "secrecy_desk.cli.classification",
        ),
    ),
    deadlines=_deadlines,
)

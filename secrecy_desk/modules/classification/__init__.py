"""Classification review (定密管理): the queue of classified entries whose secrecy term ends
soon, and the recorded decisions — declassify, extend, change the level — that are the only way
a level goes down (:mod:`.review`). The decisions are the register
``forms/registers/classification_reviews.toml``, filled by this module only; its register tab,
paper form and list come from the definition. The home tab gets a line per register whose
entries can be classified, counting the entries due for review (amber) and past their term (red).
"""

from collections.abc import Sequence

from secrecy_desk.core.levels import Level
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import ATTENTION, Command, Deadline, EntryDeadline, Module, Title
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS
from secrecy_desk.records.review import REVIEW_DAYS

#: The day an entry's secrecy term ends, in SQL over the entry's stored term and registration
#: day, as :func:`secrecy_desk.records.review.term_ends_on` computes it: N years from the day
#: registered (29 February → 28 February in a year without one), or the date it runs until.
_YEARS = "date(substr(created_at, 1, 10), '+' || substr(term, 7) || ' years')"
TERM_ENDS = (
    "CASE WHEN term LIKE 'date:%' THEN substr(term, 6) "
    f"WHEN substr(created_at, 6, 5) = '02-29' AND strftime('%m-%d', {_YEARS}) <> '02-29' "
    f"THEN date({_YEARS}, '-1 day') ELSE {_YEARS} END"
)
_CLASSIFIED = f"level >= {int(Level.CONFIDENTIAL)} AND (term LIKE 'years:%' OR term LIKE 'date:%')"


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    """Two lines per register whose entries can be classified: terms ended without a decision
    (red) and terms ending within :data:`REVIEW_DAYS` days (amber) — the review flags."""
    lines: list[Deadline] = []
    for s in forms.registers:
        if s.level_field is None or s.id in SYSTEM_REGISTERS:
            continue
        lines.append(
            Deadline(
                f"review.ended:{s.id}",
                Title(f"保密期限已届满：{s.title_zh}", f"Secrecy term ended: {s.title_en}"),
                s.id,
                entries=EntryDeadline(s.id, when=_CLASSIFIED, day=TERM_ENDS, end=0),
            )
        )
        lines.append(
            Deadline(
                f"review.due:{s.id}",
                Title(f"定密审查到期：{s.title_zh}", f"Due for review: {s.title_en}"),
                s.id,
                entries=EntryDeadline(
                    s.id, when=_CLASSIFIED, day=TERM_ENDS, start=0, end=REVIEW_DAYS + 1
                ),
                severity=ATTENTION,
            )
        )
    return lines


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

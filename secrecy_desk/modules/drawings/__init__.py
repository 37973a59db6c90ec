"""Drawings issued and recalled (图纸发放回收, S6 drawings 2): the register is
``forms/registers/drawings.toml``; the code here is its recall rule and its deadline."""

from collections.abc import Sequence

from secrecy_desk.core.levels import Level
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Deadline, EntryDeadline, Module, ReportSection, Title
from secrecy_desk.modules.drawings.rules import Recall

REGISTER = "drawings"


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    if REGISTER not in forms:
        return ()
    # As the recall rule flags: must come back (marked so, or top secret), neither recalled nor
    # recorded lost, and past its recall date.
    overdue = EntryDeadline(
        REGISTER,
        when=(
            f"({{must_recall}} = 1 OR level = {int(Level.TOP_SECRET)}) "
            "AND coalesce({recalled}, 0) = 0 AND coalesce({lost}, 0) = 0"
        ),
        day="{due_on}",
        end=0,
    )
    return (
        Deadline(
            "drawings.recall_overdue",
            Title("图纸逾期未回收", "Drawings overdue for recall"),
            REGISTER,
            entries=overdue,
        ),
    )


MODULE = Module(
    id="drawings",
    title=Title("图纸发放回收", "Drawings"),
    rules=(Recall(),),
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "drawings",
            Title("涉密图纸", "Drawings"),
            "secrecy_desk.modules.drawings.figures:drawings",
            order=400,
        ),
    ),
)

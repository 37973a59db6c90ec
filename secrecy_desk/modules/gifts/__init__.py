"""Gifts handed in (礼品礼金登记, S7): the register is ``forms/registers/gifts.toml``; the code
here is its hand-in and disposal rule (:mod:`.rules`) and the half-yearly summary per department
(:mod:`.summary`, printed by ``secrecy-desk-admin office gifts-summary``)."""

from collections.abc import Sequence

from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Deadline, EntryDeadline, Module, Paper, ReportSection, Title
from secrecy_desk.modules.gifts.rules import ALWAYS_HANDED_IN, DUE_DAYS, THRESHOLD, HandIn

REGISTER = "gifts"


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    if REGISTER not in forms:
        return ()
    always = ", ".join(f"'{kind}'" for kind in sorted(ALWAYS_HANDED_IN))
    # As the hand-in rule flags: a gift that must be handed in (rules.must_hand_in), not handed
    # in, received more than a week ago.
    not_handed_in = EntryDeadline(
        REGISTER,
        when=(
            f"({{kind}} IN ({always}) "
            "OR ({kind} = 'travel' AND {given_to} IS NOT 'collective') "
            f"OR ({{kind}} IS NOT 'travel' AND {{value}} >= {THRESHOLD.fen})) "
            "AND {handed_in_on} IS NULL"
        ),
        day="{received_on}",
        end=-DUE_DAYS,
    )
    return (
        Deadline(
            "gifts.hand_in_overdue",
            Title("礼品超过一周未上交", "Gifts not handed in within a week"),
            REGISTER,
            entries=not_handed_in,
        ),
    )


def _papers(forms: Forms) -> Sequence[Paper]:
    """The half-yearly summary per department (the register's form 附件一 and list 附件二 are
    the register's papers)."""
    if REGISTER not in forms:
        return ()
    return (
        Paper(
            "gifts.summary",
            Title("礼品礼金有价证券上交、处理和积余情况半年报", "Gifts half-year summary"),
            "secrecy_desk.modules.gifts.summary:sample_summary",
        ),
    )


MODULE = Module(
    id="gifts",
    title=Title("礼品礼金", "Gifts"),
    audit_events=("gifts.summary_print",),
    rules=(HandIn(),),
    deadlines=_deadlines,
    report_sections=(
        ReportSection(
            "gifts",
            Title("礼品礼金", "Gifts"),
            "secrecy_desk.modules.gifts.figures:gifts",
            order=600,
        ),
    ),
    papers=_papers,
)

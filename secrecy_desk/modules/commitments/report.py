"""The completeness report (避免漏签): who in scope has no valid signed commitment of the kind
their status requires, who is due to renew the yearly in-post commitment, and which printed
commitments are still unsigned after a week. Printable as a marked list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, default_term
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.commitments import ID as MODULE
from secrecy_desk.modules.commitments.flow import (
    ARCHIVED,
    DEPARTURE,
    IN_POST,
    ONBOARDING,
    PRINTED,
    Commitment,
    Commitments,
)
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.personnel.dates import add_months
from secrecy_desk.printing import Column, ListDocument, ListRow
from secrecy_desk.records.printing import Deliver, PrintDocument, PrintJob, Printout, print_job

#: The commitments that satisfy each status (any one of them, signed and archived).
REQUIRED: Final = {
    lifecycle.REVIEW: (ONBOARDING,),
    lifecycle.IN_POST: (ONBOARDING, IN_POST),
    lifecycle.DISENGAGING: (DEPARTURE,),
}
#: The in-post commitment is renewed every year.
RENEW_MONTHS: Final = 12
#: A printed commitment not signed after this many days is reported.
UNSIGNED_DAYS: Final = 7

MISSING, RENEW, UNSIGNED = "missing", "renew", "unsigned"
KIND_TEXT: Final = {
    MISSING: QT_TRANSLATE_NOOP("Commitments", "No signed commitment"),
    RENEW: QT_TRANSLATE_NOOP("Commitments", "Due to renew"),
    UNSIGNED: QT_TRANSLATE_NOOP("Commitments", "Printed, unsigned"),
}
_KIND_ZH: Final = {MISSING: "未签承诺书", RENEW: "应续签", UNSIGNED: "打印后未签回"}
#: What the two right columns say when there is no commitment to name (every cell filled).
_NO_COMMITMENT: Final = {MISSING: "未生成", RENEW: "应新签", UNSIGNED: ""}
_NEVER: Final = {MISSING: "从未签署", RENEW: "", UNSIGNED: ""}


@dataclass(frozen=True, slots=True)
class Gap:
    kind: str  # missing / renew / unsigned
    person: str
    name: str
    department: str
    status: str  # the person's status code
    template: str  # the template required, due or printed
    commitment: str = ""  # the unsigned commitment's number
    since: str = ""  # last signed (renew) or printed (unsigned, or missing), YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Report:
    today: date
    gaps: tuple[Gap, ...]

    def of(self, kind: str) -> list[Gap]:
        return [g for g in self.gaps if g.kind == kind]


def completeness(commitments: Commitments, *, department: str | None = None) -> Report:
    commitments.require(Action.VIEW)
    today = commitments.session.clock.today()
    people = commitments.people(department=department)
    signed: dict[str, list[Commitment]] = {}
    pending: dict[str, list[Commitment]] = {}
    gaps: list[Gap] = []
    every = commitments.find()
    for item in every:
        if item.status == ARCHIVED:
            signed.setdefault(item.person, []).append(item)
        else:
            pending.setdefault(item.person, []).append(item)
    names = {p.number: p for p in people}
    for person in people:
        required = REQUIRED.get(person.status, ())
        if not required:
            continue
        name = str(person.values.get("name") or "")
        dept = str(person.values.get("department") or "")
        mine = [c for c in signed.get(person.number, []) if c.template in required]
        if not mine:
            waiting = [c for c in pending.get(person.number, []) if c.template in required]
            number = waiting[-1].number if waiting else ""
            printed_on = (waiting[-1].printed_at or "")[:10] if waiting else ""
            gaps.append(
                Gap(
                    MISSING,
                    person.number,
                    name,
                    dept,
                    person.status,
                    required[-1],
                    number,
                    printed_on,
                )
            )
            continue
        if person.status == lifecycle.IN_POST:
            last = max(c.signed_on or date.min for c in mine)
            if add_months(last, RENEW_MONTHS) <= today:
                gaps.append(
                    Gap(RENEW, person.number, name, dept, person.status, IN_POST, "", str(last))
                )
    limit = today - timedelta(days=UNSIGNED_DAYS)
    for item in every:
        if item.status != PRINTED or not item.printed_at:
            continue
        printed = date.fromisoformat(item.printed_at[:10])
        if printed > limit or (department and item.department != department):
            continue
        person_entry = names.get(item.person)
        gaps.append(
            Gap(
                UNSIGNED,
                item.person,
                item.name,
                item.department,
                person_entry.status if person_entry else "",
                item.template,
                item.number,
                printed.isoformat(),
            )
        )
    return Report(today, tuple(gaps))


def due_people(
    commitments: Commitments, template: str, *, department: str | None = None
) -> list[str]:
    """Everyone due for ``template`` now (on-boarding, in-post or departure), leaving out people
    who already have one waiting for a signature."""
    report = completeness(commitments, department=department)
    pending = {c.person for c in commitments.find(template=template) if c.status != ARCHIVED}
    out: list[str] = []
    for gap in report.gaps:
        if gap.kind == UNSIGNED or gap.person in pending or gap.person in out:
            continue
        if (
            (template == IN_POST and gap.status == lifecycle.IN_POST)
            or (template == ONBOARDING and gap.kind == MISSING and gap.status == lifecycle.REVIEW)
            or (
                template == DEPARTURE
                and gap.kind == MISSING
                and gap.status == lifecycle.DISENGAGING
            )
        ):
            out.append(gap.person)
    return out


def _since(gap: Gap) -> str:
    """The right-hand column: the day last signed (renew) or printed (unsigned); for a
    commitment missing, the day the one waiting was printed, or that none was ever signed."""
    if gap.kind == MISSING:
        return f"{gap.since} 打印，未签回" if gap.since else _NEVER[MISSING]
    return gap.since or _NEVER[gap.kind]


def report_document(commitments: Commitments, report: Report) -> ListDocument:
    titles = {s.id: s.title_zh for s in commitments.templates()}
    statuses = {s.code: s.zh for s in commitments.registers.spec(lifecycle.PERSONNEL).statuses}
    rows = [
        ListRow(
            (
                _KIND_ZH[g.kind],
                g.person,
                g.name,
                g.department,
                statuses.get(g.status, g.status),
                titles.get(g.template, g.template),
                g.commitment or _NO_COMMITMENT[g.kind],
                _since(g),
            ),
            flagged=g.kind == UNSIGNED,
        )
        for g in report.gaps
    ]
    counts = "，".join(f"{_KIND_ZH[k]} {len(report.of(k))} 人" for k in (MISSING, RENEW, UNSIGNED))
    return ListDocument(
        title="保密承诺书签订情况检查表",
        subtitle=f"截至 {report.today.isoformat()}",
        columns=(
            Column("问题", 8),
            Column("人员编号", 10),
            Column("姓名", 6),
            Column("部门", 10),
            Column("人员状态", 8),
            Column("承诺书", 14),
            Column("承诺书编号", 11),
            Column("打印或上次签署", 9),
        ),
        rows=tuple(rows),
        summary=f"共 {len(report.gaps)} 项：{counts}",
        flag_meaning="逾期未签回",
    )


def report_job(commitments: Commitments, report: Report) -> PrintJob:
    """The report on paper, as a print job: a list marked with the highest level among the
    commitments it lists (内部 at least)."""
    commitments.require(Action.PRINT)
    levels = [commitments.get(g.commitment).level for g in report.gaps if g.commitment]
    level = max([Level.INTERNAL, *levels])
    doc = PrintDocument(
        report_document(commitments, report),
        obj=f"{MODULE}（{report.today.isoformat()}）",
        revision=None,
        number="",
        level=level,
        term=default_term(level) if level.classified else None,
        rows=len(report.gaps),
    )
    return PrintJob((doc,), "commitment.report", MODULE, {"count": len(report.gaps)})


def print_report(
    commitments: Commitments, report: Report, *, printer: str, deliver: Deliver | None = None
) -> Printout:
    """The report printed: recorded in the print register and the audit trail."""
    return print_job(
        commitments.session,
        commitments.registers.forms,
        lambda: report_job(commitments, report),
        printer=printer,
        deliver=deliver,
    )


def sample_report(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's completeness report (see modules.base.Paper)."""
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    del argument
    commitments = Commitments(open_registers(samples.session(Role.OFFICER), samples.forms))
    return report_job(commitments, completeness(commitments))

"""The half-year and annual secrecy work report (保密工作统计报表): its sections are the modules'
declarations (``Module.report_sections``), each a function that counts its own records over
the period — so a module added later (carriers, incidents, inspections…) brings its section
with it. Printed and exported (PDF) as one marked list through the one print operation.

Every figure is counted within the account's clearance, from live (not voided) records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, cast

from secrecy_desk.core.errors import DeskError, UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, default_term
from secrecy_desk.core.roles import Action
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registers.planning import field_path, register_is
from secrecy_desk.modules.reports import ID as MODULE
from secrecy_desk.modules.reports import TITLE
from secrecy_desk.printing import Align, Column, ListDocument, ListRow
from secrecy_desk.records.printing import PrintDocument, PrintJob

_DIGITS: Final = "〇一二三四五六七八九"
FULL_YEAR, FIRST_HALF, SECOND_HALF = "year", "h1", "h2"
SectionFigures = Callable[[Registers, date, date], Figures]


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    title: str  # 2026年上半年 / 2026年度

    @classmethod
    def of(cls, year: int, part: str) -> Period:
        if part == FIRST_HALF:
            return cls(date(year, 1, 1), date(year, 6, 30), f"{year}年上半年")
        if part == SECOND_HALF:
            return cls(date(year, 7, 1), date(year, 12, 31), f"{year}年下半年")
        if part == FULL_YEAR:
            return cls(date(year, 1, 1), date(year, 12, 31), f"{year}年度")
        raise UsageError(
            QT_TRANSLATE_NOOP("Errors", "A report covers a year or a half-year, not {part}."),
            part=part,
        )


@dataclass(frozen=True, slots=True)
class WorkReport:
    period: Period
    today: date
    sections: tuple[Figures, ...]

    @property
    def level(self) -> Level:
        return max([Level.INTERNAL, *(s.level for s in self.sections)])


# --- helpers for the sections -------------------------------------------------------------


def grouped(
    registers: Registers,
    register: str,
    group: str,
    where: Sequence[str] = (),
    params: Sequence[object] = (),
) -> tuple[dict[str, int], Level]:
    """Live entries of ``register`` within the clearance, counted by the SQL ``group`` (over
    fields written ``{name}``); the highest level counted. Needs view permission."""
    registers.require(register, Action.VIEW)
    expr = _fields(group)
    clauses = [register_is(register), "voided = 0", "level <= ?", *(_fields(w) for w in where)]
    rows = registers.store.all(
        f"SELECT {expr}, count(*), max(level) FROM entries WHERE {' AND '.join(clauses)} "
        "GROUP BY 1",
        [int(registers.session.principal.clearance), *params],
    )
    counts = {("" if k is None else str(k)): int(n) for k, n, _ in rows}
    top = max([Level.PUBLIC, *(Level(int(t)) for _k, _n, t in rows if t is not None)])
    return counts, top


def _fields(sql: str) -> str:
    out = sql
    while "{" in out:
        head, _, rest = out.partition("{")
        name, _, tail = rest.partition("}")
        out = head + field_path(name) + tail
    return out


def breakdown(counts: dict[str, int], labels: dict[str, str]) -> str:
    """``核心 3、重要 2`` in the order of ``labels``, then any others."""
    parts = [f"{labels[k]} {counts[k]}" for k in labels if counts.get(k)]
    parts += [f"{k or '未填'} {n}" for k, n in counts.items() if k not in labels and n]
    return "、".join(parts)


# --- the report ---------------------------------------------------------------------------


def work_report(registers: Registers, period: Period) -> WorkReport:
    """Every module's section over ``period``; a section the account may not see (no view
    permission on what it counts) is left out."""
    sections: list[Figures] = []
    for section in registry.report_sections():
        make = cast(SectionFigures, registry.resolve(section.figures))
        try:
            sections.append(make(registers, period.start, period.end))
        except DeskError:
            continue
    return WorkReport(period, registers.session.clock.today(), tuple(sections))


def numeral(n: int) -> str:
    """A section's number as a Chinese document numbers it (一 … 十, 十一, 二十三), for 1–99."""
    tens, ones = divmod(n, 10)
    if not 0 < n < 100:
        return str(n)
    head = "" if tens == 0 else "十" if tens == 1 else f"{_DIGITS[tens]}十"
    return head + (_DIGITS[ones] if ones else "")


def document(report: WorkReport, unit: str) -> ListDocument:
    rows: list[ListRow] = []
    for index, section in enumerate(report.sections):
        rows.append(ListRow((f"{numeral(index + 1)}、{section.title}", "", ""), heading=True))
        rows.extend(ListRow((f"　{f.label}", f.value, f.note)) for f in section.lines)
    p = report.period
    return ListDocument(
        title=f"{unit}保密工作统计报表（{p.title}）",
        subtitle=f"统计期间 {p.start.isoformat()} 至 {p.end.isoformat()}；制表日期 {report.today}",
        columns=(Column("统计项目", 7), Column("数量", 2, Align.RIGHT), Column("说明", 9)),
        rows=tuple(rows),
        summary="各项数字限于制表人的知悉范围，不含已作废的记录。",
    )


def report_job(registers: Registers, report: WorkReport, *, check: bool = True) -> PrintJob:
    """The report on paper: one list marked with the highest level among what it counts
    (permission ``print`` in a register the account sees or in the statistics module, unless
    ``check`` is off: an export checks its own)."""
    session = registers.session
    visible = registers.visible_registers()
    if check and not any(session.principal.can(s.id, Action.PRINT) for s in visible):
        session.principal.require(MODULE, Action.PRINT, TITLE)
    level = report.level
    doc = PrintDocument(
        document(report, session.settings.unit),
        obj=f"{MODULE}:work-report（{report.period.title}）",
        revision=None,
        number="",
        level=level,
        term=default_term(level) if level.classified else None,
        rows=sum(len(s.lines) for s in report.sections),
    )
    details = {"period": f"{report.period.start}/{report.period.end}"}
    return PrintJob((doc,), "report.print", MODULE, details)


# --- the sections the vault itself provides ------------------------------------------------


def audit_figures(registers: Registers, start: date, end: date) -> Figures:
    """Audit trail checks in the period: verifications by result, seals made."""
    store = registers.store
    until = date.fromordinal(end.toordinal() + 1).isoformat()
    rows = store.all(
        "SELECT outcome, count(*) FROM audit WHERE action = 'audit.verify' AND at >= ? "
        "AND at < ? GROUP BY outcome",
        (start.isoformat(), until),
    )
    outcome = {str(k): int(n) for k, n in rows}
    seals = int(
        store.scalar(
            "SELECT count(*) FROM seals WHERE at >= ? AND at < ?", (start.isoformat(), until)
        )
    )
    total = sum(outcome.values())
    lines = (
        Figure(
            "审计日志完整性校验（次）",
            str(total),
            breakdown(outcome, {"ok": "完整", "broken": "发现断链"}),
        ),
        Figure("审计员签章（次）", str(seals)),
    )
    return Figures("安全审计", lines)

"""The self-inspection sheet (保密工作自查表, S3 §27; S4 §18), filled from the data: each line
is one figure and where it came from, for a period (the sheet's "from" and "until" days).

Lines, in order:

1. commitment signing rate (签订率) — people under review, in post or in their disengagement
   period who have the commitment their status requires, signed and archived;
2. the last stocktake's match rate (账物相符率) — from the carriers module's stocktakes; until
   one is recorded the line says so;
3. overdue recalls and returns — drawings not recalled by their due day, archive items not
   returned by theirs;
4. gifts not handed in on time — overdue now, and handed in late during the period;
5. disengagement periods ending — within the period, and in the 30 days after it;
6. training coverage — people in post with a training record issued during the period;
7. inspection findings not rectified and verified by their deadline;
8. failed logins and lockouts during the period (audit trail);
9. the audit chain's last verification (audit trail).

Figures count what the printing account may see (its clearance); the sheet says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Protocol, cast

from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.commitments.report import MISSING, REQUIRED, completeness
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.registers import Entry, Query, Registers
from secrecy_desk.printing import Align, Column, ListDocument, ListRow
from secrecy_desk.records.printing import Deliver, PrintDocument, PrintJob, Printout, print_job

#: Days after the period in which a disengagement period ending is reported too.
AHEAD_DAYS: Final = 30


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One line of the sheet: what is checked, the figure, where it came from."""

    item: str
    figure: str
    source: str
    value: float | int | None = None  # the figure as a number, for tests and totals


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%（{part}/{whole}）" if whole else "—"


def _all(registers: Registers, register: str) -> list[Entry]:
    if not registers.session.principal.can(register, Action.VIEW):
        return []
    return registers.page(register, Query(limit=None))


def _flagged(entries: list[Entry], code: str) -> int:
    return sum(1 for e in entries if any(f.problem.code == code for f in e.flags))


def _between(value: object, start: date, end: date) -> bool:
    return isinstance(value, date) and start <= value <= end


def signing_rate(registers: Registers) -> SheetLine:
    commitments = Commitments(registers)
    people = [p for p in commitments.people() if p.status in REQUIRED]
    missing = {g.person for g in completeness(commitments).of(MISSING)}
    signed = sum(1 for p in people if p.number not in missing)
    return SheetLine(
        "保密承诺书签订率",
        _pct(signed, len(people)) if people else "无应签订人员",
        "涉密人员登记（审查中、在岗、脱密期人员）；保密承诺书（已签订归档的应签承诺书）",
        signed / len(people) if people else None,
    )


class StocktakeFigures(Protocol):
    """The last closed stocktake as the carriers module gives it (its ``MatchRate``)."""

    @property
    def closed_on(self) -> date: ...
    @property
    def expected(self) -> int: ...
    @property
    def found(self) -> int: ...
    @property
    def rate(self) -> float: ...


#: The carriers module's stocktake figures, when it is installed: a function of the register
#: engine returning the last closed stocktake, or ``None`` when none was closed.
StocktakeLookup = Callable[[Registers], StocktakeFigures | None]


def match_rate(registers: Registers, lookup: StocktakeLookup | None = None) -> SheetLine:
    source = "涉密载体清查盘点"
    if lookup is None and (dotted := registry.stocktake_figures()) is not None:
        lookup = cast(StocktakeLookup, registry.resolve(dotted))
    last = lookup(registers) if lookup is not None else None
    if last is None:
        return SheetLine(
            "涉密载体账物相符率", "尚无清查盘点记录", source + "（本程序尚未记录清查盘点）"
        )
    return SheetLine(
        "涉密载体账物相符率",
        f"{100 * last.rate:.1f}%（{last.found}/{last.expected}，{last.closed_on.isoformat()}）",
        source + "：最近一次结束的清查",
        last.rate,
    )


def overdue_returns(registers: Registers) -> SheetLine:
    drawings = _flagged(_all(registers, "drawings"), "recall_overdue")
    archive = _flagged(_all(registers, "archive_access"), "archive_overdue")
    return SheetLine(
        "逾期未回收、未归还",
        f"图纸逾期未回收 {drawings} 份；档案逾期未归还 {archive} 件",
        "图纸发放回收登记（到期未回收）；档案查阅登记（到期未归还）",
        drawings + archive,
    )


def gifts_late(registers: Registers, start: date, end: date) -> SheetLine:
    gifts = _all(registers, "gifts")
    overdue = _flagged(gifts, "hand_in_overdue")
    late = sum(
        1
        for e in gifts
        if _between(e.values.get("handed_in_on"), start, end)
        and any(f.problem.code == "handed_in_late" for f in e.flags)
    )
    return SheetLine(
        "礼品礼金未按时上交",
        f"逾期未上交 {overdue} 件；期内逾期上交 {late} 件",
        "礼品礼金登记（应上交而超过7日未上交；期内上交日期晚于收受后7日）",
        overdue + late,
    )


def disengagement(registers: Registers, start: date, end: date) -> SheetLine:
    people = [e for e in _all(registers, lifecycle.PERSONNEL) if e.status == lifecycle.DISENGAGING]
    within = sum(1 for e in people if _between(e.values.get("disengage_ends"), start, end))
    ahead = sum(
        1
        for e in people
        if _between(
            e.values.get("disengage_ends"),
            end + timedelta(days=1),
            end + timedelta(days=AHEAD_DAYS),
        )
    )
    return SheetLine(
        "脱密期届满",
        f"期内届满 {within} 人；其后{AHEAD_DAYS}日内届满 {ahead} 人",
        "涉密人员登记（脱密期人员的脱密期届满日期）",
        within + ahead,
    )


def training(registers: Registers, start: date, end: date) -> SheetLine:
    in_post = {
        e.number for e in _all(registers, lifecycle.PERSONNEL) if e.status == lifecycle.IN_POST
    }
    trained = {
        str(e.values.get("person"))
        for e in _all(registers, "training")
        if e.values.get("kind") == "training" and _between(e.values.get("issued_on"), start, end)
    }
    covered = len(in_post & trained)
    return SheetLine(
        "保密教育培训覆盖率",
        _pct(covered, len(in_post)) if in_post else "无在岗涉密人员",
        "涉密人员登记（在岗人员）；保密培训与岗位认证登记（期内的培训记录）",
        covered / len(in_post) if in_post else None,
    )


def rectification(registers: Registers) -> SheetLine:
    overdue = _flagged(_all(registers, "inspection_findings"), "rectification_overdue")
    return SheetLine(
        "检查发现问题逾期未整改",
        f"{overdue} 项",
        "检查问题整改登记（超过整改期限仍未验收）",
        overdue,
    )


def _audit_count(registers: Registers, action: str, start: date, end: date) -> int:
    return int(
        registers.store.scalar(
            "SELECT count(*) FROM audit WHERE action = ? AND substr(at, 1, 10) BETWEEN ? AND ?",
            (action, start.isoformat(), end.isoformat()),
        )
    )


def logins(registers: Registers, start: date, end: date) -> SheetLine:
    failed = _audit_count(registers, "login.failed", start, end)
    locked = _audit_count(registers, "account.lockout", start, end)
    return SheetLine(
        "登录失败与账户锁定",
        f"登录失败 {failed} 次；账户锁定 {locked} 次",
        "安全审计记录（登录失败、账户锁定）",
        failed + locked,
    )


def last_verification(registers: Registers) -> SheetLine:
    row = registers.store.one(
        "SELECT at, outcome, details FROM audit WHERE action = 'audit.verify' ORDER BY seq DESC "
        "LIMIT 1"
    )
    source = "安全审计记录（安全审计员的审计链核验）"
    if row is None:
        return SheetLine("审计链最近一次核验", "尚未核验", source)
    outcome = "完整" if row[1] == "ok" else "发现断点"
    return SheetLine("审计链最近一次核验", f"{str(row[0])[:10]} {outcome}", source)


def fill(
    registers: Registers,
    start: date,
    end: date,
    *,
    stocktake: StocktakeLookup | None = None,
) -> list[SheetLine]:
    """Every line of the sheet for the period ``start``–``end`` (the secrecy officer's)."""
    registers.session.require_active_password()
    registers.session.principal.require_role(Role.OFFICER)
    if end < start:
        raise UsageError(
            QT_TRANSLATE_NOOP("Errors", "The period ends before it starts."),
        )
    return [
        signing_rate(registers),
        match_rate(registers, stocktake),
        overdue_returns(registers),
        gifts_late(registers, start, end),
        disengagement(registers, start, end),
        training(registers, start, end),
        rectification(registers),
        logins(registers, start, end),
        last_verification(registers),
    ]


def sheet_job(
    registers: Registers, start: date, end: date, *, stocktake: StocktakeLookup | None = None
) -> PrintJob:
    lines = fill(registers, start, end, stocktake=stocktake)
    today = registers.session.clock.today()
    columns = (
        Column("序号", 2.0, Align.RIGHT),
        Column("检查项目", 8.0),
        Column("数据", 12.0),
        Column("数据来源", 18.0),
    )
    rows = tuple(
        ListRow((str(n), line.item, line.figure, line.source)) for n, line in enumerate(lines, 1)
    )
    clearance = registers.session.principal.clearance
    doc = ListDocument(
        title="保密工作自查表",
        columns=columns,
        rows=rows,
        subtitle=(
            f"自查期间 {start.isoformat()} 至 {end.isoformat()}；"
            f"{today.isoformat()} 由本程序据台账数据填写"
        ),
        summary=(
            f"数据为{registers.session.account.display_name}"
            f"（知悉范围至{clearance.zh}）可见的台账数据"
        ),
    )
    document = PrintDocument(
        doc,
        obj=f"office:self-inspection:{start.isoformat()}:{end.isoformat()}",
        revision=None,
        number="",
        level=Level.INTERNAL,
        term=None,
        rows=len(lines),
    )
    return PrintJob(
        (document,),
        "office.sheet_print",
        "office",
        {"from": start.isoformat(), "until": end.isoformat()},
    )


def print_sheet(
    registers: Registers,
    start: date,
    end: date,
    *,
    printer: str,
    copies: int = 1,
    deliver: Deliver | None = None,
    stocktake: StocktakeLookup | None = None,
) -> Printout:
    return print_job(
        registers.session,
        registers.forms,
        lambda: sheet_job(registers, start, end, stocktake=stocktake),
        copies=copies,
        printer=printer,
        deliver=deliver,
    )


def sample_sheet(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's self-inspection sheet, from the first of the year to the demo's day."""
    del argument
    registers = registry.open_registers(samples.session(Role.OFFICER), samples.forms)
    today = registers.session.clock.today()
    return sheet_job(registers, date(today.year, 1, 1), today)

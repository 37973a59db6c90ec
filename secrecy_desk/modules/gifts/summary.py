"""The half-yearly gifts summary per department (S7 §4.2: 每半年向财务管理中心报备上交、处理和
积余情况): for each department, what was received, handed in and disposed of in the half year,
and what finance still holds at its end — counts and values — printed as a list through the
kernel's print operation (recorded in the print register, audited as ``gifts.summary_print``).

* received: entries received in the half year;
* handed in: entries handed in during the half year;
* disposed of: entries disposed of (cashed, hospitality, unit asset, rewards/donation, returned)
  during the half year;
* held (积余): entries handed in by the end of the half year and not disposed of by then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from secrecy_desk.core.collation import numbered_key
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.money import Money
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.registers import Entry, Query, Registers
from secrecy_desk.printing import Align, Column, ListDocument, ListRow
from secrecy_desk.records.printing import Deliver, PrintDocument, PrintJob, Printout, print_job

GIFTS = "gifts"
_HALF = re.compile(r"^\s*(\d{4})\s*(?:[Hh]([12])|(上|下)半年)\s*$")


@dataclass(frozen=True, slots=True)
class HalfYear:
    year: int
    half: int  # 1: January–June, 2: July–December

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    def text(self, lang: str) -> str:
        if lang == "en":
            return f"{self.year} H{self.half}"
        return f"{self.year}年{'上' if self.half == 1 else '下'}半年"

    @staticmethod
    def parse(text: str) -> HalfYear:
        """``2026H1``, ``2026h2``, ``2026上半年``, ``2026下半年``."""
        m = _HALF.match(text)
        if m is None:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Errors", 'Write the half year as 2026H1 or 2026上半年, not "{text}".'
                ),
                text=text,
            )
        half = int(m.group(2)) if m.group(2) else (1 if m.group(3) == "上" else 2)
        return HalfYear(int(m.group(1)), half)


@dataclass(slots=True)
class Tally:
    count: int = 0
    value: Money = field(default_factory=lambda: Money(0))

    def add(self, entry: Entry) -> None:
        self.count += 1
        value = entry.values.get("value")
        if isinstance(value, Money):
            self.value = self.value + value


@dataclass(slots=True)
class DepartmentLine:
    department: str
    received: Tally = field(default_factory=Tally)
    handed_in: Tally = field(default_factory=Tally)
    disposed: Tally = field(default_factory=Tally)
    held: Tally = field(default_factory=Tally)


def _on(entry: Entry, name: str) -> date | None:
    value = entry.values.get(name)
    return value if isinstance(value, date) else None


def tally(entries: Iterable[Entry], period: HalfYear) -> list[DepartmentLine]:
    """Per department, from live entries: numbered departments by their number (一室, 二室,
    三室 … 十二室), then the others by pinyin (:func:`.collation.numbered_key`; the unit keeps
    no order of its departments)."""
    lines: dict[str, DepartmentLine] = {}
    for e in entries:
        if e.voided:
            continue
        dept = str(e.values.get("department") or "")
        line = lines.setdefault(dept, DepartmentLine(dept))
        received, handed, disposed = (
            _on(e, n) for n in ("received_on", "handed_in_on", "disposed_on")
        )
        if received is not None and period.start <= received <= period.end:
            line.received.add(e)
        if handed is not None and period.start <= handed <= period.end:
            line.handed_in.add(e)
        if disposed is not None and period.start <= disposed <= period.end:
            line.disposed.add(e)
        if (
            handed is not None
            and handed <= period.end
            and (disposed is None or disposed > period.end)
        ):
            line.held.add(e)
    return [
        lines[k]
        for k in sorted(lines, key=numbered_key)
        if any(
            t.count
            for t in (lines[k].received, lines[k].handed_in, lines[k].disposed, lines[k].held)
        )
    ]


def summary(registers: Registers, period: HalfYear) -> list[DepartmentLine]:
    registers.require(GIFTS, Action.VIEW)
    return tally(registers.page(GIFTS, Query(limit=None)), period)


def summary_job(registers: Registers, period: HalfYear, lang: str = "zh_CN") -> PrintJob:
    """The summary as a list for the print dialog or a print (permission ``print`` in gifts)."""
    registers.require(GIFTS, Action.PRINT)
    lines = summary(registers, period)
    en = lang == "en"
    heads = (
        ("部门", "Department", 10.0, Align.LEFT),
        ("收受件数", "Received", 4.0, Align.RIGHT),
        ("收受金额", "Value received", 7.0, Align.RIGHT),
        ("上交件数", "Handed in", 4.0, Align.RIGHT),
        ("上交金额", "Value handed in", 7.0, Align.RIGHT),
        ("处理件数", "Disposed of", 4.0, Align.RIGHT),
        ("处理金额", "Value disposed of", 7.0, Align.RIGHT),
        ("积余件数", "Held", 4.0, Align.RIGHT),
        ("积余金额", "Value held", 7.0, Align.RIGHT),
    )
    columns = tuple(Column(e if en else z, w, a) for z, e, w, a in heads)
    total = DepartmentLine("合计" if not en else "Total")
    rows: list[tuple[str, ...]] = []
    for line in [*lines, total]:
        tallies = (line.received, line.handed_in, line.disposed, line.held)
        if line is not total:
            for mine, sum_ in zip(
                tallies, (total.received, total.handed_in, total.disposed, total.held), strict=True
            ):
                sum_.count += mine.count
                sum_.value = sum_.value + mine.value
        cells = [line.department]
        for t in tallies:
            cells += [str(t.count), t.value.display()]
        rows.append(tuple(cells))
    title = (
        "Half-yearly report of gifts, cash and securities handed in, disposed of and held"
        if en
        else "礼品礼金有价证券上交、处理和积余情况半年报"
    )
    span = f"{period.start.isoformat()} – {period.end.isoformat()}"
    doc = ListDocument(
        title=title,
        columns=columns,
        rows=tuple(ListRow(cells) for cells in rows[:-1]),
        totals=rows[-1],
        subtitle=f"{period.text(lang)}（{span}）" if not en else f"{period.text(lang)} ({span})",
        summary=(f"共 {len(lines)} 个部门" if not en else f"{len(lines)} departments"),
    )
    document = PrintDocument(
        doc,
        obj=f"{GIFTS}:summary:{period.year}H{period.half}",
        revision=None,
        number="",
        level=Level.INTERNAL,
        term=None,
        rows=len(lines),
    )
    return PrintJob(
        (document,), "gifts.summary_print", GIFTS, {"period": f"{period.year}H{period.half}"}
    )


def print_summary(
    registers: Registers,
    period: HalfYear,
    *,
    printer: str,
    copies: int = 1,
    lang: str = "zh_CN",
    deliver: Deliver | None = None,
) -> Printout:
    return print_job(
        registers.session,
        registers.forms,
        lambda: summary_job(registers, period, lang),
        copies=copies,
        printer=printer,
        deliver=deliver,
    )


def sample_summary(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's summary of the half-year it is in."""
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    del argument
    registers = open_registers(samples.session(Role.OFFICER), samples.forms)
    today = registers.session.clock.today()
    return summary_job(registers, HalfYear(today.year, 1 if today.month <= 6 else 2))

"""Periods: the bounds of a date range as a person types them, and a register's quick filters
as a :class:`~secrecy_desk.records.model.Query`.

A bound is a day (``2026-11-27``, ``2026.11.27``, ``2026年11月27日``), a month (``2026-11``,
``2026年11月``) or a year (``2026``, ``2026年``); as the start of a range it means the period's
first day, as the end its last, so ``--from issued_on=2026-07 --to issued_on=2026-12`` is the
second half-year. A quick filter (``[[list.quick]]`` in a register's definition) is a few
equalities, a date field that must lie before today (overdue), a date field in the current
month, and "entered by me"; several at once narrow the list together.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.validators import parse_date_text
from secrecy_desk.forms import FormSpec, QuickFilter
from secrecy_desk.records.model import Query

_MONTH: Final = re.compile(r"^(?P<y>\d{4})(?:[-./年](?P<m>\d{1,2})月?)?年?$")


def bound(text: str, *, end: bool) -> date | None:
    """The day a range bound stands for (``None`` when the text is no day, month or year)."""
    day = parse_date_text(text)
    if day is not None:
        return day
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = _MONTH.match(cleaned)
    if match is None:
        return None
    year = int(match["y"])
    if match["m"] is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = int(match["m"])
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if end else 1)


def is_period(text: str) -> bool:
    """Whether ``text`` is a month or a year (not a single day)."""
    return parse_date_text(text) is None and bound(text, end=False) is not None


def month_of(today: date) -> tuple[str, str]:
    """The current month as a range (first day, last day)."""
    last = calendar.monthrange(today.year, today.month)[1]
    return (today.replace(day=1).isoformat(), today.replace(day=last).isoformat())


def apply_quick(query: Query, quick: Iterable[QuickFilter], *, today: date, login: str) -> Query:
    """``query`` narrowed by every quick filter in ``quick`` (their conditions together)."""
    where = dict(query.where)
    ranges = dict(query.ranges)
    created_by = query.created_by
    for q in quick:
        where.update(dict(q.where))
        if q.before_today:
            start, _ = ranges.get(q.before_today, ("", ""))
            ranges[q.before_today] = (start, (today - timedelta(days=1)).isoformat())
        if q.this_month:
            ranges[q.this_month] = month_of(today)
        if q.mine:
            created_by = login
    return replace(query, where=where, ranges=ranges, created_by=created_by)


def quick_filter(spec: FormSpec, quick_id: str) -> QuickFilter:
    """The register's quick filter ``quick_id`` (``KeyError`` if it has none of that id)."""
    for q in spec.listing.quick:
        if q.id == quick_id:
            return q
    raise KeyError(quick_id)

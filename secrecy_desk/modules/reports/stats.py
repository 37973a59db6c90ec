"""Register statistics (统计): counts of a register's entries by one dimension, or a cross-tab
of two — the entry's mark, its status, a field's value, or a date field by month, quarter,
half-year or year — over a date range of any date field if asked.

One ``GROUP BY`` query over the register's live entries within the account's clearance (what it
cannot see is not counted); the dimensions are the modules' declarations
(``registry.dimensions``), so a register added by a definition has its statistics at once. Any
count of a whole register, or within a date range of whole months, reads the combination counts
``entry_dim_counts`` (live entries per level, status and combination of counted values, a date
by its month; kept by triggers: :mod:`secrecy_desk.vault.entry_dims`) — a few thousand rows
whatever the register's size. What they cannot say (a range of days, a register they do not
hold) is counted as follows, with the same figures. The level and status counts read the
``entries_status`` index alone; a list column's count reads its list index alone too. Any other
count — a field that is no list column, two fields, a range of days — reads the statistics
table ``entry_dims`` (each live entry's counted values, kept by triggers:
:mod:`secrecy_desk.vault.entry_dims`); a register it does not hold, the entries. (Until schema
step 17 a field that is no list column had an index of its own, ``st_…``, on ``entries``: the
same values as its ``entry_dims`` column, kept by every save of every register.)"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FieldType, FormSpec
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import Dimension
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registers.planning import field_path, register_is
from secrecy_desk.modules.reports import indexes
from secrecy_desk.vault import entry_dims

PERIODS: Final = ("month", "quarter", "half", "year")
#: A value not filled in (shown as such; counted like any other).
EMPTY: Final = ""
_EMPTY_LABEL: Final = {"zh": "（未填）", "en": "(blank)"}

Key = str  # a dimension's value as counted: its stored form as text, or "" when blank


@dataclass(frozen=True, slots=True)
class StatQuery:
    """What to count: ``rows`` (a dimension key) and optionally ``columns`` (a second one,
    for a cross-tab), within ``[start, end]`` (inclusive; either may be ``None``) of the date
    field ``date_field``."""

    register: str
    rows: str
    columns: str = ""
    date_field: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class StatTable:
    """The counts: row and column keys in display order, with their labels."""

    query: StatQuery
    spec: FormSpec
    row_title: str
    column_title: str
    rows: tuple[Key, ...]
    row_labels: tuple[str, ...]
    columns: tuple[Key, ...]
    column_labels: tuple[str, ...]
    counts: Mapping[tuple[Key, Key], int]
    total: int
    #: The highest level among the entries counted (the mark of the printed report).
    highest: Level

    def cell(self, row: Key, column: Key = EMPTY) -> int:
        return self.counts.get((row, column), 0)

    def row_total(self, row: Key) -> int:
        return sum(self.cell(row, c) for c in self.columns)

    def column_total(self, column: Key) -> int:
        return sum(self.cell(r, column) for r in self.rows)

    @property
    def crossed(self) -> bool:
        return bool(self.query.columns)


def dimensions(registers: Registers, register: str) -> list[Dimension]:
    return registry.dimensions(registers.spec(register))


def _unknown(what: str) -> UsageError:
    return UsageError(
        QT_TRANSLATE_NOOP("Errors", "The statistics cannot count by {what}."), what=what
    )


def _date_field(spec: FormSpec, name: str) -> str:
    if not spec.has_field(name) or spec.field(name).type is not FieldType.DATE:
        raise _unknown(name)
    return field_path(name)


def source(spec: FormSpec, key: str) -> tuple[str, str]:
    """What a dimension counts by, as stored: the SQL of the raw value (a column, or a
    field's stored value) and the field's name (empty for a column). Periods are bucketed
    from the stored day afterwards, so the query groups by what an index holds."""
    if key in ("level", "status"):
        return key, ""
    kind, _, name = key.partition(":")
    if kind == "field" and spec.has_field(name):
        return field_path(name), name
    if kind in PERIODS:
        return _date_field(spec, name), name
    raise _unknown(key)


def bucket(key: str, raw: object) -> Key:
    """The counted value of a raw stored one: a period for a date dimension."""
    if raw is None:
        return EMPTY
    text = str(raw)
    kind = key.partition(":")[0]
    if kind not in PERIODS or len(text) < 7:
        return text
    month = int(text[5:7])
    return {
        "month": text[:7],
        "quarter": f"{text[:4]}-Q{(month + 2) // 3}",
        "half": f"{text[:4]}-H{(month + 5) // 6}",
        "year": text[:4],
    }[kind]


def _title(registers: Registers, spec: FormSpec, key: str, lang: str) -> str:
    for d in registry.dimensions(spec):
        if d.key == key:
            return d.title.text(lang)
    raise _unknown(key)


def label(spec: FormSpec, key: str, value: Key, lang: str) -> str:
    """How a counted value is shown: a level's or status's name, a choice's label, 是/否,
    a period as 2026年3月 / 2026年第1季度 / 2026年上半年 / 2026年."""
    zh = lang != "en"
    if value == EMPTY:
        return _EMPTY_LABEL["zh" if zh else "en"]
    if key == "level":
        return Level(int(value)).label(lang)
    if key == "status":
        return next((s.label(lang) for s in spec.statuses if s.code == value), value)
    kind, _, name = key.partition(":")
    if kind == "field":
        fld = spec.field(name)
        stored: object = value
        if fld.type is FieldType.BOOL:
            stored = int(value)
        return fld.display(fld.from_storage(stored), lang)  # type: ignore[arg-type]
    year, _, part = value.partition("-")
    if kind == "month":
        return f"{year}年{int(part)}月" if zh else value
    if kind == "quarter":
        return f"{year}年第{part[1:]}季度" if zh else f"{year} {part}"
    if kind == "half":
        if zh:
            return f"{year}年{'上' if part == 'H1' else '下'}半年"
        return f"{year} {part}"
    return f"{year}年" if zh else year


def _order(spec: FormSpec, key: str, values: Sequence[Key], totals: Mapping[Key, int]) -> list[Key]:
    """Display order: levels ascending, statuses and choices as defined, periods in time,
    anything else by count (most first); the blank last."""
    present = [v for v in values if v != EMPTY]
    kind, _, name = key.partition(":")
    if key == "level":
        present.sort(key=int)
    elif key == "status":
        order = {s.code: i for i, s in enumerate(spec.statuses)}
        present.sort(key=lambda v: (order.get(v, len(order)), v))
    elif kind == "field" and spec.field(name).type is FieldType.CHOICE:
        order = {c.code: i for i, c in enumerate(spec.field(name).choices)}
        present.sort(key=lambda v: (order.get(v, len(order)), v))
    elif kind == "field" and spec.field(name).type is FieldType.BOOL:
        present.sort(reverse=True)  # 是 before 否
    elif kind in PERIODS:
        present.sort()
    else:
        present.sort(key=lambda v: (-totals.get(v, 0), v))
    return present + ([EMPTY] if EMPTY in values else [])


def _index(registers: Registers, spec: FormSpec, name: str) -> str:
    """The register engine's list index of the field (``ix_…``: its stored value and the
    level over the live entries), else ``""``."""
    index = f"ix_{spec.id}_{name}"
    found = registers.store.scalar(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = ?", (index,)
    )
    return index if found else ""


def _have_triggers(registers: Registers, want: Mapping[str, str]) -> bool:
    """Whether the vault's triggers of these names are exactly these."""
    marks = ", ".join("?" * len(want))
    found = {
        str(name): str(sql)
        for name, sql in registers.store.all(
            f"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN ({marks})",
            list(want),
        )
    }
    return found == want


def _counted(spec: FormSpec) -> list[str]:
    return indexes.counted_fields(spec, registry.dimensions)[: len(entry_dims.COLUMNS)]


def dims_columns(registers: Registers, spec: FormSpec) -> dict[str, str]:
    """Field → its column in the statistics table ``entry_dims``, when the vault's triggers
    for this register are exactly what its definition wants (then its rows are every live
    entry's values, kept in the transaction of every write); else ``{}`` (a register added
    by a definition outside the built-in set: counted from the entries)."""
    fields = _counted(spec)
    if not fields or not _have_triggers(registers, entry_dims.triggers(spec.id, fields)):
        return {}
    return dict(zip(fields, entry_dims.COLUMNS, strict=False))


def _monthly(spec: FormSpec, fields: Iterable[str]) -> set[str]:
    return {f for f in fields if spec.field(f).type is FieldType.DATE}


def counts_columns(registers: Registers, spec: FormSpec) -> dict[str, str]:
    """Field → its column in the combination counts ``entry_dim_counts`` (a date field's
    holding its month), when the vault's triggers of both the statistics table and its counts
    are exactly what the register's definition wants; else ``{}``."""
    columns = dims_columns(registers, spec)
    if not columns:
        return {}
    fields = list(columns)
    want = entry_dims.count_triggers(spec.id, fields, _monthly(spec, fields))
    return columns if _have_triggers(registers, want) else {}


Raw = list[tuple[Any, Any, int, int]]


def _raw_counts(registers: Registers, spec: FormSpec, query: StatQuery) -> Raw:
    """(row value, column value, count, highest level) as stored, by the quickest plan:
    the combination counts when they can say it (:func:`_from_counts`); the status index for
    the mark and the status; a list column's index read in its own order when the query
    names no other field (alone, or with the mark once per level present); otherwise one
    pass over the register's rows of the statistics table ``entry_dims`` (a field that is no
    list column, two fields, a range of days), or — for a register that table does not
    hold — over its entries."""
    rows_sql, rows_field = source(spec, query.rows)
    cols_sql, cols_field = source(spec, query.columns) if query.columns else ("NULL", "")
    ranged = bool(query.date_field and (query.start or query.end))
    day_field = query.date_field if ranged else ""
    bounds: list[tuple[str, str]] = []
    if ranged:
        _date_field(spec, query.date_field)
        if query.start:
            bounds.append((">=", query.start.isoformat()))
        if query.end:
            bounds.append(("<=", query.end.isoformat()))
    clearance = int(registers.session.principal.clearance)
    fields = {f for f in (rows_field, cols_field, day_field) if f}
    found = _from_counts(registers, spec, query, clearance)
    if found is not None:
        return found
    others = {k for k in (query.rows, query.columns) if k and not source(spec, k)[1]}
    if not fields:
        return _by_status(registers, spec, query, clearance)
    counted = {f for f in (rows_field, cols_field) if f}
    if len(fields) == 1 and counted == fields:
        field = next(iter(fields))
        index = _index(registers, spec, field)
        where, params = _where(spec, clearance, field_path(field), bounds)
        field_sql = rows_sql if rows_field else cols_sql
        if index and not query.columns:
            sql = f"SELECT {field_sql}, NULL, count(*), max(level) FROM entries INDEXED BY {index}"
            return [
                (r[0], r[1], int(r[2]), int(r[3]))
                for r in registers.store.all(f"{sql} WHERE {where} GROUP BY 1", params)
            ]
        if index and others == {"level"}:
            return _field_by_level(registers, spec, query, index, field_sql, where, params)
    columns = dims_columns(registers, spec)
    if fields <= set(columns):

        def column(key: str) -> str:
            """The key's column; a period's by its month (``YYYY-MM``, which :func:`bucket`
            takes as it takes the day), so ``GROUP BY`` sorts into ~12 groups a year, not
            ~365 (at 1M entries 2.6 s → 1.6 s for months × a field)."""
            if not key:
                return "NULL"
            name = source(spec, key)[1]
            if not name:
                return key
            month = key.partition(":")[0] in PERIODS
            return f"substr({columns[name]}, 1, 7)" if month else columns[name]

        where, params = _where(spec, clearance, columns.get(day_field, ""), bounds, live=False)
        pairs = column(query.rows), column(query.columns)
        return _from_dims(registers, *pairs, where, params, few=_FEW if not bounds else 0)
    where, params = _where(spec, clearance, field_path(day_field) if day_field else "", bounds)
    sql = f"SELECT {rows_sql}, {cols_sql}, count(*), max(level) FROM entries WHERE {where}"
    return [
        (r[0], r[1], int(r[2]), int(r[3]))
        for r in registers.store.all(f"{sql} GROUP BY 1, 2", params)
    ]


def _whole_months(start: date | None, end: date | None) -> bool:
    """Whether a date range begins on a month's first day and ends on a month's last."""
    return (start is None or start.day == 1) and (end is None or (end + _DAY).day == 1)


_DAY: Final = timedelta(days=1)


def _from_counts(
    registers: Registers, spec: FormSpec, query: StatQuery, clearance: int
) -> Raw | None:
    """The counts from the combination counts ``entry_dim_counts`` — a ``GROUP BY`` over a
    few thousand rows, whatever the size of the register — or ``None`` when they cannot say
    them: the register has none (:func:`counts_columns`), a dimension's field is not among
    them, a date field is counted by its day, or the date range is not of whole months."""
    ranged = bool(query.date_field and (query.start or query.end))
    if ranged and not _whole_months(query.start, query.end):
        return None
    keys = [k for k in (query.rows, query.columns) if k]
    names = [source(spec, k)[1] for k in keys]
    wanted = {n for n in names if n} | ({query.date_field} if ranged else set())
    columns = counts_columns(registers, spec)
    if not columns or not wanted <= set(columns):
        return None
    months = _monthly(spec, columns)
    if ranged and query.date_field not in months:
        return None

    def column(key: str) -> str | None:
        if not key:
            return "NULL"
        name = source(spec, key)[1]
        if not name:
            return key  # level, status
        by_period = key.partition(":")[0] in PERIODS
        return columns[name] if by_period == (name in months) else None

    rows, cols = column(query.rows), column(query.columns)
    if rows is None or cols is None:
        return None
    clauses = [register_is(spec.id), "level <= ?", "n > 0"]
    params: list[object] = [clearance]
    if ranged:
        day = columns[query.date_field]
        clauses.append(f"{day} <> ''")
        for op, bound in ((">=", query.start), ("<=", query.end)):
            if bound is not None:
                clauses.append(f"{day} {op} ?")
                params.append(bound.isoformat()[:7])
    grouped = registers.store.all(
        f"SELECT {rows}, {cols}, sum(n), max(level) FROM {entry_dims.COUNTS} "
        f"WHERE {' AND '.join(clauses)} GROUP BY 1, 2",
        params,
    )
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in grouped]


#: Up to this many pairs of values, a count of the whole register from ``entry_dims`` is one
#: pass with a counter per pair (found first by a ``DISTINCT`` pass, which stops at one more):
#: SQLite's ``GROUP BY`` sorts every row it reads, several times the cost of a pass over the
#: table. Within a date range the sort is of the rows inside it only, and is the cheaper.
_FEW: Final = 12


def _from_dims(
    registers: Registers, rows: str, cols: str, where: str, params: list[object], *, few: int
) -> Raw:
    """Count the pairs (``rows``, ``cols``: columns of ``entry_dims``) of the rows ``where``
    selects, with the highest level among them."""
    table = entry_dims.TABLE
    store = registers.store
    pairs = (
        store.all(
            f"SELECT DISTINCT {rows}, {cols} FROM {table} WHERE {where} LIMIT ?", [*params, few + 1]
        )
        if few
        else []
    )
    if not few or len(pairs) > few:
        sql = f"SELECT {rows}, {cols}, count(*), max(level) FROM {table} WHERE {where}"
        grouped = store.all(f"{sql} GROUP BY 1, 2", params)
        return [(r[0], r[1], int(r[2]), int(r[3])) for r in grouped]
    if not pairs:
        return []
    counters = ", ".join(f"count(*) FILTER (WHERE {rows} IS ? AND {cols} IS ?)" for _ in pairs)
    found = store.one(
        f"SELECT max(level), {counters} FROM {table} WHERE {where}",
        [value for pair in pairs for value in pair] + params,
    )
    assert found is not None
    top = int(found[0])
    return [(r, c, int(n), top) for (r, c), n in zip(pairs, found[1:], strict=True) if n]


def _where(
    spec: FormSpec,
    clearance: int,
    day_sql: str,
    bounds: Sequence[tuple[str, str]],
    *,
    live: bool = True,
) -> tuple[str, list[object]]:
    """The register's entries within the clearance (live ones: ``entry_dims`` holds no
    other), and within the date range on ``day_sql`` if any."""
    clauses = [register_is(spec.id), *(["voided = 0"] if live else []), "level <= ?"]
    params: list[object] = [clearance]
    for op, day in bounds if day_sql else ():
        clauses.append(f"{day_sql} {op} ?")
        params.append(day)
    return " AND ".join(clauses), params


def _pair(first_is_row: bool, a: Any, b: Any) -> tuple[Any, Any]:
    return (a, b) if first_is_row else (b, a)


def _by_status(registers: Registers, spec: FormSpec, query: StatQuery, clearance: int) -> Raw:
    """The mark and the status: the status index alone, folded here."""
    where, params = _where(spec, clearance, "", ())
    marks = registers.store.all(
        f"SELECT status, level, count(*) FROM entries WHERE {where} GROUP BY 1, 2", params
    )
    folded: dict[tuple[Any, Any], int] = {}
    tops: dict[tuple[Any, Any], int] = {}
    for status, level, n in marks:
        value = {"status": status, "level": level}
        key = (value[query.rows], value[query.columns] if query.columns else None)
        folded[key] = folded.get(key, 0) + int(n)
        tops[key] = max(tops.get(key, 0), int(level))
    return [(r, c, n, tops[(r, c)]) for (r, c), n in folded.items()]


def _field_by_level(
    registers: Registers,
    spec: FormSpec,
    query: StatQuery,
    index: str,
    field_sql: str,
    where: str,
    params: list[object],
) -> Raw:
    """One pass of the field's index per level present (the status index says which): each
    is read in the index's own order, so nothing is sorted."""
    levels = registers.store.all(
        f"SELECT DISTINCT level FROM entries WHERE {register_is(spec.id)} AND voided = 0 "
        "AND level <= ?",
        params[:1],
    )
    out: Raw = []
    for (level,) in levels:
        grouped = registers.store.all(
            f"SELECT {field_sql}, count(*) FROM entries INDEXED BY {index} "
            f"WHERE {where} AND level = ? GROUP BY 1",
            [*params, int(level)],
        )
        for raw, n in grouped:
            out.append((*_pair(query.rows != "level", raw, level), int(n), int(level)))
    return out


def count(registers: Registers, query: StatQuery, lang: str) -> StatTable:
    """Count the register as ``query`` asks, within this account's clearance."""
    spec = registers.require(query.register, Action.VIEW)
    rows = _raw_counts(registers, spec, query)
    counts: dict[tuple[Key, Key], int] = {}
    row_totals: dict[Key, int] = {}
    col_totals: dict[Key, int] = {}
    highest = Level.PUBLIC
    for r, c, n, top in rows:
        rk = bucket(query.rows, r)
        ck = bucket(query.columns, c) if query.columns else EMPTY
        counts[(rk, ck)] = counts.get((rk, ck), 0) + int(n)
        row_totals[rk] = row_totals.get(rk, 0) + int(n)
        col_totals[ck] = col_totals.get(ck, 0) + int(n)
        highest = max(highest, Level(int(top)))
    row_keys = _order(spec, query.rows, list(row_totals), row_totals)
    col_keys = _order(spec, query.columns, list(col_totals), col_totals) if query.columns else []
    return StatTable(
        query=query,
        spec=spec,
        row_title=_title(registers, spec, query.rows, lang),
        column_title=_title(registers, spec, query.columns, lang) if query.columns else "",
        rows=tuple(row_keys),
        row_labels=tuple(label(spec, query.rows, k, lang) for k in row_keys),
        columns=tuple(col_keys) if query.columns else (EMPTY,),
        column_labels=tuple(label(spec, query.columns, k, lang) for k in col_keys)
        if query.columns
        else (),
        counts=counts,
        total=sum(row_totals.values()),
        highest=highest,
    )

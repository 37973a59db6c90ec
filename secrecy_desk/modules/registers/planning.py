"""How the register engine reads a large register quickly: the indexes it keeps, the planner's
statistics, and the plan it chooses for a page or a count (``docs/design.md``, "Plans on a
large register").

SQLite's planner ignores ``LIMIT`` and never uses a partial index when the register is a bound
parameter, so the register id is written as a literal (a checked identifier), statistics are
kept (``ANALYZE`` after bulk loads), and the plan for the first page is chosen here: walk the
sort column's index and stop after a page when the filter is unselective or a search matches
many entries; fetch and sort the matches when they are few.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, NamedTuple

from secrecy_desk.core.levels import Level
from secrecy_desk.forms import FieldType, FormSpec, SortKey
from secrecy_desk.records import search
from secrecy_desk.records.model import NUMBER, STATUS, Query
from secrecy_desk.vault.db import Store

#: A search matching at least this many entries walks the sort index and probes the matches
#: (the first page costs a few index steps); fewer matches are fetched and sorted instead.
DENSE_SEARCH: Final = 2000

#: A search count with no other filter is the search index's own count, less its matches among
#: the entries outside the register's live entries within the clearance (other registers,
#: voided, above the clearance), when there are at most this many of them: each is checked by a
#: seek into the search index (0.1–0.5 ms), never every match against the register's index
#: (1.1 s for 200,340 matches at 2M, against 54 ms for the search index's count alone).
OUTSIDE_PROBES: Final = 200

#: An equality filter matching fewer live entries than this (or than ``sqrt(page × live)``,
#: whichever is more) reads its field's index and sorts the matches for a page; one matching
#: more walks the sort column's index instead (:meth:`Planner._few`).
UNSELECTIVE: Final = 2000


def ident(name: str) -> str:
    """Register ids and field names are identifiers (the loader checks); assert it here too,
    since they are spliced into index names and JSON paths."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(name)
    return name


def register_is(register: str) -> str:
    """The register condition, written as a literal: SQLite uses a partial index (``WHERE
    register = 'drawings'``) only when the query names the same literal, never for ``?``."""
    return f"register = '{ident(register)}'"


def field_path(name: str, table: str = "") -> str:
    """The JSON path of a field (``table``: of that alias of ``entries``)."""
    data = f"{ident(table)}.data" if table else "data"
    return f"json_extract({data}, '$.{ident(name)}')"


#: Field types holding free Chinese text: ordered by their pinyin sort key, not code points.
PINYIN_ORDERED: Final = frozenset({FieldType.TEXT, FieldType.LONG_TEXT, FieldType.SCOPE})


def pinyin_ordered(spec: FormSpec, name: str) -> bool:
    return spec.has_field(name) and spec.field(name).type in PINYIN_ORDERED


def sort_path(name: str) -> str:
    """The expression a text field sorts by: its pinyin key (``entries.sortkeys``, kept only
    for texts holding Chinese), else the text itself (``core.collation``)."""
    n = ident(name)
    return f"coalesce(json_extract(sortkeys, '$.{n}'), json_extract(data, '$.{n}'))"


def list_indexes(specs: Iterable[FormSpec]) -> dict[str, str]:
    """The list indexes of the registers, by name: a partial index per register and sortable
    list column (text columns a second one in pinyin order), and one for the number.

    Each covers live entries only (``voided = 0``, the usual list) in the order the engine
    sorts them — the column, then the number (``year, seq``), then ``id`` — and carries
    ``level``, so that the first page of a sorted list is read in index order without sorting.
    The column's own index (the one an equality filter uses) also carries ``register`` and
    ``voided``: a filtered count names both (the literal register and ``voided = 0`` that
    select the partial index) and the clearance, and SQLite counts from the index alone
    (``USING COVERING INDEX``) only when every column the query names is in it, even those
    the index's own ``WHERE`` already fixes. The pinyin and number indexes only order pages
    (a count with no filter reads ``entries_list``), so they do without the two."""
    wanted: dict[str, str] = {}
    order = "year, seq, id, level"
    for spec in specs:
        reg = ident(spec.id)
        where = f"WHERE register = '{reg}' AND voided = 0"
        for col in spec.listing.columns:
            if col in (NUMBER, STATUS):
                continue
            name = ident(col)
            wanted[f"ix_{reg}_{name}"] = (
                f"CREATE INDEX ix_{reg}_{name} ON entries "
                f"(json_extract(data, '$.{name}'), {order}, register, voided) {where}"
            )
            if pinyin_ordered(spec, col):  # its order (by pinyin) has an index too
                wanted[f"ix_{reg}_{name}__py"] = (
                    f"CREATE INDEX ix_{reg}_{name}__py ON entries "
                    f"({sort_path(name)}, {order}) {where}"
                )
        wanted[f"ix_{reg}__number"] = f"CREATE INDEX ix_{reg}__number ON entries ({order}) {where}"
    return wanted


#: An import leaves a register's statistics stale when it adds more than 1 / this of the
#: entries they counted (:meth:`Planner.stale_after_import`).
IMPORT_STALE_SHARE: Final = 4


class Planner:
    """Index upkeep and plan choice for the registers of one vault."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: Whether every search document holds its entry's scope token (``records.reindex``;
        #: the engine says so as it starts): then a search's count in a register, at some
        #: levels, is the search index's alone.
        self.scoped = False
        self._stats: dict[str, int | None] = {}

    # --- indexes and statistics ---------------------------------------------------------------

    def ensure_indexes(self, specs: Iterable[FormSpec]) -> None:
        """Build the list indexes of :func:`list_indexes` that are missing or differ
        (idempotent). The schema upgrade creates them (``vault.register_indexes``, migration
        11) and the engine's start does no DDL; a bulk load that dropped them for speed
        (:meth:`drop_indexes`) builds them again here, then refreshes the statistics.

        A vault opened read-only (to verify a rolled-back copy) is left exactly as found: the
        indexes only speed reading up, and every query also works without them."""
        if self.store.read_only:
            return
        wanted = list_indexes(specs)
        existing = {
            str(name): str(sql)
            for name, sql in self.store.all(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
        changes = [(name, sql) for name, sql in wanted.items() if existing.get(name) != sql]
        if changes:
            with self.store.transaction():
                for name, sql in changes:
                    if name in existing:
                        self.store.execute(f"DROP INDEX {name}")
                    self.store.execute(sql)
        if changes or self._stats_stale():
            self.analyze()

    def drop_indexes(self) -> None:
        """Drop every list index (a bulk load builds them again with :meth:`ensure_indexes`)."""
        names = self.store.all(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\'"
        )
        with self.store.transaction():
            for (name,) in names:
                self.store.execute(f"DROP INDEX {ident(str(name))}")

    def refresh_statistics(self) -> None:
        """``ANALYZE`` when the statistics are missing or stale (:meth:`_stats_stale`), as the
        engine starts: a register that grew by ordinary use keeps its plans."""
        if not self.store.read_only and self._stats_stale():
            self.analyze()

    def _stats_stale(self) -> bool:
        """Whether the statistics are missing or the table has since grown or shrunk by half
        (checked at start; bulk imports refresh them themselves)."""
        entries = int(self.store.scalar("SELECT coalesce(max(id), 0) FROM entries"))
        if entries < 1000:
            return False
        if not self._has_stats():
            return True
        counted = self._counted("entries_list")
        return not counted or not counted / 2 <= entries <= counted * 2

    def stale_after_import(self, register: str, added: int) -> bool:
        """Whether an import of ``added`` entries into ``register`` leaves its statistics
        stale: the register has none, or it grew by more than a quarter of the entries they
        counted (its number index's). ``ANALYZE`` reads every index of ``entries`` whole —
        9.0 s at 2.1M entries, a third of a 100k import into the 2M register (measured) — while
        a twentieth more rows leaves the rows per value that the plans are chosen by where they
        were."""
        if not self._has_stats():
            return True
        return added * IMPORT_STALE_SHARE > self._counted(f"ix_{ident(register)}__number")

    def _counted(self, index: str) -> int:
        """The rows ``index`` held when the statistics were made (0: it has none)."""
        stat = self.store.scalar("SELECT stat FROM sqlite_stat1 WHERE idx = ?", (index,))
        return int(str(stat).split()[0]) if stat else 0

    def _has_stats(self) -> bool:
        return bool(
            self.store.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'")
        )

    def analyze(self) -> None:
        """Refresh the planner's statistics (a second or two per million entries; sampled
        statistics, ``analysis_limit``, proved too rough to tell the indexes apart). Without
        them SQLite cannot tell a selective index from one that is not, and counts a filtered
        register by visiting every entry."""
        self.store.execute("PRAGMA analysis_limit = 0")
        self.store.execute("ANALYZE entries")
        self._stats.clear()

    def rows_per_value(self, index: str) -> int | None:
        """The average number of entries per value of the index's first column, from
        ``sqlite_stat1`` (``None`` when the index has no statistics)."""
        if index not in self._stats:
            row = None
            if self._has_stats():
                row = self.store.scalar("SELECT stat FROM sqlite_stat1 WHERE idx = ?", (index,))
            parts = str(row).split() if row else []
            self._stats[index] = int(parts[1]) if len(parts) > 1 else None
        return self._stats[index]

    def search_hits(self, expr: str, bound: int | None = None) -> int:
        """How many entries (of every register) the search expression matches, counted up to
        ``bound`` when given; the index answers this alone (0.3 µs a match)."""
        sql = "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?"
        params: list[object] = [expr]
        if bound is not None:
            sql = "SELECT count(*) FROM (SELECT 1 FROM entry_fts WHERE entry_fts MATCH ? LIMIT ?)"
            params.append(bound)
        return int(self.store.scalar(sql, params))

    # --- plans ----------------------------------------------------------------------------------

    @staticmethod
    def sort_terms(spec: FormSpec, sort: Sequence[SortKey]) -> list[SortTerm]:
        """The columns the engine orders by: the keys, then the number (``year, seq``) and
        ``id`` the same way as the last key — the exact column order of the sort column's
        index, so the index serves the whole order in either direction without a sort step,
        and every row has one place (``id`` breaks the last tie) for keyset paging."""
        terms: list[SortTerm] = []
        descending = True
        for key in sort:
            descending = key.descending
            if key.name == NUMBER:
                terms += [SortTerm("year", descending), SortTerm("seq", descending)]
            elif key.name == STATUS:
                terms.append(SortTerm("status", descending))
            elif pinyin_ordered(spec, key.name):
                terms.append(SortTerm(sort_path(key.name), descending, nullable=True))
            else:
                spec.field(key.name)
                terms.append(SortTerm(field_path(key.name), descending, nullable=True))
        if not any(t.expr == "year" for t in terms):
            terms += [SortTerm("year", descending), SortTerm("seq", descending)]
        terms.append(SortTerm("id", descending))
        return terms

    @classmethod
    def order(cls, spec: FormSpec, sort: Sequence[SortKey], *, reverse: bool = False) -> str:
        """The ORDER BY clause (``reverse``: the same order read from the other end)."""
        return ", ".join(
            f"{t.expr} {'DESC' if t.descending != reverse else 'ASC'}"
            for t in cls.sort_terms(spec, sort)
        )

    def keyset(
        self, spec: FormSpec, sort: Sequence[SortKey], after: int, *, reverse: bool = False
    ) -> list[tuple[str, list[object]]]:
        """The conditions "comes after entry ``after`` in this order" (``reverse``: before
        it), so a page is read on from the last row of the one before it through the sort
        index, in a few index steps wherever it is, instead of skipping ``OFFSET`` rows
        (which costs in proportion to the position). SQLite sorts NULL first ascending and
        last descending; the conditions follow that exactly. They are disjoint and listed in
        the order their rows come (:func:`_after`): a page reads them in turn until full."""
        terms = self.sort_terms(spec, sort)
        if reverse:
            terms = [SortTerm(t.expr, not t.descending, t.nullable) for t in terms]
        exprs = ", ".join(t.expr for t in terms)
        row = self.store.one(f"SELECT {exprs} FROM entries WHERE id = ?", (after,))
        if row is None:  # entries are never deleted; an unknown id starts at the beginning
            return [("1", [])]
        return _after(terms, list(row))

    def page_hint(
        self,
        spec: FormSpec,
        query: Query,
        sort: Sequence[SortKey],
        equals: Mapping[str, object] | None = None,
    ) -> PagePlan:
        """The index a page is read through: never SQLite's own choice on a large register.

        SQLite's planner does not weigh ``LIMIT``: for the first page of a sorted list of a
        large register it would rather fetch every matching entry and sort them all (half a
        second on a million entries) than walk the sort column's index and stop after one
        page (a millisecond); and for a filter on a field with few entries per value it
        walked ``entries_list`` reading every row of the register (30 s at 2M). So the
        engine chooses: a search with few matches looks them up by id (``NOT INDEXED``) and
        sorts them; an equality filter (``equals``: field → stored value) whose value has few
        entries reads its field's own index and sorts the matches (:meth:`_few`); else the
        sort column's index is walked until a page is found. On that walk, a search with so
        many matches that a page meets one every few entries looks each entry up in the
        search index by its id (``probe``) instead of first gathering all its matches
        (:data:`PROBE_COST`)."""
        if query.include_voided or not sort:
            return PagePlan("")
        expr = search.match_expression(query.search)
        probe = False
        if expr is not None:
            live = self._live(spec)
            dense = dense_bound(query.limit or live, live)
            hits = self.search_hits(expr, dense)
            if hits < DENSE_SEARCH:
                return PagePlan("NOT INDEXED")  # few: fetching them by id and sorting is quicker
            probe = query.limit is not None and hits >= dense
        if NUMBER in query.where:
            return PagePlan("")  # one entry: the register's (register, number) key
        indexed = {c for c in spec.listing.columns if c not in (NUMBER, STATUS)}
        equals = equals or {}
        ranked = self.indexed_equals(spec, equals)
        if equals and not ranked:
            return PagePlan("")  # no statistics yet: a small register, where any plan is quick
        if ranked and self._few(spec, ranked[0], equals[ranked[0]], query.limit):
            return PagePlan(f"INDEXED BY {field_index(spec, ranked[0])}")
        first = sort[0].name
        if first == NUMBER:
            index = f"ix_{ident(spec.id)}__number"
        elif first in indexed:
            index = field_index(spec, first)
            if pinyin_ordered(spec, first):
                index += "__py"
        else:
            return PagePlan("")
        if self.rows_per_value(index) is None:
            return PagePlan("")  # no statistics yet: a small register, where any plan is quick
        return PagePlan(f"INDEXED BY {index}", probe)

    def _live(self, spec: FormSpec) -> int:
        """The register's live entries (every level), from ``entry_totals``."""
        return int(
            self.store.scalar(
                "SELECT coalesce(sum(live), 0) FROM entry_totals WHERE register = ?", (spec.id,)
            )
        )

    def _few(self, spec: FormSpec, name: str, stored: object, limit: int | None) -> bool:
        """Whether fetching the live entries with this value and sorting them reads fewer rows
        than walking the sort index for a page: fewer than ``sqrt(limit × live entries)``
        (matches spread evenly, a page of the walk reads ``limit × live / matches`` rows).
        Counted in the field's own index, stopping at that bound (a few milliseconds)."""
        live = self._live(spec)
        bound = max(UNSELECTIVE, math.isqrt((limit or live) * live))
        cond, params = equal_clauses({name: stored})
        found = self.store.scalar(
            f"SELECT count(*) FROM (SELECT 1 FROM entries INDEXED BY {field_index(spec, name)} "
            f"WHERE {register_is(spec.id)} AND voided = 0 AND {cond[0]} LIMIT ?)",
            [*params, bound],
        )
        return int(found) < bound

    def indexed_equals(self, spec: FormSpec, names: Iterable[str]) -> list[str]:
        """Of the fields an equality filter names, those whose list index this vault has with
        statistics, the most selective first (fewest entries per value); ``[]`` unless every
        one of them has (a small or unanalysed register: SQLite's own plan is quick there)."""
        per_value = {n: self.rows_per_value(field_index(spec, n)) for n in names}
        if not per_value or any(v is None for v in per_value.values()):
            return []
        return sorted(per_value, key=lambda n: per_value[n] or 0)

    def count_sql(
        self,
        spec: FormSpec,
        query: Query,
        filters: tuple[list[str], list[object]],
        equals: Mapping[str, object],
        clearance: int,
        deadline_index: str | None = None,
    ) -> tuple[str, list[object]]:
        """The statement counting ``query``: ``filters`` are the engine's clauses except the
        equality filters on indexed list columns (``equals``, field → stored value), which
        are placed here so that the count reads indexes only, never a row of the table:

        * equality filters: the most selective field's index is walked (``INDEXED BY``: on a
          large register SQLite's own choice was ``entries_list`` and every match's row,
          30 s at 2M); each further field is checked by a seek into its own index on the
          same key (value, year, seq, id), so two filters cost the smaller one's matches;
        * a search: few matches (below :data:`DENSE_SEARCH`, or fewer than the field's
          entries per value) are looked up by id (``NOT INDEXED``: the table's own key);
          many are probed while walking the field's index, or, with no field, either a seek
          per match and level into ``entries_list`` or a walk of its live entries, whichever
          reads fewer index entries (:meth:`_search_levels`);
        * a deadline (``deadline_index``: its index, when the vault has it with statistics)
          walks its own index (SQLite's choice was ``entries_list`` and every row, a minute
          for the home tab's work list at 2M)."""
        clauses, params = list(filters[0]), list(filters[1])
        expr = search.match_expression(query.search)
        unfiltered = not (
            equals
            or query.where
            or query.ranges
            or query.created_by
            or query.deadline
            or query.include_voided
        )
        if expr is not None and unfiltered:
            if self._few_outside(spec, clearance):
                return self._search_count(spec, clearance), [expr, expr]
            if self.scoped:
                return self._scoped_count(spec, expr, range(int(clearance) + 1))
        if expr is not None and self.scoped:
            level = self._level_filter(spec, query, equals)
            if level is not None:
                return self._scoped_count(spec, expr, [level] if level <= clearance else [])
        level = self._level_only(spec, query, equals)
        if level is not None:
            return (
                "SELECT coalesce(sum(live), 0) FROM entry_totals "
                "WHERE register = ? AND level = ? AND level <= ?",
                [spec.id, level, clearance],
            )
        hits = self.search_hits(expr) if expr is not None else None
        if deadline_index is not None:
            more, values = equal_clauses(equals)
            if hits is not None and hits < DENSE_SEARCH:
                return _count("NOT INDEXED", clauses + more), params + values
            clauses = [_probed(c) for c in clauses] + more
            return _count(f"INDEXED BY {deadline_index}", clauses), params + values
        ranked = [] if query.include_voided else self.indexed_equals(spec, equals)
        ranged = [] if query.include_voided or ranked else self._ranged(spec, clauses)
        if not ranked and not ranged:
            more, values = equal_clauses(equals)
            clauses += more
            params += values
            if hits is not None and hits < DENSE_SEARCH:
                return _count("NOT INDEXED", clauses), params
            plain = not (equals or query.where or query.ranges or query.created_by)
            if hits is None or not plain or query.deadline or query.include_voided:
                return _count("", clauses), params
            levels = self._search_levels(spec, clearance, hits)
            if levels is not None:
                clauses.append(f"level IN ({', '.join(str(int(lv)) for lv in levels)})")
            else:  # walk the live entries, probing each against the matches
                clauses = [_probed(c) for c in clauses]
            return _count("INDEXED BY entries_list", clauses), params
        driver = ranked[0] if ranked else ranged[0]
        per_value = self.rows_per_value(field_index(spec, driver)) if ranked else None
        if hits is not None and hits < DENSE_SEARCH and (per_value is None or hits < per_value):
            more, values = equal_clauses(equals)
            return _count("NOT INDEXED", clauses + more), params + values
        clauses = [_probed(c) for c in clauses]
        if ranked:
            more, values = equal_clauses({driver: equals[driver]})
            clauses += more
            params += values
        for name in ranked[1:]:
            cond, value = equal_clauses({name: equals[name]}, "o")
            clauses.append(
                f"EXISTS (SELECT 1 FROM entries AS o INDEXED BY {field_index(spec, name)} "
                f"WHERE o.{register_is(spec.id)} AND o.voided = 0 AND {cond[0]} "
                "AND o.year = entries.year AND o.seq = entries.seq AND o.id = entries.id)"
            )
            params += value
        return _count(f"INDEXED BY {field_index(spec, driver)}", clauses), params

    @staticmethod
    def _outside(spec: FormSpec, clearance: int) -> str:
        """The ids of every entry outside the register's live entries within the clearance
        (other registers, voided, above the clearance), as ranges of ``entries_list``
        (register, voided, level, id): a seek each, reading only those entries."""
        reg = register_is(spec.id)
        ranges = (
            f"register < '{ident(spec.id)}'",
            f"register > '{ident(spec.id)}'",
            f"{reg} AND voided < 0",
            f"{reg} AND voided > 0",
            f"{reg} AND voided = 0 AND level > {int(clearance)}",
        )
        return " UNION ALL ".join(
            f"SELECT id FROM entries INDEXED BY entries_list WHERE {r}" for r in ranges
        )

    def _few_outside(self, spec: FormSpec, clearance: int) -> bool:
        """Whether at most :data:`OUTSIDE_PROBES` entries are outside the register's live
        entries within the clearance (counted up to that bound)."""
        found = self.store.scalar(
            f"SELECT count(*) FROM ({self._outside(spec, clearance)} LIMIT ?)",
            (OUTSIDE_PROBES + 1,),
        )
        return int(found) <= OUTSIDE_PROBES

    def _search_count(self, spec: FormSpec, clearance: int) -> str:
        """A search's matches in the register's live entries within the clearance: the search
        index's count of all its matches, less those among the entries outside (each looked
        up in the search index by its id). Exact whatever the number outside; quick when
        they are few (:meth:`_few_outside`)."""
        return (
            "SELECT (SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?) - "
            "(SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ? "
            f"AND rowid IN ({self._outside(spec, clearance)}))"
        )

    @staticmethod
    def _scoped_count(spec: FormSpec, expr: str, levels: Iterable[int]) -> tuple[str, list[object]]:
        """A search's matches among the register's live entries at ``levels``, counted by the
        search index alone from the entries' scope tokens (``records.search.scoped``): FTS5
        intersects the match list with the tokens' lists, reading no entry. A token no entry
        holds has an empty list and costs nothing, so the levels need not be the ones in use."""
        tokens = [search.scope_token(spec.id, lv) for lv in levels]
        if not tokens:
            return "SELECT 0", []
        return (
            "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?",
            [search.scoped(expr, tokens)],
        )

    @classmethod
    def _level_only(cls, spec: FormSpec, query: Query, equals: Mapping[str, object]) -> int | None:
        """The level a count filters on when it filters on nothing else (the register's level
        field, which is the entry's level): ``entry_totals`` holds that count."""
        if query.search.strip():
            return None
        return cls._level_filter(spec, query, equals)

    @staticmethod
    def _level_filter(spec: FormSpec, query: Query, equals: Mapping[str, object]) -> int | None:
        """The level a count filters on when, but for a search, it filters on nothing else."""
        name = spec.level_field
        if name is None or set(query.where) != {name} or set(equals) != {name}:
            return None
        if query.ranges or query.created_by or query.deadline:
            return None
        if query.include_voided:
            return None
        level = spec.field(name).from_storage(equals[name])  # type: ignore[arg-type]
        return int(level) if isinstance(level, Level) else None

    def _ranged(self, spec: FormSpec, clauses: Sequence[str]) -> list[str]:
        """The list columns a clause bounds (a date range, a month), whose index this vault
        has with statistics: such a count walks the range of that index."""
        return [
            name
            for name in spec.listing.columns
            if name not in (NUMBER, STATUS)
            and any(c.startswith(f"{field_path(name)} {op}") for c in clauses for op in "<>")
            and self.rows_per_value(field_index(spec, name)) is not None
        ]

    def _search_levels(self, spec: FormSpec, clearance: int, hits: int) -> list[int] | None:
        """The levels (at most the clearance) of the register's live entries, when seeking each
        search match at each of them in ``entries_list`` (register, voided, level, id) reads
        fewer index entries than walking all the live entries (a seek costs about two steps
        of a walk); ``None`` when the walk is cheaper."""
        rows = self.store.all(
            "SELECT level, live FROM entry_totals WHERE register = ? AND level <= ? AND live > 0",
            (spec.id, clearance),
        )
        live = sum(int(n) for _lv, n in rows)
        if 2 * hits * len(rows) >= live:
            return None
        return [int(lv) for lv, _n in rows]


class PagePlan(NamedTuple):
    """How a page is read (:meth:`Planner.page_hint`): the index hint, and whether a search
    is checked entry by entry in the search index (:func:`probed_search`) on the walk."""

    hint: str
    probe: bool = False


#: What looking one entry up in the search index by its id costs, in matches gathered: a page
#: walking the sort index probes each entry when that is cheaper than gathering every match
#: first, i.e. when ``matches² ≥ PROBE_COST × page × live entries`` (a page of the walk reads
#: ``page × live / matches`` entries; :func:`dense_bound`). Measured at 2M entries: a probe
#: costs 56 µs on an index in 15 segments (where automerge leaves a register loaded in bulk or
#: grown by years of saves; each probe seeks in every segment) and 19–28 µs on one merged,
#: gathering 0.2–0.4 µs a match: 80–250 matches. 150 is between: on the few segments the
#: ends of sessions keep (``db.tidy_search_index``) it costs ≤ 6 ms against 50, and on 15
#: (a vault not yet tidied, or one session's many saves) 总装图's page takes 79–94 ms, not 198–205
#: (``docs/scale.md``).
PROBE_COST: Final = 150


def dense_bound(page: int, live: int) -> int:
    """The matches from which a page of ``page`` entries of a register of ``live`` entries is
    read by probing each entry the sort index's walk meets (:data:`PROBE_COST`)."""
    return max(DENSE_SEARCH, math.isqrt(PROBE_COST * page * live))


def probed_search(
    clauses: Sequence[str], params: Sequence[object]
) -> tuple[list[str], list[object]]:
    """The clauses (and their parameters) with the search written as a seek into the search
    index per entry (a correlated ``EXISTS``), put last so that every other condition is
    checked first."""
    plain = "id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)"
    if plain not in clauses:
        return list(clauses), list(params)
    at = list(clauses).index(plain)
    before = sum(c.count("?") for c in clauses[:at])  # the search's parameter
    rest = [c for i, c in enumerate(clauses) if i != at]
    probe = "EXISTS (SELECT 1 FROM entry_fts WHERE entry_fts MATCH ? AND rowid = entries.id)"
    values = list(params)
    expr = values.pop(before)
    return [*rest, probe], [*values, expr]


def field_index(spec: FormSpec, name: str) -> str:
    """The name of a list column's own index (the one an equality filter on it uses)."""
    return f"ix_{ident(spec.id)}_{ident(name)}"


def _probed(clause: str) -> str:
    """The search clause written so that SQLite probes the matches while it walks an index
    (``+id``) instead of looking each match up by id."""
    return clause.replace("id IN (SELECT rowid", "+id IN (SELECT rowid")


def _count(hint: str, clauses: Sequence[str]) -> str:
    return f"SELECT count(*) FROM entries {hint} WHERE {' AND '.join(clauses)}"


def equal_clauses(equals: Mapping[str, object], table: str = "") -> tuple[list[str], list[object]]:
    """``json_extract(data, '$.f') = ?`` for each stored value (``IS NULL`` for ``None``)."""
    clauses: list[str] = []
    params: list[object] = []
    for name, stored in equals.items():
        if stored is None:
            clauses.append(f"{field_path(name, table)} IS NULL")
        else:
            clauses.append(f"{field_path(name, table)} = ?")
            params.append(stored)
    return clauses, params


def level_equal(
    spec: FormSpec, equals: Mapping[str, object], hint: str
) -> tuple[list[str], list[object]]:
    """:func:`equal_clauses` for a page read through ``hint``, with the register's level field
    compared as the entry's ``level`` column (the same value, :func:`entry_marking`), which
    every list index holds: a walk of the sort column's index checks it there instead of
    reading each entry's row for its JSON (5,000 rows for a page of 总装图 + 机密 at 2M).
    The level field's own index (``hint``) is read by its key, the JSON value, as before."""
    name = spec.level_field
    if name is None or equals.get(name) is None or hint == f"INDEXED BY {field_index(spec, name)}":
        return equal_clauses(equals)
    level = spec.field(name).from_storage(equals[name])  # type: ignore[arg-type]
    if not isinstance(level, Level):
        return equal_clauses(equals)
    clauses, params = equal_clauses({k: v for k, v in equals.items() if k != name})
    return [*clauses, "level = ?"], [*params, int(level)]


class SortTerm(NamedTuple):
    """One column of the engine's order."""

    expr: str
    descending: bool
    nullable: bool = False


def _after(terms: Sequence[SortTerm], values: Sequence[object]) -> list[tuple[str, list[object]]]:
    """Lexicographically after ``values`` in the order of ``terms``, as disjoint conditions
    listed in the order their rows come (all rows of one before any of the next). Each is
    an equality on a prefix of the terms and then one range — a row-value comparison for a
    tail of plain columns in one direction with no NULL to place — so SQLite reads each as
    a range of the sort index; joined by ``OR`` they were a walk from the index's start."""
    if not terms:
        return []
    first, value = terms[0], values[0]
    same = all(t.descending == first.descending for t in terms)
    no_nulls = all(v is not None for v in values)
    columns = all(t.expr.isidentifier() for t in terms)  # SQLite ranges a row value of
    # plain columns through an index, not one holding an expression (a JSON field): a SCAN
    if (
        same
        and no_nulls
        and columns
        and not (first.descending and any(t.nullable for t in terms[1:]))
    ):
        op = "<" if first.descending else ">"
        cols = ", ".join(t.expr for t in terms)
        marks = ", ".join("?" for _ in terms)
        parts: list[tuple[str, list[object]]] = [(f"({cols}) {op} ({marks})", list(values))]
        if first.descending and first.nullable:  # NULL comes last descending
            parts.append((f"{first.expr} IS NULL", []))
        return parts
    beyond: list[tuple[str, list[object]]]
    if value is None:
        equal, equal_params = f"{first.expr} IS NULL", []
        # NULL is last descending (nothing beyond it), first ascending (every value beyond)
        beyond = [] if first.descending else [(f"{first.expr} IS NOT NULL", [])]
    else:
        equal, equal_params = f"{first.expr} = ?", [value]
        op = "<" if first.descending else ">"
        beyond = [(f"{first.expr} {op} ?", [value])]
        if first.descending and first.nullable:
            beyond.append((f"{first.expr} IS NULL", []))
    rest = [(f"{equal} AND {c}", [*equal_params, *p]) for c, p in _after(terms[1:], values[1:])]
    return rest + beyond

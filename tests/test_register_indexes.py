"""The registers' indexes come with the schema (step 11), the engine's start does no DDL, and
a count — with any filter, for any clearance — is the plain count, read from an index alone
where the filter names indexed columns only."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest

from secrecy_desk.forms import load_all
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query, Registers, planning
from secrecy_desk.vault import db
from secrecy_desk.vault.register_indexes import INDEXES
from tests.support.data import RECEIVERS, bulk_drawings, gift
from tests.support.plans import count_plan, plain_count
from tests.support.vault import CLERK, OFFICER, VaultEnv, undo_step_14

_OURS = (
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
    "AND (name LIKE 'ix\\_%' ESCAPE '\\' OR name LIKE 'dl\\_%' ESCAPE '\\' "
    "OR name LIKE 'st\\_%' ESCAPE '\\')"
)

#: The definition the list indexes had before step 11 (without ``register, voided``).
_OLD_RECEIVER = (
    "CREATE INDEX ix_drawings_receiver ON entries (json_extract(data, '$.receiver'), "
    "year, seq, id, level) WHERE register = 'drawings' AND voided = 0"
)


def _indexes(store: db.Store) -> dict[str, str]:
    return {str(name): str(sql) for name, sql in store.all(_OURS)}


def test_the_frozen_indexes_are_what_the_definitions_want() -> None:
    # After a change of a definition's list columns or a module's deadlines: run
    # `python -m scripts.register_indexes` and add a schema step that applies the new set.
    assert registry.register_indexes(load_all()) == INDEXES


def test_a_new_vault_has_every_index(vault_env: VaultEnv) -> None:
    store = vault_env.raw()
    try:
        assert _indexes(store) == INDEXES
    finally:
        store.close()


def test_step_11_upgrades_a_vault_of_version_10(vault_env: VaultEnv) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        bulk_drawings(regs, 200)
        before = regs.count("drawings", Query(where={"receiver": RECEIVERS[0]}))
    finally:
        s.logout()
    store = vault_env.raw()
    try:
        # The vault as version 10 left it: the list indexes of that time, made by the
        # engine's start (one old-shaped here), no deadline indexes, an index since retired.
        for name in _indexes(store):
            store.execute(f"DROP INDEX {name}")
        store.execute(_OLD_RECEIVER)
        store.execute(
            "CREATE INDEX ix_drawings_retired ON entries (json_extract(data, '$.retired')) "
            "WHERE register = 'drawings' AND voided = 0"
        )
        store.execute("DROP TRIGGER entry_totals_insert")
        store.execute("DROP TRIGGER entry_totals_update")
        store.execute("DROP TABLE entry_totals")
        store.execute("DROP INDEX carrier_events_on")  # step 13's, after this one
        undo_step_14(store)
        store.execute("PRAGMA user_version = 10")
        assert db.migrate(store) == db.latest_version()
        live = store.all(
            "SELECT level, count(*) FROM entries WHERE register = 'drawings' AND voided = 0 "
            "GROUP BY level ORDER BY level"
        )
        assert store.all("SELECT level, live FROM entry_totals ORDER BY level") == live
        assert _indexes(store) == INDEXES
        stats: dict[object, object] = dict(
            store.all("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'entries'")
        )
        assert "ix_drawings_receiver" in stats  # the rebuilt index has statistics
        assert "ix_drawings_retired" not in stats
    finally:
        store.close()
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        assert regs.count("drawings", Query(where={"receiver": RECEIVERS[0]})) == before
    finally:
        s.logout()


def test_the_engine_start_does_no_ddl(vault_env: VaultEnv) -> None:
    store = vault_env.raw()
    try:
        store.execute("DROP INDEX ix_drawings_receiver")
    finally:
        store.close()
    s = vault_env.login(OFFICER)
    try:
        cookie = s.vault.store.scalar("PRAGMA schema_version")
        regs = vault_env.registers(s)
        assert s.vault.store.scalar("PRAGMA schema_version") == cookie
        assert "ix_drawings_receiver" not in _indexes(s.vault.store)
        # every query works without the index, only slower
        assert regs.count("drawings", Query(where={"receiver": RECEIVERS[0]})) == 0
    finally:
        s.logout()


@pytest.fixture
def filled(vault_env: VaultEnv) -> VaultEnv:
    """500 drawings (机密 and 一般), a few voided, two changed in level, with the planner's
    statistics."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        bulk_drawings(regs, 500)
        for entry in regs.page("drawings", Query(limit=7)):
            regs.void("drawings", entry.number, "登记重复")
        for entry in regs.page("drawings", Query(where={"level": "一般"}, limit=2)):
            regs.edit("drawings", entry.number, {"level": "机密"}, expected_revision=1)
        regs.analyze()
    finally:
        s.logout()
    return vault_env


def _queries(regs: Registers) -> dict[str, Query]:
    """A query of every filter kind, with values the register holds."""
    spec = regs.spec("drawings")
    sample = regs.page("drawings", Query(limit=50))
    typed = {
        name: next((t for e in sample if (t := e.display(spec, name, "zh_CN"))), "")
        for name in spec.listing.columns
        if spec.has_field(name)
    }
    out = {"all": Query(), "voided too": Query(include_voided=True)}
    for name, text in typed.items():
        if text:
            out[f"where {name}"] = Query(where={name: text})
    out |= {
        "number": Query(where={"number": sample[3].number}),
        "status": Query(where={"status": sample[0].status}),
        "two fields": Query(where={"level": "机密", "receiver": RECEIVERS[1]}),
        "month": Query(where={"issued_on": sample[0].display(spec, "issued_on", "zh_CN")[:7]}),
        "range": Query(ranges={"issued_on": ("2022", "2024-06")}),
        "mine": Query(created_by=OFFICER),
        "search": Query(search="图"),
        "search, two characters": Query(search="装配"),
        "search and field": Query(search="图", where={"level": "一般"}),
        "deadline": Query(deadline="drawings.recall_overdue"),
    }
    return out


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_every_count_is_the_plain_count(filled: VaultEnv, who: str) -> None:
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        queries = _queries(regs)
        assert len(queries) > 15
        for label, query in queries.items():
            counted = regs.count("drawings", query)
            listed = regs.page("drawings", dataclasses.replace(query, limit=None))
            assert counted == plain_count(regs, query) == len(listed), label
            assert all(e.level <= s.principal.clearance for e in listed), label
        secret = regs.count("drawings", Query(where={"level": "机密"}))
        assert (secret > 0) == (who == OFFICER)  # the clerk (秘密) never counts 机密 entries
    finally:
        s.logout()


#: The planner's statistics (``sqlite_stat1``) of the cached 2,000,000-entry benchmark vault
#: (``tests/bench/scale_vault.py``): two levels, two values of "recalled", 38 entries per
#: receiver. With them SQLite's own plan for ``level = 机密`` walked ``entries_list`` and read
#: each of its 801,189 rows (28 s); a small vault's statistics never show it.
LARGE_STATS = {
    "entries_list": "2000000 2000000 2000000 1000000 1",
    "ix_drawings__number": "2000000 2000000 1 1 1",
    "ix_drawings_copies": "2000000 400000 400000 1 1 1 1 1",
    "ix_drawings_drawing_name": "2000000 50000 50000 1 1 1 1 1",
    "ix_drawings_drawing_name__py": "2000000 50000 50000 1 1 1",
    "ix_drawings_drawing_no": "2000000 7 7 1 1 1 1 1",
    "ix_drawings_drawing_no__py": "2000000 7 7 1 1 1",
    "ix_drawings_due_on": "2000000 548 548 1 1 1 1 1",
    "ix_drawings_issued_on": "2000000 548 548 1 1 1 1 1",
    "ix_drawings_level": "2000000 1000000 1000000 1 1 1 1 1",
    "ix_drawings_recalled": "2000000 1000000 1000000 1 1 1 1 1",
    "ix_drawings_receiver": "2000000 38 38 1 1 1 1 1",
    "ix_drawings_receiver__py": "2000000 38 38 1 1 1",
    "ix_drawings_remarks": "2000000 333334 333334 1 1 1 1 1",
    "ix_drawings_remarks__py": "2000000 333334 333334 1 1 1",
    "dl_drawings_15bc837590fc": "160081 44 44 44 44",
    "dl_drawings_ff199bba9e42": "801189 801189 801189 801189 801189",
}


def _large_statistics(regs: Registers) -> None:
    """Give the planner the 2M vault's statistics (SQLite reads them at ``ANALYZE
    sqlite_schema``), so the plans are the ones the large register gets."""
    store = regs.store
    store.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'entries'")
    if store.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat4'"):
        store.execute("DELETE FROM sqlite_stat4 WHERE tbl = 'entries'")
    for idx, stat in LARGE_STATS.items():
        store.execute("INSERT INTO sqlite_stat1 VALUES ('entries', ?, ?)", (idx, stat))
    store.execute("ANALYZE sqlite_schema")
    regs.planner._stats.clear()


def _reads_rows(plan: str) -> bool:
    """Whether a plan reads rows of ``entries`` (by id, or an index that does not hold every
    column the query names)."""
    steps = [s.strip() for s in plan.split("|")]
    on_entries = [s for s in steps if s.startswith(("SEARCH entries", "SCAN entries", "SEARCH o"))]
    return any("COVERING INDEX" not in s for s in on_entries)


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_counts_on_a_large_register_read_indexes_only(
    filled: VaultEnv, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the large register's statistics, every count of equality filters (one field,
    two fields) and searches (alone, with a field; many matches) reads no row of the table,
    and is still the plain count."""
    monkeypatch.setattr(planning, "DENSE_SEARCH", 3)  # 500 entries: "many" matches
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        _large_statistics(regs)
        queries = _queries(regs) | {
            "two wide fields": Query(where={"level": "机密", "recalled": "否"}),
            "search and two fields": Query(search="图", where={"level": "一般", "copies": "2"}),
        }
        checked = 0
        for label, query in queries.items():
            counted = regs.count("drawings", query)
            assert counted == plain_count(regs, query), label
            if query.created_by or query.include_voided:
                continue  # filters on what no list index holds
            if "number" in query.where or "status" in query.where:
                continue  # the entries' own indexes (number, status) answer these
            plan = count_plan(regs, query)
            assert not _reads_rows(plan), (label, plan)
            checked += 1
        assert checked >= 14
    finally:
        s.logout()


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_a_search_count_is_the_search_index_count_less_the_matches_outside(
    filled: VaultEnv, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search count with no other filter, when few entries are outside the register's live
    entries within the clearance, is the search index's count less its matches among those
    (other registers, voided, above the clearance), each looked up by id — never a walk of
    the register's live entries — and it is the plain count; with more outside (``probes``
    0, or the clerk, who does not see the 机密 half), the search index counts it alone, by
    the entries' scope tokens, the same."""
    monkeypatch.setattr(planning, "DENSE_SEARCH", 3)  # 500 entries: "many" matches
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        for description in ("总装图一册", "装配图样", "茶叶"):  # another register's matches
            regs.add("gifts", gift(description=description), confirm=True)
    finally:
        s.logout()
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        _large_statistics(regs)
        for probes, text in itertools.product(
            (planning.OUTSIDE_PROBES, 0), ("图", "装配", "总装图", "茶叶", "没有这样的字")
        ):
            monkeypatch.setattr(planning, "OUTSIDE_PROBES", probes)
            query = Query(search=text)
            counted = regs.count("drawings", query)
            assert counted == plain_count(regs, query), text
            assert counted == len(regs.page("drawings", Query(search=text, limit=None))), text
            plan = count_plan(regs, query)
            # the officer: 7 voided drawings and 3 gifts outside; the clerk: the 机密 half too
            shortcut = who == OFFICER and probes > 0
            assert ("entries_list (register<?)" in plan) == shortcut, (text, plan)
            assert not _reads_rows(plan), (text, plan)
            if not shortcut:  # the search index counts alone, by the entries' scope tokens
                assert plan == "SCAN entry_fts VIRTUAL TABLE INDEX 0:M1", (text, plan)
        assert regs.count("drawings", Query(search="图")) > 0
    finally:
        s.logout()


def test_a_count_of_one_level_is_the_maintained_count(filled: VaultEnv) -> None:
    """A count filtered on the level alone is ``entry_totals``' row for that level (the
    maintained count: no index walked), for each level and clearance the plain count."""
    for who in (OFFICER, CLERK):
        s = filled.login(who)
        try:
            regs = filled.registers(s)
            for level in ("绝密", "机密", "一般"):
                query = Query(where={"level": level})
                assert regs.count("drawings", query) == plain_count(regs, query), (who, level)
            assert "entry_totals" in count_plan(regs, Query(where={"level": "机密"}))
        finally:
            s.logout()


def test_few_search_matches_are_looked_up_by_id(filled: VaultEnv) -> None:
    """A search with few matches (below ``DENSE_SEARCH``) counts them by their ids, whatever
    field filter comes with it: a handful of rows, not a walk of the field's index."""
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        _large_statistics(regs)
        query = Query(search="图", where={"recalled": "否"})
        plan = count_plan(regs, query)
        assert "USING INTEGER PRIMARY KEY" in plan, plan
        assert regs.count("drawings", query) == plain_count(regs, query)
    finally:
        s.logout()


def test_a_filtered_count_never_visits_the_entries(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        for label, query in _queries(regs).items():
            if query.search or query.ranges or query.created_by or query.include_voided:
                continue  # filters on what no list index holds
            if "number" in query.where or "status" in query.where or len(query.where) > 1:
                continue  # the entries' own indexes (number, status) answer these
            plan = count_plan(regs, query)
            if label == "where level":  # the level alone: the maintained count per level
                assert plan == "SEARCH entry_totals USING PRIMARY KEY (register=? AND level=?)"
                continue
            assert "COVERING INDEX" in plan, (label, plan)
        assert "two fields" in _queries(regs)  # one field's index, a seek into the other's
    finally:
        s.logout()


def test_a_page_on_a_large_register_is_never_read_through_entries_list(
    filled: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the large register's statistics, a filtered or searched first page is read from
    the sort column's index, the filter's own index (few entries per value) or the search's
    matches by id (few matches) — never by walking ``entries_list``, which orders nothing
    and selects only the register (at 2M, ``receiver = 王伟`` read 2M rows: 30 s) — and it
    is the page the plain scan gives."""
    monkeypatch.setattr(planning, "DENSE_SEARCH", 30)
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        _large_statistics(regs)
        spec = regs.spec("drawings")
        queries = _queries(regs) | {
            "two wide fields": Query(where={"level": "机密", "recalled": "否"}),
            "search and receiver": Query(search="装配", where={"receiver": RECEIVERS[1]}),
        }
        for label, query in queries.items():
            if query.include_voided:
                continue  # every entry, voided too
            page = dataclasses.replace(query, limit=20)
            ((sql, params),) = regs.page_sql(spec, page)
            plan = " | ".join(
                str(r[-1]) for r in regs.store.all(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "entries_list" not in plan, (label, plan)
            plain = re.sub(
                r" FROM entries (INDEXED BY \w+ |NOT INDEXED )?",
                " FROM entries NOT INDEXED ",
                sql,
                count=1,
            )
            got = [r[0] for r in regs.store.all(sql, params)]
            assert got == [r[0] for r in regs.store.all(plain, params)], label
    finally:
        s.logout()


@pytest.mark.parametrize("backward", [False, True])
def test_a_keyset_page_is_a_range_of_the_sort_index(filled: VaultEnv, backward: bool) -> None:
    """A page read on from an entry (``after``) starts in the sort column's index at that
    entry: every statement is a range of the index (``SEARCH``), never a walk from the start
    (``SCAN``: the NULL dates' ``OR`` made it one, 1.7 s for the last page at 2M), and the
    pages read on from each other are the whole list in order, as the plain scan sorts it."""
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        store = regs.store
        for entry in regs.page("drawings", Query(limit=9))[::3]:  # a few entries without a date
            store.execute(
                "UPDATE entries SET data = json_remove(data, '$.issued_on') WHERE id = ?",
                (entry.id,),
            )
        _large_statistics(regs)
        spec = regs.spec("drawings")
        everything = [e.id for e in regs.page("drawings", Query(limit=None))]
        if backward:
            everything.reverse()
        read: list[int] = []
        after: int | None = None
        while True:
            query = Query(limit=40, after=after, backward=backward)
            for sql, params in regs.page_sql(spec, query):
                plan = " | ".join(
                    str(r[-1]) for r in store.all(f"EXPLAIN QUERY PLAN {sql}", params)
                )
                assert after is None or "SCAN" not in plan, (plan, sql)
            page = [e.id for e in regs.page("drawings", query)]
            if not page:
                break
            read += page[::-1] if backward else page
            after = page[0] if backward else page[-1]
        assert read == everything
    finally:
        s.logout()


def test_a_page_probes_only_where_probing_is_the_cheaper_plan() -> None:
    """The page plan's bound, on the 2M benchmark register and the list's page of 200. 总装图
    matches 200,340 entries (one in ten): a probed page seeks each of the ~2,000 entries it
    walks in the search index, 128–198 ms on an index in 15 segments (the state automerge
    leaves), against 65–93 ms for gathering its matches first, so it must gather. 图 matches
    every entry: gathering them took 410–580 ms, probing the 200 a page walks 18–37 ms, so it
    must probe. A register of a few hundred entries never probes: a page is most of it."""
    live, page = 2_000_000, 200
    assert planning.dense_bound(page, live) > 200_340
    assert planning.dense_bound(page, live) < live // 2
    assert planning.dense_bound(page, 500) > 500


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_a_dense_search_page_probes_each_entry_it_walks(
    filled: VaultEnv, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search matching so many entries that a page of the sort index's walk meets one
    every few entries checks each entry it walks in the search index by its id (a
    correlated seek), instead of gathering every match first (2M matches: 1.9 s for a
    page); the pages, read on from each other by keyset, with a field filter too, are the
    plain scan's, and never show an entry above the reader's clearance."""
    monkeypatch.setattr(planning, "DENSE_SEARCH", 3)
    monkeypatch.setattr(planning, "PROBE_COST", 0)  # every search of 3+ matches is "dense"
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        _large_statistics(regs)
        spec = regs.spec("drawings")
        for query in (
            Query(search="图"),
            Query(search="装配"),
            Query(search="图", where={"level": "一般"}),
        ):
            everything = regs.page("drawings", dataclasses.replace(query, limit=None))
            assert everything
            assert all(e.level <= s.principal.clearance for e in everything)
            read: list[int] = []
            after: int | None = None
            while True:
                page_query = dataclasses.replace(query, limit=25, after=after)
                for sql, params in regs.page_sql(spec, page_query):
                    plan = " | ".join(
                        str(r[-1]) for r in regs.store.all(f"EXPLAIN QUERY PLAN {sql}", params)
                    )
                    assert "entries_list" not in plan, plan
                    if not query.where:  # (a field filter here reads its own index: few)
                        assert "CORRELATED" in plan, plan
                        assert "LIST SUBQUERY" not in plan, plan
                page = [e.id for e in regs.page("drawings", page_query)]
                if not page:
                    break
                read += page
                after = page[-1]
            assert read == [e.id for e in everything], query
            clauses, params = regs._filters(spec, query)
            plain = regs.store.all(
                f"SELECT id FROM entries NOT INDEXED WHERE {' AND '.join(clauses)}", params
            )
            assert sorted(read) == sorted(int(r[0]) for r in plain), query
    finally:
        s.logout()


def _number_stat(regs: Registers) -> str | None:
    row = regs.store.scalar("SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_drawings__number'")
    return None if row is None else str(row).split()[0]


def test_an_import_refreshes_the_statistics_only_when_it_outgrows_them(
    vault_env: VaultEnv,
) -> None:
    """``ANALYZE`` reads every index whole (9 s at 2M entries): an import refreshes the
    statistics when the register has none or grows by more than a quarter of what they
    counted, and leaves them when it adds a twentieth to a large register."""
    from tests.support.data import drawing

    def rows(prefix: str, n: int) -> list[dict[str, str]]:
        return [drawing(drawing_no=f"{prefix}-{i:04d}") for i in range(n)]

    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        regs.store.execute("DROP TABLE IF EXISTS sqlite_stat1")
        regs.add_many("drawings", rows("A", 1200), source="test")
        assert _number_stat(regs) == "1200"  # none before: made
        regs.add_many("drawings", rows("B", 1000), source="test")
        assert _number_stat(regs) == "2200"  # 1,000 more than a quarter of 1,200
        _large_statistics(regs)  # as if the register held 2,000,000
        regs.add_many("drawings", rows("C", 1000), source="test")
        assert _number_stat(regs) == "2000000"  # a 2,000th more: left as they were
    finally:
        s.logout()

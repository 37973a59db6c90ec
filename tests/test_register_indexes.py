"""The registers' indexes come with the schema (step 11), the engine's start does no DDL, and
a count — with any filter, for any clearance — is the plain count, read from an index alone
where the filter names indexed columns only."""

from __future__ import annotations

import dataclasses

import pytest

from secrecy_desk.forms import load_all
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.vault import db
from secrecy_desk.vault.register_indexes import INDEXES
from tests.support.data import RECEIVERS, bulk_drawings
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


def _plain_count(regs: Registers, query: Query) -> int:
    """The same filters counted by reading every entry (no index at all)."""
    clauses, params = regs._filters(regs.spec("drawings"), query)
    return int(
        regs.store.scalar(
            f"SELECT count(*) FROM entries NOT INDEXED WHERE {' AND '.join(clauses)}", params
        )
    )


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
            assert counted == _plain_count(regs, query) == len(listed), label
            assert all(e.level <= s.principal.clearance for e in listed), label
        secret = regs.count("drawings", Query(where={"level": "机密"}))
        assert (secret > 0) == (who == OFFICER)  # the clerk (秘密) never counts 机密 entries
    finally:
        s.logout()


def test_a_filtered_count_never_visits_the_entries(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        spec = regs.spec("drawings")
        for label, query in _queries(regs).items():
            if query.search or query.ranges or query.created_by or query.include_voided:
                continue  # filters on what no list index holds
            if "number" in query.where or "status" in query.where or len(query.where) > 1:
                continue  # the entries' own indexes (number, status) answer these
            clauses, params = regs._filters(spec, query)
            hint, clauses = regs.planner.count_plan(query, clauses)
            plan = " ".join(
                str(row[-1])
                for row in regs.store.all(
                    f"EXPLAIN QUERY PLAN SELECT count(*) FROM entries {hint} "
                    f"WHERE {' AND '.join(clauses)}",
                    params,
                )
            )
            assert "COVERING INDEX" in plan, (label, plan)
        assert "two fields" in _queries(regs)  # counted from one field's index, then entries
    finally:
        s.logout()

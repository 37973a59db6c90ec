"""The statistics table ``entry_dims`` (schema step 14): every live entry's counted values, kept
by triggers in the transaction of every write; the cross-tabs of two fields and the counts over
another field's date range it answers are the counts a pass over every entry gives, within the
clearance; a vault of version 13 gets it filled by the upgrade."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from secrecy_desk.core.levels import Level
from secrecy_desk.forms import Value, load_all
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.reports import stats
from secrecy_desk.modules.reports.stats import EMPTY, StatQuery, count
from secrecy_desk.records.store import Revise, revise_entries
from secrecy_desk.vault import db, entry_dims
from secrecy_desk.vault.register_indexes import COUNTED
from tests.support.data import bulk_drawings, drawing, gift
from tests.support.vault import CLERK, OFFICER, VaultEnv, undo_step_14

#: Pairs of dimensions the statistics table answers (two fields; a field with the status).
PAIRS = (
    ("field:recalled", "field:must_recall"),
    ("month:issued_on", "field:lost"),
    ("field:must_recall", "year:due_on"),
    ("quarter:recalled_on", "field:recalled"),
    ("field:recalled", "status"),
    ("level", "half:issued_on"),
)
RANGES = ((None, None), (date(2024, 1, 1), date(2024, 12, 31)), (date(2025, 3, 1), None))


def _every_row(
    regs: Registers, rows: str, cols: str, start: date | None, end: date | None
) -> dict[tuple[str, str], int]:
    """The counts as a plain pass over every entry of the register says them."""
    spec = regs.spec("drawings")

    def raw(key: str) -> str:
        return stats.source(spec, key)[0] if key else "NULL"

    where = ["register = 'drawings'", "voided = 0", "level <= ?"]
    params: list[object] = [int(regs.session.principal.clearance)]
    day = stats.source(spec, "month:issued_on")[0]
    if start:
        where.append(f"{day} >= ?")
        params.append(start.isoformat())
    if end:
        where.append(f"{day} <= ?")
        params.append(end.isoformat())
    found = regs.store.all(
        f"SELECT {raw(rows)}, {raw(cols)} FROM entries NOT INDEXED WHERE {' AND '.join(where)}",
        params,
    )
    return dict(
        Counter((stats.bucket(rows, r), stats.bucket(cols, c) if cols else EMPTY) for r, c in found)
    )


def _table(regs: Registers, rows: str, cols: str, start: date | None, end: date | None) -> object:
    query = StatQuery("drawings", rows, cols, date_field="issued_on", start=start, end=end)
    return dict(count(regs, query, "zh_CN").counts)


def _rows_as_written(store: db.Store, register: str) -> bool:
    """Whether the register's rows in the table are what a fill from its entries writes."""
    kept = store.all(f"SELECT * FROM entry_dims WHERE register = '{register}' ORDER BY entry_id")
    select = entry_dims.fill_sql(register, COUNTED[register]).partition(") ")[2]
    fresh = store.all(select)
    pad = (None,) * (len(entry_dims.COLUMNS) - len(COUNTED[register]))
    return [tuple(r) for r in kept] == [(*r, *pad) for r in fresh] and len(kept) > 0


def test_the_frozen_fields_are_what_the_definitions_want() -> None:
    assert registry.register_dims(load_all()) == COUNTED
    assert all(len(fields) <= len(entry_dims.COLUMNS) for fields in COUNTED.values())


@pytest.fixture
def filled(vault_env: VaultEnv) -> VaultEnv:
    """400 drawings (机密 and 一般), a few voided."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        bulk_drawings(regs, 400, seed=3)
        for entry in regs.page("drawings", Query(limit=5)):
            regs.void("drawings", entry.number, "登记重复")
    finally:
        s.logout()
    return vault_env


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_every_cross_tab_is_the_count_of_every_row(filled: VaultEnv, who: str) -> None:
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        assert stats.dims_columns(regs, regs.spec("drawings"))  # answered by the table
        for rows, cols in PAIRS:
            for start, end in RANGES:
                want = _every_row(regs, rows, cols, start, end)
                assert _table(regs, rows, cols, start, end) == want, (rows, cols, start, end)
        # One dimension over another field's date range, and the mark and status within it.
        for rows, cols in (("field:must_recall", ""), ("level", ""), ("status", "level")):
            start, end = RANGES[1]
            assert _table(regs, rows, cols, start, end) == _every_row(regs, rows, cols, start, end)
        totals = count(regs, StatQuery("drawings", "level"), "zh_CN")
        secret = str(int(Level.SECRET))
        assert (totals.row_total(secret) > 0) == (who == OFFICER)  # the clerk sees no 机密
    finally:
        s.logout()


def test_without_its_triggers_a_register_is_counted_from_its_entries(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        before = {p: _table(regs, *p, None, None) for p in PAIRS}
        with regs.store.transaction():
            regs.store.execute("DROP TRIGGER dm_drawings_update")
        assert stats.dims_columns(regs, regs.spec("drawings")) == {}
        assert {p: _table(regs, *p, None, None) for p in PAIRS} == before
        with regs.store.transaction():
            db.apply_register_dims(regs.store)  # what a schema step does
        assert stats.dims_columns(regs, regs.spec("drawings"))
        assert {p: _table(regs, *p, None, None) for p in PAIRS} == before
    finally:
        s.logout()


def test_every_write_moves_the_figures(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        spec = regs.spec("drawings")
        store = regs.store
        pair = ("field:recalled", "level")

        def figures() -> dict[tuple[str, str], int]:
            assert _rows_as_written(store, "drawings")
            table = count(regs, StatQuery("drawings", *pair), "zh_CN")
            assert dict(table.counts) == _every_row(regs, *pair, None, None)
            return dict(table.counts)

        start = figures()
        secret, plain = str(int(Level.SECRET)), str(int(Level.INTERNAL))
        # A save (store.insert_entry).
        one = regs.add("drawings", drawing(drawing_no="N-1", level="机密")).entry
        after_add = figures()
        assert after_add[("0", secret)] == start[("0", secret)] + 1
        # A revision of a counted field (store.revise_entry).
        back = {"recalled": "是", "recalled_on": "2026-03-02", "recalled_by": "李娜"}
        regs.edit("drawings", one.number, back, expected_revision=1)
        edited = figures()
        assert edited[("1", secret)] == after_add[("1", secret)] + 1
        # Several at once (store.revise_entries): two 一般 drawings recalled together.
        some = [e for e in regs.page("drawings", Query(limit=None)) if e.level == Level.INTERNAL]
        some = [e for e in some if not e.values.get("recalled")][:2]
        recalled: dict[str, Value] = {
            "recalled": True,
            "recalled_on": date(2026, 3, 2),
            "recalled_by": "李娜",
        }
        revisions = [
            (spec, Revise(e.id, e.number, e.revision, {**e.values, **recalled},
                          e.level, e.term, e.status, "edit"))
            for e in some
        ]  # fmt: skip
        with s.operation():
            revise_entries(s, revisions)
        together = figures()
        assert together[("1", plain)] == edited.get(("1", plain), 0) + 2
        # A void, and its undoing (no path of the program undoes one; the table follows).
        regs.void("drawings", one.number, "登记重复", expected_revision=2)
        voided = figures()
        assert voided[("1", secret)] == together[("1", secret)] - 1
        with store.transaction():
            store.execute("UPDATE entries SET voided = 0 WHERE id = ?", (one.id,))
        assert figures() == together
        with store.transaction():
            store.execute("UPDATE entries SET voided = 1 WHERE id = ?", (one.id,))
        # A change of level (一般 → 机密).
        target = next(e for e in regs.page("drawings", Query(where={"level": "一般"}, limit=1)))
        flag = "1" if target.values.get("recalled") else "0"
        regs.edit("drawings", target.number, {"level": "机密"}, expected_revision=target.revision)
        moved = figures()
        assert moved[(flag, secret)] == voided[(flag, secret)] + 1
        assert moved.get((flag, plain), 0) == voided[(flag, plain)] - 1
        # The bulk insert through the staging table (an import).
        bulk_drawings(regs, 30, seed=9)
        assert sum(figures().values()) == sum(moved.values()) + 30
        # Another register's rows are its own.
        regs.add("gifts", gift(), confirm=True)
        assert store.scalar("SELECT count(*) FROM entry_dims WHERE register = 'gifts'") == 1
        assert _rows_as_written(store, "gifts")
    finally:
        s.logout()


def test_step_14_fills_the_table_of_a_vault_of_version_13(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        regs.add("gifts", gift(), confirm=True)
        before = {p: _table(regs, *p, *RANGES[1]) for p in PAIRS}
    finally:
        s.logout()
    store = filled.raw()
    try:
        undo_step_14(store)
        store.execute("PRAGMA user_version = 13")
        assert db.migrate(store) == db.latest_version()
        for register in ("drawings", "gifts"):
            assert _rows_as_written(store, register)
        names = {
            str(n)
            for (n,) in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dm\\_%' "
                "ESCAPE '\\'"
            )
        }
        assert names == set(entry_dims.wanted(COUNTED))
        live = store.scalar("SELECT count(*) FROM entries WHERE voided = 0")
        assert store.scalar("SELECT count(*) FROM entry_dims") == live
    finally:
        store.close()
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        assert {p: _table(regs, *p, *RANGES[1]) for p in PAIRS} == before
    finally:
        s.logout()

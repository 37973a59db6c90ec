"""The statistics table ``entry_dims`` (schema step 14): every live entry's counted values, kept
by triggers in the transaction of every write; the cross-tabs of two fields and the counts over
another field's date range it answers are the counts a pass over every entry gives, within the
clearance; a vault of version 13 gets it filled by the upgrade. Its combination counts
``entry_dim_counts`` (step 15) are after every write what a recount of the entries gives, and
the counts of a whole register or of whole months they answer are the same as a pass over every
entry; a range of days falls back to the table, with the same figures."""

from __future__ import annotations

import contextlib
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
from secrecy_desk.vault.register_indexes import COUNTED, MONTHLY
from tests.support.data import bulk_drawings, drawing, gift
from tests.support.vault import CLERK, OFFICER, VaultEnv, undo_step_14, undo_step_15

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
#: Whole months (answered by the combination counts) and ranges of days (by the table).
MONTH_RANGES = (
    (None, date(2024, 12, 31)),
    (date(2024, 2, 1), date(2024, 2, 29)),
    (date(2025, 6, 1), date(2025, 9, 30)),
)
DAY_RANGES = (
    (date(2024, 3, 15), date(2024, 6, 10)),
    (date(2024, 2, 1), date(2024, 2, 28)),
    (None, date(2024, 12, 30)),
    (date(2025, 1, 2), None),
)
#: One dimension alone, counted from the combination counts too.
SINGLE = (("level", ""), ("status", ""), ("month:issued_on", ""), ("field:lost", ""))


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


def _table(
    regs: Registers, rows: str, cols: str, start: date | None, end: date | None
) -> dict[tuple[str, str], int]:
    query = StatQuery("drawings", rows, cols, date_field="issued_on", start=start, end=end)
    return dict(count(regs, query, "zh_CN").counts)


def _rows_as_written(store: db.Store, register: str) -> bool:
    """Whether the register's rows in the table are what a fill from its entries writes."""
    kept = store.all(f"SELECT * FROM entry_dims WHERE register = '{register}' ORDER BY entry_id")
    select = entry_dims.fill_sql(register, COUNTED[register]).partition(") ")[2]
    fresh = store.all(select)
    pad = (None,) * (len(entry_dims.COLUMNS) - len(COUNTED[register]))
    return [tuple(r) for r in kept] == [(*r, *pad) for r in fresh] and len(kept) > 0


def _recount(store: db.Store, register: str) -> dict[tuple[object, ...], int]:
    """The combination counts a fresh count of the register's live entries gives: level,
    status and each counted value, a date by its month, a blank as ``''``."""
    fields = COUNTED[register]
    months = set(MONTHLY.get(register, ()))
    values = ", ".join(f"json_extract(data, '$.{f}')" for f in fields)
    found: Counter[tuple[object, ...]] = Counter()
    for row in store.all(
        f"SELECT level, status, {values} FROM entries NOT INDEXED "
        "WHERE register = ? AND voided = 0",
        (register,),
    ):
        kept = [
            "" if v is None else (str(v)[:7] if f in months else v)
            for f, v in zip(fields, row[2:], strict=True)
        ]
        pad = [""] * (len(entry_dims.COLUMNS) - len(fields))
        found[(int(row[0]), str(row[1]), *kept, *pad)] += 1
    return dict(found)


def _counts_as_recounted(store: db.Store, register: str) -> bool:
    kept = store.all(f"SELECT * FROM {entry_dims.COUNTS} WHERE register = ?", (register,))
    assert all(int(r[-1]) >= 0 for r in kept), "no combination counts below 0"
    held = {tuple(r[1:-1]): int(r[-1]) for r in kept if int(r[-1]) > 0}
    return held == _recount(store, register) and len(held) > 0


def test_the_frozen_fields_are_what_the_definitions_want() -> None:
    assert registry.register_dims(load_all()) == COUNTED
    assert registry.register_months(load_all()) == MONTHLY
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
            assert _counts_as_recounted(store, "drawings")
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
        # The bulk insert of a batch of rows (an import).
        bulk_drawings(regs, 30, seed=9)
        bulked = figures()
        assert sum(bulked.values()) == sum(moved.values()) + 30
        # SQL written outside the kernel: copies of entries, a date moved to another month,
        # a value cleared, an entry's level and status changed in one statement.
        with store.transaction():
            store.execute(
                "INSERT INTO entries (register, number, year, seq, revision, status, level, "
                "term, voided, data, created_at, created_by, updated_at, updated_by) "
                "SELECT register, number || '-copy', year, seq + 100000, revision, status, "
                "level, term, voided, data, created_at, created_by, updated_at, updated_by "
                "FROM entries WHERE register = 'drawings' AND id <= 40"
            )
        copied = figures()
        assert sum(copied.values()) > sum(bulked.values())
        some_id = int(store.scalar("SELECT max(id) FROM entries WHERE register = 'drawings'"))
        with store.transaction():
            store.execute(
                "UPDATE entries SET data = json_set(data, '$.issued_on', '2019-05-05') "
                "WHERE id = ?",
                (some_id,),
            )
            store.execute(
                "UPDATE entries SET data = json_remove(data, '$.recalled') WHERE id = ?",
                (some_id - 1,),
            )
            store.execute(
                "UPDATE entries SET level = 1, status = 'returned' WHERE id = ?", (some_id - 2,)
            )
        figures()
        # Another register's rows are its own; an entry moved to it (SQL) moves its counts.
        regs.add("gifts", gift(), confirm=True)
        assert store.scalar("SELECT count(*) FROM entry_dims WHERE register = 'gifts'") == 1
        assert _rows_as_written(store, "gifts")
        assert _counts_as_recounted(store, "gifts")
        with store.transaction():
            store.execute("UPDATE entries SET register = 'gifts' WHERE id = ?", (some_id,))
        assert sum(figures().values()) == sum(copied.values()) - 1
        assert _counts_as_recounted(store, "gifts")
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
            assert _counts_as_recounted(store, register)
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


class _Undone(Exception):
    """Raised to roll a test's change back."""


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_whole_registers_and_months_are_counted_from_the_combinations(
    filled: VaultEnv, who: str
) -> None:
    s = filled.login(who)
    try:
        regs = filled.registers(s)
        store = regs.store
        clearance = int(s.principal.clearance)
        assert stats.counts_columns(regs, regs.spec("drawings"))
        for rows, cols in (*PAIRS, *SINGLE):
            for start, end in (RANGES[0], RANGES[1], *MONTH_RANGES, *DAY_RANGES):
                want = _every_row(regs, rows, cols, start, end)
                assert _table(regs, rows, cols, start, end) == want, (rows, cols, start, end)
        # Which of them the combination counts answer: a combination within the clearance made
        # 1000 larger moves the whole register's and the whole months' figures, not those of
        # a range of days (counted from the table).
        days = {r: _table(regs, "level", "", *r) for r in DAY_RANGES}
        whole = sum(_table(regs, "level", "", None, None).values())
        months = sum(_table(regs, "level", "", *RANGES[1]).values())
        key = ", ".join(("register", "level", "status", *entry_dims.COLUMNS))
        seen: list[object] = []
        with contextlib.suppress(_Undone), store.transaction():
            store.execute(
                f"UPDATE {entry_dims.COUNTS} SET n = n + 1000 WHERE ({key}) = (SELECT {key} "
                f"FROM {entry_dims.COUNTS} WHERE register = 'drawings' AND level <= ? "
                "AND n > 0 AND v4 BETWEEN '2024-01' AND '2024-12' LIMIT 1)",
                (clearance,),
            )
            seen.append(sum(_table(regs, "level", "", None, None).values()))
            seen.append(sum(_table(regs, "level", "", *RANGES[1]).values()))
            seen.append({r: _table(regs, "level", "", *r) for r in DAY_RANGES})
            raise _Undone  # rolled back
        assert seen == [whole + 1000, months + 1000, days]
        assert sum(_table(regs, "level", "", None, None).values()) == whole
        # Beyond the clearance nothing is counted: the clerk's figures have no 机密.
        secret = str(int(Level.SECRET))
        assert any(k[0] == secret for k in _table(regs, "level", "", None, None)) == (
            who == OFFICER
        )
    finally:
        s.logout()


def test_without_their_triggers_the_counts_are_not_read(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        spec = regs.spec("drawings")
        pairs = (*PAIRS, *SINGLE)
        before = {p: _table(regs, *p, None, None) for p in pairs}
        with regs.store.transaction():
            regs.store.execute("DROP TRIGGER dc_drawings_delete")
        assert stats.counts_columns(regs, spec) == {}
        assert stats.dims_columns(regs, spec)  # the table still answers
        regs.void("drawings", regs.page("drawings", Query(limit=1))[0].number, "登记重复")
        after = {p: _table(regs, *p, None, None) for p in pairs}
        assert sum(after[("level", "")].values()) == sum(before[("level", "")].values()) - 1
        assert after == {p: _every_row(regs, *p, None, None) for p in pairs}
        with regs.store.transaction():
            db.apply_register_dims(regs.store)  # what a schema step does
        assert stats.counts_columns(regs, spec)
        assert _counts_as_recounted(regs.store, "drawings")
        assert {p: _table(regs, *p, None, None) for p in pairs} == after
    finally:
        s.logout()


def test_step_15_fills_the_counts_of_a_vault_of_version_14(filled: VaultEnv) -> None:
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        regs.add("gifts", gift(), confirm=True)
        before = {p: _table(regs, *p, *r) for p in (*PAIRS, *SINGLE) for r in RANGES[:2]}
    finally:
        s.logout()
    store = filled.raw()
    try:
        # The fill reads the table in its own order, one row at a time into its combination:
        # no sort, so its memory is the combinations' whatever the size of the register.
        plan = store.all(
            "EXPLAIN QUERY PLAN "
            + entry_dims.count_fill_sql("drawings", COUNTED["drawings"], MONTHLY["drawings"])
        )
        assert plan
        assert not [r for r in plan if "TEMP" in str(r[-1])], plan
        undo_step_15(store)
        store.execute("PRAGMA user_version = 14")
        assert db.migrate(store) == db.latest_version()
        for register in ("drawings", "gifts"):
            assert _rows_as_written(store, register)
            assert _counts_as_recounted(store, register)
        names = {
            str(n)
            for (n,) in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'dc\\_%' "
                "ESCAPE '\\'"
            )
        }
        assert names == set(entry_dims.wanted_counts(COUNTED, MONTHLY))
    finally:
        store.close()
    s = filled.login(OFFICER)
    try:
        regs = filled.registers(s)
        assert stats.counts_columns(regs, regs.spec("drawings"))
        assert {p: _table(regs, *p, *r) for p in (*PAIRS, *SINGLE) for r in RANGES[:2]} == before
    finally:
        s.logout()

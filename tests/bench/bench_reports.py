"""Home-tab work list and register statistics on a large register.

    .venv/bin/python -m tests.bench.bench_reports               # 1,000,000 drawings
    .venv/bin/python -m tests.bench.bench_reports --rows 100000

The vault (the standard test vault with ``--rows`` plausible drawing issues) is built once and
kept outside the repository, in ``$TMPDIR/secrecy-desk-bench-reports-<rows>``, its rollback
anchor beside it (``….anchors``: never the workstation's, which every vault built from the
same test vault would share); later runs reuse it (``--rebuild`` builds it again). The first
``--seed-rows`` (default 100,000) are added by the engine's bulk insert; the rest are copies of
them made in SQL, each with a number of its own and its dates shifted by whole years (on this
shared 2-core machine the bulk insert ran at ~250 rows/s under load, an hour for a million; the
copies take a minute). The copies have no
revisions and no search index, which nothing measured here reads.

Figures, each the min and median of ``--runs`` runs, printed and never asserted:

1. **Work list** (issue 19, deliverable 1: the home-tab figures after login, target < 1 s in
   all): every deadline line the officer sees, each one indexed query; and the engine's start
   (``open_registers``, what login pays before the window shows) — the work list itself runs
   after the window is shown, off the GUI thread.
2. **Statistics** (issue 17: "a report on a 1M-entry register computed in < 2 s"): counts of
   the drawings register by level, by status, by choice fields (list columns and not), by
   month of a date field, and cross-tabs, over the whole register, over a year of another date
   field and over a range of days, with the officer's and then the clerk's clearance applied.
   Each is measured as the program counts it (from the combination counts ``entry_dim_counts``
   where they answer) and, in the same run, as it was counted before them (from the statistics
   table ``entry_dims``: the count triggers dropped in a transaction rolled back afterwards).
   Before them, the one-time fill of the statistics table and of its combination counts
   (schema steps 14 and 15) a vault from before them lacks.
3. **Write cost** of the combination counts' triggers: a single insert of an entry row, an
   edit of one, and a bulk insert (one ``INSERT … SELECT`` of many rows, as from a batch of
   an import), each with and without the count triggers in the same run, in transactions rolled
   back (the vault is left as it was).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.modules import worklist
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.modules.reports.stats import StatQuery, StatTable, count
from secrecy_desk.vault import anchor, db, entry_dims
from secrecy_desk.vault.register_indexes import COUNTED
from tests.support.data import bulk_drawings
from tests.support.vault import CLERK, OFFICER, T0, VaultEnv, make_vault, shipped_forms

WORKLIST_TARGET_S = 1.0
REPORT_TARGET_S = 2.0
DONE = "bench-complete"


COPY_SQL = """
INSERT INTO entries (register, number, year, seq, revision, status, level, term, voided,
    void_reason, data, created_at, created_by, updated_at, updated_by)
SELECT register, number || '-' || :round, year, seq + :round * 1000000, revision, status, level,
    term, voided, void_reason, json_set(data,
        '$.issued_on', date(json_extract(data, '$.issued_on'), :shift),
        '$.due_on', date(json_extract(data, '$.due_on'), :shift),
        '$.recalled_on', date(json_extract(data, '$.recalled_on'), :shift)),
    created_at, created_by, updated_at, updated_by
FROM entries WHERE register = 'drawings' AND id <= :seed_max
LIMIT :limit
"""


def multiply(regs: Registers, rows: int) -> None:
    """Copy the seeded entries in SQL until the register holds ``rows``."""
    store = regs.store
    seed_max = int(store.scalar("SELECT max(id) FROM entries WHERE register = 'drawings'"))
    seeded = int(store.scalar("SELECT count(*) FROM entries WHERE register = 'drawings'"))
    have, step = seeded, 1
    regs.planner.drop_indexes()
    while have < rows:
        limit = min(seeded, rows - have)
        with store.transaction():
            store.execute(
                COPY_SQL,
                {
                    "round": step,
                    "shift": f"-{step % 5} years",
                    "seed_max": seed_max,
                    "limit": limit,
                },
            )
        have += limit
        step += 1
        print(f"  {have:,} (copies)", flush=True)
    regs.planner.ensure_indexes(regs.forms.registers)


def vault_for(rows: int, rebuild: bool, seed_rows: int = 100_000) -> VaultEnv:
    folder = Path(tempfile.gettempdir()) / f"secrecy-desk-bench-reports-{rows}"
    marker = folder.with_suffix(".code")
    os.environ.setdefault(anchor.ENV_DIR, str(folder.with_suffix(".anchors")))
    if rebuild or not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(folder.with_suffix(".anchors"), ignore_errors=True)
        marker.unlink(missing_ok=True)
        print(f"building {rows:,} drawings in {folder} (once) …", flush=True)
        start = time.perf_counter()
        env = make_vault(folder)
        session = env.login(OFFICER)
        try:
            regs = env.registers(session)
            seed = min(rows, seed_rows)
            bulk_drawings(regs, seed, progress=lambda n: print(f"  {n:,}", flush=True))
            multiply(regs, rows)
            regs.analyze()
        finally:
            session.logout()
        marker.write_text(f"{env.recovery_code}\n{DONE}\n", encoding="utf-8")
        print(f"built in {time.perf_counter() - start:.0f} s", flush=True)
    code = marker.read_text(encoding="utf-8").split("\n")[0]
    return VaultEnv(folder, FixedClock(T0 + timedelta(hours=1)), code)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    samples: list[float] = []
    result: object = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples), result


def show(label: str, best: float, median: float, target: float | None = None) -> None:
    aim = f"   (target < {target * 1000:.0f} ms)" if target else ""
    print(f"  {label:<46} min {best * 1000:8.1f} ms   median {median * 1000:8.1f} ms{aim}")


def bench_worklist(env: VaultEnv, runs: int) -> None:
    session = env.login(OFFICER)
    try:
        forms = shipped_forms()
        best, median, regs = timed(lambda: open_registers(session, forms), runs)
        assert isinstance(regs, Registers)
        live = regs.store.scalar("SELECT count(*) FROM entries WHERE voided = 0")
        print(f"work list, {live:,} live entries, as the secrecy officer:")
        show("engine start (open_registers, at login)", best, median)
        best, median, lines = timed(lambda: worklist.work_list(regs), runs)
        show("the whole work list", best, median, WORKLIST_TARGET_S)
        assert isinstance(lines, list)
        for line in lines:
            b, m, _ = timed(partial(worklist.count, regs, line.deadline), runs)
            show(f"{line.deadline.key} = {line.count:,}", b, m)
    finally:
        session.logout()


#: Without the combination counts, a list column's field (recalled, issued_on, due_on) is
#: counted from its list index; a field that is no list column (must_recall, lost,
#: recalled_on), two fields crossed, or a field over another's date range, from the statistics
#: table (entry_dims; until schema step 17 such a field alone read an index of its own, st_…).
STAT_QUERIES = (
    ("level", ""),
    ("status", ""),
    ("status", "level"),
    ("field:recalled", ""),
    ("month:issued_on", ""),
    ("year:due_on", ""),
    ("level", "field:recalled"),
    ("quarter:issued_on", "level"),
    ("field:must_recall", ""),
    ("field:lost", ""),
    ("month:recalled_on", ""),
    ("field:must_recall", "status"),
    ("level", "field:must_recall"),
    ("field:recalled", "field:must_recall"),
    ("month:issued_on", "field:lost"),
    ("field:recalled", "status"),
)
#: Counted within a year of the issue date.
RANGED_QUERIES = (
    ("month:issued_on", ""),
    ("level", ""),
    ("status", "level"),
    ("field:must_recall", ""),
    ("field:recalled", "field:must_recall"),
    ("year:due_on", "field:lost"),
)


#: Counted within a range of days (not whole months: from the statistics table, as before).
DAY_QUERIES = (
    ("month:issued_on", "field:lost"),
    ("level", ""),
)


class _RolledBack(Exception):
    """Raised to roll a measurement's transaction back."""


def without_counts(store: db.Store, fn: Callable[[], object]) -> object:
    """``fn()`` with the drawings' count triggers dropped, so the statistics count as before
    the combination counts (from ``entry_dims``); rolled back afterwards."""
    found: list[object] = []
    with contextlib.suppress(_RolledBack), store.transaction():
        for name in entry_dims.count_trigger_names("drawings"):
            store.execute(f"DROP TRIGGER {name}")
        found.append(fn())
        raise _RolledBack
    _reload(store)
    return found[0]


def _reload(store: db.Store) -> None:
    """After a rolled-back ``DROP TRIGGER`` the connection reads the schema again (some 600
    statements, ~10 ms) at its next statement: here, not in the next figure."""
    store.scalar("SELECT count(*) FROM sqlite_schema")


def bench_statistics(env: VaultEnv, runs: int, who: str) -> None:
    session = env.login(who)
    try:
        regs = open_registers(session, shipped_forms())
        role = "secrecy officer" if who == OFFICER else "clerk"
        print(f"statistics of the drawings register, as the {role} (load {_load()}):")
        print(f"  {'':<52} {'as counted now':>28}   {'before (entry_dims)':>28}")
        queries: list[tuple[str, str, tuple[date, date] | None]]
        queries = [(r, c, None) for r, c in STAT_QUERIES]
        queries += [(r, c, (date(2025, 1, 1), date(2025, 12, 31))) for r, c in RANGED_QUERIES]
        queries += [(r, c, (date(2025, 3, 15), date(2025, 9, 10))) for r, c in DAY_QUERIES]
        for rows, columns, within in queries:
            query = StatQuery("drawings", rows, columns)
            if within:
                query = StatQuery("drawings", rows, columns, "issued_on", *within)
            best, median, table = timed(partial(count, regs, query, "zh_CN"), runs)
            assert isinstance(table, StatTable)
            before = without_counts(
                regs.store, partial(timed, partial(count, regs, query, "zh_CN"), runs)
            )
            assert isinstance(before, tuple)
            assert isinstance(before[2], StatTable)
            assert before[2].counts == table.counts  # the same figures either way
            label = rows + (f" × {columns}" if columns else "")
            if within:
                label += f" {within[0]:%m-%d}–{within[1]:%m-%d}" if within[0].day > 1 else " 2025"
            show2(f"{label} ({len(table.rows)} rows)", (best, median), before[:2])
    finally:
        session.logout()


def show2(label: str, now: tuple[float, float], before: tuple[float, float]) -> None:
    aim = "" if now[1] < REPORT_TARGET_S else "   (over the target)"
    print(
        f"  {label:<52} {now[0] * 1000:8.1f} / {now[1] * 1000:8.1f} ms"
        f"   {before[0] * 1000:8.1f} / {before[1] * 1000:8.1f} ms{aim}"
    )


def _load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def bench_dims_build(env: VaultEnv) -> None:
    """The statistics table and its combination counts a vault from before them lacks,
    filled once by schema steps 14 and 15 (emptied here first, so every run measures the
    fill)."""
    session = env.login(OFFICER)
    try:
        store = session.vault.store
        with store.transaction():
            for (name,) in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                "AND (name LIKE 'dm\\_%' ESCAPE '\\' OR name LIKE 'dc\\_%' ESCAPE '\\')"
            ):
                store.execute(f"DROP TRIGGER {name}")
            store.execute(f"DELETE FROM {entry_dims.COUNTS}")
            store.execute("DELETE FROM entry_dims")
        start = time.perf_counter()
        with store.transaction():
            entry_dims.apply(store, COUNTED)  # what schema step 14 does
        built = time.perf_counter() - start
        rows = store.scalar("SELECT count(*) FROM entry_dims")
        print(f"statistics table: {rows:,} rows filled in {built:.1f} s (once, in the upgrade)")
        start = time.perf_counter()
        with store.transaction():
            db.apply_register_dims(store)  # what schema step 15 does: the counts
        built = time.perf_counter() - start
        rows = store.scalar(f"SELECT count(*) FROM {entry_dims.COUNTS}")
        print(f"combination counts: {rows:,} rows filled in {built:.1f} s (once, in the upgrade)")
    finally:
        session.logout()


#: One entry row inserted, as a save's statement does (a copy of an existing one).
ONE_ROW = """
INSERT INTO entries (register, number, year, seq, revision, status, level, term, voided,
    void_reason, data, created_at, created_by, updated_at, updated_by)
SELECT register, number || '-w' || :n, year, seq + 9000000 + :n, revision, status, level,
    term, voided, void_reason, data, created_at, created_by, updated_at, updated_by
FROM entries WHERE id = :id
"""
#: An edit of one entry row that changes a counted value (its issue date by a month).
EDIT_ROW = """
UPDATE entries SET data = json_set(data, '$.issued_on',
    date(json_extract(data, '$.issued_on'), '+1 month')) WHERE id = :id
"""


def _write(store: db.Store, counts: bool, fn: Callable[[], None]) -> float:
    """Seconds ``fn`` takes in a transaction rolled back afterwards, with or without the
    drawings' count triggers."""
    took: list[float] = []
    with contextlib.suppress(_RolledBack), store.transaction():
        if not counts:
            for name in entry_dims.count_trigger_names("drawings"):
                store.execute(f"DROP TRIGGER {name}")
        start = time.perf_counter()
        fn()
        took.append(time.perf_counter() - start)
        raise _RolledBack
    _reload(store)
    return took[0]


def bench_write_cost(env: VaultEnv, runs: int) -> None:
    session = env.login(OFFICER)
    try:
        store = session.vault.store
        ids = [
            int(i)
            for (i,) in store.all(
                "SELECT id FROM entries WHERE register = 'drawings' AND voided = 0 "
                "ORDER BY id DESC LIMIT 200"
            )
        ]
        singles, edits, bulk = 50, 50, 5000

        def insert_each() -> None:
            for n, i in enumerate(ids[:singles]):
                store.execute(ONE_ROW, {"n": n, "id": i})

        def edit_each() -> None:
            for i in ids[:edits]:
                store.execute(EDIT_ROW, {"id": i})

        def insert_many() -> None:
            store.execute(
                COPY_SQL,
                {"round": 77, "shift": "-1 years", "seed_max": 10**9, "limit": bulk},
            )

        print(f"write cost of the combination counts' triggers (load {_load()}):")
        for label, fn, rows in (
            (f"one entry row inserted ({singles}, each its statement)", insert_each, singles),
            (f"one entry row edited ({edits}, a counted value)", edit_each, edits),
            (f"bulk insert, {bulk:,} rows in one statement", insert_many, bulk),
        ):
            with_counts: list[float] = []
            without: list[float] = []
            for _ in range(runs):  # alternately, so the load falls on both alike
                without.append(_write(store, False, fn) / rows)
                with_counts.append(_write(store, True, fn) / rows)
            print(
                f"  {label:<52} per row: without {min(without) * 1e6:7.0f} / "
                f"{statistics.median(without) * 1e6:7.0f} µs, with {min(with_counts) * 1e6:7.0f}"
                f" / {statistics.median(with_counts) * 1e6:7.0f} µs (min / median)"
            )
        # The triggers alone: rows written straight into entry_dims (what the entries'
        # triggers write), with and without the count triggers.
        dims_rows = 20_000

        def dims_insert() -> None:
            store.execute(
                "INSERT INTO entry_dims SELECT register, entry_id + 100000000, level, status, "
                "v1, v2, v3, v4, v5, v6, v7, v8, v9, v10 FROM entry_dims "
                "WHERE register = 'drawings' LIMIT ?",
                (dims_rows,),
            )

        without = [_write(store, False, dims_insert) / dims_rows for _ in range(runs)]
        with_counts = [_write(store, True, dims_insert) / dims_rows for _ in range(runs)]
        added = statistics.median(with_counts) - statistics.median(without)
        print(
            f"  {f'{dims_rows:,} entry_dims rows inserted':<52} per row: without "
            f"{min(without) * 1e6:7.1f} / {statistics.median(without) * 1e6:7.1f} µs, with "
            f"{min(with_counts) * 1e6:7.1f} / {statistics.median(with_counts) * 1e6:7.1f} µs "
            f"(the count trigger: {added * 1e6:+.1f} µs a row)"
        )
    finally:
        session.logout()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed-rows", type=int, default=100_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--keep-indexes",
        action="store_true",
        help="do not measure the statistics table's and counts' build",
    )
    args = parser.parse_args()
    env = vault_for(args.rows, args.rebuild, args.seed_rows)
    start = time.perf_counter()
    env.login(OFFICER).logout()
    print(f"first login: {time.perf_counter() - start:.1f} s (with any schema step pending)")
    if not args.keep_indexes:
        bench_dims_build(env)
    bench_worklist(env, args.runs)
    for who in (OFFICER, CLERK):
        bench_statistics(env, args.runs, who)
    bench_write_cost(env, args.runs)


if __name__ == "__main__":
    main()

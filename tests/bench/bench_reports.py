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
2. **Statistics** (issue 17, target < 2 s for a report on a 1M-entry register): counts of the
   drawings register by level, by status, by choice fields (list columns and not), by month of
   a date field, and cross-tabs, over the whole register and over a year of another date
   field, with the officer's and then the clerk's clearance applied; before them, the
   one-time build of the statistics indexes and of the statistics table (schema steps 11 and
   14) a vault from before them lacks.
"""

from __future__ import annotations

import argparse
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
from secrecy_desk.modules.reports import stats
from secrecy_desk.modules.reports.stats import StatQuery, StatTable, count
from secrecy_desk.vault import anchor, db
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


#: A list column's field (recalled, issued_on, due_on) is counted from its list index; a field
#: that is no list column (must_recall, lost, recalled_on) from its statistics index (st_…);
#: two fields crossed, or a field over another's date range, from the statistics table
#: (entry_dims).
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
#: Counted within a year of the issue date (as the officer and as the clerk).
RANGED_QUERIES = (
    ("month:issued_on", ""),
    ("level", ""),
    ("status", "level"),
    ("field:must_recall", ""),
    ("field:recalled", "field:must_recall"),
    ("year:due_on", "field:lost"),
)


def bench_index_build(env: VaultEnv) -> None:
    """The statistics indexes a vault from before them lacks, built once by the first engine
    start (dropped here first, so every run measures the build)."""
    session = env.login(OFFICER)
    try:
        store = session.vault.store
        names = [
            str(n)
            for (n,) in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'st\\_%' "
                "ESCAPE '\\'"
            )
        ]
        with store.transaction():
            for name in names:
                store.execute(f"DROP INDEX {name}")
        forms = shipped_forms()
        start = time.perf_counter()
        with store.transaction():
            db.apply_register_indexes(store)  # what schema step 11 does
        built = time.perf_counter() - start
        made = len(stats.wanted_indexes(forms.registers))
        print(f"statistics indexes: {made} built in {built:.1f} s (once, in the upgrade)")
    finally:
        session.logout()


def bench_statistics(env: VaultEnv, runs: int, who: str) -> None:
    session = env.login(who)
    try:
        regs = open_registers(session, shipped_forms())
        role = "secrecy officer" if who == OFFICER else "clerk"
        print(f"statistics of the drawings register, as the {role} (load {_load()}):")
        queries = [(r, c, False) for r, c in STAT_QUERIES if who == OFFICER]
        queries += [(r, c, True) for r, c in RANGED_QUERIES]
        for rows, columns, within in queries:
            query = StatQuery("drawings", rows, columns)
            if within:
                query = StatQuery(
                    "drawings", rows, columns, "issued_on", date(2025, 1, 1), date(2025, 12, 31)
                )
            best, median, table = timed(partial(count, regs, query, "zh_CN"), runs)
            assert isinstance(table, StatTable)
            label = rows + (f" × {columns}" if columns else "") + (" in 2025" if within else "")
            show(f"{label} ({len(table.rows)} rows)", best, median, REPORT_TARGET_S)
    finally:
        session.logout()


def _load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def bench_dims_build(env: VaultEnv) -> None:
    """The statistics table a vault from before it lacks, filled once by schema step 14
    (emptied here first, so every run measures the fill)."""
    session = env.login(OFFICER)
    try:
        store = session.vault.store
        with store.transaction():
            for (name,) in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                "AND name LIKE 'dm\\_%' ESCAPE '\\'"
            ):
                store.execute(f"DROP TRIGGER {name}")
            store.execute("DELETE FROM entry_dims")
        start = time.perf_counter()
        with store.transaction():
            db.apply_register_dims(store)  # what schema step 14 does
        built = time.perf_counter() - start
        rows = store.scalar("SELECT count(*) FROM entry_dims")
        print(f"statistics table: {rows:,} rows filled in {built:.1f} s (once, in the upgrade)")
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
        help="do not measure the statistics indexes' and table's build",
    )
    args = parser.parse_args()
    env = vault_for(args.rows, args.rebuild, args.seed_rows)
    if not args.keep_indexes:
        bench_index_build(env)
        bench_dims_build(env)
    bench_worklist(env, args.runs)
    for who in (OFFICER, CLERK):
        bench_statistics(env, args.runs, who)


if __name__ == "__main__":
    main()

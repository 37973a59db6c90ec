"""Audit benchmarks: appending 100k chained records against the same inserts without the
chain, and verifying a chain of 1M records (built under the temporary folder) in one process,
in chunks by worker processes and from a seal (target >= 200,000 records/s: 5M in < 25 s).

Run: ``.venv/bin/python -m tests.bench.bench_audit [--records N] [--runs 3] [--no-append]
[--only one,worker,quick]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.vault import audit_chain, crypto, db
from secrecy_desk.vault.audit_chain import Actor, AuditLog
from secrecy_desk.vault.keyfile import AuditHead

APPENDS = 100_000
VERIFY = 1_000_000
BATCH = 1000
VAULT_ID = b"\x01" * 16


def fresh(path: Path) -> db.Store:
    store = db.open_database(path, crypto.random_key(), create=True)
    db.migrate(store)
    return store


def bench_append(folder: Path) -> None:
    clock = FixedClock(datetime(2026, 3, 2, tzinfo=UTC))
    store = fresh(folder / "chain.db")
    log = AuditLog(store, crypto.random_key(), VAULT_ID, clock, "bench-ws")
    actor = Actor("clerk01", "clerk")
    start = time.perf_counter()
    for i in range(0, APPENDS, BATCH):
        with store.transaction():
            for j in range(i, i + BATCH):
                log.append(actor, "entry.create", f"entry:{j}", details={"register": "gifts"})
    chained = time.perf_counter() - start
    store.close()

    plain = fresh(folder / "plain.db")
    plain.execute("DROP TRIGGER audit_no_update")
    at = audit_chain.iso(clock.now())
    details = json.dumps({"register": "gifts"})
    blob = b"\0" * 32
    start = time.perf_counter()
    for i in range(0, APPENDS, BATCH):
        with plain.transaction():
            for j in range(i + 1, i + BATCH + 1):
                plain.execute(
                    f"INSERT INTO audit ({audit_chain.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        j,
                        at,
                        "clerk01",
                        "clerk",
                        "bench-ws",
                        "entry.create",
                        f"entry:{j}",
                        1,
                        "ok",
                        details,
                        blob,
                        blob,
                        blob,
                    ),
                )
    bare = time.perf_counter() - start
    plain.close()
    print(
        f"append {APPENDS} records in batches of {BATCH}: chained {chained:.2f} s "
        f"({APPENDS / chained:,.0f}/s), bare inserts {bare:.2f} s, ratio {chained / bare:.2f}"
    )


def build_chain(folder: Path, records: int) -> tuple[Path, bytes, bytes, AuditHead]:
    """A chain of ``records`` records in a fresh database (its path, master key, audit key
    and head)."""
    path = folder / "big.db"
    master = crypto.random_key()
    store = db.open_database(path, master, create=True)
    db.migrate(store)
    key = crypto.random_key()
    prev = audit_chain.genesis(VAULT_ID)
    start = time.perf_counter()
    rows = []
    for seq in range(1, records + 1):
        fields = (
            seq,
            f"2026-03-02T00:00:00.{seq % 1_000_000:06d}Z"
            if seq < 1_000_000
            else f"2026-03-03T00:00:{seq // 1_000_000:02d}.{seq % 1_000_000:06d}Z",
            "clerk01",
            "clerk",
            "bench-ws",
            "entry.view",
            f"entry:{seq}",
            2,
            "ok",
            '{"register":"gifts"}',
        )
        digest = audit_chain.chain_hash(prev, fields)
        rows.append((*fields, prev, digest, audit_chain.chain_mac(key, digest)))
        prev = digest
        if len(rows) == 50_000 or seq == records:
            with store.transaction():
                store.executemany(
                    f"INSERT INTO audit ({audit_chain.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
            rows = []
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size / 1e6
    took = time.perf_counter() - start
    print(f"built a chain of {records:,} records ({size:,.0f} MB) in {took:.1f} s")
    return path, master, key, AuditHead(records, prev)


def bench_verify(folder: Path, records: int, runs: int, only: frozenset[str] = frozenset()) -> None:
    """The walk in one process, in chunks by worker processes, and from a seal 1% before the
    end (``verify --quick``): min and median of ``runs`` runs, wall and processor time (the
    machine is shared, so the load average is printed with each run)."""
    path, master, key, head = build_chain(folder, records)
    store = db.open_database(path, master)
    sealed = records - records // 100
    seal = audit_chain.StartAt(
        sealed, bytes(store.scalar("SELECT hash FROM audit WHERE seq = ?", (sealed,)))
    )
    ways = {  # the --only key, the name printed, verify_chain's options
        "one": ("one process", {}),
        "worker": ("worker processes", {"parallel": audit_chain.ParallelOpen(path, master)}),
        "quick": (
            "quick, from a seal",
            {"start": seal, "parallel": audit_chain.ParallelOpen(path, master)},
        ),
    }
    for way, (name, options) in ways.items():
        if only and way not in only:
            continue
        walls, cpus = [], []
        for _ in range(runs):
            load = os.getloadavg()[0]
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = time.process_time() + children.ru_utime + children.ru_stime
            start = time.perf_counter()
            report = audit_chain.verify_chain(store, key, VAULT_ID, recorded_head=head, **options)  # type: ignore[arg-type]
            wall = time.perf_counter() - start
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = time.process_time() + children.ru_utime + children.ru_stime - cpu
            assert report.intact, report.breaks
            walls.append(wall)
            cpus.append(cpu)
            print(
                f"  {name}: {report.records:,} records in {wall:.2f} s "
                f"({report.records / wall:,.0f}/s), processor {cpu:.2f} s, load {load:.1f}"
            )
        n = report.records
        best, median = min(walls), statistics.median(walls)
        print(
            f"verify {name}, {n:,} records: min {best:.2f} s ({n / best:,.0f}/s), "
            f"median {median:.2f} s ({n / median:,.0f}/s), processor min {min(cpus):.2f} s"
            + (
                ""
                if "quick" in name
                else f"   target >= 200,000/s [{'ok' if n / best >= 200_000 else 'SLOW'}]"
            )
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=VERIFY, help="records in the chain walked")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-append", action="store_true", help="skip the append benchmark")
    parser.add_argument(
        "--only",
        default="",
        help="walks to run, comma-separated, of: one, worker, quick (default: all three)",
    )
    args = parser.parse_args()
    only = frozenset(w.strip() for w in args.only.split(",") if w.strip())
    unknown = only - {"one", "worker", "quick"}
    if unknown:
        parser.error(f"unknown walk: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_append:
            bench_append(Path(tmp))
        bench_verify(Path(tmp), args.records, args.runs, only)


if __name__ == "__main__":
    main()

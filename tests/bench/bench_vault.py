"""Vault benchmarks: unlock with the calibrated Argon2 parameters, open after unwrap, and
SQLCipher against plain SQLite (stdlib ``sqlite3``) on the same insert and indexed-query work.

Run: ``.venv/bin/python -m tests.bench.bench_vault``. Figures are printed with their targets;
the SQLCipher cost is a ratio against plain SQLite measured in the same run.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secrecy_desk.core.clock import SystemClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import crypto, db, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.keyfile import KeyFile, Slot
from secrecy_desk.vault.vault import AdminSpec, Vault

ROWS = 100_000
QUERIES = 20_000
PASSWORD = "Bench-Pass-2026"


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_unlock(folder: Path) -> None:
    params = crypto.calibrate()
    print(
        f"calibrated Argon2id: t={params.time_cost}, m={params.memory_kib} KiB, "
        f"p={params.parallelism}"
    )
    admins = [
        AdminSpec("bsys", "s", Role.SYSADMIN, PASSWORD),
        AdminSpec("bsec", "s", Role.SECADMIN, PASSWORD),
        AdminSpec("baud", "s", Role.AUDITOR, PASSWORD),
    ]
    vault, _ = Vault.create(folder, unit="基准", rating=Level.SECRET, admins=admins, params=params)
    vault.close()
    clock = SystemClock()
    kf = keyfile.read(folder)
    slot = kf.slot_for("bsys")
    assert slot is not None
    derive = timed(lambda: keyfile.unwrap_private(slot, kf.vault_id, PASSWORD))

    def unlock_once() -> None:
        sessions.login(folder, "bsys", PASSWORD, clock=clock).vault.close()

    unlock = timed(unlock_once)
    print(f"key derivation + unwrap: {derive:.3f} s")
    print(
        f"unlock (login to open session): {unlock:.3f} s   target 0.5-1.0 s "
        f"[{'ok' if 0.5 <= unlock <= 1.0 else 'OUT OF RANGE'}]"
    )

    private = keyfile.unwrap_private(slot, kf.vault_id, PASSWORD)
    master = keyfile.unseal_master(slot, kf.vault_id, private)

    def unwrapped(k: KeyFile) -> tuple[Slot, bytes, list[bytes]]:
        return slot, private, [master]

    def open_only() -> None:
        v, _, _ = Vault.open_with_key(folder, unwrapped, clock=clock)
        v.close()

    opened = timed(open_only, repeat=7)
    print(
        f"open after unwrap (lock, key file, key proof, pragmas, schema, head): "
        f"{opened * 1000:.1f} ms   target < 50 ms [{'ok' if opened < 0.05 else 'SLOW'}]"
    )


def _schema(conn: Any) -> None:
    conn.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, name TEXT NOT NULL, "
        "payload TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX t_k ON t (k)")


def _rows() -> list[tuple[int, str, str]]:
    rng = random.Random(7)
    return [(rng.randrange(ROWS * 10), f"名称{i}", "保密台账" * 20) for i in range(ROWS)]


def _workload(execute: Callable[..., Any], rows: list[tuple[int, str, str]]) -> tuple[float, float]:
    start = time.perf_counter()
    execute("BEGIN IMMEDIATE")
    for r in rows:
        execute("INSERT INTO t (k, name, payload) VALUES (?, ?, ?)", r)
    execute("COMMIT")
    insert = time.perf_counter() - start
    rng = random.Random(11)
    keys = [rows[rng.randrange(len(rows))][0] for _ in range(QUERIES)]
    start = time.perf_counter()
    for k in keys:
        execute("SELECT id, name, payload FROM t WHERE k = ?", (k,)).fetchall()
    for k in keys[: QUERIES // 10]:
        execute("SELECT count(*) FROM t WHERE k BETWEEN ? AND ?", (k, k + 5000)).fetchall()
    return insert, time.perf_counter() - start


def bench_sqlcipher_vs_sqlite(folder: Path) -> None:
    rows = _rows()
    plain = sqlite3.connect(folder / "plain.db", isolation_level=None)
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "temp_store = MEMORY",
        "foreign_keys = ON",
        "secure_delete = ON",
        "cache_size = -65536",
    ):
        plain.execute(f"PRAGMA {pragma}").fetchall()
    _schema(plain)
    p_ins, p_q = _workload(plain.execute, rows)
    plain.close()

    store = db.open_database(folder / "cipher.db", crypto.random_key(), create=True)
    conn = store._conn  # the benchmark runs the very same statements on both connections
    _schema(conn)
    c_ins, c_q = _workload(conn.execute, rows)
    store.close()
    print(
        f"{ROWS} inserts: sqlite {p_ins:.2f} s, sqlcipher {c_ins:.2f} s, ratio {c_ins / p_ins:.2f}"
    )
    print(
        f"indexed queries ({QUERIES} lookups + {QUERIES // 10} ranges): sqlite {p_q:.2f} s, "
        f"sqlcipher {c_q:.2f} s, ratio {c_q / p_q:.2f}   target <= 1.3 "
        f"[{'ok' if c_q / p_q <= 1.3 else 'ABOVE TARGET'}]"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bench_unlock(root / "vault")
        bench_sqlcipher_vs_sqlite(root)


if __name__ == "__main__":
    main()

"""Audit benchmarks: appending 100k chained records against the same inserts without the
chain, and verifying a chain of 1M records (target under 10 s).

Run: ``.venv/bin/python -m tests.bench.bench_audit``.
"""

from __future__ import annotations

import json
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


def bench_verify(folder: Path) -> None:
    store = fresh(folder / "big.db")
    key = crypto.random_key()
    prev = audit_chain.genesis(VAULT_ID)
    at = "2026-03-02T00:00:00.000000Z"
    start = time.perf_counter()
    rows = []
    for seq in range(1, VERIFY + 1):
        fields = (
            seq,
            at,
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
        if len(rows) == 50_000:
            with store.transaction():
                store.executemany(
                    f"INSERT INTO audit ({audit_chain.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
            rows = []
    print(f"built a chain of {VERIFY:,} records in {time.perf_counter() - start:.1f} s")
    head = AuditHead(VERIFY, prev)
    start = time.perf_counter()
    report = audit_chain.verify_chain(store, key, VAULT_ID, recorded_head=head)
    took = time.perf_counter() - start
    store.close()
    assert report.intact
    assert report.records == VERIFY
    print(
        f"verify {VERIFY:,} records: {took:.2f} s ({VERIFY / took:,.0f}/s)   target < 10 s "
        f"[{'ok' if took < 10 else 'SLOW'}]"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_append(Path(tmp))
        bench_verify(Path(tmp))


if __name__ == "__main__":
    main()

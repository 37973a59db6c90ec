"""The audit walk in chunks (a long chain is checked by worker processes, each chunk from the
stored hash of the record before it): every break is named exactly as one walk names it —
inside a chunk, at either side of a chunk boundary, a deleted or reordered record, a changed
link or MAC, and a clock that went backwards across a boundary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secrecy_desk.vault import audit_chain, crypto, db
from secrecy_desk.vault.audit_chain import BreakKind, ParallelOpen, VerifyReport
from secrecy_desk.vault.keyfile import AuditHead

VAULT_ID = b"\x02" * 16
RECORDS = 40
CHUNK = 8  # chunks 1-8, 9-16, 17-24, ...


class Chain:
    def __init__(self, folder: Path) -> None:
        self.path = folder / db.DB_NAME
        self.master = crypto.random_key()
        self.key = crypto.random_key()
        self.store = db.open_database(self.path, self.master, create=True)
        db.migrate(self.store)
        prev = audit_chain.genesis(VAULT_ID)
        rows = []
        for seq in range(1, RECORDS + 1):
            fields = (
                seq,
                f"2026-03-02T00:{seq:02d}:00.000000Z",
                "clerk01",
                "clerk",
                "ws",
                "entry.view",
                f"entry:{seq}",
                2,
                "ok",
                '{"register":"gifts"}',
            )
            digest = audit_chain.chain_hash(prev, fields)
            rows.append((*fields, prev, digest, audit_chain.chain_mac(self.key, digest)))
            prev = digest
        with self.store.transaction():
            self.store.executemany(
                f"INSERT INTO audit ({audit_chain.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        self.head = AuditHead(RECORDS, prev)
        self.store.execute("DROP TRIGGER audit_no_update")
        self.store.execute("DROP TRIGGER audit_no_delete")

    def verify(self, workers: int | None) -> VerifyReport:
        opener = None if workers is None else ParallelOpen(self.path, self.master, workers)
        return audit_chain.verify_chain(
            self.store, self.key, VAULT_ID, recorded_head=self.head, parallel=opener
        )

    def swap(self, a: int, b: int) -> None:
        self.store.execute("UPDATE audit SET seq = -1 WHERE seq = ?", (a,))
        self.store.execute("UPDATE audit SET seq = ? WHERE seq = ?", (a, b))
        self.store.execute("UPDATE audit SET seq = ? WHERE seq = -1", (b,))


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Chain]:
    monkeypatch.setattr(audit_chain, "PARALLEL_MIN", 1)
    monkeypatch.setattr(audit_chain, "CHUNK", CHUNK)
    made = Chain(tmp_path)
    yield made
    made.store.close()


def first_break(report: VerifyReport) -> tuple[BreakKind, int, str]:
    b = report.breaks[0]
    return b.kind, b.seq, b.found


TAMPERS = {
    "changed in the middle of a chunk": (
        "UPDATE audit SET details = 'forged' WHERE seq = 12",
        (BreakKind.CHANGED, 12, ""),
    ),
    "changed, first of a chunk": (
        "UPDATE audit SET object = 'entry:x' WHERE seq = 17",
        (BreakKind.CHANGED, 17, ""),
    ),
    "changed, last of a chunk": (
        "UPDATE audit SET level = 3 WHERE seq = 16",
        (BreakKind.CHANGED, 16, ""),
    ),
    "link changed, first of a chunk": (
        "UPDATE audit SET prev_hash = zeroblob(32) WHERE seq = 9",
        (BreakKind.CHANGED, 9, ""),
    ),
    "MAC changed, first of a chunk": (
        "UPDATE audit SET mac = zeroblob(32) WHERE seq = 25",
        (BreakKind.CHANGED, 25, ""),
    ),
    "deleted in the middle of a chunk": (
        "DELETE FROM audit WHERE seq = 20",
        (BreakKind.MISSING, 20, ""),
    ),
    "deleted, last of a chunk": (
        "DELETE FROM audit WHERE seq = 16",
        (BreakKind.MISSING, 16, ""),
    ),
    "deleted, first of a chunk": (
        "DELETE FROM audit WHERE seq = 17",
        (BreakKind.MISSING, 17, ""),
    ),
    "the last two of a chunk deleted": (
        "DELETE FROM audit WHERE seq IN (15, 16)",
        (BreakKind.MISSING, 15, ""),
    ),
    "a whole chunk deleted": (
        "DELETE FROM audit WHERE seq BETWEEN 9 AND 16",
        (BreakKind.MISSING, 9, ""),
    ),
}


@pytest.mark.parametrize("case", sorted(TAMPERS))
def test_a_break_is_named_alike_in_chunks(chain: Chain, case: str) -> None:
    sql, expected = TAMPERS[case]
    chain.store.execute(sql)
    serial = chain.verify(None)
    chunked = chain.verify(1)
    assert first_break(serial) == expected
    assert chunked == serial


@pytest.mark.parametrize(("a", "b"), [(11, 13), (16, 17), (8, 9), (3, 30)])
def test_a_reordered_record_is_named_alike_in_chunks(chain: Chain, a: int, b: int) -> None:
    chain.swap(a, b)
    serial = chain.verify(None)
    assert first_break(serial) == (BreakKind.REORDERED, a, str(b))
    assert chain.verify(1) == serial


def test_a_clock_that_went_back_across_a_boundary_warns_alike(chain: Chain) -> None:
    # Record 15 jumps ahead; 16-19 are behind it (16 in its chunk, 17-19 in the next).
    chain.store.execute("UPDATE audit SET at = '2026-03-02T00:17:30.000000Z' WHERE seq = 15")
    serial = chain.verify(None)
    assert serial.warnings == tuple(f"clock went backwards at record {s}" for s in (16, 17))
    assert chain.verify(1) == serial


def test_worker_processes_name_the_first_break(chain: Chain) -> None:
    """The real thing: two spawned workers opening the database read-only."""
    assert chain.verify(2) == chain.verify(None)
    chain.store.execute("UPDATE audit SET details = 'forged' WHERE seq = 18")
    chain.swap(27, 29)
    serial = chain.verify(None)
    assert first_break(serial) == (BreakKind.CHANGED, 18, "")
    assert chain.verify(2) == serial

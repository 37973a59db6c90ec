"""Carrier benchmark (issue 12): a ledger of 1,000,000 carriers with 3,000,000 events.

    .venv/bin/python -m tests.bench.bench_carriers                 # 1,000,000 carriers
    .venv/bin/python -m tests.bench.bench_carriers --rows 100000   # a quicker run

The carriers go in through the engine's bulk insert (:meth:`Registers.bulk_insert`, as a
migration from a legacy ledger would); their events are written with ``executemany`` straight
into ``carrier_events`` (there is no legacy path for events). Then, on the real vault (login,
key, every pragma, the officer's session):

* a person's holdings (target < 50 ms) and one item's history (< 20 ms);
* a stocktake of one department of 10,000 items: marking one item found (< 30 ms) and closing
  it with its discrepancy report built and rendered (< 5 s);
* executing an approved 500-item destruction package in one transaction (< 2 s).

Each query figure is the median of several runs within a round; every figure is taken in
``--rounds`` rounds (default 3), each on fresh data, and reported as the min and median of the
rounds with the load average (the machine may be shared). ``--keep DIR`` builds the vault in
``DIR`` once and measures it again on later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.forms import Value
from secrecy_desk.modules.approvals.engine import Decision
from secrecy_desk.modules.carriers import papers
from secrecy_desk.modules.carriers.holdings import holdings
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.carriers.packages import Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes
from secrecy_desk.modules.registers import Registers
from secrecy_desk.records.printing import draft
from tests.support.approvals import APPROVERS, LEADER, add_approvers, approvals_as
from tests.support.data import person, resident_id
from tests.support.vault import OFFICER, T0, VaultEnv, make_vault

TARGETS_MS = {"holdings": 50.0, "history": 20.0, "mark": 30.0, "close": 5000.0, "execute": 2000.0}
PEOPLE = 2000
STOCKTAKE = 10_000
PACKAGE = 500
TITLES = ("总体方案", "试验大纲", "科研计划", "部件图纸", "试验数据", "评审报告", "总结报告")


def _ms(action: Callable[[], object], repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _people(regs: Registers) -> list[str]:
    spec = regs.spec("personnel")
    today = regs.session.clock.today()
    rows: list[dict[str, Value]] = []
    for i in range(PEOPLE):
        raw = person(
            name=f"测试{i:04d}",
            id_number=resident_id(
                date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                female=True,
                serial=i % 100,
            ),
            phone=f"139{i:08d}",
        )
        rows.append({f.name: f.parse(raw.get(f.name, ""), today=today) for f in spec.fields})
    regs.bulk_insert("personnel", rows, source="bench", analyze=False)
    return [
        str(r[0]) for r in regs.store.all("SELECT number FROM entries WHERE register = 'personnel'")
    ]


def _carriers(regs: Registers, n: int, people: list[str], departments: int) -> None:
    spec = regs.spec("carriers")
    today = regs.session.clock.today()
    rng = random.Random(12)

    def rows() -> Iterator[dict[str, Value]]:
        for i in range(n):
            raw = {
                "kind": "纸质文件",
                "title": f"{rng.choice(TITLES)}{i % 997}",
                "level": rng.choice(("机密", "秘密")),
                "origin": "本单位制作",
                "department": f"部门{i % departments:03d}",
                "location": f"柜{i % 5000:04d}",
            }
            values = {f.name: f.parse(raw.get(f.name, ""), today=today) for f in spec.fields}
            values["holder"] = people[i % len(people)]
            yield values

    regs.planner.drop_indexes()
    regs.bulk_insert("carriers", rows(), source="bench", batch=50_000, analyze=False)
    regs.store.execute("UPDATE entries SET status = 'issued' WHERE register = 'carriers'")
    regs.planner.ensure_indexes(regs.forms.registers)
    regs.analyze()


def _events(regs: Registers, per_item: int) -> int:
    store = regs.store
    ids = [
        (int(r[0]), str(r[1]))
        for r in store.all(
            "SELECT id, json_extract(data, '$.holder') FROM entries WHERE register = 'carriers'"
        )
    ]
    at = "2026-03-02T01:00:00Z"
    rows: list[tuple[object, ...]] = []
    count = 0
    kinds = ("register", "issue", "lend", "return")
    for entry_id, holder in ids:
        for k in range(per_item):
            kind = kinds[k % len(kinds)]
            rows.append((entry_id, kind, "2026-01-05", "registered", "issued", None, holder,
                         "", None, None, "{}", at, OFFICER))  # fmt: skip
        if len(rows) >= 100_000:
            store.executemany(_EVENT, rows)
            count += len(rows)
            rows.clear()
    store.executemany(_EVENT, rows)
    return count + len(rows)


_EVENT = (
    "INSERT INTO carrier_events (entry_id, kind, on_date, from_status, to_status, holder_before, "
    "holder_after, party, due_on, ref, details, at, account) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def build(folder: Path, n: int) -> tuple[VaultEnv, dict[str, object]]:
    """A vault of ``n`` carriers (three events each) in ``folder``, or the one built there
    by an earlier run (``--keep``)."""
    os.environ.setdefault("SECRECY_DESK_ANCHOR_DIR", str(folder / "anchors"))
    made = folder / "made.json"
    if made.exists():
        kept = VaultEnv(folder / "vault", FixedClock(T0 + timedelta(hours=1)), "")
        kept.passwords.update({login: pw for login, (_, _, pw) in APPROVERS.items()})
        return kept, dict(json.loads(made.read_text()))
    env = make_vault(folder / "vault")
    add_approvers(env)
    figures: dict[str, object] = {"carriers": n}
    s = env.login(OFFICER)
    try:
        regs = env.registers(s)
        start = time.perf_counter()
        people = _people(regs)
        _carriers(regs, n, people, departments=max(1, n // STOCKTAKE))
        figures["load_carriers_s"] = round(time.perf_counter() - start, 1)
        start = time.perf_counter()
        with s.operation():
            figures["events"] = _events(regs, 3)
        regs.store.execute("ANALYZE")
        figures["load_events_s"] = round(time.perf_counter() - start, 1)
    finally:
        s.logout()
    made.write_text(json.dumps(figures))
    return env, figures


def measure(env: VaultEnv, round_no: int) -> dict[str, float]:
    """One round of every figure; round ``r`` takes stock of department ``r`` and destroys
    500 of its items, so rounds (and runs on a kept vault) never meet each other's data."""
    figures: dict[str, float] = {}
    s = env.login(OFFICER)
    try:
        regs = env.registers(s)
        desk = Carriers(regs)
        people = [str(r[0]) for r in regs.store.all(
            "SELECT number FROM entries WHERE register = 'personnel' ORDER BY id")]  # fmt: skip
        someone = people[(len(people) // 2 + round_no) % len(people)]
        figures["holdings_items"] = len(holdings(desk, someone))
        figures["holdings_ms"] = round(_ms(lambda: holdings(desk, someone)), 2)
        n = int(regs.store.scalar("SELECT count(*) FROM entries WHERE register = 'carriers'"))
        item = str(
            regs.store.scalar(
                "SELECT number FROM entries WHERE register = 'carriers' ORDER BY id LIMIT 1 "
                "OFFSET ?",
                (n // 3 + round_no,),
            )
        )
        figures["history_ms"] = round(_ms(lambda: desk.history(item)), 2)

        takes = Stocktakes(desk)
        start = time.perf_counter()
        take = takes.open("department", f"部门{round_no:03d}")
        figures["stocktake_items"] = take.expected
        figures["stocktake_open_ms"] = round((time.perf_counter() - start) * 1000, 1)
        listed = [
            str(r[0])
            for r in regs.store.all(
                "SELECT e.number FROM carrier_stocktake_items i "
                "JOIN entries e ON e.id = i.entry_id WHERE i.stocktake_id = ? ORDER BY e.id",
                (take.id,),
            )
        ]
        marks = iter(listed)
        figures["mark_ms"] = round(_ms(lambda: takes.mark(take.number, next(marks)), 25), 2)
        with s.operation():  # the rest of the clerk's scans, all but 12 items
            regs.store.execute(
                "UPDATE carrier_stocktake_items SET mark = 'found' WHERE stocktake_id = ? "
                "AND mark IS NULL AND entry_id NOT IN (SELECT entry_id FROM "
                "carrier_stocktake_items WHERE stocktake_id = ? LIMIT 12)",
                (take.id, take.id),
            )
        start = time.perf_counter()
        takes.close(take.number)
        report = draft(s, papers.discrepancy(desk, take.number), "zh_CN")
        figures["close_and_report_ms"] = round((time.perf_counter() - start) * 1000, 1)
        figures["report_bytes"] = len(report.pdf)

        pk = Packages(desk)
        batch = listed[-PACKAGE:]
        package = pk.submit(pk.create(batch, reason="基准测试", method="shredding").number)
    finally:
        s.logout()
    assert package.approval is not None
    with approvals_as(env, LEADER) as a:
        r = a.get(package.approval)
        a.decide(r.number, Decision.APPROVE, "同意", password=env.passwords[LEADER],
                 expected_revision=r.revision)  # fmt: skip
    s = env.login(OFFICER)
    try:
        pk = Packages(Carriers(env.registers(s)))
        start = time.perf_counter()
        pk.execute(package.number, on_date=s.clock.today(), method="shredding", place="保密室",
                   handler="钱保密", witnesses=["甲", "乙"])  # fmt: skip
        figures["execute_500_ms"] = round((time.perf_counter() - start) * 1000, 1)
    finally:
        s.logout()
    return figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--rounds", type=int, default=3, help="rounds of every figure (default 3)")
    p.add_argument(
        "--keep", type=Path, help="build the vault in this folder, or reuse the one there"
    )
    args = p.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-carriers-"))
    folder.mkdir(parents=True, exist_ok=True)
    env, built = build(folder, args.rows)
    print(json.dumps(built, ensure_ascii=False))
    rounds = []
    for r in range(args.rounds):
        rounds.append(measure(env, r))
        print(json.dumps(rounds[-1], ensure_ascii=False), flush=True)
    print(
        f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}"
    )
    checks = {
        "holdings": "holdings_ms",
        "history": "history_ms",
        "mark": "mark_ms",
        "close": "close_and_report_ms",
        "execute": "execute_500_ms",
    }
    for key, name in checks.items() if rounds else ():  # --rounds 0: only build the vault
        values = [r[name] for r in rounds]
        low, mid = min(values), statistics.median(values)
        verdict = "ok" if mid < TARGETS_MS[key] else "OVER"
        print(f"{key:10s} min {low:9.1f} ms  median {mid:9.1f} ms  target < "
              f"{TARGETS_MS[key]:.0f} ms  {verdict}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Register benchmark on a drawing register of 1,000,000 entries.

    .venv/bin/python -m tests.bench.bench_registers            # 1,000,000 entries
    .venv/bin/python -m tests.bench.bench_registers --rows 100000

Figures: bulk add throughput (the engine's :meth:`Registers.bulk_insert` in large transactions,
and the fully checked :meth:`Registers.add_many` on a sample), the first page of a filtered,
sorted list (target < 50 ms), a count (< 100 ms) and a two-character search (< 150 ms). Each is
set against plain SQLite running the same engine code — the same schema (the vault's own
migrations), the same indexes and the same SQL — on an unencrypted database in the same run.

Each database is built and measured in a process of its own (SQLCipher settings such as
``cipher_memory_security`` are global to a process): ``plain`` (no key; the vault's pragmas,
the same 64 MiB page cache) and ``vault`` (the real door: login, key, every pragma, the
officer's session). Query measurements alternate between the two in rounds, so a moment when
the machine is busy elsewhere hits both alike; each figure is the best median.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import sqlcipher3

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Principal, Role, default_permissions
from secrecy_desk.forms import Value, load_all
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import db
from secrecy_desk.vault.session import Session

REGISTER = "drawings"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TARGETS_MS = {"page": 50.0, "count": 100.0, "search": 150.0}
#: The queries measured (the same on every database).
PAGE = Query(where={"level": "机密"}, limit=100)  # default sort: newest issue first
COUNT = Query(where={"level": "机密"})
COUNT_ALL = Query()
SEARCH = Query(search="保密", limit=100)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国晓燕志红欣怡浩然"
TITLES = (
    "总装图",
    "电路原理图",
    "结构图",
    "零件图",
    "部件装配图",
    "液压系统原理图",
    "总体布置图",
    "控制单元接线图",
    "试验台架装配图",
    "线缆连接图",
)
QUALIFIERS = ("", "", "", "（第二版）", "（更改单）", "（试验用）")
REMARKS = ("", "", "", "", "外协加工", "试验结束后收回", "更换旧版", "借阅")
#: About one entry in a hundred holds the searched word 保密.
SEARCH_SHARE = 0.01


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def drawing_values(rng: random.Random, today: date) -> dict[str, Value]:
    """One realistic, already-canonical drawing issue (about 40 % 机密, the rest 一般)."""
    issued = today - timedelta(days=rng.randint(0, 3650))
    secret = rng.random() < 0.4
    must = secret and rng.random() < 0.5
    recalled = rng.random() < 0.6
    remarks = "保密要害部位使用" if rng.random() < SEARCH_SHARE else rng.choice(REMARKS)
    return {
        "drawing_no": f"{rng.choice('ABCDEFGHJK')}{rng.choice('XYZ')}-{issued.year}-"
        f"{rng.randint(1, 999):03d}",
        "drawing_name": rng.choice(TITLES) + rng.choice(QUALIFIERS),
        "copies": rng.randint(1, 5),
        "level": Level.SECRET if secret else Level.INTERNAL,
        "term": None,
        "receiver": _name(rng),
        "recalled": recalled,
        "issued_on": issued,
        "remarks": remarks or None,
        "due_on": issued + timedelta(days=30) if must else None,
        "must_recall": must,
        "recalled_on": issued + timedelta(days=rng.randint(1, 30)) if recalled else None,
        "recalled_by": _name(rng) if recalled else None,
        "lost": False,
        "loss_recorded_on": None,
        "loss_note": None,
        "replaces": None,
    }


def rows(n: int, seed: int = 20260302) -> Iterator[dict[str, Value]]:
    rng = random.Random(seed)
    today = NOW.date()
    for _ in range(n):
        yield drawing_values(rng, today)


# --- a session over a plain database (for the baseline) ------------------------------------


@dataclass
class _PlainVault:
    store: db.Store


@dataclass
class _PlainAccount:
    login: str = "bench"


@dataclass
class PlainSession:
    """What :class:`Registers` uses of a :class:`Session`, over an unencrypted database, so the
    baseline runs the engine's own SQL. Audit records are not written (one per operation)."""

    vault: _PlainVault
    clock: FixedClock
    principal: Principal
    settings: Any
    account: _PlainAccount = field(default_factory=_PlainAccount)

    def require_active_password(self) -> None:
        return None

    @contextlib.contextmanager
    def operation(self) -> Iterator[db.Store]:
        with self.vault.store.transaction() as store:
            yield store

    def audit(self, *_args: object, **_kwargs: object) -> None:
        return None


@dataclass(frozen=True)
class _Rating:
    rating: Level = Level.SECRET


def plain_registers(path: Path) -> Registers:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in (  # the vault's pragmas (secrecy_desk.vault.db.open_database), less the key
        "PRAGMA secure_delete = ON",
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA cache_size = -65536",
    ):
        conn.execute(pragma).fetchall()
    store = db.Store(conn)
    db.migrate(store)
    principal = Principal(
        account_id=1,
        login="bench",
        roles=frozenset({Role.OFFICER}),
        clearance=Level.SECRET,
        permissions=default_permissions(frozenset({Role.OFFICER})),
    )
    session = PlainSession(_PlainVault(store), FixedClock(NOW), principal, _Rating())
    return open_registers(cast(Session, session), load_all())


# --- measuring -------------------------------------------------------------------------------


def _timed(action: Callable[[], object], repeat: int = 9) -> tuple[float, float]:
    """(first run, median of the runs after it) in milliseconds."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def load(regs: Registers, n: int) -> float:
    """Bulk-add ``n`` entries in transactions of 100,000; returns entries per second."""
    start = time.perf_counter()
    chunk = 100_000
    source = rows(n)
    done = 0
    while done < n:
        take = min(chunk, n - done)
        done += take
        regs.bulk_insert(
            REGISTER,
            (next(source) for _ in range(take)),
            source="bench",
            analyze=done == n,  # statistics once, after the last load
        )
        print(f"  … {done:,} entries", file=sys.stderr, flush=True)
    return n / (time.perf_counter() - start)


def queries(regs: Registers) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out["page"] = _timed(lambda: regs.page(REGISTER, PAGE))
    out["count"] = _timed(lambda: regs.count(REGISTER, COUNT))
    out["count_all"] = _timed(lambda: regs.count(REGISTER, COUNT_ALL))
    out["search"] = _timed(lambda: regs.page(REGISTER, SEARCH))
    out["search_count"] = _timed(lambda: regs.count(REGISTER, Query(search="保密")))
    out["sizes"] = {
        "page": len(regs.page(REGISTER, PAGE)),
        "count": regs.count(REGISTER, COUNT),
        "count_all": regs.count(REGISTER, COUNT_ALL),
        "search_hits": regs.count(REGISTER, Query(search="保密")),
    }
    return out


def add_many_rate(regs: Registers, n: int) -> float:
    """Entries per second through the fully checked path (validators and rules, per row)."""
    rng = random.Random(7)
    raw = []
    for i in range(n):
        v = drawing_values(rng, NOW.date())
        raw.append(
            {
                "drawing_no": f"BENCH-{i:06d}",
                "drawing_name": str(v["drawing_name"]),
                "copies": str(v["copies"]),
                "level": "机密" if v["level"] is Level.SECRET else "一般",
                "receiver": str(v["receiver"]),
                "issued_on": str(v["issued_on"]),
            }
        )
    start = time.perf_counter()
    regs.add_many(REGISTER, raw, source="bench-checked")
    return n / (time.perf_counter() - start)


# --- phases (each in its own process) ------------------------------------------------------


def phase_plain(folder: Path, n: int) -> dict[str, Any]:
    regs = plain_registers(folder / "plain.db")
    out: dict[str, Any] = {"bulk_rate": load(regs, n)}
    regs.store.close()
    return out


def phase_plain_queries(folder: Path) -> dict[str, Any]:
    regs = plain_registers(folder / "plain.db")
    out = queries(regs)
    out["plan"] = explain(regs)
    regs.store.close()
    return out


def phase_plain_add(folder: Path, sample: int) -> dict[str, Any]:
    regs = plain_registers(folder / "plain.db")
    out = {"add_many_rate": add_many_rate(regs, sample)}
    regs.store.close()
    return out


def phase_build(folder: Path, n: int) -> dict[str, Any]:
    """Create the vault and bulk-load it through the engine in the officer's session."""
    from tests.support.vault import build_vault

    build_vault(folder / "vault", FixedClock(NOW - timedelta(hours=1)))
    s = _vault_session(folder)
    try:
        out = {"bulk_rate": load(open_registers(s, load_all()), n)}
    finally:
        s.logout()
    return out


def _vault_session(folder: Path) -> Session:
    from secrecy_desk.vault import session as sessions
    from tests.support.vault import OFFICER, PASSWORDS

    return sessions.login(folder / "vault", OFFICER, PASSWORDS[OFFICER], clock=FixedClock(NOW))


def phase_vault(folder: Path) -> dict[str, Any]:
    """The real door: login, every pragma, the officer's session."""
    s = _vault_session(folder)
    try:
        regs = open_registers(s, load_all())
        out = queries(regs)
        out["plan"] = explain(regs)
    finally:
        s.logout()
    return out


def phase_vault_add(folder: Path, sample: int) -> dict[str, Any]:
    s = _vault_session(folder)
    try:
        return {"add_many_rate": add_many_rate(open_registers(s, load_all()), sample)}
    finally:
        s.logout()


def explain(regs: Registers) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of the page, count and search queries as the engine builds them."""
    spec = regs.spec(REGISTER)
    plans: dict[str, list[str]] = {}
    for label, query, what in (
        ("page", PAGE, "page"),
        ("count", COUNT, "count"),
        ("search", SEARCH, "page"),
    ):
        clauses, params = regs._filters(spec, query)
        where = " AND ".join(clauses)
        if what == "count":
            sql = f"SELECT count(*) FROM entries WHERE {where}"
        else:
            order = regs.planner.order(spec, spec.listing.sort)
            hint = regs.planner.page_hint(spec, query, spec.listing.sort).hint
            sql = f"SELECT id FROM entries {hint} WHERE {where} ORDER BY {order} LIMIT 100"
        plans[label] = [str(r[3]) for r in regs.store.all("EXPLAIN QUERY PLAN " + sql, params)]
    return plans


# --- driver ----------------------------------------------------------------------------------


def _child(phase: str, folder: Path, n: int, sample: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "tests.bench.bench_registers", "--phase", phase]
    cmd += ["--folder", str(folder), "--rows", str(n), "--sample", str(sample)]
    print(f"[{phase}]", file=sys.stderr, flush=True)
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _ratio(a: float, b: float) -> str:
    return f"×{a / b:.2f}" if b > 0 else "—"


def report(n: int, plain: dict[str, Any], build: dict[str, Any], vault: dict[str, Any]) -> None:
    print(f"\nRegister benchmark: {n:,} entries in the drawing register")
    print(f"  hits: {json.dumps(vault['sizes'], ensure_ascii=False)}")
    print("\nbulk add (Registers.bulk_insert, 100,000 per transaction), entries/s:")
    print(f"  plain SQLite        {plain['bulk_rate']:>10,.0f}")
    print(
        f"  vault (SQLCipher)   {build['bulk_rate']:>10,.0f}   "
        f"plain/vault {_ratio(plain['bulk_rate'], build['bulk_rate'])}"
    )
    print("checked add (Registers.add_many, validators and rules per row), entries/s:")
    print(f"  plain SQLite        {plain['add_many_rate']:>10,.0f}")
    print(
        f"  vault (SQLCipher)   {vault['add_many_rate']:>10,.0f}   "
        f"plain/vault {_ratio(plain['add_many_rate'], vault['add_many_rate'])}"
    )
    print("\nqueries, ms (best median of 9 runs per round; the first, cold run in brackets):")
    print(f"  {'':14}{'target':>8}{'vault':>16}{'plain':>16}{'vault/plain':>13}  ok")
    for key in QUERY_KEYS:
        first, med = vault[key]
        pfirst, pmed = plain[key]
        target = TARGETS_MS["count" if key == "count_all" else key.split("_")[0]]
        ok = "yes" if med < target else "NO"
        print(
            f"  {key:14}{target:>8.0f}{med:>9.1f} ({first:>5.0f}){pmed:>9.1f} ({pfirst:>5.0f})"
            f"{_ratio(med, pmed):>13}  {ok}"
        )
    print("\nquery plans (vault):")
    for label, lines in vault["plan"].items():
        print(f"  {label}: " + " | ".join(lines))


PHASES: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "plain": lambda a: phase_plain(a.folder, a.rows),
    "plain-q": lambda a: phase_plain_queries(a.folder),
    "plain-add": lambda a: phase_plain_add(a.folder, a.sample),
    "build": lambda a: phase_build(a.folder, a.rows),
    "vault-q": lambda a: phase_vault(a.folder),
    "vault-add": lambda a: phase_vault_add(a.folder, a.sample),
}
QUERY_KEYS = ("page", "count", "count_all", "search", "search_count")


def _best(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per query: the first (cold) run of the first round, and the best median of the rounds
    (the machine may be busy with something else during one of them)."""
    out = dict(rounds[0])
    for key in QUERY_KEYS:
        out[key] = (rounds[0][key][0], min(r[key][1] for r in rounds))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--sample", type=int, default=3_000, help="rows for the checked add_many")
    p.add_argument("--rounds", type=int, default=2, help="rounds of query measurements")
    p.add_argument("--phase", choices=tuple(PHASES))
    p.add_argument("--folder", type=Path)
    p.add_argument("--keep", action="store_true", help="keep the databases (printed path)")
    args = p.parse_args(argv)
    if args.phase:
        json.dump(PHASES[args.phase](args), sys.stdout)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="bench-registers-"))
    try:
        started = time.perf_counter()
        plain = _child("plain", folder, args.rows, args.sample)
        build = _child("build", folder, args.rows, args.sample)
        built = time.perf_counter() - started
        # Query rounds alternate between the databases, so a busy moment hits all alike.
        rounds: dict[str, list[dict[str, Any]]] = {"plain-q": [], "vault-q": []}
        for _ in range(args.rounds):
            for phase, results in rounds.items():
                results.append(_child(phase, folder, args.rows, args.sample))
        plain |= _best(rounds["plain-q"]) | _child("plain-add", folder, args.rows, args.sample)
        vault = _best(rounds["vault-q"]) | _child("vault-add", folder, args.rows, args.sample)
        report(args.rows, plain, build, vault)
        total = time.perf_counter() - started
        print(f"\n(both databases built in {built:.0f} s; total {total:.0f} s)")
    finally:
        if args.keep:
            print(f"kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The large benchmark vault, built once and cached outside the repository: ten years of a large
unit — 2,000,000 drawing-register entries and 5,000,000 audit records, an auditor's seal near
the end of the trail (so ``verify --quick`` has a recent seal to start from).

    ./desk bench --build-scale                       # build it (once) and say where it is
    .venv/bin/python -m tests.bench.scale_vault      # the same
    .venv/bin/python -m tests.bench.scale_vault --entries 200000 --audit 500000   # smaller

The cache lives in ``$SECRECY_DESK_BENCH_CACHE`` or ``~/.cache/secrecy-desk-bench``, one folder
per size (``scale-<entries>-<audit>``) holding ``vault/`` and ``built.json`` (written last, so a
build that was interrupted is started again). Entries go in through the engine's
:meth:`Registers.bulk_insert` (list indexes built once, after the load) and audit records
through the chain's own :meth:`AuditLog.append`, in transactions of 50,000.

Benchmarks log in to the cached vault (a few audit records per run) but never change its
entries; one that must write works on a copy. A vault cached by an older version of the program
is upgraded by the ordinary migrations when it is first opened.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.forms import load_all
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import audit_review, db
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault import vault as vault_mod
from secrecy_desk.vault.audit_chain import Actor
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from tests.bench.bench_registers import REGISTER, rows
from tests.support.vault import AUDITOR, CLERK, OFFICER, PASSWORDS, build_vault

ENTRIES: Final = 2_000_000
AUDIT: Final = 5_000_000
#: Audit records written after the auditor's seal (about a month of a large unit's work).
AFTER_SEAL: Final = 50_000
#: The trail's timestamps span the five days before "now" (a longer span would expire the test
#: vault's passwords, valid seven days, in the middle of the build).
NOW: Final = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
START: Final = NOW - timedelta(days=5)
CHUNK: Final = 250_000
AUDIT_BATCH: Final = 50_000
#: Bumped when what the builder writes changes (a new cache folder is then built).
BUILD_FORMAT: Final = 1


def cache_root() -> Path:
    env = os.environ.get("SECRECY_DESK_BENCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "secrecy-desk-bench"


def cache_folder(entries: int = ENTRIES, audit: int = AUDIT) -> Path:
    return cache_root() / f"scale-{entries}-{audit}-f{BUILD_FORMAT}"


def built(folder: Path) -> dict[str, Any] | None:
    marker = folder / "built.json"
    if not marker.is_file():
        return None
    info: dict[str, Any] = json.loads(marker.read_text())
    return info


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def login(folder: Path, who: str = OFFICER, clock: FixedClock | None = None) -> Session:
    """A session on the cached vault (the officer, clearance 机密, by default)."""
    return sessions.login(
        folder / "vault", who, PASSWORDS[who], clock=clock or FixedClock(NOW + timedelta(days=1))
    )


def _load_entries(folder: Path, clock: FixedClock, n: int) -> float:
    s = login(folder, OFFICER, clock)
    try:
        forms = load_all()
        regs = open_registers(s, forms)
        regs.planner.drop_indexes()  # built once after the load, not updated per row
        start = time.perf_counter()
        source = rows(n)
        done = 0
        while done < n:
            take = min(CHUNK, n - done)
            regs.bulk_insert(
                REGISTER, (next(source) for _ in range(take)), source="bench", analyze=False
            )
            done += take
            rate = done / (time.perf_counter() - start)
            _say(f"  … {done:,} entries ({rate:,.0f}/s)")
        _say("  building the list indexes and the planner's statistics …")
        regs.planner.ensure_indexes(forms.registers)
        regs.analyze()
        return time.perf_counter() - start
    finally:
        s.logout()


_ACTIONS: Final = (
    ("entry.view", Level.SECRET),
    ("entry.view", Level.SECRET),
    ("entry.view", Level.INTERNAL),
    ("entry.edit", Level.SECRET),
    ("entry.create", Level.INTERNAL),
    ("print.entry", Level.SECRET),
)


def _append_audit(folder: Path, clock: FixedClock, who: str, n: int, step: timedelta) -> None:
    """``n`` records through the session's chain, in transactions of :data:`AUDIT_BATCH`."""
    rng = random.Random(n)
    s = login(folder, who, clock)
    try:
        log = s.vault.log
        actors = (Actor(OFFICER, "officer"), Actor(CLERK, "clerk"))
        written = 0
        while written < n:
            take = min(AUDIT_BATCH, n - written)
            with s.operation():
                for _ in range(take):
                    action, level = rng.choice(_ACTIONS)
                    number = f"TZ-{rng.randint(2016, 2026)}-{rng.randint(1, 200_000):07d}"
                    clock.advance(step)
                    log.append(
                        rng.choice(actors),
                        action,
                        f"{REGISTER}:{number}",
                        level=level,
                        details={"revision": rng.randint(1, 3)},
                    )
            written += take
            if written % 500_000 < AUDIT_BATCH:
                _say(f"  … {written:,} audit records")
    finally:
        s.logout()


def build(entries: int = ENTRIES, audit: int = AUDIT, *, force: bool = False) -> Path:
    """The cached vault's folder, built first if it is not there yet."""
    folder = cache_folder(entries, audit)
    info = built(folder)
    if info is not None and not force:
        if not info.get("search_settled"):  # cached before the sessions' tidying existed
            _settle(folder)
            info["search_settled"] = True
            (folder / "built.json").write_text(json.dumps(info, indent=2))
        return folder
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    _say(f"Building the benchmark vault in {folder} ({entries:,} entries, {audit:,} records)")
    started = time.perf_counter()
    clock = FixedClock(START)
    saved = list(vault_mod._params_cache)
    vault_mod._params_cache[:] = [MIN_PARAMS]
    try:
        build_vault(folder / "vault", clock)
    finally:
        vault_mod._params_cache[:] = saved
    load_s = _load_entries(folder, clock, entries)
    audit_start = time.perf_counter()
    present = _audit_count(folder, clock)
    before_seal = max(0, audit - present - AFTER_SEAL - 16)
    step = (NOW - START) / max(audit, 1)
    _append_audit(folder, clock, OFFICER, before_seal, step)
    s = login(folder, AUDITOR, clock)
    try:
        sealed = audit_review.seal(s).seq
    finally:
        s.logout()
    _append_audit(folder, clock, OFFICER, max(0, audit - _audit_count(folder, clock) - 4), step)
    audit_s = time.perf_counter() - audit_start
    _settle(folder)
    db_file = folder / "vault" / "vault.db"
    info = {
        "entries": entries,
        "audit_records": _audit_count(folder, clock),
        "sealed_seq": sealed,
        "entries_seconds": round(load_s, 1),
        "audit_seconds": round(audit_s, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
        "bytes": db_file.stat().st_size,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "search_settled": True,
    }
    (folder / "built.json").write_text(json.dumps(info, indent=2))
    _say(json.dumps(info))
    return folder


def _settle(folder: Path) -> None:
    """The search index as the ends of sessions keep a vault's (``db.tidy_search_index``,
    a step at each logout), tidied until a step merges nothing: the benchmarks then read the
    same index run after run, not one each of their logouts tidies a little further."""
    _say("  tidying the search index as sessions' ends would …")
    s = login(folder)
    try:
        started = time.perf_counter()
        before = db.search_segments(s.vault.store)
        steps = db.tidy_search_index(s.vault.store, steps=10_000)
        after = db.search_segments(s.vault.store)
    finally:
        s.logout()
    _say(f"  … {before} segments → {after}, {steps} steps in {time.perf_counter() - started:.1f} s")


def _audit_count(folder: Path, clock: FixedClock) -> int:
    s = login(folder, OFFICER, clock)
    try:
        return int(s.vault.store.scalar("SELECT max(seq) FROM audit"))
    finally:
        s.logout()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--entries", type=int, default=ENTRIES)
    p.add_argument("--audit", type=int, default=AUDIT)
    p.add_argument("--force", action="store_true", help="build again even if cached")
    args = p.parse_args(argv)
    folder = build(args.entries, args.audit, force=args.force)
    print(folder)
    print(json.dumps(built(folder), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

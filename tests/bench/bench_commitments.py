"""Commitments benchmark: generate and render 500 on-boarding commitments in one batch.

    python -m tests.bench.bench_commitments [--people 500]

Builds a fresh vault with the test accounts, loads the people through the register engine
(not timed), then times, in the officer's session: ``generate`` for everyone (one operation),
and ``print_batch`` for all of them (one PDF, two copies of each, one print register entry and
one verification code each, all in one operation). Target: both together < 20 s for 500.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.forms import load_all
from secrecy_desk.modules.commitments.flow import ONBOARDING, Commitments
from secrecy_desk.modules.registry import open_registers

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TARGET_S = 20.0


def main(argv: list[str] | None = None) -> int:
    from secrecy_desk.vault import session as sessions
    from secrecy_desk.vault import vault as vault_mod
    from secrecy_desk.vault.crypto import MIN_PARAMS
    from tests.support.data import resident_id
    from tests.support.vault import OFFICER, PASSWORDS, build_vault

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=500)
    args = parser.parse_args(argv)
    vault_mod._params_cache[:] = [MIN_PARAMS]
    folder = Path(tempfile.mkdtemp(prefix="bench-commitments-"))
    try:
        clock = FixedClock(NOW)
        build_vault(folder / "vault", FixedClock(NOW - timedelta(hours=1)))
        s = sessions.login(folder / "vault", OFFICER, PASSWORDS[OFFICER], clock=clock)
        try:
            regs = open_registers(s, load_all())
            rows = [
                {
                    "name": f"员工{i:03d}",
                    "gender": "male",
                    "id_number": resident_id(
                        date(1970, 1, 1) + timedelta(days=i * 7), female=False, serial=i
                    ),
                    "department": f"{i % 12 + 1}室",
                    "post": "设计员",
                    "person_class": ("core", "important", "general")[i % 3],
                    "access_level": Level.SECRET,
                    "phone": f"139{i:08d}",
                }
                for i in range(args.people)
            ]
            regs.bulk_insert("personnel", rows, source="bench")
            c = Commitments(regs)
            people = [p.number for p in c.people()]
            start = time.perf_counter()
            made = c.generate(ONBOARDING, people)
            generated = time.perf_counter() - start
            start = time.perf_counter()
            out = c.print_batch([m.number for m in made], printer="bench")
            printed = time.perf_counter() - start
        finally:
            s.logout()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    total = generated + printed
    print(f"generate {len(made)} commitments: {generated:.2f} s")
    print(
        f"print {len(out.records)} commitments (2 copies each, one PDF of "
        f"{len(out.pdf) / 1e6:.1f} MB): {printed:.2f} s"
    )
    verdict = "ok" if total < TARGET_S else "SLOW"
    print(f"total {total:.2f} s (target < {TARGET_S:.0f} s for 500): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

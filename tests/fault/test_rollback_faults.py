"""Whole-folder and WAL rollback at random points of a working day: every copy put back is
refused (read-only) and names its missing numbers; never a false alarm on the live vault."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from secrecy_desk.vault import db
from secrecy_desk.vault.vault import RollbackDetected
from tests.fault.conftest import figure
from tests.support.data import drawing
from tests.support.vault import OFFICER, VaultEnv

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _work(vault_env: VaultEnv, n: int, tag: str) -> list[str]:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        return [
            regs.add("drawings", drawing(drawing_no=f"{tag}-{i}")).entry.number for i in range(n)
        ]
    finally:
        s.logout()


def test_whole_folder_put_back_at_random_points(vault_env: VaultEnv, tmp_path: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4)))
    tried = detected = named = 0
    for round_ in range(5):
        _work(vault_env, rng.randrange(0, 3), f"A{round_}")
        copy = tmp_path / f"copy{round_}"
        shutil.copytree(vault_env.folder, copy)
        live = tmp_path / f"live{round_}"
        later = _work(vault_env, rng.randrange(1, 4), f"B{round_}")
        shutil.copytree(vault_env.folder, live)
        shutil.rmtree(vault_env.folder)
        shutil.copytree(copy, vault_env.folder)
        tried += 1
        try:
            vault_env.login(OFFICER).logout()
        except RollbackDetected as exc:
            detected += 1
            text = exc.message("en")
            named += all(str(int(n.rsplit("-", 1)[-1])) in text for n in (later[0], later[-1]))
        # The live folder goes back: it reaches the anchor, and work goes on without alarm.
        shutil.rmtree(vault_env.folder)
        shutil.copytree(live, vault_env.folder)
        vault_env.login(OFFICER).logout()
    figure("whole-folder rollback", tried=tried, detected=detected, lost=tried - detected)
    assert detected == tried
    assert named == tried


WAL_SAVE = textwrap.dedent(
    """
    import os, sys, datetime, pathlib
    from secrecy_desk.core.clock import FixedClock
    from secrecy_desk.forms import load_all
    from secrecy_desk.modules.registry import open_registers
    from secrecy_desk.vault import session as sessions
    from tests.support.data import drawing
    s = sessions.login(pathlib.Path(sys.argv[1]), sys.argv[2], sys.stdin.readline().rstrip("\\n"),
                       clock=FixedClock(datetime.datetime(2026, 3, 2, 3, tzinfo=datetime.UTC)))
    regs = open_registers(s, load_all())
    for i in range(int(sys.argv[3])):
        regs.add("drawings", drawing(drawing_no=f"W-{os.getpid()}-{i}"))
    os._exit(0)  # a crash: no checkpoint, the saves are only in the -wal
    """
)


def test_committed_wal_deleted_after_a_crash(vault_env: VaultEnv) -> None:
    tried = detected = 0
    for n in (1, 3):
        subprocess.run(
            [sys.executable, "-c", WAL_SAVE, str(vault_env.folder), OFFICER, str(n)],
            input=vault_env.passwords[OFFICER] + "\n",
            text=True,
            check=True,
            cwd=ROOT,
        )
        wal = vault_env.folder / (db.DB_NAME + "-wal")
        saved_wal = wal.read_bytes()
        wal.unlink()
        (vault_env.folder / (db.DB_NAME + "-shm")).unlink(missing_ok=True)
        tried += 1
        try:
            vault_env.login(OFFICER).logout()
        except RollbackDetected:
            detected += 1
        wal.write_bytes(saved_wal)  # put the -wal back: the saves are there again
        vault_env.login(OFFICER).logout()
    figure("deleted committed -wal", tried=tried, detected=detected, lost=tried - detected)
    assert detected == tried

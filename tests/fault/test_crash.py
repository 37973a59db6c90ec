"""kill -9 at random moments during saves, account creation, password changes, master-key
rotations and backups: afterwards nothing that was reported saved is lost, the vault opens (no
false rollback alarm from the anchor) and it verifies. Each test prints its figure."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from secrecy_desk.core.errors import AuthError, VaultError
from secrecy_desk.vault import backup
from tests.fault.conftest import figure
from tests.support.vault import AUDITOR, CLERK, OFFICER, PASSWORDS, SECADMIN, SYSADMIN, VaultEnv

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]

PRELUDE = """
import os, sys
from datetime import datetime, timezone
from pathlib import Path
from secrecy_desk.core.clock import FixedClock
from secrecy_desk.vault import accounts, session
from secrecy_desk.vault.crypto import MIN_PARAMS
folder, login, password = Path(sys.argv[1]), sys.argv[2], sys.stdin.readline().rstrip("\\n")
clock = FixedClock(datetime(2026, 3, 2, 3, 0, tzinfo=timezone.utc))
s = session.login(folder, login, password, clock=clock)
print("ready", flush=True)
"""

SAVE_LOOP = PRELUDE + textwrap.dedent(
    """
    from secrecy_desk.forms import load_all
    from secrecy_desk.modules.registry import open_registers
    regs = open_registers(s, load_all())
    i = 0
    while True:
        e = regs.add("drawings", {"drawing_no": f"K-{os.getpid()}-{i}", "drawing_name": "总装图",
                                  "copies": "1", "level": "机密", "receiver": "张伟",
                                  "issued_on": "2026-03-01", "remarks": ""}).entry
        print("saved", e.number, flush=True)
        i += 1
    """
)

ADD_LOOP = PRELUDE + textwrap.dedent(
    """
    i = 0
    while True:
        name = f"k{os.getpid()}n{i}"
        print("adding", name, flush=True)
        accounts.add_account(s, login_name=name, display_name="测试", password="Crash-Pass-2026",
                            params=MIN_PARAMS)
        print("added", name, flush=True)
        i += 1
    """
)

ROTATE_LOOP = PRELUDE + textwrap.dedent(
    """
    i = 0
    while True:
        name = f"r{os.getpid()}n{i}"
        accounts.add_account(s, login_name=name, display_name="轮换", password="Rotate-Pass-2026",
                            params=MIN_PARAMS)
        print("added", name, flush=True)
        accounts.disable_account(s, name, "离岗")
        print("disabled", name, flush=True)
        i += 1
    """
)

BACKUP_LOOP = PRELUDE + textwrap.dedent(
    """
    from secrecy_desk.vault import backup
    i = 0
    while True:
        target = folder.parent / f"bk-{os.getpid()}-{i}"
        print("backing", target, flush=True)
        backup.backup(s, target)
        print("backed", target, flush=True)
        i += 1
    """
)


def run_and_kill(vault_env: VaultEnv, script: str, login: str, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(vault_env.folder), login],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    proc.stdin.write(vault_env.passwords[login] + "\n")
    proc.stdin.flush()
    first = proc.stdout.readline().strip()
    assert first == "ready", proc.stderr.read() if proc.stderr else first
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err
    return out.split("\n")


def _opens(vault_env: VaultEnv, login: str, password: str) -> bool:
    try:
        vault_env.login(login, password).logout()
    except AuthError:
        return False
    return True


def _verifies(vault_env: VaultEnv) -> bool:
    r = vault_env.cli_as(AUDITOR, ["verify"])
    return r.code == 0


def test_kill_during_saves(vault_env: VaultEnv) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4)))
    saved: list[str] = []
    kills = 6
    for _ in range(kills):
        lines = run_and_kill(vault_env, SAVE_LOOP, OFFICER, rng.uniform(0.3, 1.5))
        saved += [ln.split()[1] for ln in lines if ln.startswith("saved ")]
    s = vault_env.login(OFFICER)  # a crash never looks like a rollback
    try:
        present = {str(n) for (n,) in s.vault.store.all("SELECT number FROM entries")}
    finally:
        s.logout()
    lost = [n for n in saved if n not in present]
    sound = _verifies(vault_env)
    figure("kill -9 during saves", tried=kills, detected=0, lost=len(lost), saved=len(saved))
    assert not lost
    assert sound


def test_kill_during_master_key_rotations(vault_env: VaultEnv) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4)))
    kills, disabled = 4, []
    for _ in range(kills):
        lines = run_and_kill(vault_env, ROTATE_LOOP, SYSADMIN, rng.uniform(0.3, 2.0))
        disabled += [ln.split()[1] for ln in lines if ln.startswith("disabled ")]
        for login in (SYSADMIN, SECADMIN, AUDITOR, CLERK, OFFICER):
            assert _opens(vault_env, login, PASSWORDS[login]), login
    readmitted = [n for n in disabled if _opens_any(vault_env, n)]
    sound = _verifies(vault_env)
    figure(
        "kill -9 during rotations",
        tried=kills,
        detected=0,
        lost=len(readmitted),
        disabled=len(disabled),
    )
    assert not readmitted
    assert sound


def _opens_any(vault_env: VaultEnv, login: str) -> bool:
    try:
        return _opens(vault_env, login, "Rotate-Pass-2026")
    except VaultError:
        return False


def test_kill_during_backups(vault_env: VaultEnv, tmp_path: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4)))
    kills, done = 4, []
    for _ in range(kills):
        lines = run_and_kill(vault_env, BACKUP_LOOP, SYSADMIN, rng.uniform(0.3, 2.0))
        done += [ln.split()[1] for ln in lines if ln.startswith("backed ")]
        assert _opens(vault_env, OFFICER, PASSWORDS[OFFICER])
    sound = _verifies(vault_env)
    lost = 0
    if done:  # the last backup reported complete restores and opens
        session = backup.restore(
            Path(done[-1]),
            tmp_path / "restored",
            SYSADMIN,
            PASSWORDS[SYSADMIN],
            clock=vault_env.clock,
        )
        session.logout()
        r = vault_env.cli(
            ["users", "list", "--vault", str(tmp_path / "restored"), "--as", SYSADMIN],
            PASSWORDS[SYSADMIN],
        )
        lost = int(r.code != 0)
    figure("kill -9 during backups", tried=kills, detected=0, lost=lost, backups=len(done))
    assert sound
    assert not lost


PASSWD_LOOP = PRELUDE + textwrap.dedent(
    """
    i = 0
    while True:
        new = f"Crash-{os.getpid()}-{i}-Pw"
        print("changing", new, flush=True)
        session.change_password(s, password, new, params=MIN_PARAMS)
        print("changed", new, flush=True)
        password = new
        i += 1
    """
)


def test_kill_during_password_changes(vault_env: VaultEnv) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4)))
    kills = lost = 0
    for _ in range(4):
        kills += 1
        lines = run_and_kill(vault_env, PASSWD_LOOP, CLERK, rng.uniform(0.2, 2.0))
        done = [ln.split()[1] for ln in lines if ln.startswith("changed ")]
        trying = [ln.split()[1] for ln in lines if ln.startswith("changing ")]
        old = done[-1] if done else vault_env.passwords[CLERK]
        working = [pw for pw in [old, *trying[-1:]] if _opens(vault_env, CLERK, pw)]
        lost += len(working) != 1
        if working:
            vault_env.passwords[CLERK] = working[0]
    sound = _verifies(vault_env)
    figure("kill -9 during password changes", tried=kills, detected=0, lost=lost)
    assert not lost
    assert sound


def test_kill_during_account_creation(vault_env: VaultEnv) -> None:
    """Every account that opened the vault still opens it, the accounts reported added open
    with their password, and the one being added when the process died exists whole or not
    at all."""
    rng = random.Random(int.from_bytes(os.urandom(4)))
    added: list[str] = []
    kills = 0
    for _ in range(3):
        delay = rng.uniform(0.05, 1.2)
        lines = run_and_kill(vault_env, ADD_LOOP, SYSADMIN, delay)
        kills += 1
        added += [ln.split()[1] for ln in lines if ln.startswith("added ")]
        pending = [ln.split()[1] for ln in lines if ln.startswith("adding ")][-1:]
        for login in (SYSADMIN, SECADMIN, AUDITOR, CLERK, OFFICER):
            assert _opens(vault_env, login, PASSWORDS[login]), (login, delay)
        for login in added[-3:]:
            assert _opens(vault_env, login, "Crash-Pass-2026"), (login, delay)
        for login in pending:  # may or may not exist; if it does, it opens
            if login not in added and _opens(vault_env, login, "Crash-Pass-2026"):
                added.append(login)
        assert _verifies(vault_env)
    figure("kill -9 during account creation", tried=kills, detected=0, lost=0, added=len(added))

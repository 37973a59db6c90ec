"""A full disk, read-only media, permission denied and a vault whose disk went away: each is
said as what it is, in one sentence, with nothing saved and the vault intact."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from secrecy_desk.core.errors import VaultError
from secrecy_desk.vault import db
from secrecy_desk.vault import session as sessions
from tests.fault.conftest import figure, fill, mounted, remount
from tests.support.data import drawing
from tests.support.vault import AUDITOR, OFFICER, PASSWORDS, VaultEnv, one_sentence


def _move_vault(vault_env: VaultEnv, where: Path) -> None:
    target = where / "vault"
    shutil.copytree(vault_env.folder, target)
    shutil.rmtree(vault_env.folder)
    vault_env.folder = target


def _entries(vault_env: VaultEnv) -> int:
    s = vault_env.login(AUDITOR)
    try:
        return int(s.vault.store.scalar("SELECT count(*) FROM entries"))
    finally:
        s.logout()


def test_a_full_disk_is_a_full_disk_and_nothing_is_lost(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    tried = detected = 0
    with mounted(tmp_path / "small", 4096) as mnt:
        _move_vault(vault_env, mnt)
        before = _entries(vault_env)
        s = vault_env.login(OFFICER)
        regs = vault_env.registers(s)
        filler = fill(mnt)
        for i in range(5):
            tried += 1
            with pytest.raises(db.DiskFull) as caught:
                regs.add("drawings", drawing(drawing_no=f"FULL-{i}", remarks="满" * 400))
            detected += "full" in caught.value.message("en")
        filler.unlink()
        s.logout()
        # A login on a full disk (its record cannot be written) is a full disk too, not
        # "not a vault" — an administrator told that might restore over a sound vault.
        s = vault_env.login(OFFICER)
        filler = fill(mnt)
        tried += 1
        r = vault_env.cli_as(OFFICER, ["users", "list"])
        one_sentence(r)
        detected += "full" in r.err
        assert "not a Secrecy Desk vault" not in r.err
        filler.unlink()
        s.logout()
        assert _entries(vault_env) == before
        assert vault_env.cli_as(AUDITOR, ["verify"]).code == 0
    figure("full disk", tried=tried, detected=detected, lost=0)
    assert detected == tried


def test_read_only_media_is_said_as_such(vault_env: VaultEnv, tmp_path: Path) -> None:
    with mounted(tmp_path / "ro", 8192) as mnt:
        _move_vault(vault_env, mnt)
        remount(mnt, "ro")
        r = vault_env.cli_as(OFFICER, ["users", "list"])
        one_sentence(r)
        assert "read-only" in r.err
        zh = vault_env.cli_as(OFFICER, ["users", "list"], lang="zh_CN")
        assert zh.err != r.err
        remount(mnt, "rw")
        assert vault_env.cli_as(AUDITOR, ["verify"]).code == 0


def test_a_vault_whose_disk_went_away_is_said_as_such(vault_env: VaultEnv, tmp_path: Path) -> None:
    gone = tmp_path / "unmounted" / "vault"
    r = vault_env.cli(["users", "list", "--vault", str(gone), "--as", OFFICER], PASSWORDS[OFFICER])
    assert r.code == 4
    one_sentence(r)
    assert "unmounted" in r.err
    with pytest.raises(VaultError, match="unmounted"):
        sessions.login(gone, OFFICER, PASSWORDS[OFFICER], clock=vault_env.clock)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a file immutable")
def test_permission_denied_is_said_as_such(vault_env: VaultEnv) -> None:
    # Root reads and writes any file whatever its mode; an immutable file it may not write.
    path = vault_env.folder / db.DB_NAME
    r = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if r.returncode != 0:
        pytest.skip("chattr +i is not supported by this filesystem")
    try:
        r2 = vault_env.cli_as(OFFICER, ["users", "list"])
        zh = vault_env.cli_as(OFFICER, ["users", "list"], lang="zh_CN")
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    one_sentence(r2)
    assert "permission denied" in r2.err, r2.err
    assert zh.err != r2.err
    assert vault_env.cli_as(AUDITOR, ["verify"]).code == 0

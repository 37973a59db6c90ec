"""The vault is held by a lock on the database file itself: deleting vault.lock while it is
open does not let a second writer in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from secrecy_desk.core.errors import VaultError
from secrecy_desk.vault import db
from tests.support.vault import CLERK, OFFICER, PASSWORDS, VaultEnv


def test_deleting_the_lock_file_does_not_let_a_second_copy_in(vault_env: VaultEnv) -> None:
    s = vault_env.login(OFFICER)
    try:
        (vault_env.folder / db.LOCK_NAME).unlink()
        with pytest.raises(VaultError, match="already open"):
            vault_env.login(CLERK)
        # Another process is refused too (flock is per open file, so this is not the same
        # process being lenient with itself).
        code = (
            "import sys; from secrecy_desk import cli; "
            f"sys.exit(cli.main(['users', 'list', '--vault', {str(vault_env.folder)!r}, "
            f"'--as', {CLERK!r}, '--lang', 'en']))"
        )
        r = subprocess.run(
            [sys.executable, "-c", code],
            input=PASSWORDS[CLERK] + "\n",
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent.parent,
            check=False,
        )
        assert r.returncode == 4, r
        assert "already open" in r.stderr
    finally:
        s.logout()
    s = vault_env.login(CLERK)  # closed: the next one opens
    s.logout()

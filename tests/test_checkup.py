"""Verifying the vault (``checkup.check_vault``): the quick and the full check, their progress
and their cancel, as the command line and the audit tab use them."""

from __future__ import annotations

import io

import pytest

from secrecy_desk import cli
from secrecy_desk.vault import audit_review, checkup
from secrecy_desk.vault.checkup import CheckCancelled
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.vault import AUDITOR, VaultEnv


def _verifications(vault_env: VaultEnv) -> int:
    s = vault_env.login(AUDITOR)
    try:
        return int(s.vault.store.scalar("SELECT count(*) FROM audit WHERE action = 'audit.verify'"))
    finally:
        s.logout()


@pytest.mark.parametrize("quick", [True, False])
def test_the_check_reports_its_progress_to_the_end(vault_env: VaultEnv, quick: bool) -> None:
    # A few hundred pages: the quick walk is shared by two connections, each reports on its way.
    vault_env.noise(3000)
    s = vault_env.login(AUDITOR)
    try:
        if quick:
            sealed = audit_review.seal(s).seq
        told: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> bool:
            told.append((done, total))
            return True

        found = checkup.check_vault(s, quick=quick, progress=progress)
    finally:
        s.logout()
    assert found.sound
    assert found.quick is quick
    if quick:
        assert found.report.first_seq == sealed + 1  # the chain from the seal only
    else:
        assert found.report.first_seq == 1
    total = told[-1][1]
    assert told[-1] == (total, total)
    assert {t for _d, t in told} == {total}
    done = [d for d, _t in told]
    assert done == sorted(done)
    # SQLite's own walk of the tables reports on its way, not only when it is over.
    assert len({d for d in done if 0 < d < total}) >= 2


def test_the_full_check_cancelled_inside_the_table_walk_stops_and_records_nothing(
    vault_env: VaultEnv,
) -> None:
    vault_env.noise(4)
    before = _verifications(vault_env)
    s = vault_env.login(AUDITOR)
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        # The page HMACs are done (one report), then the walk of the tables: cancel in it.
        return len(calls) < 3

    try:
        with pytest.raises(CheckCancelled) as caught:
            checkup.check_vault(s, progress=progress)
        assert caught.value.message("en") == "The check was cancelled; nothing was recorded."
        # The vault's connection is usable after the interrupted walk.
        assert checkup.check_vault(s, quick=True).sound
    finally:
        s.logout()
    assert len(calls) == 3  # nothing more was reported after the cancel
    assert _verifications(vault_env) == before + 1  # only the quick check after it


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("quick", [False, True])
def test_verify_tells_a_terminal_how_far_it_is(vault_env: VaultEnv, quick: bool) -> None:
    """``verify`` at a terminal says what it checks, then each tenth done, up to 100 %; a
    script's standard error gets none of it."""
    command = ["verify", *(["--quick"] if quick else [])]
    script = vault_env.cli_as(AUDITOR, command)
    assert script.code == 0
    assert script.err == ""
    terminal = _Terminal()
    env = cli.Env(
        stdin=io.StringIO(vault_env.passwords[AUDITOR] + "\n"),
        stdout=io.StringIO(),
        stderr=terminal,
        lang="zh_CN",
        clock=vault_env.clock,
        params=MIN_PARAMS,
    )
    assert cli.run([*command, "--vault", str(vault_env.folder), "--as", AUDITOR], env) == 0
    told = terminal.getvalue().splitlines()
    assert told[0] == ("正在检查数据库页面（快速检查）…" if quick else "正在检查数据库页面和索引…")
    assert told[-1] == "校验：已完成 100%"
    percents = [int(t.removeprefix("校验：已完成 ").removesuffix("%")) for t in told[1:]]
    assert percents == sorted(set(percents))

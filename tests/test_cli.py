"""``secrecy-desk-admin`` end to end, in-process: exit codes, sentences, first-login change."""

from __future__ import annotations

import re
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import AuthError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from tests.support.vault import (
    AUDITOR,
    CLERK,
    OFFICER,
    PASSWORDS,
    SECADMIN,
    SYSADMIN,
    VaultEnv,
    one_sentence,
    run_cli,
)

WRONG = QT_TRANSLATE_NOOP("Errors", "Wrong account name or password.")


def test_init_then_first_login_forces_a_password_change(tmp_path: Path, clock: FixedClock) -> None:
    folder = tmp_path / "new"
    init = run_cli(
        [
            "init",
            "--vault",
            str(folder),
            "--unit",
            "某研究所",
            "--rating",
            "秘密",
            "--sysadmin",
            "sys1",
            "--secadmin",
            "sec1",
            "--auditor",
            "aud1",
        ],
        ['Init "引号" pw 1', "Init-Sec-2026", "Init-Aud-2026"],
        clock=clock,
    )
    assert init.code == 0, init.err
    code = re.search(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)\s*$", init.out, re.M)
    assert code is not None, init.out

    def as_(login: str, argv: list[str], *stdin: str) -> int:
        r = run_cli([*argv, "--vault", str(folder), "--as", login], list(stdin), clock=clock)
        assert "Traceback" not in r.err
        return r.code

    # Until the initial password is changed, every command but `users passwd` is refused.
    assert as_("sys1", ["users", "list"], 'Init "引号" pw 1') == 3
    assert as_("aud1", ["audit", "list"], "Init-Aud-2026") == 3
    assert as_("aud1", ["verify"], "Init-Aud-2026") == 3
    r = run_cli(
        ["users", "list", "--vault", str(folder), "--as", "sec1"], ["Init-Sec-2026"], clock=clock
    )
    assert r.code == 3
    assert "must be changed" in r.err
    # Mismatched repetition is a usage error; nothing changes.
    assert as_("sys1", ["users", "passwd"], 'Init "引号" pw 1', "New 'pw' 保密 2", "x") == 2
    new = "New 'pw' \"保密\" 2"
    assert as_("sys1", ["users", "passwd"], 'Init "引号" pw 1', new, new) == 0
    assert as_("sys1", ["users", "list"], 'Init "引号" pw 1') == 3
    assert as_("sys1", ["users", "list"], new) == 0


def test_wrong_password_in_english_and_chinese(vault_env: VaultEnv) -> None:
    for lang in ("en", "zh_CN"):
        for login in (CLERK, "nobody"):
            r = vault_env.cli(
                ["users", "list", "--vault", str(vault_env.folder), "--as", login, "--lang", lang],
                "Wrong-Pass-2026",
            )
            assert r.code == 3
            one_sentence(r)
            assert r.err.strip() == AuthError(WRONG).message(lang)
    assert r.err.strip() != ""
    assert "Wrong account name or password." in (
        vault_env.cli(
            ["--lang", "en", "users", "list", "--vault", str(vault_env.folder), "--as", CLERK],
            "Bad-Pass-2026",
        ).err
    )


def test_usage_errors_exit_2(vault_env: VaultEnv) -> None:
    r = vault_env.cli(["users", "list", "--vault", str(vault_env.folder)])
    assert r.code == 2
    assert "Usage error" in r.err
    assert vault_env.cli(["frobnicate"]).code == 2
    # No password on standard input.
    r = vault_env.cli(["users", "list", "--vault", str(vault_env.folder), "--as", SYSADMIN])
    assert r.code == 2
    one_sentence(r)


def test_users_commands_are_gated_by_role(vault_env: VaultEnv) -> None:
    assert (
        vault_env.cli_as(SYSADMIN, ["users", "grant", "--login", CLERK, "--role", "officer"]).code
        == 3
    )
    assert (
        vault_env.cli_as(
            SECADMIN, ["users", "add", "--login", "li9", "--name", "李九"], "Li-Nine-2026"
        ).code
        == 3
    )
    assert vault_env.cli_as(AUDITOR, ["users", "unlock", "--login", CLERK]).code == 3
    r = vault_env.cli_as(
        SYSADMIN, ["users", "add", "--login", "li9", "--name", "李九"], "Li-Nine-2026"
    )
    assert r.code == 0, r.err
    r = vault_env.cli_as(
        SECADMIN, ["users", "grant", "--login", "li9", "--role", "审批人", "--clearance", "秘密"]
    )
    assert r.code == 0, r.err
    assert "approver" in r.out
    r = vault_env.cli_as(SECADMIN, ["users", "grant", "--login", "li9", "--clearance", "绝密"])
    assert r.code == 1
    one_sentence(r)
    r = vault_env.cli_as(SYSADMIN, ["users", "disable", "--login", "li9", "--reason", "调离"])
    assert r.code == 0, r.err
    r = vault_env.cli_as(SYSADMIN, ["users", "list"])
    assert re.search(r"^li9 .*disabled", r.out, re.M), r.out


def test_recover_through_the_cli(vault_env: VaultEnv) -> None:
    r = vault_env.cli(
        ["recover", "--vault", str(vault_env.folder), "--login", AUDITOR],
        "WRONG-CODE",
        "Aud-Recov-2026",
    )
    assert r.code == 3
    one_sentence(r)
    r = vault_env.cli(
        ["recover", "--vault", str(vault_env.folder), "--login", AUDITOR],
        vault_env.recovery_code,
        "Aud-Recov-2026",
    )
    assert r.code == 0, r.err
    vault_env.passwords[AUDITOR] = "Aud-Recov-2026"
    assert vault_env.cli_as(AUDITOR, ["audit", "verify"]).code == 3  # must change first


def test_vault_and_account_may_come_before_the_command(vault_env: VaultEnv) -> None:
    """``A="secrecy-desk-admin --vault DIR --as LOGIN"; $A entries list …`` as in the README."""
    before = ["--vault", str(vault_env.folder), "--as", OFFICER]
    r = vault_env.cli([*before, "entries", "list", "--register", "gifts"], PASSWORDS[OFFICER])
    assert r.code == 0, r.err
    inline = vault_env.cli(
        [f"--vault={vault_env.folder}", f"--as={OFFICER}", "users", "list"], PASSWORDS[OFFICER]
    )
    assert inline.code == 3, "an officer may not list accounts: the options reached the command"

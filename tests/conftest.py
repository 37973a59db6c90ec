"""Shared fixtures: a fixed clock, the minimum KDF parameters, a fresh vault per test, the CLI.

Building a vault costs a few Argon2 derivations even at the floor parameters, so one template
vault is made per test session and every test gets its own copy of the folder (same keys and
vault id, independent files). Each test gets its own :class:`FixedClock`, set one hour after
the template was written so that no test starts with a clock that went backwards.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from secrecy_desk import cli
from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import db
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault import vault as vault_mod
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import AdminSpec, Vault

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
UNIT = "测试保密研究所甲"
SYSADMIN, SECADMIN, AUDITOR = "zhangsys", "lisec", "wangaud"
CLERK, OFFICER = "zhaoclerk", "qianofficer"
#: The sysadmin's password holds quotes, spaces and Chinese on purpose.
PASSWORDS: dict[str, str] = {
    SYSADMIN: "He said \"保密\" 'ok' 9",
    SECADMIN: "Sec-Admin-2026",
    AUDITOR: "Aud1tor#2026x",
    CLERK: "Clerk-Pass-2026",
    OFFICER: "Officer-Pass-26",
}
NAMES: dict[str, str] = {
    SYSADMIN: "张系统",
    SECADMIN: "李安全",
    AUDITOR: "王审计",
    CLERK: "赵录入",
    OFFICER: "钱保密",
}
ROLES: dict[str, Role] = {
    SYSADMIN: Role.SYSADMIN,
    SECADMIN: Role.SECADMIN,
    AUDITOR: Role.AUDITOR,
    CLERK: Role.CLERK,
    OFFICER: Role.OFFICER,
}


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(argv: list[str], stdin: list[str], *, clock: FixedClock, lang: str = "en") -> CliResult:
    """Run ``secrecy-desk-admin`` in-process; ``stdin`` holds the password lines."""
    env = cli.Env(
        stdin=io.StringIO("".join(line + "\n" for line in stdin)),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        lang=lang,
        clock=clock,
        params=MIN_PARAMS,
    )
    code = cli.run(argv, env)
    assert isinstance(env.stdout, io.StringIO)
    assert isinstance(env.stderr, io.StringIO)
    return CliResult(code, env.stdout.getvalue(), env.stderr.getvalue())


def one_sentence(r: CliResult) -> None:
    """An error is a single line on stderr, never a traceback."""
    assert "Traceback" not in r.err
    assert "Traceback" not in r.out
    assert r.err.strip(), r
    assert "\n" not in r.err.strip(), r.err


@dataclass
class VaultEnv:
    """A fresh copy of the template vault with its clock, passwords and recovery code."""

    folder: Path
    clock: FixedClock
    recovery_code: str
    passwords: dict[str, str] = field(default_factory=lambda: dict(PASSWORDS))

    def login(self, login: str, password: str | None = None) -> Session:
        pw = self.passwords[login] if password is None else password
        return sessions.login(self.folder, login, pw, clock=self.clock)

    def cli(self, argv: list[str], *stdin: str, lang: str = "en") -> CliResult:
        return run_cli(argv, list(stdin), clock=self.clock, lang=lang)

    def cli_as(self, login: str, argv: list[str], *more: str, lang: str = "en") -> CliResult:
        """A command run as ``login`` with its current password first on standard input."""
        args = [*argv, "--vault", str(self.folder), "--as", login]
        return self.cli(args, self.passwords[login], *more, lang=lang)

    def master_key(self) -> bytes:
        """The current master key (for tests that play the attacker who holds it)."""
        s = self.login(AUDITOR)
        try:
            return s.vault.master_for_tests()
        finally:
            s.logout()

    def raw(self, master: bytes | None = None) -> db.Store:
        """The database opened through the real key, bypassing every rule (the attacker)."""
        return db.open_database(self.folder / db.DB_NAME, master or self.master_key())


@pytest.fixture(scope="session", autouse=True)
def floor_kdf() -> Iterator[None]:
    """Every slot made during the tests uses the Argon2 floor instead of calibrating."""
    saved = list(vault_mod._params_cache)
    vault_mod._params_cache[:] = [MIN_PARAMS]
    yield
    vault_mod._params_cache[:] = saved


def build_vault(folder: Path, clock: FixedClock) -> str:
    """The standard test vault: three administrators and two business users, all with their
    first password already changed. Returns the recovery code."""
    admins = [
        AdminSpec(login, NAMES[login], ROLES[login], PASSWORDS[login])
        for login in (SYSADMIN, SECADMIN, AUDITOR)
    ]
    vault, code = Vault.create(
        folder, unit=UNIT, rating=Level.SECRET, admins=admins, clock=clock, params=MIN_PARAMS
    )
    with vault.transaction() as store:
        store.execute("UPDATE accounts SET must_change = 0")
    vault.close()
    s = sessions.login(folder, SYSADMIN, PASSWORDS[SYSADMIN], clock=clock)
    try:
        for login in (CLERK, OFFICER):
            sessions.add_account(
                s,
                login_name=login,
                display_name=NAMES[login],
                password=PASSWORDS[login],
                department="保密办",
                params=MIN_PARAMS,
            )
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 0")
    finally:
        s.logout()
    s = sessions.login(folder, SECADMIN, PASSWORDS[SECADMIN], clock=clock)
    try:
        sessions.grant(s, CLERK, roles=[Role.CLERK], clearance=Level.CONFIDENTIAL)
        sessions.grant(s, OFFICER, roles=[Role.OFFICER], clearance=Level.SECRET)
    finally:
        s.logout()
    return code


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template") / "vault"
    code = build_vault(folder, FixedClock(T0))
    return folder, code


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0 + timedelta(hours=1))


@pytest.fixture
def venv(template_vault: tuple[Path, str], tmp_path: Path, clock: FixedClock) -> VaultEnv:
    """A fresh vault for this test (a copy of the session's template)."""
    src, code = template_vault
    folder = tmp_path / "vault"
    shutil.copytree(src, folder)
    return VaultEnv(folder, clock, code)

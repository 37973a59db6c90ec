"""The one test vault (测试库): three administrators and two business users on a real SQLCipher
vault, with the passwords, names and roles the tests log in with; running the CLI in-process.

Building a vault costs a few Argon2 derivations even at the floor parameters, so the test
session builds one template (``tests/conftest.py``) and every test gets its own copy of the
folder (same keys and vault id, independent files). Benchmarks and screenshot scripts build
theirs with :func:`make_vault`.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

from secrecy_desk import cli
from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.forms import Forms, load_all
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import accounts as account_admin
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


@cache
def shipped_forms() -> Forms:
    """The definitions under ``forms/``, loaded once per process."""
    return load_all()


@dataclass
class VaultEnv:
    """A vault of its own for a test: its folder, clock, passwords and recovery code."""

    folder: Path
    clock: FixedClock
    recovery_code: str
    passwords: dict[str, str] = field(default_factory=lambda: dict(PASSWORDS))

    def login(self, login: str, password: str | None = None) -> Session:
        pw = self.passwords[login] if password is None else password
        return sessions.login(self.folder, login, pw, clock=self.clock)

    @property
    def forms(self) -> Forms:
        return shipped_forms()

    def registers(self, session: Session) -> Registers:
        """The register engine for ``session``, with every module's rules."""
        return open_registers(session, self.forms)

    def cli(self, argv: list[str], *stdin: str, lang: str = "en") -> CliResult:
        return run_cli(argv, list(stdin), clock=self.clock, lang=lang)

    def cli_as(self, login: str, argv: list[str], *more: str, lang: str = "en") -> CliResult:
        """A command run as ``login`` with its current password first on standard input."""
        args = [*argv, "--vault", str(self.folder), "--as", login]
        return self.cli(args, self.passwords[login], *more, lang=lang)

    def noise(self, records: int, login: str = SECADMIN) -> None:
        """``records`` audit records written as ``login``, in one transaction (a trail, and a
        file, of some length)."""
        s = self.login(login)
        try:
            with s.operation():
                for i in range(records):
                    s.audit("test.noise", f"noise:{i}")
        finally:
            s.logout()

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
            account_admin.add_account(
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
        account_admin.grant(s, CLERK, roles=[Role.CLERK], clearance=Level.CONFIDENTIAL)
        account_admin.grant(s, OFFICER, roles=[Role.OFFICER], clearance=Level.SECRET)
    finally:
        s.logout()
    return code


def make_vault(folder: Path, clock: FixedClock | None = None) -> VaultEnv:
    """A new standard vault in ``folder`` (outside pytest: benchmarks, screenshot scripts),
    its slots at the Argon2 floor. The clock starts one hour after it was written."""
    clock = clock or FixedClock(T0)
    saved = list(vault_mod._params_cache)
    vault_mod._params_cache[:] = [MIN_PARAMS]
    try:
        code = build_vault(folder, clock)
    finally:
        vault_mod._params_cache[:] = saved
    return VaultEnv(folder, FixedClock(clock.now() + timedelta(hours=1)), code)


def copy_vault(template: Path, code: str, folder: Path, clock: FixedClock) -> VaultEnv:
    """A copy of a template vault's folder, as a vault of its own."""
    shutil.copytree(template, folder)
    return VaultEnv(folder, clock, code)


def undo_step_15(store: db.Store) -> None:
    """Give a vault the shape it had before schema step 15: no combination counts, none of
    their triggers (a vault without them already is left as it is)."""
    for (name,) in store.all(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'entry_dims' "
        "AND name LIKE 'dc\\_%' ESCAPE '\\'"
    ):
        store.execute(f'DROP TRIGGER "{name}"')
    store.execute("DROP TABLE IF EXISTS entry_dim_counts")


def undo_step_14(store: db.Store) -> None:
    """Give a vault the shape it had before schema step 14: no statistics table, none of its
    triggers, nor the later step 15 (for the upgrade tests of earlier steps, which run them
    again)."""
    undo_step_15(store)
    for (name,) in store.all(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'entries' "
        "AND name LIKE 'dm\\_%' ESCAPE '\\'"
    ):
        store.execute(f'DROP TRIGGER "{name}"')
    store.execute("DROP TABLE entry_dims")

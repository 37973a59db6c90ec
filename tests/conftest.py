"""Shared fixtures: a fixed clock, the minimum KDF parameters, a fresh vault per test, the
register engine logged in as the officer or the clerk, and the form definitions.

The standard vault (:mod:`tests.support.vault`) is rated 机密 (SECRET); the officer is cleared
for 机密, the clerk for 秘密 only, so the clerk is the account that must not see 机密 entries.
Each test gets its own :class:`FixedClock`, set one hour after the template was written so that
no test starts with a clock that went backwards.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from secrecy_desk.core import guard, media
from secrecy_desk.core.clock import FixedClock
from secrecy_desk.forms import FORMS_ROOT, Forms, load_all
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault import anchor
from secrecy_desk.vault import vault as vault_mod
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from tests.support.data import ALLTYPES_TOML
from tests.support.vault import (
    CLERK,
    OFFICER,
    T0,
    VaultEnv,
    build_vault,
    copy_vault,
    shipped_forms,
)


def pytest_configure(config: pytest.Config) -> None:
    """Exports are refused on memory filesystems (a rule, not a test convenience). Where the
    system's temporary folder is a tmpfs, the tests' temporary folders go on the disk of the
    work tree instead, so the rule is tested as it stands rather than weakened for tests."""
    if config.option.basetemp:
        return
    if media.refusal(Path(tempfile.gettempdir()) / "probe") == "memory":
        config.option.basetemp = str(Path(__file__).resolve().parent.parent / ".pytest-tmp")


@pytest.fixture(scope="session", autouse=True)
def floor_kdf() -> Iterator[None]:
    """Every slot made during the tests uses the Argon2 floor instead of calibrating."""
    saved = list(vault_mod._params_cache)
    vault_mod._params_cache[:] = [MIN_PARAMS]
    yield
    vault_mod._params_cache[:] = saved


@pytest.fixture(scope="session", autouse=True)
def anchor_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Rollback anchors of the template vaults built once per session (never the system
    folder: tests must not leave state outside their temporary folders)."""
    folder = tmp_path_factory.mktemp("anchor-templates")
    saved = os.environ.get(anchor.ENV_DIR)
    os.environ[anchor.ENV_DIR] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop(anchor.ENV_DIR, None)
    else:
        os.environ[anchor.ENV_DIR] = saved


@pytest.fixture(autouse=True)
def anchor_dir(anchor_templates: Path, tmp_path: Path) -> Iterator[Path]:
    """Each test has its own anchor folder, holding the templates' anchors: a copy of a
    template vault then starts where the template stood, like the vault it copies."""
    folder = tmp_path / "anchors"
    shutil.copytree(anchor_templates, folder)
    os.environ[anchor.ENV_DIR] = str(folder)
    yield folder
    os.environ[anchor.ENV_DIR] = str(anchor_templates)


@pytest.fixture(autouse=True)
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's log file (tracebacks of the unforeseen) goes into the test's folder."""
    folder = tmp_path / "log"
    monkeypatch.setenv(guard.ENV_DIR, str(folder))
    return folder


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template") / "vault"
    code = build_vault(folder, FixedClock(T0))
    return folder, code


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0 + timedelta(hours=1))


@pytest.fixture
def vault_env(template_vault: tuple[Path, str], tmp_path: Path, clock: FixedClock) -> VaultEnv:
    """A fresh vault for this test (a copy of the session's template)."""
    src, code = template_vault
    return copy_vault(src, code, tmp_path / "vault", clock)


@pytest.fixture(scope="session")
def forms() -> Forms:
    return shipped_forms()


@pytest.fixture(scope="session")
def alltypes_forms(tmp_path_factory: pytest.TempPathFactory) -> Forms:
    """The real definitions plus ``alltypes``."""
    root = tmp_path_factory.mktemp("forms")
    shutil.copytree(FORMS_ROOT, root, dirs_exist_ok=True)
    (root / "registers" / "alltypes.toml").write_text(ALLTYPES_TOML, encoding="utf-8")
    return load_all(root)


def _session(vault_env: VaultEnv, login: str) -> Iterator[Session]:
    s = vault_env.login(login)
    try:
        yield s
    finally:
        s.logout()


@pytest.fixture
def officer(vault_env: VaultEnv) -> Iterator[Session]:
    """The secrecy officer (clearance 机密, may void and export), logged in."""
    yield from _session(vault_env, OFFICER)


@pytest.fixture
def regs(officer: Session, vault_env: VaultEnv) -> Registers:
    return vault_env.registers(officer)


@pytest.fixture
def clerk(vault_env: VaultEnv) -> Iterator[Session]:
    """The clerk (clearance 秘密, no void or export), logged in."""
    yield from _session(vault_env, CLERK)


@pytest.fixture
def clerk_regs(clerk: Session, vault_env: VaultEnv) -> Registers:
    return vault_env.registers(clerk)

"""The demo vault: a fictitious unit with one account per role and a few hundred sample entries
in the registers (see :mod:`secrecy_desk.demo.data`), so a newcomer can try every screen.
Passwords are printed on purpose."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from secrecy_desk.core.clock import Clock, SystemClock
from secrecy_desk.core.errors import VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.vault import AdminSpec, Vault, is_vault

DEMO_UNIT: Final = "示范研究所（演示数据）"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    login: str
    name: str
    password: str
    role: Role
    clearance: Level = Level.INTERNAL
    department: str = ""

    def role_label(self, lang: str) -> str:
        return self.role.label(lang)


ADMINS: Final = (
    DemoAccount("sysadm", "系统管理员", "Demo-Sys-2026", Role.SYSADMIN),
    DemoAccount("secadm", "安全保密管理员", "Demo-Sec-2026", Role.SECADMIN),
    DemoAccount("auditor", "安全审计员", "Demo-Aud-2026", Role.AUDITOR),
)
USERS: Final = (
    DemoAccount("wangfang", "王芳", "Demo-Clerk-2026", Role.CLERK, Level.SECRET, "保密办"),
    DemoAccount("liming", "李明", "Demo-Officer-2026", Role.OFFICER, Level.SECRET, "保密办"),
    DemoAccount("zhaolei", "赵磊", "Demo-Approve-2026", Role.APPROVER, Level.SECRET, "所领导"),
    # The head of the clerk's department (an approver of 保密办 decides the "department head"
    # steps) and a second leader, so that every approval type can be taken to its end.
    DemoAccount("sunli", "孙丽", "Demo-Head-2026", Role.APPROVER, Level.SECRET, "保密办"),
    DemoAccount("zhoujun", "周军", "Demo-Leader-2026", Role.APPROVER, Level.SECRET, "所领导"),
)


def create_demo(
    folder: Path, *, clock: Clock | None = None, params: Argon2Params | None = None
) -> tuple[DemoAccount, ...]:
    """Create the demo vault in ``folder`` (which must not hold a vault yet).

    It is built in a hidden sibling folder and moved into place only when complete, so an
    interrupted or failed build never leaves a half-filled demo behind."""
    if is_vault(folder):
        raise VaultError(
            QT_TRANSLATE_NOOP("Errors", "{path} already holds a vault; nothing was overwritten."),
            path=str(folder),
        )
    building = folder.with_name(f".{folder.name}.creating")
    shutil.rmtree(building, ignore_errors=True)
    try:
        accounts = _build_demo(building, clock=clock or SystemClock(), params=params)
        if folder.exists():
            folder.rmdir()  # an empty folder only (is_vault said there is no vault in it)
        os.replace(building, folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return accounts


def _build_demo(
    folder: Path, *, clock: Clock, params: Argon2Params | None
) -> tuple[DemoAccount, ...]:
    vault, _code = Vault.create(
        folder,
        unit=DEMO_UNIT,
        rating=Level.SECRET,
        admins=[AdminSpec(a.login, a.name, a.role, a.password) for a in ADMINS],
        clock=clock,
        params=params,
    )
    with vault.transaction() as store:
        # Ready to use while the demo is built; forced to change again at the end.
        store.execute("UPDATE accounts SET must_change = 0")
    vault.close()
    sysadm, secadm = ADMINS[0], ADMINS[1]
    s = sessions.login(folder, sysadm.login, sysadm.password, clock=clock)
    try:
        for u in USERS:
            account_admin.add_account(
                s,
                login_name=u.login,
                display_name=u.name,
                password=u.password,
                department=u.department,
                params=params,
            )
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 0")
    finally:
        s.logout()
    s = sessions.login(folder, secadm.login, secadm.password, clock=clock)
    try:
        for u in USERS:
            account_admin.grant(s, u.login, roles=[u.role], clearance=u.clearance)
    finally:
        s.logout()
    from secrecy_desk.demo import data as demo_data  # noqa: PLC0415 - sample data only when a demo is made
    from secrecy_desk.forms import load_all  # noqa: PLC0415 - as above
    from secrecy_desk.modules.approvals.engine import Approvals, Decision  # noqa: PLC0415

    officer = next(u for u in USERS if u.login == "liming")
    s = sessions.login(folder, officer.login, officer.password, clock=clock)
    try:
        demo_data.fill_registers(s)
        demo_data.fill_commitments(s)
        copy_request = demo_data.fill_carriers(s)
    finally:
        s.logout()
    approver = next(u for u in USERS if u.role is Role.APPROVER)
    s = sessions.login(folder, approver.login, approver.password, clock=clock)
    try:
        Approvals(s, load_all()).decide(
            copy_request, Decision.APPROVE, "同意复制", password=approver.password,
            expected_revision=1,
        )  # fmt: skip
    finally:
        s.logout()
    s = sessions.login(folder, officer.login, officer.password, clock=clock)
    try:
        demo_data.fill_carrier_copies(s, copy_request)
    finally:
        s.logout()
    clerk = next(u for u in USERS if u.login == "wangfang")
    s = sessions.login(folder, clerk.login, clerk.password, clock=clock)
    try:
        demo_data.fill_approvals(s, leader=approver.login)
        office_requests = demo_data.file_office_requests(s, leader=approver.login)
    finally:
        s.logout()
    s = sessions.login(folder, officer.login, officer.password, clock=clock)
    try:
        demo_data.fill_office(s, office_requests)
    finally:
        s.logout()
    s = sessions.login(folder, officer.login, officer.password, clock=clock)
    try:
        demo_data.decide_on_paper(s)
    finally:
        s.logout()
    s = sessions.login(folder, approver.login, approver.password, clock=clock)
    try:
        demo_data.decide_in_program(s, approver.password)
    finally:
        s.logout()
    # The demo's passwords are published (README, login screen): like any account's initial
    # password, each must be changed at its first login.
    s = sessions.login(folder, sysadm.login, sysadm.password, clock=clock)
    try:
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 1")
            s.audit("account.must_change", "accounts", details={"reason": "published demo"})
    finally:
        s.logout()
    return ADMINS + USERS

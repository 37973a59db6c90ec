"""Accounts for the approval tests: a department head and two leaders (approver role)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.forms import load_all
from secrecy_desk.modules.approvals.engine import Approvals
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.vault import CLERK, OFFICER, SECADMIN, SYSADMIN, VaultEnv

#: The clerk (保密办) is the applicant; HEAD heads 保密办; LEADER and GM are leaders elsewhere.
HEAD, LEADER, GM = "sunhead", "zhouleader", "wugm"
APPROVERS: dict[str, tuple[str, str, str]] = {
    HEAD: ("孙主任", "保密办", "Head-Pass-2026"),
    LEADER: ("周领导", "总经办", "Leader-Pass-26"),
    GM: ("吴总经理", "总经办", "Gm-Pass-2026x"),
}
FORMS = load_all()

__all__ = ["CLERK", "GM", "HEAD", "LEADER", "OFFICER", "add_approvers", "approvals_as"]


def add_approvers(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        for login, (name, dept, pw) in APPROVERS.items():
            account_admin.add_account(
                s,
                login_name=login,
                display_name=name,
                password=pw,
                department=dept,
                params=MIN_PARAMS,
            )
            vault_env.passwords[login] = pw
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 0")
    finally:
        s.logout()
    s = vault_env.login(SECADMIN)
    try:
        for login in APPROVERS:
            account_admin.grant(s, login, roles=[Role.APPROVER], clearance=Level.SECRET)
    finally:
        s.logout()


@contextmanager
def approvals_as(vault_env: VaultEnv, login: str) -> Iterator[Approvals]:
    s = vault_env.login(login)
    try:
        yield Approvals(s, FORMS)
    finally:
        s.logout()

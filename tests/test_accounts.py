"""Accounts, passwords, lockout and the three-administrator rule (三员分立), through the core."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from secrecy_desk.core.errors import AuthError, PermissionDenied, ValidationError, VaultError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import (
    POLICY_FLOOR,
    Action,
    PasswordPolicy,
    Permission,
    Role,
    check_password,
    tighten,
)
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.audit_review import AuditFilter, list_records
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.vault import AUDITOR, CLERK, OFFICER, SECADMIN, SYSADMIN, VaultEnv

# --- passwords and login ------------------------------------------------------------------


def test_wrong_password_and_unknown_account_read_the_same(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError) as wrong:
        vault_env.login(CLERK, "Not-The-Password-1")
    with pytest.raises(AuthError) as unknown:
        vault_env.login("nobody", "Not-The-Password-1")
    assert wrong.value.message("en") == unknown.value.message("en")
    assert wrong.value.message("en") == "Wrong account name or password."
    assert wrong.value.exit_code == 3


def test_password_with_quotes_spaces_and_chinese_creates_logs_in_and_changes(
    vault_env: VaultEnv,
) -> None:
    # The template's sysadmin was created with such a password; it logs in.
    old = vault_env.passwords[SYSADMIN]
    assert '"' in old
    assert "'" in old
    assert " " in old
    assert "保密" in old
    s = vault_env.login(SYSADMIN)
    new = "新密码 \"双引号\" 'single' 7Q"
    try:
        sessions.change_password(s, old, new, params=MIN_PARAMS)
    finally:
        s.logout()
    with pytest.raises(AuthError):
        vault_env.login(SYSADMIN, old)
    vault_env.login(SYSADMIN, new).logout()


def test_five_failures_lock_the_account_until_the_secadmin_unlocks(vault_env: VaultEnv) -> None:
    for _ in range(5):
        with pytest.raises(AuthError, match="Wrong account"):
            vault_env.login(CLERK, "Wrong-Pass-2026")
    # The failures were journaled while the vault was closed; counted at this login, which is
    # refused although the password is right.
    with pytest.raises(AuthError, match="locked") as locked:
        vault_env.login(CLERK)
    assert locked.value.exit_code == 3
    assert not (vault_env.folder / "failures.journal").exists()

    sec = vault_env.login(SECADMIN)
    try:
        account_admin.unlock_account(sec, CLERK)
    finally:
        sec.logout()
    vault_env.login(CLERK).logout()

    aud = vault_env.login(AUDITOR)
    try:
        recs = list_records(aud, AuditFilter(account=CLERK))
    finally:
        aud.logout()
    failed = [r for r in recs if r.action == "login.failed"]
    assert len(failed) == 5
    assert all(r.role == "clerk" and r.outcome == "fail" for r in failed)
    assert [r.details_dict()["failures"] for r in failed] == [1, 2, 3, 4, 5]
    actions = [r.action for r in recs]
    assert "account.lockout" in actions
    assert actions.index("account.lockout") < actions.index("login.refused")
    refused = next(r for r in recs if r.action == "login.refused")
    assert refused.details_dict()["reason"] == "locked"


def test_failures_are_consecutive_a_good_login_resets_them(vault_env: VaultEnv) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            vault_env.login(CLERK, "Wrong-Pass-2026")
    vault_env.login(CLERK).logout()  # counts the four, then resets
    for _ in range(4):
        with pytest.raises(AuthError):
            vault_env.login(CLERK, "Wrong-Pass-2026")
    s = vault_env.login(CLERK)
    assert not s.account.locked
    s.logout()


def test_unknown_account_failures_are_recorded(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError):
        vault_env.login("ghost01", "Whatever-2026")
    aud = vault_env.login(AUDITOR)
    try:
        recs = list_records(aud, AuditFilter(action="login.failed"))
    finally:
        aud.logout()
    assert [r.account for r in recs] == ["ghost01"]
    assert recs[0].details_dict()["reason"] == "unknown account"


def test_expired_password_forces_a_change(vault_env: VaultEnv) -> None:
    s = vault_env.login(CLERK)
    assert not s.must_change
    s.logout()
    vault_env.clock.advance(timedelta(days=7, minutes=1))  # 机密 rating: change every 7 days
    s = vault_env.login(CLERK)
    try:
        assert s.must_change
        with pytest.raises(AuthError, match="must be changed"):
            s.require_active_password()
        sessions.change_password(
            s, vault_env.passwords[CLERK], "Fresh-Pass-2026", params=MIN_PARAMS
        )
        assert not s.must_change
    finally:
        s.logout()
    s = vault_env.login(CLERK, "Fresh-Pass-2026")
    assert not s.must_change
    s.logout()


def test_no_reuse_of_the_last_five_passwords(vault_env: VaultEnv) -> None:
    s = vault_env.login(CLERK)
    try:
        old = vault_env.passwords[CLERK]
        aid = s.account.id
        with pytest.raises(ValidationError, match="last 5"):
            sessions.change_password(s, old, old, params=MIN_PARAMS)
        # Four newer passwords on record: with the current one, the last five.
        with s.operation():
            for i in range(1, 5):
                vault_env.clock.advance(timedelta(minutes=1))
                s.vault.record_password(aid, f"History-{i}-Pw")
        with pytest.raises(ValidationError, match="last 5"):
            sessions.change_password(s, old, "History-1-Pw", params=MIN_PARAMS)
        assert s.vault.password_reused(aid, old, 5)
        vault_env.clock.advance(timedelta(minutes=1))
        with s.operation():
            s.vault.record_password(aid, "History-5-Pw")
        # The original is now the sixth newest: no longer in the window; the fifth still is.
        assert not s.vault.password_reused(aid, old, 5)
        assert s.vault.password_reused(aid, "History-1-Pw", 5)
        sessions.change_password(s, old, "Brand-New-2026", params=MIN_PARAMS)
    finally:
        s.logout()


def test_password_policy_rules() -> None:
    confidential, secret = POLICY_FLOOR[Level.CONFIDENTIAL], POLICY_FLOOR[Level.SECRET]
    check_password(confidential, "Abcdef1!", "user1")  # 8 is enough for 秘密
    with pytest.raises(ValidationError, match="at least 10"):
        check_password(secret, "Abcdef1!x", "user1")
    check_password(secret, "Abcdef1!xy", "user1")
    with pytest.raises(ValidationError, match="at least 8"):
        check_password(confidential, "Abcde1!", "user1")
    with pytest.raises(ValidationError, match="3 of"):
        check_password(secret, "abcdefghij12", "user1")  # two classes
    check_password(secret, "abcdefghij12!", "user1")  # three classes
    check_password(secret, "保密工作abcdef12", "user1")  # Chinese counts as "other"
    with pytest.raises(ValidationError, match="account name"):
        check_password(secret, "Xuser1-2026!", "USER1")
    assert confidential.max_age_days == 30
    assert secret.max_age_days == 7
    assert secret.history == 5
    assert secret.max_failures == 5


def test_policy_can_tighten_but_never_loosen() -> None:
    floor = POLICY_FLOOR[Level.SECRET]
    stricter = PasswordPolicy(min_length=14, max_age_days=5, min_classes=4, history=8)
    assert tighten(Level.SECRET, stricter) == stricter
    for looser in (
        PasswordPolicy(min_length=9, max_age_days=7),
        PasswordPolicy(min_length=10, max_age_days=8),
        PasswordPolicy(min_length=10, max_age_days=7, min_classes=2),
        PasswordPolicy(min_length=10, max_age_days=7, history=4),
        PasswordPolicy(min_length=10, max_age_days=7, max_failures=6),
        PasswordPolicy(min_length=10, max_age_days=7, idle_lock_minutes=11),
    ):
        with pytest.raises(ValidationError, match="stricter"):
            tighten(Level.SECRET, looser)
    assert tighten(Level.SECRET, floor) == floor


def test_set_policy_tightens_and_is_enforced(vault_env: VaultEnv) -> None:
    sec = vault_env.login(SECADMIN)
    try:
        with pytest.raises(ValidationError):
            account_admin.set_policy(sec, PasswordPolicy(min_length=8, max_age_days=30))
        account_admin.set_policy(sec, PasswordPolicy(min_length=16, max_age_days=7))
    finally:
        sec.logout()
    s = vault_env.login(CLERK)
    try:
        with pytest.raises(ValidationError, match="at least 16"):
            sessions.change_password(
                s, vault_env.passwords[CLERK], "Longer-2026-x", params=MIN_PARAMS
            )
    finally:
        s.logout()
    sys_ = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(PermissionDenied):
            account_admin.set_policy(sys_, PasswordPolicy(min_length=20, max_age_days=7))
    finally:
        sys_.logout()


# --- roles and separation of duties -------------------------------------------------------


def test_sysadmin_adds_and_disables_but_cannot_grant_or_unlock(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        acc = account_admin.add_account(
            s, login_name="sunnew", display_name="孙新", password="Sun-New-2026", params=MIN_PARAMS
        )
        assert acc.roles == frozenset()
        assert acc.must_change
        assert acc.active
        with pytest.raises(PermissionDenied):
            account_admin.grant(s, "sunnew", roles=[Role.CLERK])
        with pytest.raises(PermissionDenied):
            account_admin.unlock_account(s, CLERK)
        with pytest.raises(ValidationError, match="already taken"):
            account_admin.add_account(
                s, login_name="SunNew", display_name="x", password="Sun-New-2026x"
            )
        with pytest.raises(ValidationError, match="administrator account cannot be disabled"):
            account_admin.disable_account(s, SECADMIN, "left")
    finally:
        s.logout()


def test_secadmin_grants_and_unlocks_but_cannot_add_or_disable(vault_env: VaultEnv) -> None:
    s = vault_env.login(SECADMIN)
    try:
        with pytest.raises(PermissionDenied):
            account_admin.add_account(
                s, login_name="zhounew", display_name="周", password="Zhou-2026-x"
            )
        with pytest.raises(PermissionDenied):
            account_admin.disable_account(s, CLERK, "left")
        acc = account_admin.grant(
            s,
            CLERK,
            roles=[Role.APPROVER],
            permissions=[Permission("gifts", Action.VOID)],
        )
        assert acc.roles == {Role.CLERK, Role.APPROVER}
        perms = s.vault.permissions(acc.id)
        assert Permission("*", Action.APPROVE) in perms
        assert Permission("gifts", Action.VOID) in perms
        acc = account_admin.revoke(s, CLERK, roles=[Role.APPROVER])
        assert acc.roles == {Role.CLERK}
        perms = s.vault.permissions(acc.id)
        assert Permission("*", Action.APPROVE) not in perms
        assert Permission("*", Action.CREATE) in perms  # still a clerk's
        account_admin.unlock_account(s, CLERK)
    finally:
        s.logout()


def test_auditor_and_business_users_cannot_manage_accounts(vault_env: VaultEnv) -> None:
    for login in (AUDITOR, OFFICER):
        s = vault_env.login(login)
        try:
            with pytest.raises(PermissionDenied):
                account_admin.add_account(
                    s, login_name="wunew", display_name="吴", password="Wu-New-2026"
                )
            with pytest.raises(PermissionDenied):
                account_admin.grant(s, CLERK, clearance=Level.SECRET)
            with pytest.raises(PermissionDenied):
                account_admin.disable_account(s, CLERK, "left")
            with pytest.raises(PermissionDenied):
                account_admin.unlock_account(s, CLERK)
            with pytest.raises(PermissionDenied):
                account_admin.reset_password(s, CLERK, "Reset-Pass-2026")
        finally:
            s.logout()
    s = vault_env.login(OFFICER)
    try:
        with pytest.raises(PermissionDenied):
            account_admin.list_accounts(s)
    finally:
        s.logout()
    s = vault_env.login(AUDITOR)
    try:
        assert {a.login for a in account_admin.list_accounts(s)} >= {CLERK, OFFICER, SYSADMIN}
    finally:
        s.logout()


def test_admin_roles_cannot_be_granted_or_combined_and_clearance_stays_under_rating(
    vault_env: VaultEnv,
) -> None:
    s = vault_env.login(SECADMIN)
    try:
        with pytest.raises(ValidationError, match="business roles"):
            account_admin.grant(s, CLERK, roles=[Role.SYSADMIN])
        with pytest.raises(ValidationError, match="三员分立"):
            account_admin.grant(s, AUDITOR, roles=[Role.CLERK])
        with pytest.raises(ValidationError, match="三员分立"):
            account_admin.grant(s, SYSADMIN, permissions=[Permission("*", Action.VIEW)])
        with pytest.raises(ValidationError, match="fixed at setup"):
            account_admin.revoke(s, AUDITOR, roles=[Role.AUDITOR])
        with pytest.raises(ValidationError, match="rating"):
            account_admin.grant(s, CLERK, clearance=Level.TOP_SECRET)
        acc = account_admin.grant(s, CLERK, clearance=Level.SECRET)
        assert acc.clearance is Level.SECRET
    finally:
        s.logout()
    aud = vault_env.login(AUDITOR)
    try:
        roles = {a.login: a.roles for a in account_admin.list_accounts(aud)}
    finally:
        aud.logout()
    assert roles[AUDITOR] == {Role.AUDITOR}
    assert roles[SYSADMIN] == {Role.SYSADMIN}


def test_new_account_without_roles_can_log_in_and_change_its_password(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.add_account(
            s, login_name="sunnew", display_name="孙新", password="Sun-New-2026", params=MIN_PARAMS
        )
    finally:
        s.logout()
    u = vault_env.login("sunnew", "Sun-New-2026")
    try:
        assert u.must_change
        sessions.change_password(u, "Sun-New-2026", "Sun-Changed-2026", params=MIN_PARAMS)
    finally:
        u.logout()
    vault_env.login("sunnew", "Sun-Changed-2026").logout()


def test_disabling_rotates_the_master_key(vault_env: VaultEnv, tmp_path: Path) -> None:
    old_key = (vault_env.folder / keyfile.KEYFILE_NAME).read_bytes()
    old_master = vault_env.master_key()
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.disable_account(s, CLERK, "left the unit")
        new_master = s.vault.master_for_tests()
    finally:
        s.logout()
    assert new_master != old_master
    # A disabled account cannot log in (its slot is gone).
    with pytest.raises(AuthError):
        vault_env.login(CLERK)
    # Every remaining account still opens, without anyone re-entering another's password.
    for login in (SYSADMIN, SECADMIN, AUDITOR, OFFICER):
        vault_env.login(login).logout()
    aud = vault_env.login(AUDITOR)
    try:
        clerk = next(a for a in account_admin.list_accounts(aud) if a.login == CLERK)
        assert not clerk.active
        assert clerk.disabled_at is not None
        actions = [r.action for r in list_records(aud, AuditFilter())]
    finally:
        aud.logout()
    assert "account.disable" in actions
    assert "vault.rekey" in actions
    assert b"sealed_next" not in (vault_env.folder / keyfile.KEYFILE_NAME).read_bytes()
    # An old copy of the key file no longer opens the current database — even for the
    # disabled clerk with the right password.
    stale = tmp_path / "stale"
    shutil.copytree(vault_env.folder, stale)
    (stale / keyfile.KEYFILE_NAME).write_bytes(old_key)
    with pytest.raises(VaultError, match="not a Secrecy Desk vault database"):
        sessions.login(stale, CLERK, vault_env.passwords[CLERK], clock=vault_env.clock)
    with pytest.raises(VaultError):
        sessions.login(stale, OFFICER, vault_env.passwords[OFFICER], clock=vault_env.clock)
    # The recovery slot was resealed too.
    sessions.recover(
        vault_env.folder,
        vault_env.recovery_code,
        OFFICER,
        "Recovered-2026",
        clock=vault_env.clock,
        params=MIN_PARAMS,
    )
    s = vault_env.login(OFFICER, "Recovered-2026")
    assert s.must_change
    s.logout()


def test_recovery_code_resets_a_password_and_forces_a_change(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError, match="recovery code"):
        sessions.recover(
            vault_env.folder, "AAAA-BBBB-CCCC", SECADMIN, "Sec-Recovered-26", clock=vault_env.clock
        )
    # The code is accepted in lower case and without dashes.
    code = vault_env.recovery_code.replace("-", "").lower()
    sessions.recover(vault_env.folder, code, SECADMIN, "Sec-Recovered-26", clock=vault_env.clock)
    with pytest.raises(AuthError):
        vault_env.login(SECADMIN)
    s = vault_env.login(SECADMIN, "Sec-Recovered-26")
    try:
        assert s.must_change
        with pytest.raises(AuthError, match="must be changed"):
            account_admin.unlock_account(s, CLERK)
    finally:
        s.logout()


def test_sysadmin_resets_a_business_password(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.reset_password(s, OFFICER, "Reset-Pass-2026", params=MIN_PARAMS)
        with pytest.raises(PermissionDenied, match="recovery code"):
            account_admin.reset_password(s, AUDITOR, "Reset-Pass-2026", params=MIN_PARAMS)
    finally:
        s.logout()
    with pytest.raises(AuthError):
        vault_env.login(OFFICER)
    s = vault_env.login(OFFICER, "Reset-Pass-2026")
    try:
        assert s.must_change
        assert s.account.roles == {Role.OFFICER}  # the reset keeps roles and clearance
        assert s.account.clearance is Level.SECRET
    finally:
        s.logout()


def test_disabled_account_cannot_be_reset_or_disabled_twice(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.disable_account(s, OFFICER, "left")
        with pytest.raises(ValidationError, match="already disabled"):
            account_admin.disable_account(s, OFFICER, "again")
        with pytest.raises(ValidationError, match="disabled"):
            account_admin.reset_password(s, OFFICER, "Reset-Pass-2026", params=MIN_PARAMS)
    finally:
        s.logout()

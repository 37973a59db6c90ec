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
from secrecy_desk.vault import keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.auditing import AuditFilter, list_records
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.conftest import AUDITOR, CLERK, OFFICER, SECADMIN, SYSADMIN, VaultEnv

# --- passwords and login ------------------------------------------------------------------


def test_wrong_password_and_unknown_account_read_the_same(venv: VaultEnv) -> None:
    with pytest.raises(AuthError) as wrong:
        venv.login(CLERK, "Not-The-Password-1")
    with pytest.raises(AuthError) as unknown:
        venv.login("nobody", "Not-The-Password-1")
    assert wrong.value.message("en") == unknown.value.message("en")
    assert wrong.value.message("en") == "Wrong account name or password."
    assert wrong.value.exit_code == 3


def test_password_with_quotes_spaces_and_chinese_creates_logs_in_and_changes(
    venv: VaultEnv,
) -> None:
    # The template's sysadmin was created with such a password; it logs in.
    old = venv.passwords[SYSADMIN]
    assert '"' in old
    assert "'" in old
    assert " " in old
    assert "保密" in old
    s = venv.login(SYSADMIN)
    new = "新密码 \"双引号\" 'single' 7Q"
    try:
        sessions.change_password(s, old, new, params=MIN_PARAMS)
    finally:
        s.logout()
    with pytest.raises(AuthError):
        venv.login(SYSADMIN, old)
    venv.login(SYSADMIN, new).logout()


def test_five_failures_lock_the_account_until_the_secadmin_unlocks(venv: VaultEnv) -> None:
    for _ in range(5):
        with pytest.raises(AuthError, match="Wrong account"):
            venv.login(CLERK, "Wrong-Pass-2026")
    # The failures were journaled while the vault was closed; counted at this login, which is
    # refused although the password is right.
    with pytest.raises(AuthError, match="locked") as locked:
        venv.login(CLERK)
    assert locked.value.exit_code == 3
    assert not (venv.folder / "failures.journal").exists()

    sec = venv.login(SECADMIN)
    try:
        sessions.unlock_account(sec, CLERK)
    finally:
        sec.logout()
    venv.login(CLERK).logout()

    aud = venv.login(AUDITOR)
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


def test_failures_are_consecutive_a_good_login_resets_them(venv: VaultEnv) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            venv.login(CLERK, "Wrong-Pass-2026")
    venv.login(CLERK).logout()  # counts the four, then resets
    for _ in range(4):
        with pytest.raises(AuthError):
            venv.login(CLERK, "Wrong-Pass-2026")
    s = venv.login(CLERK)
    assert not s.account.locked
    s.logout()


def test_unknown_account_failures_are_recorded(venv: VaultEnv) -> None:
    with pytest.raises(AuthError):
        venv.login("ghost01", "Whatever-2026")
    aud = venv.login(AUDITOR)
    try:
        recs = list_records(aud, AuditFilter(action="login.failed"))
    finally:
        aud.logout()
    assert [r.account for r in recs] == ["ghost01"]
    assert recs[0].details_dict()["reason"] == "unknown account"


def test_expired_password_forces_a_change(venv: VaultEnv) -> None:
    s = venv.login(CLERK)
    assert not s.must_change
    s.logout()
    venv.clock.advance(timedelta(days=7, minutes=1))  # 机密 rating: change every 7 days
    s = venv.login(CLERK)
    try:
        assert s.must_change
        with pytest.raises(AuthError, match="must be changed"):
            s.require_active_password()
        sessions.change_password(s, venv.passwords[CLERK], "Fresh-Pass-2026", params=MIN_PARAMS)
        assert not s.must_change
    finally:
        s.logout()
    s = venv.login(CLERK, "Fresh-Pass-2026")
    assert not s.must_change
    s.logout()


def test_no_reuse_of_the_last_five_passwords(venv: VaultEnv) -> None:
    s = venv.login(CLERK)
    try:
        old = venv.passwords[CLERK]
        aid = s.account.id
        with pytest.raises(ValidationError, match="last 5"):
            sessions.change_password(s, old, old, params=MIN_PARAMS)
        # Four newer passwords on record: with the current one, the last five.
        with s.operation():
            for i in range(1, 5):
                venv.clock.advance(timedelta(minutes=1))
                s.vault.record_password(aid, f"History-{i}-Pw")
        with pytest.raises(ValidationError, match="last 5"):
            sessions.change_password(s, old, "History-1-Pw", params=MIN_PARAMS)
        assert s.vault.password_reused(aid, old, 5)
        venv.clock.advance(timedelta(minutes=1))
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


def test_set_policy_tightens_and_is_enforced(venv: VaultEnv) -> None:
    sec = venv.login(SECADMIN)
    try:
        with pytest.raises(ValidationError):
            sessions.set_policy(sec, PasswordPolicy(min_length=8, max_age_days=30))
        sessions.set_policy(sec, PasswordPolicy(min_length=16, max_age_days=7))
    finally:
        sec.logout()
    s = venv.login(CLERK)
    try:
        with pytest.raises(ValidationError, match="at least 16"):
            sessions.change_password(s, venv.passwords[CLERK], "Longer-2026-x", params=MIN_PARAMS)
    finally:
        s.logout()
    sys_ = venv.login(SYSADMIN)
    try:
        with pytest.raises(PermissionDenied):
            sessions.set_policy(sys_, PasswordPolicy(min_length=20, max_age_days=7))
    finally:
        sys_.logout()


# --- roles and separation of duties -------------------------------------------------------


def test_sysadmin_adds_and_disables_but_cannot_grant_or_unlock(venv: VaultEnv) -> None:
    s = venv.login(SYSADMIN)
    try:
        acc = sessions.add_account(
            s, login_name="sunnew", display_name="孙新", password="Sun-New-2026", params=MIN_PARAMS
        )
        assert acc.roles == frozenset()
        assert acc.must_change
        assert acc.active
        with pytest.raises(PermissionDenied):
            sessions.grant(s, "sunnew", roles=[Role.CLERK])
        with pytest.raises(PermissionDenied):
            sessions.unlock_account(s, CLERK)
        with pytest.raises(ValidationError, match="already taken"):
            sessions.add_account(s, login_name="SunNew", display_name="x", password="Sun-New-2026x")
        with pytest.raises(ValidationError, match="administrator account cannot be disabled"):
            sessions.disable_account(s, SECADMIN, "left")
    finally:
        s.logout()


def test_secadmin_grants_and_unlocks_but_cannot_add_or_disable(venv: VaultEnv) -> None:
    s = venv.login(SECADMIN)
    try:
        with pytest.raises(PermissionDenied):
            sessions.add_account(s, login_name="zhounew", display_name="周", password="Zhou-2026-x")
        with pytest.raises(PermissionDenied):
            sessions.disable_account(s, CLERK, "left")
        acc = sessions.grant(
            s,
            CLERK,
            roles=[Role.APPROVER],
            permissions=[Permission("gifts", Action.VOID)],
        )
        assert acc.roles == {Role.CLERK, Role.APPROVER}
        perms = s.vault.permissions(acc.id)
        assert Permission("*", Action.APPROVE) in perms
        assert Permission("gifts", Action.VOID) in perms
        acc = sessions.revoke(s, CLERK, roles=[Role.APPROVER])
        assert acc.roles == {Role.CLERK}
        perms = s.vault.permissions(acc.id)
        assert Permission("*", Action.APPROVE) not in perms
        assert Permission("*", Action.CREATE) in perms  # still a clerk's
        sessions.unlock_account(s, CLERK)
    finally:
        s.logout()


def test_auditor_and_business_users_cannot_manage_accounts(venv: VaultEnv) -> None:
    for login in (AUDITOR, OFFICER):
        s = venv.login(login)
        try:
            with pytest.raises(PermissionDenied):
                sessions.add_account(
                    s, login_name="wunew", display_name="吴", password="Wu-New-2026"
                )
            with pytest.raises(PermissionDenied):
                sessions.grant(s, CLERK, clearance=Level.SECRET)
            with pytest.raises(PermissionDenied):
                sessions.disable_account(s, CLERK, "left")
            with pytest.raises(PermissionDenied):
                sessions.unlock_account(s, CLERK)
            with pytest.raises(PermissionDenied):
                sessions.reset_password(s, CLERK, "Reset-Pass-2026")
        finally:
            s.logout()
    s = venv.login(OFFICER)
    try:
        with pytest.raises(PermissionDenied):
            sessions.list_accounts(s)
    finally:
        s.logout()
    s = venv.login(AUDITOR)
    try:
        assert {a.login for a in sessions.list_accounts(s)} >= {CLERK, OFFICER, SYSADMIN}
    finally:
        s.logout()


def test_admin_roles_cannot_be_granted_or_combined_and_clearance_stays_under_rating(
    venv: VaultEnv,
) -> None:
    s = venv.login(SECADMIN)
    try:
        with pytest.raises(ValidationError, match="business roles"):
            sessions.grant(s, CLERK, roles=[Role.SYSADMIN])
        with pytest.raises(ValidationError, match="三员分立"):
            sessions.grant(s, AUDITOR, roles=[Role.CLERK])
        with pytest.raises(ValidationError, match="三员分立"):
            sessions.grant(s, SYSADMIN, permissions=[Permission("*", Action.VIEW)])
        with pytest.raises(ValidationError, match="fixed at setup"):
            sessions.revoke(s, AUDITOR, roles=[Role.AUDITOR])
        with pytest.raises(ValidationError, match="rating"):
            sessions.grant(s, CLERK, clearance=Level.TOP_SECRET)
        acc = sessions.grant(s, CLERK, clearance=Level.SECRET)
        assert acc.clearance is Level.SECRET
    finally:
        s.logout()
    aud = venv.login(AUDITOR)
    try:
        roles = {a.login: a.roles for a in sessions.list_accounts(aud)}
    finally:
        aud.logout()
    assert roles[AUDITOR] == {Role.AUDITOR}
    assert roles[SYSADMIN] == {Role.SYSADMIN}


def test_new_account_without_roles_can_log_in_and_change_its_password(venv: VaultEnv) -> None:
    s = venv.login(SYSADMIN)
    try:
        sessions.add_account(
            s, login_name="sunnew", display_name="孙新", password="Sun-New-2026", params=MIN_PARAMS
        )
    finally:
        s.logout()
    u = venv.login("sunnew", "Sun-New-2026")
    try:
        assert u.must_change
        sessions.change_password(u, "Sun-New-2026", "Sun-Changed-2026", params=MIN_PARAMS)
    finally:
        u.logout()
    venv.login("sunnew", "Sun-Changed-2026").logout()


def test_disabling_rotates_the_master_key(venv: VaultEnv, tmp_path: Path) -> None:
    old_key = (venv.folder / keyfile.KEYFILE_NAME).read_bytes()
    old_master = venv.master_key()
    s = venv.login(SYSADMIN)
    try:
        sessions.disable_account(s, CLERK, "left the unit")
        new_master = s.vault.master_for_tests()
    finally:
        s.logout()
    assert new_master != old_master
    # A disabled account cannot log in (its slot is gone).
    with pytest.raises(AuthError):
        venv.login(CLERK)
    # Every remaining account still opens, without anyone re-entering another's password.
    for login in (SYSADMIN, SECADMIN, AUDITOR, OFFICER):
        venv.login(login).logout()
    aud = venv.login(AUDITOR)
    try:
        clerk = next(a for a in sessions.list_accounts(aud) if a.login == CLERK)
        assert not clerk.active
        assert clerk.disabled_at is not None
        actions = [r.action for r in list_records(aud, AuditFilter())]
    finally:
        aud.logout()
    assert "account.disable" in actions
    assert "vault.rekey" in actions
    assert b"sealed_next" not in (venv.folder / keyfile.KEYFILE_NAME).read_bytes()
    # An old copy of the key file no longer opens the current database — even for the
    # disabled clerk with the right password.
    stale = tmp_path / "stale"
    shutil.copytree(venv.folder, stale)
    (stale / keyfile.KEYFILE_NAME).write_bytes(old_key)
    with pytest.raises(VaultError, match="not a Secrecy Desk vault database"):
        sessions.login(stale, CLERK, venv.passwords[CLERK], clock=venv.clock)
    with pytest.raises(VaultError):
        sessions.login(stale, OFFICER, venv.passwords[OFFICER], clock=venv.clock)
    # The recovery slot was resealed too.
    sessions.recover(
        venv.folder,
        venv.recovery_code,
        OFFICER,
        "Recovered-2026",
        clock=venv.clock,
        params=MIN_PARAMS,
    )
    s = venv.login(OFFICER, "Recovered-2026")
    assert s.must_change
    s.logout()


def test_recovery_code_resets_a_password_and_forces_a_change(venv: VaultEnv) -> None:
    with pytest.raises(AuthError, match="recovery code"):
        sessions.recover(
            venv.folder, "AAAA-BBBB-CCCC", SECADMIN, "Sec-Recovered-26", clock=venv.clock
        )
    # The code is accepted in lower case and without dashes.
    code = venv.recovery_code.replace("-", "").lower()
    sessions.recover(venv.folder, code, SECADMIN, "Sec-Recovered-26", clock=venv.clock)
    with pytest.raises(AuthError):
        venv.login(SECADMIN)
    s = venv.login(SECADMIN, "Sec-Recovered-26")
    try:
        assert s.must_change
        with pytest.raises(AuthError, match="must be changed"):
            sessions.unlock_account(s, CLERK)
    finally:
        s.logout()


def test_sysadmin_resets_a_business_password(venv: VaultEnv) -> None:
    s = venv.login(SYSADMIN)
    try:
        sessions.reset_password(s, OFFICER, "Reset-Pass-2026", params=MIN_PARAMS)
        with pytest.raises(PermissionDenied, match="recovery code"):
            sessions.reset_password(s, AUDITOR, "Reset-Pass-2026", params=MIN_PARAMS)
    finally:
        s.logout()
    with pytest.raises(AuthError):
        venv.login(OFFICER)
    s = venv.login(OFFICER, "Reset-Pass-2026")
    try:
        assert s.must_change
        assert s.account.roles == {Role.OFFICER}  # the reset keeps roles and clearance
        assert s.account.clearance is Level.SECRET
    finally:
        s.logout()


def test_disabled_account_cannot_be_reset_or_disabled_twice(venv: VaultEnv) -> None:
    s = venv.login(SYSADMIN)
    try:
        sessions.disable_account(s, OFFICER, "left")
        with pytest.raises(ValidationError, match="already disabled"):
            sessions.disable_account(s, OFFICER, "again")
        with pytest.raises(ValidationError, match="disabled"):
            sessions.reset_password(s, OFFICER, "Reset-Pass-2026", params=MIN_PARAMS)
    finally:
        s.logout()

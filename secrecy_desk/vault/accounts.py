"""Account administration (三员分立): the system administrator adds, disables and resets
accounts; the security administrator grants roles, clearances and permissions, unlocks
accounts and tightens the password policy. Every permission check is made here, on the
session that asks (:mod:`secrecy_desk.vault.session`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from secrecy_desk.core.errors import PermissionDenied, ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import (
    ADMIN_ROLES,
    BUSINESS_ROLES,
    PasswordPolicy,
    Permission,
    Role,
    check_password,
    default_permissions,
    tighten,
    validate_roles,
)
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault import settings as settings_mod
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import BUSINESS, Account, check_login

_NO_ACCOUNT = QT_TRANSLATE_NOOP("Errors", "There is no account {login}.")
_DISABLED = QT_TRANSLATE_NOOP("Errors", "Account {login} is disabled and can no longer log in.")


def _require_admin(session: Session, *roles: Role) -> None:
    session.require_active_password()
    session.principal.require_role(*roles)


def permissions_of(session: Session, login_name: str) -> frozenset[Permission]:
    """Another account's permissions, for the security administrator who grants them."""
    _require_admin(session, Role.SECADMIN)
    return session.vault.permissions(_get(session, login_name).id)


def list_accounts(session: Session) -> list[Account]:
    _require_admin(session, Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)
    return session.vault.accounts()


def _get(session: Session, login_name: str) -> Account:
    account = session.vault.account(login_name)
    if account is None:
        raise ValidationError(_NO_ACCOUNT, login=login_name)
    return account


def add_account(
    session: Session,
    *,
    login_name: str,
    display_name: str,
    password: str,
    department: str = "",
    params: Argon2Params | None = None,
) -> Account:
    """The sysadmin adds a business account (no role yet: the secadmin grants roles)."""
    _require_admin(session, Role.SYSADMIN)
    check_login(login_name)
    if not display_name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The person's name is required."))
    if session.vault.account(login_name) is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The account name {login} is already taken."),
            login=login_name,
        )
    check_password(session.settings.policy, password, login_name)
    slot, _ = session.vault.new_slot(
        login=login_name, role=BUSINESS, password=password, params=params
    )
    vault = session.vault
    with vault.transaction():
        aid = vault._insert_account(
            login=login_name,
            display_name=display_name,
            roles=frozenset(),
            clearance=Level.INTERNAL,
            slot_id=slot.slot_id,
            password=password,
            department=department,
        )
        session.audit(
            "account.create",
            f"account:{aid}",
            details={"login": login_name, "name": display_name, "department": department},
        )
        vault.put_slot(slot)
    return _get(session, login_name)


def disable_account(session: Session, login_name: str, reason: str) -> None:
    """Disable (never delete) a business account: its slot goes and the master key rotates,
    so an old copy of the key file no longer opens the database."""
    _require_admin(session, Role.SYSADMIN)
    account = _get(session, login_name)
    if account.roles & ADMIN_ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An administrator account cannot be disabled: the three administrators must "
                "always exist. Give it a new password through recovery instead.",
            )
        )
    if not account.active:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Account {login} is already disabled."),
            login=login_name,
        )
    if not reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give a reason for disabling."))
    vault = session.vault
    with vault.transaction():
        vault.store.execute(
            "UPDATE accounts SET status = 'disabled', disabled_at = ? WHERE id = ?",
            (audit_chain.iso(session.clock.now()), account.id),
        )
        session.audit(
            "account.disable",
            f"account:{account.id}",
            details={"login": account.login, "reason": reason},
        )
    vault.rotate_master(remove_slot=account.slot_id)
    with vault.transaction():
        session.audit("vault.rekey", "vault", details={"removed_slot_of": account.login})


def unlock_account(session: Session, login_name: str) -> None:
    _require_admin(session, Role.SECADMIN)
    account = _get(session, login_name)
    with session.operation() as store:
        store.execute("UPDATE accounts SET locked = 0, failures = 0 WHERE id = ?", (account.id,))
        session.audit("account.unlock", f"account:{account.id}", details={"login": account.login})


def grant(
    session: Session,
    login_name: str,
    *,
    roles: Iterable[Role] = (),
    clearance: Level | None = None,
    permissions: Iterable[Permission] = (),
) -> Account:
    """The secadmin gives business roles (with their default permissions), a clearance, or
    single permissions."""
    _require_admin(session, Role.SECADMIN)
    account = _get(session, login_name)
    new_roles = frozenset(roles)
    if account.roles & ADMIN_ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Administrator accounts get no business roles or permissions (三员分立)."
            )
        )
    if new_roles - BUSINESS_ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only business roles (clerk, officer, approver) can be granted; the three "
                "administrator roles are fixed at setup.",
            )
        )
    if clearance is not None and clearance > session.settings.rating:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A clearance above the workstation's rating ({rating}) is not possible here.",
            ),
            rating=session.settings.rating.zh,
        )
    combined = account.roles | new_roles
    if combined:
        validate_roles(combined)
    perms = set(permissions) | set(default_permissions(new_roles))
    with session.operation() as store:
        if new_roles:
            store.execute(
                "UPDATE accounts SET roles = ? WHERE id = ?",
                (json.dumps(sorted(r.value for r in combined)), account.id),
            )
            session.audit(
                "account.role.grant",
                f"account:{account.id}",
                details={"login": account.login, "roles": sorted(r.value for r in new_roles)},
            )
        if clearance is not None:
            store.execute(
                "UPDATE accounts SET clearance = ? WHERE id = ?", (int(clearance), account.id)
            )
            session.audit(
                "account.clearance",
                f"account:{account.id}",
                details={"login": account.login, "from": account.clearance.zh, "to": clearance.zh},
            )
        for perm in sorted(perms, key=Permission.encode):
            store.execute(
                "INSERT OR IGNORE INTO permissions (account_id, permission) VALUES (?, ?)",
                (account.id, perm.encode()),
            )
        if permissions:
            session.audit(
                "account.permission.grant",
                f"account:{account.id}",
                details={
                    "login": account.login,
                    "permissions": sorted(p.encode() for p in permissions),
                },
            )
    return _get(session, login_name)


def revoke(
    session: Session,
    login_name: str,
    *,
    roles: Iterable[Role] = (),
    permissions: Iterable[Permission] = (),
) -> Account:
    _require_admin(session, Role.SECADMIN)
    account = _get(session, login_name)
    gone = frozenset(roles)
    perms = set(permissions)
    if gone - account.roles:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Account {login} does not hold that role."),
            login=login_name,
        )
    if gone & ADMIN_ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Administrator roles are fixed at setup.")
        )
    remaining = account.roles - gone
    with session.operation() as store:
        if gone:
            store.execute(
                "UPDATE accounts SET roles = ? WHERE id = ?",
                (json.dumps(sorted(r.value for r in remaining)), account.id),
            )
            # The permissions only a removed role gave go with it.
            keep = default_permissions(remaining)
            for perm in default_permissions(gone) - keep:
                perms.add(perm)
            session.audit(
                "account.role.revoke",
                f"account:{account.id}",
                details={"login": account.login, "roles": sorted(r.value for r in gone)},
            )
        for perm in perms:
            store.execute(
                "DELETE FROM permissions WHERE account_id = ? AND permission = ?",
                (account.id, perm.encode()),
            )
        if permissions:
            session.audit(
                "account.permission.revoke",
                f"account:{account.id}",
                details={
                    "login": account.login,
                    "permissions": sorted(p.encode() for p in permissions),
                },
            )
    return _get(session, login_name)


def reset_password(
    session: Session, login_name: str, new: str, *, params: Argon2Params | None = None
) -> None:
    """The sysadmin gives a business account a new initial password (forgotten password):
    a new key pair in the same slot; the person must change it at the next login."""
    _require_admin(session, Role.SYSADMIN)
    account = _get(session, login_name)
    if account.roles & ADMIN_ROLES:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An administrator's password can only be reset with the recovery code.",
            )
        )
    if not account.active:
        raise ValidationError(_DISABLED, login=login_name)
    check_password(session.settings.policy, new, account.login)
    vault = session.vault
    slot = vault.remake_slot(account, new, params)
    with vault.transaction():
        vault.store.execute(
            "UPDATE accounts SET must_change = 1, password_changed_at = ? WHERE id = ?",
            (audit_chain.iso(session.clock.now()), account.id),
        )
        vault.record_password(account.id, new)
        session.audit(
            "account.password.reset", f"account:{account.id}", details={"login": account.login}
        )
        vault.put_slot(slot)


def set_policy(session: Session, policy: PasswordPolicy) -> None:
    _require_admin(session, Role.SECADMIN)
    tightened = tighten(session.settings.rating, policy)
    vault = session.vault
    with vault.transaction() as store:
        new = replace(session.settings, policy=tightened)
        settings_mod.save(store, new)
        session.audit(
            "policy.change",
            "settings",
            details={
                "min_length": tightened.min_length,
                "max_age_days": tightened.max_age_days,
                "min_classes": tightened.min_classes,
                "history": tightened.history,
                "max_failures": tightened.max_failures,
                "idle_lock_minutes": tightened.idle_lock_minutes,
            },
        )
    vault.settings = new

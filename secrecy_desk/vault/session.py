"""Logging in and out (登录): a :class:`Session` is an unlocked vault plus the account that
unlocked it — login, recovery, locking, the account's own password change, and the one
transaction every operation runs in. The administrators' account operations are in
:mod:`secrecy_desk.vault.accounts`.

The GUI, the CLI and the tests all go through :func:`login`, so a rule is enforced once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from secrecy_desk.core import media
from secrecy_desk.core.clock import Clock, SystemClock
from secrecy_desk.core.errors import AuthError, ValidationError, VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import (
    ADMIN_ROLES,
    Principal,
    check_password,
)
from secrecy_desk.vault import audit_chain, crypto, db, keyfile
from secrecy_desk.vault import settings as settings_mod
from secrecy_desk.vault.audit_chain import Actor
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.keyfile import KeyFile, Slot
from secrecy_desk.vault.vault import (
    BUSINESS,
    RECOVERY_ROLE,
    Account,
    Vault,
    clear_journal,
    journal_failure,
    normalize_recovery,
    read_journal,
    role_class,
)

_WRONG: Final = QT_TRANSLATE_NOOP("Errors", "Wrong account name or password.")
_LOCKED: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "Account {login} is locked after too many failed logins. Ask the security administrator "
    "to unlock it.",
)
_DISABLED: Final = QT_TRANSLATE_NOOP(
    "Errors", "Account {login} is disabled and can no longer log in."
)
_NO_ACCOUNT: Final = QT_TRANSLATE_NOOP("Errors", "There is no account {login}.")


@dataclass
class Session:
    vault: Vault
    account: Account
    private: bytes
    must_change: bool = False

    @property
    def principal(self) -> Principal:
        return self.vault.principal(self.account)

    @property
    def actor(self) -> Actor:
        # A new business account holds no role until the secadmin grants one; it still logs
        # in (to change its first password) and its records name it with role "-".
        if not self.account.roles:
            return Actor(self.account.login, "-")
        return Actor(self.account.login, self.principal.primary_role.value)

    @property
    def clock(self) -> Clock:
        return self.vault.clock

    @property
    def settings(self) -> settings_mod.Settings:
        assert self.vault.settings is not None
        return self.vault.settings

    def refresh(self) -> None:
        fresh = self.vault.account(self.account.login)
        if fresh is not None:
            self.account = fresh

    @contextlib.contextmanager
    def operation(self) -> Iterator[db.Store]:
        """One transaction for a change and its audit records."""
        with self.vault.transaction() as store:
            yield store

    def audit(
        self,
        action: str,
        obj: str = "",
        *,
        level: Level = Level.INTERNAL,
        outcome: str = "ok",
        details: dict[str, object] | None = None,
    ) -> audit_chain.AuditRecord:
        return self.vault.log.append(
            self.actor, action, obj, level=level, outcome=outcome, details=details
        )

    def require_active_password(self) -> None:
        if self.must_change:
            raise AuthError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The password of {login} must be changed before anything else "
                    "(first login or expired).",
                ),
                login=self.account.login,
            )

    def require_fixed_disk(self, target: Path, action: str, obj: str) -> None:
        """Refuse a destination that is not a fixed local disk (removable, memory or network
        filesystem, judged after resolving ``..`` and symlinks), recording the refusal under
        ``action`` (exports and backups go only to fixed local disks, SPEC §2.8)."""
        try:
            media.require_fixed_disk(target)
        except media.NotFixedDisk as exc:
            with self.operation():
                self.audit(
                    action,
                    obj,
                    outcome="refused",
                    details={
                        "reason": f"{exc.reason} filesystem"
                        if exc.reason != "removable"
                        else "removable media",
                        "resolved": str(media.resolved(target)),
                    },
                )
            raise

    def check_password(self, password: str) -> bool:
        """Re-enter the password (unlock after idle lock, electronic signature).

        A wrong password counts as a failed login and may lock the account; a locked or
        disabled account is refused even with the right password."""
        self.refresh()
        if self.account.locked or not self.account.active:
            return False
        slot = self.vault.keyfile.slot(self.account.slot_id)
        if slot is not None:
            try:
                keyfile.unwrap_private(slot, self.vault.keyfile.vault_id, password)
            except crypto.CryptoError:
                pass
            else:
                return True
        with self.vault.transaction():
            _count_failure(self.vault, self.account.login, "wrong password", outcome="fail")
        self.refresh()
        return False

    def lock_event(self, action: str) -> None:
        """Record an idle lock, a Ctrl+L lock, an unlock or a forced close of a locked session."""
        with self.operation():
            self.audit(action, f"account:{self.account.id}")

    def logout(self) -> None:
        try:
            with self.vault.transaction():
                self.audit("logout", f"account:{self.account.id}")
        finally:
            self.vault.close(self.actor)


# --- login ----------------------------------------------------------------------------------


def _unwrapper(folder: Path, login: str, password: str, clock: Clock) -> object:
    def unwrap(kf: KeyFile) -> tuple[Slot, bytes, list[bytes]]:
        slot = kf.slot_for(login)
        if slot is None and any(s.damaged for s in kf.slots):
            # A damaged tag no longer names its account: damage, not an unknown account (a
            # failure counted here would lock the right account once the key file is fixed).
            raise keyfile.SlotDamaged()
        if slot is None:
            # Spend the same Argon2 work as a real slot, so timing does not tell which
            # account names exist.
            model = next((s for s in kf.slots if s.role != RECOVERY_ROLE), None)
            if model is not None:
                crypto.argon2id(password.encode(), os.urandom(crypto.SALT_BYTES), model.kdf)
            journal_failure(folder, kf, login, "unknown account", clock)
            raise AuthError(_WRONG)
        try:
            private = keyfile.unwrap_private(slot, kf.vault_id, password)
        except crypto.CryptoError:
            journal_failure(folder, kf, login, "wrong password", clock)
            raise AuthError(_WRONG) from None
        return slot, private, _masters(slot, kf, private)

    return unwrap


def _masters(slot: Slot, kf: KeyFile, private: bytes) -> list[bytes]:
    masters: list[bytes] = []
    for nxt in (False, True):
        with contextlib.suppress(crypto.CryptoError):
            masters.append(keyfile.unseal_master(slot, kf.vault_id, private, nxt=nxt))
    if not masters:
        raise VaultError(
            QT_TRANSLATE_NOOP("Errors", "The key file is damaged: the account's slot is unusable.")
        )
    return masters


def login(
    folder: Path,
    login_name: str,
    password: str,
    *,
    clock: Clock | None = None,
    check_head: bool = True,
    accept_rollback: bool = False,
) -> Session:
    """Unlock the vault as ``login_name``. Raises :class:`AuthError` (wrong, locked, disabled)
    or :class:`VaultError` (not a vault, damaged, wrong version, busy, rolled back).

    ``accept_rollback`` is for a restore from backup only: the caller records what the restored
    copy lacks (``vault.rollback_gap``) and the rollback anchor moves to the restored state."""
    clock = clock or SystemClock()
    vault, slot, private = Vault.open_with_key(
        folder,
        _unwrapper(folder, login_name, password, clock),
        clock=clock,
        check_head=check_head,
        accept_rollback=accept_rollback,
    )
    try:
        if vault.head_break is None:  # a verification-only session writes nothing
            _ingest_journal(vault)
        account = vault.account_by_slot(slot.slot_id)
        if account is None or keyfile.normalize_login(account.login) != keyfile.normalize_login(
            login_name
        ):
            raise AuthError(_WRONG)
        if role_class(account.roles) != slot.role and not (
            slot.role == BUSINESS and not (account.roles & ADMIN_ROLES)
        ):
            raise VaultError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The key file does not match the account's role; it was altered."
                )
            )
        session = Session(vault, account, private)
        if not account.active:
            _refuse(session, "disabled")
            raise AuthError(_DISABLED, login=account.login)
        policy = vault.settings.policy if vault.settings else None
        if account.locked or (policy and account.failures >= policy.max_failures):
            _refuse(session, "locked")
            raise AuthError(_LOCKED, login=account.login)
        expired = policy is not None and clock.now() - account.password_changed_at > policy.max_age
        with vault.transaction():
            if vault.head_break is None:
                vault.store.execute("UPDATE accounts SET failures = 0 WHERE id = ?", (account.id,))
            session.audit(
                "login",
                f"account:{account.id}",
                details={"cipher": db.cipher_version(vault.store), "expired": expired},
            )
        session.refresh()
        session.must_change = account.must_change or expired
        return session
    except BaseException:
        vault.close()
        raise


def _refuse(session: Session, reason: str) -> None:
    with session.vault.transaction():
        session.audit(
            "login.refused",
            f"account:{session.account.id}",
            outcome="refused",
            details={"reason": reason},
        )


def _ingest_journal(vault: Vault) -> None:
    """Move failed logins recorded while the vault was closed into the audit trail."""
    entries = read_journal(vault.folder, vault.keyfile, vault.journal_private())
    if not entries:
        return
    with vault.transaction():
        for entry in entries:
            _count_failure(
                vault,
                str(entry.get("login", "?")),
                str(entry.get("reason", "")),
                outcome="fail",
                extra={"at": entry.get("at", ""), "workstation": entry.get("workstation", "")},
            )
    clear_journal(vault.folder)


def _role_name(account: Account) -> str:
    return min((r.value for r in account.roles), default="-")


def _count_failure(
    vault: Vault,
    login_name: str,
    reason: str,
    *,
    outcome: str,
    extra: dict[str, object] | None = None,
) -> None:
    account = vault.account(login_name)
    details: dict[str, object] = {"login": login_name, "reason": reason, **(extra or {})}
    actor = Actor(login_name, "-")
    if account is None:
        vault.log.append(actor, "login.failed", "account:?", outcome=outcome, details=details)
        return
    actor = Actor(account.login, _role_name(account))
    failures = account.failures + 1
    vault.store.execute("UPDATE accounts SET failures = ? WHERE id = ?", (failures, account.id))
    vault.log.append(
        actor,
        "login.failed",
        f"account:{account.id}",
        outcome=outcome,
        details={**details, "failures": failures},
    )
    policy = vault.settings.policy if vault.settings else None
    if policy and failures >= policy.max_failures and not account.locked:
        vault.store.execute("UPDATE accounts SET locked = 1 WHERE id = ?", (account.id,))
        vault.log.append(
            actor,
            "account.lockout",
            f"account:{account.id}",
            outcome="locked",
            details={"failures": failures},
        )


def recover(
    folder: Path,
    code: str,
    login_name: str,
    new_password: str,
    *,
    clock: Clock | None = None,
    params: Argon2Params | None = None,
) -> None:
    """Use the recovery code from the safe to give ``login_name`` a new password.

    The account gets a new key slot (and, for the auditor, a new seal key) and must change the
    password at its next login. Recorded in the audit trail."""
    clock = clock or SystemClock()

    def unwrap(kf: KeyFile) -> tuple[Slot, bytes, list[bytes]]:
        slot = kf.slot(RECOVERY_ROLE)
        if slot is None:
            raise AuthError(QT_TRANSLATE_NOOP("Errors", "This vault has no recovery slot."))
        try:
            private = keyfile.unwrap_private(slot, kf.vault_id, normalize_recovery(code))
        except crypto.CryptoError:
            journal_failure(folder, kf, "(recovery)", "wrong recovery code", clock)
            raise AuthError(
                QT_TRANSLATE_NOOP("Errors", "The recovery code is not correct.")
            ) from None
        return slot, private, _masters(slot, kf, private)

    vault, _, _ = Vault.open_with_key(folder, unwrap, clock=clock)
    try:
        _ingest_journal(vault)
        account = vault.account(login_name)
        if account is None:
            raise ValidationError(_NO_ACCOUNT, login=login_name)
        assert vault.settings is not None
        check_password(vault.settings.policy, new_password, account.login)
        slot = vault.remake_slot(account, new_password, params)
        actor = Actor("(recovery)", "recovery")
        with vault.transaction():
            vault.store.execute(
                "UPDATE accounts SET must_change = 1, locked = 0, failures = 0, "
                "password_changed_at = ? WHERE id = ?",
                (audit_chain.iso(clock.now()), account.id),
            )
            vault.record_password(account.id, new_password)
            vault.log.append(
                actor, "account.recover", f"account:{account.id}", details={"login": account.login}
            )
            vault.put_slot(slot)
    finally:
        vault.close()


def change_password(
    session: Session, old: str, new: str, *, params: Argon2Params | None = None
) -> None:
    """Any account changes its own password: one slot is rewrapped, nothing else changes."""
    vault = session.vault
    account = session.account
    slot = vault.keyfile.slot(account.slot_id)
    assert slot is not None
    try:
        private = keyfile.unwrap_private(slot, vault.keyfile.vault_id, old)
    except crypto.CryptoError:
        with vault.transaction():
            _count_failure(
                vault, account.login, "wrong password at password change", outcome="fail"
            )
        raise AuthError(
            QT_TRANSLATE_NOOP("Errors", "The current password is not correct.")
        ) from None
    policy = session.settings.policy
    check_password(policy, new, account.login)
    if new == old or vault.password_reused(account.id, new, policy.history):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The new password must differ from the last {n} passwords."
            ),
            n=policy.history,
        )
    new_slot = keyfile.rewrap(
        slot, vault.keyfile.vault_id, private, new, params or vault.slot_params()
    )
    with vault.transaction():
        vault.store.execute(
            "UPDATE accounts SET must_change = 0, password_changed_at = ? WHERE id = ?",
            (audit_chain.iso(session.clock.now()), account.id),
        )
        vault.record_password(account.id, new)
        session.audit("account.password", f"account:{account.id}")
        vault.put_slot(new_slot)
    session.private = private
    session.must_change = False
    session.refresh()

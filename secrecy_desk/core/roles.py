"""Roles (三员分立 and business roles), permissions per module and action, and password policy.

The three administrators (sysadmin 系统管理员, secadmin 安全保密管理员, auditor 安全审计员) are
exclusive: an account holds exactly one of them and no business role (S3 §34; S1 监管分离).
Business accounts hold one or more of clerk, officer, approver. Every check below is called by
the core operation itself, so the GUI, the CLI and the tests pass through the same door.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import Enum
from typing import Final

from secrecy_desk.core.errors import PermissionDenied, ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level


class Role(Enum):
    SYSADMIN = "sysadmin"  # 系统管理员: accounts, backups, settings; reads no business records
    SECADMIN = "secadmin"  # 安全保密管理员: roles, clearances, permissions, policy, unlock
    AUDITOR = "auditor"  # 安全审计员: reads and verifies the audit trail, seals it
    CLERK = "clerk"  # 录入员
    OFFICER = "officer"  # 保密员
    APPROVER = "approver"  # 审批人

    @property
    def is_admin(self) -> bool:
        return self in ADMIN_ROLES

    @property
    def zh(self) -> str:
        return _ROLE_ZH[self]

    def label(self, lang: str) -> str:
        return self.value if lang == "en" else self.zh


ADMIN_ROLES: Final = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
BUSINESS_ROLES: Final = frozenset({Role.CLERK, Role.OFFICER, Role.APPROVER})

_ROLE_ZH: Final = {
    Role.SYSADMIN: "系统管理员",
    Role.SECADMIN: "安全保密管理员",
    Role.AUDITOR: "安全审计员",
    Role.CLERK: "录入员",
    Role.OFFICER: "保密员",
    Role.APPROVER: "审批人",
}


class Action(Enum):
    VIEW = "view"
    CREATE = "create"
    EDIT = "edit"
    VOID = "void"
    PRINT = "print"
    EXPORT = "export"
    APPROVE = "approve"

    @property
    def zh(self) -> str:
        return _ACTION_ZH[self]

    def text(self, lang: str) -> str:
        """The action as a message shows it (查看, 新建 …)."""
        return self.value if lang == "en" else self.zh


_ACTION_ZH: Final = {
    Action.VIEW: "查看",
    Action.CREATE: "新建",
    Action.EDIT: "修改",
    Action.VOID: "作废",
    Action.PRINT: "打印",
    Action.EXPORT: "导出",
    Action.APPROVE: "审批",
}


ALL_MODULES: Final = "*"

#: What each business role may do in every business module until the secadmin changes it.
ROLE_DEFAULTS: Final[dict[Role, frozenset[Action]]] = {
    Role.CLERK: frozenset({Action.VIEW, Action.CREATE, Action.EDIT, Action.PRINT}),
    Role.OFFICER: frozenset(
        {Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID, Action.PRINT, Action.EXPORT}
    ),
    Role.APPROVER: frozenset({Action.VIEW, Action.PRINT, Action.APPROVE}),
}


@dataclass(frozen=True, slots=True)
class Permission:
    module: str  # a register or module id, or "*" for every business module
    action: Action

    def encode(self) -> str:
        return f"{self.module}:{self.action.value}"

    @staticmethod
    def decode(text: str) -> Permission:
        module, sep, action = text.rpartition(":")
        if not sep or not module:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A permission is written module:action, not {text}."),
                text=text,
            )
        try:
            return Permission(module, Action(action))
        except ValueError:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown action {action} in permission {text}."),
                action=action,
                text=text,
            ) from None


def default_permissions(roles: frozenset[Role]) -> frozenset[Permission]:
    return frozenset(
        Permission(ALL_MODULES, action) for role in roles for action in ROLE_DEFAULTS.get(role, ())
    )


def validate_roles(roles: frozenset[Role]) -> None:
    """Exactly one administrator role, or one or more business roles — never a mix."""
    if not roles:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An account needs at least one role."))
    admin = roles & ADMIN_ROLES
    if admin and len(roles) > 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An administrator role cannot be combined with any other role (三员分立).",
            )
        )


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting: the account as the core sees it for permission checks."""

    account_id: int
    login: str
    roles: frozenset[Role]
    clearance: Level
    permissions: frozenset[Permission]

    @property
    def is_admin(self) -> bool:
        return bool(self.roles & ADMIN_ROLES)

    @property
    def primary_role(self) -> Role:
        """The role recorded in the audit trail: the admin role, or the first business role."""
        for role in Role:
            if role in self.roles:
                return role
        raise AssertionError("principal without roles")

    def can(self, module: str, action: Action) -> bool:
        if self.is_admin:
            return False
        return Permission(module, action) in self.permissions or (
            Permission(ALL_MODULES, action) in self.permissions
        )

    def require(self, module: str, action: Action, module_label: object) -> None:
        """Raise unless the account may do ``action`` in ``module``; ``module_label`` (a
        string, or an object with ``text(lang)``) names the module in the message as the
        user knows it (a register's title), never its id."""
        if not self.can(module, action):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You may not {action} in {module}."),
                action=action,
                module=module_label,
            )

    def require_role(self, *roles: Role) -> None:
        if not self.roles & set(roles):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "Only the {roles} may do this."),
                roles=" / ".join(r.zh for r in roles),
            )

    def sees(self, level: Level) -> bool:
        """Need to know: records above the clearance are invisible, not merely locked."""
        return level <= self.clearance


# --- password policy ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    min_length: int
    max_age_days: int
    min_classes: int = 3
    history: int = 5
    max_failures: int = 5
    idle_lock_minutes: int = 5

    @property
    def max_age(self) -> timedelta:
        return timedelta(days=self.max_age_days)


#: The floor for each workstation rating (published secrecy-system requirements).
POLICY_FLOOR: Final = {
    Level.CONFIDENTIAL: PasswordPolicy(min_length=8, max_age_days=30),
    Level.SECRET: PasswordPolicy(min_length=10, max_age_days=7),
}
MAX_IDLE_LOCK_MINUTES: Final = 10


def floor_for(rating: Level) -> PasswordPolicy:
    try:
        return POLICY_FLOOR[rating]
    except KeyError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A workstation is rated 秘密 or 机密, not {rating}."),
            rating=rating.zh,
        ) from None


def tighten(rating: Level, policy: PasswordPolicy) -> PasswordPolicy:
    """Check that ``policy`` is at least as strict as the rating's floor; return it."""
    floor = floor_for(rating)
    problems = (
        policy.min_length < floor.min_length,
        policy.max_age_days > floor.max_age_days or policy.max_age_days < 1,
        policy.min_classes < floor.min_classes or policy.min_classes > 4,
        policy.history < floor.history,
        policy.max_failures > floor.max_failures or policy.max_failures < 1,
        policy.idle_lock_minutes > MAX_IDLE_LOCK_MINUTES or policy.idle_lock_minutes < 1,
    )
    if any(problems):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The policy may be made stricter, never looser than the {rating} floor "
                "(at least {length} characters, changed every {days} days at most, "
                "{failures} failures at most, idle lock within {idle} minutes).",
            ),
            rating=rating.zh,
            length=floor.min_length,
            days=floor.max_age_days,
            failures=floor.max_failures,
            idle=MAX_IDLE_LOCK_MINUTES,
        )
    return policy


def character_classes(password: str) -> int:
    """How many of the four classes (upper, lower, digit, other) the password uses.

    Non-ASCII letters such as Chinese characters count as "other"."""
    classes = (
        any(c in string.ascii_uppercase for c in password),
        any(c in string.ascii_lowercase for c in password),
        any(c in string.digits for c in password),
        any(not (c.isascii() and c.isalnum()) for c in password),
    )
    return sum(classes)


def check_password(policy: PasswordPolicy, password: str, login: str) -> None:
    """Raise a :class:`ValidationError` naming the first rule the new password breaks."""
    if len(password) < policy.min_length:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password needs at least {n} characters."),
            n=policy.min_length,
        )
    if character_classes(password) < policy.min_classes:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The password needs {n} of: capital letters, small letters, digits, other signs.",
            ),
            n=policy.min_classes,
        )
    if login and login.lower() in password.lower():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password must not contain the account name.")
        )
    if "\n" in password or "\r" in password:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password must not contain a line break.")
        )


__all__ = [
    "ADMIN_ROLES",
    "ALL_MODULES",
    "BUSINESS_ROLES",
    "Action",
    "PasswordPolicy",
    "Permission",
    "Principal",
    "Role",
    "check_password",
    "default_permissions",
    "floor_for",
    "replace",
    "tighten",
    "validate_roles",
]

"""Names of roles and actions as the interface shows them (translated through Qt)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from secrecy_desk.core.roles import Action, Role

_ROLE_ORDER = list(Role)


def role_label(role: Role) -> str:
    return {
        Role.SYSADMIN: QCoreApplication.translate("Roles", "System administrator"),
        Role.SECADMIN: QCoreApplication.translate("Roles", "Security administrator"),
        Role.AUDITOR: QCoreApplication.translate("Roles", "Security auditor"),
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.OFFICER: QCoreApplication.translate("Roles", "Secrecy officer"),
        Role.APPROVER: QCoreApplication.translate("Roles", "Approver"),
    }[role]


def roles_label(roles: Iterable[Role]) -> str:
    ordered = sorted(roles, key=_ROLE_ORDER.index)
    if not ordered:
        return QCoreApplication.translate("Roles", "no role yet")
    return QCoreApplication.translate("Roles", ", ").join(role_label(r) for r in ordered)


def action_label(action: Action) -> str:
    return {
        Action.VIEW: QCoreApplication.translate("Actions", "View"),
        Action.CREATE: QCoreApplication.translate("Actions", "Create"),
        Action.EDIT: QCoreApplication.translate("Actions", "Edit"),
        Action.VOID: QCoreApplication.translate("Actions", "Void"),
        Action.PRINT: QCoreApplication.translate("Actions", "Print"),
        Action.EXPORT: QCoreApplication.translate("Actions", "Export"),
        Action.APPROVE: QCoreApplication.translate("Actions", "Approve"),
    }[action]

"""The administrators' day in the program (管理员工作): the system administrator's backups and
restores with the backup reminder, the security administrator's secrecy settings (脱密期 and the
password policy), and the auditor's seal record for the paper archive. Every rule is the core's
(``vault.backup``, ``vault.accounts``, ``modules.personnel.lifecycle``, ``vault.audit_review``);
this descriptor adds the tabs and declares the paper."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from secrecy_desk.core.roles import Principal, Role
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Module, Paper, TabSpec, Title

ID: Final = "admin"
BACKUP_TAB: Final = "admin:backup"
SETTINGS_TAB: Final = "admin:settings"


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    del forms
    tabs: list[TabSpec] = []
    if Role.SYSADMIN in principal.roles:
        tabs.append(
            TabSpec(
                BACKUP_TAB,
                Title("备份与恢复", "Backup and restore"),
                "secrecy_desk.gui.admin.backup:BackupTab",
            )
        )
    if Role.SECADMIN in principal.roles:
        tabs.append(
            TabSpec(
                SETTINGS_TAB,
                Title("保密设置", "Secrecy settings"),
                "secrecy_desk.gui.admin.settings:SettingsTab",
            )
        )
    return tabs


def _papers(forms: Forms) -> Sequence[Paper]:
    del forms
    return (
        Paper(
            "admin.seal_record",
            Title("审计日志封存记录", "Audit trail seal record"),
            "secrecy_desk.modules.admin.seal:sample",
        ),
    )


MODULE = Module(
    id=ID,
    title=Title("管理员工作", "Administration"),
    audit_events=("settings.backup_reminder", "audit.seal.print"),
    tabs=_tabs,
    papers=_papers,
)

"""Vault settings: one typed record with defaults, stored as JSON values in ``settings``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import PasswordPolicy, floor_for
from secrecy_desk.vault.db import Store


@dataclass(frozen=True, slots=True)
class Settings:
    unit: str
    rating: Level
    policy: PasswordPolicy
    retention_days: int = 180
    head_interval: int = 50
    #: 脱密期 in months by personnel class (core, important, general); see
    #: ``secrecy_desk.modules.personnel.lifecycle`` for the ranges the secadmin may choose from.
    disengage_core_months: int = 36
    disengage_important_months: int = 24
    disengage_general_months: int = 12
    #: The home tab reminds the sysadmin when the last good backup is older than this.
    backup_remind_days: int = 7

    @staticmethod
    def initial(unit: str, rating: Level) -> Settings:
        return Settings(unit=unit, rating=rating, policy=floor_for(rating))


def save(store: Store, settings: Settings) -> None:
    values: dict[str, Any] = {
        "unit": settings.unit,
        "rating": int(settings.rating),
        "policy": asdict(settings.policy),
        "retention_days": settings.retention_days,
        "head_interval": settings.head_interval,
        "disengage_core_months": settings.disengage_core_months,
        "disengage_important_months": settings.disengage_important_months,
        "disengage_general_months": settings.disengage_general_months,
        "backup_remind_days": settings.backup_remind_days,
    }
    for key, value in values.items():
        store.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )


def load(store: Store) -> Settings:
    raw = {k: json.loads(v) for k, v in store.all("SELECT key, value FROM settings")}
    rating = Level(int(raw["rating"]))
    base = Settings.initial(str(raw["unit"]), rating)
    policy_fields = {f.name for f in fields(PasswordPolicy)}
    policy = replace(
        base.policy, **{k: int(v) for k, v in raw.get("policy", {}).items() if k in policy_fields}
    )
    return replace(
        base,
        policy=policy,
        retention_days=int(raw.get("retention_days", base.retention_days)),
        head_interval=int(raw.get("head_interval", base.head_interval)),
        disengage_core_months=int(raw.get("disengage_core_months", base.disengage_core_months)),
        disengage_important_months=int(
            raw.get("disengage_important_months", base.disengage_important_months)
        ),
        disengage_general_months=int(
            raw.get("disengage_general_months", base.disengage_general_months)
        ),
        backup_remind_days=int(raw.get("backup_remind_days", base.backup_remind_days)),
    )

"""Per-account preferences (column choices, window layout) and drafts of unsaved work.

Both live in the encrypted vault, never in a settings file beside it: a draft holds whatever a
clerk had typed when the session was locked and closed by someone else, and must leave no
unencrypted trace (S6 §28(三))."""

from __future__ import annotations

import json
from typing import Any

from secrecy_desk.vault import audit_chain
from secrecy_desk.vault.session import Session


def get_pref(session: Session, key: str, default: Any = None) -> Any:
    value = session.vault.store.scalar(
        "SELECT value FROM account_prefs WHERE account_id = ? AND key = ?",
        (session.account.id, key),
    )
    return json.loads(value) if value is not None else default


def set_pref(session: Session, key: str, value: Any) -> None:
    """Preferences are not business records; they are saved without an audit record."""
    with session.vault.store.transaction() as store:
        store.execute(
            "INSERT INTO account_prefs (account_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value",
            (session.account.id, key, json.dumps(value, ensure_ascii=False)),
        )


def save_draft(session: Session, key: str, payload: dict[str, Any]) -> None:
    """Keep unsaved editor content (e.g. when a locked session is closed); audited."""
    with session.operation() as store:
        store.execute(
            "INSERT INTO drafts (account_id, key, payload, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (account_id, key) DO UPDATE SET payload = excluded.payload, "
            "saved_at = excluded.saved_at",
            (
                session.account.id,
                key,
                json.dumps(payload, ensure_ascii=False),
                audit_chain.iso(session.clock.now()),
            ),
        )
        session.audit("draft.save", key)


def drafts(session: Session) -> list[tuple[str, dict[str, Any], str]]:
    """This account's drafts: (key, payload, saved at)."""
    return [
        (str(k), json.loads(p), str(at))
        for k, p, at in session.vault.store.all(
            "SELECT key, payload, saved_at FROM drafts WHERE account_id = ? ORDER BY saved_at",
            (session.account.id,),
        )
    ]


def delete_draft(session: Session, key: str) -> None:
    with session.vault.store.transaction() as store:
        store.execute(
            "DELETE FROM drafts WHERE account_id = ? AND key = ?", (session.account.id, key)
        )

"""Property: any sequence of operations leaves a chain that verifies, and changing any one
field of any one record is detected and named at that record."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import AuthError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import anchor, audit_chain, db, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.audit_chain import BreakKind, VerifyReport
from secrecy_desk.vault.audit_review import seal, seal_keys
from tests.support.vault import AUDITOR, CLERK, OFFICER, PASSWORDS, SECADMIN, T0

OPS = ("grant", "revoke", "clearance", "unlock", "fail", "seal", "tick")
FIELDS = (
    "at",
    "account",
    "role",
    "workstation",
    "action",
    "object",
    "level",
    "outcome",
    "details",
    "prev_hash",
    "hash",
    "mac",
)


def chain_report(folder: Path, master: bytes) -> VerifyReport:
    kf = keyfile.read(folder)
    store = db.open_database(folder / db.DB_NAME, master)
    try:
        key = bytes.fromhex(store.scalar("SELECT value FROM meta WHERE key = 'audit_key'"))
        return audit_chain.verify_chain(
            store, key, kf.vault_id, recorded_head=kf.audit_head, seal_keys=seal_keys(kf)
        )
    finally:
        store.close()


def play(folder: Path, clock: FixedClock, ops: list[str]) -> bytes:
    """Run the operations; returns the master key."""
    s = sessions.login(folder, SECADMIN, PASSWORDS[SECADMIN], clock=clock)
    master = s.vault.master_for_tests()
    granted = False
    try:
        for op in ops:
            if op == "grant":
                account_admin.grant(s, OFFICER, roles=[Role.APPROVER])
                granted = True
            elif op == "revoke" and granted:
                account_admin.revoke(s, OFFICER, roles=[Role.APPROVER])
                granted = False
            elif op == "clearance":
                account_admin.grant(s, CLERK, clearance=Level.SECRET)
            elif op == "unlock":
                account_admin.unlock_account(s, CLERK)
            elif op == "tick":
                clock.advance(timedelta(minutes=7))
            elif op in {"fail", "seal"}:
                s.logout()
                if op == "fail":
                    with pytest.raises(AuthError):
                        sessions.login(folder, CLERK, "Wrong-Pass-2026", clock=clock)
                else:
                    a = sessions.login(folder, AUDITOR, PASSWORDS[AUDITOR], clock=clock)
                    seal(a)
                    a.logout()
                s = sessions.login(folder, SECADMIN, PASSWORDS[SECADMIN], clock=clock)
    finally:
        s.logout()
    return master


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(st.sampled_from(OPS), min_size=1, max_size=6),
    pick=st.floats(min_value=0, max_value=1, exclude_max=True),
    column=st.sampled_from(FIELDS),
)
def test_operations_verify_and_any_mutation_is_named(
    template_vault: tuple[Path, str],
    anchor_templates: Path,
    ops: list[str],
    pick: float,
    column: str,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        shutil.copytree(template_vault[0], folder)
        # Each example is a vault of its own, so it has its own rollback anchors too.
        shutil.copytree(anchor_templates, Path(tmp) / "anchors")
        os.environ[anchor.ENV_DIR] = str(Path(tmp) / "anchors")
        clock = FixedClock(T0.replace(hour=2))
        master = play(folder, clock, ops)
        before = chain_report(folder, master)
        assert before.intact, before.breaks
        target = before.first_seq + int(pick * before.records)
        store = db.open_database(folder / db.DB_NAME, master)
        store.execute("DROP TRIGGER audit_no_update")
        value = store.scalar(f"SELECT {column} FROM audit WHERE seq = ?", (target,))
        if isinstance(value, bytes):
            mutated: object = bytes([value[0] ^ 0x01]) + value[1:]
        elif isinstance(value, int):
            mutated = value + 1
        else:
            mutated = str(value) + "x"
        store.execute(f"UPDATE audit SET {column} = ? WHERE seq = ?", (mutated, target))
        store.close()
        after = chain_report(folder, master)
        assert not after.intact
        assert (after.breaks[0].kind, after.breaks[0].seq) == (BreakKind.CHANGED, target)

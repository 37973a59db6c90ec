"""The demo vault's sample registers: a few hundred realistic entries, some flagged."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.idcard import Gender, ResidentId, check_gender, check_resident_id
from secrecy_desk.core.levels import Level
from secrecy_desk.demo import vault as demo
from secrecy_desk.forms import load_all
from secrecy_desk.modules.registers import Query
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.data import audit_rows


def test_demo_vault_has_a_few_hundred_entries_some_flagged(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    folder = tmp_path / "demo"
    accounts = demo.create_demo(folder, clock=clock, params=MIN_PARAMS)
    for acc in accounts:  # every published demo password is changed at its first login
        first = sessions.login(folder, acc.login, acc.password, clock=clock)
        try:
            assert first.must_change, acc.login
        finally:
            first.logout()
    # A later day: the demo's dates follow its clock, so something is always overdue.
    clock.advance(timedelta(hours=2))
    s = sessions.login(folder, "liming", "Demo-Officer-2026", clock=clock)
    # The published demo password must be changed first, like any initial password.
    assert s.must_change
    sessions.change_password(s, "Demo-Officer-2026", "Officer-Own-2026", params=MIN_PARAMS)
    assert not s.must_change
    try:
        regs = open_registers(s, load_all())
        every = {
            reg: regs.page(reg, Query(limit=None)) for reg in ("personnel", "drawings", "gifts")
        }
        assert sum(len(v) for v in every.values()) >= 300
        assert all(len(v) >= 50 for v in every.values())

        people = every["personnel"]
        for p in people:
            resident = check_resident_id(str(p.values["id_number"]), today=clock.today())
            assert isinstance(resident, ResidentId), p.values["id_number"]
            assert check_gender(resident, Gender(str(p.values["gender"]))) is None
        phones = Counter(p.values["phone"] for p in people)
        assert sorted(n for n in phones.values() if n > 1) == [2, 2]
        assert len({p.values["department"] for p in people}) >= 5
        assert {"in_post", "review", "disengaging"} <= {p.status for p in people}
        # The two shared numbers were confirmed, and the confirmations recorded.
        [imported] = [a for a in audit_rows(s, "register.import") if a.obj == "personnel"]
        assert len(imported.details["confirmed"]) == 2
        assert all(v == ["shared_phone"] for v in imported.details["confirmed"].values())

        drawings = every["drawings"]
        overdue = [e for e in drawings if any(f.problem.code == "recall_overdue" for f in e.flags)]
        assert len(overdue) >= 3
        assert {e.level for e in drawings} == {Level.SECRET, Level.INTERNAL}
        assert any(e.values["recalled"] for e in drawings)
        [lost] = [e for e in drawings if e.values["lost"]]
        assert lost.values["loss_note"]
        assert lost.values["loss_recorded_on"]
        [again] = [e for e in drawings if e.values["replaces"] == lost.number]
        assert again.values["drawing_no"] == lost.values["drawing_no"]
        assert again.values["receiver"] == lost.values["receiver"]
        assert all("-" in str(e.values["drawing_no"]) for e in drawings)

        gifts = every["gifts"]
        assert {str(g.values["kind"]) for g in gifts} >= {
            "gift", "cash", "card", "voucher", "securities", "travel", "other",
        }  # fmt: skip
        codes = Counter(f.problem.code for g in gifts for f in g.flags)
        assert codes["hand_in_overdue"] >= 3
        assert codes["handed_in_late"] >= 1
        assert all(g.values["late_reason"] for g in gifts if g.values["late_reason"] is not None)
    finally:
        s.logout()

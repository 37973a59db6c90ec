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
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records import review
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

        _deadlines_agree_with_the_flags(regs, clock)

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


#: The office registers' work-list lines and the flag code of the rule each mirrors.
OFFICE_FLAG_OF = {
    "comms.telegram_pending": "telegram_pending",
    "archive_access.overdue": "archive_overdue",
    "visitors.not_checked_out": "not_checked_out",
    "document_prints.waste_pending": "waste_pending",
    "inspection_findings.overdue": "rectification_overdue",
    "inspection_findings.unverified": "rectification_unverified",
    "incidents.unreported": "incident_unreported",
    "incidents.open": "incident_open",
}


def _deadlines_agree_with_the_flags(regs: Registers, clock: FixedClock) -> None:
    """Each line of the office registers and of the classification review lists and counts
    exactly the entries its rule flags, on the demo's data, over days crossing the windows
    (a term's end is computed in SQL for the index and in Python for the flag)."""
    deadlines = registry.entry_deadlines(regs.forms)
    codes = dict(OFFICE_FLAG_OF)
    for key in deadlines:
        if key.startswith("review.ended:"):
            codes[key] = review.TERM_ENDED
        elif key.startswith("review.due:"):
            codes[key] = review.REVIEW_DUE
    assert set(OFFICE_FLAG_OF) <= set(deadlines)
    seen: set[str] = set()
    start = clock.now()
    for days in (0, 1, 31, 400, 3650, 7300):
        clock.set(start + timedelta(days=days))
        for key, code in codes.items():
            register = deadlines[key].register
            flagged = {
                e.number
                for e in regs.page(register, Query(limit=None))
                if any(f.problem.code == code for f in e.flags)
            }
            listed = {e.number for e in regs.page(register, Query(deadline=key, limit=None))}
            assert listed == flagged, (key, days)
            assert regs.count(register, Query(deadline=key, limit=None)) == len(flagged)
            if flagged:
                seen.add(key)
    clock.set(start)
    assert set(OFFICE_FLAG_OF) - seen <= {"comms.telegram_pending"}, set(OFFICE_FLAG_OF) - seen
    assert any(k.startswith("review.due:") for k in seen)
    assert any(k.startswith("review.ended:") for k in seen)

"""The home tab's work list: every deadline a module declares, counted by an indexed query that
agrees with the rules' flags, on the list the register shows for it, within the clearance."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import UsageError
from secrecy_desk.modules import registry, worklist
from secrecy_desk.modules.commitments import due
from secrecy_desk.modules.commitments import report as R
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.personnel.dates import add_months
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registers.deadlines import index_name
from secrecy_desk.vault import db
from tests.support.data import bulk_drawings, gift
from tests.support.vault import CLERK, OFFICER, VaultEnv
from tests.test_commitments import add_people, sign, to_post

#: Each deadline on entries and the flag code of the rule it mirrors.
FLAG_OF = {
    "drawings.recall_overdue": "recall_overdue",
    "gifts.hand_in_overdue": "hand_in_overdue",
    "personnel.disengagement_ended": "disengagement_ended",
    "personnel.disengagement_ending": "disengagement_ends",
    "training.expired": "certificate_expired",
    "training.expiring": "certificate_expires",
}


def _fill(regs: Registers) -> None:
    today = regs.session.clock.today()
    bulk_drawings(regs, 400, seed=3)
    rng = random.Random(5)
    kinds = ["礼品", "礼金", "购物卡", "旅游", "其他"]
    for _ in range(40):
        kind = rng.choice(kinds)
        received = today - timedelta(days=rng.randrange(0, 20))
        raw = gift(
            kind=kind,
            value=str(rng.choice([100, 499, 500, 2000])),
            received_on=received.isoformat(),
            disposition="kept_by_finance",
        )
        if kind == "旅游":
            raw["given_to"] = rng.choice(["个人", "集体"])
        if rng.random() < 0.4:
            handed = min(today, received + timedelta(days=rng.randrange(0, 12)))
            raw["handed_in_on"] = handed.isoformat()
            raw["handler"] = "财务处 王会计"
            raw["voucher_no"] = f"LP-{rng.randrange(1000, 9999)}"
            if (handed - received).days > 7:
                raw["late_reason"] = "出差"
        regs.add("gifts", raw, confirm=True)
    people = add_people(regs, 12, cls="一般")
    for i, number in enumerate(people[:10]):
        to_post(regs, number, today - timedelta(days=400))
        if i < 8:
            ends_from = today - timedelta(days=(i * 5) % 40)
            L.transition(regs, number, L.DISENGAGING, on_date=ends_from, reason="调离")
    for i, number in enumerate(people):
        issued = today - timedelta(days=365 * 5 - 20 + i * 4)
        raw = {
            "person": number,
            "name": f"员工{i:02d}",
            "kind": "保密培训" if i % 2 else "岗位认证",
            "course": "保密法规",
            "issued_on": issued.isoformat(),
        }
        if i % 3 == 0:
            raw["valid_until"] = (today + timedelta(days=i * 3 - 12)).isoformat()
        regs.add("training", raw, confirm=True)


def _flagged(regs: Registers, register: str, code: str) -> set[str]:
    return {
        e.number
        for e in regs.page(register, Query(limit=None))
        if any(f.problem.code == code for f in e.flags)
    }


@pytest.fixture
def filled(regs: Registers) -> Registers:
    _fill(regs)
    return regs


def test_each_deadline_counts_and_lists_exactly_the_flagged_entries(
    filled: Registers, clock: FixedClock
) -> None:
    regs = filled
    deadlines = registry.entry_deadlines(regs.forms)
    assert set(FLAG_OF) <= set(deadlines)
    seen_some = set()
    for days in (0, 3, 9, 25, 40, 243, 25, 35, 820):
        clock.advance(timedelta(days=days))
        for key, code in FLAG_OF.items():
            register = deadlines[key].register
            expected = _flagged(regs, register, code)
            listed = regs.page(register, Query(deadline=key, limit=None))
            assert {e.number for e in listed} == expected, (key, days)
            assert regs.count(register, Query(deadline=key, limit=None)) == len(expected)
            if expected:
                seen_some.add(key)
    assert seen_some == set(FLAG_OF)  # every deadline had entries on some day


def test_a_deadline_is_counted_from_its_index_alone(filled: Registers) -> None:
    regs = filled
    regs.analyze()  # the statistics a large register has
    for key, deadline in registry.entry_deadlines(regs.forms).items():
        spec = regs.spec(deadline.register)
        clauses, params = regs._filters(spec, Query(deadline=key, limit=None))
        plan = " ".join(
            str(r[-1])
            for r in regs.store.all(
                f"EXPLAIN QUERY PLAN SELECT count(*) FROM entries WHERE {' AND '.join(clauses)}",
                params,
            )
        )
        assert f"USING COVERING INDEX {index_name(spec, deadline)}" in plan, (key, plan)


def test_the_clearance_bounds_what_is_counted(vault_env: VaultEnv, clock: FixedClock) -> None:
    key = "drawings.recall_overdue"
    officer = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(officer)
        _fill(regs)
        every = regs.page("drawings", Query(deadline=key, limit=None))
    finally:
        officer.logout()
    assert {e.level.name for e in every} >= {"SECRET"}
    clerk = vault_env.login(CLERK)
    try:
        regs = vault_env.registers(clerk)
        mine = regs.page("drawings", Query(deadline=key, limit=None))
        assert regs.count("drawings", Query(deadline=key, limit=None)) == len(mine)
        assert {e.number for e in mine} == {
            e.number for e in every if clerk.principal.sees(e.level)
        }
        assert len(mine) < len(every)
        # The clerk's work list counts only what the clerk may see.
        lines = {line.deadline.key: line.count for line in worklist.work_list(regs)}
        assert lines.get(key, 0) == len(mine)
    finally:
        clerk.logout()


def test_a_deadline_of_another_register_is_refused(regs: Registers) -> None:
    with pytest.raises(UsageError):
        regs.count("gifts", Query(deadline="drawings.recall_overdue", limit=None))


def test_commitment_counts_agree_with_the_completeness_report(
    regs: Registers, clock: FixedClock
) -> None:
    today = clock.today()
    people = add_people(regs, 9)
    for number in people[:6]:
        to_post(regs, number, today)
    c = Commitments(regs)
    made = c.generate("onboarding", people[:5])
    numbers = [m.number for m in made]
    c.print_batch(numbers, printer="测试打印机")
    for number in numbers[:3]:
        sign(c, number, today)
    for days in (0, 8, 366):
        clock.advance(timedelta(days=days))
        report = R.completeness(c)
        session, forms = regs.session, regs.forms
        assert due.missing(session, forms, clock.today()) == len(report.of(R.MISSING))
        assert due.renew(session, forms, clock.today()) == len(report.of(R.RENEW))
        assert due.unsigned(session, forms, clock.today()) == len(report.of(R.UNSIGNED))
    assert len(report.of(R.RENEW)) == 3


def test_renewal_cutoff_matches_add_months() -> None:
    start = date(2027, 1, 1)
    for n in range(800):
        today = start + timedelta(days=n)
        cut = due.renew_cutoff(today)
        assert add_months(cut, 12) <= today
        assert add_months(cut + timedelta(days=1), 12) > today


def test_the_work_list_has_a_line_per_deadline_the_account_may_see(filled: Registers) -> None:
    lines = worklist.work_list(filled)
    keys = [line.deadline.key for line in lines]
    assert set(FLAG_OF) <= set(keys)
    assert {"commitments.missing", "approvals.waiting"} <= set(keys)
    by_key = {line.deadline.key: line.count for line in lines}
    assert by_key["drawings.recall_overdue"] == len(_flagged(filled, "drawings", "recall_overdue"))


def test_migration_10_adds_the_count_indexes_to_a_vault_of_the_previous_version(
    tmp_path: Path,
) -> None:
    store = db.open_database(tmp_path / "v.db", bytes(32), create=True)
    try:
        db.migrate(store, target=5)
        store.execute(
            "INSERT INTO entries (register, number, year, seq, revision, status, level, data, "
            "created_at, created_by, updated_at, updated_by) VALUES ('personnel', 'RY-1', 2026, "
            "1, 1, 'in_post', 1, '{}', 'x', 'x', 'x', 'x')"
        )
        assert db.migrate(store) == db.latest_version()
        names = {str(r[0]) for r in store.all("SELECT name FROM sqlite_schema")}
        assert {"entries_status", "commitments_printed"} <= names
        plan = store.all(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM entries WHERE register = 'personnel' "
            "AND voided = 0 AND status = 'in_post' AND level <= 3"
        )
        assert "COVERING INDEX entries_status" in str(plan[-1][-1])
    finally:
        store.close()

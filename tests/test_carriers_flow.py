"""Copies against an approved request, destruction packages through the ``destruction``
approval, stocktakes and their discrepancy report, personal holdings and the 离岗 warning
(issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.modules import worklist
from secrecy_desk.modules.approvals.engine import Decision
from secrecy_desk.modules.carriers.deadlines import open_stocktakes, packages_to_execute
from secrecy_desk.modules.carriers.holdings import departure_notices, holdings
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.carriers.packages import Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes, last_match_rate
from secrecy_desk.modules.personnel import lifecycle as people
from secrecy_desk.modules.registers import NeedsConfirmation
from secrecy_desk.vault.session import Session
from tests.support.approvals import LEADER, add_approvers, approvals_as
from tests.support.carriers import carrier, equipment, make_person
from tests.support.data import audit_rows
from tests.support.vault import OFFICER, VaultEnv

TODAY = date(2026, 3, 2)


#: The session open now (a vault has one open session at a time).
_OPEN: list[Session] = []


def _logout() -> None:
    while _OPEN:
        _OPEN.pop().logout()


@pytest.fixture
def env(vault_env: VaultEnv) -> Iterator[VaultEnv]:
    add_approvers(vault_env)
    yield vault_env
    _logout()


def _desk(env: VaultEnv, login: str = OFFICER) -> Carriers:
    _logout()
    session = env.login(login)
    _OPEN.append(session)
    return Carriers(env.registers(session))


def _approve(env: VaultEnv, number: str) -> None:
    _logout()
    with approvals_as(env, LEADER) as a:
        r = a.get(number)
        a.decide(
            number,
            Decision.APPROVE,
            "同意",
            password=env.passwords[LEADER],
            expected_revision=r.revision,
        )


def _copy_request(desk: Carriers, number: str, copies: int) -> str:
    from secrecy_desk.modules.approvals.engine import Approvals

    a = Approvals(desk.session, desk.forms)
    r = a.create(
        "carrier_copy",
        {
            "department": "总体部",
            "applicant_name": "钱保密",
            "carrier": number,
            "title": "某型号总体方案",
            "level": "机密",
            "copies": str(copies),
            "purpose": "评审使用",
            "recipient": "评审组",
        },
    )
    a.submit(r.number)
    return r.number


def test_copies_only_against_an_approved_request_and_at_most_its_number(env: VaultEnv) -> None:
    desk = _desk(env)
    original = desk.register("carriers", carrier(term="15年")).number
    request = _copy_request(desk, original, 2)
    with pytest.raises(ValidationError) as exc:  # submitted, not yet approved
        desk.copy(original, approval=request, copies=1, on_date=TODAY)
    assert "approved copy request" in exc.value.message("en")
    _approve(env, request)
    desk = _desk(env)
    made = desk.copy(original, approval=request, copies=2, on_date=TODAY)
    assert len(made) == 2
    for number in made:
        copy = desk.item(number)
        assert copy.marking == "机密★15年"
        assert copy.values["original"] == original
    assert desk.item(original).values["copies_made"] == 2
    # 份号: the copies follow the original (copy 1), none shares its number
    assert [desk.item(n).values["copy_no"] for n in made] == [2, 3]
    with pytest.raises(ValidationError) as exc:
        desk.copy(original, approval=request, copies=1, on_date=TODAY)
    assert "allows 2 copies and 2 are made already" in exc.value.message("en")
    other = desk.register("carriers", carrier()).number
    with pytest.raises(ValidationError):  # the request is for another carrier
        desk.copy(other, approval=request, copies=1, on_date=TODAY)


def test_copies_of_a_copy_never_repeat_a_copy_number_of_the_family(env: VaultEnv) -> None:
    """份号 are unique among an original and every copy made of it or of its copies: a copy
    of copy 2 is not a second copy 3, and later copies of the original come after it."""
    desk = _desk(env)
    original = desk.register("carriers", carrier(term="15年")).number
    first = _copy_request(desk, original, 2)
    _approve(env, first)
    desk = _desk(env)
    two, three = desk.copy(original, approval=first, copies=2, on_date=TODAY)
    of_copy = _copy_request(desk, two, 1)
    _approve(env, of_copy)
    desk = _desk(env)
    (four,) = desk.copy(two, approval=of_copy, copies=1, on_date=TODAY)
    again = _copy_request(desk, original, 2)
    _approve(env, again)
    desk = _desk(env)
    five, six = desk.copy(original, approval=again, copies=2, on_date=TODAY)
    numbers = {n: desk.item(n).values["copy_no"] for n in (two, three, four, five, six)}
    assert numbers == {two: 2, three: 3, four: 4, five: 5, six: 6}
    assert desk.item(four).values["original"] == two
    assert desk.item(original).values["copies_made"] == 4


def test_destruction_only_through_an_approved_package(env: VaultEnv) -> None:
    desk = _desk(env)
    a = desk.register("carriers", carrier()).number
    b = desk.register("equipment", equipment()).number
    pk = Packages(desk)
    package = pk.create([a, b], reason="到期销毁", method="shredding")
    with pytest.raises(ValidationError) as exc:  # an item in two open packages
        pk.create([a], reason="重复", method="shredding")
    assert "already in destruction package" in exc.value.message("en")
    kw = {"on_date": TODAY, "method": "shredding", "place": "保密室", "handler": "钱保密"}
    with pytest.raises(ValidationError) as exc:
        pk.execute(package.number, witnesses=["甲", "乙"], **kw)  # type: ignore[arg-type]
    assert "not approved" in exc.value.message("en")
    submitted = pk.submit(package.number)
    assert submitted.approval
    assert submitted.phase == "submitted"
    with pytest.raises(ValidationError):  # locked once submitted
        pk.add(package.number, [desk.register("carriers", carrier()).number])
    _approve(env, submitted.approval)
    desk = _desk(env)
    pk = Packages(desk)
    assert pk.get(package.number).phase == "approved"
    assert packages_to_execute(desk.session, desk.forms, TODAY) == 1  # the work list's line
    with pytest.raises(ValidationError) as exc:
        pk.execute(package.number, witnesses=["甲"], **kw)  # type: ignore[arg-type]
    assert "two witnesses" in exc.value.message("en")
    done = pk.execute(package.number, witnesses=["甲", "乙"], **kw)  # type: ignore[arg-type]
    assert done.state == "executed"
    assert {desk.item(n).status for n in (a, b)} == {"destroyed"}
    assert [h.kind for h in desk.history(a)][-1] == "destroy"
    with pytest.raises(ValidationError) as exc:  # a package holding a destroyed item
        pk.create([a], reason="再次", method="shredding")
    assert "destroyed already" in exc.value.message("en")
    with pytest.raises(ValidationError) as exc:
        desk.lend([a], make_person(desk.registers, "周借"), due_on=TODAY, on_date=TODAY)
    assert "has been destroyed" in exc.value.message("en")
    actions = [r.action for r in audit_rows(desk.session)]
    assert actions.count("carrier.destroy") == 2
    assert "package.execute" in actions


def test_a_stocktake_lists_marks_and_reports(env: VaultEnv) -> None:
    desk = _desk(env)
    numbers = [desk.register("carriers", carrier(location="柜1")).number for _ in range(4)]
    elsewhere = desk.register("carriers", carrier(location="柜2")).number
    gone = desk.register("carriers", carrier(location="柜1")).number
    takes = Stocktakes(desk)
    take = takes.open("location", "柜1")
    assert take.expected == 5
    for n in numbers[:3]:
        takes.mark(take.number, n.lower() + " ")  # a scanner's number, any case
    takes.mark(take.number, elsewhere)  # not on the list: unexpected
    with pytest.raises(ValidationError) as exc:
        takes.mark(take.number, "ZT-2026-999999")
    assert "not a carrier or equipment on the ledger" in exc.value.message("en")
    takes.mark(take.number, gone, "elsewhere", found_at="302室")
    assert open_stocktakes(desk.session, desk.forms, TODAY) == 1
    report = takes.close(take.number)
    s = report.stocktake
    assert (s.expected, s.found, s.missing, s.elsewhere, s.unexpected) == (5, 3, 1, 1, 1)
    assert {line.number for line in report.lines} == {numbers[3], elsewhere, gone}
    assert "match rate 60.0%" in report.summary("en")
    rate = last_match_rate(desk.session)
    assert rate is not None
    assert rate.expected == 5
    assert rate.found == 3
    with pytest.raises(ValidationError):
        takes.mark(take.number, numbers[3])  # closed
    incident = takes.open_incident(take.number, numbers[3])  # a missing item: one action
    entry = desk.registers.get("incidents", incident, record_view=False)
    assert numbers[3] in str(entry.values["what"])
    with pytest.raises(ValidationError):
        takes.open_incident(take.number, numbers[0])  # found, not missing


def test_holdings_and_the_departure_warning(env: VaultEnv) -> None:
    desk = _desk(env)
    chen = make_person(desk.registers, "陈静")
    a = desk.register("carriers", carrier()).number
    b = desk.register("equipment", equipment()).number
    desk.issue([a, b], chen, on_date=TODAY - timedelta(days=10))
    desk.lend([a], chen, due_on=TODAY, on_date=TODAY)
    env.clock.advance(timedelta(days=2))
    counts = {line.deadline.key: line.count for line in worklist.work_list(desk.registers)}
    assert counts["carriers.overdue"] == 1  # the home tab's line, from the due date's index
    assert counts["equipment.overdue"] == 0
    held = holdings(desk, chen)
    assert [h.entry.number for h in held] == [a, b]
    assert held[0].overdue
    assert not held[1].overdue
    assert held[1].since == TODAY - timedelta(days=10)
    regs = desk.registers
    people.transition(regs, chen, "in_post", on_date=TODAY, reason="上岗")
    with pytest.raises(NeedsConfirmation) as exc:
        people.transition(
            regs, chen, "disengaging", on_date=TODAY, reason="调离",
            before_leaving=lambda p: departure_notices(desk, p),
        )  # fmt: skip
    assert "still holds 2 classified carriers" in exc.value.message("en")
    assert regs.get("personnel", chen, record_view=False).status == "in_post"
    people.transition(
        regs, chen, "disengaging", on_date=TODAY, reason="调离",
        before_leaving=lambda p: departure_notices(desk, p), confirm=True,
    )  # fmt: skip


def test_a_scan_of_a_destroyed_item_is_refused_and_nothing_is_marked(env: VaultEnv) -> None:
    desk = _desk(env)
    gone = desk.register("carriers", carrier(location="柜9")).number
    pk = Packages(desk)
    package = pk.submit(pk.create([gone], reason="到期", method="shredding").number)
    assert package.approval
    _approve(env, package.approval)
    desk = _desk(env)
    Packages(desk).execute(
        package.number, on_date=TODAY, method="shredding", place="保密室", handler="钱保密",
        witnesses=["甲", "乙"],
    )  # fmt: skip
    takes = Stocktakes(desk)
    take = takes.open("all")
    before = len(audit_rows(desk.session))
    with pytest.raises(ValidationError) as exc:
        takes.mark(take.number, gone)
    assert f"{gone} was destroyed; it cannot be in a cabinet" in exc.value.message("en")
    assert len(audit_rows(desk.session)) == before
    marked = desk.store.scalar(
        "SELECT count(*) FROM carrier_stocktake_items WHERE stocktake_id = ? AND mark IS NOT NULL",
        (take.id,),
    )
    assert marked == 0


def test_a_package_with_one_item_no_longer_destroyable_destroys_none(env: VaultEnv) -> None:
    """The batch is all or nothing: one item lent out after approval refuses the execution
    with one sentence naming it, and no item of the package is destroyed."""
    desk = _desk(env)
    a, b = (desk.register("carriers", carrier()).number for _ in range(2))
    pk = Packages(desk)
    package = pk.submit(pk.create([a, b], reason="到期", method="shredding").number)
    assert package.approval
    _approve(env, package.approval)
    desk = _desk(env)
    desk.lend([b], make_person(desk.registers, "周借"), due_on=TODAY, on_date=TODAY)
    events = desk.store.scalar("SELECT count(*) FROM carrier_events")
    with pytest.raises(ValidationError) as exc:
        Packages(desk).execute(
            package.number, on_date=TODAY, method="shredding", place="保密室",
            handler="钱保密", witnesses=["甲", "乙"],
        )  # fmt: skip
    assert f"{b} is" in exc.value.message("en")
    assert "cannot be destroyed now" in exc.value.message("en")
    assert [desk.item(n).status for n in (a, b)] == ["registered", "lent"]
    assert desk.item(a).revision == 1
    assert desk.store.scalar("SELECT count(*) FROM carrier_events") == events
    assert Packages(desk).get(package.number).phase == "approved"


def test_a_refused_copy_past_its_number_makes_no_carrier(env: VaultEnv) -> None:
    desk = _desk(env)
    original = desk.register("carriers", carrier()).number
    request = _copy_request(desk, original, 1)
    _approve(env, request)
    desk = _desk(env)
    count = desk.store.scalar("SELECT count(*) FROM entries WHERE register = 'carriers'")
    with pytest.raises(ValidationError) as exc:
        desk.copy(original, approval=request, copies=2, on_date=TODAY)
    assert "allows 1 copies and 0 are made already; 2 more" in exc.value.message("en")
    assert desk.store.scalar("SELECT count(*) FROM entries WHERE register = 'carriers'") == count
    assert desk.item(original).values.get("copies_made") is None
    assert desk.item(original).revision == 1

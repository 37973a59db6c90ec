"""The three registers' own rules (secrecy_desk.modules): each refusal, warning and flag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from secrecy_desk.core.levels import Level
from secrecy_desk.forms import EntryInvalid
from secrecy_desk.modules.registers import Entry, NeedsConfirmation, Query, Registers
from secrecy_desk.vault.session import Session
from tests.support.data import audit_rows, drawing, gift, person, resident_id
from tests.support.vault import VaultEnv

# The fixtures' clock reads 2026-03-02.
TODAY = date(2026, 3, 2)


def _codes(exc: EntryInvalid) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


def _flags(e: Entry) -> list[tuple[str, str]]:
    return [(f.kind, f.problem.code) for f in e.flags]


# --- personnel: a phone shared by two people ----------------------------------------------


def test_shared_phone_needs_confirmation(regs: Registers, officer: Session) -> None:
    a = regs.add("personnel", person(name="陈静", phone="13812345678")).entry
    other = person(
        name="李强",
        gender="男",
        id_number=resident_id(date(1985, 11, 3), female=False, region="320102"),
        phone="+86 138 1234 5678",  # the same number, typed another way
    )
    with pytest.raises(NeedsConfirmation) as exc:
        regs.add("personnel", other)
    [notice] = exc.value.notices
    assert notice.problem.field == "phone"
    assert notice.problem.code == "shared_phone"
    assert a.number in notice.message("zh_CN")
    assert "陈静" in notice.message("zh_CN")
    assert regs.count("personnel", Query()) == 1  # nothing saved
    saved = regs.add("personnel", other, confirm=True)
    assert saved.notices_confirmed == ("shared_phone",)
    [create] = [
        r for r in audit_rows(officer, "entry.create") if r.obj.endswith(saved.entry.number)
    ]
    assert create.details["confirmed"] == ["shared_phone"]


def test_shared_phone_not_asked_again_for_unrelated_edits(regs: Registers) -> None:
    regs.add("personnel", person(phone="13812345678"))
    b = regs.add(
        "personnel",
        person(
            name="李强",
            gender="男",
            id_number=resident_id(date(1985, 11, 3), female=False, region="320102"),
            phone="13812345678",
        ),
        confirm=True,
    ).entry
    # Once confirmed, a change of post or status does not ask again ...
    regs.edit("personnel", b.number, {"post": "主任设计师"}, expected_revision=1)
    regs.edit("personnel", b.number, {}, expected_revision=2, status="在岗")
    # ... but typing a (new) shared number does.
    c = regs.add(
        "personnel",
        person(
            name="周敏",
            id_number=resident_id(date(1992, 1, 9), female=True, region="440305"),
            phone="13900001111",
        ),
    ).entry
    with pytest.raises(NeedsConfirmation):
        regs.edit("personnel", c.number, {"phone": "13812345678"}, expected_revision=1)


def test_same_person_or_no_phone_is_not_shared(regs: Registers) -> None:
    regs.add("personnel", person(phone=""))
    regs.add(
        "personnel",
        person(
            name="李强",
            gender="男",
            id_number=resident_id(date(1985, 11, 3), female=False),
            phone="",
        ),
    )
    assert regs.count("personnel", Query()) == 2


def test_id_number_must_agree_with_gender(regs: Registers) -> None:
    with pytest.raises(EntryInvalid) as exc:
        regs.add("personnel", person(gender="男"))  # the ID number is a woman's
    assert "id_number" in _codes(exc.value)
    bad_check = person()
    bad_check["id_number"] = bad_check["id_number"][:-1] + (
        "0" if bad_check["id_number"][-1] != "0" else "1"
    )
    with pytest.raises(EntryInvalid) as exc:
        regs.add("personnel", bad_check)
    assert _codes(exc.value)["id_number"] == "id_check"


# --- drawings: recall, overdue, re-issue ---------------------------------------------------


def test_top_secret_drawing_must_be_recalled(regs: Registers) -> None:
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(level="绝密"))
    codes = _codes(exc.value)
    assert codes["must_recall"] == "top_secret_recall"
    assert codes["due_on"] == "due_required"


def test_a_drawing_that_must_be_recalled_needs_a_due_date(regs: Registers) -> None:
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(must_recall="是"))
    assert _codes(exc.value) == {"due_on": "due_required"}
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(must_recall="是", due_on="2026-02-01"))
    assert "due_on" in _codes(exc.value)  # before the issue date


def test_overdue_recall_is_flagged_after_the_due_date(regs: Registers, vault_env: VaultEnv) -> None:
    e = regs.add("drawings", drawing(must_recall="是", due_on="2026-03-10")).entry
    free = regs.add("drawings", drawing(drawing_no="XX-2026-040", due_on="2026-03-05")).entry
    assert e.flags == ()
    vault_env.clock.advance(timedelta(days=8))  # 2026-03-10: due today, not yet overdue
    assert regs.get("drawings", e.number).flags == ()
    vault_env.clock.advance(timedelta(days=1))
    late = regs.get("drawings", e.number)
    assert _flags(late) == [("overdue", "recall_overdue")]
    assert "2026-03-10" in late.flags[0].message("zh_CN")
    # A drawing that need not come back is never overdue.
    assert regs.get("drawings", free.number).flags == ()
    # The flag shows on the list too, and goes away once the drawing is back.
    [row] = [x for x in regs.page("drawings", Query()) if x.number == e.number]
    assert _flags(row) == [("overdue", "recall_overdue")]
    back = regs.edit(
        "drawings",
        e.number,
        {"recalled": "是", "recalled_on": "2026-03-11", "recalled_by": "周敏"},
        expected_revision=1,
    ).entry
    assert back.flags == ()


def test_recall_and_loss_need_their_dates_and_notes(regs: Registers) -> None:
    e = regs.add("drawings", drawing()).entry
    with pytest.raises(EntryInvalid) as exc:
        regs.edit("drawings", e.number, {"recalled": "是"}, expected_revision=1)
    assert _codes(exc.value) == {"recalled_on": "recalled_on_required"}
    with pytest.raises(EntryInvalid) as exc:
        regs.edit(
            "drawings",
            e.number,
            {"lost": "是", "loss_recorded_on": "2026-03-02"},
            expected_revision=1,
        )
    assert _codes(exc.value) == {"loss_note": "loss_record_required"}


def test_reissue_to_the_same_receiver_waits_for_recall(regs: Registers) -> None:
    first = regs.add("drawings", drawing(drawing_no="XX-2026-031", receiver="张伟")).entry
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(drawing_no="XX-2026-031", receiver="张伟"))
    [p] = exc.value.problems
    assert (p.field, p.code) == ("drawing_no", "reissue_before_recall")
    assert first.number in p.message("zh_CN")
    # Another receiver, or another drawing, is fine.
    regs.add("drawings", drawing(drawing_no="XX-2026-031", receiver="李娜"))
    regs.add("drawings", drawing(drawing_no="XX-2026-032", receiver="张伟"))
    regs.edit(
        "drawings",
        first.number,
        {"recalled": "是", "recalled_on": "2026-03-02", "recalled_by": "周敏"},
        expected_revision=1,
    )
    second = regs.add(
        "drawings", drawing(drawing_no="XX-2026-031", receiver="张伟", replaces=first.number)
    ).entry
    assert second.values["replaces"] == first.number


def test_reissue_allowed_after_the_loss_is_recorded(regs: Registers) -> None:
    first = regs.add("drawings", drawing(receiver="张伟")).entry
    with pytest.raises(EntryInvalid):
        regs.add("drawings", drawing(receiver="张伟"))
    regs.edit(
        "drawings",
        first.number,
        {
            "lost": "是",
            "loss_recorded_on": "2026-03-02",
            "loss_note": "出差途中遗失，已书面告知原图作废",
        },
        expected_revision=1,
    )
    regs.add("drawings", drawing(receiver="张伟"))


def test_reissue_allowed_after_the_earlier_issue_is_voided(regs: Registers) -> None:
    first = regs.add("drawings", drawing(receiver="张伟")).entry
    regs.void("drawings", first.number, "登记有误")
    regs.add("drawings", drawing(receiver="张伟"))


# --- gifts: hand-in rules -----------------------------------------------------------------


#: (kind as typed, value, may stay with the recipient)
HAND_IN_CASES = [
    ("礼金", "100", False),  # cash whatever the amount
    ("购物卡", "50", False),
    ("代币券", "20", False),
    ("股票", "1", False),
    ("礼品", "300", True),
    ("礼品", "499.99", True),
    ("礼品", "500", False),  # 500 yuan or more (含)
    ("礼品", "600", False),
]


def test_what_must_be_handed_in(regs: Registers) -> None:
    for kind, value, may_keep in HAND_IN_CASES:
        raw = gift(kind=kind, value=value, disposition="registered_only")
        if may_keep:
            assert regs.add("gifts", raw).entry.flags == (), (kind, value)
            continue
        with pytest.raises(EntryInvalid) as exc:
            regs.add("gifts", raw)
        assert _codes(exc.value) == {"disposition": "must_hand_in"}, (kind, value)
        raw["disposition"] = "kept_by_finance"
        raw.update(handed_in_on="2026-03-02", handler="财务处 孙丽", voucher_no="PZ-001")
        assert regs.add("gifts", raw).entry.flags == (), (kind, value)


def test_travel_given_to_a_person_is_handed_in_whatever_its_value(regs: Registers) -> None:
    raw = gift(kind="旅游", value="100", description="旅游资格", disposition="registered_only")
    with pytest.raises(EntryInvalid) as exc:
        regs.add("gifts", raw)
    assert _codes(exc.value) == {"disposition": "must_hand_in"}
    # Given to the unit, it is registered and the unit decides (S7 §5.1), whatever its value.
    unit = gift(
        kind="旅游",
        value="5000",
        given_to="集体",
        description="旅游资格",
        disposition="unit_decides",
    )
    assert regs.add("gifts", unit).entry.flags == ()


def test_not_handed_in_after_seven_days_is_overdue(regs: Registers, vault_env: VaultEnv) -> None:
    e = regs.add("gifts", gift(value="600", disposition="", received_on=TODAY.isoformat())).entry
    small = regs.add("gifts", gift(value="300", received_on=TODAY.isoformat())).entry
    assert e.flags == ()
    vault_env.clock.advance(timedelta(days=7))  # the 7th day is still in time
    assert regs.get("gifts", e.number).flags == ()
    vault_env.clock.advance(timedelta(days=1))
    late = regs.get("gifts", e.number)
    assert _flags(late) == [("overdue", "hand_in_overdue")]
    assert regs.get("gifts", small.number).flags == ()
    flagged = [x.number for x in regs.page("gifts", Query()) if x.flags]
    assert flagged == [e.number]


def test_late_hand_in_needs_a_reason_and_is_flagged(regs: Registers, vault_env: VaultEnv) -> None:
    vault_env.clock.advance(timedelta(days=9))
    day9 = (TODAY + timedelta(days=9)).isoformat()
    raw = gift(kind="现金", value="100", disposition="kept_by_finance", handed_in_on=day9,
               handler="财务处 孙丽", voucher_no="PZ-002")  # fmt: skip
    raw["received_on"] = TODAY.isoformat()
    with pytest.raises(EntryInvalid) as exc:
        regs.add("gifts", raw)
    assert _codes(exc.value) == {"late_reason": "late_reason_required"}
    raw["late_reason"] = "出差在外，返回后上交"
    e = regs.add("gifts", raw).entry
    assert _flags(e) == [("attention", "handed_in_late")]
    on_time = gift(
        kind="现金", value="100", disposition="kept_by_finance",
        received_on=TODAY.isoformat(), handed_in_on=(TODAY + timedelta(days=7)).isoformat(),
        handler="财务处 孙丽", voucher_no="PZ-003",
    )  # fmt: skip
    assert regs.add("gifts", on_time).entry.flags == ()


def test_gift_entries_are_internal(regs: Registers) -> None:
    assert regs.add("gifts", gift()).entry.level is Level.INTERNAL

"""Gifts to the end (issue 13 item 7: hand-in with voucher, disposal by the named approvers,
the half-yearly summary per department) and the self-inspection sheet (item 5), every figure
checked against the data the test builds."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from secrecy_desk.core.errors import AuthError, UsageError
from secrecy_desk.core.money import Money
from secrecy_desk.forms import EntryInvalid
from secrecy_desk.modules.commitments.flow import ONBOARDING, Commitments
from secrecy_desk.modules.gifts.summary import HalfYear, print_summary, summary
from secrecy_desk.modules.office import sheet
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.registers import Registers, printouts
from secrecy_desk.vault import audit_review
from tests.support.data import drawing, gift, person, resident_id
from tests.support.vault import AUDITOR, CLERK, OFFICER, VaultEnv


def _fields(exc: pytest.ExceptionInfo[EntryInvalid]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def _text(pdf: bytes) -> str:
    return (
        "".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
        .replace(" ", "")
        .replace("\n", "")
    )


HANDED = {"handed_in_on": "2026-02-26", "handler": "财务处 孙丽", "voucher_no": "PZ-2026-011"}


def test_hand_in_and_disposal_follow_the_rules(regs: Registers) -> None:
    big = gift(value="800", disposition="", received_on="2026-02-25")
    with pytest.raises(EntryInvalid) as refused:
        regs.add("gifts", {**big, "handed_in_on": "2026-02-26"})
    assert _fields(refused) == {"handler": "hand_in_incomplete", "voucher_no": "hand_in_incomplete"}
    with pytest.raises(EntryInvalid) as refused:
        regs.add("gifts", {**big, "disposition": "委托兑现", "disposed_on": "2026-02-27"})
    assert _fields(refused) == {"disposition": "disposed_before_hand_in"}
    e = regs.add("gifts", {**big, **HANDED, "disposition": "上交财务保管"}).entry
    with pytest.raises(EntryInvalid) as refused:
        regs.edit(
            "gifts", e.number,
            {"disposition": "留作单位资产", "disposed_on": "2026-02-25"}, expected_revision=1,
        )  # fmt: skip
    assert _fields(refused) == {
        "disposed_on": "disposed_before_hand_in",
        "approver": "approver_required",
        "co_reviewer": "co_reviewer_required",
    }
    done = regs.edit(
        "gifts", e.number,
        {"disposition": "留作单位资产", "disposed_on": "2026-02-28", "approver": "财务处长 刘强",
         "co_reviewer": "行政处长 陈刚"},
        expected_revision=1,
    ).entry  # fmt: skip
    assert done.values["disposition"] == "unit_asset"
    cash = gift(kind="礼金", value="1000", disposition="", received_on="2026-02-25", **HANDED)
    with pytest.raises(EntryInvalid) as refused:
        regs.add("gifts", {**cash, "disposition": "用于接待、慰问", "disposed_on": "2026-02-27",
                           "approver": "财务处长 刘强"})  # fmt: skip
    assert _fields(refused) == {"disposition": "cash_stays_with_finance"}
    # The voucher (附件一) is the entry's paper form, with the voucher number on it.
    out = printouts.print_entry(regs, "gifts", e.number, printer="p")
    text = _text(out.pdf)
    assert "员工上交礼品礼金有价证券凭证" in text
    assert "PZ-2026-011" in text
    assert "会同审核人" in text


def test_the_half_year_summary_per_department(regs: Registers, vault_env: VaultEnv) -> None:
    vault_env.clock.advance(timedelta(days=130))  # 2026-07-10
    rows = [
        # 一室: received in H1, handed in in H1, disposed of in H1.
        gift(department="一室", value="800", disposition="委托兑现", received_on="2026-02-01",
             handed_in_on="2026-02-03", handler="孙丽", voucher_no="PZ-1", disposed_on="2026-03-01",
             approver="刘强", co_reviewer="陈刚"),
        # 一室: received and handed in in H1, held by finance at the end of June.
        gift(department="一室", kind="礼金", value="1000", disposition="上交财务保管",
             received_on="2026-05-01", handed_in_on="2026-05-02", handler="孙丽",
             voucher_no="PZ-2"),
        # 一室: received in June, handed in in July: received in H1, held only from H2.
        gift(department="一室", kind="礼金", value="200", disposition="上交财务保管",
             received_on="2026-06-28", handed_in_on="2026-07-02", handler="孙丽", voucher_no="PZ-3",
             late_reason=""),
        # 二室: a small gift only registered (received, never handed in).
        gift(department="二室", value="300", received_on="2026-04-01"),
        # 二室: received in 2025 (before the period), handed in then, disposed of in H1.
        gift(department="二室", value="600", disposition="用于接待、慰问", received_on="2025-12-20",
             handed_in_on="2025-12-22", handler="孙丽", voucher_no="PZ-0", disposed_on="2026-01-05",
             approver="刘强", co_reviewer="陈刚"),
    ]  # fmt: skip
    for raw in rows:
        regs.add("gifts", raw)
    lines = {x.department: x for x in summary(regs, HalfYear.parse("2026上半年"))}
    one, two = lines["一室"], lines["二室"]
    assert (one.received.count, one.received.value) == (3, Money(200000))
    assert (one.handed_in.count, one.handed_in.value) == (2, Money(180000))
    assert (one.disposed.count, one.disposed.value) == (1, Money(80000))
    assert (one.held.count, one.held.value) == (1, Money(100000))
    assert (two.received.count, two.handed_in.count) == (1, 0)
    assert (two.disposed.count, two.disposed.value) == (1, Money(60000))
    assert two.held.count == 0
    h2 = {x.department: x for x in summary(regs, HalfYear.parse("2026H2"))}
    assert (h2["一室"].handed_in.count, h2["一室"].held.count) == (1, 2)
    out = print_summary(regs, HalfYear(2026, 1), printer="p")
    text = _text(out.pdf)
    assert "礼品礼金有价证券上交、处理和积余情况半年报" in text
    assert "2026年上半年" in text
    assert "¥2,000.00" in text  # 一室 received
    with pytest.raises(UsageError, match="2026H1"):
        HalfYear.parse("2026Q1")


def test_the_summary_lists_departments_in_the_units_order(
    regs: Registers, vault_env: VaultEnv
) -> None:
    """Numbered departments by their number (一室, 二室, 三室 … 十二室: the Chinese numerals
    read as numbers, not by character code, which puts 三 before 二), the others by pinyin
    after them, as the program orders names — on screen, on paper and in the export."""
    vault_env.clock.advance(timedelta(days=130))  # 2026-07-10
    for dept in ("三室", "总体部", "十二室", "一室", "保密办", "二室", "质量处", "第2研究室"):
        regs.add("gifts", gift(department=dept, received_on="2026-04-01"))
    want = ["一室", "二室", "三室", "十二室", "保密办", "第2研究室", "质量处", "总体部"]
    assert [x.department for x in summary(regs, HalfYear(2026, 1))] == want
    text = _text(print_summary(regs, HalfYear(2026, 1), printer="p").pdf)
    places = [text.index(d) for d in want]
    assert places == sorted(places)


@dataclass(frozen=True)
class Stocktake:
    """The shape of the carriers module's last closed stocktake (``MatchRate``)."""

    closed_on: date
    expected: int
    found: int
    rate: float


def _person(regs: Registers, i: int, name: str) -> str:
    raw = person(
        name=name,
        gender="男",
        id_number=resident_id(date(1980, 1, 1) + timedelta(days=i), female=False, serial=i),
        phone=f"138{i:08d}",
    )
    return regs.add("personnel", raw).entry.number


def test_the_self_inspection_sheet_is_filled_from_the_data(vault_env: VaultEnv) -> None:
    for _ in range(2):
        with pytest.raises(AuthError):
            vault_env.login(CLERK, "not-the-password")
    s = vault_env.login(AUDITOR)
    try:
        audit_review.verify(s)
    finally:
        s.logout()
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        today = s.clock.today()  # 2026-03-02
        signed, unsigned, _under_review, leaving = (
            _person(regs, i, n) for i, n in enumerate(("甲", "乙", "丙", "丁"))
        )
        for number in (signed, unsigned, leaving):
            L.transition(regs, number, L.IN_POST, on_date=today, reason="审查合格")
        L.transition(regs, leaving, L.DISENGAGING, on_date=today, reason="调离")
        ends = regs.get("personnel", leaving, record_view=False).values["disengage_ends"]
        assert isinstance(ends, date)
        c = Commitments(regs)
        (made,) = c.generate(ONBOARDING, [signed])
        c.print_batch([made.number], printer="p", copies=1)
        c.record_signature(
            made.number, signed_on=today, witness="钱保密", personnel_copy="人事档案室",
            secrecy_copy="保密办柜1",
        )  # fmt: skip
        regs.add("training", {"person": unsigned, "name": "乙", "kind": "保密培训",
                              "course": "年度保密教育", "issued_on": "2026-02-10"})  # fmt: skip
        regs.add("training", {"person": signed, "name": "甲", "kind": "保密培训",
                              "course": "往年培训", "issued_on": "2025-06-10"})  # fmt: skip
        regs.add("drawings", drawing(must_recall="是", issued_on="2026-02-01", due_on="2026-02-20"))
        regs.add("drawings", drawing(drawing_no="XX-2", must_recall="是", issued_on="2026-02-01",
                                     due_on="2026-04-20"))  # fmt: skip
        regs.add("archive_access", {"item_no": "WS-1", "item_title": "方案", "level": "秘密",
                                    "reader": "王芳", "reader_department": "总体部",
                                    "consulted_on": "2026-02-20", "purpose": "编写总结",
                                    "approved_by": "李主任", "due_on": "2026-02-25"})  # fmt: skip
        regs.add("gifts", gift(kind="礼金", value="1000", disposition="", received_on="2026-02-10"))
        regs.add("gifts", gift(kind="礼金", value="500", disposition="上交财务保管",
                               received_on="2026-02-01", handed_in_on="2026-02-20",
                               late_reason="出差", handler="孙丽", voucher_no="PZ-9"))  # fmt: skip
        insp = regs.add("inspections", {"inspected_on": "2026-02-15", "scope": "全所",
                                        "inspectors": "李明"}).entry  # fmt: skip
        finding = {"inspection": insp.number, "finding": "未粘贴标识", "department": "总体部",
                   "deadline": "2026-03-01"}  # fmt: skip
        regs.add("inspection_findings", finding)

        start = date(2026, 1, 1)
        lines = sheet.fill(regs, start, ends)
        figures = [(x.item, x.figure) for x in lines]
        assert figures == [
            ("保密承诺书签订率", "25.0%（1/4）"),
            ("涉密载体账物相符率", "尚无清查盘点记录"),
            ("逾期未回收、未归还", "图纸逾期未回收 1 份；档案逾期未归还 1 件"),
            ("礼品礼金未按时上交", "逾期未上交 1 件；期内逾期上交 1 件"),
            ("脱密期届满", "期内届满 1 人；其后30日内届满 0 人"),
            ("保密教育培训覆盖率", "50.0%（1/2）"),
            ("检查发现问题逾期未整改", "1 项"),
            ("登录失败与账户锁定", "登录失败 2 次；账户锁定 0 次"),
            ("审计链最近一次核验", "2026-03-02 完整"),
        ]
        assert all(x.source for x in lines), "every line says where its figure came from"
        earlier = sheet.fill(regs, start, ends - timedelta(days=10))
        assert earlier[4].figure == "期内届满 0 人；其后30日内届满 1 人"
        with_stocktake = sheet.fill(
            regs, start, ends, stocktake=lambda _r: Stocktake(date(2026, 2, 28), 40, 39, 0.975)
        )
        assert with_stocktake[1].figure == "97.5%（39/40，2026-02-28）"
        out = sheet.print_sheet(regs, start, ends, printer="p")
        text = _text(out.pdf)
        assert "保密工作自查表" in text
        assert "25.0%（1/4）" in text
        assert "安全审计记录" in text
    finally:
        s.logout()


def test_the_office_commands_print_the_papers(vault_env: VaultEnv) -> None:
    pdf = vault_env.folder.parent / "sheet.pdf"
    r = vault_env.cli_as(
        OFFICER,
        ["office", "self-inspection", "--from", "2026-01-01", "--until", "2026-03-01",
         "--to", str(pdf)],
    )  # fmt: skip
    assert r.code == 0, r.err
    assert "verification code" in r.out
    assert pdf.exists()
    shown = vault_env.cli_as(OFFICER, ["office", "gifts-summary", "--half", "2026H1", "--show"])
    assert shown.code == 0, shown.err
    refused = vault_env.cli_as(CLERK, ["office", "self-inspection", "--from", "2026-01-01",
                                       "--until", "2026-03-01", "--show"])  # fmt: skip
    assert refused.code != 0
    assert "Traceback" not in refused.err


def test_the_sheet_takes_the_match_rate_from_the_module_that_keeps_stocktakes() -> None:
    """No lookup passed: the sheet asks the registry, which names the carriers module's."""
    from secrecy_desk.modules import registry
    from secrecy_desk.modules.carriers import stocktake

    dotted = registry.stocktake_figures()
    assert dotted is not None
    assert registry.resolve(dotted) is stocktake.match_rate_of

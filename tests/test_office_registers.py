"""The secrecy office's registers (issue 13 items 1–6): communications, archive consultation,
visitors against approved foreign-visit requests, the typing room's prints against approved
document-print requests, inspections and rectification, incidents — each refusal one sentence at
its field with nothing saved, each lateness flagged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest

from secrecy_desk.forms import EntryInvalid
from secrecy_desk.modules.approvals.engine import Decision
from secrecy_desk.modules.registers import Query, Registers
from tests.support.approvals import LEADER, add_approvers, approvals_as
from tests.support.vault import CLERK, OFFICER, VaultEnv

VISIT = {
    "host_department": "总经办",
    "handler": "赵录入",
    "visitors": "某公司代表团 3人",
    "nationality": "德国",
    "visitor_count": "3",
    "visit_from": "2026-03-10",
    "visit_to": "2026-03-11",
    "purpose": "商务洽谈",
    "reception_plan": "会议室洽谈",
    "scope": "民品展厅",
    "area": "一号楼会议室",
    "participants": "赵录入、周领导",
    "escort": "周领导",
    "leader": LEADER,
}
PRINT = {
    "title": "2026年度保密工作要点",
    "doc_number": "所保〔2026〕3号",
    "level": "秘密",
    "distribution": "各部门负责人、保密办",
    "copies": "12",
    "source_department": "保密办",
    "leader": LEADER,
}


@contextmanager
def _as(vault_env: VaultEnv, login: str) -> Iterator[Registers]:
    session = vault_env.login(login)
    try:
        yield vault_env.registers(session)
    finally:
        session.logout()


def _request(vault_env: VaultEnv, form: str, raw: dict[str, str], outcome: str) -> str:
    """A request of ``form`` filed by the clerk, then approved, rejected or withdrawn (the
    officer records the paper decisions)."""
    with approvals_as(vault_env, CLERK) as a:
        number = a.submit(a.create(form, raw).number).number
        if outcome == "withdrawn":
            a.withdraw(number, "取消")
            return number
    with approvals_as(vault_env, OFFICER) as a:
        steps = len(a.spec(form).steps)
        for step in range(1, steps + 1):
            decision = Decision.REJECT if outcome == "rejected" else Decision.APPROVE
            a.record_paper(
                number,
                step=step,
                decision=decision,
                signer=("孙主任", "周领导")[step - 1],
                signed_on=vault_env.clock.today(),
                comment="同意" if decision is Decision.APPROVE else "不同意",
            )
            if decision is Decision.REJECT:
                break
    return number


def _fields(exc: pytest.ExceptionInfo[EntryInvalid]) -> dict[str, str]:
    return {p.field: p.code for p in exc.value.problems}


def visitor(**over: str) -> dict[str, str]:
    raw = {
        "name": "Hans Müller",
        "unit": "某公司",
        "nationality": "德国",
        "id_kind": "护照",
        "id_number": "C01X00T47",
        "visit_on": "2026-03-10",
        "host_department": "总经办",
        "area": "一号楼会议室",
        "escort": "周领导",
        "time_in": "09:30",
    }
    raw.update(over)
    return raw


def test_a_foreign_visit_needs_an_approved_request_for_its_dates(vault_env: VaultEnv) -> None:
    add_approvers(vault_env)
    approved = _request(vault_env, "foreign_visit", VISIT, "approved")
    rejected = _request(vault_env, "foreign_visit", VISIT, "rejected")
    withdrawn = _request(vault_env, "foreign_visit", VISIT, "withdrawn")
    printing = _request(vault_env, "document_print", PRINT, "approved")
    with _as(vault_env, CLERK) as regs:
        cases = {
            "": "visit_unapproved",
            "SP-CG-2026-0099": "no_request",
            rejected: "request_rejected",
            withdrawn: "request_withdrawn",
            printing: "wrong_request",
        }
        for ref, code in cases.items():
            with pytest.raises(EntryInvalid) as refused:
                regs.add("visitors", visitor(approval_ref=ref))
            assert _fields(refused) == {"approval_ref": code}, ref
            assert len(refused.value.problems) == 1
        with pytest.raises(EntryInvalid) as refused:
            regs.add("visitors", visitor(approval_ref=approved, visit_on="2026-03-12"))
        assert _fields(refused) == {"visit_on": "visit_other_dates"}
        assert "2026-03-10 to 2026-03-11" in refused.value.problems[0].line("en")
        assert regs.count("visitors", Query()) == 0, "nothing saved"

        ok = regs.add("visitors", visitor(approval_ref=approved)).entry
        # A visitor of our own country needs no request; a resident ID is checked.
        with pytest.raises(EntryInvalid) as refused:
            regs.add("visitors", visitor(nationality="中国", id_kind="身份证", id_number="123"))
        assert set(_fields(refused)) == {"id_number"}
        with pytest.raises(EntryInvalid) as refused:
            regs.add("visitors", visitor(approval_ref=approved, id_number="X!"))
        assert _fields(refused) == {"id_number": "bad_passport"}

        # Not checked out by the end of the day: flagged the next day.
        assert regs.get("visitors", ok.number).flags == ()
        vault_env.clock.advance(timedelta(days=9))
        (flag,) = regs.get("visitors", ok.number).flags
        assert (flag.kind, flag.problem.code) == ("overdue", "not_checked_out")
        with pytest.raises(EntryInvalid) as refused:
            regs.edit("visitors", ok.number, {"time_out": "08:00"}, expected_revision=1)
        assert _fields(refused) == {"time_out": "out_before_in"}
        out = regs.edit("visitors", ok.number, {"time_out": "16:10"}, expected_revision=1).entry
        assert out.flags == ()


def test_document_prints_keep_to_the_approved_request(vault_env: VaultEnv) -> None:
    add_approvers(vault_env)
    approved = _request(vault_env, "document_print", PRINT, "approved")
    raw = {
        "doc_number": "所保〔2026〕3号",
        "title": "2026年度保密工作要点",
        "level": "秘密",
        "distribution": "各部门负责人、保密办",
        "copies": "12",
        "source_department": "保密办",
        "signing_leader": "周领导",
        "request_ref": approved,
        "printed_on": "2026-03-02",
        "typist": "李打字",
        "proofreader": "王校对",
    }
    with _as(vault_env, OFFICER) as regs:
        with pytest.raises(EntryInvalid) as refused:
            regs.add("document_prints", {**raw, "copies": "20"})
        assert _fields(refused) == {"copies": "not_as_approved"}
        assert "12" in refused.value.problems[0].line("en")
        with pytest.raises(EntryInvalid) as refused:
            regs.add("document_prints", {**raw, "waste_destroyed": "是"})
        assert _fields(refused) == {"waste_destroyed_by": "destroyer_required"}
        e = regs.add("document_prints", raw).entry
        assert e.marking == "秘密★10年"
        assert [f.problem.code for f in e.flags] == ["waste_pending"]
        done = regs.edit(
            "document_prints",
            e.number,
            {"waste_destroyed": "是", "waste_destroyed_by": "王校对"},
            expected_revision=1,
        ).entry
        assert done.flags == ()


def test_comms_and_archive_access(regs: Registers, vault_env: VaultEnv) -> None:
    call = {
        "direction": "发",
        "means": "电话",
        "occurred_on": "2026-03-02",
        "time": "10:05",
        "counterpart": "某研究所 王工",
        "subject": "联调安排",
        "level": "秘密",
        "operator": "张伟",
    }
    with pytest.raises(EntryInvalid) as refused:
        regs.add("comms", call)
    assert _fields(refused) == {"approval_ref": "approval_required", "secured": "unsecured"}
    with pytest.raises(EntryInvalid) as refused:
        regs.add("comms", {**call, "level": "内部", "time": "25:00", "filed_on": "2026-03-02"})
    assert _fields(refused) == {"time": "bad_time", "filed_on": "telegram_only"}
    ok = regs.add("comms", {**call, "approval_ref": "SP-TX-01", "secured": "是"}).entry
    assert ok.flags == ()
    telegram = regs.add(
        "comms", {**call, "means": "密电", "approval_ref": "SP-TX-02", "direction": "收"}
    ).entry
    vault_env.clock.advance(timedelta(days=31))
    assert [f.problem.code for f in regs.get("comms", telegram.number).flags] == [
        "telegram_pending"
    ]
    with pytest.raises(EntryInvalid) as refused:
        regs.edit("comms", telegram.number, {"disposal": "销毁"}, expected_revision=1)
    assert _fields(refused) == {
        "disposed_on": "disposal_incomplete",
        "disposed_by": "disposal_incomplete",
    }

    consult = {
        "item_no": "WS-2020-017",
        "item_title": "某型号总体方案",
        "level": "机密",
        "reader": "王芳",
        "reader_department": "总体部",
        "consulted_on": "2026-04-01",
        "purpose": "编写技术总结",
        "approved_by": "李主任",
        "due_on": "2026-04-03",
    }
    a = regs.add("archive_access", consult).entry
    with pytest.raises(EntryInvalid) as refused:
        regs.edit("archive_access", a.number, {"returned_on": "2026-03-31"}, expected_revision=1)
    assert "returned_on" in _fields(refused), "a return before the consultation"
    vault_env.clock.advance(timedelta(days=3))  # 2026-04-05: past due
    assert [f.kind for f in regs.get("archive_access", a.number).flags] == ["overdue"]
    with pytest.raises(EntryInvalid) as refused:
        regs.edit("archive_access", a.number, {"returned_on": "2026-04-04"}, expected_revision=1)
    assert _fields(refused) == {"intact": "intact_required", "checked_by": "checker_required"}
    back = regs.edit(
        "archive_access",
        a.number,
        {"returned_on": "2026-04-04", "intact": "是", "checked_by": "档案员"},
        expected_revision=1,
    ).entry
    assert back.flags == ()


def test_rectification_is_verified_by_someone_else_and_flagged_when_late(
    regs: Registers, vault_env: VaultEnv
) -> None:
    insp = regs.add(
        "inspections",
        {"inspected_on": "2026-03-01", "scope": "保密要害部门", "inspectors": "保密办 李明、张伟"},
    ).entry
    finding = {
        "inspection": insp.number,
        "finding": "涉密计算机未粘贴密级标识",
        "severity": "一般",
        "department": "总体部",
        "deadline": "2026-03-10",
    }
    f = regs.add("inspection_findings", finding).entry
    with pytest.raises(EntryInvalid) as refused:
        regs.edit(
            "inspection_findings", f.number,
            {"verified_by": "李明", "verified_on": "2026-03-02"}, expected_revision=1,
        )  # fmt: skip
    assert _fields(refused) == {"verified_by": "verified_before_done"}
    done = {"rectification": "已粘贴标识", "rectified_by": "王芳", "rectified_on": "2026-03-02"}
    f2 = regs.edit("inspection_findings", f.number, done, expected_revision=1).entry
    assert [x.problem.code for x in f2.flags] == ["rectification_unverified"]
    with pytest.raises(EntryInvalid) as refused:
        regs.edit(
            "inspection_findings", f.number,
            {"verified_by": " 王 芳", "verified_on": "2026-03-02"}, expected_revision=2,
        )  # fmt: skip
    assert _fields(refused) == {"verified_by": "self_verified"}
    assert "王芳" in refused.value.problems[0].line("en")
    late = regs.add("inspection_findings", {**finding, "finding": "门禁登记不全"}).entry
    vault_env.clock.advance(timedelta(days=9))  # 2026-03-11
    assert [x.kind for x in regs.get("inspection_findings", late.number).flags] == ["overdue"]
    ok = regs.edit(
        "inspection_findings", f.number,
        {"verified_by": "李明", "verified_on": "2026-03-03"}, expected_revision=2,
    ).entry  # fmt: skip
    assert ok.flags == ()


def test_incidents_are_reported_and_closed(regs: Registers, vault_env: VaultEnv) -> None:
    raw = {
        "discovered_on": "2026-03-02",
        "discovered_by": "张伟",
        "what": "清点时发现一份秘密文件去向不明",
        "level": "秘密",
        "remedy": "立即封存相关柜、查找去向",
    }
    e = regs.add("incidents", raw).entry
    assert [f.kind for f in e.flags] == ["attention"]
    vault_env.clock.advance(timedelta(days=1))
    assert [f.kind for f in regs.get("incidents", e.number).flags] == ["overdue"]
    with pytest.raises(EntryInvalid) as refused:
        regs.edit("incidents", e.number, {"reported_to": "保密办"}, expected_revision=1)
    assert _fields(refused) == {"reported_on": "report_incomplete"}
    with pytest.raises(EntryInvalid) as refused:
        regs.edit("incidents", e.number, {"closed_on": "2026-03-03"}, expected_revision=1)
    assert _fields(refused) == {"outcome": "outcome_required"}
    closed = regs.edit(
        "incidents",
        e.number,
        {"reported_to": "保密办", "reported_on": "2026-03-02", "outcome": "已找回",
         "closed_on": "2026-03-03"},
        expected_revision=1,
    ).entry  # fmt: skip
    assert closed.flags == ()
    assert date(2026, 3, 3) == closed.values["closed_on"]

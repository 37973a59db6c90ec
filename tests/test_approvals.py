"""The approval workflow: states, separation of duties, electronic and paper decisions,
content changes voiding decisions, overdue steps, lists and the printed table."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from secrecy_desk.core.errors import AuthError, ConflictError, PermissionDenied, ValidationError
from secrecy_desk.core.roles import Action, Permission
from secrecy_desk.forms import FormDefinitionError, FormKind, load_form
from secrecy_desk.modules.approvals.engine import Decision, State, working_days_after
from secrecy_desk.modules.approvals.printing import print_request
from secrecy_desk.modules.prints.verify import verify_code
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.codes import Match
from secrecy_desk.records.printing import ReprintReasonRequired
from secrecy_desk.records.store import content_hash
from secrecy_desk.vault import accounts as account_admin
from tests.support.approvals import (
    CLERK,
    FORMS,
    GM,
    HEAD,
    LEADER,
    OFFICER,
    add_approvers,
    approvals_as,
)
from tests.support.vault import SECADMIN, VaultEnv

COPY = {
    "department": "保密办",
    "applicant_name": "赵录入",
    "drawing_no": "DZ-2026-017",
    "drawing_name": "雷达天线支架总图",
    "material": "纸质图纸",
    "level": "一般",
    "copies": "2",
    "purpose": "外协加工需要",
    "recipient": "某机械加工厂",
    "outside_processing": "是",
    "agreement_signed": "是",
}

SAMPLES: dict[str, dict[str, str]] = {
    "drawing_copy": COPY,
    "document_print": {
        "title": "2026年度保密工作要点",
        "doc_number": "所保〔2026〕3号",
        "level": "秘密",
        "distribution": "各部门负责人、保密办",
        "copies": "12",
        "source_department": "保密办",
        "leader": LEADER,
    },
    "foreign_provision": {
        "department": "科研部",
        "handler": "赵录入",
        "foreign_party": "某国某研究所 史密斯",
        "items": "某型设备接口说明",
        "level": "秘密",
        "carrier": "纸质文件1份",
        "way": "书面",
        "purpose": "合作协议约定",
        "provide_on": "2026-03-20",
        "measures": "已签保密协议",
    },
    "foreign_visit": {
        "host_department": "总经办",
        "handler": "赵录入",
        "visitors": "某公司代表团 3人",
        "nationality": "德国",
        "visitor_count": "3",
        "visit_from": "2026-03-10",
        "visit_to": "2026-03-11",
        "purpose": "商务洽谈",
        "reception_plan": "会议室洽谈，午餐后参观展厅",
        "scope": "民品展厅",
        "area": "一号楼会议室、展厅",
        "participants": "赵录入、周领导",
        "escort": "周领导",
        "leader": LEADER,
    },
    "exchange_personnel": {
        "name": "钱工",
        "gender": "男",
        "department": "科研部",
        "post": "高级工程师",
        "secret_grade": "重要",
        "destination": "法国",
        "mission": "参加国际学术会议",
        "depart_on": "2026-04-01",
        "return_on": "2026-04-08",
        "commitment_signed": "是",
        "reminded": "是",
    },
    "destruction": {
        "package": "XHB-2026-0001",
        "items": "2",
        "level": "秘密",
        "item_list": "ZT-2026-000001 某型号总体方案 秘密★10年\nZT-2026-000002 试验数据 秘密★10年",
        "method": "粉碎",
        "reason": "保密期限届满，无保存价值",
    },
    "carrier_copy": {
        "department": "总体部",
        "applicant_name": "赵录入",
        "carrier": "ZT-2026-000001",
        "title": "某型号总体方案",
        "level": "秘密",
        "copies": "2",
        "purpose": "评审使用",
        "recipient": "评审组",
    },
    "publication": {
        "title": "某材料的热处理工艺研究",
        "authors": "赵录入、钱工",
        "department": "科研部",
        "kind": "学术论文",
        "outlet": "某学报",
        "summary": "公开文献可查的工艺参数对比",
        "no_secrets": "是",
    },
}


@pytest.fixture
def env(vault_env: VaultEnv) -> VaultEnv:
    add_approvers(vault_env)
    return vault_env


def submitted(env: VaultEnv, form: str = "drawing_copy") -> str:
    with approvals_as(env, CLERK) as a:
        r = a.create(form, SAMPLES[form])
        assert r.state is State.DRAFT
        r = a.submit(r.number)
        assert r.state is State.SUBMITTED
        assert r.step == 1
        assert r.round == 1
        return r.number


def decide(env: VaultEnv, login: str, number: str, decision: Decision, comment: str = "同意"):  # type: ignore[no-untyped-def]
    with approvals_as(env, login) as a:
        r = a.get(number)
        return a.decide(
            number, decision, comment, password=env.passwords[login], expected_revision=r.revision
        )


def test_every_type_has_fields_and_steps() -> None:
    types = FORMS.of_kind(FormKind.APPROVAL)
    assert {t.id for t in types} == set(SAMPLES)
    assert all(t.steps for t in types)
    assert FORMS["drawing_copy"].steps[-1].title_zh == "总经理审批意见"


def test_working_days() -> None:
    friday = date(2026, 3, 6)
    assert working_days_after(friday, friday) == 0
    assert working_days_after(friday, date(2026, 3, 8)) == 0  # the weekend
    assert working_days_after(friday, date(2026, 3, 9)) == 1
    assert working_days_after(friday, date(2026, 3, 13)) == 5


def test_full_chain_approved_with_hash_and_audit(env: VaultEnv) -> None:
    number = submitted(env)
    r = decide(env, HEAD, number, Decision.APPROVE, "情况属实，同意复制")
    assert r.state is State.IN_REVIEW
    assert r.step == 2
    r = decide(env, GM, number, Decision.APPROVE, "同意，加工完成后收回")
    assert r.state is State.APPROVED
    assert [e.decider for e in r.decisions] == [HEAD, GM]
    assert all(e.content_hash == content_hash(r.form, number, 1, r.stored) for e in r.decisions)
    with approvals_as(env, OFFICER) as a:
        assert a.verify(number) == []
        actions = [str(row[0]) for row in a.store.all("SELECT action FROM audit")]
    assert actions.count("approval.decide") == 2
    assert "approval.submit" in actions


def test_clerk_without_approve_permission_cannot_decide(env: VaultEnv) -> None:
    number = submitted(env)
    with approvals_as(env, CLERK) as a, pytest.raises(PermissionDenied):
        a.decide(number, Decision.APPROVE, "同意", password="x", expected_revision=1)


def test_applicant_approver_cannot_approve_own(env: VaultEnv) -> None:
    """An approver who may also apply (granted create) cannot decide their own request."""
    s = env.login(SECADMIN)
    try:
        account_admin.grant(s, GM, permissions=[Permission("approvals", Action.CREATE)])
    finally:
        s.logout()
    with approvals_as(env, GM) as a:
        r = a.create("publication", SAMPLES["publication"])
        r = a.submit(r.number)
        assert a.may_decide(r) is not None
        assert r.number not in [x.number for x in a.waiting_for_me()]
        with pytest.raises(PermissionDenied, match="own request"):
            a.decide(
                r.number,
                Decision.APPROVE,
                "同意",
                password=env.passwords[GM],
                expected_revision=r.revision,
            )


def test_one_person_does_not_decide_two_steps(env: VaultEnv) -> None:
    number = submitted(env, "foreign_visit")  # step 1 by role approver, step 2 by LEADER
    decide(env, LEADER, number, Decision.APPROVE, "外事部门同意")
    with approvals_as(env, LEADER) as a:
        r = a.get(number)
        assert r.step == 2
        with pytest.raises(PermissionDenied, match="two steps"):
            a.decide(
                number,
                Decision.APPROVE,
                "同意",
                password=env.passwords[LEADER],
                expected_revision=r.revision,
            )


def test_department_head_and_named_account(env: VaultEnv) -> None:
    number = submitted(env)  # department step: an approver of 保密办
    with approvals_as(env, LEADER) as a, pytest.raises(PermissionDenied, match="head of 保密办"):
        a.decide(
            number,
            Decision.APPROVE,
            "同意",
            password=env.passwords[LEADER],
            expected_revision=1,
        )
    with approvals_as(env, HEAD) as a:
        assert [r.number for r in a.waiting_for_me()] == [number]
    printing = submitted(env, "document_print")  # decided by the named leader only
    with approvals_as(env, GM) as a:
        assert a.may_decide(a.get(printing)) is not None
    r = decide(env, LEADER, printing, Decision.APPROVE, "内容无误，同意打印")
    assert r.state is State.APPROVED


def test_wrong_password_records_nothing(env: VaultEnv) -> None:
    number = submitted(env)
    with approvals_as(env, HEAD) as a:
        with pytest.raises(AuthError):
            a.decide(number, Decision.APPROVE, "同意", password="wrong", expected_revision=1)
        assert a.get(number).decisions == ()
        with pytest.raises(ValidationError):
            a.decide(
                number, Decision.APPROVE, "  ", password=env.passwords[HEAD], expected_revision=1
            )


def test_content_change_voids_pending_decisions(env: VaultEnv) -> None:
    number = submitted(env)
    decide(env, HEAD, number, Decision.APPROVE, "同意")
    with approvals_as(env, CLERK) as a:
        r = a.edit(number, {"copies": "5"}, expected_revision=1)
        assert r.revision == 2
        assert r.state is State.SUBMITTED
        assert r.step == 1
        assert r.decisions == ()
        history = a.history(number)
        voided = [e for e in history if e.is_decision]
        assert len(voided) == 1
        assert voided[0].voided
        assert voided[0].voided_by_revision == 2
        assert voided[0].content_hash != content_hash(r.form, number, 2, r.stored)
        assert [e.kind for e in history] == ["create", "submit", "decide", "edit"]
    # deciding what was seen at revision 1 is refused
    with approvals_as(env, HEAD) as a, pytest.raises(ConflictError):
        a.decide(
            number, Decision.APPROVE, "同意", password=env.passwords[HEAD], expected_revision=1
        )
    r = decide(env, HEAD, number, Decision.APPROVE, "重新审核，同意")
    assert r.step == 2
    assert [e.revision for e in r.decisions] == [2]


def test_return_edit_resubmit_and_reject(env: VaultEnv) -> None:
    number = submitted(env)
    r = decide(env, HEAD, number, Decision.RETURN, "请补充外协单位名称")
    assert r.state is State.RETURNED
    with approvals_as(env, CLERK) as a:
        r = a.edit(number, {"recipient": "某市精密机械厂"}, expected_revision=1)
        assert r.state is State.RETURNED
        r = a.submit(number)
        assert r.state is State.SUBMITTED
        assert r.round == 2
        assert r.decisions == ()
    decide(env, HEAD, number, Decision.APPROVE, "同意")
    r = decide(env, GM, number, Decision.REJECT, "不同意对外提供")
    assert r.state is State.REJECTED
    with approvals_as(env, CLERK) as a:
        with pytest.raises(ValidationError):
            a.edit(number, {"copies": "1"}, expected_revision=r.revision)
        with pytest.raises(ValidationError):
            a.withdraw(number, "不再需要")


def test_withdraw_only_by_applicant(env: VaultEnv) -> None:
    number = submitted(env)
    with approvals_as(env, OFFICER) as a, pytest.raises(PermissionDenied):
        a.withdraw(number, "x")
    with approvals_as(env, CLERK) as a:
        r = a.withdraw(number, "任务取消")
        assert r.state is State.WITHDRAWN
        assert a.history(number)[-1].comment == "任务取消"


def test_paper_decision(env: VaultEnv) -> None:
    number = submitted(env)
    day = env.clock.today()
    with approvals_as(env, CLERK) as a, pytest.raises(PermissionDenied, match="another clerk"):
        a.record_paper(
            number,
            step=1,
            decision=Decision.APPROVE,
            signer="孙主任",
            signed_on=day,
            comment="同意",
        )
    with approvals_as(env, OFFICER) as a:
        with pytest.raises(PermissionDenied, match="own request"):
            a.record_paper(
                number,
                step=1,
                decision=Decision.APPROVE,
                signer="赵录入",
                signed_on=day,
                comment="同意",
            )
        with pytest.raises(ValidationError):
            a.record_paper(
                number,
                step=2,
                decision=Decision.APPROVE,
                signer="孙主任",
                signed_on=day,
                comment="同意",
            )
        r = a.record_paper(
            number,
            step=1,
            decision=Decision.APPROVE,
            signer="孙主任",
            signed_on=day,
            comment="同意（纸质签批）",
        )
        assert r.step == 2
        paper = r.decisions[0]
        assert paper.paper
        assert paper.decider == "孙主任"
        assert paper.account == OFFICER
        with pytest.raises(PermissionDenied, match="two steps"):
            a.record_paper(
                number,
                step=2,
                decision=Decision.APPROVE,
                signer="孙主任",
                signed_on=day,
                comment="同意",
            )
        r = a.record_paper(
            number,
            step=2,
            decision=Decision.APPROVE,
            signer="吴总经理",
            signed_on=day,
            comment="同意",
        )
        assert r.state is State.APPROVED
        actions = [str(row[0]) for row in a.store.all("SELECT action FROM audit")]
    assert actions.count("approval.paper") == 2
    # an approver has no right to record paper
    with approvals_as(env, HEAD) as a, pytest.raises(PermissionDenied):
        a.record_paper(
            number, step=1, decision=Decision.APPROVE, signer="x", signed_on=day, comment="同意"
        )


def test_overdue_steps(env: VaultEnv) -> None:
    number = submitted(env)  # submitted on Monday 2026-03-02; step 1 allows 2 working days
    with approvals_as(env, OFFICER) as a:
        assert a.overdue() == []
    env.clock.advance(timedelta(days=3))  # Thursday: 3 working days
    with approvals_as(env, OFFICER) as a:
        (late,) = a.overdue()
        assert late.number == number
        assert late.overdue_days == 1


def test_lists(env: VaultEnv) -> None:
    number = submitted(env)
    other = submitted(env, "publication")
    with approvals_as(env, CLERK) as a:
        assert {r.number for r in a.mine()} == {number, other}
        assert a.waiting_for_me() == []
    with approvals_as(env, HEAD) as a:
        assert {r.number for r in a.waiting_for_me()} == {number, other}
        assert a.mine() == []
        assert len(a.all()) == 2
        assert [r.number for r in a.all(form="publication")] == [other]
    with approvals_as(env, LEADER) as a:
        assert a.waiting_for_me() == []


@pytest.mark.parametrize("form", sorted(SAMPLES))
def test_each_type_fills_and_prints_every_step(env: VaultEnv, form: str) -> None:
    number = submitted(env, form)
    spec = FORMS[form]
    deciders = {"department_head": HEAD, "account": LEADER}
    used: list[str] = []
    for step in spec.steps:
        login = deciders.get(step.decider.value) or next(
            x for x in (GM, LEADER, HEAD) if x not in used
        )
        used.append(login)
        decide(env, login, number, Decision.APPROVE, f"同意{step.name}")
    with approvals_as(env, CLERK) as a:
        r = a.get(number)
        assert r.state is State.APPROVED
        out = print_request(a, number, printer="测试打印机")
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.pdf)).pages)
    flat = text.replace(" ", "").replace("\n", "")
    assert spec.layout.title_zh in flat
    for step in spec.steps:
        assert step.title_zh.replace(" ", "") in flat
        assert f"同意{step.name}" in flat
    assert out.code.replace("-", "") in flat.replace("-", "")
    assert r.marking.replace(" ", "") in flat


def test_printed_table_verifies_and_reprint_needs_reason(env: VaultEnv) -> None:
    number = submitted(env, "document_print")
    with approvals_as(env, CLERK) as a:
        out = print_request(a, number, printer="测试打印机")
        regs = open_registers(a.session, FORMS)
        check = verify_code(regs, out.code)
        assert check.match is Match.CURRENT
        with pytest.raises(ReprintReasonRequired):
            print_request(a, number, printer="测试打印机")
        again = print_request(a, number, printer="测试打印机", reason="原件污损")
        assert again.reprint
        a.edit(number, {"copies": "20"}, expected_revision=1)
        assert verify_code(regs, out.code).match is Match.OLDER


STEPLESS = """
id = "{id}"
kind = "{kind}"
title_zh = "测试"
title_en = "Test"
entry_level = "INTERNAL"
search = ["name"]

[numbering]
pattern = "T-{{year}}-{{seq:04}}"

[[statuses]]
code = "filed"
zh = "已登记"
en = "Filed"
initial = true

[list]
columns = ["number", "name"]
sort = ["-number"]
orientation = "portrait"

[print]
title_zh = "测试"
title_en = "Test"

[[fields]]
name = "name"
type = "text"
label_zh = "名称"
label_en = "Name"
required = true
"""


@pytest.mark.parametrize(
    ("kind", "steps", "problem"),
    [
        ("approval", "", "needs at least one [[steps]]"),
        ("register", '[[steps]]\nname = "a"\n', "only approval forms"),
        (
            "approval",
            '[[steps]]\nname = "a"\ntitle_zh = "甲"\ntitle_en = "A"\ndecider = "boss"\n',
            'unknown decider "boss"',
        ),
        (
            "approval",
            '[[steps]]\nname = "a"\ntitle_zh = "甲"\ntitle_en = "A"\ndecider = "account"\n'
            'account_field = "name"\n',
            "required field of type account",
        ),
        (
            "approval",
            '[[steps]]\nname = "a"\ntitle_zh = "甲"\ntitle_en = "A"\ndecider = "role"\n'
            'role = "approver"\ndays = 0\n',
            "days 0 must be between 1 and 60",
        ),
    ],
)
def test_broken_steps_are_refused(tmp_path: Path, kind: str, steps: str, problem: str) -> None:
    path = tmp_path / "things.toml"
    path.write_text(STEPLESS.format(id="things", kind=kind) + "\n" + steps, encoding="utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        load_form(path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(str(path))
    assert caught.value.problem("zh_CN") != caught.value.problem("en")


def test_only_the_applicant_message_names_the_person(env: VaultEnv) -> None:
    """Another clerk's withdrawal is refused with the applicant's name, never their login."""
    number = submitted(env)
    with approvals_as(env, OFFICER) as a, pytest.raises(PermissionDenied) as refused:
        a.withdraw(number, "不需要了")
    text = refused.value.message("zh_CN")
    assert "赵录入" in text
    assert CLERK not in text

"""Commitments and approvals as a clerk works them (issue 15, item 7): warnings naming the
letter a person already has waiting or that contradicts their status, a departure letter for
someone not in post says what to do first, a step for other people names them, and the demo
has the department heads every approval type needs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from secrecy_desk.core.errors import PermissionDenied, ValidationError
from secrecy_desk.modules.approvals.engine import Decision
from secrecy_desk.modules.commitments.flow import DEPARTURE, IN_POST, ONBOARDING, Commitments
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.registers import NeedsConfirmation, Registers
from tests.support.approvals import APPROVERS, HEAD, LEADER, add_approvers, approvals_as
from tests.support.vault import VaultEnv
from tests.test_approvals import submitted
from tests.test_commitments import add_people, sign


def test_a_letter_waiting_or_contradicting_status_is_named_before_generating(
    regs: Registers,
) -> None:
    c = Commitments(regs)
    (num,) = add_people(regs, 1)
    [onboarding] = c.generate(ONBOARDING, [num], confirm=False)
    with pytest.raises(NeedsConfirmation) as caught:
        c.generate(IN_POST, [num], confirm=False)
    text = caught.value.message("zh_CN")
    assert onboarding.number in text
    assert "上岗保密承诺书" in text  # the waiting letter, by its title
    assert "上岗审查" in text  # not in post: an in-post letter contradicts the status
    assert c.find(template=IN_POST) == []  # nothing generated
    [made] = c.generate(IN_POST, [num], confirm=True)
    assert made.template == IN_POST


def test_a_departure_letter_for_someone_not_in_post_says_what_to_do_first(
    regs: Registers,
) -> None:
    c = Commitments(regs)
    (num,) = add_people(regs, 1)
    [letter] = c.generate(DEPARTURE, [num], confirm=True)
    c.print_batch([letter.number], printer="测试打印机", copies=1)
    today = regs.session.clock.today()
    with pytest.raises(ValidationError) as caught:
        sign(c, letter.number, today)
    text = caught.value.message("zh_CN")
    assert num in text
    assert letter.number in text
    # Once in post, the same letter is signed and starts the disengagement period.
    L.transition(regs, num, L.IN_POST, on_date=today - timedelta(days=1), reason="审查合格")
    sign(c, letter.number, today)
    assert regs.get("personnel", num, record_view=False).status == L.DISENGAGING


def test_a_step_for_other_people_names_them(vault_env: VaultEnv) -> None:
    add_approvers(vault_env)
    number = submitted(vault_env)  # step 1: the head of 保密办
    with approvals_as(vault_env, LEADER) as a, pytest.raises(PermissionDenied) as caught:
        a.decide(
            number,
            Decision.APPROVE,
            "同意",
            password=vault_env.passwords[LEADER],
            expected_revision=1,
        )
    text = caught.value.message("zh_CN")
    assert APPROVERS[HEAD][0] in text  # 孙主任, by name
    assert "保密办" in text


def test_the_demo_has_heads_for_every_approval_type() -> None:
    from secrecy_desk.core.roles import Role
    from secrecy_desk.demo.vault import USERS

    clerk = next(u for u in USERS if u.login == "wangfang")
    approvers = [u for u in USERS if u.role is Role.APPROVER]
    assert any(u.department == clerk.department for u in approvers)  # a department head
    # Three-step types need three different deciders besides the applicant.
    assert len(approvers) >= 3

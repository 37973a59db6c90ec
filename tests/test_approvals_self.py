"""A request whose only decider would be its applicant is refused at submit, with the reason
(before, it was accepted and could then never be decided)."""

from __future__ import annotations

import pytest

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.roles import Action, Permission
from secrecy_desk.vault import accounts as account_admin
from tests.support.approvals import CLERK, GM, add_approvers, approvals_as
from tests.support.vault import SECADMIN, VaultEnv
from tests.test_approvals import SAMPLES


@pytest.fixture
def env(vault_env: VaultEnv) -> VaultEnv:
    add_approvers(vault_env)
    return vault_env


def test_naming_oneself_as_the_deciding_leader_is_refused_at_submit(env: VaultEnv) -> None:
    s = env.login(SECADMIN)
    try:
        account_admin.grant(s, GM, permissions=[Permission("approvals", Action.CREATE)])
    finally:
        s.logout()
    with approvals_as(env, GM) as a:
        r = a.create("document_print", {**SAMPLES["document_print"], "leader": GM})
        with pytest.raises(ValidationError) as caught:
            a.submit(r.number)
        text = caught.value.message("en")
        assert "only by the applicant" in text
        assert "Leader of the supplying department" in text
        assert "原稿提供单位领导签字" in caught.value.message("zh_CN")
        assert a.get(r.number).state.value == "draft"  # nothing changed


def test_naming_someone_else_is_submitted(env: VaultEnv) -> None:
    with approvals_as(env, CLERK) as a:
        r = a.create("document_print", SAMPLES["document_print"])
        assert a.submit(r.number).state.value == "submitted"

"""``approvals`` from the command line: submit, decide with the password again, record a paper
decision, list, show, withdraw and print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.approvals import CLERK, GM, HEAD, OFFICER, add_approvers
from tests.support.vault import VaultEnv

COPY = [
    "department=保密办",
    "applicant_name=赵录入",
    "drawing_no=DZ-2026-017",
    "drawing_name=雷达天线支架总图",
    "material=纸质图纸",
    "level=一般",
    "copies=2",
    "purpose=外协加工需要",
    "recipient=某机械加工厂",
]


@pytest.fixture
def env(vault_env: VaultEnv) -> VaultEnv:
    add_approvers(vault_env)
    return vault_env


def sets(values: list[str]) -> list[str]:
    return [arg for v in values for arg in ("--set", v)]


def test_submit_decide_paper_show_and_print(env: VaultEnv, tmp_path: Path) -> None:
    r = env.cli_as(CLERK, ["approvals", "submit", "--form", "drawing_copy", *sets(COPY)])
    assert r.code == 0, r.err
    number = r.out.split(":")[0].strip()
    assert number.startswith("SP-FZ-2026-")
    r = env.cli_as(HEAD, ["approvals", "list", "--waiting", "--format", "json"])
    assert [x["number"] for x in json.loads(r.out)] == [number]
    args = ["approvals", "decide", "--request", number, "--decision", "approve"]
    r = env.cli_as(HEAD, [*args, "--comment", "同意"], "wrong password")
    assert r.code == 3
    r = env.cli_as(HEAD, [*args, "--comment", "同意"], env.passwords[HEAD])
    assert r.code == 0, r.err
    assert "step 2" in r.out
    r = env.cli_as(HEAD, [*args, "--comment", "同意"], env.passwords[HEAD])
    assert r.code == 3  # one person, two steps
    r = env.cli_as(
        OFFICER,
        [
            "approvals", "record-paper", "--request", number, "--step", "2",
            "--decision", "approve", "--signer", "吴总经理", "--signed-on", "2026-03-02",
            "--comment", "同意，纸质签批",
        ],
    )  # fmt: skip
    assert r.code == 0, r.err
    r = env.cli_as(CLERK, ["approvals", "show", "--request", number])
    assert "Approved" in r.out
    assert "吴总经理 (paper, 2026-03-02)" in r.out
    # People by name (applicant, electronic decider, history), never by login.
    assert "赵录入" in r.out
    for login in (CLERK, HEAD, OFFICER):
        assert login not in r.out, login
    r = env.cli_as(CLERK, ["approvals", "list", "--mine"])
    assert "赵录入" in r.out
    assert CLERK not in r.out
    pdf = tmp_path / "table.pdf"
    r = env.cli_as(GM, ["approvals", "print", "--request", number, "--to", str(pdf)])
    assert r.code == 0, r.err
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages).replace(" ", "")
    assert "总经理审批意见" in text
    assert "同意，纸质签批" in text


def test_withdraw_and_lists(env: VaultEnv) -> None:
    r = env.cli_as(CLERK, ["approvals", "submit", "--form", "drawing_copy", "--draft", *sets(COPY)])
    number = r.out.split(":")[0].strip()
    assert "Draft" in r.out
    r = env.cli_as(CLERK, ["approvals", "list", "--mine"])
    assert number in r.out
    r = env.cli_as(CLERK, ["approvals", "withdraw", "--request", number, "--reason", "不需要了"])
    assert r.code == 0, r.err
    r = env.cli_as(CLERK, ["approvals", "list", "--state", "withdrawn", "--format", "json"])
    assert [x["number"] for x in json.loads(r.out)] == [number]
    r = env.cli_as(CLERK, ["approvals", "types"], lang="zh_CN")
    assert "外来人员参观保密审批" in r.out

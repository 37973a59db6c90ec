"""Messages in the user's words (issue 15, item 5): no message shows a field id, a register id
or an action code; the command line's own errors (argparse, the operating system) read in the
user's language; people are shown by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from secrecy_desk.core.errors import DeskError
from secrecy_desk.forms import Forms, FormSpec
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS
from secrecy_desk.modules.registers.io import import_file
from tests.support.vault import CLERK, NAMES, OFFICER, SYSADMIN, VaultEnv

#: Typed input no field accepts as it is (or accepts, for text: then the rules speak).
BAD_INPUTS = ("¤not-a-value¤", "-5", "2026-13-45", "x" * 5000, "\u202e", "0")


def _ids(spec: FormSpec) -> set[str]:
    return {spec.id, *spec.field_names}


def _leaks(lang: str, text: str, ids: set[str]) -> list[str]:
    """The ids that ``text`` shows: in Chinese any id standing as a word of its own (``due_on``,
    ``drawings``); in English (where an id may be an ordinary word: "Must be recalled") an id
    heading a problem line or quoted as a name."""
    if lang != "en":
        pattern = r"(?<![A-Za-z_]){id}(?![A-Za-z_])"
    else:
        pattern = r"(^\s*(Row \d+: )?{id}:)|([“\"]{id}[”\"])"
    return sorted(
        i for i in ids if re.search(pattern.replace("{id}", re.escape(i)), text, re.MULTILINE)
    )


def _messages(regs: Registers, spec: FormSpec, tmp: Path) -> list[tuple[str, str]]:
    """The sentences a set of bad inputs produces in the register, in Chinese and English."""
    errors: list[DeskError] = []

    def attempt(call: object) -> None:
        try:
            call()  # type: ignore[operator]
        except DeskError as exc:
            errors.append(exc)

    attempt(lambda: regs.add(spec.id, {}))
    attempt(lambda: regs.add(spec.id, {f.name: "" for f in spec.fields}))
    for bad in BAD_INPUTS:
        attempt(lambda bad=bad: regs.add(spec.id, {f.name: bad for f in spec.fields}))
        for f in spec.fields:
            attempt(lambda bad=bad, f=f: regs.page(spec.id, Query(where={f.name: bad})))
    # An import of two bad rows under the Chinese labels.
    header = ",".join(f.label_zh for f in spec.fields)
    bad_row = ",".join("¤not-a-value¤" for _ in spec.fields)
    sheet = tmp / f"{spec.id}.csv"
    sheet.write_text(f"{header}\n{bad_row}\n,\n{bad_row}\n", encoding="utf-8")
    attempt(lambda: import_file(regs, spec.id, sheet))
    return [(lang, e.message(lang)) for e in errors for lang in ("zh_CN", "en")]


def test_no_message_shows_a_field_id(vault_env: VaultEnv, forms: Forms, tmp_path: Path) -> None:
    """For every register: required fields left empty, values no field takes, filters that
    cannot apply and a bad import — every sentence names fields by their labels."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        checked = 0
        for spec in forms.registers:
            if spec.id in SYSTEM_REGISTERS:
                continue
            messages = _messages(regs, spec, tmp_path)
            assert messages, spec.id
            for lang, text in messages:
                leaks = _leaks(lang, text, _ids(spec))
                assert not leaks, (spec.id, leaks, text)
            checked += len(messages)
        assert checked > 100
    finally:
        s.logout()


def test_a_refused_action_names_the_register_and_the_action(
    vault_env: VaultEnv, forms: Forms, tmp_path: Path
) -> None:
    r = vault_env.cli_as(
        CLERK, ["export", "--register", "drawings", "--to", str(tmp_path / "x.csv")], lang="zh_CN"
    )
    assert r.code == 3
    title = forms["drawings"].title_zh
    assert r.err.strip() == f"您无权在“{title}”中导出。"
    s = vault_env.login(CLERK)
    try:
        regs = vault_env.registers(s)
        with pytest.raises(DeskError) as caught:
            regs.void("drawings", "TZFS-2026-0001", "错登")
        assert "drawings" not in caught.value.message("zh_CN")
        assert "作废" in caught.value.message("zh_CN")
    finally:
        s.logout()


def test_a_filter_that_cannot_apply_does_not_speak_of_saving(vault_env: VaultEnv) -> None:
    r = vault_env.cli_as(
        OFFICER,
        ["entries", "list", "--register", "drawings", "--where", "due_on=明天"],
        lang="zh_CN",
    )
    assert r.code == 1
    assert "未保存" not in r.err
    assert r.err.startswith("无法按此条件筛选")
    assert "回收期限" in r.err
    assert "due_on" not in r.err


def test_argparse_speaks_chinese(vault_env: VaultEnv) -> None:
    missing = vault_env.cli_as(OFFICER, ["entries", "add"], lang="zh_CN")
    assert missing.code == 2
    assert missing.err.strip() == (
        "用法错误：缺少必填的选项 --register。用法见 secrecy-desk-admin entries add --help。"
    )
    unknown = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--bogus"], lang="zh_CN"
    )
    assert unknown.code == 2
    assert "--bogus 不是此命令的选项" in unknown.err
    choice = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--format", "xml"], lang="zh_CN"
    )
    assert choice.code == 2
    assert "--format 不能为 xml" in choice.err
    for r in (missing, unknown, choice):
        assert len(r.err.strip().splitlines()) == 1  # one sentence, no English usage block
        assert not re.search(r"\b(usage|the following|unrecognized|invalid|argument)\b", r.err)


def test_an_os_error_is_one_sentence_in_the_users_language(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    missing = tmp_path / "没有这个文件.csv"
    r = vault_env.cli_as(
        OFFICER, ["import", "--register", "drawings", "--from", str(missing)], lang="zh_CN"
    )
    assert r.code == 1
    assert r.err.strip() == f"操作失败：找不到该文件或文件夹（{missing}）。未保存任何内容。"
    en = vault_env.cli_as(OFFICER, ["import", "--register", "drawings", "--from", str(missing)])
    assert "there is no such file or folder" in en.err
    assert "No such file or directory" not in en.err + r.err


def test_users_list_headers_in_the_chosen_language(vault_env: VaultEnv) -> None:
    zh = vault_env.cli_as(SYSADMIN, ["users", "list"], lang="zh_CN")
    assert zh.code == 0, zh.err
    assert zh.out.splitlines()[0].split() == ["账户名", "姓名", "角色", "涉密等级", "状态"]
    en = vault_env.cli_as(SYSADMIN, ["users", "list"], lang="en")
    assert en.out.splitlines()[0].split() == ["Login", "Name", "Roles", "Clearance", "Status"]


def test_changed_fields_and_people_by_name(vault_env: VaultEnv, tmp_path: Path) -> None:
    sets = ["--set", "drawing_no=XX-1", "--set", "drawing_name=总装图", "--set", "level=机密"]
    sets += ["--set", "receiver=张伟", "--set", "must_recall=否"]
    add = vault_env.cli_as(OFFICER, ["entries", "add", "--register", "drawings", *sets])
    assert add.code == 0, add.err
    number = add.out.split()[2].rstrip(".")
    edit = vault_env.cli_as(
        OFFICER,
        [
            "entries",
            "edit",
            "--register",
            "drawings",
            "--entry",
            number,
            "--set",
            "copies=3",
            "--set",
            "remarks=补发",
        ],
        lang="zh_CN",
    )
    assert edit.code == 0, edit.err
    assert "改动的项目：份数、备注" in edit.out
    history = vault_env.cli_as(
        OFFICER, ["entries", "history", "--register", "drawings", "--entry", number], lang="zh_CN"
    )
    assert NAMES[OFFICER] in history.out
    assert OFFICER not in history.out
    assert "修改" in history.out
    assert "edit" not in history.out
    printed = vault_env.cli_as(
        OFFICER,
        ["print", "--register", "drawings", "--entry", number, "--to", str(tmp_path / "tz.pdf")],
        lang="zh_CN",
    )
    assert printed.code == 0, printed.err
    listed = vault_env.cli_as(OFFICER, ["entries", "list", "--register", "prints"], lang="zh_CN")
    assert listed.code == 0, listed.err
    assert f"drawings:{number}" not in listed.out
    assert f"图纸发放回收登记 {number}" in listed.out
    assert NAMES[OFFICER] in listed.out
    assert OFFICER not in listed.out

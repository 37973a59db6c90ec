"""``secrecy-desk-admin entries …`` in-process: add, edit, void, show, list, history, formats,
and the exit codes (1 validation, 2 usage, 3 authentication)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from secrecy_desk.forms import load_all
from secrecy_desk.modules.registry import open_registers
from tests.support.data import resident_id
from tests.support.vault import CLERK, OFFICER, VaultEnv


def _sets(raw: dict[str, str]) -> list[str]:
    out: list[str] = []
    for name, value in raw.items():
        out += ["--set", f"{name}={value}"]
    return out


DRAWING = {
    "drawing_no": "XX-2026-031",
    "drawing_name": "总装图",
    "level": "机密",
    "receiver": "张伟",
    "copies": "2",
}


def test_add_edit_show_history_void_list(vault_env: VaultEnv) -> None:
    add = vault_env.cli_as(OFFICER, ["entries", "add", "--register", "drawings", *_sets(DRAWING)])
    assert add.code == 0, add.err
    assert "TZFS-2026-0001" in add.out
    assert "机密★20年" in add.out

    edit = vault_env.cli_as(
        OFFICER,
        [
            "entries", "edit", "--register", "drawings", "--entry", "TZFS-2026-0001",
            "--set", "copies=3", "--set", "remarks=补发一份", "--revision", "1",
        ],
    )  # fmt: skip
    assert edit.code == 0, edit.err
    assert "revision 2" in edit.out
    assert "Copies" in edit.out
    assert "copies" not in edit.out

    stale = vault_env.cli_as(
        OFFICER,
        [
            "entries", "edit", "--register", "drawings", "--entry", "TZFS-2026-0001",
            "--set", "copies=9", "--revision", "1",
        ],
    )  # fmt: skip
    assert stale.code == 1
    assert "revision 2" in stale.err

    show = vault_env.cli_as(
        OFFICER, ["entries", "show", "--register", "drawings", "--entry", "TZFS-2026-0001"]
    )
    assert show.code == 0, show.err
    assert "机密★20年" in show.out
    assert "补发一份" in show.out
    assert "revision 2" in show.out

    hist = vault_env.cli_as(
        OFFICER,
        ["entries", "history", "--register", "drawings", "--entry", "TZFS-2026-0001"],
        lang="zh_CN",
    )
    assert hist.code == 0, hist.err
    lines = hist.out.splitlines()
    assert lines[0].startswith("1 ")
    assert "份数: 2 → 3" in hist.out
    assert "备注: ∅ → 补发一份" in hist.out

    void = vault_env.cli_as(
        OFFICER,
        [
            "entries",
            "void",
            "--register",
            "drawings",
            "--entry",
            "TZFS-2026-0001",
            "--reason",
            "重复",
        ],
    )
    assert void.code == 0, void.err
    listed = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--format", "json"]
    )
    assert json.loads(listed.out) == []
    listed = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--format", "json", "--voided"]
    )
    [row] = json.loads(listed.out)
    assert row["number"] == "TZFS-2026-0001"
    assert row["voided"] is True
    assert row["revision"] == 3


def test_list_filters_search_and_formats(vault_env: VaultEnv) -> None:
    # Seeded through the engine in one login (each CLI call is a login of its own).
    s = vault_env.login(OFFICER)
    try:
        regs = open_registers(s, load_all())
        for no, name, level in [
            ("A-1", "总装图", "机密"),
            ("A-2", "电路原理图", "一般"),
            ("A-3", "保密柜总装图", "一般"),
        ]:
            regs.add(
                "drawings", {**DRAWING, "drawing_no": no, "drawing_name": name, "level": level}
            )
    finally:
        s.logout()
    base = ["entries", "list", "--register", "drawings"]
    js = vault_env.cli_as(OFFICER, [*base, "--search", "总装", "--format", "json"])
    assert js.code == 0, js.err
    assert sorted(r["drawing_no"] for r in json.loads(js.out)) == ["A-1", "A-3"]
    js = vault_env.cli_as(
        OFFICER, [*base, "--search", "总装", "--where", "level=一般", "--format", "json"]
    )
    [only] = json.loads(js.out)
    assert only["drawing_no"] == "A-3"
    assert only["marking"] == "内部"
    assert only["level"] == "General"  # shown in the language asked for (en here)

    out = vault_env.cli_as(OFFICER, [*base, "--format", "csv"], lang="zh_CN")
    rows = list(csv.reader(io.StringIO(out.out)))
    assert rows[0][:3] == ["序号", "图号", "图名"]
    assert len(rows) == 4

    table = vault_env.cli_as(OFFICER, [*base, "--where", "level=机密"], lang="en")
    assert table.code == 0
    assert "A-1" in table.out
    assert "A-2" not in table.out
    assert "1 entries." in table.out

    # The clerk (cleared for 秘密) sees neither the 机密 drawing nor its count.
    clerk = vault_env.cli_as(CLERK, [*base, "--format", "json"])
    assert sorted(r["drawing_no"] for r in json.loads(clerk.out)) == ["A-2", "A-3"]

    bad = vault_env.cli_as(OFFICER, [*base, "--where", "nosuch=1"])
    assert bad.code == 1
    assert "nosuch" in bad.err


def test_validation_error_exits_1_naming_field_and_reason(vault_env: VaultEnv) -> None:
    r = vault_env.cli_as(
        OFFICER,
        ["entries", "add", "--register", "drawings", *_sets({**DRAWING, "copies": "0"})],
        lang="en",
    )
    assert r.code == 1
    assert "Copies:" in r.err
    assert "copies:" not in r.err
    assert "at least 1" in r.err or "1" in r.err.split("Copies:")[1]
    zh = vault_env.cli_as(
        OFFICER,
        ["entries", "add", "--register", "drawings", *_sets({**DRAWING, "level": "绝密"})],
        lang="zh_CN",
    )
    assert zh.code == 1
    assert "须回收:" in zh.err
    assert "must_recall" not in zh.err
    assert "回收期限:" in zh.err
    assert "due_on" not in zh.err
    # Nothing was saved by either.
    js = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--format", "json"]
    )
    assert json.loads(js.out) == []


def test_usage_and_authentication_exit_codes(vault_env: VaultEnv) -> None:
    r = vault_env.cli_as(OFFICER, ["entries", "list", "--register", "nosuch"])
    assert r.code == 2
    assert "nosuch" in r.err
    bad_pair = vault_env.cli_as(
        OFFICER, ["entries", "add", "--register", "gifts", "--set", "novalue"]
    )
    assert bad_pair.code == 2
    wrong = vault_env.cli(
        [
            "entries",
            "list",
            "--register",
            "gifts",
            "--vault",
            str(vault_env.folder),
            "--as",
            OFFICER,
        ],
        "Not-The-Password-9",
    )
    assert wrong.code == 3
    # The clerk may not void (no permission): exit 3 too.
    add = vault_env.cli_as(
        CLERK,
        [
            "entries", "add", "--register", "gifts",
            *_sets({"recipient": "王芳", "department": "一室", "kind": "礼品",
                    "description": "茶叶", "value": "100", "giver": "刘强",
                    "received_on": "2026-03-01"}),
        ],
    )  # fmt: skip
    assert add.code == 0, add.err
    no = vault_env.cli_as(
        CLERK,
        ["entries", "void", "--register", "gifts", "--entry", "LP-2026-0001", "--reason", "x"],
    )
    assert no.code == 3


def test_shared_phone_needs_confirm_flag(vault_env: VaultEnv) -> None:
    def person(name: str, gender: str, pid: str) -> list[str]:
        return _sets(
            {
                "name": name,
                "gender": gender,
                "id_number": pid,
                "department": "总体部",
                "post": "设计员",
                "person_class": "一般",
                "access_level": "秘密",
                "phone": "13912345678",
            }
        )

    base = ["entries", "add", "--register", "personnel"]
    one = vault_env.cli_as(
        OFFICER, [*base, *person("陈静", "女", resident_id(date(1990, 1, 2), female=True))]
    )
    assert one.code == 0, one.err
    two = [*base, *person("李强", "男", resident_id(date(1985, 3, 4), female=False))]
    refused = vault_env.cli_as(OFFICER, two)
    assert refused.code == 1
    assert "Phone:" in refused.err
    assert "陈静" in refused.err
    confirmed = vault_env.cli_as(OFFICER, [*two, "--confirm"])
    assert confirmed.code == 0, confirmed.err
    assert "RY-2026-0002" in confirmed.out

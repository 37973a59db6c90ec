"""Fixtures and builders for the register tests (a pytest plugin: test modules name it in
``pytest_plugins``), on top of the shared fresh vault of ``tests/conftest.py``.

The standard vault is rated 机密 (SECRET); the officer is cleared for 机密, the clerk for 秘密
only, so the clerk is the account that must not see 机密 entries.

PYTEST_DONT_REWRITE (imported by the test modules before pytest loads it as a plugin).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from secrecy_desk.core.idcard import check_char
from secrecy_desk.forms import FORMS_ROOT, Forms, load_all
from secrecy_desk.registers import Registers
from secrecy_desk.vault.session import Session
from tests.conftest import CLERK, OFFICER, VaultEnv

#: A register with one field of every type, for the round-trip tests. It is written into a
#: copy of the real ``forms/`` tree (its ``person`` field points at the real personnel register).
ALLTYPES_TOML = """
id = "alltypes"
kind = "register"
title_zh = "全类型测试登记"
title_en = "Every field type"
level_field = "level"
term_field = "term"
search = ["text", "longtext", "scope"]

[numbering]
pattern = "QL-{year}-{seq:04}"

[[statuses]]
code = "open"
zh = "登记"
en = "Open"
initial = true

[[statuses]]
code = "closed"
zh = "结束"
en = "Closed"

[list]
columns = ["number", "text", "money", "day", "level", "status"]
sort = ["-number"]
orientation = "portrait"

[print]
title_zh = "全类型测试"
title_en = "Every field type"

[[print.sections]]
title_zh = "全部"
title_en = "All"
fields = ["text", "longtext"]

[[fields]]
name = "text"
type = "text"
label_zh = "文本"
label_en = "Text"
required = true
max_length = 50

[[fields]]
name = "longtext"
type = "longtext"
label_zh = "长文本"
label_en = "Long text"
required = false

[[fields]]
name = "count"
type = "integer"
label_zh = "整数"
label_en = "Integer"
required = false
min = -5
max = 1000000

[[fields]]
name = "money"
type = "money"
label_zh = "金额"
label_en = "Amount"
required = false

[[fields]]
name = "day"
type = "date"
label_zh = "日期"
label_en = "Date"
required = false

[[fields]]
name = "kind"
type = "choice"
label_zh = "类别"
label_en = "Kind"
required = false
choices = [
  { code = "a", zh = "甲类", en = "Class A" },
  { code = "b", zh = "乙类", en = "Class B", aliases = ["乙"] },
]

[[fields]]
name = "flag"
type = "bool"
label_zh = "是否"
label_en = "Flag"
required = false

[[fields]]
name = "level"
type = "level"
label_zh = "密级"
label_en = "Level"
required = true
levels = [
  { level = "TOP_SECRET" },
  { level = "SECRET" },
  { level = "CONFIDENTIAL" },
  { level = "INTERNAL" },
  { level = "PUBLIC" },
]

[[fields]]
name = "term"
type = "term"
label_zh = "保密期限"
label_en = "Term"
required = false

[[fields]]
name = "scope"
type = "scope"
label_zh = "知悉范围"
label_en = "Scope"
required = false

[[fields]]
name = "person"
type = "person"
target = "personnel"
label_zh = "人员"
label_en = "Person"
required = false

[[fields]]
name = "account"
type = "account"
label_zh = "账户"
label_en = "Account"
required = false

[[fields]]
name = "ref"
type = "entry_ref"
target = "alltypes"
label_zh = "关联条目"
label_en = "Entry"
required = false

[[fields]]
name = "gender"
type = "choice"
label_zh = "性别"
label_en = "Gender"
required = false
choices = [
  { code = "male", zh = "男", en = "Male" },
  { code = "female", zh = "女", en = "Female" },
]

[[fields]]
name = "resident"
type = "resident_id"
label_zh = "公民身份号码"
label_en = "Resident ID"
required = false
gender_field = "gender"

[[fields]]
name = "phone"
type = "phone"
label_zh = "电话"
label_en = "Phone"
required = false
"""


def resident_id(birth: date, *, female: bool, region: str = "110105", serial: int = 12) -> str:
    """A valid resident ID number: region, birth date, a serial whose last digit is odd for a
    man and even for a woman, and the GB 11643 check character."""
    last = (serial * 2 + (0 if female else 1)) % 10
    first17 = f"{region}{birth:%Y%m%d}{serial % 100:02d}{last}"
    return first17 + check_char(first17)


def drawing(**over: str) -> dict[str, str]:
    """A valid 机密 drawing issue as a clerk would type it; ``over`` replaces fields."""
    raw = {
        "drawing_no": "XX-2026-031",
        "drawing_name": "总装图",
        "copies": "2",
        "level": "机密",
        "receiver": "张伟",
        "issued_on": "2026-03-01",
        "remarks": "",
    }
    raw.update(over)
    return raw


def gift(**over: str) -> dict[str, str]:
    """A valid small gift, registered only; ``over`` replaces fields."""
    raw = {
        "recipient": "王芳",
        "department": "一室",
        "kind": "礼品",
        "description": "茶叶一盒",
        "value": "300",
        "giver": "刘强",
        "giver_unit": "某协作单位",
        "received_on": "2026-03-01",
        "disposition": "registered_only",
    }
    raw.update(over)
    return raw


def person(**over: str) -> dict[str, str]:
    raw = {
        "name": "陈静",
        "gender": "女",
        "id_number": resident_id(date(1988, 5, 17), female=True),
        "department": "总体部",
        "post": "设计员",
        "person_class": "重要",
        "access_level": "机密",
        "phone": "13812345678",
    }
    raw.update(over)
    return raw


@dataclass(frozen=True)
class AuditRow:
    seq: int
    account: str
    action: str
    obj: str
    level: int
    outcome: str
    details: dict[str, Any]


def audit_rows(session: Session, action: str | None = None) -> list[AuditRow]:
    """The audit records written so far (optionally of one action), oldest first."""
    sql = "SELECT seq, account, action, object, level, outcome, details FROM audit"
    params: tuple[object, ...] = ()
    if action is not None:
        sql += " WHERE action = ?"
        params = (action,)
    rows = session.vault.store.all(sql + " ORDER BY seq", params)
    return [
        AuditRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]), str(r[5]), json.loads(r[6]))
        for r in rows
    ]


@pytest.fixture(scope="session")
def forms() -> Forms:
    return load_all()


@pytest.fixture(scope="session")
def alltypes_forms(tmp_path_factory: pytest.TempPathFactory) -> Forms:
    """The real definitions plus ``alltypes``."""
    root = tmp_path_factory.mktemp("forms")
    shutil.copytree(FORMS_ROOT, root, dirs_exist_ok=True)
    (root / "registers" / "alltypes.toml").write_text(ALLTYPES_TOML, encoding="utf-8")
    return load_all(root)


def _session(venv: VaultEnv, login: str) -> Iterator[Session]:
    s = venv.login(login)
    try:
        yield s
    finally:
        s.logout()


@pytest.fixture
def officer(venv: VaultEnv) -> Iterator[Session]:
    """The secrecy officer (clearance 机密, may void and export), logged in."""
    yield from _session(venv, OFFICER)


@pytest.fixture
def regs(officer: Session, forms: Forms) -> Registers:
    return Registers(officer, forms)


@pytest.fixture
def clerk(venv: VaultEnv) -> Iterator[Session]:
    """The clerk (clearance 秘密, no void or export), logged in."""
    yield from _session(venv, CLERK)


@pytest.fixture
def clerk_regs(clerk: Session, forms: Forms) -> Registers:
    return Registers(clerk, forms)


def data_file(name: str) -> Path:
    return Path(__file__).parent / "data" / "import" / name

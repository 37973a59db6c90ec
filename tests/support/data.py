"""Test data (测试数据): entries as a clerk would type them, valid resident ID numbers, a register
with a field of every type, many plausible drawing issues loaded through the engine's own bulk
insert, and the audit records a test reads back."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from secrecy_desk.core.idcard import check_char
from secrecy_desk.forms import Value
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault.session import Session

DATA = Path(__file__).resolve().parent.parent / "data"

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


def data_file(name: str) -> Path:
    return DATA / "import" / name


# --- many drawings ---------------------------------------------------------------------------

DRAWING_WORDS = (
    "总体布置图",
    "结构装配图",
    "电路原理图",
    "液压系统图",
    "控制柜接线图",
    "零件加工图",
    "天线罩总成",
    "试验台架图",
    "保密柜安装图",
    "机房布线图",
    "导引头组件",
    "发射筒结构",
)
RECEIVERS = (
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄敏",
    "周杰",
    "吴霞",
    "徐明",
    "孙丽",
    "马超",
    "朱红",
    "胡军",
    "郭涛",
    "何琳",
    "高峰",
    "林海",
    "罗佳",
)
REMARKS = ("", "", "", "随图附说明书一份", "保密室借阅", "项目组共用", "外协单位使用，已签保密协议")


def drawing_values(rng: random.Random, index: int, today: date) -> dict[str, str]:
    """Typed input for one plausible drawing issue (valid for the drawings register on the
    standard vault, rated 机密: no 绝密 drawing can be entered there)."""
    level = rng.choice(("机密", "一般", "一般", "机密"))
    issued = today - timedelta(days=rng.randrange(0, 2000))
    must = level == "绝密" or (level == "机密" and rng.random() < 0.5)
    recalled = must and rng.random() < 0.7
    raw = {
        "drawing_no": f"DZ{rng.randrange(100, 999)}-{index % 10000:04d}",
        "drawing_name": f"{rng.choice(DRAWING_WORDS)}（第{rng.randrange(1, 9)}版）",
        "copies": str(rng.randrange(1, 6)),
        "level": level,
        "receiver": rng.choice(RECEIVERS),
        "recalled": "是" if recalled else "否",
        "issued_on": issued.isoformat(),
        "remarks": rng.choice(REMARKS),
        "must_recall": "是" if must else "否",
        "lost": "否",
    }
    if must:
        due = issued + timedelta(days=rng.randrange(30, 400))
        raw["due_on"] = due.isoformat()
        if recalled:
            back = min(today, issued + timedelta(days=rng.randrange(1, 300)))
            raw["recalled_on"] = back.isoformat()
    return raw


def bulk_drawings(
    registers: Registers,
    count: int,
    *,
    seed: int = 7,
    batch: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Add ``count`` plausible drawing issues through the engine's bulk insert (checked
    values, one transaction per ``batch``, one audit record each), as a migration from a
    legacy register would. ``progress(done)`` after each batch."""
    spec = registers.spec("drawings")
    rng = random.Random(seed)
    today = registers.session.clock.today()
    # Above some tens of thousands of rows, building the list indexes once at the end is
    # cheaper than updating them row by row.
    defer = count >= 20_000
    if defer:
        registers.planner.drop_indexes()
    done = 0
    while done < count:
        size = min(batch, count - done)
        rows: list[dict[str, Value]] = []
        for i in range(size):
            raw = drawing_values(rng, done + i, today)
            rows.append({f.name: f.parse(raw.get(f.name, ""), today=today) for f in spec.fields})
        registers.bulk_insert("drawings", rows, source="test data", batch=batch, analyze=False)
        done += size
        if progress is not None:
            progress(done)
    if defer:
        registers.planner.ensure_indexes(registers.forms.registers)
    registers.analyze()

"""The building blocks of a field: its type, its choices, its levels, and the value types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Final

from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.money import Money


class FieldType(Enum):
    """The type names written in a definition's ``type = "…"``."""

    TEXT = "text"  # 文本, one line
    LONG_TEXT = "longtext"  # 长文本, several lines
    INTEGER = "integer"  # 整数
    MONEY = "money"  # 金额 (元, exact to the fen)
    DATE = "date"  # 日期
    CHOICE = "choice"  # 选项
    BOOL = "bool"  # 是/否
    LEVEL = "level"  # 密级
    TERM = "term"  # 保密期限
    SCOPE = "scope"  # 知悉范围
    PERSON = "person"  # 人员 (entry number in the personnel register)
    ACCOUNT = "account"  # 账户 (login name)
    ENTRY_REF = "entry_ref"  # 关联条目 (entry number in a register)
    RESIDENT_ID = "resident_id"  # 公民身份号码
    PHONE = "phone"  # 电话


#: Types whose stored form is free text a person may search for (``search = [...]``).
SEARCHABLE: Final = frozenset(
    {
        FieldType.TEXT,
        FieldType.LONG_TEXT,
        FieldType.SCOPE,
        FieldType.PERSON,
        FieldType.ACCOUNT,
        FieldType.ENTRY_REF,
        FieldType.RESIDENT_ID,
        FieldType.PHONE,
    }
)

#: Types that point at an entry of another (or the same) register: ``target`` is required.
REFERENCES: Final = frozenset({FieldType.PERSON, FieldType.ENTRY_REF})

#: Column names every register has besides its fields; a field may not take these names.
NUMBER_COLUMN: Final = "number"  # the entry number (编号 / 序号)
STATUS_COLUMN: Final = "status"  # the entry's status code
META_COLUMNS: Final = frozenset({NUMBER_COLUMN, STATUS_COLUMN})
#: Names kept for the register engine's own columns.
RESERVED_NAMES: Final = META_COLUMNS | frozenset(
    {"id", "rowid", "oid", "revision", "voided", "void_reason", "created_at", "updated_at"}
)


class FormKind(Enum):
    REGISTER = "register"  # 台账, under forms/registers/
    COMMITMENT = "commitment"  # 保密承诺书, under forms/commitments/
    APPROVAL = "approval"  # 审批表, under forms/approvals/


#: The folder under ``forms/`` that holds each kind.
KIND_FOLDERS: Final = {
    FormKind.REGISTER: "registers",
    FormKind.COMMITMENT: "commitments",
    FormKind.APPROVAL: "approvals",
}


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a ``choice`` field: the stored code, its labels, and other words a
    person may type for it (``aliases``, e.g. 现金 for 礼金)."""

    code: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class LevelOption:
    """A level a ``level`` field offers, under the form's own label (drawings say 一般)."""

    level: Level
    zh: str
    en: str

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


#: The canonical Python value of a field; ``None`` when the field is empty.
Value = str | int | bool | Money | date | Level | Term | tuple[str, ...] | None
#: What the register engine writes to the database: JSON-friendly and stable.
Stored = str | int | None

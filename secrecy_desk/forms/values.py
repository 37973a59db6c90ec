"""Field values: text typed by a person → canonical value → stored form → shown text.

``check`` reads input; ``to_storage``/``from_storage`` convert for the database (JSON-friendly,
stable: ints for integers, money in fen and yes/no; ISO dates; level names; encoded terms);
``display`` writes a table cell or a printed form; ``input_text`` writes text that ``check``
reads back to the same value (for editors and the command line).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from secrecy_desk.core import validators as v
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.idcard import check_resident_id
from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.money import Money
from secrecy_desk.forms.types import FieldType, Stored, Value

if TYPE_CHECKING:
    from secrecy_desk.forms.spec import FieldSpec

#: The word a date field's ``default`` may hold to mean the day of entry.
TODAY: str = "today"


def required_problem() -> v.Problem:
    return v.problem("required", QT_TRANSLATE_NOOP("Errors", "This field must be filled in."))


def check(field: FieldSpec, raw: str, *, today: date | None = None) -> Value | v.Problem:
    """The value of ``raw`` for ``field``: ``None`` when blank (a problem if required).

    Checks that need the date (not in the future, a term that has not ended, a birth date in
    an ID number) are made only when ``today`` is given."""
    if not raw.strip():
        return required_problem() if field.required else None
    broken = v.check_encodable(raw)
    if broken is not None:
        return broken
    return _check_filled(field, raw, today)


def _check_filled(field: FieldSpec, raw: str, today: date | None) -> Value | v.Problem:
    match field.type:
        case FieldType.TEXT:
            return v.check_text(
                raw, min_length=field.min_length or 0, max_length=field.max_length or v.TEXT_MAX
            )
        case FieldType.LONG_TEXT:
            return v.check_long_text(
                raw,
                min_length=field.min_length or 0,
                max_length=field.max_length or v.LONG_TEXT_MAX,
            )
        case FieldType.INTEGER:
            return v.check_integer(raw, minimum=field.min_value, maximum=field.max_value)
        case FieldType.MONEY:
            return v.check_money(raw, minimum=field.min_amount, maximum=field.max_amount)
        case FieldType.DATE:
            return v.check_date(
                raw,
                today=today,
                not_future=field.not_future,
                earliest=field.earliest,
                latest=field.latest,
            )
        case FieldType.CHOICE:
            return v.check_choice(raw, field.choice_keys(), field.options_shown())
        case FieldType.BOOL:
            return v.check_bool(raw)
        case FieldType.LEVEL:
            return v.check_level(raw, field.level_keys(), field.options_shown())
        case FieldType.TERM:
            return v.check_term(raw, today=today)
        case FieldType.SCOPE:
            return v.check_scope(
                raw,
                max_items=field.max_items or v.SCOPE_MAX_ITEMS,
                item_max_length=field.max_length or v.SCOPE_ITEM_MAX,
            )
        case FieldType.PERSON | FieldType.ENTRY_REF:
            return v.check_entry_number(raw, field.ref_pattern)
        case FieldType.ACCOUNT:
            return v.check_account(raw)
        case FieldType.RESIDENT_ID:
            resident = check_resident_id(raw, today=today)
            return resident if isinstance(resident, v.Problem) else resident.number
        case FieldType.PHONE:
            return v.check_phone(raw)


def _wrong(field: FieldSpec, value: object) -> TypeError:
    return TypeError(f"field {field.name} ({field.type.value}) cannot hold {value!r}")


def to_storage(field: FieldSpec, value: Value) -> Stored:
    """The stored form of a canonical value; ``None`` stays ``None``."""
    if value is None:
        return None
    match field.type:
        case FieldType.INTEGER if isinstance(value, int) and not isinstance(value, bool):
            return value
        case FieldType.MONEY if isinstance(value, Money):
            return value.fen
        case FieldType.DATE if isinstance(value, date):
            return value.isoformat()
        case FieldType.BOOL if isinstance(value, bool):
            return int(value)
        case FieldType.LEVEL if isinstance(value, Level):
            return value.name
        case FieldType.TERM if isinstance(value, Term):
            return value.encode()
        case FieldType.SCOPE if isinstance(value, tuple):
            return v.SCOPE_JOIN.join(value)
        case (
            FieldType.TEXT
            | FieldType.LONG_TEXT
            | FieldType.CHOICE
            | FieldType.PERSON
            | FieldType.ACCOUNT
            | FieldType.ENTRY_REF
            | FieldType.RESIDENT_ID
            | FieldType.PHONE
        ) if isinstance(value, str):
            return value
    raise _wrong(field, value)


def from_storage(field: FieldSpec, stored: Stored) -> Value:
    """The canonical value of a stored one; raises ``ValueError`` or ``TypeError`` when the
    stored form does not fit the field (a damaged record, never a person's typing)."""
    if stored is None:
        return None
    match field.type:
        case FieldType.INTEGER if isinstance(stored, int):
            return stored
        case FieldType.MONEY if isinstance(stored, int):
            return Money(stored)
        case FieldType.DATE if isinstance(stored, str):
            return date.fromisoformat(stored)
        case FieldType.BOOL if stored in (0, 1):
            return bool(stored)
        case FieldType.LEVEL if isinstance(stored, str):
            return Level[stored]
        case FieldType.TERM if isinstance(stored, str):
            return Term.decode(stored)
        case FieldType.SCOPE if isinstance(stored, str):
            return tuple(stored.split(v.SCOPE_JOIN))
        case (
            FieldType.TEXT
            | FieldType.LONG_TEXT
            | FieldType.CHOICE
            | FieldType.PERSON
            | FieldType.ACCOUNT
            | FieldType.ENTRY_REF
            | FieldType.RESIDENT_ID
            | FieldType.PHONE
        ) if isinstance(stored, str):
            return stored
    raise _wrong(field, stored)


def display(field: FieldSpec, value: Value, lang: str) -> str:
    """What a table cell or a printed form shows; an empty field shows as ``""``."""
    if value is None:
        return ""
    match value:
        case bool():
            if lang == "en":
                return "Yes" if value else "No"
            return "是" if value else "否"
        case Money():
            return value.display()
        case date():
            return value.isoformat()
        case Level():
            return field.level_label(value, lang)
        case Term():
            return v.term_display(value, lang)
        case tuple():
            return (", " if lang == "en" else v.SCOPE_JOIN).join(value)
        case int():
            return str(value)
        case str() if field.type is FieldType.CHOICE:
            return field.choice_label(value, lang)
        case str():
            return value


def input_text(field: FieldSpec, value: Value) -> str:
    """Text that :func:`check` reads back to ``value`` (``""`` for an empty field)."""
    if value is None:
        return ""
    match value:
        case bool():
            return "是" if value else "否"
        case Money():
            return value.plain()
        case date():
            return value.isoformat()
        case Level():
            return value.name
        case Term():
            return v.term_input_text(value)
        case tuple():
            return v.SCOPE_JOIN.join(value)
        case int():
            return str(value)
        case str():
            return value

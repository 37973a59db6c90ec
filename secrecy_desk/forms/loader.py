"""Read the TOML definitions under ``forms/`` into typed :class:`FormSpec` objects.

Strict by design: an unknown key, a missing required key, a wrong type or a broken reference
stops with a :class:`FormDefinitionError` that names the file, the place (the field, when the
problem is in one) and the problem, in the user's language. Nothing is silently defaulted
except the optional keys documented in ``docs/forms.md``.
"""

from __future__ import annotations

import dataclasses
import keyword
import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Final, TypeVar

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level
from secrecy_desk.core.money import Money, MoneySyntaxError
from secrecy_desk.core.validators import Bilingual, Problem, choice_key
from secrecy_desk.forms.spec import (
    DEFAULT_GROUP,
    DEFAULT_ORDER,
    NUMBERING_FIELDS,
    Clause,
    DeciderKind,
    FieldSpec,
    Forms,
    FormSpec,
    ListSpec,
    Numbering,
    Orientation,
    PrintSpec,
    QuickFilter,
    Section,
    SignatureBlock,
    SignatureLine,
    SortKey,
    StatusSpec,
    StepSpec,
    numbering_regex,
)
from secrecy_desk.forms.types import (
    KIND_FOLDERS,
    META_COLUMNS,
    REFERENCES,
    RESERVED_NAMES,
    SEARCHABLE,
    Choice,
    FieldType,
    FormKind,
    LevelOption,
)
from secrecy_desk.forms.values import TODAY

REPO_ROOT: Final = Path(__file__).resolve().parent.parent.parent
#: Where the built-in definitions live.
FORMS_ROOT: Final = REPO_ROOT / "forms"

_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
_TOML_LINE = re.compile(r"at line (?P<line>\d+)")
#: Column width hints, in characters.
WIDTH_RANGE: Final = (2, 80)


class FormDefinitionError(DeskError):
    """A definition under ``forms/`` is wrong; the program does not start with it."""

    exit_code = 4

    def __init__(
        self,
        file: str,
        text: str,
        /,
        *,
        field: str | None = None,
        place: str | None = None,
        line: int | None = None,
        **params: object,
    ) -> None:
        super().__init__(text, **params)
        self.file = file
        self.field = field
        self.place = place
        self.line = line
        self.args = (self.message("en"),)

    def problem(self, lang: str) -> str:
        """The problem alone, without file and place."""
        filled = {k: _param(v, lang) for k, v in self.params.items()}
        return translate(self.context, self.text, lang).format(**filled)

    def message(self, lang: str) -> str:
        where = self.file
        if self.line is not None:
            where += translate(self.context, QT_TRANSLATE_NOOP("Errors", ", line {line}"), lang)
            where = where.format(line=self.line)
        parts = [where]
        if self.place:
            parts.append(self.place)
        if self.field is not None:
            label = translate(self.context, QT_TRANSLATE_NOOP("Errors", 'field "{field}"'), lang)
            parts.append(label.format(field=self.field))
        parts.append(self.problem(lang))
        return ": ".join(parts)


def _param(value: object, lang: str) -> object:
    if isinstance(value, Problem):
        return value.message(lang)
    if isinstance(value, Bilingual):
        return value.text(lang)
    return value


def display_path(path: Path) -> str:
    """``forms/registers/gifts.toml``: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return str(path)


class _Source:
    """The file being read: its name for messages and its text for finding line numbers."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text

    def line_of_field(self, name: str) -> int | None:
        pattern = re.compile(rf"""^\s*name\s*=\s*["']{re.escape(name)}["']""", re.MULTILINE)
        match = pattern.search(self.text)
        return self.text.count("\n", 0, match.start()) + 1 if match else None


class _Table:
    """One TOML table being read, and where it sits for messages."""

    def __init__(
        self,
        source: _Source,
        data: Mapping[str, object],
        *,
        place: str | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.data = data
        self.place = place
        self.field = field

    def error(self, text: str, /, **params: object) -> FormDefinitionError:
        line = self.source.line_of_field(self.field) if self.field else None
        return FormDefinitionError(
            self.source.file, text, field=self.field, place=self.place, line=line, **params
        )

    def allow(self, keys: Iterable[str]) -> None:
        allowed = set(keys)
        for key in self.data:
            if key not in allowed:
                raise self.error(QT_TRANSLATE_NOOP("Errors", 'unknown key "{key}"'), key=key)

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str) -> object:
        if key not in self.data:
            raise self.error(QT_TRANSLATE_NOOP("Errors", 'missing key "{key}"'), key=key)
        return self.data[key]

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self.error(QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a text'), key=key)
        if not value.strip():
            raise self.error(QT_TRANSLATE_NOOP("Errors", 'key "{key}" must not be empty'), key=key)
        return value.strip()

    def opt_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def boolean(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise self.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be true or false'), key=key
            )
        return value

    def opt_bool(self, key: str, default: bool) -> bool:
        return self.boolean(key) if key in self.data else default

    def integer(self, key: str) -> int:
        value = self._get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a whole number'), key=key
            )
        return value

    def opt_int(self, key: str) -> int | None:
        return self.integer(key) if key in self.data else None

    def opt_date(self, key: str) -> date | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if type(value) is not date:  # a datetime or a quoted string is a mistake here
            raise self.error(
                QT_TRANSLATE_NOOP(
                    "Errors", 'key "{key}" must be a date written like 2026-01-01, no quotes'
                ),
                key=key,
            )
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a list of texts'), key=key
            )
        return tuple(str(v).strip() for v in value)

    def table(self, key: str, place: str) -> _Table:
        value = self._get(key)
        if not isinstance(value, dict):
            raise self.error(QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a table'), key=key)
        return _Table(self.source, value, place=place)

    def tables(self, key: str) -> list[Mapping[str, object]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a list of tables'), key=key
            )
        return list(value)


# --- fields -------------------------------------------------------------------------------

_COMMON_KEYS: Final = frozenset(
    {"name", "type", "label_zh", "label_en", "required", "help_zh", "help_en", "default", "width"}
)
_TYPE_KEYS: Final[Mapping[FieldType, frozenset[str]]] = {
    FieldType.TEXT: frozenset({"min_length", "max_length"}),
    FieldType.LONG_TEXT: frozenset({"min_length", "max_length"}),
    FieldType.INTEGER: frozenset({"min", "max"}),
    FieldType.MONEY: frozenset({"min", "max"}),
    FieldType.DATE: frozenset({"min", "max", "not_future", "not_before_field"}),
    FieldType.CHOICE: frozenset({"choices"}),
    FieldType.BOOL: frozenset(),
    FieldType.LEVEL: frozenset({"levels"}),
    FieldType.TERM: frozenset(),
    FieldType.SCOPE: frozenset({"max_items", "max_length"}),
    FieldType.PERSON: frozenset({"target"}),
    FieldType.ACCOUNT: frozenset(),
    FieldType.ENTRY_REF: frozenset({"target"}),
    FieldType.RESIDENT_ID: frozenset({"gender_field", "birth_date_field"}),
    FieldType.PHONE: frozenset(),
}
_ALL_FIELD_KEYS: Final = frozenset().union(_COMMON_KEYS, *_TYPE_KEYS.values())


_FIELD_NAME: Final = Bilingual("字段名", "field name")
_ID: Final = Bilingual("id", "id")
_GROUP: Final = Bilingual("group", "group")
_TARGET: Final = Bilingual("target", "target")
_CHOICE_CODE: Final = Bilingual("选项代码", "choice code")
_STATUS_CODE: Final = Bilingual("状态代码", "status code")


def _identifier(table: _Table, value: str, what: Bilingual) -> str:
    if not _IDENT.match(value) or keyword.iskeyword(value):
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors",
                '{what} "{value}" must be lower-case Latin letters, digits and underscores, '
                "starting with a letter (at most 40)",
            ),
            what=what,
            value=value,
        )
    return value


def _read_field(source: _Source, data: Mapping[str, object], index: int) -> FieldSpec:
    table = _Table(source, data, place=f"[[fields]] #{index}")
    raw_name = table.text("name")
    table = _Table(source, data, field=raw_name)
    name = _identifier(table, raw_name, _FIELD_NAME)
    if name in RESERVED_NAMES:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors", 'the name "{name}" is reserved for the register\'s own columns'
            ),
            name=name,
        )
    type_name = table.text("type")
    try:
        ftype = FieldType(type_name)
    except ValueError:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'unknown type "{type}"; known types: {known}'),
            type=type_name,
            known=", ".join(t.value for t in FieldType),
        ) from None
    for key in data:
        if key in _ALL_FIELD_KEYS and key not in _COMMON_KEYS | _TYPE_KEYS[ftype]:
            raise table.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" does not apply to a field of type {type}'),
                key=key,
                type=ftype.value,
            )
    table.allow(_ALL_FIELD_KEYS)

    width = table.opt_int("width")
    if width is not None and not WIDTH_RANGE[0] <= width <= WIDTH_RANGE[1]:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", "width {width} must be between {low} and {high}"),
            width=width,
            low=WIDTH_RANGE[0],
            high=WIDTH_RANGE[1],
        )
    spec = FieldSpec(
        name=name,
        type=ftype,
        label_zh=table.text("label_zh"),
        label_en=table.text("label_en"),
        required=table.boolean("required"),
        help_zh=table.opt_text("help_zh") or "",
        help_en=table.opt_text("help_en") or "",
        default=table.opt_text("default"),
        width=width,
    )
    spec = _read_type_keys(table, spec)
    _check_default(table, spec)
    return spec


def _positive(table: _Table, key: str) -> int | None:
    value = table.opt_int(key)
    if value is not None and value < 1:
        raise table.error(QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be 1 or more'), key=key)
    return value


_Bound = TypeVar("_Bound", int, Money, date)


def _order(
    table: _Table, low: _Bound | None, high: _Bound | None, low_text: str, high_text: str
) -> None:
    if low is not None and high is not None and low > high:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", "the minimum {min} is above the maximum {max}"),
            min=low_text,
            max=high_text,
        )


def _money(table: _Table, key: str) -> Money | None:
    if key not in table.data:
        return None
    value = table.data[key]
    try:
        if isinstance(value, int) and not isinstance(value, bool):
            return Money.of_yuan(value)
        if isinstance(value, str):
            return Money.parse(value)
    except MoneySyntaxError:
        pass
    raise table.error(
        QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be an amount of yuan, like 500 or "0.50"'),
        key=key,
    )


def _read_type_keys(table: _Table, spec: FieldSpec) -> FieldSpec:
    match spec.type:
        case FieldType.TEXT | FieldType.LONG_TEXT:
            low, high = _positive(table, "min_length"), _positive(table, "max_length")
            _order(table, low, high, str(low), str(high))
            return dataclasses.replace(spec, min_length=low, max_length=high)
        case FieldType.SCOPE:
            return dataclasses.replace(
                spec,
                max_items=_positive(table, "max_items"),
                max_length=_positive(table, "max_length"),
            )
        case FieldType.INTEGER:
            low_i, high_i = table.opt_int("min"), table.opt_int("max")
            _order(table, low_i, high_i, str(low_i), str(high_i))
            return dataclasses.replace(spec, min_value=low_i, max_value=high_i)
        case FieldType.MONEY:
            low_m, high_m = _money(table, "min"), _money(table, "max")
            _order(table, low_m, high_m, str(low_m), str(high_m))
            return dataclasses.replace(spec, min_amount=low_m, max_amount=high_m)
        case FieldType.DATE:
            low_d, high_d = table.opt_date("min"), table.opt_date("max")
            _order(table, low_d, high_d, str(low_d), str(high_d))
            after = table.opt_text("not_before_field")
            return dataclasses.replace(
                spec,
                earliest=low_d,
                latest=high_d,
                not_future=table.opt_bool("not_future", default=False),
                not_before_field=after,
            )
        case FieldType.CHOICE:
            return dataclasses.replace(spec, choices=_read_choices(table))
        case FieldType.LEVEL:
            return dataclasses.replace(spec, levels=_read_levels(table))
        case FieldType.PERSON | FieldType.ENTRY_REF:
            if not table.has("target"):
                raise table.error(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        'a {type} field needs "target", the id of the register it points to',
                    ),
                    type=spec.type.value,
                )
            target = _identifier(table, table.text("target"), _TARGET)
            return dataclasses.replace(spec, target=target)
        case FieldType.RESIDENT_ID:
            return dataclasses.replace(
                spec,
                gender_field=table.opt_text("gender_field"),
                birth_date_field=table.opt_text("birth_date_field"),
            )
        case FieldType.BOOL | FieldType.TERM | FieldType.ACCOUNT | FieldType.PHONE:
            return spec


def _read_choices(table: _Table) -> tuple[Choice, ...]:
    entries = table.tables("choices")
    if not entries:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors", "a choice field needs a list of choices (code, zh and en for each)"
            )
        )
    choices: list[Choice] = []
    seen: set[str] = set()
    for data in entries:
        item = _Table(table.source, data, field=table.field)
        item.allow({"code", "zh", "en", "aliases"})
        code = _identifier(item, item.text("code"), _CHOICE_CODE)
        aliases = item.texts("aliases") if item.has("aliases") else ()
        choice = Choice(code=code, zh=item.text("zh"), en=item.text("en"), aliases=aliases)
        keys = [choice_key(t) for t in (choice.code, choice.zh, choice.en, *aliases)]
        for text in dict.fromkeys(keys):
            if text in seen:
                raise item.error(
                    QT_TRANSLATE_NOOP(
                        "Errors", 'the choice "{text}" is given twice; codes and labels must differ'
                    ),
                    text=text,
                )
            seen.add(text)
        choices.append(choice)
    return tuple(choices)


def _level_name(table: _Table, name: str) -> Level:
    try:
        return Level[name]
    except KeyError:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors",
                'unknown level "{level}"; use TOP_SECRET, SECRET, CONFIDENTIAL, INTERNAL or PUBLIC',
            ),
            level=name,
        ) from None


def _read_levels(table: _Table) -> tuple[LevelOption, ...]:
    """A level field's subset: ``levels = [{level = "SECRET"}, {level = "INTERNAL", zh = "一般",
    en = "General"}]``; without the key, all five levels under their standard names."""
    if not table.has("levels"):
        return tuple(LevelOption(lv, lv.zh, lv.en) for lv in sorted(Level, reverse=True))
    entries = table.tables("levels")
    if not entries:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'key "{key}" must not be empty'), key="levels"
        )
    options: list[LevelOption] = []
    labels: set[str] = set()
    for data in entries:
        item = _Table(table.source, data, field=table.field)
        item.allow({"level", "zh", "en"})
        level = _level_name(item, item.text("level"))
        if any(o.level is level for o in options):
            raise item.error(
                QT_TRANSLATE_NOOP("Errors", "the level {level} is listed twice"), level=level.name
            )
        option = LevelOption(
            level, item.opt_text("zh") or level.zh, item.opt_text("en") or level.en
        )
        for label in (option.zh, option.en):
            key = choice_key(label)
            others = {
                choice_key(t) for lv in Level if lv is not level for t in (lv.zh, lv.en, lv.name)
            }
            if key in others or key in labels:
                raise item.error(
                    QT_TRANSLATE_NOOP(
                        "Errors", 'the label "{label}" is already the name of another level'
                    ),
                    label=label,
                )
        labels.update({choice_key(option.zh), choice_key(option.en)})
        options.append(option)
    return tuple(options)


def _check_default(table: _Table, spec: FieldSpec) -> None:
    if spec.default is None:
        return
    if spec.type is FieldType.DATE and spec.default == TODAY:
        return
    result = spec.check(spec.default)
    if isinstance(result, Problem):
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'the default "{default}" is not valid: {reason}'),
            default=spec.default,
            reason=result,
        )


# --- the form -----------------------------------------------------------------------------

_FORM_KEYS: Final = frozenset(
    {
        "id",
        "kind",
        "title_zh",
        "title_en",
        "order",
        "group",
        "level_field",
        "term_field",
        "entry_level",
        "search",
        "rules",
        "numbering",
        "statuses",
        "list",
        "print",
        "fields",
        "steps",
    }
)


def _parse_toml(path: Path, file: str) -> tuple[_Source, dict[str, object]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError(
            file,
            QT_TRANSLATE_NOOP("Errors", "the file cannot be read: {detail}"),
            detail=str(exc),
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise FormDefinitionError(
            file,
            QT_TRANSLATE_NOOP("Errors", "the file is not valid TOML: {detail}"),
            line=int(found["line"]) if found else None,
            detail=str(exc),
        ) from None
    return _Source(file, text), data


def load_form(path: Path, *, file: str | None = None) -> FormSpec:
    """Read one definition. References to other registers are checked by :func:`load_all`."""
    source, data = _parse_toml(path, file or display_path(path))
    top = _Table(source, data)
    top.allow(_FORM_KEYS)
    form_id = _identifier(top, top.text("id"), _ID)
    if form_id != path.stem:
        raise top.error(
            QT_TRANSLATE_NOOP(
                "Errors", 'the id "{id}" must be the file name without .toml ({stem})'
            ),
            id=form_id,
            stem=path.stem,
        )
    kind_name = top.text("kind")
    try:
        kind = FormKind(kind_name)
    except ValueError:
        raise top.error(
            QT_TRANSLATE_NOOP(
                "Errors", 'unknown kind "{kind}"; use register, commitment or approval'
            ),
            kind=kind_name,
        ) from None

    fields = _read_fields(top)
    by_name = {f.name: f for f in fields}
    for spec in fields:
        _check_field_links(_Table(source, {}, field=spec.name), spec, by_name)

    level_field, term_field, entry_level = _read_level_keys(top, by_name)
    return FormSpec(
        id=form_id,
        kind=kind,
        title_zh=top.text("title_zh"),
        title_en=top.text("title_en"),
        fields=fields,
        numbering=_read_numbering(top),
        statuses=_read_statuses(top),
        listing=_read_list(top, by_name),
        search=_read_search(top, by_name),
        layout=_read_print(top, by_name),
        level_field=level_field,
        term_field=term_field,
        entry_level=entry_level,
        rules=_read_rules(top),
        steps=_read_steps(top, kind, by_name),
        order=top.opt_int("order") or DEFAULT_ORDER,
        group=_read_group(top),
        source=source.file,
    )


def _read_group(top: _Table) -> str:
    """The navigator group (an identifier; which groups exist is the module registry's)."""
    group = top.opt_text("group")
    return DEFAULT_GROUP if group is None else _identifier(top, group, _GROUP)


def _read_fields(top: _Table) -> tuple[FieldSpec, ...]:
    entries = top.tables("fields")
    if not entries:
        raise top.error(QT_TRANSLATE_NOOP("Errors", "the form needs at least one [[fields]] entry"))
    fields: list[FieldSpec] = []
    for index, data in enumerate(entries, start=1):
        spec = _read_field(top.source, data, index)
        if any(f.name == spec.name for f in fields):
            raise _Table(top.source, data, field=spec.name).error(
                QT_TRANSLATE_NOOP("Errors", "the field name is used twice")
            )
        fields.append(spec)
    return tuple(fields)


def _named(
    table: _Table, key: str, name: str, by_name: Mapping[str, FieldSpec], *types: FieldType
) -> FieldSpec:
    """The field ``name`` that ``key`` points at, which must be one of ``types``."""
    target = by_name.get(name)
    if target is None:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors", '"{key}" names "{name}", which is not a field of this form'
            ),
            key=key,
            name=name,
        )
    if types and target.type not in types:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors", '"{key}" must name a field of type {types}; "{name}" is a {type} field'
            ),
            key=key,
            name=name,
            types=" / ".join(t.value for t in types),
            type=target.type.value,
        )
    return target


def _check_field_links(table: _Table, spec: FieldSpec, by_name: Mapping[str, FieldSpec]) -> None:
    if spec.not_before_field is not None:
        _named(table, "not_before_field", spec.not_before_field, by_name, FieldType.DATE)
    if spec.birth_date_field is not None:
        _named(table, "birth_date_field", spec.birth_date_field, by_name, FieldType.DATE)
    if spec.gender_field is not None:
        gender = _named(table, "gender_field", spec.gender_field, by_name, FieldType.CHOICE)
        if {"male", "female"} - {c.code for c in gender.choices}:
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'the gender field "{name}" must offer the choice codes male and female',
                ),
                name=gender.name,
            )


def _read_level_keys(
    top: _Table, by_name: Mapping[str, FieldSpec]
) -> tuple[str | None, str | None, Level | None]:
    level_field = top.opt_text("level_field")
    term_field = top.opt_text("term_field")
    entry_level_name = top.opt_text("entry_level")
    if (level_field is None) == (entry_level_name is None):
        raise top.error(
            QT_TRANSLATE_NOOP(
                "Errors",
                'set exactly one of "level_field" (the field holding each entry\'s level) '
                'and "entry_level" (one level for every entry)',
            )
        )
    if level_field is not None:
        spec = _named(top, "level_field", level_field, by_name, FieldType.LEVEL)
        if not spec.required:
            raise top.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'the level field "{name}" must be required: every entry needs a level',
                ),
                name=level_field,
            )
    if term_field is not None:
        _named(top, "term_field", term_field, by_name, FieldType.TERM)
    entry_level = _level_name(top, entry_level_name) if entry_level_name else None
    return level_field, term_field, entry_level


def _read_numbering(top: _Table) -> Numbering:
    table = top.table("numbering", "[numbering]")
    table.allow({"pattern", "label_zh", "label_en"})
    pattern = table.text("pattern")
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'the pattern "{pattern}" is not a valid format: {detail}'),
            pattern=pattern,
            detail=str(exc),
        ) from None
    seq_count = 0
    for literal, name, spec, conversion in parsed:
        if not re.fullmatch(r"[A-Z0-9-]*", literal):
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'the pattern "{pattern}" may contain only capital letters, digits and dashes '
                    "besides its placeholders",
                ),
                pattern=pattern,
            )
        if name is None:
            continue
        if name not in NUMBERING_FIELDS or conversion:
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'the pattern "{pattern}" uses the unknown placeholder "{name}"; '
                    "only {{year}} and {{seq}} are known",
                ),
                pattern=pattern,
                name=name,
            )
        if name == "seq":
            seq_count += 1
            if not re.fullmatch(r"(0[1-9])?", spec or ""):
                raise table.error(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        'the pattern "{pattern}" pads the number as "{spec}"; write {{seq}} or '
                        "{{seq:04}}",
                    ),
                    pattern=pattern,
                    spec=spec,
                )
        elif spec:
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors", 'the pattern "{pattern}" must write the year as {{year}}'
                ),
                pattern=pattern,
            )
    if seq_count != 1:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors",
                'the pattern "{pattern}" must contain the sequence number {{seq}} exactly once, '
                "for example TZ-{{year}}-{{seq:04}}",
            ),
            pattern=pattern,
        )
    numbering_regex(pattern)  # compiles for every pattern accepted above
    return Numbering(
        pattern=pattern,
        label_zh=table.opt_text("label_zh") or "编号",
        label_en=table.opt_text("label_en") or "No.",
    )


def _read_statuses(top: _Table) -> tuple[StatusSpec, ...]:
    place = "[[statuses]]"
    entries = top.tables("statuses")
    statuses: list[StatusSpec] = []
    for index, data in enumerate(entries, start=1):
        table = _Table(top.source, data, place=f"{place} #{index}")
        table.allow({"code", "zh", "en", "initial", "terminal"})
        code = _identifier(table, table.text("code"), _STATUS_CODE)
        if any(s.code == code for s in statuses):
            raise table.error(
                QT_TRANSLATE_NOOP("Errors", 'the status code "{code}" is given twice'), code=code
            )
        statuses.append(
            StatusSpec(
                code=code,
                zh=table.text("zh"),
                en=table.text("en"),
                initial=table.opt_bool("initial", default=False),
                terminal=table.opt_bool("terminal", default=False),
            )
        )
    initial = sum(s.initial for s in statuses)
    if initial != 1:
        raise _Table(top.source, {}, place=place).error(
            QT_TRANSLATE_NOOP(
                "Errors",
                "exactly one status must be marked initial = true; found {count} "
                "among {total} statuses",
            ),
            count=initial,
            total=len(statuses),
        )
    return tuple(statuses)


def _column(table: _Table, name: str, by_name: Mapping[str, FieldSpec], text: str) -> str:
    """``name`` if it is a field or a meta column (number, status); else ``text`` as error."""
    if name not in by_name and name not in META_COLUMNS:
        raise FormDefinitionError(table.source.file, text, place=table.place, field=name)
    return name


_NO_COLUMN: Final = QT_TRANSLATE_NOOP(
    "Errors", "a list column names a field this form does not have (nor number or status)"
)
_NO_SORT: Final = QT_TRANSLATE_NOOP(
    "Errors", "a sort key names a field this form does not have (nor number or status)"
)
_NO_SECTION_FIELD: Final = QT_TRANSLATE_NOOP(
    "Errors", "a print section names a field this form does not have (nor number or status)"
)


def _read_list(top: _Table, by_name: Mapping[str, FieldSpec]) -> ListSpec:
    table = top.table("list", "[list]")
    table.allow(
        {
            "columns",
            "sort",
            "orientation",
            "title_zh",
            "title_en",
            "quick",
            "totals",
            "sign_zh",
            "sign_en",
        }
    )
    columns = tuple(_column(table, n, by_name, _NO_COLUMN) for n in table.texts("columns"))
    if not columns:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'key "{key}" must not be empty'), key="columns"
        )
    for name in columns:
        if columns.count(name) > 1:
            raise FormDefinitionError(
                table.source.file,
                QT_TRANSLATE_NOOP("Errors", "the column is listed twice"),
                place=table.place,
                field=name,
            )
    sort: list[SortKey] = []
    for key in table.texts("sort"):
        descending = key.startswith("-")
        sort.append(SortKey(_column(table, key.lstrip("-"), by_name, _NO_SORT), descending))
    orientation_name = table.text("orientation")
    try:
        orientation = Orientation(orientation_name)
    except ValueError:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'orientation "{value}" must be portrait or landscape'),
            value=orientation_name,
        ) from None
    totals = tuple(table.texts("totals")) if table.has("totals") else ()
    for name in totals:
        spec = by_name.get(name)
        if (
            name not in columns
            or spec is None
            or spec.type
            not in (
                FieldType.INTEGER,
                FieldType.MONEY,
            )
        ):
            raise FormDefinitionError(
                table.source.file,
                QT_TRANSLATE_NOOP("Errors", "a total needs a number or money column of the list"),
                place=table.place,
                field=name,
            )
    return ListSpec(
        columns=columns,
        sort=tuple(sort),
        orientation=orientation,
        title_zh=table.opt_text("title_zh") or "",
        title_en=table.opt_text("title_en") or "",
        quick=_read_quick(table, by_name),
        totals=totals,
        sign_zh=table.opt_text("sign_zh") or "",
        sign_en=table.opt_text("sign_en") or "",
    )


_NO_QUICK_DATE: Final = QT_TRANSLATE_NOOP(
    "Errors", "a quick filter names a date field this form does not have"
)


def _read_quick(table: _Table, by_name: Mapping[str, FieldSpec]) -> tuple[QuickFilter, ...]:
    quick: list[QuickFilter] = []
    for index, data in enumerate(table.tables("quick")):
        q = _Table(table.source, data, place=f"[[list.quick]] #{index + 1}")
        q.allow({"id", "label_zh", "label_en", "where", "before_today", "this_month", "mine"})
        where: list[tuple[str, str]] = []
        raw = q.data.get("where", {})
        if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
            raise q.error(
                QT_TRANSLATE_NOOP("Errors", 'key "{key}" must be a table of texts'), key="where"
            )
        for name, text in raw.items():
            where.append((_column(q, str(name), by_name, _NO_COLUMN), str(text)))
        dates: dict[str, str | None] = {}
        for key in ("before_today", "this_month"):
            name = q.opt_text(key)
            if name is not None and (
                name not in by_name or by_name[name].type is not FieldType.DATE
            ):
                raise FormDefinitionError(q.source.file, _NO_QUICK_DATE, place=q.place, field=name)
            dates[key] = name
        ident = q.text("id")
        if any(other.id == ident for other in quick):
            raise q.error(
                QT_TRANSLATE_NOOP("Errors", 'the quick filter "{id}" is listed twice'), id=ident
            )
        quick.append(
            QuickFilter(
                id=ident,
                label_zh=q.text("label_zh"),
                label_en=q.text("label_en"),
                where=tuple(where),
                before_today=dates["before_today"],
                this_month=dates["this_month"],
                mine=q.opt_bool("mine", False),
            )
        )
    return tuple(quick)


def _read_search(top: _Table, by_name: Mapping[str, FieldSpec]) -> tuple[str, ...]:
    names = top.texts("search")
    for name in names:
        spec = by_name.get(name)
        if spec is None or spec.type not in SEARCHABLE:
            raise FormDefinitionError(
                top.source.file,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "a search field must be a text-like field of this form "
                    "(text, longtext, scope, person, account, entry_ref, resident_id or phone)",
                ),
                place="search",
                field=name,
            )
    return names


def _read_print(top: _Table, by_name: Mapping[str, FieldSpec]) -> PrintSpec:
    table = top.table("print", "[print]")
    table.allow({"title_zh", "title_en", "sections", "clauses", "signatures"})
    sections: list[Section] = []
    for index, data in enumerate(table.tables("sections"), start=1):
        item = _Table(top.source, data, place=f"[[print.sections]] #{index}")
        item.allow({"title_zh", "title_en", "fields"})
        names = tuple(_column(item, n, by_name, _NO_SECTION_FIELD) for n in item.texts("fields"))
        sections.append(Section(item.text("title_zh"), item.text("title_en"), names))
    clauses: list[Clause] = []
    for index, data in enumerate(table.tables("clauses"), start=1):
        item = _Table(top.source, data, place=f"[[print.clauses]] #{index}")
        item.allow({"zh", "en"})
        clauses.append(Clause(index, item.text("zh"), item.text("en")))
    signatures: list[SignatureBlock] = []
    for index, data in enumerate(table.tables("signatures"), start=1):
        item = _Table(top.source, data, place=f"[[print.signatures]] #{index}")
        item.allow({"role_zh", "role_en", "lines"})
        if not (item.has("role_zh") and item.has("role_en")):
            raise item.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "a signature block needs its role label in Chinese and English "
                    "(role_zh and role_en), for example 承诺人 / Signatory",
                )
            )
        lines: list[SignatureLine] = []
        for line in item.texts("lines"):
            try:
                lines.append(SignatureLine(line))
            except ValueError:
                raise item.error(
                    QT_TRANSLATE_NOOP(
                        "Errors", 'unknown signature line "{name}"; use name, signature or date'
                    ),
                    name=line,
                ) from None
        if not lines or len(set(lines)) != len(lines):
            raise item.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "a signature block lists each of name, signature and date at most "
                    "once, and at least one of them",
                )
            )
        signatures.append(SignatureBlock(item.text("role_zh"), item.text("role_en"), tuple(lines)))
    return PrintSpec(
        title_zh=table.text("title_zh"),
        title_en=table.text("title_en"),
        sections=tuple(sections),
        clauses=tuple(clauses),
        signatures=tuple(signatures),
    )


def _read_rules(top: _Table) -> tuple[str, ...]:
    rules = top.texts("rules") if top.has("rules") else ()
    for rule in rules:
        if not _RULE_ID.match(rule):
            raise top.error(
                QT_TRANSLATE_NOOP(
                    "Errors", 'the rule id "{rule}" must look like module.rule, e.g. gifts.hand_in'
                ),
                rule=rule,
            )
    return rules


_STEP_KEYS: Final = frozenset(
    {
        "name",
        "title_zh",
        "title_en",
        "decider",
        "role",
        "account",
        "account_field",
        "paper",
        "days",
        "same_decider",
    }
)
_STEP_NAME: Final = Bilingual("步骤名", "step name")
# Roles a step may name: the business roles (administrators never decide approvals).
_STEP_ROLES: Final = ("clerk", "officer", "approver")
_DAYS_RANGE: Final = (1, 60)


def _read_steps(
    top: _Table, kind: FormKind, by_name: Mapping[str, FieldSpec]
) -> tuple[StepSpec, ...]:
    """The ``[[steps]]`` chain: required for approval forms, refused for the others."""
    entries = top.tables("steps")
    if kind is not FormKind.APPROVAL:
        if entries:
            raise top.error(
                QT_TRANSLATE_NOOP("Errors", "only approval forms have [[steps]]"),
            )
        return ()
    if not entries:
        raise top.error(
            QT_TRANSLATE_NOOP("Errors", "an approval form needs at least one [[steps]] entry")
        )
    steps: list[StepSpec] = []
    for index, data in enumerate(entries, start=1):
        table = _Table(top.source, data, place=f"[[steps]] #{index}")
        steps.append(_read_step(table, by_name, {s.name for s in steps}))
    return tuple(steps)


def _read_step(table: _Table, by_name: Mapping[str, FieldSpec], taken: set[str]) -> StepSpec:
    """One ``[[steps]]`` entry: its name (not one of ``taken``), who decides it, its days."""
    table.allow(_STEP_KEYS)
    name = _identifier(table, table.text("name"), _STEP_NAME)
    if name in taken:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'the step name "{name}" is used twice'), name=name
        )
    decider_name = table.text("decider")
    try:
        decider = DeciderKind(decider_name)
    except ValueError:
        raise table.error(
            QT_TRANSLATE_NOOP(
                "Errors",
                'unknown decider "{decider}"; use role, department_head or account',
            ),
            decider=decider_name,
        ) from None
    role = table.opt_text("role")
    account = table.opt_text("account")
    account_field = table.opt_text("account_field")
    if decider is DeciderKind.ROLE:
        if role not in _STEP_ROLES:
            raise table.error(
                QT_TRANSLATE_NOOP("Errors", 'a step decided by role needs "role", one of {roles}'),
                roles=", ".join(_STEP_ROLES),
            )
    elif role is not None:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'key "{key}" applies only to decider = "{decider}"'),
            key="role",
            decider="role",
        )
    if decider is DeciderKind.ACCOUNT:
        if (account is None) == (account_field is None):
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'a step decided by account needs exactly one of "account" and "account_field"',
                )
            )
        target = by_name.get(account_field or "")
        if account_field is not None and (
            target is None or target.type is not FieldType.ACCOUNT or not target.required
        ):
            raise table.error(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    '"account_field" must name a required field of type account: "{name}"',
                ),
                name=account_field,
            )
    elif account is not None or account_field is not None:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", 'key "{key}" applies only to decider = "{decider}"'),
            key="account" if account is not None else "account_field",
            decider="account",
        )
    days = table.opt_int("days")
    if days is None:
        days = 3
    if not _DAYS_RANGE[0] <= days <= _DAYS_RANGE[1]:
        raise table.error(
            QT_TRANSLATE_NOOP("Errors", "days {days} must be between {low} and {high}"),
            days=days,
            low=_DAYS_RANGE[0],
            high=_DAYS_RANGE[1],
        )
    return StepSpec(
        name=name,
        title_zh=table.text("title_zh"),
        title_en=table.text("title_en"),
        decider=decider,
        role=role,
        account=account,
        account_field=account_field,
        paper=table.opt_bool("paper", default=True),
        days=days,
        same_decider=table.opt_bool("same_decider", default=False),
    )


# --- every definition ---------------------------------------------------------------------


def load_all(root: Path = FORMS_ROOT) -> Forms:
    """Every definition under ``root``'s ``registers/``, ``commitments/`` and ``approvals/``.

    Checks what a single file cannot: each file sits in its kind's folder, ids are unique, and
    every ``person``/``entry_ref`` target is a register. Reference fields then carry the target's
    numbering pattern, so a reference is checked against the numbers that register gives."""
    if not root.is_dir():
        raise FormDefinitionError(
            display_path(root),
            QT_TRANSLATE_NOOP("Errors", "the folder of form definitions does not exist"),
        )
    specs: dict[str, FormSpec] = {}
    for kind, folder in KIND_FOLDERS.items():
        for path in sorted((root / folder).glob("*.toml")):
            spec = load_form(path)
            if spec.kind is not kind:
                raise FormDefinitionError(
                    spec.source,
                    QT_TRANSLATE_NOOP(
                        "Errors", 'a definition of kind "{kind}" belongs in forms/{folder}/'
                    ),
                    kind=spec.kind.value,
                    folder=KIND_FOLDERS[spec.kind],
                )
            if spec.id in specs:
                raise FormDefinitionError(
                    spec.source,
                    QT_TRANSLATE_NOOP("Errors", 'the id "{id}" is already used by {other}'),
                    id=spec.id,
                    other=specs[spec.id].source,
                )
            specs[spec.id] = spec
    return Forms({form_id: _resolve_targets(spec, specs) for form_id, spec in specs.items()})


def _resolve_targets(spec: FormSpec, specs: Mapping[str, FormSpec]) -> FormSpec:
    return dataclasses.replace(spec, fields=tuple(_resolve(spec, f, specs) for f in spec.fields))


def _resolve(spec: FormSpec, field: FieldSpec, specs: Mapping[str, FormSpec]) -> FieldSpec:
    """A reference field with its target's numbering pattern; other fields unchanged."""
    if field.type not in REFERENCES:
        return field
    target = specs.get(field.target or "")
    if target is None or target.kind is not FormKind.REGISTER:
        raise FormDefinitionError(
            spec.source,
            QT_TRANSLATE_NOOP("Errors", 'the target "{target}" is not the id of a register'),
            field=field.name,
            target=field.target or "",
        )
    return dataclasses.replace(field, ref_pattern=target.numbering.regex)

"""Validate a whole entry against its form, and work out the entry's level and marking.

:func:`validate_entry` reads every field, then the rules between fields (ID number and gender,
dates in order, a term only on a classified level), and returns every value and every problem
at once: the GUI shows each problem at its field, the command line prints ``field: reason``.
Rules that need other entries or the clock of a workflow (a phone shared by two people, drawing
recall, gift hand-in) belong to ``secrecy_desk.modules``, named in the form's ``rules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.idcard import Gender, check_birth, check_gender, check_resident_id
from secrecy_desk.core.levels import Level, Term, default_term, marking
from secrecy_desk.core.validators import (
    Bilingual,
    Problem,
    check_not_before,
    check_term_level,
    problem,
)
from secrecy_desk.forms.spec import FieldSpec, FormSpec, derived
from secrecy_desk.forms.types import FieldType, Value
from secrecy_desk.forms.values import TODAY


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """Every field's value (``None`` when empty or wrong) and every problem, in field order."""

    values: Mapping[str, Value]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise EntryInvalid(self.problems)


class EntryInvalid(ValidationError):
    """The entry was not saved; carries every problem, each naming its field."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The entry was not saved; please correct:"),
        )
        self.problems = problems
        self.args = (self.message("en"),)

    def message(self, lang: str) -> str:
        head = translate(self.context, self.text, lang)
        return "\n".join([head, *(f"  {p.line(lang)}" for p in self.problems)])


def default_input(field: FieldSpec, today: date) -> str:
    """The text a new entry starts with for ``field`` (``today`` resolved), or ``""``."""
    if field.default is None:
        return ""
    if field.type is FieldType.DATE and field.default == TODAY:
        return today.isoformat()
    return field.default


def initial_inputs(spec: FormSpec, today: date) -> dict[str, str]:
    """The editor's starting text for a new entry of ``spec``."""
    return {f.name: default_input(f, today) for f in spec.fields}


#: Field types whose check is a function of the typed text and the day alone and whose
#: inputs repeat from row to row of a register (是/否, a level, a date, a number of copies):
#: an import checks each distinct text once (:class:`CheckMemo`). Free text is not kept.
_REPEATING: Final = frozenset(
    {
        FieldType.INTEGER,
        FieldType.MONEY,
        FieldType.DATE,
        FieldType.CHOICE,
        FieldType.BOOL,
        FieldType.LEVEL,
        FieldType.TERM,
    }
)

#: At most this many distinct texts are kept per field (memory stays bounded on any sheet).
MEMO_LIMIT: Final = 4096


@dataclass(frozen=True, slots=True)
class _Plan:
    """What :func:`validate_entry` works out once per definition instead of once per entry."""

    fields: tuple[FieldSpec, ...]
    names: frozenset[str]
    order: Mapping[str, int]
    repeating: tuple[bool, ...]
    #: The fields that take part in a rule between two fields (dates in order, an ID number
    #: with its gender and birth date), in field order.
    cross: tuple[FieldSpec, ...]


def _plan(spec: FormSpec) -> _Plan:
    return derived(spec, "entry_plan", lambda: _make_plan(spec))


def _make_plan(spec: FormSpec) -> _Plan:
    return _Plan(
        fields=spec.fields,
        names=frozenset(spec.field_names),
        order={name: i for i, name in enumerate(spec.field_names)},
        repeating=tuple(f.type in _REPEATING for f in spec.fields),
        cross=tuple(
            f for f in spec.fields if f.not_before_field or f.type is FieldType.RESIDENT_ID
        ),
    )


class CheckMemo:
    """The results of field checks already made in one run of many entries of one form (an
    import): the same text of the same field on the same day gives the same value or the same
    problem, so each distinct text is checked once. Belongs to one caller (not shared between
    threads)."""

    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self._today: date | None = None
        self._fields: list[dict[str, Value | Problem]] = []

    def fields(self, today: date) -> list[dict[str, Value | Problem]]:
        """Each field's kept results (by its index in the form), for ``today``."""
        if today != self._today or not self._fields:
            self._today = today
            self._fields = [{} for _ in self.spec.fields]
        return self._fields


def validate_entry(
    spec: FormSpec,
    raw: Mapping[str, str],
    *,
    today: date,
    defaults: bool = True,
    memo: CheckMemo | None = None,
) -> ValidationResult:
    """Check ``raw`` (field name → typed text) against ``spec``.

    A field missing from ``raw`` takes its default when ``defaults`` is true (a new entry from
    the command line); a field present but blank is empty. Names that are not fields of the
    form are problems too, so a mistyped ``--set nmae=…`` is not silently dropped. ``memo``
    (one per import of ``spec``) keeps the result of each distinct text of a repeating field."""
    plan = _plan(spec)
    if memo is not None and memo.spec is not spec:
        raise ValueError(f"a memo of {memo.spec.id} used for {spec.id}")
    problems: list[Problem] = []
    if not plan.names.issuperset(raw):
        problems = [
            problem(
                "unknown_field",
                QT_TRANSLATE_NOOP("Errors", "This form has no field with this name."),
            ).at(name)
            for name in raw
            if name not in plan.names
        ]
    values: dict[str, Value] = {}
    memos = memo.fields(today) if memo is not None else None
    for index, field in enumerate(plan.fields):
        name = field.name
        text = raw.get(name)
        if text is None:
            text = default_input(field, today) if defaults else ""
        if memos is not None and plan.repeating[index]:
            kept = memos[index]
            result = kept.get(text, _UNSEEN)
            if result is _UNSEEN:
                result = field.check(text, today=today)
                if len(kept) < MEMO_LIMIT:
                    kept[text] = result
        else:
            result = field.check(text, today=today)
        if isinstance(result, Problem):
            problems.append(result.at(name))
            values[name] = None
        else:
            values[name] = result  # type: ignore[assignment]
    failed = {p.field for p in problems}
    problems.extend(_cross_field(spec, plan, values, failed, today))
    if not problems:
        return ValidationResult(values=values, problems=())
    order = plan.order
    problems.sort(key=lambda p: order.get(p.field, -1))
    return ValidationResult(values=values, problems=spec.labelled(problems))


#: A memo's "not checked yet" (``None`` is a value: an empty field).
_UNSEEN: Final = object()


def _cross_field(
    spec: FormSpec, plan: _Plan, values: Mapping[str, Value], failed: set[str], today: date
) -> list[Problem]:
    """Rules between two fields, checked only when both fields are filled and valid."""
    found: list[Problem] = []

    def both(a: str, b: str) -> bool:
        return (
            a not in failed and b not in failed and values[a] is not None and values[b] is not None
        )

    for field in plan.cross:
        value = values[field.name]
        if field.not_before_field and both(field.name, field.not_before_field):
            other = spec.field(field.not_before_field)
            other_value = values[other.name]
            assert isinstance(value, date)
            assert isinstance(other_value, date)
            issue = check_not_before(value, other_value, Bilingual(other.label_zh, other.label_en))
            if issue:
                found.append(issue.at(field.name))
        if field.type is FieldType.RESIDENT_ID and isinstance(value, str):
            resident = check_resident_id(value, today=today)
            if isinstance(resident, Problem):  # already reported by the field itself
                continue
            if field.gender_field and both(field.name, field.gender_field):
                gender = Gender(values[field.gender_field])
                issue = check_gender(resident, gender)
                if issue:
                    found.append(issue.at(field.name))
            if field.birth_date_field and both(field.name, field.birth_date_field):
                birth = values[field.birth_date_field]
                assert isinstance(birth, date)
                issue = check_birth(resident, birth)
                if issue:
                    found.append(issue.at(field.name))
    if spec.term_field and spec.term_field not in failed:
        level = _level_of(spec, values)
        term = values[spec.term_field]
        if level is not None and isinstance(term, Term):
            issue = check_term_level(level, term)
            if issue:
                found.append(issue.at(spec.term_field))
    return found


def _level_of(spec: FormSpec, values: Mapping[str, Value]) -> Level | None:
    if spec.level_field is None:
        return spec.entry_level
    value = values.get(spec.level_field)
    return value if isinstance(value, Level) else None


@dataclass(frozen=True, slots=True)
class EntryMarking:
    """An entry's level, its effective secrecy term and the mark printed for it."""

    level: Level
    term: Term | None  # the term set, or the default for the level; None when unclassified
    term_is_default: bool

    @property
    def text(self) -> str:
        """``机密★10年``, or ``内部`` for an unclassified entry."""
        return marking(self.level, self.term)


def entry_marking(spec: FormSpec, values: Mapping[str, Value]) -> EntryMarking:
    """The level of an entry with valid ``values``: its level field, or the form's fixed level;
    the term from the term field, or the default term for the level (绝密 30 years, 机密 20,
    秘密 10) when none is set."""
    level = _level_of(spec, values)
    if level is None:
        raise ValueError(f"entry of {spec.id} has no level in {spec.level_field!r}")
    if not level.classified:
        return EntryMarking(level=level, term=None, term_is_default=False)
    term = values.get(spec.term_field) if spec.term_field else None
    if isinstance(term, Term):
        return EntryMarking(level=level, term=term, term_is_default=False)
    return EntryMarking(level=level, term=default_term(level), term_is_default=True)

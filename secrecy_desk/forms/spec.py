"""Typed, immutable form specifications, as :mod:`secrecy_desk.forms.loader` builds them from
the TOML definitions under ``forms/``. The same spec drives validation in the core, the editor
and table in the GUI, and the paper form in print (DESIGN "Forms are data").
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cached_property
from typing import Final, TypeVar

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.money import Money
from secrecy_desk.core.validators import Bilingual, Problem, choice_key
from secrecy_desk.forms import values
from secrecy_desk.forms.types import (
    NUMBER_COLUMN,
    STATUS_COLUMN,
    Choice,
    FieldType,
    FormKind,
    LevelOption,
    Stored,
    Value,
)


class FieldValueError(ValidationError):
    """Raised by :meth:`FieldSpec.parse` for bad input; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text)
        self.problem = problem
        self.args = (problem.line("en"),)

    def message(self, lang: str) -> str:
        return self.problem.line(lang)


#: What a field or a form works out once from its definition: (it, what) → (it, the value).
#: The definition itself is kept beside the value so its id is never reused while cached.
_DERIVED: dict[tuple[int, str], tuple[object, object]] = {}
_T = TypeVar("_T")


def derived(owner: object, what: str, make: Callable[[], _T]) -> _T:
    found = _DERIVED.get((id(owner), what))
    if found is not None and found[0] is owner:
        return found[1]  # type: ignore[return-value]
    value = make()
    _DERIVED[(id(owner), what)] = (owner, value)
    return value


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a form. Limits that do not apply to the type are ``None``.

    ``min_value``/``max_value`` bound integers, ``min_amount``/``max_amount`` money,
    ``earliest``/``latest`` dates; ``min_length``/``max_length`` bound text (for ``scope``:
    each item). ``default`` is input text as a person would type it (``"today"`` for a date)."""

    name: str
    type: FieldType
    label_zh: str
    label_en: str
    required: bool
    help_zh: str = ""
    help_en: str = ""
    default: str | None = None
    width: int | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    min_amount: Money | None = None
    max_amount: Money | None = None
    earliest: date | None = None
    latest: date | None = None
    not_future: bool = False
    not_before_field: str | None = None
    choices: tuple[Choice, ...] = ()
    levels: tuple[LevelOption, ...] = ()
    max_items: int | None = None
    target: str | None = None
    ref_pattern: re.Pattern[str] | None = None
    gender_field: str | None = None
    birth_date_field: str | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh

    def help(self, lang: str) -> str:
        return self.help_en if lang == "en" else self.help_zh

    # --- choices and levels -----------------------------------------------------------

    def choice_keys(self) -> dict[str, str]:
        """Every accepted input for a choice (code, Chinese and English label) → its code
        (worked out once per field: an import checks it for every row)."""
        return derived(self, "choice_keys", self._choice_keys)

    def _choice_keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for choice in self.choices:
            for text in (choice.code, choice.zh, choice.en, *choice.aliases):
                keys.setdefault(choice_key(text), choice.code)
        return keys

    def choice_label(self, code: str, lang: str) -> str:
        for choice in self.choices:
            if choice.code == code:
                return choice.label(lang)
        return code  # a code from an older definition still shows, as itself

    def level_keys(self) -> dict[str, Level]:
        """Every accepted input for a level field → its level: the form's own labels first,
        then the standard names (绝密, TOP_SECRET, Top secret) of the levels it offers."""
        return derived(self, "level_keys", self._level_keys)

    def options_shown(self) -> Bilingual:
        """The choices (or levels) a message lists, in each language."""
        return derived(self, "shown", self._options_shown)

    def _options_shown(self) -> Bilingual:
        options = self.choices or self.levels
        return Bilingual("、".join(o.zh for o in options), ", ".join(o.en for o in options))

    def _level_keys(self) -> dict[str, Level]:
        keys: dict[str, Level] = {}
        for option in self.levels:
            keys.setdefault(choice_key(option.zh), option.level)
            keys.setdefault(choice_key(option.en), option.level)
        for option in self.levels:
            for text in (option.level.zh, option.level.name, option.level.en):
                keys.setdefault(choice_key(text), option.level)
        return keys

    def level_label(self, level: Level, lang: str) -> str:
        for option in self.levels:
            if option.level is level:
                return option.label(lang)
        return level.label(lang)

    # --- values -------------------------------------------------------------------------

    def check(self, raw: str, *, today: date | None = None) -> Value | Problem:
        """The canonical value, or the problem with the input (not yet naming the field)."""
        return values.check(self, raw, today=today)

    def parse(self, raw: str, *, today: date | None = None) -> Value:
        """Like :meth:`check` but raises :class:`FieldValueError` for bad input."""
        result = self.check(raw, today=today)
        if isinstance(result, Problem):
            raise FieldValueError(result.at(self.name))
        return result

    def to_storage(self, value: Value) -> Stored:
        return values.to_storage(self, value)

    def from_storage(self, stored: Stored) -> Value:
        return values.from_storage(self, stored)

    def display(self, value: Value, lang: str) -> str:
        return values.display(self, value, lang)

    def input_text(self, value: Value) -> str:
        return values.input_text(self, value)


@dataclass(frozen=True, slots=True)
class StatusSpec:
    code: str
    zh: str
    en: str
    initial: bool = False
    terminal: bool = False

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


#: Placeholders a numbering pattern may use.
NUMBERING_FIELDS: Final = frozenset({"year", "seq"})


def numbering_regex(pattern: str) -> re.Pattern[str]:
    """A regex matching the numbers ``pattern`` produces, with groups ``year`` and ``seq``.

    ``{seq:04}`` pads to four digits and grows past 9999 without breaking the pattern."""
    parts: list[str] = []
    for literal, name, spec, _ in string.Formatter().parse(pattern):
        parts.append(re.escape(literal))
        if name == "year":
            parts.append(r"(?P<year>\d{4})")
        elif name == "seq":
            width = int(spec.lstrip("0") or "1") if spec else 1
            parts.append(rf"(?P<seq>\d{{{width},}})")
    return re.compile("".join(parts))


@dataclass(frozen=True, slots=True)
class Numbering:
    """Entry numbering, e.g. ``TZFS-{year}-{seq:04}`` → ``TZFS-2026-0007``.

    ``label_zh``/``label_en`` head the number column (编号, or 序号 for drawings)."""

    pattern: str
    label_zh: str = "编号"
    label_en: str = "No."

    def format(self, *, year: int, seq: int) -> str:
        return self.pattern.format(year=year, seq=seq)

    @property
    def regex(self) -> re.Pattern[str]:
        return numbering_regex(self.pattern)

    @property
    def per_year(self) -> bool:
        """Whether the pattern carries the year (the sequence then runs within each year)."""
        return any(name == "year" for _, name, _, _ in string.Formatter().parse(self.pattern))

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


class Orientation(Enum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True, slots=True)
class SortKey:
    name: str  # a field name, or "number" / "status"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class QuickFilter:
    """A one-key filter of a register's list (``[[list.quick]]``): equalities (field → input
    text; ``""`` = empty), a date field that lies before today (overdue), a date field in the
    current month, and "entered by me". Turned into a query by ``records.periods``."""

    id: str
    label_zh: str
    label_en: str
    where: tuple[tuple[str, str], ...] = ()
    before_today: str | None = None
    this_month: str | None = None
    mine: bool = False

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass(frozen=True, slots=True)
class ListSpec:
    """The register table and the printed list: columns in order, default sort, orientation,
    and the quick filters the list offers.

    On paper, ``totals`` names the number and money columns the list's total row (合计) sums,
    and ``sign_zh``/``sign_en`` add an empty column at the right for a signature (e.g. the
    receiver signs the register book)."""

    columns: tuple[str, ...]
    sort: tuple[SortKey, ...]
    orientation: Orientation
    title_zh: str = ""
    title_en: str = ""
    quick: tuple[QuickFilter, ...] = ()
    totals: tuple[str, ...] = ()
    sign_zh: str = ""
    sign_en: str = ""

    def sign_label(self, lang: str) -> str:
        return self.sign_en if lang == "en" else self.sign_zh


@dataclass(frozen=True, slots=True)
class Section:
    title_zh: str
    title_en: str
    fields: tuple[str, ...]

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered clause of a printed form (commitments carry their mandatory clauses here)."""

    number: int
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class SignatureLine(Enum):
    NAME = "name"  # 姓名
    SIGNATURE = "signature"  # 签字
    DATE = "date"  # 日期


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """A box for a wet signature: a role and the blank lines it holds (never pre-filled)."""

    role_zh: str
    role_en: str
    lines: tuple[SignatureLine, ...]

    def role(self, lang: str) -> str:
        return self.role_en if lang == "en" else self.role_zh


@dataclass(frozen=True, slots=True)
class PrintSpec:
    """Layout hints for the paper form of one entry."""

    title_zh: str
    title_en: str
    sections: tuple[Section, ...] = ()
    clauses: tuple[Clause, ...] = ()
    signatures: tuple[SignatureBlock, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


class DeciderKind(Enum):
    """Who may decide an approval step (see ``docs/forms.md``, "Approval steps")."""

    ROLE = "role"  # any account holding ``role``
    DEPARTMENT_HEAD = "department_head"  # an approver of the applicant's own department
    ACCOUNT = "account"  # a named account, or the account named in ``account_field``


@dataclass(frozen=True, slots=True)
class StepSpec:
    """One step of an approval form's chain, decided in order.

    ``days`` is the number of working days (Monday to Friday) the step may take before it is
    overdue; ``paper`` allows a clerk to record a decision signed on paper; ``same_decider``
    lets a person who decided an earlier step of the same request decide this one too."""

    name: str
    title_zh: str
    title_en: str
    decider: DeciderKind
    role: str | None = None
    account: str | None = None
    account_field: str | None = None
    paper: bool = True
    days: int = 3
    same_decider: bool = False

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


#: Where a form without an ``order`` key goes among its kind: after the ordered ones.
DEFAULT_ORDER: Final = 1000
#: The navigator group of a register without a ``group`` key (the module registry names the
#: groups and their titles).
DEFAULT_GROUP: Final = "other"


@dataclass(frozen=True, slots=True)
class FormSpec:
    """A register, commitment or approval form.

    The record's level (密级) comes from ``level_field`` when the form has one, otherwise every
    entry has the fixed ``entry_level``; exactly one of the two is set. ``term_field`` names the
    field holding the secrecy term, if any. ``rules`` names code rules from
    ``secrecy_desk.modules`` (checked against that registry, not here). ``order`` places it
    among the forms of its kind (the main window's tabs, every list of registers): the most
    used first, then by id. ``group`` is the main window's navigator group its tab goes in
    (``personnel``, ``carriers`` …; the groups are named in :mod:`secrecy_desk.modules.registry`).
    ``source`` is the file the spec came from, as error messages
    name it."""

    id: str
    kind: FormKind
    title_zh: str
    title_en: str
    fields: tuple[FieldSpec, ...]
    numbering: Numbering
    statuses: tuple[StatusSpec, ...]
    listing: ListSpec
    search: tuple[str, ...]
    layout: PrintSpec
    level_field: str | None = None
    term_field: str | None = None
    entry_level: Level | None = None
    rules: tuple[str, ...] = ()
    steps: tuple[StepSpec, ...] = ()
    order: int = DEFAULT_ORDER
    group: str = DEFAULT_GROUP
    source: str = ""
    _by_name: Mapping[str, FieldSpec] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        """The field called ``name``; ``KeyError`` if there is none."""
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @property
    def initial_status(self) -> StatusSpec:
        return next(s for s in self.statuses if s.initial)

    def status(self, code: str) -> StatusSpec:
        for status in self.statuses:
            if status.code == code:
                return status
        raise KeyError(code)

    def column_label(self, name: str, lang: str) -> str:
        """The heading of a list column: a field's label, the number or the status."""
        if name == NUMBER_COLUMN:
            return self.numbering.label(lang)
        if name == STATUS_COLUMN:
            return "Status" if lang == "en" else "状态"
        return self.field(name).label(lang)

    def column_bilingual(self, name: str) -> Bilingual:
        """A list column's heading in both languages, as a message parameter."""
        return Bilingual(self.column_label(name, "zh_CN"), self.column_label(name, "en"))

    def labelled(self, problems: Iterable[Problem]) -> tuple[Problem, ...]:
        """``problems`` each carrying the label of its field, so that a message names the
        field as the person sees it (图纸名称), never by its id (drawing_name)."""
        out = []
        for p in problems:
            known = p.field in self._by_name or p.field in (NUMBER_COLUMN, STATUS_COLUMN)
            out.append(p.labelled(self.column_bilingual(p.field)) if known and not p.label else p)
        return tuple(out)


class Forms(Mapping[str, FormSpec]):
    """Every loaded definition by id, in a stable order (kind, then id)."""

    def __init__(self, specs: Mapping[str, FormSpec]) -> None:
        order = sorted(specs.values(), key=lambda s: (list(FormKind).index(s.kind), s.order, s.id))
        self._specs: dict[str, FormSpec] = {s.id: s for s in order}

    def __getitem__(self, key: str) -> FormSpec:
        return self._specs[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def of_kind(self, kind: FormKind) -> tuple[FormSpec, ...]:
        return tuple(s for s in self._specs.values() if s.kind is kind)

    @cached_property
    def registers(self) -> tuple[FormSpec, ...]:
        return self.of_kind(FormKind.REGISTER)

"""Small pure validators, one per kind of input, each returning the value or a :class:`Problem`.

Every validator takes the text a person typed (already known to be non-empty: emptiness and
"required" are decided by the form, see ``secrecy_desk.forms.entry``) and returns either the
canonical Python value or a :class:`Problem` that carries a translatable sentence. Nothing here
raises for bad input, so a form can collect every problem at once (Beancount's validation style).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.money import Money, MoneyFault, MoneySyntaxError


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A message parameter that reads differently per language, such as a field's label."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


ParamValue = str | int | Bilingual


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input.

    ``code`` is a stable identifier for programs and tests (``"required"``, ``"too_long"``…);
    ``text`` is the English source sentence with ``{name}`` placeholders, marked for
    translation where it is written; ``field`` names the form field once the form knows it,
    and ``label`` is how the person sees that field (its label, in both languages): a message
    shows the label, never the field's id."""

    code: str
    text: str
    params: tuple[tuple[str, ParamValue], ...] = ()
    field: str = ""
    context: str = "Errors"
    label: Bilingual | None = None

    def message(self, lang: str) -> str:
        """The sentence in ``lang`` with its parameters filled in."""
        template = translate(self.context, self.text, lang)
        if not self.params:
            return template
        filled = {k: v.text(lang) if isinstance(v, Bilingual) else v for k, v in self.params}
        return template.format(**filled)

    def at(self, field: str, label: Bilingual | None = None) -> Problem:
        """The same problem attached to ``field`` (shown as ``label``)."""
        return replace(self, field=field, label=label)

    def labelled(self, label: Bilingual) -> Problem:
        """The same problem with the label its field is shown by."""
        return replace(self, label=label)

    def line(self, lang: str) -> str:
        """``label: reason``, as a list of problems shows it. A problem attached to a name the
        form does not know (a mistyped column or ``--set`` name) shows that name as typed."""
        if self.label is not None:
            return f"{self.label.text(lang)}: {self.message(lang)}"
        return f"{self.field}: {self.message(lang)}" if self.field else self.message(lang)

    def __str__(self) -> str:
        return self.line("en")


def problem(code: str, text: str, /, **params: ParamValue) -> Problem:
    return Problem(code=code, text=text, params=tuple(sorted(params.items())))


# --- text ---------------------------------------------------------------------------------

#: Default limits; a form may set its own.
TEXT_MAX: Final = 200
LONG_TEXT_MAX: Final = 4000

#: Invisible characters that can disguise text on screen or paper: zero-width marks, bidi
#: embeddings and overrides, the byte-order mark.
_INVISIBLE: Final = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def _bad_char(text: str, allowed: str = "") -> str | None:
    if text.isprintable():  # no control (Cc) nor format (Cf) character: the usual case, in C
        return None
    for ch in text:
        if ch in allowed:
            continue
        if unicodedata.category(ch) == "Cc" or ch in _INVISIBLE:
            return f"U+{ord(ch):04X}"
    return None


def check_encodable(raw: str) -> Problem | None:
    """Text that cannot be stored as UTF-8 (a lone surrogate, from undecodable bytes passed
    through ``surrogateescape``, or from a program calling the API) is refused at the field."""
    try:
        raw.encode("utf-8")  # only a lone surrogate fails; the usual case stays in C
        return None
    except UnicodeEncodeError:
        pass
    for ch in raw:
        if unicodedata.category(ch) == "Cs":
            return problem(
                "not_text",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Contains a character that is not valid text ({char}: a broken encoding?); "
                    "type it again.",
                ),
                char=f"U+{ord(ch):04X}",
            )
    return None


def _length_problem(text: str, min_length: int, max_length: int) -> Problem | None:
    if len(text) > max_length:
        return problem(
            "too_long",
            QT_TRANSLATE_NOOP("Errors", "Too long: at most {max} characters, this has {count}."),
            max=max_length,
            count=len(text),
        )
    if len(text) < min_length:
        return problem(
            "too_short",
            QT_TRANSLATE_NOOP("Errors", "Too short: at least {min} characters."),
            min=min_length,
        )
    return None


def check_text(raw: str, *, min_length: int = 0, max_length: int = TEXT_MAX) -> str | Problem:
    """One line of text, trimmed; no line breaks, control or invisible characters."""
    text = raw.strip()
    if "\n" in text or "\r" in text:
        return problem(
            "line_break",
            QT_TRANSLATE_NOOP("Errors", "This field takes one line; remove the line break."),
        )
    bad = _bad_char(text)
    if bad is not None:
        return problem(
            "control_char",
            QT_TRANSLATE_NOOP(
                "Errors", "Contains an invisible or control character ({char}); remove it."
            ),
            char=bad,
        )
    return _length_problem(text, min_length, max_length) or text


def check_long_text(
    raw: str, *, min_length: int = 0, max_length: int = LONG_TEXT_MAX
) -> str | Problem:
    """Several lines of text: line breaks (kept as ``\\n``) and tabs allowed."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    bad = _bad_char(text, allowed="\n\t")
    if bad is not None:
        return problem(
            "control_char",
            QT_TRANSLATE_NOOP(
                "Errors", "Contains an invisible or control character ({char}); remove it."
            ),
            char=bad,
        )
    return _length_problem(text, min_length, max_length) or text


# --- numbers ------------------------------------------------------------------------------

_INTEGER = re.compile(r"^[+-]?\d+$")


def check_integer(
    raw: str, *, minimum: int | None = None, maximum: int | None = None
) -> int | Problem:
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
    if not _INTEGER.match(text) or len(text) > 18:
        return problem(
            "not_integer",
            QT_TRANSLATE_NOOP("Errors", "Enter a whole number, for example 3."),
        )
    value = int(text)
    if minimum is not None and value < minimum:
        return problem(
            "below_min",
            QT_TRANSLATE_NOOP("Errors", "Must be at least {min}."),
            min=minimum,
        )
    if maximum is not None and value > maximum:
        return problem(
            "above_max",
            QT_TRANSLATE_NOOP("Errors", "Must be at most {max}."),
            max=maximum,
        )
    return value


def check_money(
    raw: str, *, minimum: Money | None = None, maximum: Money | None = None
) -> Money | Problem:
    try:
        value = Money.parse(raw)
    except MoneySyntaxError as exc:
        if exc.fault is MoneyFault.TOO_PRECISE:
            return problem(
                "money_fen",
                QT_TRANSLATE_NOOP(
                    "Errors", "An amount has at most two decimal places (fen), like 12.50."
                ),
            )
        return problem(
            "not_money",
            QT_TRANSLATE_NOOP(
                "Errors", "Enter an amount in yuan, for example 1234.50 or ¥1,234.50."
            ),
        )
    if minimum is not None and value < minimum:
        return problem(
            "below_min",
            QT_TRANSLATE_NOOP("Errors", "Must be at least {min}."),
            min=minimum.display(),
        )
    if maximum is not None and value > maximum:
        return problem(
            "above_max",
            QT_TRANSLATE_NOOP("Errors", "Must be at most {max}."),
            max=maximum.display(),
        )
    return value


# --- dates --------------------------------------------------------------------------------

_DATE_FORMS: Final = (
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)


def parse_date_text(raw: str) -> date | None:
    """``2026-11-27``, ``2026/11/27``, ``2026.11.27``, ``20261127`` or ``2026年11月27日``;
    ``None`` when the text is none of these or not a real day."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None


def check_date(
    raw: str,
    *,
    today: date | None = None,
    not_future: bool = False,
    earliest: date | None = None,
    latest: date | None = None,
) -> date | Problem:
    """A real calendar day; ``not_future`` is checked only when ``today`` is known."""
    value = parse_date_text(raw)
    if value is None:
        return problem(
            "not_date",
            QT_TRANSLATE_NOOP(
                "Errors", "Enter a real date as year-month-day, for example 2026-11-27."
            ),
        )
    if not_future and today is not None and value > today:
        return problem(
            "date_future",
            QT_TRANSLATE_NOOP("Errors", "The date {date} is in the future."),
            date=value.isoformat(),
        )
    if earliest is not None and value < earliest:
        return problem(
            "date_early",
            QT_TRANSLATE_NOOP("Errors", "The date must not be before {min}."),
            min=earliest.isoformat(),
        )
    if latest is not None and value > latest:
        return problem(
            "date_late",
            QT_TRANSLATE_NOOP("Errors", "The date must not be after {max}."),
            max=latest.isoformat(),
        )
    return value


def check_not_before(value: date, other: date, other_label: Bilingual) -> Problem | None:
    """Cross-field: ``value`` is on or after ``other`` (e.g. handed in after received)."""
    if value >= other:
        return None
    return problem(
        "date_order",
        QT_TRANSLATE_NOOP("Errors", "The date {date} is earlier than “{other}” ({other_date})."),
        date=value.isoformat(),
        other=other_label,
        other_date=other.isoformat(),
    )


# --- choices, yes/no, levels --------------------------------------------------------------


def choice_key(text: str) -> str:
    """How choice and level inputs are compared: NFKC, trimmed, case-folded."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def check_choice(raw: str, options: Mapping[str, str], shown: Bilingual) -> str | Problem:
    """``options`` maps every accepted :func:`choice_key` to the code it stands for;
    ``shown`` is the list of choices the message gives, in each language."""
    code = options.get(choice_key(raw))
    if code is None:
        return problem(
            "not_choice",
            QT_TRANSLATE_NOOP("Errors", "Choose one of: {choices}."),
            choices=shown,
        )
    return code


_TRUE: Final = frozenset({"是", "yes", "y", "true", "1", "√", "✓"})
_FALSE: Final = frozenset({"否", "no", "n", "false", "0", "×", "✗"})


def check_bool(raw: str) -> bool | Problem:
    key = choice_key(raw)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return problem(
        "not_bool",
        QT_TRANSLATE_NOOP("Errors", "Answer 是 or 否 (yes or no)."),
    )


def check_level(raw: str, options: Mapping[str, Level], shown: Bilingual) -> Level | Problem:
    """Like :func:`check_choice` for a form's own subset of levels."""
    level = options.get(choice_key(raw))
    if level is None:
        return problem(
            "not_level",
            QT_TRANSLATE_NOOP("Errors", "Choose a level from: {choices}."),
            choices=shown,
        )
    return level


# --- secrecy terms (保密期限) ---------------------------------------------------------------
#
# Input syntax, one of:
#   10年 · 10 · 10 years            N years (1 to 99)
#   2030-12-31 · 2030年12月31日      until that date (must be after today)
#   长期 · long                      long-term
#   条件:<text> · condition:<text>   until a condition, e.g. 条件:产品定型公开后
# The canonical input form of a term is what :func:`term_input_text` writes.

TERM_MAX_YEARS: Final = 99
_YEARS = re.compile(r"^(?P<n>\d{1,3})(?:年|years?|yrs?|y)?$")
_LONG: Final = frozenset({"长期", "long", "long-term", "longterm"})
_CONDITION_PREFIXES: Final = ("条件:", "condition:", "解密条件:")


def check_term(raw: str, *, today: date | None = None) -> Term | Problem:
    original = raw.strip()
    text = unicodedata.normalize("NFKC", original)
    lowered = text.casefold()
    for prefix in _CONDITION_PREFIXES:
        if lowered.startswith(prefix):
            # the condition is kept as typed; only the prefix is read loosely (条件： or 条件:)
            condition = original[len(prefix) :].strip()
            if not condition:
                return problem(
                    "term_condition_empty",
                    QT_TRANSLATE_NOOP(
                        "Errors", "Write the condition after 条件:, for example 条件:项目验收后."
                    ),
                )
            checked = check_text(condition, max_length=TEXT_MAX)
            if isinstance(checked, Problem):
                return checked
            return Term(TermKind.CONDITION, condition=checked)
    if lowered.replace(" ", "") in _LONG:
        return Term(TermKind.LONG_TERM)
    match = _YEARS.match(lowered.replace(" ", ""))
    if match:
        years = int(match["n"])
        if not 1 <= years <= TERM_MAX_YEARS:
            return problem(
                "term_years",
                QT_TRANSLATE_NOOP("Errors", "A term in years is between 1 and {max} years."),
                max=TERM_MAX_YEARS,
            )
        return Term.of_years(years)
    until = parse_date_text(text)
    if until is not None:
        if today is not None and until <= today:
            return problem(
                "term_past",
                QT_TRANSLATE_NOOP("Errors", "The term ends on {date}, which is not after today."),
                date=until.isoformat(),
            )
        return Term(TermKind.UNTIL_DATE, until=until)
    return problem(
        "not_term",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Enter a term as a number of years (10年), an end date (2030-12-31), "
            "长期 for long-term, or 条件: followed by the condition.",
        ),
    )


def term_input_text(term: Term) -> str:
    """The canonical input form, which :func:`check_term` reads back to the same term."""
    match term.kind:
        case TermKind.YEARS:
            return f"{term.years}年"
        case TermKind.UNTIL_DATE:
            assert term.until is not None
            return term.until.isoformat()
        case TermKind.CONDITION:
            return f"条件:{term.condition}"
        case TermKind.LONG_TERM:
            return "长期"


def term_display(term: Term, lang: str) -> str:
    """``10年`` / ``10 years``, ``2030年12月31日`` / ``until 2030-12-31``, the condition,
    ``长期`` / ``long-term``."""
    if lang != "en":
        return term.text()
    match term.kind:
        case TermKind.YEARS:
            return f"{term.years} year" + ("s" if term.years != 1 else "")
        case TermKind.UNTIL_DATE:
            assert term.until is not None
            return f"until {term.until.isoformat()}"
        case TermKind.CONDITION:
            return term.text()
        case TermKind.LONG_TERM:
            return "long-term"


def check_term_level(level: Level, term: Term | None) -> Problem | None:
    """Cross-field: only classified items (秘密 and above) carry a secrecy term."""
    if term is None or level.classified:
        return None
    return problem(
        "term_unclassified",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only items classified 秘密 or above have a secrecy term; clear the term "
            "or choose a classified level.",
        ),
    )


# --- scope (知悉范围) -----------------------------------------------------------------------

SCOPE_MAX_ITEMS: Final = 100
SCOPE_ITEM_MAX: Final = 100
_SCOPE_SPLIT = re.compile(r"[、,，;；\n]+")
SCOPE_JOIN: Final = "、"


def check_scope(
    raw: str, *, max_items: int = SCOPE_MAX_ITEMS, item_max_length: int = SCOPE_ITEM_MAX
) -> tuple[str, ...] | Problem:
    """People and departments separated by 、 , ; or new lines; repeats are dropped."""
    items: list[str] = []
    for part in _SCOPE_SPLIT.split(raw):
        checked = check_text(part, max_length=item_max_length)
        if isinstance(checked, Problem):
            return checked
        if checked and checked not in items:
            items.append(checked)
    if not items:
        return problem(
            "scope_empty",
            QT_TRANSLATE_NOOP("Errors", "Name at least one person or department, separated by 、."),
        )
    if len(items) > max_items:
        return problem(
            "scope_many",
            QT_TRANSLATE_NOOP("Errors", "At most {max} people or departments."),
            max=max_items,
        )
    return tuple(items)


# --- references, accounts, phones ---------------------------------------------------------

#: A generic entry number: capital letters and digits in groups joined by ``-``.
ENTRY_NUMBER: Final = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")


def check_entry_number(raw: str, pattern: re.Pattern[str] | None = None) -> str | Problem:
    """An entry number such as ``RY-2026-0001``; ``pattern`` is the target register's own
    numbering when known. Whether that entry exists is the register engine's question."""
    text = unicodedata.normalize("NFKC", raw).strip().upper()
    if not (pattern or ENTRY_NUMBER).fullmatch(text):
        return problem(
            "not_entry_number",
            QT_TRANSLATE_NOOP(
                "Errors", "Enter an entry number as the register writes it, like {example}."
            ),
            example="RY-2026-0001",
        )
    return text


_ACCOUNT = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{2,31}$")


def check_account(raw: str) -> str | Problem:
    """A login name: 3 to 32 characters, a Latin letter first, then letters, digits, ``.``
    ``_`` or ``-``."""
    text = raw.strip()
    if not _ACCOUNT.match(text):
        return problem(
            "not_account",
            QT_TRANSLATE_NOOP(
                "Errors",
                "An account name has 3 to 32 characters: a Latin letter first, then letters, "
                "digits, dots, dashes or underscores.",
            ),
        )
    return text


_MOBILE = re.compile(r"^(?:\+?86)?(?P<n>1[3-9]\d{9})$")
_LANDLINE = re.compile(r"^(?P<number>0\d{9,11})(?:(?:-|转|ext\.?|x)(?P<ext>\d{1,6}))?$")


def _join_area_code(text: str) -> str:
    """``010-12345678-5`` to ``01012345678-5``: drop the dash after the area code only."""
    head, sep, rest = text.partition("-")
    return head + rest if sep and head.startswith("0") and len(head) in (3, 4) else text


def check_phone(raw: str) -> str | Problem:
    """A mainland mobile (``13812345678``, optionally ``+86``) or a landline with its area code
    (``010-12345678``, ``0571-1234567``, extension as ``-123`` or ``转123``).

    Stored as ``13812345678`` or ``010-12345678[-123]`` so that the same number typed two ways
    is the same text (the shared-phone rule compares them)."""
    text = unicodedata.normalize("NFKC", raw).strip().casefold()
    text = re.sub(r"[\s()（）]", "", text)
    mobile = _MOBILE.match(text.replace("-", ""))
    if mobile:
        return mobile["n"]
    landline = _LANDLINE.match(_join_area_code(text))
    if landline:
        number, ext = landline["number"], landline["ext"]
        # 010 and 02x are the three-digit area codes (eight-digit local numbers); every other
        # area code has four digits (seven- or eight-digit local numbers).
        area_len = 3 if number.startswith(("010", "02")) else 4
        area, local = number[:area_len], number[area_len:]
        if local[0] != "0" and len(local) in ((8,) if area_len == 3 else (7, 8)):
            return f"{area}-{local}" + (f"-{ext}" if ext else "")
    return problem(
        "not_phone",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Enter a mobile number of 11 digits (13812345678) or a landline with its "
            "area code (010-12345678).",
        ),
    )

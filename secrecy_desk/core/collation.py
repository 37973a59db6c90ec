"""Chinese order: a sort key that puts Chinese text in pinyin order (陈 chén before 程 chéng
before 罗 luó), as a Chinese reader looks things up — code points put 陈 after 程 and 罗.

The key of a text is its characters one by one: a Han character becomes ``~`` + its pinyin
with the tone as a digit (``chen2``) + the character itself (the same syllable and tone keep a
fixed order), anything else stays as it is. Keys compare as plain text (SQLite's ``BINARY``),
so a stored key serves an ordinary index (``docs/design.md``, "Chinese order"); Latin letters
and digits come before Chinese text, as in a dictionary's index. The readings come from
pypinyin's character table (the first, most common reading of each character), read once when
the first key is made.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from typing import Final

#: Put before each Han character's key: after every ASCII letter and digit.
HAN_MARK: Final = "~"


@functools.cache
def _readings() -> Mapping[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # noqa: PLC0415 - 0.4 s, only when writing

    return pinyin_dict


@functools.lru_cache(maxsize=65536)
def _char_key(char: str) -> str:
    reading = _readings().get(ord(char))
    if not reading:
        return char
    from pypinyin.contrib.tone_convert import to_tone3  # noqa: PLC0415 - with the table

    syllable = to_tone3(reading.split(",", 1)[0]).replace("ü", "v")
    if not syllable[-1:].isdigit():
        syllable += "5"  # the neutral tone after the four tones
    return f"{HAN_MARK}{syllable}{char}"


class _Keys(dict[int, str]):
    """Code point → its key, for ``str.translate``: filled as characters are first met (a
    text's key is then made in C; an import makes one for each text of every row)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        key = char if char.isascii() else _char_key(char)
        self[code] = key
        return key


_KEYS: Final = _Keys()


def sort_key(text: str) -> str:
    """The pinyin sort key of ``text`` (``text`` itself when it holds no Chinese)."""
    if text.isascii():
        return text
    return text.translate(_KEYS)


def sort_keys(stored: Mapping[str, object]) -> str | None:
    """The keys of an entry's texts that differ from the texts (those holding Chinese), as
    JSON for the ``entries.sortkeys`` column; ``None`` when there are none."""
    keys = {
        name: key
        for name, value in stored.items()
        if isinstance(value, str) and (key := sort_key(value)) != value
    }
    return json.dumps(keys, ensure_ascii=False, sort_keys=True) if keys else None


def sort_keys_after(
    before: Mapping[str, object], before_keys: str | None, stored: Mapping[str, object]
) -> str | None:
    """:func:`sort_keys` of ``stored``, a new revision of the values ``before`` whose keys
    were ``before_keys``: the key of a text that did not change is taken over, so a revision
    that changes no Chinese text makes no key (and never loads the pinyin table)."""
    kept: Mapping[str, object] = json.loads(before_keys) if before_keys else {}
    keys: dict[str, object] = {}
    for name, value in stored.items():
        if not isinstance(value, str):
            continue
        if before.get(name) == value:
            if name in kept:
                keys[name] = kept[name]
        elif (key := sort_key(value)) != value:
            keys[name] = key
    return json.dumps(keys, ensure_ascii=False, sort_keys=True) if keys else None


#: Chinese numerals: digits and the units that multiply them.
_DIGITS: Final = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
#: A run of them, or of digits (captured, so that ``split`` keeps it).
_NUMBER: Final = re.compile(r"([零〇一二两三四五六七八九十百千]+|[0-9]+)")


def _number(run: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 二〇二六 → 2026, 12 → 12."""
    if run.isascii():
        return int(run)
    if not any(c in _UNITS for c in run):  # digit by digit
        return int("".join(str(_DIGITS[c]) for c in run))
    total = digit = 0
    for c in run:
        if c in _UNITS:
            total += (digit or 1) * _UNITS[c]
            digit = 0
        else:
            digit = _DIGITS[c]
    return total + digit


def numbered_key(text: str) -> str:
    """The pinyin key of a name with its numbers in numeric order — written in Chinese
    numerals or in digits: 一室, 二室, 三室 … 十二室 (code points put 三 before 二, pinyin
    èr before sān before yī), each number before the Chinese text that follows a like
    prefix, as in a dictionary's index; then the names without a number by pinyin."""
    pieces = _NUMBER.split(text)  # text, number, text, number, …, text
    return "".join(
        f"{_number(piece):012d}" if i % 2 else sort_key(piece) for i, piece in enumerate(pieces)
    )

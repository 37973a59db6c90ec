"""Text from outside the program — command-line arguments, standard input — taken strictly.

Python hands undecodable bytes in ``sys.argv`` (and, under the C locale, on standard input) over
as lone surrogates (``surrogateescape``); anything that later encodes them fails with a
``UnicodeEncodeError`` deep inside. So they are refused at the door, with one sentence that
names which argument it was, before any command runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP

_BAD_ARG = QT_TRANSLATE_NOOP(
    "Errors",
    "Argument {index} is not valid text in UTF-8 (undecodable bytes at character {at}); type it "
    "again or check the terminal's encoding.",
)
BAD_LINE = QT_TRANSLATE_NOOP(
    "Errors",
    "A line on standard input is not valid text in UTF-8; check the encoding of what is piped in.",
)


def _bad_at(text: str) -> int | None:
    for i, ch in enumerate(text):
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return i
    return None


def is_text(text: str) -> bool:
    """``True`` when ``text`` can be encoded as UTF-8 (holds no lone surrogate)."""
    return _bad_at(text) is None


def check_args(argv: Sequence[str]) -> list[str]:
    """``argv`` unchanged, or a :class:`UsageError` naming the first argument that is not text."""
    for index, arg in enumerate(argv, start=1):
        at = _bad_at(arg)
        if at is not None:
            raise UsageError(_BAD_ARG, index=index, at=at + 1)
    return list(argv)


def read_line(stream: TextIO) -> str:
    """One line from ``stream`` (``""`` at its end), decoded strictly."""
    try:
        line = stream.readline()
    except UnicodeDecodeError:
        raise UsageError(BAD_LINE) from None
    if not is_text(line):
        raise UsageError(BAD_LINE)
    return line

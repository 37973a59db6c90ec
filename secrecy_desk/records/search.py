"""Substring search over Chinese (and any other) text with SQLite FTS5, exact by construction.

FTS5's own tokenizers split on word boundaries (useless for Chinese) or, as trigrams, cannot
find two-character words such as 保密. So the index holds our own tokens: every overlapping pair
of characters of a field (a *bigram*), plus the field's last character alone, each spelled as
ASCII hex so FTS5's ``unicode61`` tokenizer keeps it whole, with a separator token between fields.

* A query of two or more characters becomes the phrase of its bigrams. Consecutive bigrams at
  consecutive positions spell exactly the query, and no bigram spans two fields, so a phrase
  match is exactly "the query is a substring of one field".
* A one-character query matches any bigram starting with it (a prefix query, served by the
  ``prefix='7'`` index) or a field's final character.

Each document also holds one *scope* token, ``z<register as hex>l<level>``, for a live entry
(a voided one has none), so that a count of a search's matches in one register, at some levels,
is a query of the search index alone (``phrase AND (scope OR scope)``) rather than a look at
each match's entry (:func:`scoped`). No query the user types can produce it: every token a
query makes starts with ``b`` or ``u``.

Text is compared after :func:`normalize` (Unicode NFC, then case folding) on both sides, and
the tests check the result against a plain ``in`` scan over the same data. A query is trimmed
first (stored text is trimmed too), so a blank query is no search at all rather than one that
finds nothing.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable
from typing import Final

SEPARATOR: Final = "sep"


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


class _Hexes(dict[str, str]):
    """Character → its code point as six hex digits, filled as characters are first met."""

    def __missing__(self, ch: str) -> str:
        code = self[ch] = f"{ord(ch):06x}"
        return code


_HEXES: Final = _Hexes()


def _hex(ch: str) -> str:
    return _HEXES[ch]


@functools.lru_cache(maxsize=4096)
def field_tokens(text: str) -> tuple[str, ...]:
    """A field's tokens, kept for the texts met last: names, titles and places repeat from
    entry to entry of a register (an import makes a document for every row)."""
    chars = normalize(text)
    if not chars:
        return ()
    hexes = [_HEXES[c] for c in chars]
    tokens = ["b" + a + b for a, b in itertools.pairwise(hexes)]
    tokens.append("u" + hexes[-1])
    return tuple(tokens)


def scope_token(register: str, level: int) -> str:
    """The token every live entry of ``register`` at ``level`` carries in its document."""
    return f"z{register.encode().hex()}l{int(level)}"


def document(texts: Iterable[str], scope: str | None = None) -> str:
    """The FTS5 body for an entry: each searchable field's tokens, fields kept apart, then the
    entry's scope token (:func:`scope_token`; ``None`` for a voided entry). An entry with no
    searchable text has no document (``""``): no search can find it."""
    out: list[str] = []
    for text in texts:
        tokens = field_tokens(text)
        if tokens:
            if out:
                out.append(SEPARATOR)
            out.extend(tokens)
    if out and scope is not None:
        out.append(scope)
    return " ".join(out)


def normalize_query(query: str) -> str:
    return normalize(query).strip()


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for ``query``; ``None`` when the query is blank."""
    chars = normalize_query(query)
    if not chars:
        return None
    if len(chars) == 1:
        code = _hex(chars)
        return f"b{code}* OR u{code}"
    bigrams = [f"b{_hex(a)}{_hex(b)}" for a, b in itertools.pairwise(chars)]
    return '"' + " ".join(bigrams) + '"'


def scoped(expr: str, scopes: Iterable[str]) -> str:
    """``expr``'s matches among the documents holding any of the scope tokens ``scopes``
    (at least one)."""
    tokens = list(scopes)
    if not tokens:
        raise ValueError("no scope")
    return f"({expr}) AND ({' OR '.join(tokens)})"


def matches(query: str, texts: Iterable[str]) -> bool:
    """The plain scan the index must agree with."""
    needle = normalize_query(query)
    return any(needle in normalize(t) for t in texts)

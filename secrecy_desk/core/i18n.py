"""Translation of messages raised outside the GUI (core, vault, CLI).

Source strings are English and marked with :func:`QT_TRANSLATE_NOOP`, which ``pyside6-lupdate``
extracts into ``resources/i18n/*.ts`` like any ``tr()`` call in the GUI. The Qt translator loads
the compiled ``.qm`` files for the GUI; code that must not import Qt (the CLI) reads the same
``.ts`` files with the standard library, so there is one source of truth for every visible string.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Final

I18N_DIR: Final = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"
LANGS: Final = ("zh_CN", "en")
DEFAULT_LANG: Final = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction into the translation files; returns it unchanged."""
    return text


@cache
def _catalog(lang: str) -> dict[tuple[str, str], str]:
    """All translations for ``lang`` from every ``*_<lang>.ts`` file in the i18n folder."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(I18N_DIR.glob(f"*_{lang}.ts")):
        root = ET.parse(path).getroot()  # noqa: S314 - trusted, bundled file
        for ctx in root.iter("context"):
            name = ctx.findtext("name", default="")
            for msg in ctx.iter("message"):
                source = msg.findtext("source", default="")
                trans = msg.find("translation")
                if trans is None or trans.get("type") in {"unfinished", "obsolete", "vanished"}:
                    continue
                if trans.text:
                    table[(name, source)] = trans.text
    return table


def normalize_lang(lang: str | None) -> str:
    """Map ``--lang`` values and locale names to one of :data:`LANGS`."""
    if not lang:
        return DEFAULT_LANG
    lowered = lang.lower().replace("-", "_")
    return next((known for known in LANGS if lowered.startswith(known[:2].lower())), DEFAULT_LANG)


def detect_lang() -> str:
    """The language from the environment's locale; Chinese unless it names English.

    The neutral ``C``/``POSIX`` locales (common on a freshly installed workstation) mean
    Chinese, the program's first language."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value.split(".")[0] not in {"C", "POSIX"}:
            return normalize_lang(value)
    return DEFAULT_LANG


def translate(context: str, text: str, lang: str) -> str:
    """``text`` in ``lang``; the English source when no translation exists."""
    if lang == "en":
        return text
    table = _catalog(lang)
    # lupdate files strings passed to a plain ``tr()`` helper under the empty context.
    return table.get((context, text)) or table.get(("", text), text)


def tr(text: str, lang: str, /, **params: object) -> str:
    """A command-line sentence in ``lang`` with its parameters filled in.

    ``pyside6-lupdate`` extracts the strings passed to ``tr()`` (it files them under an empty
    context, which :func:`translate` falls back to)."""
    out = translate("CLI", text, lang)
    return out.format(**params) if params else out

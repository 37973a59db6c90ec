"""Qt translators: every ``resources/i18n/*_<lang>.qm``, built from its ``.ts`` when needed.

The ``.qm`` files are build products (not in git). At startup each one that is missing or
older than its ``.ts`` source is compiled with ``pyside6-lrelease``; if that is impossible
(a read-only installation without the tool) the existing ``.qm`` is used as it is. English is
the source language, so ``en`` installs no translator at all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from secrecy_desk.core.i18n import I18N_DIR, normalize_lang

#: Keep the translators alive as long as the application: Qt does not own them.
_installed: list[QTranslator] = []
SOURCE_LANG: Final = "en"


def lrelease_tool() -> str | None:
    """``pyside6-lrelease`` beside the running interpreter, else on the ``PATH``."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def needs_build(ts: Path, qm: Path) -> bool:
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm``; False when the tool is missing or fails."""
    tool = lrelease_tool()
    if tool is None:
        return False
    try:
        subprocess.run(  # noqa: S603 - our own tool, fixed arguments, no shell
            [tool, "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return qm.exists()


def compiled_files(lang: str, folder: Path = I18N_DIR) -> list[Path]:
    """The ``.qm`` files for ``lang``, building any that are missing or stale."""
    for ts in sorted(folder.glob(f"*_{lang}.ts")):
        qm = ts.with_suffix(".qm")
        if needs_build(ts, qm) and not build_qm(ts, qm) and not qm.exists():
            print(f"secrecy-desk: cannot build {qm.name}", file=sys.stderr)
    return sorted(folder.glob(f"*_{lang}.qm"))


def install_translators(app: QCoreApplication, lang: str) -> list[Path]:
    """Install Qt's own translations (standard buttons) and ours; returns the files loaded."""
    lang = normalize_lang(lang)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if lang == SOURCE_LANG:
        return []
    loaded: list[Path] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    for qm in compiled_files(lang):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm)
    return loaded

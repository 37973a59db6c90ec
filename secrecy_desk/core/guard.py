"""The last line of defence of both entry points: anything unforeseen becomes one sentence on
screen and a log line (with the traceback) in the program's log file — never a traceback on a
terminal or in a dialog.

The log is ``~/.local/state/secrecy-desk/secrecy-desk.log`` (``$XDG_STATE_HOME`` respected;
``SECRECY_DESK_LOG_DIR`` overrides, for tests), mode 0600: a traceback names code, not data,
but an exception's text may quote an input.
"""

from __future__ import annotations

import contextlib
import logging
import os
import traceback
from pathlib import Path
from typing import Final

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate

ENV_DIR: Final = "SECRECY_DESK_LOG_DIR"
LOG_NAME: Final = "secrecy-desk.log"

log = logging.getLogger("secrecy_desk")

UNFORESEEN: Final = QT_TRANSLATE_NOOP(
    "Errors",
    "Something unexpected went wrong ({kind}); nothing that was saved is lost, because every "
    "save is complete or not made at all. The details are in {log}; tell the system "
    "administrator.",
)


def log_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "secrecy-desk"


def record(exc: BaseException) -> Path | None:
    """Append the traceback of ``exc`` to the log file; its path (``None`` if unwritable)."""
    folder = log_dir()
    path = folder / LOG_NAME
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, text.encode("utf-8", errors="backslashreplace"))
        finally:
            os.close(fd)
    except OSError:
        return None
    with contextlib.suppress(Exception):
        log.debug("unforeseen %s recorded in %s", type(exc).__name__, path)
    return path


def sentence(exc: BaseException, lang: str) -> str:
    """The one sentence for ``exc``: its own for a :class:`DeskError`, else the general one
    (after recording the traceback)."""
    if isinstance(exc, DeskError):
        return exc.message(lang)
    where = record(exc)
    text = translate("Errors", UNFORESEEN, lang)
    return text.format(kind=type(exc).__name__, log=str(where) if where else "-")

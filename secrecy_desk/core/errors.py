"""Errors that reach a person: each carries a translatable sentence and the exit code the CLI uses.

Exit codes (shared by every admin command): 0 success; 1 a check or validation failed; 2 usage
error; 3 authentication failed or account locked; 4 not a vault, damaged, or wrong version.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import ClassVar, Final, Protocol, runtime_checkable

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate


@runtime_checkable
class Localized(Protocol):
    """A message parameter that reads differently per language (a label, an action)."""

    def text(self, lang: str) -> str: ...


class DeskError(Exception):
    """Base for every error shown to a user. ``text`` is an English source string with
    ``{name}`` placeholders, marked for translation at the raising site."""

    exit_code: ClassVar[int] = 1
    context: ClassVar[str] = "Errors"

    def __init__(self, text: str, /, **params: object) -> None:
        super().__init__(text.format(**params) if params else text)
        self.text = text
        self.params: Mapping[str, object] = params

    def message(self, lang: str) -> str:
        """The sentence in ``lang`` with its parameters filled in."""
        template = translate(self.context, self.text, lang)
        if not self.params:
            return template
        # A parameter that reads differently per language (a label) has a ``text(lang)``.
        filled = {
            k: v.text(lang) if isinstance(v, Localized) else v for k, v in self.params.items()
        }
        return template.format(**filled)


class ValidationError(DeskError):
    """Input that breaks a rule; nothing was saved."""

    exit_code = 1


class UsageError(DeskError):
    """The command was called wrongly."""

    exit_code = 2


class AuthError(DeskError):
    """Wrong password, unknown, locked, disabled or expired account."""

    exit_code = 3


class PermissionDenied(DeskError):
    """The account's role, permissions or clearance do not allow the action."""

    exit_code = 3


class ConflictError(DeskError):
    """Someone saved the record since the revision the user saw."""

    exit_code = 1


class VaultError(DeskError):
    """Not a vault, damaged, foreign, wrong version, or busy."""

    exit_code = 4


#: What an operating-system error means, in the user's words (the OS's own text is English).
_OS_REASONS: Final = {
    errno.ENOENT: QT_TRANSLATE_NOOP("Errors", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("Errors", "this account of the computer may not use it"),
    errno.EPERM: QT_TRANSLATE_NOOP("Errors", "the system does not allow this"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("Errors", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("Errors", "the disk quota is used up"),
    errno.EEXIST: QT_TRANSLATE_NOOP("Errors", "a file of that name exists already"),
    errno.EISDIR: QT_TRANSLATE_NOOP("Errors", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("Errors", "part of the path is not a folder"),
    errno.EROFS: QT_TRANSLATE_NOOP("Errors", "the disk is read-only"),
    errno.EIO: QT_TRANSLATE_NOOP("Errors", "the disk could not be read or written"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("Errors", "the file name is too long"),
    errno.EBUSY: QT_TRANSLATE_NOOP("Errors", "it is in use"),
    errno.ENOTEMPTY: QT_TRANSLATE_NOOP("Errors", "the folder is not empty"),
    errno.EXDEV: QT_TRANSLATE_NOOP("Errors", "it is on another disk"),
}
_OS_OTHER: Final = QT_TRANSLATE_NOOP("Errors", "the system reported error {code}")
_OS_AT: Final = QT_TRANSLATE_NOOP("Errors", "{reason} ({path})")


def os_reason(exc: OSError, lang: str) -> str:
    """An :class:`OSError` as a clause in ``lang`` naming the file: "找不到该文件或文件夹
    （/media/x.csv）" — never the system's English text."""
    code = exc.errno
    if code in _OS_REASONS:
        reason = translate("Errors", _OS_REASONS[code], lang)
    else:
        name = errno.errorcode.get(code, "") if code is not None else ""
        reason = translate("Errors", _OS_OTHER, lang).format(code=name or type(exc).__name__)
    path = exc.filename
    if path is None:
        return reason
    return translate("Errors", _OS_AT, lang).format(reason=reason, path=os.fsdecode(path))

"""Errors that reach a person: each carries a translatable sentence and the exit code the CLI uses.

Exit codes (shared by every admin command): 0 success; 1 a check or validation failed; 2 usage
error; 3 authentication failed or account locked; 4 not a vault, damaged, or wrong version.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Protocol, runtime_checkable

from secrecy_desk.core.i18n import translate


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

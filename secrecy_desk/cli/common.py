"""What every ``secrecy-desk-admin`` command shares: the environment it runs in, the argument
parser, the vault options, ``name=value`` pairs, the one date parser, tables, and logging in.

The command modules (:mod:`.admin` and one per domain, named by the module registry) build on
this and never on each other.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final, NoReturn, TextIO, TypeAlias

from secrecy_desk.core import textio
from secrecy_desk.core.clock import Clock, SystemClock
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr, translate
from secrecy_desk.core.levels import RATINGS, Level
from secrecy_desk.core.roles import BUSINESS_ROLES, Role
from secrecy_desk.core.validators import parse_date_text
from secrecy_desk.forms import load_all
from secrecy_desk.modules.registers import Progress, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import db
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.session import Session

log = logging.getLogger("secrecy_desk")


@dataclass
class Env:
    """What a command runs with: streams, language, clock, and (for tests) KDF parameters."""

    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    lang: str
    clock: Clock = field(default_factory=SystemClock)
    params: Argon2Params | None = None
    #: The password the command logged in with, kept only for ``users passwd`` to re-check.
    login_password: str = ""

    def password(self, prompt: str) -> str:
        """One password: a hidden prompt on a terminal, else the next line of standard input."""
        if self.stdin.isatty():
            typed = getpass.getpass(prompt + " ", stream=self.stderr)
            if not textio.is_text(typed):
                raise UsageError(textio.BAD_LINE)
            return typed
        line = textio.read_line(self.stdin)
        if not line:
            raise UsageError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A password was expected on standard input (one per line) but none came.",
                )
            )
        return line.rstrip("\r\n")

    def out(self, text: str) -> None:
        print(text, file=self.stdout)


#: argparse's own messages (Python 3.11 wording, English: argparse is not translated) → the
#: sentence the user reads. Each pattern's groups fill the sentence's placeholders in order.
_ARGPARSE: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern, re.DOTALL), text)
    for pattern, text in (
        (
            r"the following arguments are required: (?P<names>.+)",
            QT_TRANSLATE_NOOP("Errors", "{names} must be given."),
        ),
        (
            r"unrecognized arguments: (?P<names>.+)",
            QT_TRANSLATE_NOOP("Errors", "{names} is not an option of this command."),
        ),
        (
            r"argument (?P<name>\S+): invalid choice: '(?P<value>.*)' "
            r"\(choose from (?P<choices>.+)\)",
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be {value}; choose one of {choices}."),
        ),
        (
            r"argument (?P<name>\S+): invalid \S+ value: '(?P<value>.*)'",
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be {value}."),
        ),
        (
            r"argument (?P<name>\S+): expected (one|at least one|\S+) arguments?",
            QT_TRANSLATE_NOOP("Errors", "{name} needs a value after it."),
        ),
        (
            r"argument (?P<name>\S+): not allowed with argument (?P<other>.+)",
            QT_TRANSLATE_NOOP("Errors", "{name} and {other} cannot be given together."),
        ),
        (
            r"argument (?P<name>\S+): ignored explicit argument '(?P<value>.*)'",
            QT_TRANSLATE_NOOP("Errors", "{name} takes no value ({value})."),
        ),
        (
            r"ambiguous option: (?P<name>\S+) could match (?P<choices>.+)",
            QT_TRANSLATE_NOOP("Errors", "{name} could mean {choices}; write it out in full."),
        ),
        (
            r"one of the arguments (?P<names>.+) is required",
            QT_TRANSLATE_NOOP("Errors", "One of {names} must be given."),
        ),
        (
            r"argument (?P<name>\S+): (?P<value>.+)",
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be {value}."),
        ),
    )
)


def usage_error(prog: str, message: str) -> UsageError:
    """argparse's ``message`` as one sentence in the user's language, with where to read the
    command's usage (``--help``)."""
    for pattern, text in _ARGPARSE:
        found = pattern.fullmatch(message.strip())
        if found is not None:
            params = {k: v.strip() for k, v in found.groupdict().items()}
            return UsageError(_USAGE, detail=_Sentence(text, params), prog=prog)
    return UsageError(_USAGE, detail=message, prog=prog)


_USAGE: Final = QT_TRANSLATE_NOOP("Errors", "Usage error: {detail} See {prog} --help.")


@dataclass(frozen=True)
class _Sentence:
    """A translated sentence as a message parameter."""

    source: str
    params: dict[str, str]

    def text(self, lang: str) -> str:
        return translate("Errors", self.source, lang).format(**self.params)

    def __str__(self) -> str:
        return self.text("en")


class Parser(argparse.ArgumentParser):
    """argparse, with usage errors raised as one translated sentence (exit 2)."""

    def error(self, message: str) -> NoReturn:
        raise usage_error(self.prog, message)


#: The sub-parsers object a command module adds its commands to (a string: argparse's class
#: is generic only to the type checker).
SubParsers: TypeAlias = "argparse._SubParsersAction[Any]"
#: A command: the parsed arguments and the environment in, the exit code out.
Runner: TypeAlias = Callable[[argparse.Namespace, Env], int]


def vault_args(sp: argparse.ArgumentParser, *, who: bool = True) -> None:
    """``--vault DIR`` and (unless ``who`` is false) ``--as LOGIN``."""
    sp.add_argument("--vault", required=True, type=Path, help="vault folder")
    if who:
        sp.add_argument("--as", dest="as_login", required=True, help="your account")


def subparsers(parser: argparse.ArgumentParser, dest: str) -> SubParsers:
    return parser.add_subparsers(dest=dest, required=True, parser_class=Parser)


def pairs(items: Sequence[str]) -> dict[str, str]:
    """``name=value`` arguments (``--set``, ``--where``) as a mapping; the value may hold ``=``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(
                QT_TRANSLATE_NOOP("Errors", "Write fields as name=value, not {item}."), item=item
            )
        out[name.strip()] = value
    return out


def parse_date(text: str) -> date:
    """A date as a clerk writes it (``2026-11-27``, ``2026/11/27``, ``2026年11月27日`` …)."""
    day = parse_date_text(text)
    if day is None:
        raise UsageError(
            QT_TRANSLATE_NOOP("Errors", "{text} is not a date; write it as 2026-11-27."), text=text
        )
    return day


def date_arg(text: str) -> date:
    """:func:`parse_date` as an argparse type."""
    day = parse_date_text(text)
    if day is None:
        raise argparse.ArgumentTypeError(text)
    return day


def level_arg(text: str) -> Level:
    try:
        return Level.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def rating_arg(text: str) -> Level:
    level = level_arg(text)
    if level not in RATINGS:
        raise argparse.ArgumentTypeError(text)
    return level


def role_arg(text: str) -> Role:
    for role in BUSINESS_ROLES:
        if text in {role.value, role.zh}:
            return role
    raise argparse.ArgumentTypeError(text)


def text_width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def table(env: Env, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Rows under a header, columns aligned for CJK text."""
    widths = [max([text_width(h)] + [text_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - text_width(c)) for c, w in zip(cells, widths, strict=True))

    env.out(line(header).rstrip())
    env.out("  ".join("-" * w for w in widths))
    for r in rows:
        env.out(line(r).rstrip())


def say(env: Env, text: str, **params: object) -> None:
    """A translated line on standard output."""
    env.out(tr(text, env.lang, **params))


def tenths(env: Env, line: str, *, heading: str | None = None) -> Progress:
    """A progress callback that tells a person at a terminal, on standard error, each tenth
    of a long step as ``line`` (translated, with ``{percent}``), ``heading`` first at the
    first report; a script (standard error not a terminal) gets nothing. It never cancels."""
    tell = env.stderr.isatty()
    shown = [-1]

    def progress(done: int, total: int) -> bool:
        tenth = done * 10 // total if total else 10
        if tell and tenth > shown[0]:
            if shown[0] < 0 and heading is not None:
                env.stderr.write(heading + "\n")
            shown[0] = tenth
            env.stderr.write(line.format(percent=tenth * 10) + "\n")
            env.stderr.flush()
        return True

    return progress


def open_engine(session: Session, env: Env) -> Registers:
    """The register engine for a command. Once after an upgrade its start makes the search
    index again (minutes on a large vault): a person at a terminal is told so, and how far
    it is; a script gets nothing."""
    progress = tenths(
        env,
        tr("Search index: {percent}% done", env.lang),
        heading=tr("Making the search index again (once after an upgrade)…", env.lang),
    )
    return open_registers(session, load_all(), progress)


def login(args: argparse.Namespace, env: Env) -> Session:
    """Log in as ``--as`` with the password read from the terminal or standard input."""
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    session = sessions.login(args.vault, args.as_login, password, clock=env.clock)
    env.login_password = password
    log.info("SQLCipher %s", db.cipher_version(session.vault.store))
    return session


def with_session(
    args: argparse.Namespace, env: Env, action: Callable[[Session], int], *, passwd: bool = False
) -> int:
    """Run ``action`` logged in, and log out after it whatever happened. Only ``users passwd``
    (``passwd=True``) runs while the account must still change its first password."""
    session = login(args, env)
    try:
        if not passwd:
            session.require_active_password()
        return action(session)
    finally:
        session.logout()


def session_command(action: Callable[[Session, argparse.Namespace, Env], int]) -> Runner:
    """A command that runs logged in (``--vault`` and ``--as``)."""

    def command(args: argparse.Namespace, env: Env) -> int:
        return with_session(args, env, lambda s: action(s, args, env))

    return command

"""``secrecy-desk-admin``: the administrators' command line (init, users, verify, audit, demo…)
and the domains' commands (entries, print, commitments, approvals …).

Passwords come from standard input, one per line, when it is not a terminal, and from a hidden
prompt when it is — never from arguments or the environment. Exit codes: 0 success; 1 a check
or validation failed; 2 usage error; 3 authentication failed or account locked; 4 not a vault,
damaged, or wrong version. Errors are one sentence on stderr in Chinese or English.

The command table is the administrators' commands (:mod:`.admin`) plus the commands each module
declares in its descriptor (``secrecy_desk.modules.registry``). A domain's command module is
imported only when its command runs: ``--help`` lists every command from the descriptors alone,
without loading a domain's engine, the printing layer or its fonts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import multiprocessing
import sys
from collections.abc import Sequence

from secrecy_desk.cli import admin
from secrecy_desk.cli.common import Env, Parser, Runner
from secrecy_desk.core import guard, textio
from secrecy_desk.core.errors import DeskError, VaultError, os_reason
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, detect_lang, normalize_lang, tr
from secrecy_desk.modules.registry import commands as module_commands
from secrecy_desk.vault import db

__all__ = ["Env", "build_parser", "main", "run"]


def _command_name(argv: Sequence[str]) -> str | None:
    """The command word: the first argument that is not an option."""
    return next((a for a in argv if not a.startswith("-")), None)


def build_parser(chosen: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, Runner]]:
    """The parser and the command table. Every module command is listed with its help; only
    ``chosen`` (the command being run) gets its module imported and its full arguments."""
    p = Parser(prog="secrecy-desk-admin", description="Secrecy Desk administration")
    p.add_argument("--lang", help="zh_CN or en (default: from the locale)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)
    admin.add_parsers(sub)
    runners: dict[str, Runner] = dict(admin.COMMANDS)
    for command in module_commands():
        if command.name != chosen:
            sub.add_parser(command.name, help=command.help, add_help=False)
            continue
        target = importlib.import_module(command.target)
        target.PARSERS[command.name](sub)
        runners[command.name] = target.COMMANDS[command.name]
    return p, runners


def run(argv: Sequence[str], env: Env) -> int:
    """One command; every outcome is an exit code and at most one sentence on stderr."""
    try:
        argv = textio.check_args(argv)
        rest, lang = _split_lang(argv)
        rest = _common_options_last(rest)
        if lang:
            env.lang = normalize_lang(lang)
        parser, runners = build_parser(_command_name(rest))
        args = parser.parse_args(rest)
        return runners[args.command](args, env)
    except DeskError as exc:
        env.stderr.write(exc.message(env.lang) + "\n")
        return exc.exit_code
    except db.DatabaseError as exc:
        # A damaged page met after the vault opened: one sentence, exit 4, no traceback.
        err = VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The vault database is damaged ({reason}); nothing more was saved. Run verify "
                "and restore the vault from a backup.",
            ),
            reason=str(exc),
        )
        env.stderr.write(err.message(env.lang) + "\n")
        return err.exit_code
    except KeyboardInterrupt:
        env.stderr.write(tr("Interrupted; nothing was saved.", env.lang) + "\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. ``| head``): stop quietly, as Unix tools do.
        return 0
    except OSError as exc:
        env.stderr.write(
            tr(
                "The operation failed: {reason}. Nothing was saved.",
                env.lang,
                reason=os_reason(exc, env.lang),
            )
            + "\n"
        )
        return 1
    except Exception as exc:
        # The last guard: anything unforeseen is one sentence here and a traceback in the log.
        env.stderr.write(guard.sentence(exc, env.lang) + "\n")
        return 1


def _split_lang(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """Take ``--lang X`` out wherever it stands, so it works before or after the command."""
    rest: list[str] = []
    lang: str | None = None
    items = list(argv)
    i = 0
    while i < len(items):
        a = items[i]
        if a == "--lang" and i + 1 < len(items):
            lang = items[i + 1]
            i += 2
            continue
        if a.startswith("--lang="):
            lang = a.split("=", 1)[1]
        else:
            rest.append(a)
        i += 1
    return rest, lang


#: Options every vault command takes; written before the command they are moved after it, so
#: ``A="secrecy-desk-admin --vault DIR --as LOGIN"; $A entries list …`` works.
_COMMON = ("--vault", "--as")


def _common_options_last(argv: list[str]) -> list[str]:
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        a = argv[i]
        if a in _COMMON and i + 1 < len(argv):
            moved += [a, argv[i + 1]]
            i += 2
        elif a.split("=", 1)[0] in _COMMON:
            moved.append(a)
            i += 1
        else:
            rest.append(a)
            i += 1
    return rest + argv[i:] + moved


def _lang_from_argv(argv: Sequence[str]) -> str:
    lang = _split_lang(argv)[1]
    return normalize_lang(lang) if lang else detect_lang()


def main(argv: Sequence[str] | None = None) -> int:
    """The console script; nothing, not even a failure before a command runs, shows a
    traceback (one sentence on stderr, the traceback in the program's log)."""
    # In the bundle, a worker process of the audit walk starts as this program: it runs its
    # task here and exits (a no-op when not frozen).
    multiprocessing.freeze_support()
    lang = normalize_lang(None)
    try:
        from secrecy_desk.core import bootstrap  # noqa: PLC0415 - process hardening first

        bootstrap.harden_process()
        args = list(sys.argv[1:] if argv is None else argv)
        with contextlib.suppress(DeskError):
            lang = _lang_from_argv(textio.check_args(args))
        env = Env(sys.stdin, sys.stdout, sys.stderr, lang)
        return run(args, env)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(guard.sentence(exc, lang) + "\n")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())

"""``secrecy-desk-admin print``: an entry or a register's list to a PDF file (recorded in the
print register, fixed disks only), or ``print verify CODE`` for a code read off paper."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    open_engine,
    pairs,
    session_command,
    vault_args,
)
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.modules.prints.verify import verify_code
from secrecy_desk.modules.registers import Query, printouts
from secrecy_desk.records.codes import Match
from secrecy_desk.records.printing import check_destination, to_file
from secrecy_desk.vault.session import Session


def _print_parser(sub: SubParsers) -> None:
    prt = sub.add_parser("print", help="print an entry or a list to a PDF file; or verify a code")
    prt.add_argument("verb", nargs="?", choices=("verify",), help="verify CODE")
    prt.add_argument("code", nargs="?", help="the verification code on the paper")
    vault_args(prt)
    prt.add_argument("--register")
    what = prt.add_mutually_exclusive_group()
    what.add_argument("--entry", help="entry number")
    what.add_argument("--list", action="store_true", help="the (filtered) list")
    prt.add_argument("--where", action="append", default=[], metavar="NAME=VALUE")
    prt.add_argument("--search", default="")
    prt.add_argument("--copies", type=int, default=1)
    prt.add_argument("--to", type=Path, help="the PDF file to write (fixed disks only)")
    prt.add_argument("--overwrite", action="store_true", help="replace an existing file")
    prt.add_argument("--reason", default="", help="reason for a reprint (补打)")


def run_print(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = open_engine(session, env)
    lang = env.lang
    if args.verb == "verify":
        if not args.code:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "Give the code to verify."))
        check = verify_code(regs, args.code)
        env.out(check.message(lang))
        return 0 if check.match is not Match.NOTHING else 1
    if not args.register or not args.to or not (args.entry or args.list):
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "print needs --register, --entry NUMBER or --list, and --to FILE.pdf.",
            )
        )
    target = check_destination(
        session, args.to, overwrite=args.overwrite
    )  # refused before anything is printed
    printer = tr("PDF file {path}", lang, path=target)
    deliver = to_file(session, target)
    if args.entry:
        out = printouts.print_entry(
            regs,
            args.register,
            args.entry,
            copies=args.copies,
            printer=printer,
            reason=args.reason,
            deliver=deliver,
        )
    else:
        query = Query(where=pairs(args.where), search=args.search)
        out = printouts.print_list(
            regs, args.register, query, copies=args.copies, printer=printer, deliver=deliver
        )
    path = target
    env.out(
        tr(
            "Printed to {path} ({mark}); print register {record}, verification code {code}.",
            lang,
            path=path,
            mark=out.marking,
            record=out.record,
            code=out.code,
        )
        + (" " + tr("Marked as reprint (补打).", lang) if out.reprint else "")
    )
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"print": _print_parser}
COMMANDS: dict[str, Runner] = {"print": session_command(run_print)}

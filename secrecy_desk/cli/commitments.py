"""``secrecy-desk-admin commitments …``: commitment letters from a terminal (the same core
operations as the Commitments tab)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    open_engine,
    parse_date,
    session_command,
    subparsers,
    vault_args,
)
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr, translate
from secrecy_desk.core.levels import Level
from secrecy_desk.modules.commitments import report as report_mod
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.reports import export
from secrecy_desk.records.printing import check_destination, to_file
from secrecy_desk.vault.session import Session


def _commitments_parser(sub: SubParsers) -> None:
    cm = sub.add_parser("commitments", help="secrecy commitments (保密承诺书)")
    csub = subparsers(cm, "commitments_command")
    gen = csub.add_parser("generate", help="generate commitments for people")
    vault_args(gen)
    gen.add_argument("--template", required=True, help="onboarding, in_post, departure, …")
    who = gen.add_mutually_exclusive_group()
    who.add_argument("--person", action="append", help="a personnel number (repeatable)")
    who.add_argument("--due", action="store_true", help="everyone due (with --department: in it)")
    gen.add_argument("--department", help="everyone current in a department")
    gen.add_argument(
        "--confirm", action="store_true", help="generate despite the warnings (letters waiting)"
    )
    gen.add_argument("--level", default="内部", help="level of the matters concerned")
    gen.add_argument("--matter", default="", help="the matter concerned (专项, 对外交流)")
    prt = csub.add_parser("print", help="print commitments into one PDF")
    vault_args(prt)
    what = prt.add_mutually_exclusive_group(required=True)
    what.add_argument("--number", action="append", help="a commitment number (repeatable)")
    what.add_argument("--generated", action="store_true", help="every commitment not printed")
    prt.add_argument("--to", required=True, type=Path, help="the PDF file (fixed disks only)")
    prt.add_argument("--overwrite", action="store_true", help="replace an existing file")
    prt.add_argument("--copies", type=int, default=2)
    prt.add_argument("--reason", default="", help="reason for a reprint (补打)")
    sig = csub.add_parser("record-signature", help="record the signed paper; archive it")
    vault_args(sig)
    sig.add_argument("--number", required=True)
    sig.add_argument("--signed-on", required=True)
    sig.add_argument("--witness", required=True)
    sig.add_argument("--personnel-copy", required=True, help="where the personnel office keeps it")
    sig.add_argument("--secrecy-copy", required=True, help="where the secrecy office keeps it")
    rep = csub.add_parser("report", help="who is missing, due to renew or unsigned")
    vault_args(rep)
    rep.add_argument("--department")
    rep.add_argument("--to", type=Path, help="also print it to this PDF file")
    rep.add_argument("--export", type=Path, help="also export it to this .xlsx or .csv file")
    rep.add_argument("--overwrite", action="store_true", help="replace an existing file")
    lst = csub.add_parser("list", help="list commitments")
    vault_args(lst)
    lst.add_argument("--status", choices=("generated", "printed", "archived"))
    lst.add_argument("--template")


def _core(session: Session, env: Env) -> Commitments:
    return Commitments(open_engine(session, env))


def _commitments_generate(
    c: Commitments, session: Session, args: argparse.Namespace, env: Env
) -> int:
    lang = env.lang
    try:
        level = Level.parse(args.level)
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Errors", "Unknown level {level}."), level=args.level
        ) from None
    if args.person and args.department:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Give either --person or --department (with --due: those due in it)."
            )
        )
    if args.due:
        people = report_mod.due_people(c, c.template(args.template).id, department=args.department)
    elif args.department:
        people = [p.number for p in c.people(department=args.department)]
    elif args.person:
        people = list(args.person)
    else:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Say who: --person, --department or --due."))
    if not people:
        env.out(tr("Nobody is due.", lang))
        return 0
    made = c.generate(args.template, people, level=level, matter=args.matter, confirm=args.confirm)
    env.out(
        tr(
            "{n} commitments generated: {first} … {last}.",
            lang,
            n=len(made),
            first=made[0].number,
            last=made[-1].number,
        )
    )
    return 0


def _commitments_print(c: Commitments, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    if args.generated:
        numbers = [x.number for x in c.find(status="generated")]
    else:
        numbers = list(args.number)
    target = check_destination(session, args.to, overwrite=args.overwrite)
    printer = tr("PDF file {path}", lang, path=target)
    out = c.print_batch(
        numbers,
        printer=printer,
        copies=args.copies,
        reason=args.reason,
        deliver=to_file(session, target),
    )
    env.out(tr("{n} commitments printed to {path}.", lang, n=len(out.printed), path=target))
    for p in out.printed:
        env.out(f"  {p.document.number}  {p.record}  {p.code}")
    return 0


def _commitments_record_signature(
    c: Commitments, session: Session, args: argparse.Namespace, env: Env
) -> int:
    lang = env.lang
    done = c.record_signature(
        args.number,
        signed_on=parse_date(args.signed_on),
        witness=args.witness,
        personnel_copy=args.personnel_copy,
        secrecy_copy=args.secrecy_copy,
    )
    env.out(tr("{number} is signed and archived.", lang, number=done.number))
    return 0


def _commitments_report(
    c: Commitments, session: Session, args: argparse.Namespace, env: Env
) -> int:
    lang = env.lang
    rep = report_mod.completeness(c, department=args.department)
    titles = {s.id: s.title(lang) for s in c.templates()}
    for gap in rep.gaps:
        kind = translate("Commitments", report_mod.KIND_TEXT[gap.kind], lang)
        env.out(
            f"{kind}\t{gap.person}\t{gap.name}\t{gap.department}\t"
            f"{titles.get(gap.template, gap.template)}\t{gap.commitment}\t{gap.since}"
        )
    env.out(
        tr(
            "{missing} without a signed commitment, {renew} due to renew, {unsigned} "
            "unsigned after 7 days.",
            lang,
            missing=len(rep.of(report_mod.MISSING)),
            renew=len(rep.of(report_mod.RENEW)),
            unsigned=len(rep.of(report_mod.UNSIGNED)),
        )
    )
    if args.export:
        path = export.export_completeness(c, rep, args.export, overwrite=args.overwrite)
        env.out(tr("Exported to {path}.", lang, path=path))
    if args.to:
        target = check_destination(session, args.to, overwrite=args.overwrite)
        printer = tr("PDF file {path}", lang, path=target)
        paper = report_mod.print_report(c, rep, printer=printer, deliver=to_file(session, target))
        env.out(
            tr(
                "Printed to {path}; verification code {code}.",
                lang,
                path=target,
                code=paper.code,
            )
        )
    return 0


def _commitments_list(c: Commitments, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    titles = {s.id: s.title(lang) for s in c.templates()}
    states = {
        "generated": tr("generated", lang),
        "printed": tr("printed, awaiting signature", lang),
        "archived": tr("signed and archived", lang),
    }
    items = c.find(status=args.status, template=args.template)
    for item in items:
        env.out(
            f"{item.number}\t{titles.get(item.template, item.template)}\t{item.person}\t"
            f"{item.name}\t{states.get(item.status, item.status)}\t{item.marking}\t"
            f"{item.signed_on or ''}"
        )
    env.out(tr("{n} commitments.", lang, n=len(items)))
    return 0


_COMMITMENTS_COMMANDS: dict[str, Callable[..., int]] = {
    "generate": _commitments_generate,
    "print": _commitments_print,
    "record-signature": _commitments_record_signature,
    "report": _commitments_report,
    "list": _commitments_list,
}


def run_commitments(session: Session, args: argparse.Namespace, env: Env) -> int:
    c = _core(session, env)
    sub = args.commitments_command
    handler = _COMMITMENTS_COMMANDS.get(sub)
    if handler is not None:
        return handler(c, session, args, env)
    raise UsageError(QT_TRANSLATE_NOOP("Errors", "Unknown command."))


PARSERS: dict[str, Callable[[SubParsers], None]] = {"commitments": _commitments_parser}
COMMANDS: dict[str, Runner] = {"commitments": session_command(run_commitments)}

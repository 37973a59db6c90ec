"""``secrecy-desk-admin office``: the secrecy office's papers filled from the data, to a PDF
file (recorded in the print register, fixed disks only) —
``office self-inspection --from D --until D --to F.pdf`` (保密工作自查表) and
``office gifts-summary --half 2026H1 --to F.pdf`` (礼品礼金半年报); ``--show`` prints the
figures on the terminal instead."""

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
    table,
    vault_args,
)
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.modules.gifts import summary
from secrecy_desk.modules.office import sheet
from secrecy_desk.modules.reports import export
from secrecy_desk.records.printing import Printout, check_destination, to_file
from secrecy_desk.vault.session import Session


def _office_parser(sub: SubParsers) -> None:
    of = sub.add_parser("office", help="the self-inspection sheet, the gifts half-year summary")
    osub = subparsers(of, "office_command")
    si = osub.add_parser("self-inspection", help="保密工作自查表, filled from the data")
    vault_args(si)
    si.add_argument("--from", dest="start", required=True, help="first day of the period")
    si.add_argument("--until", required=True, help="last day of the period")
    gs = osub.add_parser(
        "gifts-summary", help="gifts handed in, disposed of and held, by department"
    )
    vault_args(gs)
    gs.add_argument("--half", required=True, help="2026H1, 2026H2, 2026上半年 …")
    for p in (si, gs):
        p.add_argument("--to", type=Path, help="the PDF file to write (fixed disks only)")
        p.add_argument("--overwrite", action="store_true", help="replace an existing file")
        p.add_argument("--show", action="store_true", help="show the figures, print nothing")
    gs.add_argument("--export", type=Path, help="export it to this .xlsx or .csv file instead")


def _printed(env: Env, out: Printout, path: Path) -> None:
    env.out(
        tr(
            "Printed to {path} ({mark}); print register {record}, verification code {code}.",
            env.lang,
            path=path,
            mark=out.marking,
            record=out.record,
            code=out.code,
        )
    )


def run_office(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = open_engine(session, env)
    if not args.show and not args.to and not getattr(args, "export", None):
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Give --to FILE.pdf, or --show."))
    if args.office_command == "self-inspection":
        start, end = parse_date(args.start), parse_date(args.until)
        if args.show:
            lines = sheet.fill(regs, start, end)
            rows = [[str(n), x.item, x.figure, x.source] for n, x in enumerate(lines, 1)]
            table(env, ["#", "检查项目", "数据", "数据来源"], rows)
            return 0
        target = check_destination(session, args.to, overwrite=args.overwrite)
        printer = tr("PDF file {path}", env.lang, path=target)
        out = sheet.print_sheet(regs, start, end, printer=printer, deliver=to_file(session, target))
        _printed(env, out, target)
        return 0
    period = summary.HalfYear.parse(args.half)
    if args.show:
        rows = [
            [x.department]
            + [
                f"{t.count} {t.value.display()}"
                for t in (x.received, x.handed_in, x.disposed, x.held)
            ]
            for x in summary.summary(regs, period)
        ]
        table(env, ["部门", "收受", "上交", "处理", "积余"], rows)
        return 0
    if args.export:
        path = export.export_gifts_summary(regs, period, args.export, overwrite=args.overwrite)
        env.out(tr("Exported to {path}.", env.lang, path=path))
        if not args.to:
            return 0
    target = check_destination(session, args.to, overwrite=args.overwrite)
    printer = tr("PDF file {path}", env.lang, path=target)
    out = summary.print_summary(regs, period, printer=printer, deliver=to_file(session, target))
    _printed(env, out, target)
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"office": _office_parser}
COMMANDS: dict[str, Runner] = {"office": session_command(run_office)}

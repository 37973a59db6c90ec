"""``secrecy-desk-admin reports``: statistics and the secrecy work report (统计报表) —
``reports statistics --register R --by DIM [--and DIM] [--date-field F --from D --until D]``
and ``reports work-report --year Y --part h1|h2|year``; each shows its figures on the terminal,
and ``--to F.pdf`` prints it (recorded in the print register), ``--export F.xlsx|F.csv``
exports it (recorded in the audit trail), to fixed disks only."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    date_arg,
    open_engine,
    session_command,
    subparsers,
    table,
    vault_args,
)
from secrecy_desk.core.i18n import tr
from secrecy_desk.core.roles import Action
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports import export, paper, periodic
from secrecy_desk.modules.reports.stats import StatQuery, count, dimensions
from secrecy_desk.printing import ListDocument
from secrecy_desk.records.printing import PrintJob, check_destination, print_job, to_file
from secrecy_desk.vault.session import Session


def _reports_parser(sub: SubParsers) -> None:
    rp = sub.add_parser("reports", help="statistics and the secrecy work report (统计报表)")
    rsub = subparsers(rp, "reports_command")
    st = rsub.add_parser("statistics", help="count a register by one or two dimensions")
    vault_args(st)
    st.add_argument("--register", required=True)
    st.add_argument("--by", required=True, help="level, status, field:NAME, month:DATE_FIELD …")
    st.add_argument("--and", dest="columns", default="", help="a second dimension (cross-tab)")
    st.add_argument("--date-field", default="", help="the date field of --from/--until")
    st.add_argument("--from", dest="start", type=date_arg, help="first day counted")
    st.add_argument("--until", dest="end", type=date_arg, help="last day counted")
    st.add_argument("--dimensions", action="store_true", help="list what the register counts by")
    wr = rsub.add_parser("work-report", help="the half-year or annual secrecy work report")
    vault_args(wr)
    wr.add_argument("--year", type=int, required=True)
    wr.add_argument(
        "--part", choices=(periodic.FIRST_HALF, periodic.SECOND_HALF, periodic.FULL_YEAR)
    )
    for p in (st, wr):
        p.add_argument("--to", type=Path, help="print it to this PDF file (fixed disks only)")
        p.add_argument("--export", type=Path, help="export it to this .xlsx or .csv file")
        p.add_argument("--overwrite", action="store_true", help="replace an existing file")


def _show(env: Env, job: PrintJob) -> None:
    layout = job.documents[0].layout
    assert isinstance(layout, ListDocument)
    env.out(f"{job.marking}  {layout.title}")
    if layout.subtitle:
        env.out(layout.subtitle)
    table(env, [c.label for c in layout.columns], [r.cells for r in layout.rows])
    if layout.summary:
        env.out(layout.summary)


def _deliver(
    session: Session,
    regs: Registers,
    args: argparse.Namespace,
    env: Env,
    make: Callable[[], PrintJob],
    write: Callable[[Path, bool], Path],
) -> None:
    if args.export:
        path = write(args.export, args.overwrite)
        env.out(tr("Exported to {path}.", env.lang, path=path))
    if args.to:
        target = check_destination(session, args.to, overwrite=args.overwrite)
        printer = tr("PDF file {path}", env.lang, path=target)
        deliver = to_file(session, target)
        out = print_job(session, regs.forms, make, printer=printer, deliver=deliver)
        env.out(
            tr(
                "Printed to {path} ({mark}); print register {record}, verification code {code}.",
                env.lang,
                path=target,
                mark=out.marking,
                record=out.record,
                code=out.code,
            )
        )


def run_reports(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = open_engine(session, env)
    lang = env.lang
    if args.reports_command == "statistics":
        if args.dimensions:
            regs.require(args.register, Action.VIEW)
            dims = dimensions(regs, args.register)
            table(env, ["--by", ""], [[d.key, d.title.text(lang)] for d in dims])
            return 0
        query = StatQuery(
            args.register, args.by, args.columns, args.date_field, args.start, args.end
        )
        stats = count(regs, query, lang)
        _show(env, paper.statistics_job(regs, stats, check=False))
        _deliver(
            session,
            regs,
            args,
            env,
            lambda: paper.statistics_job(regs, stats),
            lambda path, over: export.export_statistics(regs, stats, path, overwrite=over),
        )
        return 0
    period = periodic.Period.of(args.year, args.part or periodic.FULL_YEAR)
    report = periodic.work_report(regs, period)
    _show(env, periodic.report_job(regs, report, check=False))
    _deliver(
        session,
        regs,
        args,
        env,
        lambda: periodic.report_job(regs, report),
        lambda path, over: export.export_work_report(regs, report, path, overwrite=over),
    )
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"reports": _reports_parser}
COMMANDS: dict[str, Runner] = {"reports": session_command(run_reports)}

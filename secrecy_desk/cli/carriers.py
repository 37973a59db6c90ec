"""``secrecy-desk-admin carriers …``: classified carriers and equipment from a terminal — every
lifecycle action, an item's history, a person's holdings, stocktakes, destruction packages and
their paper (docs/carriers.md).

Items are named by their ledger numbers (``--items ZT-2026-000001 ZT-2026-000002``); people by
their personnel number (``RY-2026-0001``) or their account's login."""

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
    pairs,
    session_command,
    subparsers,
    table,
    vault_args,
)
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.modules.carriers import holdings as holding_mod
from secrecy_desk.modules.carriers import packages as package_mod
from secrecy_desk.modules.carriers import papers
from secrecy_desk.modules.carriers import stocktake as stocktake_mod
from secrecy_desk.modules.carriers.lifecycle import Carriers, Event
from secrecy_desk.records.printing import check_destination, to_file
from secrecy_desk.vault.session import Session

_PAPERS = ("slip", "book", "distribution", "handover", "discrepancy", "destruction-list",
           "destruction-record")  # fmt: skip


def _carriers_parser(sub: SubParsers) -> None:
    top = sub.add_parser("carriers", help="classified carriers and equipment (涉密载体)")
    csub = subparsers(top, "carriers_command")

    def cmd(name: str, help_text: str, *, on: bool = False) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = csub.add_parser(name, help=help_text)
        vault_args(p)
        if on:
            p.add_argument("--on", type=date_arg, help="the date of the step (default today)")
        return p

    def items(p: argparse.ArgumentParser) -> None:
        p.add_argument("--items", nargs="+", required=True, metavar="NUMBER")

    reg = cmd("register", "register a carrier or a piece of equipment (made or received)")
    reg.add_argument("--register", choices=("carriers", "equipment"), default="carriers")
    reg.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    issue = cmd("issue", "hand items to a holder (签收)", on=True)
    items(issue)
    issue.add_argument("--holder", required=True)
    issue.add_argument("--location", default="")
    lend = cmd("lend", "lend items (借阅)", on=True)
    items(lend)
    lend.add_argument("--borrower", required=True)
    lend.add_argument("--due", type=date_arg, required=True)
    ret = cmd("return", "items back from a loan, take-out or repair", on=True)
    items(ret)
    ret.add_argument("--checked-by", required=True)
    ret.add_argument("--damaged", action="store_true", help="not intact (say what in --note)")
    ret.add_argument("--note", default="")
    copy = cmd("copy", "copy a carrier against an approved copy request", on=True)
    copy.add_argument("--item", required=True)
    copy.add_argument("--approval", required=True)
    copy.add_argument("--copies", type=int, required=True)
    send = cmd("send", "send carriers (机要渠道)", on=True)
    items(send)
    send.add_argument("--recipient", required=True)
    send.add_argument("--channel", default="机要渠道")
    send.add_argument("--doc-no", default="")
    receipt = cmd("receipt", "the recipient's receipt came back", on=True)
    receipt.add_argument("--item", required=True)
    receipt.add_argument("--signed-by", required=True)
    rep = cmd("repair", "send items to repair", on=True)
    items(rep)
    rep.add_argument("--repairer", required=True)
    rep.add_argument("--where", required=True)
    rep.add_argument("--supervisor", required=True)
    out = cmd("take-out", "take items out (外携)", on=True)
    items(out)
    out.add_argument("--approved-by", required=True)
    out.add_argument("--destination", required=True)
    out.add_argument("--due", type=date_arg, required=True)
    wd = cmd("withdraw", "take items back from their holders (清退)", on=True)
    items(wd)
    wd.add_argument("--reason", required=True)
    hist = cmd("history", "an item's history")
    hist.add_argument("--item", required=True)
    hold = cmd("holdings", "what a person holds now")
    hold.add_argument("--person", required=True)

    st = cmd("stocktake", "stocktakes (清查)")
    st.add_argument("verb", choices=("open", "mark", "close", "show", "list", "incident"))
    st.add_argument("--number", help="the stocktake number")
    st.add_argument("--scope", choices=stocktake_mod.SCOPES, default="all")
    st.add_argument("--value", default="", help="the department, location or holder")
    st.add_argument("--item", help="the item scanned or typed")
    st.add_argument("--mark", choices=stocktake_mod.MARKS, default="found")
    st.add_argument("--found-at", default="", help="where an item found elsewhere was")

    pk = cmd("package", "destruction packages (销毁)")
    pk.add_argument(
        "verb", choices=("create", "add", "remove", "submit", "execute", "show", "list")
    )
    pk.add_argument("--number", help="the package number")
    pk.add_argument("--items", nargs="*", default=[], metavar="NUMBER")
    pk.add_argument("--reason", default="")
    pk.add_argument("--method", choices=package_mod.METHODS, default="shredding")
    pk.add_argument("--on", type=date_arg, help="the date of destruction (default today)")
    pk.add_argument("--place", default="")
    pk.add_argument("--handler", default="")
    pk.add_argument("--witness", action="append", default=[], help="twice: the two witnesses")

    prt = cmd("print", "print a carrier paper to a PDF file (recorded in the print register)")
    prt.add_argument("paper", choices=_PAPERS)
    prt.add_argument("--item", help="the item (slip)")
    prt.add_argument("--items", nargs="*", default=[], help="the items (distribution list)")
    prt.add_argument("--person", help="the person (handover list)")
    prt.add_argument("--number", help="the stocktake or package")
    prt.add_argument("--year", type=int, help="the year of the book (收发文登记簿)")
    prt.add_argument("--to", type=Path, required=True, help="the PDF file (fixed disks only)")
    prt.add_argument("--overwrite", action="store_true")
    prt.add_argument("--copies", type=int, default=1)
    prt.add_argument("--reason", default="", help="reason for a reprint (补打)")


def _done(env: Env, events: list[Event]) -> None:
    for e in events:
        env.out(f"{e.number}: {e.label(env.lang)} → {e.to_status}")


def run_carriers(session: Session, args: argparse.Namespace, env: Env) -> int:
    desk = Carriers(open_engine(session, env))
    lang = env.lang
    on = args.on if getattr(args, "on", None) else session.clock.today()
    command = args.carriers_command
    if command == "register":
        entry = desk.register(args.register, pairs(args.set))
        env.out(tr("Registered {number} ({mark}).", lang, number=entry.number, mark=entry.marking))
    elif command == "issue":
        _done(env, desk.issue(args.items, args.holder, on_date=on, location=args.location))
    elif command == "lend":
        _done(env, desk.lend(args.items, args.borrower, due_on=args.due, on_date=on))
    elif command == "return":
        _done(
            env,
            desk.return_(
                args.items,
                checked_by=args.checked_by,
                intact=not args.damaged,
                note=args.note,
                on_date=on,
            ),
        )
    elif command == "copy":
        numbers = desk.copy(args.item, approval=args.approval, copies=args.copies, on_date=on)
        env.out(tr("Copies registered: {numbers}.", lang, numbers=", ".join(numbers)))
    elif command == "send":
        _done(
            env,
            desk.send(
                args.items,
                recipient=args.recipient,
                channel=args.channel,
                doc_no=args.doc_no,
                on_date=on,
            ),
        )
    elif command == "receipt":
        _done(env, [desk.receipt(args.item, signed_by=args.signed_by, on_date=on)])
    elif command == "repair":
        _done(
            env,
            desk.repair(
                args.items,
                repairer=args.repairer,
                where=args.where,
                supervisor=args.supervisor,
                on_date=on,
            ),
        )
    elif command == "take-out":
        _done(
            env,
            desk.take_out(
                args.items,
                approved_by=args.approved_by,
                destination=args.destination,
                due_on=args.due,
                on_date=on,
            ),
        )
    elif command == "withdraw":
        _done(env, desk.withdraw(args.items, reason=args.reason, on_date=on))
    elif command == "history":
        rows = [
            [h.on_date.isoformat(), h.label(lang), h.status, h.summary, h.account]
            for h in desk.history(args.item, lang)
        ]
        table(env, [tr("Date", lang), tr("Event", lang), tr("Status", lang),
                    tr("Details", lang), tr("By", lang)], rows)  # fmt: skip
    elif command == "holdings":
        person = desk.person(args.person)
        held = holding_mod.holdings(desk, person.number)
        env.out(tr("{name} holds {n} item(s).", lang, name=person.name, n=len(held)))
        table(
            env,
            [tr("Number", lang), tr("Title", lang), tr("Level", lang), tr("Since", lang),
             tr("Due back", lang)],
            [[h.entry.number, h.title, h.entry.marking,
              h.since.isoformat() if h.since else "",
              (h.due.isoformat() if h.due else "") + (" !" if h.overdue else "")]
             for h in held],
        )  # fmt: skip
    elif command == "stocktake":
        return _stocktake(desk, args, env)
    elif command == "package":
        return _package(desk, args, env)
    else:
        return _print(desk, args, env)
    return 0


def _stocktake(desk: Carriers, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    st = stocktake_mod.Stocktakes(desk)
    if args.verb == "open":
        opened = st.open(args.scope, args.value)
        env.out(tr("Stocktake {number} opened: {n} items expected.", lang,
                   number=opened.number, n=opened.expected))  # fmt: skip
        return 0
    if args.verb == "list":
        for s in st.all():
            env.out(f"{s.number}  {s.state}  {s.scope_text(lang)}  {s.found}/{s.expected}")
        return 0
    if not args.number:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Give the stocktake number (--number)."))
    if args.verb == "mark":
        if not args.item:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "Give the item scanned (--item)."))
        mark = st.mark(args.number, args.item, args.mark, found_at=args.found_at)
        env.out(f"{mark.number}: {mark.label(lang)}")
        return 0
    report = st.close(args.number) if args.verb == "close" else st.report(args.number)
    env.out(report.summary(lang))
    for line in report.lines:
        env.out(f"  {line.number}  {line.label(lang)}  {line.title}  {line.found_at}")
    return 0


def _package(desk: Carriers, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    pk = package_mod.Packages(desk)
    if args.verb == "create":
        made = pk.create(args.items, reason=args.reason, method=args.method)
        env.out(
            tr("Package {number} holds {n} items.", lang, number=made.number, n=len(made.items))
        )
        return 0
    if args.verb == "list":
        for p in pk.all():
            env.out(f"{p.number}  {p.state_label(lang)}  {len(p.items)}  {p.approval or ''}")
        return 0
    if not args.number:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Give the package number (--number)."))
    if args.verb == "add":
        package = pk.add(args.number, args.items)
    elif args.verb == "remove":
        package = pk.remove(args.number, args.items)
    elif args.verb == "submit":
        package = pk.submit(args.number)
    elif args.verb == "execute":
        package = pk.execute(
            args.number,
            on_date=args.on or desk.session.clock.today(),
            method=args.method,
            place=args.place,
            handler=args.handler,
            witnesses=args.witness,
        )
    else:
        package = pk.get(args.number)
    env.out(
        f"{package.number}  {package.state_label(lang)}  {package.marking}  "
        f"{package.approval or ''}"
    )
    for item in package.items:
        env.out(f"  {item.number}  {item.title}  {item.marking}  {item.status}")
    return 0


def _print(desk: Carriers, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    session = desk.session
    target = check_destination(session, args.to, overwrite=args.overwrite)
    job = papers.job_for(desk, args.paper, args, lang)
    out = papers.print_paper(
        desk,
        job,
        copies=args.copies,
        printer=tr("PDF file {path}", lang, path=target),
        reason=args.reason,
        deliver=to_file(session, target),
    )
    env.out(
        tr(
            "Printed to {path} ({mark}); print register {record}, verification code {code}.",
            lang,
            path=target,
            mark=out.marking,
            record=out.record,
            code=out.code,
        )
    )
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"carriers": _carriers_parser}
COMMANDS: dict[str, Runner] = {"carriers": session_command(run_carriers)}

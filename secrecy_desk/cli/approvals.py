"""``secrecy-desk-admin approvals submit | edit | decide | record-paper | withdraw | list | show |
print | types``: approval requests from a terminal.

Fields are given as repeatable ``--set name=value``; ``decide`` reads the decider's password
again from standard input (the line after the login password) — the electronic signature.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    pairs,
    parse_date,
    session_command,
    subparsers,
    vault_args,
)
from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.forms import load_all
from secrecy_desk.modules.approvals.engine import Approvals, Decision, Request, State
from secrecy_desk.modules.approvals.printing import print_request
from secrecy_desk.records.people import People
from secrecy_desk.records.printing import check_destination, to_file
from secrecy_desk.vault.session import Session


def _approvals_parser(sub: SubParsers) -> None:
    approvals = sub.add_parser("approvals", help="approval requests (审批表)")
    asub = subparsers(approvals, "approvals_command")

    def common(name: str, request: bool = True) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = asub.add_parser(name)
        vault_args(p)
        if request:
            p.add_argument("--request", required=True, help="request number")
        return p

    common("types", request=False)
    submit = common("submit", request=False)
    submit.add_argument("--form", help="approval form id (a new request)")
    submit.add_argument("--request", help="submit an existing draft or returned request")
    submit.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    submit.add_argument("--draft", action="store_true", help="save as a draft, do not submit")
    edit = common("edit")
    edit.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    edit.add_argument("--revision", type=int, help="the revision you saw (refused if newer)")
    decide = common("decide")
    decide.add_argument("--decision", required=True, help="approve, reject or return")
    decide.add_argument("--comment", required=True)
    decide.add_argument("--revision", type=int, help="the revision you read (refused if newer)")
    paper = common("record-paper")
    paper.add_argument("--step", type=int, required=True, help="step number, 1 first")
    paper.add_argument("--decision", required=True, help="approve, reject or return")
    paper.add_argument("--signer", required=True, help="who signed on paper")
    paper.add_argument("--signed-on", required=True, help="date of the signature, YYYY-MM-DD")
    paper.add_argument("--comment", required=True)
    withdraw = common("withdraw")
    withdraw.add_argument("--reason", required=True)
    lst = common("list", request=False)
    which = lst.add_mutually_exclusive_group()
    which.add_argument("--waiting", action="store_true", help="waiting for my decision")
    which.add_argument("--mine", action="store_true", help="submitted by me")
    which.add_argument("--overdue", action="store_true", help="steps past their working days")
    lst.add_argument("--form")
    lst.add_argument("--state", choices=[s.value for s in State])
    lst.add_argument("--format", choices=("table", "json"), default="table")
    common("show")
    prt = common("print")
    prt.add_argument("--to", required=True, type=Path, help="the PDF file (fixed disks only)")
    prt.add_argument("--overwrite", action="store_true", help="replace an existing file")
    prt.add_argument("--copies", type=int, default=1)
    prt.add_argument("--reason", default="", help="reason for a reprint (补打)")


def _line(a: Approvals, r: Request, lang: str, name: Callable[[str], str]) -> str:
    spec = a.spec(r.form)
    late = (
        "  " + tr("OVERDUE {days} working day(s)", lang, days=r.overdue_days) if r.overdue else ""
    )
    return (
        f"{r.number}  {spec.title(lang)}  {r.state_text(spec, lang)}  {r.marking}  "
        f"{name(r.applicant)}{late}"
    )


def _show(a: Approvals, r: Request, env: Env) -> None:
    lang = env.lang
    spec = a.spec(r.form)
    name = People(a.session.vault).name
    env.out(f"{spec.layout.title(lang)}  {r.number}  {r.marking}")
    env.out(
        tr(
            "State: {state}    revision {revision}",
            lang,
            state=r.state_text(spec, lang),
            revision=r.revision,
        )
    )
    env.out(
        tr(
            "Applicant: {applicant} ({department})",
            lang,
            applicant=name(r.applicant),
            department=r.department,
        )
    )
    for field in spec.fields:
        env.out(f"  {field.label(lang)}: {field.display(r.values.get(field.name), lang)}")
    env.out(tr("Steps:", lang))
    by_step = {e.step: e for e in r.decisions}
    for index, step in enumerate(spec.steps, start=1):
        event = by_step.get(index)
        text = f"  {index}. {step.title(lang)}: "
        if event is None or event.decision is None:
            text += "—"
        else:
            how = tr("paper", lang) if event.paper else tr("electronic", lang)
            text += (
                f"{event.decision.label(lang)} — {event.comment} — {name(event.decider)} "
                f"({how}, {event.decided_on})"
            )
        env.out(text)
    env.out(tr("History:", lang))
    for event in a.history(r.number):
        text = f"  {local_text(event.at)}  {name(event.account)}  {event.label(lang)}"
        if event.decision is not None:
            where = tr("step {n}", lang, n=event.step)
            text += f"  {where}: {event.decision.label(lang)}"
            text += f" — {event.comment} — {name(event.decider)}"
            if event.content_hash:
                text += f"  sha256 {event.content_hash[:16]}…"
        elif event.comment:
            text += f"  {event.comment}"
        if event.voided:
            text += "  " + tr(
                "[VOID: content changed in revision {n}]", lang, n=event.voided_by_revision
            )
        env.out(text)


def _approvals_types(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    for spec in a.types:
        steps = " → ".join(s.title(lang) for s in spec.steps)
        env.out(f"{spec.id:20} {spec.title(lang)}  ({steps})")
    return 0


def _approvals_submit(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    if bool(args.form) == bool(args.request):
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Give --form for a new request or --request for an existing one."
            )
        )
    if args.form:
        r = a.create(args.form, pairs(args.set))
    else:
        r = a.get(args.request)
        if args.set:
            r = a.edit(r.number, pairs(args.set), expected_revision=r.revision)
    if not args.draft:
        r = a.submit(r.number)
    env.out(
        tr(
            "{number}: {state} ({mark}).",
            lang,
            number=r.number,
            state=r.state_text(a.spec(r.form), lang),
            mark=r.marking,
        )
    )
    return 0


def _approvals_edit(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    current = a.get(args.request)
    expected = args.revision if args.revision is not None else current.revision
    r = a.edit(args.request, pairs(args.set), expected_revision=expected)
    env.out(
        tr(
            "{number}: revision {n}, {state}.",
            lang,
            number=r.number,
            n=r.revision,
            state=r.state_text(a.spec(r.form), lang),
        )
    )
    return 0


def _approvals_decide(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    decision = Decision.parse(args.decision)
    current = a.get(args.request, record_view=True)
    expected = args.revision if args.revision is not None else current.revision
    password = env.password(tr("Password again, to sign the decision:", lang))
    r = a.decide(
        args.request, decision, args.comment, password=password, expected_revision=expected
    )
    env.out(
        tr(
            "{number}: {decision} recorded; now {state}.",
            lang,
            number=r.number,
            decision=decision.label(lang),
            state=r.state_text(a.spec(r.form), lang),
        )
    )
    return 0


def _approvals_record_paper(
    a: Approvals, session: Session, args: argparse.Namespace, env: Env
) -> int:
    lang = env.lang
    r = a.record_paper(
        args.request,
        step=args.step,
        decision=Decision.parse(args.decision),
        signer=args.signer,
        signed_on=parse_date(args.signed_on),
        comment=args.comment,
    )
    env.out(
        tr(
            "{number}: paper decision recorded; now {state}.",
            lang,
            number=r.number,
            state=r.state_text(a.spec(r.form), lang),
        )
    )
    return 0


def _approvals_withdraw(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    r = a.withdraw(args.request, args.reason)
    env.out(tr("{number}: withdrawn.", lang, number=r.number))
    return 0


def _approvals_show(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    _show(a, a.get(args.request, record_view=True), env)
    return 0


def _approvals_print(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    target = check_destination(session, args.to, overwrite=args.overwrite)
    printer = tr("PDF file {path}", lang, path=target)
    out = print_request(
        a,
        args.request,
        copies=args.copies,
        printer=printer,
        reason=args.reason,
        deliver=to_file(session, target),
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
    )
    return 0


def _approvals_list(a: Approvals, session: Session, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    if args.waiting:
        rows = a.waiting_for_me()
    elif args.mine:
        rows = a.mine()
    elif args.overdue:
        rows = a.overdue()
    else:
        rows = a.all(form=args.form, state=State(args.state) if args.state else None)
    if args.form:
        rows = [r for r in rows if r.form == args.form]
    if args.format == "json":
        env.out(
            json.dumps(
                [
                    {
                        "number": r.number,
                        "form": r.form,
                        "state": r.state.value,
                        "step": r.step,
                        "revision": r.revision,
                        "level": r.level.name,
                        "applicant": r.applicant,
                        "overdue_days": r.overdue_days,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
            )
        )
        return 0
    name = People(a.session.vault).name
    for r in rows:
        env.out(_line(a, r, lang, name))
    if not rows:
        env.out(tr("No requests.", lang))
    return 0


_APPROVALS_COMMANDS: dict[str, Callable[..., int]] = {
    "types": _approvals_types,
    "submit": _approvals_submit,
    "edit": _approvals_edit,
    "decide": _approvals_decide,
    "record-paper": _approvals_record_paper,
    "withdraw": _approvals_withdraw,
    "show": _approvals_show,
    "print": _approvals_print,
    "list": _approvals_list,
}


def run_approvals(session: Session, args: argparse.Namespace, env: Env) -> int:
    a = Approvals(session, load_all())
    handler = _APPROVALS_COMMANDS.get(args.approvals_command)
    if handler is None:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Unknown command."))
    return handler(a, session, args, env)


PARSERS: dict[str, Callable[[SubParsers], None]] = {"approvals": _approvals_parser}
COMMANDS: dict[str, Runner] = {"approvals": session_command(run_approvals)}

"""``secrecy-desk-admin review``: the classification review (定密管理) from a terminal —
``review queue`` lists the classified entries whose term ends within N days, ``review decide``
records a decision (declassify, extend, change level) and applies it. The decision is then an
entry of the register ``classification_reviews``; print it with ``print --register
classification_reviews --entry DM-…``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    open_engine,
    session_command,
    subparsers,
    table,
    vault_args,
)
from secrecy_desk.core.i18n import tr
from secrecy_desk.modules.classification import review
from secrecy_desk.records.review import REVIEW_DAYS
from secrecy_desk.vault.session import Session


def _review_parser(sub: SubParsers) -> None:
    rv = sub.add_parser("review", help="classification review: terms ending, and decisions")
    rsub = subparsers(rv, "review_command")
    q = rsub.add_parser("queue", help="classified entries whose secrecy term ends soon")
    vault_args(q)
    q.add_argument("--within", type=int, default=REVIEW_DAYS, help="days ahead (default 90)")
    d = rsub.add_parser("decide", help="record a decision and apply it")
    vault_args(d)
    d.add_argument("--register", required=True)
    d.add_argument("--entry", required=True, help="the entry number")
    d.add_argument(
        "--decision", required=True, help="解密/declassify, 延长保密期限/extend, 变更密级"
    )
    d.add_argument("--basis", required=True, help="定密依据")
    d.add_argument("--approver", required=True, help="the approver who signed the decision")
    d.add_argument("--new-level", default="")
    d.add_argument("--new-term", default="")
    d.add_argument("--remarks", default="")


def run_review(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = open_engine(session, env)
    lang = env.lang
    if args.review_command == "queue":
        today = session.clock.today()
        due = review.queue(regs, within=max(0, args.within))
        if not due:
            env.out(tr("No secrecy term ends within {days} days.", lang, days=args.within))
            return 0
        header = [
            tr("Register", lang),
            tr("No.", lang),
            tr("Title", lang),
            tr("Marking", lang),
            tr("Term ends", lang),
        ]
        rows = [
            [
                regs.spec(d.register).title(lang),
                d.number,
                d.subject,
                regs.spec(d.register)
                .field(regs.spec(d.register).level_field or "")
                .display(d.level, lang)
                + "★"
                + d.term.text(),
                d.ends_on.isoformat() + (" " + tr("(ended)", lang) if d.overdue(today) else ""),
            ]
            for d in due
        ]
        table(env, header, rows)
        return 0
    done = review.decide(
        regs,
        args.register,
        args.entry.strip().upper(),
        decision=args.decision,
        basis=args.basis,
        approver=args.approver,
        new_level=args.new_level,
        new_term=args.new_term,
        remarks=args.remarks,
    )
    spec = regs.spec(args.register)
    env.out(
        tr(
            "Decision {decision} recorded: {number} is now {marking}.",
            lang,
            decision=done.decision.number,
            number=done.target.number,
            marking=done.target.display(spec, spec.level_field or "", lang)
            + (f"★{done.target.term.text()}" if done.target.term else ""),
        )
    )
    if done.decision.values.get("handling_kept"):
        env.out(tr("A storage medium keeps its handling level until it is destroyed.", lang))
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"review": _review_parser}
COMMANDS: dict[str, Runner] = {"review": session_command(run_review)}

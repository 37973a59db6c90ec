"""``secrecy-desk-admin personnel transition``: move a person along the personnel lifecycle
(candidate → in post → disengaging → released) from a terminal."""

from __future__ import annotations

import argparse
from collections.abc import Callable

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
from secrecy_desk.core.i18n import tr
from secrecy_desk.modules.carriers.holdings import departure_notices
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.vault.session import Session


def _personnel_parser(sub: SubParsers) -> None:
    pe = sub.add_parser("personnel", help="the personnel lifecycle")
    psub = subparsers(pe, "personnel_command")
    tra = psub.add_parser("transition", help="move a person to the next status")
    vault_args(tra)
    tra.add_argument("--person", required=True)
    tra.add_argument("--to", required=True, choices=("in_post", "disengaging", "released"))
    tra.add_argument("--on", required=True, help="the date of the change")
    tra.add_argument("--reason", required=True)
    tra.add_argument(
        "--confirm", action="store_true", help="go ahead although the person still holds carriers"
    )


def run_personnel(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = open_engine(session, env)
    spec = regs.spec(lifecycle.PERSONNEL)
    desk = Carriers(regs)
    step = lifecycle.transition(
        regs,
        args.person.strip().upper(),
        args.to,
        on_date=parse_date(args.on),
        reason=args.reason,
        before_leaving=lambda person: departure_notices(desk, person),
        confirm=args.confirm,
    )
    env.out(
        tr(
            "{person}: {old} → {new} on {on}.",
            env.lang,
            person=step.person,
            old=spec.status(step.from_status).label(env.lang),
            new=spec.status(step.to_status).label(env.lang),
            on=step.on_date.isoformat(),
        )
        + (
            " " + tr("Disengagement ends on {date}.", env.lang, date=step.ends_on.isoformat())
            if step.ends_on
            else ""
        )
    )
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {"personnel": _personnel_parser}
COMMANDS: dict[str, Runner] = {"personnel": session_command(run_personnel)}

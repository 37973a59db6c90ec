"""``secrecy-desk-admin``: the administrators' command line (init, users, verify, audit, demo…).

Passwords come from standard input, one per line, when it is not a terminal, and from a hidden
prompt when it is — never from arguments or the environment. Exit codes: 0 success; 1 a check
or validation failed; 2 usage error; 3 authentication failed or account locked; 4 not a vault,
damaged, or wrong version. Errors are one sentence on stderr in Chinese or English.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from secrecy_desk import cli_approvals, cli_commitments, cli_registers
from secrecy_desk.core.clock import Clock, SystemClock
from secrecy_desk.core.errors import DeskError, UsageError, VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, detect_lang, normalize_lang, tr
from secrecy_desk.core.levels import RATINGS, Level
from secrecy_desk.core.roles import BUSINESS_ROLES, Permission, Role
from secrecy_desk.vault import auditing, db
from secrecy_desk.vault import backup as backups
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import AdminSpec, RollbackDetected, Vault

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
            return getpass.getpass(prompt + " ", stream=self.stderr)
        line = self.stdin.readline()
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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Usage error: {detail}"), detail=message)


def _level(text: str) -> Level:
    try:
        return Level.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def _rating(text: str) -> Level:
    level = _level(text)
    if level not in RATINGS:
        raise argparse.ArgumentTypeError(text)
    return level


def _role(text: str) -> Role:
    for role in BUSINESS_ROLES:
        if text in {role.value, role.zh}:
            return role
    raise argparse.ArgumentTypeError(text)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="secrecy-desk-admin", description="Secrecy Desk administration")
    p.add_argument("--lang", help="zh_CN or en (default: from the locale)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def vault_args(sp: argparse.ArgumentParser, *, who: bool = True) -> None:
        sp.add_argument("--vault", required=True, type=Path, help="vault folder")
        if who:
            sp.add_argument("--as", dest="as_login", required=True, help="your account")

    init = sub.add_parser("init", help="create a vault with the three administrators")
    vault_args(init, who=False)
    init.add_argument("--unit", required=True)
    init.add_argument("--rating", required=True, type=_rating, help="秘密 or 机密")
    init.add_argument("--sysadmin", required=True)
    init.add_argument("--secadmin", required=True)
    init.add_argument("--auditor", required=True)

    users = sub.add_parser("users", help="accounts")
    usub = users.add_subparsers(dest="users_command", required=True, parser_class=_Parser)
    ul = usub.add_parser("list")
    vault_args(ul)
    ua = usub.add_parser("add")
    vault_args(ua)
    ua.add_argument("--login", required=True)
    ua.add_argument("--name", required=True)
    ua.add_argument("--department", default="")
    ud = usub.add_parser("disable")
    vault_args(ud)
    ud.add_argument("--login", required=True)
    ud.add_argument("--reason", required=True)
    uu = usub.add_parser("unlock")
    vault_args(uu)
    uu.add_argument("--login", required=True)
    up = usub.add_parser("passwd")
    vault_args(up)
    up.add_argument("--login", help="reset another account's password (sysadmin)")
    ug = usub.add_parser("grant")
    vault_args(ug)
    ug.add_argument("--login", required=True)
    ug.add_argument("--role", action="append", type=_role, default=[])
    ug.add_argument("--clearance", type=_level)
    ug.add_argument("--permission", action="append", default=[], help="module:action")
    ur = usub.add_parser("revoke")
    vault_args(ur)
    ur.add_argument("--login", required=True)
    ur.add_argument("--role", action="append", type=_role, default=[])
    ur.add_argument("--permission", action="append", default=[], help="module:action")

    verify = sub.add_parser("verify", help="check database, key file and audit chain")
    vault_args(verify)

    aud = sub.add_parser("audit", help="the audit trail")
    asub = aud.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    al = asub.add_parser("list")
    vault_args(al)
    al.add_argument("--since", type=_date)
    al.add_argument("--until", type=_date)
    al.add_argument("--account")
    al.add_argument("--action")
    av = asub.add_parser("verify")
    vault_args(av)
    aseal = asub.add_parser("seal")
    vault_args(aseal)
    ae = asub.add_parser("export")
    vault_args(ae)
    ae.add_argument("--to", required=True, type=Path)
    ae.add_argument("--since", type=_date)
    ae.add_argument("--until", type=_date)
    ap = asub.add_parser("purge")
    vault_args(ap)
    ap.add_argument("--before", required=True, type=_date)

    bak = sub.add_parser("backup", help="write a verified, encrypted backup (sysadmin)")
    vault_args(bak)
    bak.add_argument("--to", required=True, type=Path, help="a new folder on a fixed disk")
    res = sub.add_parser("restore", help="restore a backup into a new vault folder")
    res.add_argument("--from", dest="source", required=True, type=Path, help="the backup folder")
    res.add_argument("--vault", required=True, type=Path, help="the new vault folder")
    res.add_argument("--as", dest="as_login", required=True, help="the backup's sysadmin")

    rec = sub.add_parser("recover", help="give an account a new password with the recovery code")
    vault_args(rec, who=False)
    rec.add_argument("--login", required=True)

    cli_registers.add_parsers(sub, vault_args, _Parser)
    cli_commitments.add_parsers(sub, vault_args, _Parser)
    cli_approvals.add_parsers(sub, vault_args, _Parser)

    demo = sub.add_parser("demo", help="create a demo vault with sample accounts")
    vault_args(demo, who=False)
    return p


# --- commands -------------------------------------------------------------------------------


def _login(args: argparse.Namespace, env: Env) -> Session:
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    session = sessions.login(args.vault, args.as_login, password, clock=env.clock)
    env.login_password = password
    log.info("SQLCipher %s", db.cipher_version(session.vault.store))
    return session


def _with_session(
    args: argparse.Namespace, env: Env, action: Callable[[Session], int], *, passwd: bool = False
) -> int:
    session = _login(args, env)
    try:
        if not passwd:
            session.require_active_password()
        return action(session)
    finally:
        session.logout()


def cmd_init(args: argparse.Namespace, env: Env) -> int:
    admins = []
    for role, login in (
        (Role.SYSADMIN, args.sysadmin),
        (Role.SECADMIN, args.secadmin),
        (Role.AUDITOR, args.auditor),
    ):
        password = env.password(
            tr(
                "Initial password for {login} ({role}):",
                env.lang,
                login=login,
                role=role.label(env.lang),
            )
        )
        admins.append(AdminSpec(login, login, role, password))
    vault, code = Vault.create(
        args.vault,
        unit=args.unit,
        rating=args.rating,
        admins=admins,
        clock=env.clock,
        params=env.params,
    )
    vault.close()
    env.out(tr("Vault created in {path}.", env.lang, path=args.vault))
    env.out(
        tr(
            "RECOVERY CODE (shown only this once; print it or write it down and keep it in "
            "the safe):",
            env.lang,
        )
    )
    env.out("    " + code)
    env.out(tr("If every password and this code are lost, nobody can recover the data.", env.lang))
    env.out(tr("Each administrator must change the initial password at the first login.", env.lang))
    return 0


def cmd_users(args: argparse.Namespace, env: Env) -> int:
    sub = args.users_command
    if sub == "passwd":
        return _with_session(args, env, lambda s: _passwd(s, args, env), passwd=True)

    def run(s: Session) -> int:
        if sub == "list":
            _print_accounts(s, env)
        elif sub == "add":
            pw = env.password(tr("Initial password for {login}:", env.lang, login=args.login))
            sessions.add_account(
                s,
                login_name=args.login,
                display_name=args.name,
                password=pw,
                department=args.department,
                params=env.params,
            )
            env.out(
                tr(
                    "Account {login} added; it must change its password at first login. "
                    "The security administrator grants its roles.",
                    env.lang,
                    login=args.login,
                )
            )
        elif sub == "disable":
            sessions.disable_account(s, args.login, args.reason)
            env.out(
                tr(
                    "Account {login} disabled; the vault key was rotated.",
                    env.lang,
                    login=args.login,
                )
            )
        elif sub == "unlock":
            sessions.unlock_account(s, args.login)
            env.out(tr("Account {login} unlocked.", env.lang, login=args.login))
        elif sub == "grant":
            perms = [Permission.decode(p) for p in args.permission]
            acc = sessions.grant(
                s, args.login, roles=args.role, clearance=args.clearance, permissions=perms
            )
            env.out(
                tr(
                    "Account {login}: roles {roles}, clearance {level}.",
                    env.lang,
                    login=acc.login,
                    roles=_roles(acc.roles, env.lang) or "-",
                    level=acc.clearance.label(env.lang),
                )
            )
        elif sub == "revoke":
            perms = [Permission.decode(p) for p in args.permission]
            acc = sessions.revoke(s, args.login, roles=args.role, permissions=perms)
            env.out(
                tr(
                    "Account {login}: roles {roles}, clearance {level}.",
                    env.lang,
                    login=acc.login,
                    roles=_roles(acc.roles, env.lang) or "-",
                    level=acc.clearance.label(env.lang),
                )
            )
        return 0

    return _with_session(args, env, run)


def _roles(roles: frozenset[Role], lang: str) -> str:
    return (", " if lang == "en" else "、").join(
        r.label(lang) for r in sorted(roles, key=lambda r: r.value)
    )


def _passwd(s: Session, args: argparse.Namespace, env: Env) -> int:
    if args.login and args.login.casefold() != s.account.login.casefold():
        s.require_active_password()
        new = env.password(tr("New password for {login}:", env.lang, login=args.login))
        sessions.reset_password(s, args.login, new, params=env.params)
        env.out(
            tr(
                "Password of {login} reset; it must be changed at the next login.",
                env.lang,
                login=args.login,
            )
        )
        return 0
    new = env.password(tr("New password:", env.lang))
    again = env.password(tr("New password again:", env.lang))
    if new != again:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "The two new passwords differ."))
    # The current password is the one just used to log in; the core checks it again.
    sessions.change_password(s, env.login_password, new, params=env.params)
    env.out(tr("Password changed.", env.lang))
    return 0


def _print_accounts(s: Session, env: Env) -> None:
    accounts = sessions.list_accounts(s)
    header = [tr(h, env.lang) for h in ("Login", "Name", "Roles", "Clearance", "Status")]
    rows = []
    for a in accounts:
        status = tr("active", env.lang) if a.active else tr("disabled", env.lang)
        if a.locked:
            status += " / " + tr("locked", env.lang)
        if a.must_change and a.active:
            status += " / " + tr("must change password", env.lang)
        rows.append(
            [
                a.login,
                a.display_name,
                _roles(a.roles, env.lang) or "-",
                a.clearance.label(env.lang),
                status,
            ]
        )
    _table(env, header, rows)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _table(env: Env, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True))

    env.out(line(header).rstrip())
    env.out("  ".join("-" * w for w in widths))
    for r in rows:
        env.out(line(r).rstrip())


def cmd_verify(args: argparse.Namespace, env: Env) -> int:
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    try:
        session = sessions.login(
            args.vault, args.as_login, password, clock=env.clock, check_head=False
        )
    except RollbackDetected as exc:
        env.stderr.write(exc.message(env.lang) + "\n")
        return 1
    try:
        problems = db.integrity_problems(session.vault.store)
        report = auditing.verify(session)
        head_problem = session.vault.head_problem()
        env.out(tr("SQLCipher {version}", env.lang, version=db.cipher_version(session.vault.store)))
        for p in problems:
            env.out(tr("Database problem: {problem}", env.lang, problem=p))
        for b in report.breaks:
            env.out(tr("Audit trail: {problem}", env.lang, problem=b.message(env.lang)))
        if head_problem is not None and report.intact:
            env.out(tr("Audit trail: {problem}", env.lang, problem=head_problem.message(env.lang)))
        if problems or not report.intact or head_problem is not None:
            return 1
        env.out(
            tr(
                "Database sound; key file sound; audit trail intact ({n} records, {s} seals).",
                env.lang,
                n=report.records,
                s=report.seals,
            )
        )
        return 0
    finally:
        session.logout()


def cmd_audit(args: argparse.Namespace, env: Env) -> int:
    sub = args.audit_command
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    session = sessions.login(
        args.vault,
        args.as_login,
        password,
        clock=env.clock,
        # A rolled-back vault is refused (exit 4) except to read and verify its trail.
        check_head=sub not in {"verify", "list", "export"},
    )
    try:
        session.require_active_password()
        if sub == "list":
            flt = auditing.AuditFilter(args.since, args.until, args.account, args.action)
            header = [
                tr(h, env.lang)
                for h in (
                    "Seq",
                    "Time (UTC)",
                    "Account",
                    "Role",
                    "Workstation",
                    "Action",
                    "Object",
                    "Outcome",
                    "Details",
                )
            ]
            rows = [
                [
                    str(r.seq),
                    r.at[:19].replace("T", " "),
                    r.account,
                    r.role,
                    r.workstation,
                    r.action,
                    r.obj,
                    r.outcome,
                    r.details,
                ]
                for r in auditing.list_records(session, flt)
            ]
            _table(env, header, rows)
            return 0
        if sub == "verify":
            report = auditing.verify(session)
            if report.intact:
                env.out(
                    tr(
                        "Audit trail intact: {n} records, {s} seals.",
                        env.lang,
                        n=report.records,
                        s=report.seals,
                    )
                )
                for w in report.warnings:
                    env.out(w)
                return 0
            first = report.breaks[0]
            env.out(
                tr(
                    "Audit trail broken at record {seq} ({kind}): {detail}",
                    env.lang,
                    seq=first.seq,
                    kind=first.kind.value,
                    detail=first.message(env.lang),
                )
            )
            for b in report.breaks[1:]:
                env.out("  " + b.message(env.lang))
            return 1
        if sub == "seal":
            made = auditing.seal(session)
            env.out(
                tr(
                    "Audit trail sealed at record {seq} (hash {hash}).",
                    env.lang,
                    seq=made.seq,
                    hash=made.hash.hex()[:16],
                )
            )
            return 0
        if sub == "export":
            flt = auditing.AuditFilter(args.since, args.until)
            path, sig, n = auditing.export_csv(session, flt, args.to)
            env.out(
                tr(
                    "{n} records exported to {path}; signature in {sig}.",
                    env.lang,
                    n=n,
                    path=path,
                    sig=sig,
                )
            )
            return 0
        if sub == "purge":
            n = auditing.purge(session, args.before)
            env.out(tr("{n} audit records purged.", env.lang, n=n))
            return 0
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Unknown command."))
    finally:
        session.logout()


def cmd_backup(args: argparse.Namespace, env: Env) -> int:
    def run(s: Session) -> int:
        report = backups.backup(s, args.to)
        env.out(
            tr(
                "Backup written to {path} and verified: {records} audit records, {size} bytes, "
                "SHA-256 {digest}.",
                env.lang,
                path=report.folder,
                records=report.records,
                size=report.size,
                digest=report.sha256[:16],
            )
        )
        return 0

    return _with_session(args, env, run)


def cmd_restore(args: argparse.Namespace, env: Env) -> int:
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    session = backups.restore(args.source, args.vault, args.as_login, password, clock=env.clock)
    session.logout()
    env.out(
        tr(
            "Backup restored into {path}; it opens and its trail is intact.",
            env.lang,
            path=args.vault,
        )
    )
    return 0


def cmd_recover(args: argparse.Namespace, env: Env) -> int:
    code = env.password(tr("Recovery code:", env.lang))
    new = env.password(tr("New password for {login}:", env.lang, login=args.login))
    sessions.recover(args.vault, code, args.login, new, clock=env.clock, params=env.params)
    env.out(
        tr(
            "Account {login} has a new password; it must be changed at the next login.",
            env.lang,
            login=args.login,
        )
    )
    return 0


def cmd_demo(args: argparse.Namespace, env: Env) -> int:
    from secrecy_desk import demo  # noqa: PLC0415 - the demo data is loaded only on request

    accounts = demo.create_demo(args.vault, clock=env.clock, params=env.params)
    env.out(
        tr(
            "Demo vault created in {path}. Accounts (login / password / role):",
            env.lang,
            path=args.vault,
        )
    )
    for acc in accounts:
        env.out(f"  {acc.login:10} {acc.password:16} {acc.role_label(env.lang)}")
    return 0


def _session_command(
    action: Callable[[Session, argparse.Namespace, Env], int],
) -> Callable[[argparse.Namespace, Env], int]:
    def command(args: argparse.Namespace, env: Env) -> int:
        return _with_session(args, env, lambda s: action(s, args, env))

    return command


COMMANDS: dict[str, Callable[[argparse.Namespace, Env], int]] = {
    "entries": _session_command(cli_registers.run_entries),
    "import": _session_command(cli_registers.run_import),
    "export": _session_command(cli_registers.run_export),
    "print": _session_command(cli_registers.run_print),
    "commitments": _session_command(cli_commitments.run_commitments),
    "personnel": _session_command(cli_commitments.run_personnel),
    "approvals": _session_command(cli_approvals.run_approvals),
    "init": cmd_init,
    "users": cmd_users,
    "verify": cmd_verify,
    "audit": cmd_audit,
    "recover": cmd_recover,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}


def run(argv: Sequence[str], env: Env) -> int:
    try:
        rest, lang = _split_lang(argv)
        rest = _common_options_last(rest)
        if lang:
            env.lang = normalize_lang(lang)
        args = build_parser().parse_args(rest)
        return COMMANDS[args.command](args, env)
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
                reason=exc.strerror or str(exc),
            )
            + "\n"
        )
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
    from secrecy_desk import bootstrap  # noqa: PLC0415 - process hardening before anything else

    bootstrap.harden_process()
    args = list(sys.argv[1:] if argv is None else argv)
    env = Env(sys.stdin, sys.stdout, sys.stderr, _lang_from_argv(args))
    return run(args, env)


if __name__ == "__main__":
    raise SystemExit(main())

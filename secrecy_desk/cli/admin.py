"""The administrators' commands of ``secrecy-desk-admin``: create a vault, accounts (三员),
verify, the audit trail, backup and restore, recovery, and the demo vault."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Parser,
    Runner,
    SubParsers,
    date_arg,
    level_arg,
    rating_arg,
    role_arg,
    table,
    tenths,
    vault_args,
    with_session,
)
from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import DeskError, UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.core.roles import Permission, Role
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import audit_review, checkup, db
from secrecy_desk.vault import backup as backups
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import AdminSpec, RollbackDetected, Vault


def add_parsers(sub: SubParsers) -> None:
    """The administrators' own commands: init, users, verify, audit, backup, restore, recover,
    demo."""
    init = sub.add_parser("init", help="create a vault with the three administrators")
    vault_args(init, who=False)
    init.add_argument("--unit", required=True)
    init.add_argument("--rating", required=True, type=rating_arg, help="秘密 or 机密")
    init.add_argument("--sysadmin", required=True)
    init.add_argument("--secadmin", required=True)
    init.add_argument("--auditor", required=True)

    users = sub.add_parser("users", help="accounts")
    usub = users.add_subparsers(dest="users_command", required=True, parser_class=Parser)
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
    ug.add_argument("--role", action="append", type=role_arg, default=[])
    ug.add_argument("--clearance", type=level_arg)
    ug.add_argument("--permission", action="append", default=[], help="module:action")
    ur = usub.add_parser("revoke")
    vault_args(ur)
    ur.add_argument("--login", required=True)
    ur.add_argument("--role", action="append", type=role_arg, default=[])
    ur.add_argument("--permission", action="append", default=[], help="module:action")

    verify = sub.add_parser("verify", help="check database, key file and audit chain")
    vault_args(verify)
    verify.add_argument(
        "--quick",
        action="store_true",
        help="pages and B-trees (quick_check) and the audit chain since the last good seal",
    )

    aud = sub.add_parser("audit", help="the audit trail")
    asub = aud.add_subparsers(dest="audit_command", required=True, parser_class=Parser)
    al = asub.add_parser("list")
    vault_args(al)
    al.add_argument("--since", type=date_arg)
    al.add_argument("--until", type=date_arg)
    al.add_argument("--account")
    al.add_argument("--action")
    av = asub.add_parser("verify")
    vault_args(av)
    aseal = asub.add_parser("seal")
    vault_args(aseal)
    ae = asub.add_parser("export")
    vault_args(ae)
    ae.add_argument("--overwrite", action="store_true", help="replace an existing file")
    ae.add_argument("--to", required=True, type=Path)
    ae.add_argument("--since", type=date_arg)
    ae.add_argument("--until", type=date_arg)
    ap = asub.add_parser("purge")
    vault_args(ap)
    ap.add_argument("--before", required=True, type=date_arg)

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

    demo = sub.add_parser("demo", help="create a demo vault with sample accounts")
    vault_args(demo, who=False)


# --- commands -------------------------------------------------------------------------------


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
        return with_session(args, env, lambda s: _passwd(s, args, env), passwd=True)

    def run(s: Session) -> int:
        if sub == "list":
            _print_accounts(s, env)
        elif sub == "add":
            pw = env.password(tr("Initial password for {login}:", env.lang, login=args.login))
            account_admin.add_account(
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
            account_admin.disable_account(s, args.login, args.reason)
            env.out(
                tr(
                    "Account {login} disabled; the vault key was rotated.",
                    env.lang,
                    login=args.login,
                )
            )
        elif sub == "unlock":
            account_admin.unlock_account(s, args.login)
            env.out(tr("Account {login} unlocked.", env.lang, login=args.login))
        elif sub == "grant":
            perms = [Permission.decode(p) for p in args.permission]
            acc = account_admin.grant(
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
            acc = account_admin.revoke(s, args.login, roles=args.role, permissions=perms)
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

    return with_session(args, env, run)


def _roles(roles: frozenset[Role], lang: str) -> str:
    return (", " if lang == "en" else "、").join(
        r.label(lang) for r in sorted(roles, key=lambda r: r.value)
    )


def _passwd(s: Session, args: argparse.Namespace, env: Env) -> int:
    if args.login and args.login.casefold() != s.account.login.casefold():
        s.require_active_password()
        new = env.password(tr("New password for {login}:", env.lang, login=args.login))
        account_admin.reset_password(s, args.login, new, params=env.params)
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
    accounts = account_admin.list_accounts(s)
    header = [
        tr(h, env.lang)
        for h in (
            QT_TRANSLATE_NOOP("CLI", "Login"),
            QT_TRANSLATE_NOOP("CLI", "Name"),
            QT_TRANSLATE_NOOP("CLI", "Roles"),
            QT_TRANSLATE_NOOP("CLI", "Clearance"),
            QT_TRANSLATE_NOOP("CLI", "Status"),
        )
    ]
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
    table(env, header, rows)


def cmd_verify(args: argparse.Namespace, env: Env) -> int:
    password = env.password(tr("Password for {login}:", env.lang, login=args.as_login))
    try:
        session = sessions.login(
            args.vault, args.as_login, password, clock=env.clock, check_head=False
        )
    except RollbackDetected as exc:
        env.stderr.write(exc.message(env.lang) + "\n")
        return 1
    done = False
    try:
        code = _verify(session, env, quick=args.quick)
        done = True
        return code
    except db.DatabaseError as exc:
        # A page too damaged to read stops the walk: say which, as damage.
        store = session.vault.store
        raise db.explain(exc, path=session.vault.folder / db.DB_NAME, store=store) from None
    finally:
        if done:
            session.logout()
        else:
            # The first error is the one reported: a logout failing on the same damage (it
            # writes a record) must not replace it.
            with contextlib.suppress(DeskError, db.DatabaseError, OSError):
                session.logout()


def _verify(session: Session, env: Env, *, quick: bool = False) -> int:
    """The full check (every page's HMAC, ``integrity_check``, the whole audit chain), or
    with ``quick`` the pages and B-trees and the chain since the last good seal
    (:func:`checkup.check_vault`); how far it is goes to stderr as it goes."""
    # Progress only to a person at a terminal: a script (or an error) gets one sentence.
    tell = env.stderr.isatty()
    if tell:
        if quick:
            env.stderr.write(tr("Checking the database pages (quick check)…", env.lang) + "\n")
        else:
            env.stderr.write(tr("Checking the database pages and indexes…", env.lang) + "\n")
        env.stderr.flush()
    progress = tenths(env, tr("Verify: {percent}% done", env.lang))
    found = checkup.check_vault(session, quick=quick, progress=progress)
    problems, report, head_problem = found.problems, found.report, found.head_problem
    env.out(tr("SQLCipher {version}", env.lang, version=db.cipher_version(session.vault.store)))
    for p in problems:
        env.out(tr("Database problem: {problem}", env.lang, problem=p))
    for b in report.breaks:
        env.out(tr("Audit trail: {problem}", env.lang, problem=b.message(env.lang)))
    if head_problem is not None and report.intact:
        env.out(tr("Audit trail: {problem}", env.lang, problem=head_problem.message(env.lang)))
    vault = session.vault
    if vault.rollback_gap is not None and vault.head_break is not None:
        # An older copy of the whole folder: what it lacks (records, entry numbers).
        gone = RollbackDetected(vault.head_break, vault.rollback_gap).message(env.lang)
        env.out(tr("Audit trail: {problem}", env.lang, problem=gone))
    if problems or not report.intact or head_problem is not None:
        return 1
    if quick and report.first_seq > 1:
        env.out(
            tr(
                "Database pages sound; key file sound; audit trail intact after the seal on "
                "record {seq} ({n} records checked, {s} seals). Run verify without --quick "
                "to check the whole trail.",
                env.lang,
                seq=report.first_seq - 1,
                n=report.records,
                s=report.seals,
            )
        )
        return 0
    env.out(
        tr(
            "Database sound; key file sound; audit trail intact ({n} records, {s} seals).",
            env.lang,
            n=report.records,
            s=report.seals,
        )
    )
    return 0


def _audit_list(session: Session, args: argparse.Namespace, env: Env) -> int:
    flt = audit_review.AuditFilter(args.since, args.until, args.account, args.action)
    header = [
        tr(h, env.lang)
        for h in (
            QT_TRANSLATE_NOOP("CLI", "Seq"),
            QT_TRANSLATE_NOOP("CLI", "Time (UTC)"),
            QT_TRANSLATE_NOOP("CLI", "Account"),
            QT_TRANSLATE_NOOP("CLI", "Role"),
            QT_TRANSLATE_NOOP("CLI", "Workstation"),
            QT_TRANSLATE_NOOP("CLI", "Action"),
            QT_TRANSLATE_NOOP("CLI", "Object"),
            QT_TRANSLATE_NOOP("CLI", "Outcome"),
            QT_TRANSLATE_NOOP("CLI", "Details"),
        )
    ]
    rows = [
        [
            str(r.seq),
            local_text(r.at, seconds=True),
            r.account,
            r.role,
            r.workstation,
            r.action,
            r.obj,
            r.outcome,
            r.details,
        ]
        for r in audit_review.list_records(session, flt)
    ]
    table(env, header, rows)
    return 0


def _audit_verify(session: Session, args: argparse.Namespace, env: Env) -> int:
    report = audit_review.verify(session)
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


def _audit_seal(session: Session, args: argparse.Namespace, env: Env) -> int:
    made = audit_review.seal(session)
    env.out(
        tr(
            "Audit trail sealed at record {seq} (hash {hash}).",
            env.lang,
            seq=made.seq,
            hash=made.hash.hex()[:16],
        )
    )
    return 0


def _audit_export(session: Session, args: argparse.Namespace, env: Env) -> int:
    flt = audit_review.AuditFilter(args.since, args.until)
    path, sig, n = audit_review.export_csv(session, flt, args.to, overwrite=args.overwrite)
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


def _audit_purge(session: Session, args: argparse.Namespace, env: Env) -> int:
    n = audit_review.purge(session, args.before)
    env.out(tr("{n} audit records purged.", env.lang, n=n))
    return 0


_AUDIT_COMMANDS: dict[str, Callable[[Session, argparse.Namespace, Env], int]] = {
    "list": _audit_list,
    "verify": _audit_verify,
    "seal": _audit_seal,
    "export": _audit_export,
    "purge": _audit_purge,
}


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
        handler = _AUDIT_COMMANDS.get(sub)
        if handler is None:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "Unknown command."))
        return handler(session, args, env)
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

    return with_session(args, env, run)


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
    from secrecy_desk.demo import vault as demo  # noqa: PLC0415 - the demo data is loaded only on request

    accounts = demo.create_demo(args.vault, clock=env.clock, params=env.params)
    env.out(
        tr(
            "Demo vault created in {path}. Accounts (login / first password / role; each "
            "password is changed at the account's first login):",
            env.lang,
            path=args.vault,
        )
    )
    for acc in accounts:
        env.out(f"  {acc.login:10} {acc.password:16} {acc.role_label(env.lang)}")
    return 0


COMMANDS: dict[str, Runner] = {
    "init": cmd_init,
    "users": cmd_users,
    "verify": cmd_verify,
    "audit": cmd_audit,
    "recover": cmd_recover,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}

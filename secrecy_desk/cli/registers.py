"""``secrecy-desk-admin entries | import | export``: the register engine from a terminal.

Fields are given as repeatable ``--set name=value`` (the same text a clerk would type); list
filters as ``--where name=value``. A validation error exits 1 naming each field and reason.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable
from pathlib import Path

from secrecy_desk.cli.common import (
    Env,
    Runner,
    SubParsers,
    open_engine,
    pairs,
    session_command,
    subparsers,
    table,
    vault_args,
)
from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, tr
from secrecy_desk.forms import FormSpec
from secrecy_desk.modules.registers import NUMBER, STATUS, Entry, Query, Registers
from secrecy_desk.modules.registers import io as reg_io
from secrecy_desk.vault.session import Session


def _entries_parser(sub: SubParsers) -> None:
    entries = sub.add_parser("entries", help="register entries")
    esub = subparsers(entries, "entries_command")

    def common(name: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = esub.add_parser(name)
        vault_args(p)
        p.add_argument("--register", required=True)
        return p

    add = common("add")
    add.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    add.add_argument("--confirm", action="store_true", help="confirm warnings (e.g. shared phone)")
    edit = common("edit")
    edit.add_argument("--entry", required=True, help="entry number")
    edit.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    edit.add_argument("--status")
    edit.add_argument("--revision", type=int, help="the revision you saw (refused if newer)")
    edit.add_argument("--confirm", action="store_true")
    void = common("void")
    void.add_argument("--entry", required=True)
    void.add_argument("--reason", required=True)
    show = common("show")
    show.add_argument("--entry", required=True)
    lst = common("list")
    lst.add_argument("--where", action="append", default=[], metavar="NAME=VALUE")
    lst.add_argument("--search", default="")
    _range_arguments(lst)
    lst.add_argument("--format", choices=("table", "csv", "json"), default="table")
    lst.add_argument("--voided", action="store_true", help="include voided entries")
    lst.add_argument("--limit", type=int, default=None)
    hist = common("history")
    hist.add_argument("--entry", required=True)


def _range_arguments(parser: argparse.ArgumentParser, *, short: bool = True) -> None:
    """``--from/--to FIELD=DATE`` (``--period-from/--period-to`` where ``--to`` is a file)."""
    parser.add_argument(
        *(("--from",) if short else ()),
        "--period-from",
        dest="date_from",
        action="append",
        default=[],
        metavar="DATE_FIELD=DATE",
        help="entries on or after this day, month (2026-11) or year (2026) in a date field",
    )
    parser.add_argument(
        *(("--to",) if short else ()),
        "--period-to",
        dest="date_to",
        action="append",
        default=[],
        metavar="DATE_FIELD=DATE",
        help="entries on or before this day, month or year in a date field",
    )
    parser.add_argument("--mine", action="store_true", help="only entries you entered")


def _ranges(args: argparse.Namespace) -> dict[str, tuple[str, str]]:
    """``--from`` and ``--to`` as ranges by field (either bound may be missing)."""
    starts, ends = pairs(args.date_from), pairs(args.date_to)
    return {name: (starts.get(name, ""), ends.get(name, "")) for name in {*starts, *ends}}


def _import_parser(sub: SubParsers) -> None:
    imp = sub.add_parser("import", help="import a .csv or .xlsx file (all or nothing)")
    vault_args(imp)
    imp.add_argument("--register", required=True)
    imp.add_argument("--from", dest="source", required=True, type=Path)


def _export_parser(sub: SubParsers) -> None:
    exp = sub.add_parser("export", help="export a register to .csv or .xlsx")
    vault_args(exp)
    exp.add_argument("--register", required=True)
    exp.add_argument("--to", required=True, type=Path)
    exp.add_argument("--where", action="append", default=[], metavar="NAME=VALUE")
    exp.add_argument("--search", default="")
    _range_arguments(exp, short=False)
    exp.add_argument("--overwrite", action="store_true", help="replace an existing file")


def _registers(session: Session, env: Env) -> Registers:
    return open_engine(session, env)


def _print_entry(env: Env, regs: Registers, spec: FormSpec, entry: Entry) -> None:
    lang = env.lang
    env.out(f"{spec.numbering.label(lang)}: {entry.number}    {entry.marking}")
    status = spec.status(entry.status).label(lang)
    if entry.voided:
        status += "  " + tr("VOID: {reason}", lang, reason=entry.void_reason or "")
    env.out(
        f"{spec.column_label(STATUS, lang)}: {status}    "
        + tr("revision {n}", lang, n=entry.revision)
    )
    width = max(len(f.label(lang)) for f in spec.fields)
    for f in spec.fields:
        env.out(f"  {f.label(lang):{width}}  {regs.display(spec, entry, f.name, lang)}")
    for flag in entry.flags:
        env.out("  ! " + flag.message(lang))


def _entries_add(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    result = regs.add(args.register, pairs(args.set), confirm=args.confirm)
    env.out(
        tr(
            "Saved as {number} ({mark}).",
            lang,
            number=result.entry.number,
            mark=result.entry.marking,
        )
    )
    for flag in result.entry.flags:
        env.out("  ! " + flag.message(lang))
    return 0


def _entries_edit(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    current = regs.get(args.register, args.entry, record_view=False)
    result = regs.edit(
        args.register,
        args.entry,
        pairs(args.set),
        expected_revision=args.revision if args.revision is not None else current.revision,
        status=args.status,
        confirm=args.confirm,
    )
    if not result.changed_fields:
        env.out(tr("Nothing changed.", lang))
    else:
        env.out(
            tr(
                "Saved {number} as revision {n}; changed: {fields}.",
                lang,
                number=result.entry.number,
                n=result.entry.revision,
                fields="、".join(spec.column_label(n, lang) for n in result.changed_fields)
                if lang != "en"
                else ", ".join(spec.column_label(n, lang) for n in result.changed_fields),
            )
        )
    return 0


def _entries_void(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    result = regs.void(args.register, args.entry, args.reason)
    env.out(
        tr(
            "Entry {number} is void; it keeps its number and history.",
            lang,
            number=result.entry.number,
        )
    )
    return 0


def _entries_show(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    _print_entry(env, regs, spec, regs.get(args.register, args.entry))
    return 0


def _entries_history(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    for rev in regs.history(args.register, args.entry):
        env.out(
            f"{rev.revision}  {local_text(rev.at, seconds=True)}  {regs.people.name(rev.account)}  "
            f"{tr(_CHANGES.get(rev.change, rev.change), lang)}"
            + (f"  ({rev.void_reason})" if rev.void_reason else "")
        )
        for change in rev.changes:
            f = spec.field(change.field)
            env.out(
                f"    {f.label(lang)}: {f.display(change.before, lang) or '∅'} → "
                f"{f.display(change.after, lang) or '∅'}"
            )
    return 0


#: What a revision did, as the history shows it.
_CHANGES: dict[str, str] = {
    "create": QT_TRANSLATE_NOOP("CLI", "created"),
    "edit": QT_TRANSLATE_NOOP("CLI", "edited"),
    "status": QT_TRANSLATE_NOOP("CLI", "status changed"),
    "void": QT_TRANSLATE_NOOP("CLI", "voided"),
}


def _entries_list(regs: Registers, spec: FormSpec, args: argparse.Namespace, env: Env) -> int:
    lang = env.lang
    query = Query(
        where=pairs(args.where),
        search=args.search,
        include_voided=args.voided,
        limit=args.limit,
        ranges=_ranges(args),
        created_by=regs.session.account.login if args.mine else "",
    )
    entries = regs.page(args.register, query)
    columns = list(spec.listing.columns)
    if STATUS not in columns:
        columns.append(STATUS)
    header = [spec.column_label(c, lang) for c in columns]
    rows = [[regs.display(spec, e, c, lang) for c in columns] for e in entries]
    if args.format == "json":
        env.out(
            json.dumps(
                [
                    {
                        "number": e.number,
                        "revision": e.revision,
                        "marking": e.marking,
                        "voided": e.voided,
                        "flags": [f.message(lang) for f in e.flags],
                        **{c: regs.display(spec, e, c, lang) for c in columns if c != NUMBER},
                    }
                    for e in entries
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
    elif args.format == "csv":
        writer = csv.writer(env.stdout)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        marks = [("! " if e.flags else "") + ("✗ " if e.voided else "") for e in entries]
        table(env, ["", *header], [[m, *r] for m, r in zip(marks, rows, strict=True)])
        env.out(tr("{n} entries.", lang, n=len(entries)))
    return 0


_ENTRIES_COMMANDS: dict[str, Callable[..., int]] = {
    "add": _entries_add,
    "edit": _entries_edit,
    "void": _entries_void,
    "show": _entries_show,
    "history": _entries_history,
    "list": _entries_list,
}


def run_entries(session: Session, args: argparse.Namespace, env: Env) -> int:
    regs = _registers(session, env)
    spec = regs.spec(args.register)
    sub = args.entries_command
    handler = _ENTRIES_COMMANDS.get(sub)
    if handler is not None:
        return handler(regs, spec, args, env)
    raise UsageError(QT_TRANSLATE_NOOP("Errors", "Unknown command."))


def run_import(session: Session, args: argparse.Namespace, env: Env) -> int:
    report = reg_io.import_file(_registers(session, env), args.register, args.source)
    n = len(report.numbers)
    if n:
        env.out(
            tr(
                "{n} entries imported: {first} … {last}.",
                env.lang,
                n=n,
                first=report.numbers[0],
                last=report.numbers[-1],
            )
        )
    else:
        env.out(tr("The file holds no entries.", env.lang))
    return 0


def run_export(session: Session, args: argparse.Namespace, env: Env) -> int:
    query = Query(
        where=pairs(args.where),
        search=args.search,
        ranges=_ranges(args),
        created_by=session.account.login if args.mine else "",
    )
    path = reg_io.export_file(
        _registers(session, env), args.register, args.to, query, overwrite=args.overwrite
    )
    env.out(tr("Exported to {path}.", env.lang, path=path))
    return 0


PARSERS: dict[str, Callable[[SubParsers], None]] = {
    "entries": _entries_parser,
    "import": _import_parser,
    "export": _export_parser,
}
COMMANDS: dict[str, Runner] = {
    "entries": session_command(run_entries),
    "import": session_command(run_import),
    "export": session_command(run_export),
}

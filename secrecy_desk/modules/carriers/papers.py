"""The carriers' paper, each a :class:`~secrecy_desk.records.printing.PrintJob` the kernel
prints and records: the slip of an item's last step (登记/借阅/流转单), the receive-and-send book
(收发文登记簿), the distribution list (分发表), the handover list (移交清单), the stocktake's
discrepancy report (清查差异报告), the destruction list (销毁清单) and record (销毁记录).

Paper is Chinese first; ``lang="en"`` gives the English layout."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Final

from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term, highest
from secrecy_desk.core.roles import Action
from secrecy_desk.modules.carriers import SLIP_TITLES
from secrecy_desk.modules.carriers import holdings as holding_mod
from secrecy_desk.modules.carriers.lifecycle import (
    ISSUE,
    LEND,
    REGISTER,
    REPAIRED,
    RETURN,
    SEND,
    TAKE_OUT,
    Carriers,
    event_from_row,
    event_label,
)
from secrecy_desk.modules.carriers.packages import Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes
from secrecy_desk.modules.registers import Entry
from secrecy_desk.printing import (
    Align,
    Column,
    FieldRow,
    FormDocument,
    ListDocument,
    ListRow,
    SignatureBlock,
    SignLine,
)
from secrecy_desk.records.printing import Deliver, PrintDocument, PrintJob, Printout, print_job

ACTION: Final = "carrier.print"
METHOD_LABELS: Final = {
    "shredding": ("粉碎", "Shredding"),
    "disintegration": ("碎化（物理销毁）", "Disintegration"),
    "degaussing": ("消磁", "Degaussing"),
    "bureau": ("送保密局销毁中心", "Handed to the secrecy bureau's destruction centre"),
}


def _t(zh: str, en: str, lang: str) -> str:
    return en if lang == "en" else zh


def _mark(items: Sequence[tuple[Level, Term | None]]) -> tuple[Level, Term | None]:
    return highest(list(items)) if items else (Level.INTERNAL, None)


def _job(
    desk: Carriers,
    layout: FormDocument | ListDocument,
    obj: str,
    level: Level,
    term: Term | None,
    *,
    revision: int | None = None,
    number: str = "",
    rows: int | None = None,
) -> PrintJob:
    for register in ("carriers", "equipment"):
        desk.registers.require(register, Action.PRINT)
    doc = PrintDocument(layout, obj, revision, number, max(level, Level.INTERNAL), term, rows)
    return PrintJob((doc,), ACTION, obj, {"paper": layout.title})


# --- the slip of one item ---------------------------------------------------------------------


#: The party of a step, as the slip names it: who holds, borrowed, checked, received …
_PARTY_LABELS: Final = {
    ISSUE: ("签收人", "Received by"),
    LEND: ("借阅人", "Borrower"),
    RETURN: ("验收人", "Checked by"),
    SEND: ("收件单位", "Recipient"),
    REPAIRED: ("维修单位", "Repaired by"),
    TAKE_OUT: ("外携去向", "Destination"),
}


def slip(desk: Carriers, number: str, lang: str = "zh_CN") -> PrintJob:
    """The slip of the item's last step (issue, loan, return …) with the signature lines the
    step needs."""
    entry = desk.item(number)
    spec = desk.registers.spec(entry.register)
    events = desk.events(entry.number)
    last = events[-1] if events else None
    kind = last.kind if last is not None and last.kind in SLIP_TITLES else REGISTER
    zh, en = SLIP_TITLES[kind]
    rows = [
        FieldRow(spec.column_label("number", lang), entry.number),
        FieldRow(_t("密级和保密期限", "Marking", lang), entry.marking),
    ]
    # what describes this kind of item: a disc has no copy number, a paper no serial number
    for name in ("kind", "title", "copy_no", "pages", "asset_no", "model", "serial_no", "serials"):
        if spec.has_field(name) and entry.values.get(name) not in (None, ""):
            rows.append(FieldRow(spec.field(name).label(lang), entry.display(spec, name, lang)))
    rows.append(FieldRow(spec.column_label("status", lang), entry.display(spec, "status", lang)))
    # who takes part, by name: the holder or borrower; the recipient, the repairer or the
    # destination outside; who checked a return
    party = ""
    if last is not None and kind != REGISTER:
        party = desk.holder_name(last.holder_after) if last.kind in (ISSUE, LEND) else last.party
        rows += [
            FieldRow(_t("事项", "Step", lang), event_label(last.kind, lang)),
            FieldRow(_t("日期", "Date", lang), last.on_date.isoformat()),
            FieldRow(_PARTY_LABELS[kind][lang == "en"], party),
        ]
        if last.due_on:
            rows.append(FieldRow(_t("应还日期", "Due back", lang), last.due_on.isoformat()))
        where = last.details.get("where") or last.details.get("channel") or ""
        supervisor = last.details.get("supervisor") or ""
        if where:
            rows.append(FieldRow(_t("地点/渠道", "Place or channel", lang), str(where)))
        if supervisor:
            rows.append(FieldRow(_t("监督人", "Supervised by", lang), str(supervisor)))
        if last.kind == TAKE_OUT and last.ref:
            rows.append(FieldRow(_t("批准", "Approved", lang), last.ref))
    signatures = {
        REGISTER: (_t("登记人", "Registered by", lang), _t("保管人", "Custodian", lang)),
        ISSUE: (_t("签收人", "Received by", lang), _t("发放人", "Issued by", lang)),
        LEND: (_t("借阅人", "Borrower", lang), _t("经办人", "Lent by", lang)),
        RETURN: (_t("归还人", "Returned by", lang), _t("验收人", "Checked by", lang)),
        SEND: (_t("发送人", "Sent by", lang), _t("收件方签收", "Recipient", lang)),
        REPAIRED: (_t("送修经办人", "Handled by", lang), _t("监修人", "Supervisor", lang)),
        TAKE_OUT: (_t("携带人", "Carried by", lang), _t("批准人", "Approved by", lang)),
    }[kind]
    # the names the record knows print on the signature lines
    names = {
        ISSUE: (party, ""),
        LEND: (party, ""),
        RETURN: ("", party),
        REPAIRED: ("", str(last.details.get("supervisor") or "") if last is not None else ""),
        TAKE_OUT: (desk.holder_name(last.holder_after) if last is not None else "", ""),
    }.get(kind, ("", ""))
    layout = FormDocument(
        title=_t(zh, en, lang),
        fields=tuple(rows),
        signatures=tuple(
            SignatureBlock(label, (SignLine.NAME, SignLine.SIGNATURE, SignLine.DATE), name)
            for label, name in zip(signatures, names, strict=True)
        ),
    )
    return _job(
        desk, layout, entry.object_name, entry.level, entry.term,
        revision=entry.revision, number=entry.number,
    )  # fmt: skip


# --- the receive-and-send book and the distribution list ---------------------------------------


def book(desk: Carriers, year: int, lang: str = "zh_CN") -> PrintJob:
    """收发文登记簿: every carrier received or sent in ``year``, in date order — a printed view of
    the register and send events, so the book and the ledger can never disagree."""
    rows = desk.store.all(
        "SELECT ev.id, e.number, ev.kind, ev.on_date, ev.from_status, ev.to_status, "
        "ev.holder_before, ev.holder_after, ev.party, ev.due_on, ev.ref, ev.details, ev.at, "
        "ev.account, json_extract(e.data, '$.title'), json_extract(e.data, '$.copy_no'), "
        "json_extract(e.data, '$.origin'), e.level, e.term "
        "FROM carrier_events ev JOIN entries e ON e.id = ev.entry_id "
        "WHERE e.register = 'carriers' AND e.level <= ? AND ev.on_date BETWEEN ? AND ? AND ("
        "ev.kind = 'send' OR (ev.kind = 'register' "
        "AND json_extract(e.data, '$.origin') = 'received')) ORDER BY ev.on_date, ev.id",
        (int(desk.session.principal.clearance), f"{year}-01-01", f"{year}-12-31"),
    )
    cells: list[ListRow] = []
    marks: list[tuple[Level, Term | None]] = []
    for r in rows:
        event = event_from_row(r[:14])
        level = Level(int(r[17]))
        term = Term.decode(str(r[18])) if r[18] else None
        marks.append((level, term))
        received = event.kind == REGISTER
        cells.append(
            ListRow(
                (
                    event.on_date.isoformat(),
                    _t("收", "In", lang) if received else _t("发", "Out", lang),
                    event.number,
                    event.ref or "",
                    str(r[14] or ""),
                    level.label(lang),
                    str(r[15] or ""),
                    event.party,
                    "",
                )
            )
        )
    layout = ListDocument(
        title=_t("收发文登记簿", "Book of documents received and sent", lang),
        subtitle=_t(f"{year}年", str(year), lang),
        columns=(
            Column(_t("日期", "Date", lang), 8),
            Column(_t("收/发", "In/Out", lang), 3, Align.CENTER),
            Column(_t("载体编号", "Carrier no.", lang), 11),
            Column(_t("文号", "Doc. no.", lang), 8),
            Column(_t("标题", "Title", lang), 20),
            Column(_t("密级", "Level", lang), 4),
            Column(_t("份号", "Copy", lang), 3, Align.RIGHT),
            Column(_t("来文单位/收件单位", "From / to", lang), 12),
            Column(_t("签收", "Signature", lang), 8),
        ),
        rows=tuple(cells),
        summary=_t(f"共 {len(cells)} 件", f"{len(cells)} items", lang),
    )
    level, term = _mark(marks)
    return _job(desk, layout, f"carriers:book:{year}", level, term, rows=len(cells))


def distribution(desk: Carriers, numbers: Sequence[str], lang: str = "zh_CN") -> PrintJob:
    """分发表: the copies of a document with their recipients and a signature line each."""
    if not numbers:
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Choose the copies to list."))
    entries = [desk.item(n) for n in numbers]
    cells = []
    for e in entries:
        since = _last_issue(desk, e)
        cells.append(
            ListRow(
                (
                    str(e.values.get("copy_no") or ""),
                    e.number,
                    str(e.values.get("title") or ""),
                    e.marking,
                    desk.holder_name(_holder(e)),
                    str(e.values.get("department") or ""),
                    since,
                    "",
                    "",
                )
            )
        )
    layout = ListDocument(
        title=_t("涉密文件分发表", "Distribution list", lang),
        subtitle=str(entries[0].values.get("title") or ""),
        columns=(
            Column(_t("份号", "Copy", lang), 3, Align.RIGHT),
            Column(_t("载体编号", "Carrier no.", lang), 11),
            Column(_t("标题", "Title", lang), 18),
            Column(_t("密级", "Marking", lang), 7),
            Column(_t("接收人", "Recipient", lang), 7),
            Column(_t("部门", "Department", lang), 8),
            Column(_t("分发日期", "Issued on", lang), 8),
            Column(_t("签收", "Signature", lang), 8),
            Column(_t("日期", "Date", lang), 7),
        ),
        rows=tuple(cells),
        summary=_t(f"共 {len(cells)} 份", f"{len(cells)} copies", lang),
    )
    level, term = _mark([(e.level, e.term) for e in entries])
    obj = f"carriers:distribution:{entries[0].number}"
    return _job(desk, layout, obj, level, term, rows=len(cells))


def _holder(e: Entry) -> str | None:
    value = e.values.get("holder")
    return value if isinstance(value, str) else None


def _last_issue(desk: Carriers, e: Entry) -> str:
    row = desk.store.one(
        "SELECT on_date FROM carrier_events WHERE entry_id = ? AND kind = ? ORDER BY id DESC "
        "LIMIT 1",
        (e.id, ISSUE),
    )
    return str(row[0]) if row is not None else ""


# --- the handover list -----------------------------------------------------------------------


def handover(desk: Carriers, person: str, lang: str = "zh_CN") -> PrintJob:
    """移交清单: what a person holds, to be handed back when they leave post (离岗清退)."""
    who = desk.person(person)
    held = holding_mod.holdings(desk, who.number)
    cells = [
        ListRow(
            (
                str(i),
                h.entry.number,
                desk.registers.spec(h.entry.register).title(lang),
                h.title,
                h.entry.marking,
                h.since.isoformat() if h.since else "",
                h.due.isoformat() if h.due else "",
                "",
            ),
            flagged=h.overdue,
        )
        for i, h in enumerate(held, start=1)
    ]
    layout = ListDocument(
        title=_t("涉密载体及设备移交清单", "Handover list", lang),
        subtitle=_t(
            f"移交人：{who.name}（{who.number}） {who.department}",
            f"Handed over by {who.name} ({who.number}), {who.department}",
            lang,
        ),
        columns=(
            Column(_t("序号", "No.", lang), 3, Align.RIGHT),
            Column(_t("编号", "Number", lang), 11),
            Column(_t("类别", "Register", lang), 9),
            Column(_t("名称", "Title", lang), 20),
            Column(_t("密级", "Marking", lang), 7),
            Column(_t("留存自", "Held since", lang), 8),
            Column(_t("应还日期", "Due back", lang), 8),
            Column(_t("接收人签收", "Received by", lang), 10),
        ),
        rows=tuple(cells),
        summary=_t(
            f"共 {len(cells)} 件。移交人签字：________  接收人签字：________  "
            "监交人签字：________  日期：____年__月__日",
            f"{len(cells)} items. Handed over by: ________  Received by: ________  "
            "Witness: ________  Date: ________",
            lang,
        ),
    )
    level, term = _mark([(h.entry.level, h.entry.term) for h in held])
    return _job(desk, layout, f"personnel:handover:{who.number}", level, term, rows=len(cells))


# --- the stocktake's discrepancy report ------------------------------------------------------


def discrepancy(desk: Carriers, number: str, lang: str = "zh_CN") -> PrintJob:
    """清查差异报告, marked at the highest level the stocktake covers."""
    takes = Stocktakes(desk)
    report = takes.report(number)
    s = report.stocktake
    cells = [
        ListRow(
            (
                line.number,
                line.title,
                line.marking,
                line.label(lang),
                line.holder,
                line.location,
                line.found_at,
            ),
            flagged=line.mark == "missing",
        )
        for line in report.lines
    ]
    layout = ListDocument(
        title=_t("涉密载体清查差异报告", "Stocktake discrepancy report", lang),
        subtitle=_t(
            f"{s.number}  范围：{s.scope_text(lang)}  "
            f"{s.opened_on} 至 {s.closed_on or '（未结束）'}",
            f"{s.number}  scope: {s.scope_text(lang)}  {s.opened_on} to {s.closed_on or '(open)'}",
            lang,
        ),
        columns=(
            Column(_t("编号", "Number", lang), 11),
            Column(_t("名称", "Title", lang), 20),
            Column(_t("密级", "Marking", lang), 7),
            Column(_t("清查结果", "Result", lang), 7),
            Column(_t("责任人", "Holder", lang), 7),
            Column(_t("账面位置", "Ledger location", lang), 9),
            Column(_t("实际位置", "Found at", lang), 9),
        ),
        rows=tuple(cells),
        summary=_t(
            f"应在 {s.expected} 件，在位 {s.found} 件，缺失 {s.missing} 件，异位 {s.elsewhere} 件，"
            f"账外 {s.unexpected} 件；账物相符率 {s.rate:.1%}。"
            "清查人：________  保密员：________",
            report.summary(lang),
            lang,
        ),
        flag_meaning=_t("缺失", "missing", lang),
    )
    return _job(desk, layout, f"stocktake:{s.number}", s.level, None, rows=len(cells))


# --- destruction list and record -------------------------------------------------------------


def destruction_list(desk: Carriers, number: str, lang: str = "zh_CN") -> PrintJob:
    """销毁清单: the package's items, one line each, with the count to check against."""
    package = Packages(desk).get(number)
    cells = [
        ListRow(
            (
                str(i),
                item.number,
                item.title,
                item.marking,
                str(item.copy_no or ""),
                str(item.pages or ""),
                "",
            )
        )
        for i, item in enumerate(package.items, start=1)
    ]
    layout = ListDocument(
        title=_t("涉密载体销毁清单", "Destruction list", lang),
        subtitle=_t(
            f"销毁包 {package.number}  审批 {package.approval or '（未审批）'}",
            f"Package {package.number}  approval {package.approval or '(none yet)'}",
            lang,
        ),
        columns=(
            Column(_t("序号", "No.", lang), 3, Align.RIGHT),
            Column(_t("编号", "Number", lang), 11),
            Column(_t("名称", "Title", lang), 22),
            Column(_t("密级", "Marking", lang), 7),
            Column(_t("份号", "Copy", lang), 3, Align.RIGHT),
            Column(_t("页数", "Pages", lang), 3, Align.RIGHT),
            Column(_t("核对", "Checked", lang), 5),
        ),
        rows=tuple(cells),
        summary=_t(
            f"共 {len(cells)} 件。清点人：________  监销人：________  监销人：________",
            f"{len(cells)} items. Counted by: ________  Witness: ________  Witness: ________",
            lang,
        ),
    )
    return _job(
        desk, layout, f"package:{package.number}:list", package.level, package.term,
        rows=len(cells),
    )  # fmt: skip


def destruction_record(desk: Carriers, number: str, lang: str = "zh_CN") -> PrintJob:
    """销毁记录: what was destroyed, when, where, how, by whom, witnessed by whom."""
    package = Packages(desk).get(number)
    method = METHOD_LABELS.get(package.method, (package.method, package.method))
    witnesses = [*list(package.witnesses), "", ""]
    rows = (
        FieldRow(_t("销毁包编号", "Package no.", lang), package.number),
        FieldRow(_t("审批编号", "Approval no.", lang), package.approval or ""),
        FieldRow(_t("载体及设备数量", "Items", lang), str(len(package.items))),
        FieldRow(_t("最高密级", "Highest marking", lang), package.marking),
        FieldRow(
            _t("销毁日期", "Destroyed on", lang),
            package.destroyed_on.isoformat() if package.destroyed_on else "",
        ),
        FieldRow(_t("销毁方式", "Method", lang), _t(method[0], method[1], lang)),
        FieldRow(_t("销毁地点", "Place", lang), package.place, span=2),
        FieldRow(_t("经办人", "Handled by", lang), package.handler),
        FieldRow(_t("监销人", "Witnesses", lang), "、".join(w for w in witnesses if w)),
        FieldRow(_t("销毁理由", "Reason", lang), package.reason, span=2, min_lines=2),
        FieldRow(
            _t("清单", "Items", lang),
            "；".join(f"{i.number} {i.title}" for i in package.items[:40])
            + ("……（详见销毁清单）" if len(package.items) > 40 else ""),
            span=2,
            min_lines=2,
        ),
    )
    layout = FormDocument(
        title=_t("涉密载体销毁记录", "Destruction record", lang),
        fields=rows,
        paragraphs=(
            _t(
                "以上涉密载体已经清点、登记、审批，由经办人销毁，监销人全程监督，销毁后无法恢复。",
                "The items above were counted, registered and approved, destroyed by the handler "
                "and witnessed throughout; they cannot be recovered.",
                lang,
            ),
        ),
        signatures=tuple(
            SignatureBlock(label, (SignLine.NAME, SignLine.SIGNATURE, SignLine.DATE), name)
            for label, name in (
                (_t("经办人", "Handler", lang), package.handler),
                (_t("监销人（一）", "First witness", lang), witnesses[0]),
                (_t("监销人（二）", "Second witness", lang), witnesses[1]),
            )
        ),
    )
    return _job(
        desk, layout, f"package:{package.number}", package.level, package.term,
        number=package.number,
    )  # fmt: skip


# --- the one entry point the front ends use ---------------------------------------------------


def job_for(desk: Carriers, paper: str, args: argparse.Namespace, lang: str) -> PrintJob:
    """The job for a CLI ``carriers print PAPER`` command."""

    def need(value: object, what: str) -> str:
        if not value:
            raise UsageError(QT_TRANSLATE_NOOP("Errors", "This paper needs {what}."), what=what)
        return str(value)

    match paper:
        case "slip":
            return slip(desk, need(args.item, "--item"), lang)
        case "book":
            return book(desk, int(args.year or desk.session.clock.today().year), lang)
        case "distribution":
            return distribution(desk, args.items, lang)
        case "handover":
            return handover(desk, need(args.person, "--person"), lang)
        case "discrepancy":
            return discrepancy(desk, need(args.number, "--number"), lang)
        case "destruction-list":
            return destruction_list(desk, need(args.number, "--number"), lang)
        case _:
            return destruction_record(desk, need(args.number, "--number"), lang)


def print_paper(
    desk: Carriers,
    job: PrintJob,
    *,
    copies: int,
    printer: str,
    reason: str = "",
    deliver: Deliver | None = None,
) -> Printout:
    return print_job(
        desk.session, desk.forms, job, copies=copies, printer=printer, reason=reason,
        deliver=deliver,
    )  # fmt: skip

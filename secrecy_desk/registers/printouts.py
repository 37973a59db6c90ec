"""From register entries to paper: the form and list layouts, verification codes, and the print
register (打印登记) the program fills itself.

Every print is one operation: the print register entry, the audit record and the PDF bytes are
made together, and if rendering fails (a character the font lacks, say) nothing is recorded.
The PDF never touches the disk unless the user exports it on purpose (fixed disks only).
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term, highest, marking
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FieldType, FormSpec, SignatureLine, Value
from secrecy_desk.printing import (
    Align,
    Column,
    FieldRow,
    FormDocument,
    ListDocument,
    ListRow,
    MissingGlyphsError,
    PageFrame,
    SignatureBlock,
    SignLine,
    check_glyphs,
    render_form,
    render_list,
)
from secrecy_desk.registers.engine import Registers
from secrecy_desk.registers.model import NUMBER, STATUS, Entry, Query
from secrecy_desk.vault.keyfile import write_atomic

PRINTS: Final = "prints"
#: The object prefix of approval tables printed through :func:`print_form_document`.
APPROVALS: Final = "approvals"
_SIGN: Final = {
    SignatureLine.NAME: SignLine.NAME,
    SignatureLine.SIGNATURE: SignLine.SIGNATURE,
    SignatureLine.DATE: SignLine.DATE,
}
_NUMERIC: Final = frozenset({FieldType.INTEGER, FieldType.MONEY})


@dataclass(frozen=True, slots=True)
class Printout:
    pdf: bytes
    record: str  # the print register entry's number
    code: str
    reprint: bool
    marking: str


class ReprintReasonRequired(ValidationError):
    """This revision was printed before: a reprint (补打) needs a reason."""


def _local(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def new_code() -> str:
    """A short verification code, e.g. ``K7QD-3M9X`` (40 random bits, base32, no padding)."""
    raw = base64.b32encode(secrets.token_bytes(5)).decode("ascii")
    return f"{raw[:4]}-{raw[4:8]}"


def normalize_code(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:8]}" if len(compact) == 8 else code.strip().upper()


# --- layouts ----------------------------------------------------------------------------------


def form_document(spec: FormSpec, entry: Entry, lang: str = "zh_CN") -> FormDocument:
    """One entry as its paper form: the definition's sections in order, every field filled,
    the signature blocks empty."""
    names: list[str] = []
    for section in spec.layout.sections:
        names.extend(n for n in section.fields if n not in names)
    if not names:
        names = [NUMBER, *spec.field_names]
    rows: list[FieldRow] = []
    for name in names:
        label = spec.column_label(name, lang)
        value = entry.display(spec, name, lang)
        long = name not in (NUMBER, STATUS) and spec.field(name).type is FieldType.LONG_TEXT
        rows.append(FieldRow(label, value, span=2 if long else 1, min_lines=2 if long else 1))
    if entry.voided:
        rows.append(FieldRow("作废" if lang != "en" else "Void", entry.void_reason or "", span=2))
    return FormDocument(
        title=spec.layout.title(lang),
        subtitle=f"（{spec.title(lang)}）" if lang != "en" else f"({spec.title(lang)})",
        fields=tuple(rows),
        clauses=tuple(c.text(lang) for c in spec.layout.clauses),
        signatures=tuple(
            SignatureBlock(b.role(lang), tuple(_SIGN[line] for line in b.lines))
            for b in spec.layout.signatures
        ),
    )


def list_document(
    spec: FormSpec,
    entries: list[Entry],
    columns: list[str],
    *,
    subtitle: str = "",
    lang: str = "zh_CN",
) -> ListDocument:
    cols = []
    for name in columns:
        width = 6.0
        align = Align.LEFT
        if name not in (NUMBER, STATUS):
            f = spec.field(name)
            width = float(f.width or 8)
            align = Align.RIGHT if f.type in _NUMERIC else Align.LEFT
        elif name == NUMBER:
            width = 10.0
        cols.append(Column(spec.column_label(name, lang), width, align))
    rows = [
        ListRow(
            tuple(e.display(spec, n, lang) for n in columns), voided=e.voided, flagged=bool(e.flags)
        )
        for e in entries
    ]
    title = spec.listing.title_zh if lang != "en" else spec.listing.title_en
    return ListDocument(
        title=title or spec.title(lang),
        columns=tuple(cols),
        rows=tuple(rows),
        subtitle=subtitle,
        summary=(f"共 {len(entries)} 条" if lang != "en" else f"{len(entries)} entries"),
    )


# --- the print operation --------------------------------------------------------------------


def _frame(
    registers: Registers, mark: str, number: str, copies: int, code: str, reprint: bool
) -> PageFrame:
    session = registers.session
    now = _local(session.clock.now())
    head = session.vault.log.head()
    return PageFrame(
        marking=mark,
        unit=session.settings.unit,
        document_number=number,
        copies=copies,
        watermark=f"{session.account.login} · {now} · {session.vault.workstation}",
        verification_code=code,
        reprint=reprint,
        footer_note=f"审计 {head.seq}·{head.hash.hex()[:8]}",
        printed_at=now,
    )


def is_reprint(registers: Registers, entry: Entry) -> bool:
    """Was this revision of the entry printed (or exported) before? Then it is a 补打."""
    return _previous_prints(registers, entry.object_name, entry.revision) > 0


def list_filters(query: Query) -> str:
    """The filters as a printed list's subtitle states them."""
    filters = "；".join(f"{k}={v}" for k, v in query.where.items())
    if query.search:
        filters = (filters + "；" if filters else "") + f"检索“{query.search}”"
    return filters


def check_destination(registers: Registers, target: Path) -> Path:
    """Refuse (and record the refusal of) a file on removable media before anything is
    printed into it; returns the path with its ``.pdf`` suffix."""
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    session = registers.session
    session.require_fixed_disk(target, "print.export", str(target))
    return target


def _previous_prints(registers: Registers, obj: str, revision: int) -> int:
    return int(
        registers.store.scalar(
            "SELECT count(*) FROM entries WHERE register = ? AND voided = 0 "
            "AND json_extract(data, '$.object') = ? AND json_extract(data, '$.entry_revision') = ?",
            (PRINTS, obj, revision),
        )
    )


def _record(
    registers: Registers,
    *,
    document: str,
    obj: str,
    revision: int | None,
    kind: str,
    level: Level,
    term: Term | None,
    copies: int,
    printer: str,
    reprint: bool,
    reason: str,
    code: str,
) -> str:
    session = registers.session
    values: Mapping[str, Value] = {
        "document": document[:200],
        "object": obj[:200],
        "entry_revision": revision,
        "kind": kind,
        "level": level,
        "term": term,
        "copies": copies,
        "printer": printer[:300],
        "printed_by": session.account.login,
        "printed_at": _local(session.clock.now()),
        "reprint": reprint,
        "reason": reason or None,
        "code": code,
    }
    return registers.record_system_entry(PRINTS, values, level, term)


def _check_copies(copies: int) -> None:
    if not 1 <= copies <= 999:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The number of copies must be between 1 and 999.")
        )


def print_entry(
    registers: Registers,
    register: str,
    number: str,
    *,
    copies: int = 1,
    printer: str,
    reason: str = "",
    lang: str = "zh_CN",
) -> Printout:
    """Render one entry as its form, recorded in the print register and the audit trail."""
    spec = registers.require(register, Action.PRINT)
    _check_copies(copies)
    entry = registers.get(register, number, record_view=False)
    return print_form_document(
        registers,
        form_document(spec, entry, lang),
        obj=entry.object_name,
        revision=entry.revision,
        number=entry.number,
        level=entry.level,
        term=entry.term,
        copies=copies,
        printer=printer,
        reason=reason,
    )


@dataclass(frozen=True, slots=True)
class ListPrint:
    """A register's filtered list laid out for paper, with the mark of its highest row."""

    document: ListDocument
    level: Level
    term: Term | None
    filters: str
    rows: int

    @property
    def marking(self) -> str:
        return marking(self.level, self.term)


def list_for_print(
    registers: Registers,
    register: str,
    query: Query,
    columns: Sequence[str] | None = None,
    lang: str = "zh_CN",
) -> ListPrint:
    """Every entry the query matches (not one page), as a list document marked with the
    highest level and longest term among them; the print and its preview both use it."""
    spec = registers.require(register, Action.PRINT)
    entries = registers.page(
        register,
        Query(
            where=query.where,
            search=query.search,
            sort=query.sort,
            include_voided=query.include_voided,
            limit=None,
        ),
    )
    level, term = highest([(e.level, e.term) for e in entries])
    filters = list_filters(query)
    cols = list(columns) if columns else list(spec.listing.columns)
    doc = list_document(spec, entries, cols, subtitle=filters, lang=lang)
    return ListPrint(doc, level, term, filters, len(entries))


def print_list(
    registers: Registers,
    register: str,
    query: Query,
    *,
    copies: int = 1,
    printer: str,
    columns: list[str] | None = None,
    lang: str = "zh_CN",
) -> Printout:
    """Render the filtered list, marked with the highest level and longest term of its rows."""
    _check_copies(copies)
    listing = list_for_print(registers, register, query, columns, lang)
    doc, level, term, filters = listing.document, listing.level, listing.term, listing.filters
    mark = listing.marking
    code = new_code()
    session = registers.session
    with session.operation():
        record = _record(
            registers,
            document=doc.title,
            obj=f"{register}（{filters or '全部'}）",
            revision=None,
            kind="list",
            level=level,
            term=term,
            copies=copies,
            printer=printer,
            reprint=False,
            reason="",
            code=code,
        )
        frame = _frame(registers, mark, record, copies, code, False)
        problems = check_glyphs(doc, frame)
        if problems:
            raise MissingGlyphsError(problems)
        pdf = render_list(doc, frame)
        session.audit(
            "register.print",
            register,
            level=level,
            details={
                "count": listing.rows,
                "copies": copies,
                "printer": printer,
                "record": record,
                "code": code,
                "filters": filters or None,
            },
        )
    return Printout(pdf, record, code, False, mark)


def export_pdf(registers: Registers, printout_of: Printout, target: Path) -> Path:
    """Write a printout's PDF to a fixed local disk (the user asked for a file on purpose)."""
    session = registers.session
    target = check_destination(registers, target)
    with session.operation():
        session.audit(
            "print.export",
            str(target),
            details={
                "record": printout_of.record,
                "code": printout_of.code,
                "marking": printout_of.marking,
            },
        )
        write_atomic(target, printout_of.pdf)
    return target


# --- verification ---------------------------------------------------------------------------


class Match(Enum):
    CURRENT = "current"  # the paper shows the entry as it stands
    OLDER = "older"  # the paper shows an older revision
    LIST = "list"  # a printed list (no single revision to compare)
    NOTHING = "nothing"  # no print with this code (or not visible to this account)


@dataclass(frozen=True, slots=True)
class CodeCheck:
    match: Match
    code: str
    record: Entry | None = None
    printed_revision: int | None = None
    current_revision: int | None = None

    def message(self, lang: str) -> str:
        from secrecy_desk.core.i18n import translate  # noqa: PLC0415 - small helper

        rec = self.record
        texts = {
            Match.CURRENT: QT_TRANSLATE_NOOP(
                "Print",
                "Code {code}: printed {at} by {who} ({record}); it matches the current "
                "revision {rev} of {object}.",
            ),
            Match.OLDER: QT_TRANSLATE_NOOP(
                "Print",
                "Code {code}: printed {at} by {who} ({record}) from revision {rev} of "
                "{object}; the entry has since changed (now revision {now}).",
            ),
            Match.LIST: QT_TRANSLATE_NOOP(
                "Print", "Code {code}: a list printed {at} by {who} ({record}): {object}."
            ),
            Match.NOTHING: QT_TRANSLATE_NOOP(
                "Print", "Code {code} does not match any print this account may see."
            ),
        }
        text = translate("Print", texts[self.match], lang)
        values = rec.values if rec else {}
        return text.format(
            code=self.code,
            at=values.get("printed_at", ""),
            who=values.get("printed_by", ""),
            record=rec.number if rec else "",
            rev=self.printed_revision or "",
            now=self.current_revision or "",
            object=values.get("object", ""),
        )


def verify_code(registers: Registers, code: str) -> CodeCheck:
    """Say whether a code read off paper matches the current revision, an older one, or nothing.
    The lookup is recorded in the audit trail."""
    registers.require(PRINTS, Action.VIEW)
    wanted = normalize_code(code)
    spec = registers.spec(PRINTS)
    hits = registers.page(PRINTS, Query(where={"code": wanted}, limit=1))
    result = CodeCheck(Match.NOTHING, wanted)
    if hits:
        rec = hits[0]
        obj = str(rec.values.get("object") or "")
        printed = rec.values.get("entry_revision")
        if rec.values.get("kind") == "list" or not isinstance(printed, int):
            result = CodeCheck(Match.LIST, wanted, rec)
        else:
            register, _, number = obj.partition(":")
            clearance = int(registers.session.principal.clearance)
            if register == APPROVALS:  # an approval table (secrecy_desk.approvals)
                row = registers.store.one(
                    "SELECT revision FROM approval_requests WHERE number = ? AND level <= ?",
                    (number, clearance),
                )
            elif register == "commitments":  # a commitment letter: its printed text is frozen
                row = registers.store.one(
                    "SELECT 1 FROM commitments WHERE number = ? AND level <= ?", (number, clearance)
                )
            else:
                row = registers.store.one(
                    "SELECT revision FROM entries WHERE register = ? AND number = ? AND level <= ?",
                    (register, number, clearance),
                )
            if row is None:
                result = CodeCheck(Match.NOTHING, wanted)
            else:
                current = int(row[0])
                result = CodeCheck(
                    Match.CURRENT if current == printed else Match.OLDER,
                    wanted,
                    rec,
                    printed,
                    current,
                )
    del spec
    with registers.session.operation():
        registers.session.audit("print.verify", wanted, details={"result": result.match.value})
    return result


__all__ = [
    "PRINTS",
    "CodeCheck",
    "Match",
    "MissingGlyphsError",
    "Printout",
    "ReprintReasonRequired",
    "check_destination",
    "export_pdf",
    "form_document",
    "is_reprint",
    "list_document",
    "list_filters",
    "list_for_print",
    "print_entry",
    "print_form_document",
    "print_list",
    "verify_code",
]


def print_form_document(
    registers: Registers,
    doc: FormDocument,
    *,
    obj: str,
    revision: int,
    number: str,
    level: Level,
    term: Term | None,
    copies: int = 1,
    printer: str,
    reason: str = "",
    action: str = "entry.print",
) -> Printout:
    """Render a form made elsewhere (an approval table, say) for the object ``obj`` at
    ``revision``: marked at ``level``, recorded in the print register with a verification code
    and audited as ``action``, all in one operation; a reprint of a revision needs a reason."""
    _check_copies(copies)
    reprint = _previous_prints(registers, obj, revision) > 0
    if reprint and not reason.strip():
        raise ReprintReasonRequired(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Revision {revision} of {number} was printed before; a reprint (补打) needs a "
                "reason.",
            ),
            revision=revision,
            number=number,
        )
    code = new_code()
    mark = marking(level, term)
    problems = check_glyphs(doc, _frame(registers, mark, number, copies, code, reprint))
    if problems:
        raise MissingGlyphsError(problems)
    session = registers.session
    with session.operation():
        record = _record(
            registers,
            document=doc.title,
            obj=obj,
            revision=revision,
            kind="form",
            level=level,
            term=term,
            copies=copies,
            printer=printer,
            reprint=reprint,
            reason=reason.strip(),
            code=code,
        )
        pdf = render_form(doc, _frame(registers, mark, number, copies, code, reprint))
        session.audit(
            action,
            obj,
            level=level,
            details={
                "revision": revision,
                "copies": copies,
                "printer": printer,
                "record": record,
                "code": code,
                "reprint": reprint,
                "reason": reason.strip() or None,
            },
        )
    return Printout(pdf, record, code, reprint, mark)

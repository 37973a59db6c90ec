"""The one print operation (打印): documents in, one PDF out, each document recorded in the print
register (打印登记, S4 §15; S6 §28) with a verification code, audited — and delivered (to a
printer, to a file) inside the same transaction, so that a print is recorded exactly when it
happened: a refused, failed or cancelled delivery records nothing.

A module describes what to print as a :class:`PrintJob`: its documents (forms, or one list),
the audit action, and an optional hook that updates the module's own records in the same
transaction (a commitment becomes "printed"). The kernel then makes:

* a **draft** (:func:`draft`) — the same layout, mark, number and 补打 stamp, watermarked as a
  preview, no code, nothing recorded: what the print dialog shows first;
* the **print** (:func:`print_job`) — the reprint rule (a revision printed before needs a
  reason and is stamped 补打), one print-register entry per document, the PDF with codes, the
  module's hook, the audit record, then ``deliver(printout)``.

The PDF never touches the disk unless the user exports it on purpose: :func:`to_file` is the
delivery that writes it, fixed disks only, audited as ``print.export``.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

from secrecy_desk.core import media
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term, highest, marking
from secrecy_desk.forms import FieldType, Forms, FormSpec, Value
from secrecy_desk.printing import (
    FormDocument,
    ListDocument,
    MissingGlyphsError,
    PageFrame,
    check_glyphs,
    render_forms,
    render_list,
)
from secrecy_desk.records.model import PRINTS
from secrecy_desk.records.store import insert_entry
from secrecy_desk.vault.keyfile import write_atomic
from secrecy_desk.vault.session import Session

MAX_COPIES: Final = 999


class ReprintReasonRequired(ValidationError):
    """This revision was printed before: a reprint (补打) needs a reason."""


def new_code() -> str:
    """A short verification code, e.g. ``K7QD-3M9X`` (40 random bits, base32, no padding)."""
    raw = base64.b32encode(secrets.token_bytes(5)).decode("ascii")
    return f"{raw[:4]}-{raw[4:8]}"


def local_time(when: datetime) -> str:
    """A time as printed on paper and in the print register: the workstation's local time."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


# --- what a field shows on paper -------------------------------------------------------------


def person_name(session: Session, login: str) -> str:
    """A person on paper, by name: the account's display name, never its login (the text as
    given when no account has that login, e.g. a name typed for a paper signature)."""
    if not login.strip():
        return ""
    account = session.vault.account(login)
    if account is None or not account.display_name.strip():
        return login
    return account.display_name


def field_text(
    session: Session,
    spec: FormSpec,
    name: str,
    value: Value,
    term: Term | None,
    lang: str = "zh_CN",
) -> str:
    """A field's effective value as paper shows it: the default secrecy term of the level when
    none was set ("20年（按密级默认）"), an account as its holder's name, else the display."""
    field_spec = spec.field(name)
    if name == spec.term_field and value is None:
        if term is None:  # not a state secret: no secrecy term, said so rather than blank
            return "不设保密期限" if lang != "en" else "no secrecy term"
        default = "（按密级默认）" if lang != "en" else " (default for the level)"
        return field_spec.display(term, lang) + default
    if field_spec.type is FieldType.ACCOUNT and isinstance(value, str):
        return person_name(session, value)
    return field_spec.display(value, lang)


# --- what to print ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """One document of a print job.

    ``obj`` names what is printed the way the audit trail names it (``kind:number`` for a
    record at ``revision``; a description for a list, whose ``revision`` is ``None``).
    ``number`` is the document number on every page — for a list, empty: the list takes its
    print register number."""

    layout: FormDocument | ListDocument
    obj: str
    revision: int | None
    number: str
    level: Level
    term: Term | None
    rows: int | None = None  # a list's entry count

    @property
    def title(self) -> str:
        return self.layout.title

    @property
    def marking(self) -> str:
        return marking(self.level, self.term)

    @property
    def is_list(self) -> bool:
        return isinstance(self.layout, ListDocument)


@dataclass(frozen=True, slots=True)
class Printed:
    """A document as it was recorded: its print register number and verification code."""

    document: PrintDocument
    record: str
    code: str
    reprint: bool


@dataclass(frozen=True)
class PrintJob:
    """What a module asks the kernel to print.

    ``action``/``audit_object``/``details`` make the audit record (the kernel adds copies,
    printer, records, codes, reprint and reason). ``recorded`` runs inside the print's
    transaction after the print register entries are written: the module updates its own
    records there. ``max_copies`` is the module's limit (commitments: 9)."""

    documents: tuple[PrintDocument, ...]
    action: str
    audit_object: str
    details: Mapping[str, object] = field(default_factory=dict)
    recorded: Callable[[Sequence[Printed]], None] | None = None
    max_copies: int = MAX_COPIES
    copies: int = 1  # what the print dialog suggests
    #: Runs when a draft is shown: the module records that its record was viewed on screen.
    previewed: Callable[[], None] | None = None

    @property
    def level(self) -> Level:
        return max(d.level for d in self.documents)

    @property
    def term(self) -> Term | None:
        return highest([(d.level, d.term) for d in self.documents])[1]

    @property
    def marking(self) -> str:
        return marking(*highest([(d.level, d.term) for d in self.documents]))

    @property
    def title(self) -> str:
        return self.documents[0].title

    @property
    def number(self) -> str:
        """The document number the dialog shows: the only document's, or none for many."""
        return self.documents[0].number if len(self.documents) == 1 else ""


@dataclass(frozen=True, slots=True)
class Draft:
    """A job's draft: what the preview shows. Never recorded, never printed."""

    pdf: bytes
    title: str
    number: str
    marking: str
    level: Level
    reprint: bool  # some document was printed before: printing is a reprint and needs a reason
    documents: int
    rows: int | None = None
    copies: int = 1  # suggested
    max_copies: int = MAX_COPIES


@dataclass(frozen=True, slots=True)
class Printout:
    """A print as it was made: the PDF (every copy, each page numbered) and its records."""

    pdf: bytes
    printed: tuple[Printed, ...]
    marking: str

    @property
    def record(self) -> str:
        """The print register number (of the first document, when there are several)."""
        return self.printed[0].record

    @property
    def code(self) -> str:
        return self.printed[0].code

    @property
    def reprint(self) -> bool:
        return any(p.reprint for p in self.printed)

    @property
    def records(self) -> dict[str, str]:
        """Document number (or list title) → print register number."""
        return {p.document.number or p.document.title: p.record for p in self.printed}

    @property
    def codes(self) -> dict[str, str]:
        return {p.document.number or p.document.title: p.code for p in self.printed}


# --- the reprint rule and the print register --------------------------------------------------


def printed_before(session: Session, obj: str, revision: int | None) -> bool:
    """Was this revision of the object printed (or exported) before? Then it is a 补打. A list
    has no revision and is never a reprint."""
    if revision is None:
        return False
    return bool(
        session.vault.store.scalar(
            "SELECT count(*) FROM entries WHERE register = ? AND voided = 0 "
            "AND json_extract(data, '$.object') = ? "
            "AND json_extract(data, '$.entry_revision') = ?",
            (PRINTS, obj, revision),
        )
    )


def _record(
    session: Session,
    forms: Forms,
    doc: PrintDocument,
    *,
    copies: int,
    printer: str,
    reprint: bool,
    reason: str,
    code: str,
) -> str:
    values: Mapping[str, Value] = {
        "document": doc.title[:200],
        "object": doc.obj[:200],
        "entry_revision": doc.revision,
        "kind": "list" if doc.is_list else "form",
        "level": doc.level,
        "term": doc.term,
        "copies": copies,
        "printer": printer[:300],
        "printed_by": session.account.login,
        "printed_at": local_time(session.clock.now()),
        "reprint": reprint,
        "reason": reason or None,
        "code": code,
    }
    spec = forms.get(PRINTS)
    assert spec is not None  # the print register ships with the program
    return insert_entry(session, spec, values, doc.level, doc.term).number


# --- frames and rendering ---------------------------------------------------------------------

_DRAFT_WATERMARK: Final = QT_TRANSLATE_NOOP("PrintPreview", "PREVIEW — NOT FOR PRINTING")
_DRAFT_NOTE: Final = QT_TRANSLATE_NOOP(
    "PrintPreview",
    "Preview: the verification code, the print register number and the print time are added "
    "when the document is printed.",
)


def frame(
    session: Session, doc: PrintDocument, number: str, copies: int, code: str, reprint: bool
) -> PageFrame:
    """The frame of a recorded print: mark, unit, number, copies, watermark (account, time,
    workstation), code, the audit head's prefix."""
    now = local_time(session.clock.now())
    head = session.vault.log.head()
    return PageFrame(
        marking=doc.marking,
        unit=session.settings.unit,
        document_number=number,
        copies=copies,
        watermark=f"{session.account.login} · {now} · {session.vault.workstation}",
        verification_code=code,
        reprint=reprint,
        footer_note=f"审计 {head.seq}·{head.hash.hex()[:8]}",
        printed_at=now,
    )


def draft_frame(
    session: Session, doc: PrintDocument, reprint: bool, *, watermark: str, note: str
) -> PageFrame:
    return PageFrame(
        marking=doc.marking,
        unit=session.settings.unit,
        document_number=doc.number,
        copies=1,
        watermark=watermark,
        verification_code="",
        reprint=reprint,
        footer_note=note,
    )


def render(pages: Sequence[tuple[FormDocument | ListDocument, PageFrame]]) -> bytes:
    """One PDF of forms (each with its frame), or of one list. Refuses a document whose text
    the bundled font cannot print (nothing is recorded then)."""
    for layout, page_frame in pages:
        problems = check_glyphs(layout, page_frame)
        if problems:
            raise MissingGlyphsError(problems)
    lists = [(d, f) for d, f in pages if isinstance(d, ListDocument)]
    if lists:
        if len(pages) != 1:
            raise ValueError("a list prints alone")
        return render_list(*lists[0])
    forms = [(d, f) for d, f in pages if isinstance(d, FormDocument)]
    return render_forms(forms)


def draft(session: Session, job: PrintJob, lang: str) -> Draft:
    """The job laid out exactly as it will print, marked as a preview in the user's language,
    with no code and no print register number. Nothing is recorded."""
    if job.previewed is not None:
        job.previewed()
    watermark = translate("PrintPreview", _DRAFT_WATERMARK, lang)
    note = translate("PrintPreview", _DRAFT_NOTE, lang)
    reprints = [printed_before(session, d.obj, d.revision) for d in job.documents]
    pages = [
        (d.layout, draft_frame(session, d, again, watermark=watermark, note=note))
        for d, again in zip(job.documents, reprints, strict=True)
    ]
    only = job.documents[0]
    return Draft(
        pdf=render(pages),
        title=job.title,
        number=job.number,
        marking=job.marking,
        level=job.level,
        reprint=any(reprints),
        documents=len(job.documents),
        rows=only.rows if len(job.documents) == 1 else None,
        copies=job.copies,
        max_copies=job.max_copies,
    )


def check_copies(copies: int, limit: int = MAX_COPIES) -> None:
    if not 1 <= copies <= limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The number of copies must be between 1 and {limit}."),
            limit=limit,
        )


#: Where a recorded print goes; it runs inside the print's transaction, so raising (a printer
#: that refused, a full disk) records nothing.
Deliver = Callable[[Printout], None]


def print_job(
    session: Session,
    forms: Forms,
    job: PrintJob | Callable[[], PrintJob],
    *,
    copies: int = 1,
    printer: str,
    reason: str = "",
    deliver: Deliver | None = None,
) -> Printout:
    """Make the print: one operation that records every document in the print register,
    renders the PDF with their codes, runs the module's hook, writes the audit record and
    delivers. A document printed before makes the print a reprint, which needs ``reason``.

    ``job`` may be a function that makes the job: it is then called inside the transaction, so
    what is printed is what stands when it is recorded."""
    reason = reason.strip()
    with session.operation():
        if callable(job):
            job = job()
        check_copies(copies, job.max_copies)
        reprints = [printed_before(session, d.obj, d.revision) for d in job.documents]
        if any(reprints) and not reason:
            first = job.documents[reprints.index(True)]
            raise ReprintReasonRequired(
                QT_TRANSLATE_NOOP(
                    "Errors", "{number} was printed before; a reprint (补打) needs a reason."
                ),
                number=first.number,
            )
        printed: list[Printed] = []
        pages: list[tuple[FormDocument | ListDocument, PageFrame]] = []
        for doc, again in zip(job.documents, reprints, strict=True):
            code = new_code()
            record = _record(
                session,
                forms,
                doc,
                copies=copies,
                printer=printer,
                reprint=again,
                reason=reason if again else "",
                code=code,
            )
            printed.append(Printed(doc, record, code, again))
            number = doc.number or record
            pages.append((doc.layout, frame(session, doc, number, copies, code, again)))
        printout = Printout(render(pages), tuple(printed), job.marking)
        if job.recorded is not None:
            job.recorded(printout.printed)
        details: dict[str, object] = {**job.details, "copies": copies, "printer": printer}
        if len(printed) == 1:
            details.update(record=printout.record, code=printout.code)
        else:
            details.update(records=printout.records, codes=printout.codes)
        details.update(reprint=printout.reprint, reason=reason or None)
        session.audit(job.action, job.audit_object, level=job.level, details=details)
        if deliver is not None:
            deliver(printout)
    return printout


def check_destination(session: Session, target: Path, *, overwrite: bool = False) -> Path:
    """Refuse (and record the refusal of) a file that is not on a fixed local disk before
    anything is printed into it, and an existing file unless ``overwrite``; returns the path
    with its ``.pdf`` suffix."""
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    session.require_fixed_disk(target, "print.export", str(target))
    media.refuse_existing(target, overwrite=overwrite)
    return target


def to_file(session: Session, target: Path) -> Deliver:
    """The delivery that writes the PDF to ``target`` (checked with :func:`check_destination`
    first), audited as ``print.export`` in the print's own transaction."""

    def deliver(printout: Printout) -> None:
        session.audit(
            "print.export",
            str(target),
            details={
                "record": ", ".join(p.record for p in printout.printed)[:500],
                "code": printout.code,
                "marking": printout.marking,
            },
        )
        write_atomic(target, printout.pdf)

    return deliver

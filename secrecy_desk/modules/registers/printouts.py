"""Register entries on paper: an entry as its form, a filtered list as a list — as print jobs
for the kernel's one print operation (:mod:`secrecy_desk.records.printing`), which records each
print in the print register, audits it and delivers it.

The PDF never touches the disk unless the user exports it on purpose (fixed disks only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from secrecy_desk.core.levels import Level, Term, highest, marking
from secrecy_desk.core.money import Money
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.forms import FieldType, Forms, FormSpec, SignatureLine, Value
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.registers.engine import Registers
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
from secrecy_desk.records.model import NUMBER, STATUS, Entry, Query
from secrecy_desk.records.printing import (
    Deliver,
    PrintDocument,
    PrintJob,
    Printout,
    check_copies,
    field_text,
    print_job,
)
from secrecy_desk.vault.session import Session

_SIGN: Final = {
    SignatureLine.NAME: SignLine.NAME,
    SignatureLine.SIGNATURE: SignLine.SIGNATURE,
    SignatureLine.DATE: SignLine.DATE,
}
_NUMERIC: Final = frozenset({FieldType.INTEGER, FieldType.MONEY})
#: Room for a handwritten signature in a list's signature column (points: 30 mm).
SIGN_WIDTH: Final = 85.0


# --- layouts ----------------------------------------------------------------------------------

_OBJECT: Final = re.compile(r"^([a-z][a-z_]*)(:|（)")


def object_titles(forms: Forms, lang: str = "zh_CN") -> dict[str, str]:
    """Every printable object kind (``drawings``, ``commitments`` …) → its title, so paper
    names a printed object as a clerk does (the print register's 所印条目)."""
    from secrecy_desk.modules import registry  # noqa: PLC0415 - the registry imports us

    titles: dict[str, str] = {}
    for m in registry.MODULES:
        for kind in m.objects(forms):
            spec = forms.get(kind)
            titles[kind] = spec.title(lang) if spec is not None else m.title.text(lang)
    return titles


def _paper_text(text: str, titles: Mapping[str, str]) -> str:
    """``drawings:TZFS-2026-0145`` → ``图纸发放回收登记单 TZFS-2026-0145`` on paper."""
    match = _OBJECT.match(text)
    if match is None or match[1] not in titles:
        return text
    rest = text[match.end(1) :]
    return titles[match[1]] + (" " + rest[1:] if rest.startswith(":") else rest)


def form_document(
    session: Session,
    spec: FormSpec,
    entry: Entry,
    lang: str = "zh_CN",
    titles: Mapping[str, str] | None = None,
) -> FormDocument:
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
        if name in (NUMBER, STATUS):
            value = entry.display(spec, name, lang)
        else:
            value = field_text(session, spec, name, entry.values.get(name), entry.term, lang)
            value = _paper_text(value, titles or {})
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
    session: Session | None = None,
    titles: Mapping[str, str] | None = None,
) -> ListDocument:
    """The list as the register book prints it: the chosen columns, the total row of the
    definition's ``totals`` (voided rows left out) and its signature column."""
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
    sign = spec.listing.sign_label(lang)
    if sign:
        cols.append(Column(sign, 8.0, Align.LEFT, min_width=SIGN_WIDTH))

    def shown(entry: Entry, name: str) -> str:
        if session is None or name in (NUMBER, STATUS):
            return entry.display(spec, name, lang)
        text = field_text(session, spec, name, entry.values.get(name), entry.term, lang)
        return _paper_text(text, titles or {})

    rows = [
        ListRow(
            (*(shown(e, n) for n in columns), *([""] if sign else [])),
            voided=e.voided,
            flagged=bool(e.flags),
        )
        for e in entries
    ]
    totals: tuple[str, ...] | None = None
    summed = [n for n in spec.listing.totals if n in columns]
    if summed:
        counted = [e for e in entries if not e.voided]
        cells = ["" for _ in cols]
        cells[0] = f"合计（{len(counted)} 条）" if lang != "en" else f"Total ({len(counted)})"
        for name in summed:
            values = [e.values.get(name) for e in counted]
            total: Value
            if spec.field(name).type is FieldType.MONEY:
                total = Money(sum(v.fen for v in values if isinstance(v, Money)))
            else:
                total = sum(v for v in values if isinstance(v, int) and not isinstance(v, bool))
            cells[columns.index(name)] = spec.field(name).display(total, lang)
        totals = tuple(cells)
    title = spec.listing.title_zh if lang != "en" else spec.listing.title_en
    return ListDocument(
        title=title or spec.title(lang),
        columns=tuple(cols),
        rows=tuple(rows),
        subtitle=subtitle,
        summary=(f"共 {len(entries)} 条" if lang != "en" else f"{len(entries)} entries"),
        totals=totals,
    )


def list_filters(query: Query) -> str:
    """The filters as a printed list's subtitle states them."""
    filters = "；".join(f"{k}={v}" for k, v in query.where.items())
    if query.search:
        filters = (filters + "；" if filters else "") + f"检索“{query.search}”"
    return filters


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
    doc = list_document(
        spec,
        entries,
        cols,
        subtitle=filters,
        lang=lang,
        session=registers.session,
        titles=object_titles(registers.forms, lang),
    )
    return ListPrint(doc, level, term, filters, len(entries))


def entry_job(registers: Registers, register: str, number: str, lang: str = "zh_CN") -> PrintJob:
    """One entry as its form, for a draft or a print (permission ``print`` in the register).
    Showing its draft counts as viewing the entry (recorded when it is classified); the print
    itself is recorded as a print."""
    spec = registers.require(register, Action.PRINT)
    entry = registers.get(register, number, record_view=False)

    def previewed() -> None:
        registers.get(register, number)  # records the view of a classified entry

    doc = PrintDocument(
        form_document(registers.session, spec, entry, lang, object_titles(registers.forms, lang)),
        obj=entry.object_name,
        revision=entry.revision,
        number=entry.number,
        level=entry.level,
        term=entry.term,
    )
    return PrintJob(
        (doc,),
        "entry.print",
        entry.object_name,
        {"revision": entry.revision},
        previewed=previewed,
    )


def list_job(
    registers: Registers,
    register: str,
    query: Query,
    columns: Sequence[str] | None = None,
    lang: str = "zh_CN",
) -> PrintJob:
    """The filtered list (every matching row), marked with the highest level of its rows."""
    listing = list_for_print(registers, register, query, columns, lang)
    doc = PrintDocument(
        listing.document,
        obj=f"{register}（{listing.filters or '全部'}）",
        revision=None,
        number="",
        level=listing.level,
        term=listing.term,
        rows=listing.rows,
    )
    details = {"count": listing.rows, "filters": listing.filters or None}
    return PrintJob((doc,), "register.print", register, details)


def print_entry(
    registers: Registers,
    register: str,
    number: str,
    *,
    copies: int = 1,
    printer: str,
    reason: str = "",
    lang: str = "zh_CN",
    deliver: Deliver | None = None,
) -> Printout:
    """Print one entry as its form (a reprint of a revision needs ``reason``)."""
    check_copies(copies)
    return print_job(
        registers.session,
        registers.forms,
        lambda: entry_job(registers, register, number, lang),
        copies=copies,
        printer=printer,
        reason=reason,
        deliver=deliver,
    )


def print_list(
    registers: Registers,
    register: str,
    query: Query,
    *,
    copies: int = 1,
    printer: str,
    columns: Sequence[str] | None = None,
    lang: str = "zh_CN",
    deliver: Deliver | None = None,
) -> Printout:
    """Print the filtered list, marked with the highest level and longest term of its rows."""
    check_copies(copies)
    return print_job(
        registers.session,
        registers.forms,
        lambda: list_job(registers, register, query, columns, lang),
        copies=copies,
        printer=printer,
        deliver=deliver,
    )


# --- samples for the paper suite and ./desk paper (see modules.base.Paper) -------------------


def _sample_registers(samples: Samples) -> Registers:
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    return open_registers(samples.session(Role.OFFICER), samples.forms)


def sample_form(samples: Samples, register: str | None) -> PrintJob:
    """The register's fullest current entry as its form."""
    assert register is not None
    regs = _sample_registers(samples)
    entries = [e for e in regs.page(register, Query(limit=200)) if not e.voided]
    if not entries:
        raise LookupError(f"the demo has no entry in {register}")
    spec = regs.spec(register)
    fullest = max(
        entries, key=lambda e: sum(1 for n in spec.field_names if e.values.get(n) not in (None, ""))
    )
    return entry_job(regs, register, fullest.number)


def sample_list(samples: Samples, register: str | None) -> PrintJob:
    """The register's whole list."""
    assert register is not None
    return list_job(_sample_registers(samples), register, Query())

"""Commitment letters (保密承诺书): generate → print → record the paper signature → archived.

Templates are the ``kind = "commitment"`` definitions under ``forms/commitments/``. Their clause
text is versioned in ``clause_versions`` (version 1 is the text of the definition, written the
first time it is used; the officer's edits add versions, never change one). A commitment row in
``commitments`` keeps the id of the version it was printed with and a snapshot of everything on
the paper (clauses, person, matter), so a later edit of a clause or of the person never changes
a printed commitment. Printing many commitments is one action: one PDF, one operation, one print
register entry (with its own verification code) per commitment."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from secrecy_desk.core.errors import PermissionDenied, ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term, default_term, marking
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.core.validators import problem
from secrecy_desk.forms import FormKind, FormSpec, SignatureLine
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.commitments import ID as MODULE
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.registers import Entry, NeedsConfirmation, Query, Registers
from secrecy_desk.printing import FieldRow, FormDocument, SignatureBlock, SignLine
from secrecy_desk.records.printing import (
    Deliver,
    PrintDocument,
    Printed,
    PrintJob,
    Printout,
    check_copies,
    print_job,
)
from secrecy_desk.records.rules import Notice
from secrecy_desk.records.store import level_problem, next_number
from secrecy_desk.vault import audit_chain

#: The module id permissions name (``commitments:print`` …).
GENERATED, PRINTED, ARCHIVED = "generated", "printed", "archived"
ONBOARDING, IN_POST, DEPARTURE = "onboarding", "in_post", "departure"
FOREIGN, SPECIAL = "foreign_exchange", "special"
#: The first clauses of every template are the eight mandatory clauses of the 2015 notice.
MANDATORY_CLAUSES: Final = 8
CLAUSE_MAX: Final = 500
#: Printed person data, in order.
PERSON_FIELDS: Final = (
    "name",
    "gender",
    "id_number",
    "department",
    "post",
    "person_class",
    "access_level",
)
#: Two copies: one for the personnel office, one for the secrecy office (S1); at most nine.
DEFAULT_COPIES: Final = 2
MAX_COPIES: Final = 9
#: What the opening sentence says about the occasion, by template.
_OCCASION: Final = {
    ONBOARDING: "在走上涉密岗位之际",
    IN_POST: "在涉密岗位工作期间",
    DEPARTURE: "在离开涉密岗位之际",
    FOREIGN: "在参加对外科技交流活动之际",
    SPECIAL: "在承担专项涉密工作之际",
}
_CLOSING: Final = "本承诺书一式两份，经本人签字后分别由人事部门和保密办存档。"
_SIGN: Final = {
    SignatureLine.NAME: SignLine.NAME,
    SignatureLine.SIGNATURE: SignLine.SIGNATURE,
    SignatureLine.DATE: SignLine.DATE,
}


class _Label:
    """The module's name in a permission message."""

    def text(self, lang: str) -> str:
        return "Commitments" if lang == "en" else "保密承诺书"


@dataclass(frozen=True, slots=True)
class ClauseVersion:
    id: int  # 0: the definition's text, not yet written to the vault
    template: str
    version: int
    clauses: tuple[str, ...]
    at: str = ""
    account: str = ""


@dataclass(frozen=True, slots=True)
class Commitment:
    number: str
    template: str
    person: str
    status: str
    level: Level
    clause_version: int
    snapshot: Mapping[str, Any]
    generated_at: str
    generated_by: str
    printed_at: str | None
    print_record: str | None
    code: str | None
    signed_on: date | None
    witness: str | None
    personnel_copy: str | None
    secrecy_copy: str | None
    archived_at: str | None

    @property
    def name(self) -> str:
        return str(self.snapshot.get("person", {}).get("name", ""))

    @property
    def department(self) -> str:
        return str(self.snapshot.get("person", {}).get("department", ""))

    @property
    def clauses(self) -> tuple[str, ...]:
        return tuple(self.snapshot.get("clauses", ()))

    @property
    def version(self) -> int:
        return int(self.snapshot.get("version", 0))

    @property
    def marking(self) -> str:
        return marking(self.level, _term(self.level))


_COLUMNS: Final = (
    "number, template, person, status, level, clause_version, snapshot, generated_at, "
    "generated_by, printed_at, print_record, code, signed_on, witness, personnel_copy, "
    "secrecy_copy, archived_at"
)


def _term(level: Level) -> Term | None:
    return default_term(level) if level.classified else None


def _row(r: Sequence[Any]) -> Commitment:
    return Commitment(
        number=str(r[0]),
        template=str(r[1]),
        person=str(r[2]),
        status=str(r[3]),
        level=Level(int(r[4])),
        clause_version=int(r[5]),
        snapshot=json.loads(str(r[6])),
        generated_at=str(r[7]),
        generated_by=str(r[8]),
        printed_at=str(r[9]) if r[9] else None,
        print_record=str(r[10]) if r[10] else None,
        code=str(r[11]) if r[11] else None,
        signed_on=date.fromisoformat(str(r[12])) if r[12] else None,
        witness=str(r[13]) if r[13] else None,
        personnel_copy=str(r[14]) if r[14] else None,
        secrecy_copy=str(r[15]) if r[15] else None,
        archived_at=str(r[16]) if r[16] else None,
    )


def _text(value: str, limit: int) -> str:
    return " ".join(value.split())[:limit]


class Commitments:
    """Commitment operations for one logged-in session (permissions checked here)."""

    def __init__(self, registers: Registers) -> None:
        self.registers = registers
        self.session = registers.session
        self.store = registers.store

    # --- permissions and templates ---------------------------------------------------------

    def require(self, action: Action) -> None:
        self.session.require_active_password()
        self.session.principal.require(MODULE, action, _Label())

    def templates(self) -> tuple[FormSpec, ...]:
        return self.registers.forms.of_kind(FormKind.COMMITMENT)

    def template(self, template: str) -> FormSpec:
        spec = self.registers.forms.get(template.strip())
        if spec is None or spec.kind is not FormKind.COMMITMENT:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no commitment template {template}."),
                template=template,
            )
        return spec

    # --- clause versions ---------------------------------------------------------------------

    def clauses(self, template: str) -> ClauseVersion:
        """The current clause text of a template."""
        spec = self.template(template)
        row = self.store.one(
            "SELECT id, version, clauses, at, account FROM clause_versions WHERE template = ? "
            "ORDER BY version DESC LIMIT 1",
            (spec.id,),
        )
        if row is None:
            return ClauseVersion(0, spec.id, 1, tuple(c.zh for c in spec.layout.clauses))
        return ClauseVersion(
            int(row[0]),
            spec.id,
            int(row[1]),
            tuple(json.loads(str(row[2]))),
            str(row[3]),
            str(row[4]),
        )

    def clause_version(self, version_id: int) -> ClauseVersion:
        row = self.store.one(
            "SELECT id, template, version, clauses, at, account FROM clause_versions WHERE id = ?",
            (version_id,),
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no clause version {id}."), id=version_id
            )
        return ClauseVersion(
            int(row[0]),
            str(row[1]),
            int(row[2]),
            tuple(json.loads(str(row[3]))),
            str(row[4]),
            str(row[5]),
        )

    def _insert_version(self, template: str, version: int, clauses: Sequence[str]) -> int:
        return self.store.execute(
            "INSERT INTO clause_versions (template, version, clauses, at, account) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                template,
                version,
                json.dumps(list(clauses), ensure_ascii=False),
                audit_chain.iso(self.session.clock.now()),
                self.session.account.login,
            ),
        )

    def _current_version(self, template: str) -> ClauseVersion:
        """The current version, written to the vault first if it is still the definition's
        text (call inside an operation)."""
        current = self.clauses(template)
        if current.id:
            return current
        new_id = self._insert_version(current.template, 1, current.clauses)
        return self.clause_version(new_id)

    def edit_clauses(self, template: str, clauses: Sequence[str]) -> ClauseVersion:
        """The secrecy officer's new wording: a new version; printed commitments keep theirs.

        The first eight clauses (the mandatory ones) may be reworded but not removed."""
        self.require(Action.EDIT)
        self.session.principal.require_role(Role.OFFICER)
        texts = [_text(c, CLAUSE_MAX + 1) for c in clauses]
        texts = [c for c in texts if c]
        if len(texts) < MANDATORY_CLAUSES:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A commitment keeps the eight mandatory clauses; only {n} clauses were given.",
                ),
                n=len(texts),
            )
        for text in texts:
            if len(text) > CLAUSE_MAX:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "A clause may have at most {n} characters."),
                    n=CLAUSE_MAX,
                )
        with self.session.operation():
            current = self._current_version(template)
            if tuple(texts) == current.clauses:
                return current
            new_id = self._insert_version(current.template, current.version + 1, texts)
            self.session.audit(
                "commitment.clauses",
                current.template,
                details={"version": current.version + 1, "count": len(texts)},
            )
            return self.clause_version(new_id)

    # --- people ------------------------------------------------------------------------------

    def people(self, *, department: str | None = None) -> list[Entry]:
        """Everyone on the personnel register not yet released (or one department of them)."""
        where = {"department": department} if department else {}
        rows = self.registers.page(lifecycle.PERSONNEL, Query(where=where, limit=None))
        return [e for e in rows if e.status != lifecycle.RELEASED]

    def _person(self, number: str) -> Entry:
        return self.registers.get(lifecycle.PERSONNEL, number.strip().upper(), record_view=False)

    def _person_data(self, person: Entry) -> dict[str, str]:
        spec = self.registers.spec(lifecycle.PERSONNEL)
        return {name: person.display(spec, name, "zh_CN") for name in PERSON_FIELDS}

    # --- reading -----------------------------------------------------------------------------

    def get(self, number: str) -> Commitment:
        self.require(Action.VIEW)
        row = self.store.one(
            f"SELECT {_COLUMNS} FROM commitments WHERE number = ? AND level <= ?",
            (number.strip().upper(), int(self.session.principal.clearance)),
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no commitment {number}."), number=number
            )
        return _row(row)

    def find(
        self,
        *,
        status: str | None = None,
        template: str | None = None,
        person: str | None = None,
    ) -> list[Commitment]:
        """Commitments this account may see, newest first."""
        self.require(Action.VIEW)
        sql = f"SELECT {_COLUMNS} FROM commitments WHERE level <= ?"
        params: list[object] = [int(self.session.principal.clearance)]
        for column, value in (("status", status), ("template", template), ("person", person)):
            if value:
                sql += f" AND {column} = ?"
                params.append(value)
        sql += " ORDER BY id DESC"
        return [_row(r) for r in self.store.all(sql, params)]

    # --- generate ----------------------------------------------------------------------------

    def _next_number(self, spec: FormSpec) -> str:
        return next_number(self.store, spec, self.session.clock.today())[0]

    def _snapshot(
        self, spec: FormSpec, version: ClauseVersion, person: Entry, matter: str
    ) -> dict[str, Any]:
        snapshot: dict[str, Any] = {
            "title": spec.layout.title_zh,
            "version": version.version,
            "clauses": list(version.clauses),
            "person": self._person_data(person),
            "matter": matter,
        }
        if spec.id == DEPARTURE:
            snapshot["disengagement"] = self._disengagement(person)
        return snapshot

    def _disengagement(self, person: Entry) -> dict[str, Any]:
        """The disengagement period a departure letter states: its length for the person's
        class, and its start and end once the person has left the post (else it starts on
        the day the letter is signed)."""
        person_class = str(person.values.get("person_class") or "")
        months = lifecycle.disengage_months(self.session.settings, person_class)
        left = person.values.get("left_on")
        start = str(left) if left else ""
        end = str(person.values.get("disengage_ends") or "")
        planned = not start
        if planned:  # it starts when this letter is signed: say when it ends if signed today
            start = self.session.clock.today().isoformat()
        if planned or not end:
            left_on = date.fromisoformat(start)
            ends = lifecycle.disengagement_end(self.session.settings, person_class, left_on)
            end = ends.isoformat()
        return {"months": months, "start": start, "end": end, "planned": planned}

    def _matter(self, spec: FormSpec, matter: str) -> str:
        """The matter a commitment concerns, as it will print (required for some templates)."""
        about = _text(matter, 201)
        if len(about) > 200:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The matter may have at most {n} characters."), n=200
            )
        if spec.field("matter").required and not about:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Name the matter this commitment concerns.")
            )
        return about

    def generate(
        self,
        template: str,
        people: Sequence[str],
        *,
        level: Level = Level.INTERNAL,
        matter: str = "",
        confirm: bool = True,
    ) -> list[Commitment]:
        """One commitment of ``template`` for each person; refused as a whole if any person is
        unknown, released, or already has one of this template waiting for a signature. A
        person who has a letter of another kind waiting, or whose status the letter
        contradicts (上岗 for someone in post, 在岗 or 离岗 for someone not in post), is named
        in a warning the user confirms first: the front ends pass ``confirm=False`` and get a
        :class:`NeedsConfirmation` naming them."""
        self.require(Action.CREATE)
        spec = self.template(template)
        refused = level_problem(self.session, level)
        if refused is not None:
            raise PermissionDenied(refused.text, **dict(refused.params))
        about = self._matter(spec, matter)
        numbers = list(dict.fromkeys(p.strip().upper() for p in people if p.strip()))
        if not numbers:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one person."))
        now = audit_chain.iso(self.session.clock.now())
        who = self.session.account.login
        made: list[str] = []
        with self.session.operation():
            pending = {
                str(r[0])
                for r in self.store.all(
                    "SELECT person FROM commitments WHERE template = ? AND status != ?",
                    (spec.id, ARCHIVED),
                )
            }
            version = self._current_version(spec.id)
            if not confirm:
                notices = self._warnings(spec, [self._person(n) for n in numbers])
                if notices:
                    raise NeedsConfirmation(notices)
            for number in numbers:
                person = self._person(number)
                if person.voided or person.status == lifecycle.RELEASED:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("Errors", "{number} is not a current person."),
                        number=person.number,
                    )
                if person.number in pending:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "{number} already has a {template} waiting for a signature.",
                        ),
                        number=person.number,
                        template=spec.title_zh,
                    )
                snapshot = self._snapshot(spec, version, person, about)
                made.append(self._next_number(spec))
                self.store.execute(
                    "INSERT INTO commitments (number, template, person, status, level, "
                    "clause_version, snapshot, generated_at, generated_by, updated_at, "
                    "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        made[-1],
                        spec.id,
                        person.number,
                        GENERATED,
                        int(level),
                        version.id,
                        json.dumps(snapshot, ensure_ascii=False),
                        now,
                        who,
                        now,
                        who,
                    ),
                )
            self.session.audit(
                "commitment.generate",
                spec.id,
                level=level,
                details={"count": len(made), "numbers": made, "version": version.version},
            )
            rows = self.store.all(
                f"SELECT {_COLUMNS} FROM commitments WHERE number IN "
                f"(SELECT value FROM json_each(?)) ORDER BY id",
                (json.dumps(made),),
            )
        return [_row(r) for r in rows]

    def _warnings(self, spec: FormSpec, people: Sequence[Entry]) -> list[Notice]:
        """What the user should know before generating ``spec`` for ``people``: a letter of
        another kind still waiting for a signature, a letter their status contradicts."""
        titles = {t.id: t.title_zh for t in self.templates()}
        waiting: dict[str, list[tuple[str, str]]] = {}
        for number, template, person in self.store.all(
            "SELECT number, template, person FROM commitments WHERE status != ? AND template != ?",
            (ARCHIVED, spec.id),
        ):
            waiting.setdefault(str(person), []).append((str(number), str(template)))
        statuses = {s.code: s.zh for s in self.registers.spec(lifecycle.PERSONNEL).statuses}
        out: list[Notice] = []
        for person in people:
            name = str(person.values.get("name") or "")
            who = f"{person.number} {name}".strip()
            for number, template in waiting.get(person.number, []):
                out.append(
                    Notice(
                        problem(
                            "commitment_waiting",
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "{person} already has {letter} {number} waiting for a signature.",
                            ),
                            person=who,
                            letter=titles.get(template, template),
                            number=number,
                        )
                    )
                )
            contradicts = (
                (spec.id == ONBOARDING and person.status != lifecycle.REVIEW)
                or (spec.id == IN_POST and person.status != lifecycle.IN_POST)
                or (spec.id == DEPARTURE and person.status != lifecycle.IN_POST)
            )
            if contradicts:
                out.append(
                    Notice(
                        problem(
                            "commitment_contradicts",
                            QT_TRANSLATE_NOOP(
                                "Errors", "{person} is {status}; a {letter} does not fit that."
                            ),
                            person=who,
                            status=statuses.get(person.status, person.status),
                            letter=spec.title_zh,
                        )
                    )
                )
        return out

    # --- print -------------------------------------------------------------------------------

    def document(self, commitment: Commitment) -> FormDocument:
        """The letter as it is printed, entirely from the commitment's snapshot."""
        snap = commitment.snapshot
        person: Mapping[str, str] = snap.get("person", {})
        spec = self.template(commitment.template)
        personnel = self.registers.spec(lifecycle.PERSONNEL)
        rows = [
            FieldRow(personnel.field(name).label_zh, str(person.get(name, "")))
            for name in PERSON_FIELDS
            if name != "person_class"  # said in the opening sentence
        ]
        matter = str(snap.get("matter") or "")
        if matter:
            rows.append(FieldRow(spec.field("matter").label_zh, matter, span=2))
        period = snap.get("disengagement")
        if isinstance(period, Mapping):
            months = int(period.get("months") or 0)
            start, end = str(period.get("start") or ""), str(period.get("end") or "")
            if period.get("planned"):
                text = f"自本承诺书签署之日起共{months}个月（于 {start} 签署则至 {end} 届满）"
            else:
                text = f"{start} 至 {end}，共{months}个月"
            rows.append(FieldRow("脱密期", text, span=2))
        unit = self.session.settings.unit
        opening = (
            f"本人{person.get('name', '')}，系{unit}{person.get('department', '')}"
            f"{person.get('post', '')}岗位{person.get('person_class', '')}涉密人员，"
            f"已知悉保密法律法规和本单位保密规章制度规定的保密义务和法律责任。"
            f"{_OCCASION.get(commitment.template, '')}，郑重承诺："
        )
        return FormDocument(
            title=str(snap.get("title") or spec.layout.title_zh),
            fields=tuple(rows),
            paragraphs=(opening,),
            clauses=tuple(str(c) for c in snap.get("clauses", ())),
            closing=(_CLOSING,),
            signatures=(
                *(
                    SignatureBlock(b.role_zh, tuple(_SIGN[line] for line in b.lines))
                    for b in spec.layout.signatures
                ),
                # The signing is witnessed (S1): the witness's name once it is recorded.
                SignatureBlock(
                    "见证人",
                    (SignLine.SIGNATURE, SignLine.DATE),
                    name=commitment.witness or "",
                ),
            ),
        )

    def print_job(self, numbers: Sequence[str]) -> PrintJob:
        """Many commitments as one print job: one PDF, one print register entry (with its
        code) per commitment. A commitment printed for the first time takes the current clause
        text and person data, frozen into its snapshot when the print is recorded; a reprint
        (补打, with a reason) prints exactly what was printed before."""
        self.require(Action.PRINT)
        wanted = list(dict.fromkeys(n.strip().upper() for n in numbers if n.strip()))
        if not wanted:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one commitment."))
        now = audit_chain.iso(self.session.clock.now())
        first_prints: dict[str, Commitment] = {}
        documents: list[PrintDocument] = []
        for number in wanted:
            item = self.get(number)
            if item.status == GENERATED:
                spec = self.template(item.template)
                version = self._current_version(spec.id)
                snapshot = self._snapshot(
                    spec, version, self._person(item.person), str(item.snapshot.get("matter"))
                )
                item = replace(
                    item,
                    status=PRINTED,
                    clause_version=version.id,
                    snapshot=snapshot,
                    printed_at=now,
                )
                first_prints[item.number] = item
            documents.append(
                PrintDocument(
                    self.document(item),
                    obj=f"{MODULE}:{item.number}",
                    revision=1,  # the printed text never changes after the first print
                    number=item.number,
                    level=item.level,
                    term=_term(item.level),
                )
            )

        def recorded(printed: Sequence[Printed]) -> None:
            who = self.session.account.login
            for p in printed:
                first = first_prints.get(p.document.number)
                if first is None:  # a reprint: only who touched it last changes
                    self.store.execute(
                        "UPDATE commitments SET updated_at = ?, updated_by = ? WHERE number = ?",
                        (now, who, p.document.number),
                    )
                    continue
                self.store.execute(
                    "UPDATE commitments SET status = ?, clause_version = ?, snapshot = ?, "
                    "printed_at = ?, print_record = ?, code = ?, updated_at = ?, "
                    "updated_by = ? WHERE number = ? AND status = ?",
                    (
                        PRINTED,
                        first.clause_version,
                        json.dumps(dict(first.snapshot), ensure_ascii=False),
                        now,
                        p.record,
                        p.code,
                        now,
                        who,
                        first.number,
                        GENERATED,
                    ),
                )

        return PrintJob(
            tuple(documents),
            "commitment.print",
            MODULE,
            {"count": len(documents)},
            recorded=recorded,
            max_copies=MAX_COPIES,
            copies=DEFAULT_COPIES,
        )

    def print_batch(
        self,
        numbers: Sequence[str],
        *,
        printer: str,
        copies: int = DEFAULT_COPIES,
        reason: str = "",
        deliver: Deliver | None = None,
    ) -> Printout:
        """Print many commitments as one PDF in one operation (see :meth:`print_job`)."""
        self.require(Action.PRINT)
        check_copies(copies, MAX_COPIES)
        return print_job(
            self.session,
            self.registers.forms,
            lambda: self.print_job(numbers),
            copies=copies,
            printer=printer,
            reason=reason,
            deliver=deliver,
        )

    # --- signature ---------------------------------------------------------------------------

    def _departure_signable(self, item: Commitment) -> None:
        """A departure letter starts the disengagement period of someone in post; for someone
        never in post (still under review) that cannot be, and the user is told what to do."""
        person = self._person(item.person)
        if person.status == lifecycle.REVIEW:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{person} is not in post yet (under review), so leaving the post cannot "
                    "start. Record first that {person} took up the post (Personnel status), "
                    "then record the signature of {number}.",
                ),
                person=f"{person.number} {person.values.get('name') or ''}".strip(),
                number=item.number,
            )

    def record_signature(
        self,
        number: str,
        *,
        signed_on: date,
        witness: str,
        personnel_copy: str,
        secrecy_copy: str,
    ) -> Commitment:
        """The paper came back signed: when, before whom, and where each archive copy is kept.
        The commitment is then archived; a departure commitment starts the disengagement
        period of a person still in post."""
        self.require(Action.EDIT)
        values = {
            "witness": _text(witness, 50),
            "personnel_copy": _text(personnel_copy, 100),
            "secrecy_copy": _text(secrecy_copy, 100),
        }
        if not all(values.values()):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Give the witness and where the personnel office and the secrecy office keep "
                    "their copies.",
                )
            )
        session = self.session
        now = audit_chain.iso(session.clock.now())
        with session.operation():
            item = self.get(number)
            if item.template == DEPARTURE:
                self._departure_signable(item)
            if item.status != PRINTED:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Only a printed, unsigned commitment can be signed ({number})."
                    ),
                    number=item.number,
                )
            printed = date.fromisoformat(str(item.printed_at)[:10])
            if signed_on > session.clock.today() or signed_on < printed:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The signing date must be between the printing date {printed} and today.",
                    ),
                    printed=printed.isoformat(),
                )
            self.store.execute(
                "UPDATE commitments SET status = ?, signed_on = ?, witness = ?, "
                "personnel_copy = ?, secrecy_copy = ?, archived_at = ?, updated_at = ?, "
                "updated_by = ? WHERE number = ?",
                (
                    ARCHIVED,
                    signed_on.isoformat(),
                    values["witness"],
                    values["personnel_copy"],
                    values["secrecy_copy"],
                    now,
                    now,
                    session.account.login,
                    item.number,
                ),
            )
            session.audit(
                "commitment.sign",
                f"{MODULE}:{item.number}",
                level=item.level,
                details={"signed_on": signed_on.isoformat(), **values},
            )
            if item.template == DEPARTURE:
                person = self._person(item.person)
                if person.status == lifecycle.IN_POST:
                    lifecycle.transition(
                        self.registers,
                        person.number,
                        lifecycle.DISENGAGING,
                        on_date=signed_on,
                        reason=f"签署离岗保密承诺书 {item.number}",
                    )
            return self.get(item.number)


def sample_letter(samples: Samples, template: str | None) -> PrintJob:
    """A demo commitment of ``template`` as its letter, a signed one (with its witness) when
    there is one (see modules.base.Paper)."""
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    assert template is not None
    regs = open_registers(samples.session(Role.OFFICER), samples.forms)
    commitments = Commitments(regs)
    found = commitments.find(template=template)
    if not found:
        raise LookupError(f"the demo has no {template} commitment")
    signed = [c for c in found if c.status == ARCHIVED]
    return commitments.print_job([(signed or found)[0].number])

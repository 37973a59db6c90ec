"""The approval workflow engine.

A request is one filled-in approval form. Its content lives in ``approval_requests`` (the current
revision) and ``approval_revisions`` (every revision, never changed); everything that happens to
it — created, edited, submitted, decided, recorded from paper, withdrawn — is an
``approval_events`` row. Every change is one transaction with its audit record.

States: draft → submitted (waiting for step 1) → in review (step n > 1) → approved, rejected or
withdrawn; "returned for changes" goes back to the applicant, who edits and submits again (a new
round starting at step 1). An electronic decision needs the decider's password again and stores
the SHA-256 of the exact content decided; editing the content voids every decision of the round
still standing, and the request goes back to step 1.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any, Final

from secrecy_desk.core.errors import (
    AuthError,
    ConflictError,
    PermissionDenied,
    UsageError,
    ValidationError,
)
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term, marking
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.forms import (
    DeciderKind,
    EntryInvalid,
    FormKind,
    Forms,
    FormSpec,
    StepSpec,
    Value,
    entry_marking,
    validate_entry,
)
from secrecy_desk.modules.approvals import ID as MODULE_ID
from secrecy_desk.records.people import People
from secrecy_desk.records.store import (
    canonical_json,
    changed_meanwhile,
    content_hash,
    guarded_update,
    level_problem,
    next_number,
    stored_values,
)
from secrecy_desk.vault import audit_chain
from secrecy_desk.vault.db import Row, Store
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import Account

_CONTEXT: Final = "Approvals"
_COLUMNS: Final = (
    "id, form, number, revision, state, step, round, step_since, level, term, data, applicant, "
    "department, created_at, updated_at, updated_by"
)
_EVENT_COLUMNS: Final = (
    "id, kind, round, step, revision, decision, comment, decider, decided_on, paper, "
    "content_hash, at, account, voided_at, voided_by_revision"
)


class State(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def open(self) -> bool:
        """Waiting for a decision."""
        return self in (State.SUBMITTED, State.IN_REVIEW)

    @property
    def final(self) -> bool:
        return self in (State.APPROVED, State.REJECTED, State.WITHDRAWN)

    def label(self, lang: str) -> str:
        return translate(_CONTEXT, _STATE_LABELS[self], lang)


_STATE_LABELS: Final = {
    State.DRAFT: QT_TRANSLATE_NOOP("Approvals", "Draft"),
    State.SUBMITTED: QT_TRANSLATE_NOOP("Approvals", "Submitted"),
    State.IN_REVIEW: QT_TRANSLATE_NOOP("Approvals", "In review"),
    State.RETURNED: QT_TRANSLATE_NOOP("Approvals", "Returned for changes"),
    State.APPROVED: QT_TRANSLATE_NOOP("Approvals", "Approved"),
    State.REJECTED: QT_TRANSLATE_NOOP("Approvals", "Rejected"),
    State.WITHDRAWN: QT_TRANSLATE_NOOP("Approvals", "Withdrawn"),
}


class Decision(Enum):
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"

    def label(self, lang: str) -> str:
        return translate(_CONTEXT, _DECISION_LABELS[self], lang)

    @staticmethod
    def parse(text: str) -> Decision:
        key = text.strip().lower()
        for decision in Decision:
            if key in {decision.value, decision.label("zh_CN"), decision.label("en").lower()}:
                return decision
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Errors", 'Unknown decision "{text}"; use approve, reject or return.'
            ),
            text=text,
        )


_DECISION_LABELS: Final = {
    Decision.APPROVE: QT_TRANSLATE_NOOP("Approvals", "Approve"),
    Decision.REJECT: QT_TRANSLATE_NOOP("Approvals", "Reject"),
    Decision.RETURN: QT_TRANSLATE_NOOP("Approvals", "Return for changes"),
}

_EVENT_LABELS: Final = {
    "create": QT_TRANSLATE_NOOP("Approvals", "Created"),
    "edit": QT_TRANSLATE_NOOP("Approvals", "Content changed"),
    "submit": QT_TRANSLATE_NOOP("Approvals", "Submitted"),
    "decide": QT_TRANSLATE_NOOP("Approvals", "Decided electronically"),
    "paper": QT_TRANSLATE_NOOP("Approvals", "Recorded from paper"),
    "withdraw": QT_TRANSLATE_NOOP("Approvals", "Withdrawn"),
}


@dataclass(frozen=True, slots=True)
class Event:
    """One thing that happened to a request; decisions are the ``decide``/``paper`` kinds."""

    id: int
    kind: str
    round: int
    step: int
    revision: int
    decision: Decision | None
    comment: str
    decider: str
    decided_on: str | None
    paper: bool
    content_hash: str | None
    at: str
    account: str
    voided_at: str | None
    voided_by_revision: int | None

    @property
    def is_decision(self) -> bool:
        return self.kind in ("decide", "paper")

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def label(self, lang: str) -> str:
        return translate(_CONTEXT, _EVENT_LABELS.get(self.kind, self.kind), lang)


@dataclass(frozen=True, slots=True)
class Request:
    """A request as it stands at ``revision``; ``decisions`` are the standing decisions of the
    current round, in step order."""

    id: int
    form: str
    number: str
    revision: int
    state: State
    step: int
    round: int
    step_since: date | None
    level: Level
    term: Term | None
    values: Mapping[str, Value]
    stored: Mapping[str, object]
    applicant: str
    department: str
    created_at: str
    updated_at: str
    updated_by: str
    decisions: tuple[Event, ...] = ()
    overdue_days: int = 0

    @property
    def object_name(self) -> str:
        return f"{MODULE_ID}:{self.number}"

    @property
    def marking(self) -> str:
        return marking(self.level, self.term)

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    def current_step(self, spec: FormSpec) -> StepSpec | None:
        if not self.state.open:
            return None
        return spec.steps[self.step - 1]

    def state_text(self, spec: FormSpec, lang: str, *, short: bool = False) -> str:
        """``审批中（第2步：总经理审批意见）`` and the like; ``short``: ``审批中（第2步）``, for a
        list column (the step's title is on the form beside it)."""
        text = self.state.label(lang)
        step = self.current_step(spec)
        if step is not None and short:
            template = translate(_CONTEXT, QT_TRANSLATE_NOOP("Approvals", "step {n}"), lang)
            detail = template.format(n=self.step)
            text += f"（{detail}）" if lang != "en" else f" ({detail})"
        elif step is not None:
            template = translate(_CONTEXT, QT_TRANSLATE_NOOP("Approvals", "step {n}: {step}"), lang)
            detail = template.format(n=self.step, step=step.title(lang))
            text += f"（{detail}）" if lang != "en" else f" ({detail})"
        return text


def working_days_after(start: date, today: date) -> int:
    """Working days (Monday to Friday) after ``start`` up to and including ``today``."""
    if today <= start:
        return 0
    days = 0
    day = start + timedelta(days=1)
    while day <= today:
        if day.weekday() < 5:
            days += 1
        day += timedelta(days=1)
    return days


class Approvals:
    """Approval operations for one logged-in session."""

    def __init__(self, session: Session, forms: Forms) -> None:
        self.session = session
        self.forms = forms
        self.store: Store = session.vault.store

    # --- specs and permissions ----------------------------------------------------------

    @property
    def types(self) -> tuple[FormSpec, ...]:
        return self.forms.of_kind(FormKind.APPROVAL)

    def spec(self, form: str) -> FormSpec:
        spec = self.forms.get(form)
        if spec is None or spec.kind is not FormKind.APPROVAL:
            raise UsageError(
                QT_TRANSLATE_NOOP("Errors", "There is no approval form {form}."), form=form
            )
        return spec

    def can(self, action: Action) -> bool:
        return self.session.principal.can(MODULE_ID, action)

    def require(self, action: Action) -> None:
        """Raise unless the session may do ``action`` in approvals (its message names the
        module as the user knows it)."""
        self.session.require_active_password()
        self.session.principal.require(MODULE_ID, action, _ModuleTitle())

    # --- reading --------------------------------------------------------------------------

    def _request(self, row: Row, today: date | None = None) -> Request:
        spec = self.spec(str(row[1]))
        data: dict[str, object] = json.loads(row[10])
        values = {f.name: f.from_storage(data.get(f.name)) for f in spec.fields}  # type: ignore[arg-type]
        state = State(str(row[4]))
        since = date.fromisoformat(str(row[7])) if row[7] else None
        request = Request(
            id=int(row[0]),
            form=spec.id,
            number=str(row[2]),
            revision=int(row[3]),
            state=state,
            step=int(row[5]),
            round=int(row[6]),
            step_since=since,
            level=Level(int(row[8])),
            term=Term.decode(str(row[9])) if row[9] else None,
            values=values,
            stored=data,
            applicant=str(row[11]),
            department=str(row[12]),
            created_at=str(row[13]),
            updated_at=str(row[14]),
            updated_by=str(row[15]),
        )
        decisions = tuple(
            e
            for e in self._events(request.id)
            if e.is_decision and e.round == request.round and not e.voided
        )
        overdue = 0
        if state.open and since is not None:
            allowed = spec.steps[request.step - 1].days
            overdue = max(
                0, working_days_after(since, today or self.session.clock.today()) - allowed
            )
        return _replace(request, decisions=decisions, overdue_days=overdue)

    def _row(self, number: str) -> Row:
        row = self.store.one(
            f"SELECT {_COLUMNS} FROM approval_requests WHERE number = ? AND level <= ?",
            (number.strip().upper(), int(self.session.principal.clearance)),
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no approval request {number}."),
                number=number,
            )
        return row

    def _events(self, request_id: int) -> list[Event]:
        rows = self.store.all(
            f"SELECT {_EVENT_COLUMNS} FROM approval_events WHERE request_id = ? ORDER BY id",
            (request_id,),
        )
        return [
            Event(
                id=int(r[0]),
                kind=str(r[1]),
                round=int(r[2]),
                step=int(r[3]),
                revision=int(r[4]),
                decision=Decision(str(r[5])) if r[5] else None,
                comment=str(r[6]),
                decider=str(r[7]),
                decided_on=str(r[8]) if r[8] else None,
                paper=bool(r[9]),
                content_hash=str(r[10]) if r[10] else None,
                at=str(r[11]),
                account=str(r[12]),
                voided_at=str(r[13]) if r[13] else None,
                voided_by_revision=int(r[14]) if r[14] is not None else None,
            )
            for r in rows
        ]

    def _visible(self, request: Request) -> bool:
        """Everyone with view permission sees every request within their clearance; the
        applicant and whoever may decide the current step see theirs."""
        login = self.session.account.login
        return (
            self.can(Action.VIEW) or request.applicant == login or self.may_decide(request) is None
        )

    def get(self, number: str, *, record_view: bool = False) -> Request:
        request = self._request(self._row(number))
        if not self._visible(request):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "You may not see approval request {number}."),
                number=request.number,
            )
        if record_view and request.level.classified:
            with self.session.operation():
                self.session.audit(
                    "approval.view",
                    request.object_name,
                    level=request.level,
                    details={"revision": request.revision},
                )
        return request

    def history(self, number: str) -> list[Event]:
        return self._events(self.get(number).id)

    def revision_values(self, number: str, revision: int) -> Mapping[str, object]:
        request = self.get(number)
        data = self.store.scalar(
            "SELECT data FROM approval_revisions WHERE request_id = ? AND revision = ?",
            (request.id, revision),
        )
        return dict(json.loads(str(data))) if data else {}

    def verify(self, number: str) -> list[Event]:
        """Decisions whose stored hash does not match the revision they name (tampering)."""
        request = self.get(number)
        bad: list[Event] = []
        for event in self._events(request.id):
            if event.kind != "decide":
                continue
            stored = self.revision_values(number, event.revision)
            if content_hash(request.form, request.number, event.revision, stored) != (
                event.content_hash
            ):
                bad.append(event)
        return bad

    def _all_rows(self, where: str = "", params: Sequence[object] = ()) -> list[Request]:
        today = self.session.clock.today()
        rows = self.store.all(
            f"SELECT {_COLUMNS} FROM approval_requests WHERE level <= ? {where} ORDER BY id DESC",
            (int(self.session.principal.clearance), *params),
        )
        return [self._request(r, today) for r in rows if str(r[1]) in self.forms]

    def waiting_for_me(self) -> list[Request]:
        """Open requests whose current step this account may decide electronically."""
        states = (State.SUBMITTED.value, State.IN_REVIEW.value)
        return [
            r for r in self._all_rows("AND state IN (?, ?)", states) if self.may_decide(r) is None
        ]

    def mine(self) -> list[Request]:
        return self._all_rows("AND applicant = ?", (self.session.account.login,))

    def all(self, *, form: str | None = None, state: State | None = None) -> list[Request]:
        self.require(Action.VIEW)
        where, params = "", []
        if form:
            where += " AND form = ?"
            params.append(self.spec(form).id)
        if state:
            where += " AND state = ?"
            params.append(state.value)
        return self._all_rows(where, params)

    def overdue(self) -> list[Request]:
        """Open requests whose current step took longer than its working days."""
        self.require(Action.VIEW)
        states = (State.SUBMITTED.value, State.IN_REVIEW.value)
        return [r for r in self._all_rows("AND state IN (?, ?)", states) if r.overdue]

    # --- who may decide -------------------------------------------------------------------

    def _fits(self, spec: FormSpec, request: Request, step: StepSpec, account: Account) -> bool:
        match step.decider:
            case DeciderKind.ROLE:
                return any(r.value == step.role for r in account.roles)
            case DeciderKind.DEPARTMENT_HEAD:
                return (
                    Role.APPROVER in account.roles
                    and bool(request.department.strip())
                    and account.department.strip() == request.department.strip()
                )
            case DeciderKind.ACCOUNT:
                named = step.account or str(request.values.get(step.account_field or "") or "")
                return account.login.lower() == named.strip().lower()
        return False  # pragma: no cover - every kind is matched above

    def _separation(self, request: Request, step: StepSpec, who: str) -> str | None:
        """The separation-of-duties problem with ``who`` deciding ``step``, if any."""
        if who.strip().lower() == request.applicant.lower():
            return QT_TRANSLATE_NOOP("Errors", "An applicant never decides their own request.")
        if not step.same_decider:
            for event in request.decisions:
                if event.step != request.step and event.decider.lower() == who.strip().lower():
                    return QT_TRANSLATE_NOOP(
                        "Errors",
                        "You decided another step of this request; one person does not decide "
                        "two steps of the same request.",
                    )
        return None

    def _refuse_self_decided(self, request: Request) -> None:
        """A request none but its applicant could decide would wait for ever (an applicant
        never decides their own): refused at submit, naming the step and why."""
        spec = self.spec(request.form)
        applicant = request.applicant.strip().lower()
        accounts = [a for a in self.session.vault.accounts() if a.active]
        for step in spec.steps:
            if step.decider is DeciderKind.ACCOUNT:
                named = step.account or str(request.values.get(step.account_field or "") or "")
                alone = named.strip().lower() == applicant
            else:
                fits = [a for a in accounts if self._fits(spec, request, step, a)]
                alone = bool(fits) and all(a.login.lower() == applicant for a in fits)
            if alone:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        'Request {number} cannot be submitted: step "{step}" would be decided '
                        "only by the applicant ({applicant}), and an applicant never decides "
                        "their own request. Name another decider.",
                    ),
                    number=request.number,
                    step=_StepTitle(step),
                    applicant=People(self.session.vault).name(request.applicant),
                )

    def may_decide(self, request: Request, account: Account | None = None) -> str | None:
        """``None`` if ``account`` (default: this session's) may decide the current step
        electronically, else the reason (untranslated source text)."""
        spec = self.spec(request.form)
        step = request.current_step(spec)
        if step is None:
            return QT_TRANSLATE_NOOP("Errors", "The request is not waiting for a decision.")
        account = account or self.session.account
        if not self.session.vault.principal(account).can(MODULE_ID, Action.APPROVE):
            return QT_TRANSLATE_NOOP("Errors", "You may not approve requests.")
        separation = self._separation(request, step, account.login)
        if separation is not None:
            return separation
        if not self._fits(spec, request, step, account):
            return _SOMEONE_ELSE
        return None

    def deciders(self, request: Request) -> list[Account]:
        """The active accounts that may decide the current step electronically."""
        spec = self.spec(request.form)
        step = request.current_step(spec)
        if step is None:
            return []
        return [
            a
            for a in self.session.vault.accounts()
            if a.active and self.may_decide(request, a) is None
        ]

    def _someone_else(self, request: Request) -> PermissionDenied:
        """The refusal of a decider the step is not for, naming who it is for."""
        spec = self.spec(request.form)
        step = request.current_step(spec)
        assert step is not None
        names = "、".join(a.display_name for a in self.deciders(request))
        if step.decider is DeciderKind.DEPARTMENT_HEAD:
            if names:
                return PermissionDenied(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        'Step "{step}" is decided by the head of {department}: {names}.',
                    ),
                    step=_StepTitle(step),
                    department=request.department or "—",
                    names=names,
                )
            return PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    'Step "{step}" is decided by the head of {department}, and no account is '
                    "one yet: the system administrator gives the head an account in "
                    "{department}, the security administrator the approver role.",
                ),
                step=_StepTitle(step),
                department=request.department or "—",
            )
        if names:
            return PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", 'Step "{step}" is decided by {names}.'),
                step=_StepTitle(step),
                names=names,
            )
        return PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Errors",
                'Step "{step}" is decided by someone else, and no account may decide it yet; '
                "it can be recorded from paper.",
            ),
            step=_StepTitle(step),
        )

    # --- writing ----------------------------------------------------------------------------

    def _check(
        self, spec: FormSpec, raw: Mapping[str, str], *, defaults: bool
    ) -> tuple[dict[str, object], Level, Term | None]:
        result = validate_entry(spec, raw, today=self.session.clock.today(), defaults=defaults)
        result.raise_if_invalid()
        mark = entry_marking(spec, result.values)
        refused = level_problem(self.session, mark.level, spec.level_field or "")
        if refused is not None:
            raise EntryInvalid((refused,))
        return stored_values(spec, result.values), mark.level, mark.term

    def _next_number(self, spec: FormSpec) -> str:
        return next_number(self.store, spec, self.session.clock.today())[0]

    def _now(self) -> str:
        return audit_chain.iso(self.session.clock.now())

    def _event(self, request: Request, kind: str, **cols: object) -> int:
        row: dict[str, object] = {
            "request_id": request.id,
            "kind": kind,
            "round": request.round,
            "step": request.step,
            "revision": request.revision,
            "at": self._now(),
            "account": self.session.account.login,
        }
        row.update(cols)
        marks = ", ".join("?" for _ in row)
        return self.store.execute(
            f"INSERT INTO approval_events ({', '.join(row)}) VALUES ({marks})", tuple(row.values())
        )

    def _set(self, request: Request, **cols: object) -> None:
        """Change the request's row, guarded: refused if it is no longer at the revision the
        change was made from."""
        cols["updated_at"] = self._now()
        cols["updated_by"] = self.session.account.login
        guarded_update(
            self.store,
            "approval_requests",
            request.id,
            request.revision,
            cols,
            changed_meanwhile(request.number),
        )

    def _own(self, request: Request) -> None:
        if request.applicant != self.session.account.login:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only the applicant ({applicant}) may do this with {number}."
                ),
                applicant=People(self.session.vault).name(request.applicant),
                number=request.number,
            )

    def _expect(self, request: Request, expected: int | None) -> None:
        if expected is not None and request.revision != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Request {number} was changed by {account} (revision {revision}) after you "
                    "opened it (revision {seen}). Nothing was saved; reopen it.",
                ),
                number=request.number,
                account=request.updated_by,
                revision=request.revision,
                seen=expected,
            )

    def create(self, form: str, raw: Mapping[str, str]) -> Request:
        """A new request in draft, numbered; the session's account is the applicant."""
        self.require(Action.CREATE)
        spec = self.spec(form)
        with self.session.operation():
            stored, level, term = self._check(spec, raw, defaults=True)
            number = self._next_number(spec)
            now = self._now()
            login = self.session.account.login
            data = canonical_json(stored)
            self.store.execute(
                f"INSERT INTO approval_requests ({_COLUMNS}) "
                "VALUES (NULL, ?, ?, 1, ?, 0, 0, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    spec.id,
                    number,
                    State.DRAFT.value,
                    int(level),
                    term.encode() if term else None,
                    data,
                    login,
                    self.session.account.department,
                    now,
                    now,
                    login,
                ),
            )
            request = self._request(self._row(number))
            self.store.execute(
                "INSERT INTO approval_revisions VALUES (?, 1, ?, ?, ?, ?, ?)",
                (request.id, int(level), term.encode() if term else None, data, now, login),
            )
            self._event(request, "create")
            self.session.audit(
                "approval.create",
                request.object_name,
                level=level,
                details={"form": spec.id, "revision": 1},
            )
        return request

    def edit(self, number: str, changes: Mapping[str, str], *, expected_revision: int) -> Request:
        """The applicant changes the content: a new revision. Every standing decision of the
        round is voided (visibly, in the history) and an open request goes back to step 1."""
        self.require(Action.CREATE)
        with self.session.operation():
            current = self.get(number)
            self._own(current)
            self._expect(current, expected_revision)
            if current.state.final:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Request {number} is {state} and can no longer be changed."
                    ),
                    number=current.number,
                    state=current.state.label("zh_CN"),
                )
            spec = self.spec(current.form)
            raw = {f.name: f.input_text(current.values.get(f.name)) for f in spec.fields}
            raw.update(changes)
            stored, level, term = self._check(spec, raw, defaults=False)
            if stored == dict(current.stored):
                return current
            revision = current.revision + 1
            now = self._now()
            data = canonical_json(stored)
            self.store.execute(
                "INSERT INTO approval_revisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    current.id,
                    revision,
                    int(level),
                    term.encode() if term else None,
                    data,
                    now,
                    self.session.account.login,
                ),
            )
            voided = [e.id for e in current.decisions]
            for event_id in voided:
                self.store.execute(
                    "UPDATE approval_events SET voided_at = ?, voided_by_revision = ? WHERE id = ?",
                    (now, revision, event_id),
                )
            restart: dict[str, object] = {}
            if current.state.open:
                restart = {
                    "state": State.SUBMITTED.value,
                    "step": 1,
                    "step_since": self.session.clock.today().isoformat(),
                }
            self._set(
                current,
                revision=revision,
                level=int(level),
                term=term.encode() if term else None,
                data=data,
                **restart,
            )
            changed = sorted(
                k for k in {*stored, *current.stored} if stored.get(k) != current.stored.get(k)
            )
            self._event(current, "edit", revision=revision, comment=", ".join(changed))
            self.session.audit(
                "approval.edit",
                current.object_name,
                level=max(level, current.level),
                details={"revision": revision, "fields": changed, "voided_decisions": voided},
            )
            return self._request(self._row(number))

    def submit(self, number: str, *, expected_revision: int | None = None) -> Request:
        """Draft or returned → submitted: a new round waiting for step 1."""
        self.require(Action.CREATE)
        with self.session.operation():
            current = self.get(number)
            self._own(current)
            self._expect(current, expected_revision)
            if current.state not in (State.DRAFT, State.RETURNED):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Request {number} is {state}; only a draft or a returned "
                        "request is submitted.",
                    ),
                    number=current.number,
                    state=current.state.label("zh_CN"),
                )
            self._refuse_self_decided(current)
            self._set(
                current,
                state=State.SUBMITTED.value,
                step=1,
                round=current.round + 1,
                step_since=self.session.clock.today().isoformat(),
            )
            self._event(current, "submit", round=current.round + 1, step=1)
            self.session.audit(
                "approval.submit",
                current.object_name,
                level=current.level,
                details={"revision": current.revision, "round": current.round + 1},
            )
            return self._request(self._row(number))

    def _advance(self, current: Request, spec: FormSpec, decision: Decision) -> None:
        today = self.session.clock.today().isoformat()
        if decision is Decision.REJECT:
            self._set(current, state=State.REJECTED.value, step_since=None)
        elif decision is Decision.RETURN:
            self._set(current, state=State.RETURNED.value, step_since=None)
        elif current.step < len(spec.steps):
            self._set(current, state=State.IN_REVIEW.value, step=current.step + 1, step_since=today)
        else:
            self._set(current, state=State.APPROVED.value, step_since=None)

    @staticmethod
    def _comment(comment: str) -> str:
        text = comment.strip()
        if not text:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Every decision carries a comment (意见).")
            )
        if len(text) > 1000:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A comment has at most 1000 characters.")
            )
        return text

    def decide(
        self,
        number: str,
        decision: Decision,
        comment: str,
        *,
        password: str,
        expected_revision: int,
    ) -> Request:
        """An electronic decision on the current step: the decider re-enters their password;
        the decision stores the SHA-256 of the content at ``expected_revision``."""
        self.require(Action.APPROVE)
        text = self._comment(comment)
        current = self.get(number)
        self._expect(current, expected_revision)
        reason = self.may_decide(current)
        if reason == _SOMEONE_ELSE:
            raise self._someone_else(current)
        if reason is not None:
            raise PermissionDenied(reason)
        if not self.session.check_password(password):
            raise AuthError(
                QT_TRANSLATE_NOOP("Errors", "The password is wrong; the decision was not recorded.")
            )
        spec = self.spec(current.form)
        with self.session.operation():
            current = self._request(self._row(number))  # nothing changed since the checks
            self._expect(current, expected_revision)
            lost = self.may_decide(current)  # someone decided this step in the meantime
            if lost is not None:
                raise PermissionDenied(lost)
            digest = content_hash(current.form, current.number, current.revision, current.stored)
            event_id = self._event(
                current,
                "decide",
                decision=decision.value,
                comment=text,
                decider=self.session.account.login,
                decided_on=self.session.clock.today().isoformat(),
                paper=0,
                content_hash=digest,
            )
            self._advance(current, spec, decision)
            self.session.audit(
                "approval.decide",
                current.object_name,
                level=current.level,
                details={
                    "event": event_id,
                    "step": current.step,
                    "step_name": spec.steps[current.step - 1].name,
                    "decision": decision.value,
                    "revision": current.revision,
                    "sha256": digest,
                },
            )
            return self._request(self._row(number))

    def _paper_step(
        self, current: Request, spec: FormSpec, step: int, who: str, signed_on: date
    ) -> StepSpec:
        """The step a paper decision by ``who`` on ``signed_on`` is recorded for, once every
        rule allows it: the request waits for exactly that step, the step may be signed on
        paper, the date is not in the future, and neither the recorder nor the signer is the
        applicant (nor someone who decided another step of the round)."""
        now_step = current.current_step(spec)
        if now_step is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The request is not waiting for a decision.")
            )
        if step != current.step:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Request {number} is waiting for step {current}, not step {step}.",
                ),
                number=current.number,
                current=current.step,
                step=step,
            )
        if not now_step.paper:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Step {step} may not be recorded from paper; it is decided in the program.",
                ),
                step=now_step.title_zh,
            )
        if signed_on > self.session.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The date of the signature is in the future.")
            )
        if current.applicant == self.session.account.login:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "An applicant does not record paper decisions on their own request; "
                    "another clerk records them.",
                )
            )
        applicant = self.session.vault.account(current.applicant)
        names = {current.applicant.lower()}
        if applicant is not None:
            names.add(applicant.display_name.strip().lower())
        if who.lower() in names:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("Errors", "An applicant never decides their own request.")
            )
        separation = self._separation(current, now_step, who)
        if separation is not None:
            raise PermissionDenied(separation)
        return now_step

    def record_paper(
        self,
        number: str,
        *,
        step: int,
        decision: Decision,
        signer: str,
        signed_on: date,
        comment: str,
        expected_revision: int | None = None,
    ) -> Request:
        """A clerk records a decision signed on paper: who signed, when, for which step."""
        self.require(Action.EDIT)
        text = self._comment(comment)
        who = signer.strip()
        if not who:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Name the person who signed on paper.")
            )
        with self.session.operation():
            current = self.get(number)
            self._expect(current, expected_revision)
            spec = self.spec(current.form)
            now_step = self._paper_step(current, spec, step, who, signed_on)
            event_id = self._event(
                current,
                "paper",
                decision=decision.value,
                comment=text,
                decider=who,
                decided_on=signed_on.isoformat(),
                paper=1,
                content_hash=content_hash(
                    current.form, current.number, current.revision, current.stored
                ),
            )
            self._advance(current, spec, decision)
            self.session.audit(
                "approval.paper",
                current.object_name,
                level=current.level,
                details={
                    "event": event_id,
                    "step": current.step,
                    "step_name": now_step.name,
                    "decision": decision.value,
                    "signer": who,
                    "signed_on": signed_on.isoformat(),
                    "revision": current.revision,
                },
            )
            return self._request(self._row(number))

    def withdraw(self, number: str, reason: str) -> Request:
        """The applicant withdraws a request that is not yet decided."""
        self.require(Action.CREATE)
        text = reason.strip()
        if not text:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Give the reason for withdrawing."))
        with self.session.operation():
            current = self.get(number)
            self._own(current)
            if current.state.final:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Request {number} is {state} and can no longer be changed."
                    ),
                    number=current.number,
                    state=current.state.label("zh_CN"),
                )
            self._set(current, state=State.WITHDRAWN.value, step_since=None)
            self._event(current, "withdraw", comment=text)
            self.session.audit(
                "approval.withdraw",
                current.object_name,
                level=current.level,
                details={"revision": current.revision, "reason": text},
            )
            return self._request(self._row(number))


#: ``may_decide``'s reason when the step is for other people (``decide`` names them).
_SOMEONE_ELSE: Final = QT_TRANSLATE_NOOP("Errors", "This step is decided by someone else.")


class _ModuleTitle:
    def text(self, lang: str) -> str:
        return translate(_CONTEXT, QT_TRANSLATE_NOOP("Approvals", "approvals"), lang)


def _replace(request: Request, **changes: Any) -> Request:
    return dataclasses.replace(request, **changes)


class _StepTitle:
    """A step's title in the reader's language (a message parameter)."""

    def __init__(self, step: StepSpec) -> None:
        self._step = step

    def text(self, lang: str) -> str:
        return self._step.title(lang)

    def __str__(self) -> str:
        return self._step.title_zh


def count_waiting(session: Session, forms: Forms, today: date) -> int:
    """The home tab's count of requests waiting for this account's decision (a
    ``DeadlineCount``): the open ones are read by their state's index, only they are weighed."""
    del today
    return len(Approvals(session, forms).waiting_for_me())

"""An approval request on paper: the approval table (审批表) with every field and every step —
decision, comment, decider, date — and empty boxes for wet signatures, marked at the request's
level and recorded in the print register with a verification code."""

from __future__ import annotations

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.forms import FieldType, FormSpec
from secrecy_desk.modules.approvals.engine import Approvals, Event, Request
from secrecy_desk.modules.base import Samples
from secrecy_desk.printing import ApprovalStep, FieldRow, FormDocument, SignatureBlock, SignLine
from secrecy_desk.records.model import NUMBER
from secrecy_desk.records.printing import (
    Deliver,
    PrintDocument,
    PrintJob,
    Printout,
    field_text,
    person_name,
    print_job,
)

_CONTEXT = "Approvals"
_SIGN = {"name": SignLine.NAME, "signature": SignLine.SIGNATURE, "date": SignLine.DATE}


def _tr(text: str, lang: str) -> str:
    return translate(_CONTEXT, text, lang)


def _decider(approvals: Approvals, event: Event) -> str:
    """Who decided, by name (a paper signer is recorded by the name written on the paper)."""
    return person_name(approvals.session, event.decider)


def approval_document(
    approvals: Approvals, spec: FormSpec, request: Request, lang: str = "zh_CN"
) -> FormDocument:
    """The approval table: the definition's sections, then one row per step, then the
    signature blocks; a step not yet decided leaves its opinion empty for handwriting."""
    names: list[str] = []
    for section in spec.layout.sections:
        names.extend(n for n in section.fields if n not in names)
    if not names:
        names = [NUMBER, *spec.field_names]
    rows: list[FieldRow] = []
    for name in names:
        if name == NUMBER:
            rows.append(FieldRow(spec.numbering.label(lang), request.number))
            continue
        if name not in spec.field_names:
            continue
        field = spec.field(name)
        value = field_text(
            approvals.session, spec, name, request.values.get(name), request.term, lang
        )
        long = field.type is FieldType.LONG_TEXT
        rows.append(
            FieldRow(field.label(lang), value, span=2 if long else 1, min_lines=2 if long else 1)
        )
    rows.append(
        FieldRow(
            _tr(QT_TRANSLATE_NOOP("Approvals", "Submitted by"), lang),
            person_name(approvals.session, request.applicant),
        )
    )
    rows.append(
        FieldRow(_tr(QT_TRANSLATE_NOOP("Approvals", "State"), lang), request.state_text(spec, lang))
    )
    steps: list[ApprovalStep] = []
    by_step = {e.step: e for e in request.decisions}
    for index, step in enumerate(spec.steps, start=1):
        event = by_step.get(index)
        if event is None or event.decision is None:
            steps.append(ApprovalStep(step.title(lang)))
            continue
        steps.append(
            ApprovalStep(
                step.title(lang),
                decision=event.decision.label(lang),
                comment=event.comment,
                decider=_decider(approvals, event),
                decided_at=event.decided_on or "",
                paper=event.paper,
            )
        )
    closing: list[str] = []
    voided = [e for e in approvals.history(request.number) if e.is_decision and e.voided]
    if voided:
        template = _tr(
            QT_TRANSLATE_NOOP(
                "Approvals",
                "{count} earlier decision(s) were voided because the content was changed; the "
                "decisions above are on revision {revision}.",
            ),
            lang,
        )
        closing.append(template.format(count=len(voided), revision=request.revision))
    return FormDocument(
        title=spec.layout.title(lang),
        fields=tuple(rows),
        clauses=tuple(c.text(lang) for c in spec.layout.clauses),
        steps=tuple(steps),
        closing=tuple(closing),
        signatures=tuple(
            SignatureBlock(b.role(lang), tuple(_SIGN[line.value] for line in b.lines))
            for b in spec.layout.signatures
        ),
    )


def request_job(approvals: Approvals, number: str, lang: str = "zh_CN") -> PrintJob:
    """The approval table of request ``number`` as a print job (permission ``print`` in
    approvals), for a draft or a print."""
    approvals.require(Action.PRINT)
    request = approvals.get(number)
    spec = approvals.spec(request.form)
    doc = PrintDocument(
        approval_document(approvals, spec, request, lang),
        obj=request.object_name,
        revision=request.revision,
        number=request.number,
        level=request.level,
        term=request.term,
    )
    return PrintJob((doc,), "approval.print", request.object_name, {"revision": request.revision})


def print_request(
    approvals: Approvals,
    number: str,
    *,
    copies: int = 1,
    printer: str,
    reason: str = "",
    lang: str = "zh_CN",
    deliver: Deliver | None = None,
) -> Printout:
    """Print the approval table of request ``number``."""
    return print_job(
        approvals.session,
        approvals.forms,
        lambda: request_job(approvals, number, lang),
        copies=copies,
        printer=printer,
        reason=reason,
        deliver=deliver,
    )


def sample(samples: Samples, form: str | None) -> PrintJob:
    """The demo's first request of ``form`` as its approval table (see modules.base.Paper)."""
    assert form is not None
    approvals = Approvals(samples.session(Role.OFFICER), samples.forms)
    requests = sorted(approvals.all(form=form), key=lambda r: r.number)
    if not requests:
        raise LookupError(f"the demo has no {form} request")
    return request_job(approvals, requests[0].number)

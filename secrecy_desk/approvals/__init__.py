"""Approval tables (审批表): the workflow engine driven by the definitions under
``forms/approvals/``, their lists and their printing (SPEC §3.3, ``docs/approvals.md``)."""

from secrecy_desk.approvals.engine import (
    MODULE,
    Approvals,
    Decision,
    Event,
    Request,
    State,
    content_hash,
    working_days_after,
)

__all__ = [
    "MODULE",
    "Approvals",
    "Decision",
    "Event",
    "Request",
    "State",
    "content_hash",
    "working_days_after",
]

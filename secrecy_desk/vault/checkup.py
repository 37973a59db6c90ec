"""Verify the vault (校验): the database pages and tables, the key file and the audit trail.

Two depths, the same for the command line (``verify`` / ``verify --quick``) and the audit tab:

* the **quick check** — every table's and index's B-tree walked (``quick_check``, in time
  proportional to the pages they hold; each page's HMAC checked as it is read) and the audit
  chain from the last good seal (the seal covers the records before it);
* the **full check** — every page's HMAC, ``integrity_check`` (each index also compared with
  its table, which grows faster than the data) and the whole audit chain.

Both report their progress as they go and can be cancelled between any two steps of SQLite's
own walk (its progress handler) or of the chain walk. The bar is in estimated work: the page
checks weighted by the file's pages, the chain by its records (weights measured with
``tests/bench/bench_scale.py``), so it moves evenly whatever the vault holds most of.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from secrecy_desk.vault import audit_review
from secrecy_desk.vault.audit_chain import Break, VerifyReport
from secrecy_desk.vault.pagecheck import (
    CheckCancelled,
    Progress,
    WorkBar,
    page_checks,
    page_work,
)
from secrecy_desk.vault.session import Session

#: Estimated work per audit record of the chain walk (microseconds of one core; the pages'
#: weights are in ``pagecheck``): only the proportions matter for the bar.
_PER_RECORD: Final = 5


@dataclass(frozen=True, slots=True)
class VaultCheck:
    """What a check found: the database's problems (page, table; empty when sound), the audit
    chain's report and a problem of the head the key file records."""

    quick: bool
    problems: tuple[str, ...]
    report: VerifyReport
    head_problem: Break | None

    @property
    def sound(self) -> bool:
        return not self.problems and self.report.intact and self.head_problem is None


def check_vault(
    session: Session, *, quick: bool = False, progress: Progress | None = None
) -> VaultCheck:
    """Check the vault of ``session`` (see the module); the chain's verification is recorded
    in the trail as :func:`audit_review.verify` records it. Raises :class:`CheckCancelled`
    when ``progress`` answers ``False``."""
    session.require_active_password()
    store = session.vault.store
    pages = int(store.scalar("PRAGMA page_count") or 0)
    records = int(store.scalar("SELECT count(*) FROM audit") or 0)
    bar = WorkBar(progress, page_work(pages, quick=quick) + records * _PER_RECORD)
    bar.tell(0)
    bar.stop_if_cancelled()
    problems = page_checks(store, bar, quick=quick, master=session.vault.master_key())
    before_chain = bar.done
    chain_span = bar.total - before_chain

    def walked(done: int, total: int) -> None:
        bar.tell(before_chain + (chain_span * done // total if total else chain_span))
        bar.stop_if_cancelled()

    report = audit_review.verify(session, quick=quick, progress=walked)
    bar.tell(bar.total)
    return VaultCheck(quick, tuple(problems), report, session.vault.head_problem())


__all__ = [
    "CheckCancelled",
    "Progress",
    "VaultCheck",
    "check_vault",
]

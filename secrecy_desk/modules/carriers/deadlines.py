"""The carriers' lines on the home tab's work list that are not register entries: stocktakes
still open, destruction packages approved but not yet carried out (each a
:data:`~secrecy_desk.modules.base.DeadlineCount`, read through the module's own indexes).
Loans and take-outs past their due date are entry deadlines (``__init__``)."""

from __future__ import annotations

from datetime import date

from secrecy_desk.forms import Forms
from secrecy_desk.modules.carriers.packages import SUBMITTED
from secrecy_desk.modules.carriers.stocktake import OPEN
from secrecy_desk.vault.session import Session


def open_stocktakes(session: Session, forms: Forms, today: date) -> int:
    del forms, today
    return int(
        session.vault.store.scalar(
            "SELECT count(*) FROM carrier_stocktakes WHERE state = ?", (OPEN,)
        )
    )


def packages_to_execute(session: Session, forms: Forms, today: date) -> int:
    """Submitted packages whose destruction request is approved."""
    del forms, today
    return int(
        session.vault.store.scalar(
            "SELECT count(*) FROM carrier_packages p JOIN approval_requests a "
            "ON a.number = p.approval WHERE p.state = ? AND a.state = 'approved'",
            (SUBMITTED,),
        )
    )

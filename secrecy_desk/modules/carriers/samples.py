"""The carriers' papers as demo samples (:class:`~secrecy_desk.modules.base.Paper`):
each maker picks its sample in the demo's carriers, or records the step the demo lacks (a
return, a repair, a package destroyed), so the paper suite and ``./desk paper`` print every
paper of :mod:`.papers` from the same data every time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from secrecy_desk.core.roles import Role
from secrecy_desk.modules.base import Samples
from secrecy_desk.modules.carriers import papers
from secrecy_desk.modules.carriers.lifecycle import (
    ISSUE,
    LEND,
    REGISTER,
    REPAIRED,
    RETURN,
    Carriers,
)
from secrecy_desk.modules.carriers.packages import EXECUTED, Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes
from secrecy_desk.records.printing import PrintJob


def _desk(samples: Samples) -> Carriers:
    from secrecy_desk.modules.registry import open_registers  # noqa: PLC0415 - no import cycle

    return Carriers(open_registers(samples.session(Role.OFFICER), samples.forms))


def _last_step_is(desk: Carriers, kind: str, register: str = "carriers") -> str | None:
    """The first item (by number) whose last step is ``kind``."""
    row = desk.store.one(
        "SELECT e.number FROM entries e JOIN carrier_events ev ON ev.entry_id = e.id "
        "WHERE e.register = ? AND ev.id = (SELECT max(id) FROM carrier_events "
        "WHERE entry_id = e.id) AND ev.kind = ? ORDER BY e.number LIMIT 1",
        (register, kind),
    )
    return str(row[0]) if row is not None else None


def _returned(desk: Carriers) -> str:
    """An item lent and returned (the demo's first loan not overdue, brought back today)."""
    found = _last_step_is(desk, RETURN)
    if found is not None:
        return found
    today = desk.session.clock.today()
    lent = desk.store.all(
        "SELECT e.number FROM entries e JOIN carrier_events ev ON ev.entry_id = e.id "
        "WHERE e.register = 'carriers' AND e.status = 'lent' AND ev.id = (SELECT max(id) "
        "FROM carrier_events WHERE entry_id = e.id) AND ev.kind = ? AND ev.due_on >= ? "
        "ORDER BY e.number LIMIT 1",
        (LEND, today.isoformat()),
    )
    number = str(lent[0][0])
    desk.return_([number], checked_by="李明", on_date=today)
    return number


def _repaired(desk: Carriers) -> str:
    """A piece of equipment sent for repair (the demo's first issued computer, today)."""
    found = _last_step_is(desk, REPAIRED, "equipment")
    if found is not None:
        return found
    number = _last_step_is(desk, ISSUE, "equipment")
    assert number is not None, "the demo issues equipment"
    desk.repair(
        [number], repairer="本所信息中心维修组", where="本所信息中心机房", supervisor="张伟",
        on_date=desk.session.clock.today(),
    )  # fmt: skip
    return number


def sample_slip(samples: Samples, kind: str | None) -> PrintJob:
    """The slip of an item whose last step is ``kind`` (a key of ``SLIP_TITLES``)."""
    desk = _desk(samples)
    makers: dict[str, Callable[[Carriers], str]] = {RETURN: _returned, REPAIRED: _repaired}
    assert kind is not None
    if kind in makers:
        number = makers[kind](desk)
    else:
        register = "equipment" if kind == "take_out" else "carriers"
        found = _last_step_is(desk, kind, register)
        assert found is not None, f"the demo has an item whose last step is {kind}"
        number = found
    return papers.slip(desk, number)


def sample_book(samples: Samples, argument: str | None) -> PrintJob:
    """The demo year's receive-and-send book."""
    del argument
    desk = _desk(samples)
    return papers.book(desk, desk.session.clock.today().year)


def sample_distribution(samples: Samples, argument: str | None) -> PrintJob:
    """The distribution list of the demo's copied document: the original and its copies."""
    del argument
    desk = _desk(samples)
    rows = desk.store.all(
        "SELECT e.number, json_extract(ev.details, '$.original') FROM carrier_events ev "
        "JOIN entries e ON e.id = ev.entry_id WHERE ev.kind = ? "
        "AND json_extract(ev.details, '$.origin') = 'copy' ORDER BY e.number",
        (REGISTER,),
    )
    assert rows, "the demo copies a document"
    original = str(rows[0][1])
    return papers.distribution(desk, [original, *(str(r[0]) for r in rows if r[1] == original)])


def sample_handover(samples: Samples, argument: str | None) -> PrintJob:
    """The handover list of whoever holds the most items in the demo."""
    del argument
    desk = _desk(samples)
    row = desk.store.one(
        "SELECT json_extract(data, '$.holder') AS who, count(*) AS n FROM entries "
        "WHERE register IN ('carriers', 'equipment') AND who IS NOT NULL "
        "GROUP BY who ORDER BY n DESC, who LIMIT 1"
    )
    assert row is not None, "the demo issues carriers"
    return papers.handover(desk, str(row[0]))


def sample_discrepancy(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's stocktake (one cabinet, two items missing)."""
    del argument
    desk = _desk(samples)
    return papers.discrepancy(desk, Stocktakes(desk).all()[0].number)


def sample_destruction_list(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's destruction package (waiting for the leader's approval)."""
    del argument
    desk = _desk(samples)
    first = min(Packages(desk).all(), key=lambda p: p.number)
    return papers.destruction_list(desk, first.number)


def sample_destruction_record(samples: Samples, argument: str | None) -> PrintJob:
    """A package destroyed: six of the demo's stored carriers, packed, approved on paper by
    the leader and destroyed yesterday before two witnesses."""
    from secrecy_desk.modules.approvals.engine import Approvals, Decision  # noqa: PLC0415

    del argument
    desk = _desk(samples)
    packages = Packages(desk)
    done = [p for p in packages.all() if p.state == EXECUTED]
    if not done:
        stored = desk.store.all(
            "SELECT e.number FROM entries e WHERE e.register = 'carriers' AND e.status = ? "
            "AND NOT EXISTS (SELECT 1 FROM carrier_package_items i WHERE i.entry_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM carrier_events ev WHERE ev.entry_id = e.id "
            "AND ev.kind <> ?) ORDER BY e.number LIMIT 6",
            ("registered", REGISTER),
        )
        package = packages.create(
            [str(r[0]) for r in stored], reason="已失去保存价值", method="shredding"
        )
        package = packages.submit(package.number, place="保密室")
        yesterday = desk.session.clock.today() - timedelta(days=1)
        assert package.approval is not None
        # the leader's signature on paper, recorded by a clerk (not the officer who filed it)
        Approvals(samples.session(Role.CLERK), samples.forms).record_paper(
            package.approval, step=1, decision=Decision.APPROVE, signer="周军",
            signed_on=yesterday - timedelta(days=1), comment="同意销毁",
        )  # fmt: skip
        desk = _desk(samples)
        packages = Packages(desk)
        done = [
            packages.execute(
                package.number, on_date=yesterday, method="shredding", place="保密室",
                handler="李明", witnesses=("王芳", "孙丽"),
            )
        ]  # fmt: skip
    return papers.destruction_record(desk, done[0].number)

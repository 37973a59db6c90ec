"""One of every paper the program prints, from the demo vault: the samples the paper test suite
(``tests/paper``) checks and ``./desk paper`` lays out as a contact sheet.

The papers are the modules' declarations (:class:`~secrecy_desk.modules.base.Paper`); each
module's sample maker picks (or adds) its sample in a demo vault built on a fixed clock, so
the same data prints every time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from secrecy_desk.core.clock import Clock, FixedClock
from secrecy_desk.core.roles import Role
from secrecy_desk.demo.vault import ADMINS, USERS, create_demo
from secrecy_desk.forms import Forms, load_all
from secrecy_desk.modules import registry
from secrecy_desk.modules.base import Paper
from secrecy_desk.records.printing import PrintJob, Printout, print_job
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session

#: The demo's papers are dated as if printed on this morning.
SAMPLE_TIME: Final = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
PRINTER: Final = "样张打印机"
REASON: Final = "样张"


class DemoSamples:
    """The demo vault as sample makers see it (:class:`~secrecy_desk.modules.base.Samples`):
    one session open at a time, by role."""

    def __init__(self, folder: Path, clock: Clock, forms: Forms) -> None:
        self.folder = folder
        self.clock = clock
        self._forms = forms
        self._open: tuple[Role, Session] | None = None

    @property
    def forms(self) -> Forms:
        return self._forms

    def session(self, role: Role = Role.OFFICER) -> Session:
        if self._open is not None and self._open[0] is role:
            return self._open[1]
        self.close()
        person = next(u for u in (*USERS, *ADMINS) if u.role is role)
        opened = sessions.login(self.folder, person.login, person.password, clock=self.clock)
        self._open = (role, opened)
        return opened

    @property
    def current(self) -> Session:
        """The session the last sample was made in (the one that prints it)."""
        return self._open[1] if self._open is not None else self.session()

    def close(self) -> None:
        if self._open is not None:
            self._open[1].logout()
            self._open = None


def build_samples(folder: Path, *, clock: Clock | None = None) -> DemoSamples:
    """A demo vault in ``folder`` (fast key derivation: sample data only) whose accounts are
    past their first login, ready for the sample makers."""
    clock = clock or FixedClock(SAMPLE_TIME)
    create_demo(folder, clock=clock, params=MIN_PARAMS)
    sysadm = ADMINS[0]
    s = sessions.login(folder, sysadm.login, sysadm.password, clock=clock)
    try:
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 0")
            s.audit("account.must_change", "accounts", details={"reason": "paper samples"})
    finally:
        s.logout()
    return DemoSamples(folder, clock, load_all())


@dataclass(frozen=True, slots=True)
class Sample:
    paper: Paper
    job: PrintJob
    printout: Printout


def sample_job(samples: DemoSamples, paper: Paper) -> PrintJob:
    make = registry.resolve(paper.sample)
    assert callable(make)
    job = make(samples, paper.argument)
    assert isinstance(job, PrintJob)
    return job


def print_sample(samples: DemoSamples, paper: Paper) -> Sample:
    """Make and print one paper (recorded in the demo's print register as any print is)."""
    job = sample_job(samples, paper)
    out = print_job(samples.current, samples.forms, job, printer=PRINTER, reason=REASON)
    return Sample(paper, job, out)


def papers(samples: DemoSamples) -> list[Paper]:
    return registry.papers(samples.forms)

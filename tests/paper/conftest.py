"""The paper suite's one fixture: every declared paper printed once from a demo vault on a
fixed clock, with verification codes drawn from a counter (so the pages repeat exactly)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest

from secrecy_desk.demo.papers import Sample, build_samples, papers, print_sample
from secrecy_desk.records import printing as kernel
from secrecy_desk.vault import anchor
from tests.paper.pdfread import Page, read_pages


@dataclass(frozen=True, slots=True)
class Printed:
    sample: Sample
    pages: list[Page]

    @property
    def pdf(self) -> bytes:
        return self.sample.printout.pdf


@pytest.fixture(scope="session")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Paper key → its sample as printed and read back."""
    scratch = tmp_path_factory.mktemp("paper")
    folder: Path = scratch / "vault"
    counter = itertools.count(1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kernel, "new_code", lambda: f"TEST-{next(counter):04d}")
        # The demo's rollback anchor stays in this scratch folder: the other tests' anchor
        # folders start from the session's templates and must not see it.
        mp.setenv(anchor.ENV_DIR, str(scratch / "anchors"))
        samples = build_samples(folder)
        try:
            made = {p.key: print_sample(samples, p) for p in papers(samples)}
        finally:
            samples.close()
    return {key: Printed(s, read_pages(s.printout.pdf)) for key, s in made.items()}

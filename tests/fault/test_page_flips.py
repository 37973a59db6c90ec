"""Flipped bytes in random pages of the database, then ``verify``: every flip is reported, the
first error is the one shown, and damage is named as damage (never "could not save")."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from secrecy_desk.vault import db
from tests.fault.conftest import figure
from tests.support.vault import AUDITOR, VaultEnv

pytestmark = pytest.mark.slow
PAGE = 4096


def test_random_page_flips_are_reported_as_damage(vault_env: VaultEnv, anchor_dir: Path) -> None:
    path = vault_env.folder / db.DB_NAME
    clean = path.read_bytes()
    anchors = {f: f.read_bytes() for f in anchor_dir.iterdir()}
    pages = len(clean) // PAGE
    rng = random.Random(int.from_bytes(os.urandom(4)))
    tried = detected = named = 0
    misleading: list[str] = []
    for _ in range(30):
        page = rng.randrange(pages)
        data = bytearray(clean)
        data[page * PAGE + rng.randrange(PAGE)] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        tried += 1
        r = vault_env.cli_as(AUDITOR, ["verify"])
        text = r.out + r.err
        assert "Traceback" not in text
        if r.code != 0:
            detected += 1
        if "damaged" in text or "Database problem" in text:
            named += 1
        if "could not save" in text or "readonly" in text:
            misleading.append(text)
        if named == 1 and detected == 1:
            print("\nexample:", text.strip().splitlines()[-1][:300])
        path.write_bytes(clean)
        for f in (
            vault_env.folder / (db.DB_NAME + "-wal"),
            vault_env.folder / (db.DB_NAME + "-shm"),
        ):
            f.unlink(missing_ok=True)
        for f, saved in anchors.items():
            f.write_bytes(saved)
    figure("page flips", tried=tried, detected=detected, lost=tried - detected, named=named)
    assert detected == tried
    assert named == tried
    assert not misleading, misleading[:3]

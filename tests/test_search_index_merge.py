"""The search index kept in few segments: schema step 16 merges that of a vault loaded in
several batches (one FTS5 segment or more per batch) into one at the upgrade, and the end of
each session merges the segments its saves added (``db.tidy_search_index``); every search
finds what it found."""

from __future__ import annotations

import pytest

from secrecy_desk.modules.registers import Query
from secrecy_desk.vault import db
from secrecy_desk.vault import session as sessions
from tests.support.data import bulk_drawings, drawing
from tests.support.vault import AUDITOR, OFFICER, PASSWORDS, VaultEnv

_WORDS = ("图", "总装", "装配图", "张伟", "王", "没有这样的字")


def _leaves(store: db.Store) -> int:
    """The search index's stored pages (each segment keeps its own: fewer after a merge)."""
    return int(store.scalar("SELECT count(*) FROM entry_fts_data"))


def test_step_16_merges_the_search_index_of_a_vault_of_version_15(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "TIDY_SEGMENTS", 10**9)  # as version 15 did not tidy at the end
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        bulk_drawings(regs, 600, batch=50)  # twelve transactions: twelve segments at least
        numbers = regs.page("drawings", Query(limit=3))
        regs.void("drawings", numbers[0].number, "登记重复")
        regs.edit("drawings", numbers[1].number, {"remarks": "装配图更正"}, expected_revision=1)
        found = {
            w: [e.id for e in regs.page("drawings", Query(search=w, limit=None))] for w in _WORDS
        }
        counted = {w: regs.count("drawings", Query(search=w)) for w in _WORDS}
    finally:
        s.logout()
    store = vault_env.raw(vault_env.master_key())
    try:
        store.execute("PRAGMA user_version = 15")  # step 16 alone runs again (15 is not ours)
        segmented = _leaves(store)
    finally:
        store.close()

    s = vault_env.login(OFFICER)  # the ordinary upgrade: a verified copy, then step 16
    try:
        store = s.vault.store
        assert db.schema_version(store) == db.latest_version()
        assert _leaves(store) < segmented
        regs = vault_env.registers(s)
        for w in _WORDS:
            query = Query(search=w, limit=None)
            assert [e.id for e in regs.page("drawings", query)] == found[w], w
            assert regs.count("drawings", Query(search=w)) == counted[w], w
        assert found["装配图"]
        assert not found["没有这样的字"]
        # the index keeps working: a new entry is found, a changed one no longer by its old text
        regs.edit("drawings", numbers[2].number, {"remarks": "新备注"}, expected_revision=1)
        assert numbers[2].id in [e.id for e in regs.page("drawings", Query(search="新备注"))]
    finally:
        s.logout()


def _many_segments(vault_env: VaultEnv) -> tuple[dict[str, list[int]], dict[str, int]]:
    """A register grown by many small saves (FTS5 writes a segment per transaction, and its
    automerge keeps up to three per level), with what each search finds and counts."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        bulk_drawings(regs, 400, batch=10)  # forty transactions
        numbers = regs.page("drawings", Query(limit=12))
        for entry in numbers[:10]:
            regs.edit("drawings", entry.number, {"remarks": "装配图更正"}, expected_revision=1)
        regs.void("drawings", numbers[11].number, "登记重复")
        found = {
            w: [e.id for e in regs.page("drawings", Query(search=w, limit=None))] for w in _WORDS
        }
        counted = {w: regs.count("drawings", Query(search=w)) for w in _WORDS}
        assert db.search_segments(s.vault.store) > db.TIDY_SEGMENTS
    finally:
        s.logout()
    return found, counted


def _segments(vault_env: VaultEnv, master: bytes | None = None) -> int:
    store = vault_env.raw(master or vault_env.master_key())
    try:
        return db.search_segments(store)
    finally:
        store.close()


def test_the_end_of_a_session_merges_a_search_index_left_in_many_segments(
    vault_env: VaultEnv,
) -> None:
    """The logout that ends a session of many saves merges the search index's segments (a
    search seeks in each: 15 segments at 2M entries made a search page 2–3× slower), with no
    audit record of its own between the logout and the close, and every search finds and
    counts what it did."""
    found, counted = _many_segments(vault_env)
    assert _segments(vault_env) <= db.TIDY_SEGMENTS
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        for w in _WORDS:
            assert [e.id for e in regs.page("drawings", Query(search=w, limit=None))] == found[w]
            assert regs.count("drawings", Query(search=w)) == counted[w], w
        assert found["装配图"]
        assert not found["没有这样的字"]
        actions = [
            str(r[0])
            for r in s.vault.store.all("SELECT action FROM audit ORDER BY seq DESC LIMIT 4")
        ]
        assert actions[1:3] == ["vault.close", "logout"], actions  # newest first
    finally:
        s.logout()


def test_a_session_that_only_reads_leaves_the_search_index_as_it_was(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault opened to be read as found (its trail is behind the key file's head: records
    were taken away) is not tidied at the end: the evidence stays exactly as it was."""
    with monkeypatch.context() as m:
        m.setattr(db, "TIDY_SEGMENTS", 10**9)  # this session's end leaves the segments
        s = vault_env.login(OFFICER)
        try:
            bulk_drawings(vault_env.registers(s), 200, batch=10)
        finally:
            s.logout()
        master = vault_env.master_key()  # (a session: its end is not tidied either)
    before = _segments(vault_env, master)
    assert before > db.TIDY_SEGMENTS
    store = vault_env.raw(master)
    try:
        store.execute("DROP TRIGGER audit_no_delete")
        store.execute("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    finally:
        store.close()
    s = sessions.login(
        vault_env.folder, AUDITOR, PASSWORDS[AUDITOR], clock=vault_env.clock, check_head=False
    )
    try:
        assert s.vault.head_break is not None
    finally:
        s.logout()
    assert _segments(vault_env, master) == before


def test_a_large_import_leaves_the_search_index_in_few_segments(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import of a thousand rows or more, saved, is followed by the tidying at once (not
    only at the session's end): the searches that look at what came in read few segments,
    and find every imported row."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        with monkeypatch.context() as m:
            m.setattr(db, "TIDY_SEGMENTS", 10**9)  # (no tidying until the import)
            bulk_drawings(regs, 200, batch=10)
        assert db.search_segments(s.vault.store) > db.TIDY_SEGMENTS
        rows = [drawing(drawing_no=f"ZY-{i:04d}", drawing_name="总装图导入") for i in range(1200)]
        numbers = regs.add_many("drawings", rows, source="test")
        assert len(numbers) == 1200
        assert db.search_segments(s.vault.store) <= db.TIDY_SEGMENTS
        assert regs.count("drawings", Query(search="总装图导入")) == 1200
        found = regs.page("drawings", Query(search="总装图导入", limit=None))
        assert sorted(e.number for e in found) == sorted(numbers)
    finally:
        s.logout()

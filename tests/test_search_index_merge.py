"""Schema step 16: the search index of a vault loaded in several batches (one FTS5 segment or
more per batch) is merged into one segment at the upgrade; every search finds what it found."""

from __future__ import annotations

from secrecy_desk.modules.registers import Query
from secrecy_desk.vault import db
from tests.support.data import bulk_drawings
from tests.support.vault import OFFICER, VaultEnv

_WORDS = ("图", "总装", "装配图", "张伟", "王", "没有这样的字")


def _leaves(store: db.Store) -> int:
    """The search index's stored pages (each segment keeps its own: fewer after a merge)."""
    return int(store.scalar("SELECT count(*) FROM entry_fts_data"))


def test_step_16_merges_the_search_index_of_a_vault_of_version_15(vault_env: VaultEnv) -> None:
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

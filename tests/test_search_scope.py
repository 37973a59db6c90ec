"""Each search document carries its entry's scope token (register and level, while it is live):
every way of writing an entry makes it, the rebuild after an upgrade makes the same documents,
and the counts the planner makes from the tokens are the plain counts (``records.reindex``,
``Planner._scoped_count``)."""

from __future__ import annotations

import dataclasses
import io
import json
from collections import defaultdict

import pytest

from secrecy_desk import cli
from secrecy_desk.forms import Forms
from secrecy_desk.modules.registers import Query, Registers, planning
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records import reindex, search
from secrecy_desk.vault import db
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.support.data import bulk_drawings, drawing, gift
from tests.support.plans import count_plan, plain_count
from tests.support.vault import CLERK, OFFICER, VaultEnv

_WORDS = ("图", "总装图", "装配", "茶叶", "张伟", "没有这样的字")
#: The drawings' levels as a filter names them (绝密 is above every entry of the vault).
_LEVELS = ("绝密", "机密", "一般")


def _documents(store: db.Store) -> dict[int, list[str]]:
    """Every document's tokens in order, read back from the index itself (``fts5vocab``),
    after a merge so that no deleted document's tokens are still in a segment."""
    store.execute("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")
    store.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
        "USING fts5vocab(main, entry_fts, instance)"
    )
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for term, doc, offset in store.all("SELECT term, doc, offset FROM temp.fts_terms"):
        found[int(doc)].append((int(offset), str(term)))
    return {doc: [t for _, t in sorted(tokens)] for doc, tokens in found.items()}


def _entries(store: db.Store) -> list[tuple[int, str, int, bool, dict[str, object]]]:
    return [
        (int(i), str(r), int(lv), bool(v), json.loads(str(d)))
        for i, r, lv, v, d in store.all(
            "SELECT id, register, level, voided, data FROM entries ORDER BY id"
        )
    ]


def _old_documents(store: db.Store, forms: Forms) -> None:
    """Make every document as schema 17 did (its fields' tokens, no scope token)."""
    store.execute("INSERT INTO entry_fts (entry_fts) VALUES ('delete-all')")
    for entry_id, register, _lv, _v, stored in _entries(store):
        spec = forms[register]
        body = search.document(str(stored[n]) for n in spec.search if n in stored)
        if body:
            store.execute("INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", (entry_id, body))


@pytest.fixture
def written(vault_env: VaultEnv) -> VaultEnv:
    """Drawings written every way an entry is (single saves, a bulk load, an import), gifts in
    another register whose text matches the same searches, entries voided, levels raised, a
    text edited."""
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        regs.add("drawings", drawing(drawing_no="S-1", remarks="装配图更正"), confirm=True)
        regs.add("drawings", drawing(drawing_no="S-2", level="一般"), confirm=True)
        bulk_drawings(regs, 120, batch=40)
        rows = [drawing(drawing_no=f"I-{i}", receiver="张伟") for i in range(30)]
        regs.add_many("drawings", rows, source="test")
        for description in ("总装图一册", "装配图样", "茶叶"):
            regs.add("gifts", gift(description=description), confirm=True)
        page = regs.page("drawings", Query(limit=6))
        regs.void("drawings", page[0].number, "登记重复")
        regs.void("drawings", page[1].number, "登记重复")
        for entry in regs.page("drawings", Query(where={"level": "一般"}, limit=2)):
            regs.edit("drawings", entry.number, {"level": "机密"}, expected_revision=1)
        regs.edit("drawings", page[3].number, {"remarks": "新的备注"}, expected_revision=1)
    finally:
        s.logout()
    return vault_env


def test_every_write_gives_the_document_its_scope(written: VaultEnv) -> None:
    """A live entry's document is its fields' tokens and then its register's and level's
    token; a voided entry's has no scope token; a level changed changes the token."""
    store = written.raw()
    try:
        documents = _documents(store)
        entries = _entries(store)
    finally:
        store.close()
    forms = written.forms
    voided = [e for e in entries if e[3]]
    assert len(voided) == 2
    assert {lv for _i, r, lv, v, _d in entries if r == "drawings" and not v} == {1, 3}
    for entry_id, register, level, is_voided, stored in entries:
        spec = forms[register]
        fields = search.document(str(stored[n]) for n in spec.search if n in stored).split()
        scope = [] if is_voided else [f"z{register.encode().hex()}l{level}"]
        assert documents[entry_id] == fields + scope, (entry_id, register, level, is_voided)


def test_the_rebuild_makes_the_documents_the_writes_made(written: VaultEnv) -> None:
    store = written.raw()
    try:
        made = _documents(store)
        store.execute("DELETE FROM meta WHERE key = ?", (reindex.RECIPE_KEY,))
    finally:
        store.close()
    s = written.login(OFFICER)
    try:
        regs = written.registers(s)
        assert regs.planner.scoped
        assert reindex.current(s.vault.store, written.forms.registers)
        assert _documents(s.vault.store) == made
    finally:
        s.logout()


def _check_counts(regs: Registers, *, scoped: bool) -> None:
    """Every search, alone and with each level, counted as the plain count; by the search
    index alone when the planner has the scope tokens."""
    for text in _WORDS:
        for level in (None, *_LEVELS):
            query = Query(search=text, where={"level": level} if level else {})
            assert regs.count("drawings", query) == plain_count(regs, query), (text, level)
            plan = count_plan(regs, query)
            if scoped:
                assert plan in ("SCAN entry_fts VIRTUAL TABLE INDEX 0:M1", "SCAN CONSTANT ROW")
            else:
                assert "entry_fts" not in plan or "entries" in plan, plan


@pytest.mark.parametrize("who", [OFFICER, CLERK])
def test_counts_by_scope_are_the_plain_counts(
    written: VaultEnv, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The officer sees every drawing (with ``OUTSIDE_PROBES`` 0 the shortcut is off, as on
    a vault with many entries outside); the clerk (秘密) not the 机密 ones: both counts of
    every search, alone and with a level (绝密 matching none, 机密 above the clerk), are the
    plain counts, made by the search index alone."""
    monkeypatch.setattr(planning, "OUTSIDE_PROBES", 0)
    s = written.login(who)
    try:
        regs = written.registers(s)
        assert regs.count("drawings", Query(search="图")) > 0
        _check_counts(regs, scoped=True)
        regs.planner.scoped = False  # the documents of an older vault: counted as before
        _check_counts(regs, scoped=False)
    finally:
        s.logout()


def _to_schema_17(env: VaultEnv) -> dict[int, list[str]]:
    """The vault as schema 17 left it: documents without scope tokens, no recipe."""
    store = env.raw()
    try:
        _old_documents(store, env.forms)
        store.execute("DELETE FROM meta WHERE key = ?", (reindex.RECIPE_KEY,))
        store.execute("PRAGMA user_version = 17")
        return _documents(store)
    finally:
        store.close()


def test_a_vault_of_schema_17_gets_scope_tokens_at_its_first_start(
    written: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade to 18 (after its verified copy), then the engine's first start makes the
    documents again; a cancel leaves them, and the counts right, until the next start."""
    monkeypatch.setattr(planning, "OUTSIDE_PROBES", 0)
    store = written.raw()
    try:
        made = _documents(store)
    finally:
        store.close()
    old = _to_schema_17(written)
    assert old != made
    s = written.login(CLERK)
    try:
        assert db.schema_version(s.vault.store) == db.latest_version() == 18
        assert s.vault.upgraded is not None
        assert s.vault.upgraded.old == 17
        reports: list[tuple[int, int]] = []

        def cancel(done: int, total: int) -> bool:
            reports.append((done, total))
            return False

        regs = open_registers(s, written.forms, cancel)
        assert reports
        assert not regs.planner.scoped
        assert not s.vault.store.in_transaction
        assert _documents(s.vault.store) == old
        assert not reindex.current(s.vault.store, written.forms.registers)
        _check_counts(regs, scoped=False)

        reports.clear()

        def follow(done: int, total: int) -> bool:
            reports.append((done, total))
            return True

        regs = open_registers(s, written.forms, follow)
        assert regs.planner.scoped
        assert _documents(s.vault.store) == made
        assert reports[-1][0] == reports[-1][1]
        assert [d for d, _n in reports] == sorted(d for d, _n in reports)
        _check_counts(regs, scoped=True)
    finally:
        s.logout()


def _wider(forms: Forms) -> Forms:
    """The shipped forms with the drawings' issue date searchable too."""
    spec = forms["drawings"]
    assert "issued_on" not in spec.search
    wider = dataclasses.replace(spec, search=(*spec.search, "issued_on"))
    return Forms({**forms, "drawings": wider})


def test_a_full_disk_during_the_rebuild_changes_nothing(
    written: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents made again are larger (a field more, the scope tokens) than the vault has
    room for: nothing is changed, the engine counts without the tokens, and the next start
    with room makes them."""
    monkeypatch.setattr(planning, "OUTSIDE_PROBES", 0)
    old = _to_schema_17(written)
    forms = _wider(written.forms)
    s = written.login(OFFICER)  # the upgrade to 18 first, with room
    s.logout()
    store = written.raw()
    try:
        store.execute("VACUUM")  # no free page left for the rebuild to reuse
    finally:
        store.close()
    s = written.login(OFFICER)
    try:
        store = s.vault.store
        assert int(store.scalar("PRAGMA freelist_count")) == 0
        store.scalar(f"PRAGMA max_page_count = {int(store.scalar('PRAGMA page_count'))}")
        try:
            regs = open_registers(s, forms)
        finally:
            store.scalar("PRAGMA max_page_count = 4294967294")
        assert not regs.planner.scoped
        assert not store.in_transaction
        assert _documents(store) == old
        _check_counts(regs, scoped=False)
        assert open_registers(s, forms).planner.scoped  # the next start makes them
    finally:
        s.logout()


def test_a_changed_search_field_makes_the_documents_again(written: VaultEnv) -> None:
    """A form whose searchable fields change gets its documents made by the new list: the
    drawings issued on a day found by its date once the date is searchable, and no longer
    after it is not."""
    forms = written.forms
    wider = _wider(forms)
    day = "2026-03-01"
    s = written.login(OFFICER)
    try:
        issued = int(
            s.vault.store.scalar(
                "SELECT count(*) FROM entries WHERE register = 'drawings' AND voided = 0 "
                "AND data ->> '$.issued_on' = ?",
                (day,),
            )
        )
        assert issued >= 30
        regs = open_registers(s, forms)
        assert regs.count("drawings", Query(search=day)) == 0
        regs = open_registers(s, wider)
        assert regs.planner.scoped
        assert reindex.current(s.vault.store, wider.registers)
        assert regs.count("drawings", Query(search=day)) == issued
        regs = open_registers(s, forms)
        assert regs.count("drawings", Query(search=day)) == 0
    finally:
        s.logout()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _stale(env: VaultEnv) -> None:
    store = env.raw()
    try:
        store.execute("DELETE FROM meta WHERE key = ?", (reindex.RECIPE_KEY,))
    finally:
        store.close()


def test_a_command_makes_the_documents_again_and_tells_a_terminal(written: VaultEnv) -> None:
    """The first command after the upgrade makes the documents again: a script's standard
    error stays empty; a person at a terminal is told what is happening and how far it is."""
    _stale(written)
    quiet = written.cli_as(OFFICER, ["entries", "list", "--register", "drawings"])
    assert quiet.code == 0
    assert quiet.err == ""
    store = written.raw()
    try:
        assert reindex.current(store, written.forms.registers)
    finally:
        store.close()

    _stale(written)
    terminal = _Terminal()
    env = cli.Env(
        stdin=io.StringIO(written.passwords[OFFICER] + "\n"),
        stdout=io.StringIO(),
        stderr=terminal,
        lang="zh_CN",
        clock=written.clock,
        params=MIN_PARAMS,
    )
    argv = ["entries", "list", "--register", "drawings", "--vault", str(written.folder)]
    assert cli.run([*argv, "--as", OFFICER], env) == 0
    told = terminal.getvalue().splitlines()
    assert "正在重建检索索引（升级后只需一次）……" in told
    assert told[-1] == "检索索引：已完成 100%"

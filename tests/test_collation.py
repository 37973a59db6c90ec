"""Chinese order: names and Chinese text sort by pinyin — the key, the stored keys of every
write path, SQL ordering (served by an index), and migration 9 that adds the keys to a vault
of the previous schema (issue 15 item 3)."""

from __future__ import annotations

import json

from secrecy_desk.core.collation import numbered_key, sort_key, sort_keys
from secrecy_desk.forms import SortKey
from secrecy_desk.records.model import Query
from secrecy_desk.vault import db
from tests.support.vault import OFFICER, VaultEnv

NAMES = ["罗明", "程刚", "陈伟", "张伟", "Li Lei", "阿强", "吕方", "卢一", "赵录入"]
PINYIN = ["Li Lei", "阿强", "陈伟", "程刚", "卢一", "罗明", "吕方", "张伟", "赵录入"]


def test_the_key_puts_chinese_in_pinyin_order() -> None:
    assert sorted(NAMES) != PINYIN  # code points: 张 and 陈 before 程, 罗 …
    assert sorted(NAMES, key=sort_key) == PINYIN
    assert sort_key("DZ-100") == "DZ-100"  # ASCII stays as it is
    assert sort_keys({"receiver": "陈伟", "drawing_no": "DZ-1", "copies": 2}) == json.dumps(
        {"receiver": sort_key("陈伟")}, ensure_ascii=False
    )
    assert sort_keys({"drawing_no": "DZ-1"}) is None


def test_numbers_in_names_sort_by_their_value() -> None:
    names = ["三室", "总体部", "十二室", "一室", "保密办", "二室", "第十研究室", "第2研究室"]
    want = ["一室", "二室", "三室", "十二室", "保密办", "第2研究室", "第十研究室", "总体部"]
    assert sorted(names) != want  # code points: 三 before 二
    assert sorted(names, key=sort_key) != want  # pinyin: èr before sān before yī
    assert sorted(names, key=numbered_key) == want
    assert [numbered_key(n)[:12] for n in ("一百零五室", "二〇二六", "两室", "12")] == [
        f"{n:012d}" for n in (105, 2026, 2, 12)
    ]


def _add_all(env: VaultEnv) -> None:
    session = env.login(OFFICER)
    try:
        regs = env.registers(session)
        for i, name in enumerate(NAMES):
            regs.add(
                "drawings",
                {"drawing_no": f"DZ-{i}", "drawing_name": "图", "level": "一般", "receiver": name},
            )
        # A revision keeps its key too: 卢一 becomes 白一 (bái, first of the Chinese names).
        number = next(e.number for e in regs.page("drawings", Query(limit=None))
                      if e.values["receiver"] == "卢一")  # fmt: skip
        regs.edit("drawings", number, {"receiver": "白一"}, expected_revision=1)
    finally:
        session.logout()


def _receivers(env: VaultEnv, descending: bool = False) -> list[str]:
    session = env.login(OFFICER)
    try:
        query = Query(sort=(SortKey("receiver", descending),), limit=None)
        return [str(e.values["receiver"]) for e in env.registers(session).page("drawings", query)]
    finally:
        session.logout()


def test_lists_sort_by_pinyin_from_an_index(vault_env: VaultEnv) -> None:
    _add_all(vault_env)
    expected = [n if n != "卢一" else "白一" for n in NAMES]
    expected.sort(key=sort_key)
    assert expected[:3] == ["Li Lei", "阿强", "白一"]
    assert _receivers(vault_env) == expected
    assert _receivers(vault_env, descending=True) == expected[::-1]
    session = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(session)
        regs.analyze()
        spec = regs.spec("drawings")
        sort = (SortKey("receiver"),)
        assert (
            regs.planner.page_hint(spec, Query(), sort).hint
            == "INDEXED BY ix_drawings_receiver__py"
        )
        order = regs.planner.order(spec, sort)
        plan = regs.store.all(
            "EXPLAIN QUERY PLAN SELECT id FROM entries INDEXED BY ix_drawings_receiver__py "
            f"WHERE register = 'drawings' AND voided = 0 ORDER BY {order} LIMIT 5"
        )
        details = " ".join(str(row[-1]) for row in plan)
        assert "ix_drawings_receiver__py" in details
        # Read in the index's order: no sort of every match (ties only, as for any column).
        assert "USE TEMP B-TREE FOR ORDER BY" not in details
    finally:
        session.logout()


def test_migration_9_adds_the_keys_to_an_older_vault(vault_env: VaultEnv) -> None:
    _add_all(vault_env)
    store = vault_env.raw()
    try:
        # The vault as schema 5 left it: no sortkeys column (nor the indexes on it).
        for (name,) in store.all(
            "SELECT name FROM sqlite_schema WHERE name LIKE 'ix\\_%__py' ESCAPE '\\'"
        ):
            store.execute(f"DROP INDEX {name}")
        store.execute("ALTER TABLE entries DROP COLUMN sortkeys")
        store.execute("PRAGMA user_version = 8")
        assert db.migrate(store, target=9) == 9
        # (the later steps are in this vault already)
        store.execute(f"PRAGMA user_version = {db.latest_version()}")
        keys: dict[object, object] = dict(
            store.all("SELECT json_extract(data, '$.receiver'), sortkeys FROM entries")
        )
    finally:
        store.close()
    assert json.loads(str(keys["Li Lei"])) == {"drawing_name": sort_key("图")}
    assert json.loads(str(keys["陈伟"])) == {
        "drawing_name": sort_key("图"),
        "receiver": sort_key("陈伟"),
    }
    expected = sorted((n if n != "卢一" else "白一" for n in NAMES), key=sort_key)
    assert _receivers(vault_env) == expected

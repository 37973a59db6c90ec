"""``secrecy-desk-admin carriers``: every lifecycle action from a terminal, one sentence on
bad input (issue 12)."""

from __future__ import annotations

from pathlib import Path

from secrecy_desk.modules.registry import open_registers
from tests.support.carriers import make_person
from tests.support.vault import OFFICER, VaultEnv, one_sentence


def _person(vault_env: VaultEnv) -> str:
    s = vault_env.login(OFFICER)
    try:
        return make_person(open_registers(s, vault_env.forms), "陈静")
    finally:
        s.logout()


def test_register_issue_lend_return_and_history(vault_env: VaultEnv, tmp_path: Path) -> None:
    chen = _person(vault_env)
    run = vault_env.cli_as
    r = run(OFFICER, ["carriers", "register", "--set", "kind=光盘", "--set", "title=试验数据",
                      "--set", "level=秘密", "--set", "department=总体部"])  # fmt: skip
    assert r.code == 0, r.err
    number = r.out.split()[1]
    assert run(OFFICER, ["carriers", "issue", "--items", number, "--holder", chen]).code == 0
    r = run(OFFICER, ["carriers", "lend", "--items", number, "--borrower", chen,
                      "--due", "2026-03-09"])  # fmt: skip
    assert r.code == 0, r.err
    again = run(OFFICER, ["carriers", "lend", "--items", number, "--borrower", chen,
                          "--due", "2026-03-09"])  # fmt: skip
    assert again.code == 1
    one_sentence(again)
    assert "already lent" in again.err
    assert (
        run(OFFICER, ["carriers", "return", "--items", number, "--checked-by", "钱保密"]).code == 0
    )
    r = run(OFFICER, ["carriers", "history", "--item", number])
    assert r.code == 0
    assert "Lent" in r.out
    assert "Returned" in r.out
    r = run(OFFICER, ["carriers", "holdings", "--person", chen])
    assert number in r.out
    r = run(OFFICER, ["carriers", "print", "slip", "--item", number, "--to",
                      str(tmp_path / "slip.pdf")])  # fmt: skip
    assert r.code == 0, r.err
    assert (tmp_path / "slip.pdf").read_bytes().startswith(b"%PDF")


def test_a_stocktake_from_the_terminal(vault_env: VaultEnv) -> None:
    run = vault_env.cli_as
    r = run(OFFICER, ["carriers", "register", "--set", "kind=U盘", "--set", "title=数据",
                      "--set", "level=机密", "--set", "department=总体部"])  # fmt: skip
    number = r.out.split()[1]
    r = run(OFFICER, ["carriers", "stocktake", "open"])
    assert r.code == 0, r.err
    take = r.out.split()[1]
    bad = run(OFFICER, ["carriers", "stocktake", "mark", "--number", take, "--item", "ZT-1"])
    assert bad.code == 1
    one_sentence(bad)
    assert run(OFFICER, ["carriers", "stocktake", "mark", "--number", take,
                         "--item", number]).code == 0  # fmt: skip
    r = run(OFFICER, ["carriers", "stocktake", "close", "--number", take])
    assert r.code == 0
    assert "match rate 100.0%" in r.out

"""Date ranges and quick filters: ``Query.ranges`` (a day, a month or a year as a bound),
a month or year typed as a date filter, "mine", the registers' quick filters, and the command
line's ``--from/--to`` (issue 17 item 4, issue 15 item 2)."""

from __future__ import annotations

from datetime import date

import pytest

from secrecy_desk.forms import EntryInvalid
from secrecy_desk.records.model import Query
from secrecy_desk.records.periods import apply_quick, bound, quick_filter
from tests.support.vault import CLERK, OFFICER, VaultEnv

BASE = {"drawing_no": "DZ-1", "drawing_name": "总装图", "level": "一般", "receiver": "张伟"}


def _add(env: VaultEnv, login: str, **values: str) -> str:
    values.setdefault("drawing_no", f"DZ-{values['issued_on']}")
    session = env.login(login)
    try:
        return env.registers(session).add("drawings", {**BASE, **values}).entry.number
    finally:
        session.logout()


@pytest.fixture
def drawings(vault_env: VaultEnv) -> dict[str, str]:
    """Four issues (the clock stands at 2026-03-02): January, February (overdue, not back),
    February (back), March by the clerk."""
    return {
        "jan": _add(vault_env, OFFICER, issued_on="2026-01-15"),
        "overdue": _add(
            vault_env, OFFICER, issued_on="2026-02-10", must_recall="是", due_on="2026-02-20"
        ),
        "back": _add(
            vault_env,
            OFFICER,
            issued_on="2026-02-11",
            must_recall="是",
            due_on="2026-02-21",
            recalled="是",
            recalled_on="2026-02-21",
        ),
        "mine": _add(vault_env, CLERK, issued_on="2026-03-01"),
    }


def _numbers(env: VaultEnv, query: Query, login: str = OFFICER) -> set[str]:
    session = env.login(login)
    try:
        regs = env.registers(session)
        found = {e.number for e in regs.page("drawings", query)}
        assert regs.count("drawings", query) == len(found)
        return found
    finally:
        session.logout()


def test_bounds_take_the_whole_period() -> None:
    assert bound("2026-02", end=True) == date(2026, 2, 28)
    assert bound("2026年7月", end=False) == date(2026, 7, 1)
    assert bound("2026", end=True) == date(2026, 12, 31)
    assert bound("2026.11.27", end=False) == date(2026, 11, 27)
    assert bound("2026-13", end=False) is None
    assert bound("下月", end=False) is None


def test_ranges_months_and_mine(vault_env: VaultEnv, drawings: dict[str, str]) -> None:
    feb = {drawings["overdue"], drawings["back"]}
    assert _numbers(vault_env, Query(ranges={"issued_on": ("2026-02", "2026-02")})) == feb
    assert _numbers(vault_env, Query(ranges={"issued_on": ("2026-02-11", "")})) == {
        drawings["back"],
        drawings["mine"],
    }
    assert _numbers(vault_env, Query(ranges={"issued_on": ("", "2026-01")})) == {drawings["jan"]}
    # A month typed as a date filter is that month (it used to be refused).
    assert _numbers(vault_env, Query(where={"issued_on": "2026-02"})) == feb
    assert _numbers(vault_env, Query(created_by=CLERK)) == {drawings["mine"]}


def test_bad_bound_is_told_at_its_field(vault_env: VaultEnv, drawings: dict[str, str]) -> None:
    with pytest.raises(EntryInvalid) as caught:
        _numbers(vault_env, Query(ranges={"issued_on": ("上个月", "")}))
    assert [p.field for p in caught.value.problems] == ["issued_on"]
    assert "2026-11" in caught.value.problems[0].message("zh_CN")
    with pytest.raises(EntryInvalid):
        _numbers(vault_env, Query(ranges={"receiver": ("2026", "")}))


def test_quick_filters_from_the_definition(vault_env: VaultEnv, drawings: dict[str, str]) -> None:
    spec = vault_env.forms["drawings"]
    today = date(2026, 3, 2)

    def quick(*ids: str) -> set[str]:
        chosen = [quick_filter(spec, i) for i in ids]
        return _numbers(vault_env, apply_quick(Query(), chosen, today=today, login=CLERK))

    assert quick("overdue") == {drawings["overdue"]}
    assert quick("not_recalled") == {drawings["jan"], drawings["overdue"], drawings["mine"]}
    assert quick("this_month") == {drawings["mine"]}
    assert quick("mine") == {drawings["mine"]}
    assert quick("not_recalled", "mine") == {drawings["mine"]}
    assert quick("overdue", "mine") == set()


def test_every_register_offers_mine(vault_env: VaultEnv) -> None:
    for spec in vault_env.forms.registers:
        if spec.id != "prints":
            assert any(q.mine for q in spec.listing.quick), spec.id


def test_cli_list_from_to(vault_env: VaultEnv, drawings: dict[str, str]) -> None:
    listing = vault_env.cli_as(
        OFFICER,
        ["entries", "list", "--register", "drawings", "--format", "csv",
         "--from", "issued_on=2026-02", "--to", "issued_on=2026-02"],
    )  # fmt: skip
    assert listing.code == 0, listing.err
    assert drawings["overdue"] in listing.out
    assert drawings["back"] in listing.out
    assert drawings["jan"] not in listing.out
    assert drawings["mine"] not in listing.out
    mine = vault_env.cli_as(
        CLERK, ["entries", "list", "--register", "drawings", "--format", "csv", "--mine"]
    )
    assert mine.code == 0, mine.err
    assert drawings["mine"] in mine.out
    assert drawings["jan"] not in mine.out
    bad = vault_env.cli_as(
        OFFICER, ["entries", "list", "--register", "drawings", "--from", "issued_on=昨天"]
    )
    assert bad.code == 1


def test_export_period(vault_env: VaultEnv, drawings: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "feb.csv"
    done = vault_env.cli_as(
        OFFICER,
        ["export", "--register", "drawings", "--to", str(target),
         "--period-from", "issued_on=2026-02-01", "--period-to", "issued_on=2026-02-28"],
    )  # fmt: skip
    assert done.code == 0, done.err
    written = "".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob("*.csv"))
    assert drawings["overdue"] in written
    assert drawings["jan"] not in written

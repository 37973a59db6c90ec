"""The carriers' sections of the periodic work report (issue 17): carriers and equipment by
level and status with the period's changes, stocktakes and their match rates, destruction
totals — counted within the reader's clearance, and on the printed report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from secrecy_desk.modules.approvals.engine import Decision
from secrecy_desk.modules.base import Figures
from secrecy_desk.modules.carriers.figures import (
    carrier_figures,
    destruction_figures,
    stocktake_figures,
)
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.carriers.packages import Packages
from secrecy_desk.modules.carriers.stocktake import Stocktakes
from secrecy_desk.modules.reports.periodic import Period, document, work_report
from secrecy_desk.vault import db
from secrecy_desk.vault.session import Session
from tests.support.approvals import LEADER, add_approvers, approvals_as
from tests.support.carriers import carrier, equipment, make_person
from tests.support.vault import CLERK, OFFICER, VaultEnv

TODAY = date(2026, 3, 2)
START, END = date(2026, 1, 1), date(2026, 6, 30)


def _lines(figures: Figures) -> dict[str, tuple[str, str]]:
    return {f.label: (f.value, f.note) for f in figures.lines}


@pytest.fixture
def built(vault_env: VaultEnv) -> VaultEnv:
    """Five carriers (one 秘密, four 机密) and a computer; two issued, one lent; a stocktake of
    four items with three found; a package of a carrier and the computer destroyed."""
    add_approvers(vault_env)
    s = vault_env.login(OFFICER)
    try:
        desk = Carriers(vault_env.registers(s))
        holder = make_person(desk.registers, "陈静")
        low = desk.register("carriers", carrier(level="秘密", location="柜1")).number
        high = [desk.register("carriers", carrier(location="柜1")).number for _ in range(3)]
        other = desk.register("carriers", carrier(location="柜2")).number
        computer = desk.register("equipment", equipment()).number
        desk.issue([low, high[0]], holder, on_date=TODAY)
        desk.lend([high[1]], holder, on_date=TODAY, due_on=date(2026, 3, 20))
        takes = Stocktakes(desk)
        take = takes.open("location", "柜1")
        for n in (low, high[0], high[1]):
            takes.mark(take.number, n)
        takes.close(take.number)
        pk = Packages(desk)
        package = pk.submit(pk.create([other, computer], reason="到期", method="shredding").number)
    finally:
        s.logout()
    assert package.approval
    with approvals_as(vault_env, LEADER) as a:
        r = a.get(package.approval)
        a.decide(r.number, Decision.APPROVE, "同意", password=vault_env.passwords[LEADER],
                 expected_revision=r.revision)  # fmt: skip
    s = vault_env.login(OFFICER)
    try:
        Packages(Carriers(vault_env.registers(s))).execute(
            package.number, on_date=TODAY, method="shredding", place="保密室",
            handler="钱保密", witnesses=["甲", "乙"],
        )  # fmt: skip
    finally:
        s.logout()
    return vault_env


def _as(env: VaultEnv, login: str) -> Iterator[Session]:
    s = env.login(login)
    try:
        yield s
    finally:
        s.logout()


def test_the_sections_count_the_period(built: VaultEnv) -> None:
    for s in _as(built, OFFICER):
        regs = built.registers(s)
        c = carrier_figures(regs, START, END)
        lines = _lines(c)
        assert lines["涉密载体在册（件，制表时，不含已销毁）"] == ("4", "机密 3、秘密 1")
        assert lines["涉密载体按状态（件，制表时）"][0] == "5"
        status = lines["涉密载体按状态（件，制表时）"][1]
        assert "已销毁 1" in status
        assert "借出 1" in status
        assert lines["本期新登记涉密载体（件）"] == ("5", "机密 4、秘密 1")
        moved = lines["本期涉密载体流转（次）"]
        assert moved[0] == "9"  # 5 registered, 2 issued, 1 lent, 1 destroyed
        assert "借出 1" in moved[1]
        assert "销毁 1" in moved[1]
        assert lines["涉密信息设备在册（台，制表时，不含已销毁）"][0] == "0"
        assert c.level.zh == "机密"

        t = _lines(stocktake_figures(regs, START, END))
        assert t["本期完成清查（次）"][0] == "1"
        assert t["本期完成清查（次）"][1].endswith("75.0%")
        assert (t["应在（件）"][0], t["清点在位（件）"][0], t["缺失（件）"][0]) == ("4", "3", "1")
        assert t["账物相符率（本期合计）"][0] == "75.0%"

        d = _lines(destruction_figures(regs, START, END))
        assert d["本期执行销毁（批）"] == ("1", "粉碎 1")
        assert d["本期销毁载体（件）"] == ("1", "机密 1")
        assert d["本期销毁设备（台）"] == ("1", "机密 1")

        # Another period counts no changes, but the register stands as it is.
        later = _lines(carrier_figures(regs, date(2026, 7, 1), date(2026, 12, 31)))
        assert later["本期新登记涉密载体（件）"][0] == "0"
        assert later["涉密载体在册（件，制表时，不含已销毁）"][0] == "4"
        assert _lines(stocktake_figures(regs, date(2026, 7, 1), date(2026, 12, 31)))[
            "账物相符率（本期合计）"
        ] == ("—", "")

        report = work_report(regs, Period.of(2026, "h1"))
        titles = [section.title for section in report.sections]
        assert {"涉密载体与设备", "载体清查", "载体销毁"} <= set(titles)
        rows = [r.cells[0] for r in document(report, "某单位").rows]
        assert any("账物相符率" in cell for cell in rows)


def test_the_clerk_counts_only_within_the_clearance(built: VaultEnv) -> None:
    for s in _as(built, CLERK):  # clearance 秘密: the 机密 carriers are not counted
        regs = built.registers(s)
        lines = _lines(carrier_figures(regs, START, END))
        assert lines["涉密载体在册（件，制表时，不含已销毁）"] == ("1", "秘密 1")
        assert lines["本期新登记涉密载体（件）"] == ("1", "秘密 1")
        d = _lines(destruction_figures(regs, START, END))
        assert d["本期执行销毁（批）"][0] == "0"  # its items are above the clearance
        assert d["本期销毁载体（件）"][0] == "0"
        t = _lines(stocktake_figures(regs, START, END))
        assert t["本期完成清查（次）"][0] == "0"  # the stocktake is marked 机密


def test_migration_13_indexes_the_events_by_date(tmp_path: Path) -> None:
    store = db.open_database(tmp_path / "v10.db", os.urandom(32), create=True)
    try:
        db.migrate(store, target=10)
        store.execute("PRAGMA foreign_keys = OFF")  # an event alone, without its entry
        store.execute(
            "INSERT INTO carrier_events (entry_id, kind, on_date, from_status, to_status, "
            "holder_before, holder_after, party, due_on, ref, details, at, account) "
            "VALUES (1, 'register', '2026-03-02', '', 'registered', NULL, NULL, '', NULL, "
            "NULL, '{}', '2026-03-02T01:00:00Z', 'x')"
        )
        db.migrate(store)
        assert db.schema_version(store) == db.latest_version() >= 13
        plan = " ".join(
            str(r[-1])
            for r in store.all(
                "EXPLAIN QUERY PLAN SELECT kind, count(*) FROM carrier_events "
                "WHERE on_date BETWEEN '2026-01-01' AND '2026-06-30' GROUP BY kind"
            )
        )
        assert "carrier_events_on" in plan
        assert store.scalar("SELECT count(*) FROM carrier_events") == 1
    finally:
        store.close()

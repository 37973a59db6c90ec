"""Carriers and equipment through their lifecycle (issue 12): every step one operation with its
event and audit record, the bad input the issue lists refused with one sentence and nothing
half done, level and term never going down."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.forms import EntryInvalid
from secrecy_desk.modules.carriers.lifecycle import Carriers
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault import db
from secrecy_desk.vault.session import Session
from tests.support.carriers import carrier, equipment, make_person
from tests.support.data import audit_rows
from tests.support.vault import VaultEnv

TODAY = date(2026, 3, 2)


@pytest.fixture
def desk(regs: Registers) -> Carriers:
    return Carriers(regs)


@pytest.fixture
def people(regs: Registers) -> tuple[str, str]:
    return make_person(regs, "陈静"), make_person(regs, "李明")


def _count(session: Session, sql: str, *params: object) -> int:
    return int(session.vault.store.scalar(sql, params))


def test_the_whole_lifecycle_is_events_with_audit_records(
    desk: Carriers, people: tuple[str, str], officer: Session
) -> None:
    chen, li = people
    item = desk.register("carriers", carrier())
    assert item.status == "registered"
    assert item.number.startswith("ZT-2026-")
    desk.issue([item.number], chen, on_date=TODAY)
    assert desk.item(item.number).values["holder"] == chen
    desk.lend([item.number], li, due_on=TODAY + timedelta(days=7), on_date=TODAY)
    lent = desk.item(item.number)
    assert lent.status == "lent"
    assert lent.values["holder"] == li
    assert lent.values["due_on"] == TODAY + timedelta(days=7)
    desk.return_([item.number], checked_by="钱保密", on_date=TODAY)
    back = desk.item(item.number)
    assert back.status == "issued"
    assert back.values["holder"] == chen
    assert back.values["due_on"] is None
    desk.repair(
        [item.number], repairer="某维修站", where="保密室", supervisor="钱保密", on_date=TODAY
    )
    desk.return_([item.number], checked_by="钱保密", on_date=TODAY)
    desk.send([item.number], recipient="上级机关机要室", doc_no="FW-7", on_date=TODAY)
    assert desk.item(item.number).status == "sent"
    desk.receipt(item.number, signed_by="王收", on_date=TODAY)
    kinds = [h.kind for h in desk.history(item.number)]
    assert kinds == ["register", "issue", "lend", "return", "repair", "return", "send", "receipt"]
    audited = [r.action for r in audit_rows(officer) if r.obj == f"carriers:{item.number}"]
    assert audited[-7:] == [
        "carrier.issue", "carrier.lend", "carrier.return", "carrier.repair",
        "carrier.return", "carrier.send", "carrier.receipt",
    ]  # fmt: skip


def test_several_items_at_once_are_one_transaction(
    desk: Carriers, people: tuple[str, str], officer: Session
) -> None:
    chen, li = people
    a = desk.register("carriers", carrier()).number
    b = desk.register("carriers", carrier(title="第二份")).number
    desk.lend([b], li, due_on=TODAY, on_date=TODAY)
    before = _count(officer, "SELECT count(*) FROM carrier_events")
    with pytest.raises(ValidationError) as exc:
        desk.lend([a, b], chen, due_on=TODAY, on_date=TODAY)
    assert "already lent to 李明" in exc.value.message("en")
    assert desk.item(a).status == "registered"  # nothing half done
    assert _count(officer, "SELECT count(*) FROM carrier_events") == before


@pytest.mark.parametrize(
    ("setup", "action", "sentence"),
    [
        ("none", "return", "there is nothing to return"),
        ("lent", "lend", "already lent"),
        ("none", "destroy_edit", "lifecycle actions"),
    ],
)
def test_bad_lifecycle_steps_get_one_sentence(
    desk: Carriers, people: tuple[str, str], setup: str, action: str, sentence: str
) -> None:
    chen, _ = people
    number = desk.register("carriers", carrier()).number
    if setup == "lent":
        desk.lend([number], chen, due_on=TODAY, on_date=TODAY)
    item = desk.item(number)

    def attempt() -> object:
        if action == "return":
            return desk.return_([number], checked_by="钱保密", on_date=TODAY)
        if action == "lend":
            return desk.lend([number], chen, due_on=TODAY, on_date=TODAY)
        # destroying by setting the status by hand
        return desk.registers.edit(
            "carriers", number, {}, expected_revision=item.revision, status="destroyed"
        )

    with pytest.raises(ValidationError) as exc:
        attempt()
    assert sentence in exc.value.message("en")
    assert desk.item(number).revision == item.revision


def test_level_and_term_never_go_down(desk: Carriers, regs: Registers) -> None:
    item = desk.register("carriers", carrier(level="机密", term="20年"))
    with pytest.raises(EntryInvalid) as exc:
        regs.edit("carriers", item.number, {"level": "秘密"}, expected_revision=item.revision)
    assert "cannot go down from 机密 to 秘密" in exc.value.message("en")
    with pytest.raises(EntryInvalid) as exc:
        regs.edit("carriers", item.number, {"term": "5年"}, expected_revision=item.revision)
    assert "cannot be shortened" in exc.value.message("en")
    raised = regs.edit("carriers", item.number, {"term": "长期"}, expected_revision=item.revision)
    assert raised.entry.marking == "机密★长期"
    low = desk.register("carriers", carrier(level="秘密"))
    up = regs.edit("carriers", low.number, {"level": "机密"}, expected_revision=low.revision)
    assert up.entry.level.zh == "机密"
    kit = desk.register("equipment", equipment(level="机密"))
    with pytest.raises(EntryInvalid):
        regs.edit("equipment", kit.number, {"level": "秘密"}, expected_revision=kit.revision)


def test_the_holder_is_never_typed_by_hand(
    desk: Carriers, regs: Registers, people: tuple[str, str]
) -> None:
    chen, _ = people
    with pytest.raises(EntryInvalid) as exc:
        regs.add("carriers", carrier(holder=chen))
    assert "lifecycle actions" in exc.value.message("en")
    item = desk.register("carriers", carrier())
    with pytest.raises(EntryInvalid):
        regs.edit("carriers", item.number, {"holder": chen}, expected_revision=item.revision)


def test_a_released_person_or_a_disabled_account_cannot_hold(
    desk: Carriers, regs: Registers, vault_env: VaultEnv
) -> None:
    from secrecy_desk.modules.personnel import lifecycle as people

    gone = make_person(regs, "赵离")
    for step in ("in_post", "disengaging", "released"):
        people.transition(regs, gone, step, on_date=TODAY, reason="测试")
    number = desk.register("carriers", carrier()).number
    with pytest.raises(ValidationError) as exc:
        desk.issue([number], gone, on_date=TODAY)
    assert "has been released" in exc.value.message("en")
    officer_store = regs.store
    with regs.session.operation():
        officer_store.execute(
            "UPDATE accounts SET disabled_at = '2026-03-01T00:00:00Z' WHERE login = 'zhaoclerk'"
        )
    with pytest.raises(ValidationError) as exc:
        desk.issue([number], "zhaoclerk", on_date=TODAY)
    assert "is disabled" in exc.value.message("en")
    assert desk.item(number).status == "registered"
    del vault_env


def test_equipment_is_neither_copied_nor_sent(desk: Carriers, people: tuple[str, str]) -> None:
    chen, _ = people
    kit = desk.register("equipment", equipment())
    desk.issue([kit.number], chen, on_date=TODAY)
    with pytest.raises(ValidationError) as exc:
        desk.send([kit.number], recipient="外单位", on_date=TODAY)
    assert "only carriers are sent" in exc.value.message("en")


def test_an_overdue_loan_is_flagged(
    desk: Carriers, people: tuple[str, str], vault_env: VaultEnv, regs: Registers
) -> None:
    chen, _ = people
    number = desk.register("carriers", carrier()).number
    desk.lend([number], chen, due_on=TODAY, on_date=TODAY)
    vault_env.clock.advance(timedelta(days=3))
    flags = regs.get("carriers", number, record_view=False).flags
    assert [f.kind for f in flags] == ["overdue"]


def test_migration_6_upgrades_a_vault_of_version_5(tmp_path: Path) -> None:
    store = db.open_database(tmp_path / "v5.db", os.urandom(32), create=True)
    try:
        db.migrate(store, target=5)
        assert db.schema_version(store) == 5
        db.migrate(store)
        assert db.schema_version(store) == db.latest_version()
        tables = {r[0] for r in store.all("SELECT name FROM sqlite_schema WHERE type='table'")}
        assert {"carrier_events", "carrier_stocktakes", "carrier_packages"} <= tables
    finally:
        store.close()

"""The records kernel's batched revision (``store.revise_entries``), used by every action on
many items: all the entries are revised or none, each guarded by its own revision; only the
columns that change are written, the search index only when the searchable text changes, and
the history reads as if each entry had been revised alone (``revise_entry``)."""

from __future__ import annotations

import pytest

from secrecy_desk.core.errors import ConflictError
from secrecy_desk.modules.registers import Registers
from secrecy_desk.records.model import Query
from secrecy_desk.records.store import Revise, revise_entries, revise_entry
from secrecy_desk.vault.session import Session
from tests.support.data import drawing
from tests.support.vault import OFFICER, VaultEnv


def _revise(
    regs: Registers, number: str, *, revision: int | None = None, **values: object
) -> Revise:
    entry = regs.get("drawings", number, record_view=False)
    new = dict(entry.values)
    new.update(values)  # type: ignore[arg-type]
    return Revise(
        entry_id=entry.id,
        number=entry.number,
        revision=entry.revision if revision is None else revision,
        values=new,
        level=entry.level,
        term=entry.term,
        status=entry.status,
        change="edit",
    )


def _found(regs: Registers, text: str) -> set[str]:
    return {e.number for e in regs.page("drawings", Query(search=text))}


def _revision_rows(s: Session) -> int:
    return int(s.vault.store.scalar("SELECT count(*) FROM entry_revisions"))


@pytest.fixture
def filled(vault_env: VaultEnv) -> tuple[Session, Registers, list[str]]:
    s = vault_env.login(OFFICER)
    regs = vault_env.registers(s)
    numbers = [
        regs.add("drawings", drawing(drawing_no=f"A-{i}", drawing_name=f"总装图{i}")).entry.number
        for i in range(3)
    ]
    return s, regs, numbers


def test_many_entries_are_revised_at_once_as_each_alone(
    filled: tuple[Session, Registers, list[str]],
) -> None:
    s, regs, numbers = filled
    try:
        spec = regs.spec("drawings")
        revs = [
            _revise(regs, numbers[0], copies=5),  # not searchable: the index stays as it was
            _revise(regs, numbers[1], drawing_name="部件图"),  # searchable and Chinese
            _revise(regs, numbers[2], remarks="已回收"),
        ]
        with s.operation():
            assert revise_entries(s, [(spec, r) for r in revs]) == [2, 2, 2]
        after = [regs.get("drawings", n, record_view=False) for n in numbers]
        assert [e.revision for e in after] == [2, 2, 2]
        assert after[0].values["copies"] == 5
        assert after[1].values["drawing_name"] == "部件图"
        history = regs.history("drawings", numbers[1])
        assert [h.values["drawing_name"] for h in history] == ["总装图1", "部件图"]
        assert _found(regs, "总装图0") == {numbers[0]}
        assert _found(regs, "部件图") == {numbers[1]}
        assert _found(regs, "总装图1") == set()
        assert _found(regs, "已回收") == {numbers[2]}
        # The pinyin sort key follows the changed text and is kept for the unchanged one.
        keys: dict[object, object] = dict(
            s.vault.store.all(
                "SELECT number, json_extract(sortkeys, '$.drawing_name') FROM entries "
                "WHERE register = 'drawings'"
            )
        )
        assert str(keys[numbers[1]]).startswith("~bu4部")
        assert str(keys[numbers[0]]).startswith("~zong3总")
        # One entry revised alone reads the same (revise_entry is a batch of one).
        with s.operation():
            assert revise_entry(s, spec, _revise(regs, numbers[0], drawing_name="总图")) == 3
        assert _found(regs, "总图") == {numbers[0]}
        assert regs.get("drawings", numbers[0], record_view=False).values["copies"] == 5
    finally:
        s.logout()


def test_one_stale_revision_refuses_them_all_and_nothing_is_written(
    filled: tuple[Session, Registers, list[str]],
) -> None:
    s, regs, numbers = filled
    try:
        spec = regs.spec("drawings")
        regs.edit("drawings", numbers[2], {"remarks": "别人先改了"}, expected_revision=1)
        rows = _revision_rows(s)
        revs = [
            _revise(regs, numbers[0], drawing_name="部件图"),
            _revise(regs, numbers[1], copies=9),
            _revise(regs, numbers[2], revision=1, copies=9),  # made from revision 1, now 2
        ]
        with pytest.raises(ConflictError) as caught, s.operation():
            revise_entries(s, [(spec, r) for r in revs])
        assert numbers[2] in caught.value.message("en")
        assert "Nothing was saved" in caught.value.message("en")
        assert [regs.get("drawings", n, record_view=False).revision for n in numbers] == [1, 1, 2]
        assert _revision_rows(s) == rows
        assert _found(regs, "总装图0") == {numbers[0]}
        assert _found(regs, "部件图") == set()
    finally:
        s.logout()

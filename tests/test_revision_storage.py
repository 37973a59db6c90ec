"""Schema 8: an entry's latest revision keeps its values in the entry row only (its revision
row holds ``''``); the values move into the revision row when a newer revision replaces it.
A vault of the schema before is upgraded: the history reads the same, revision rows stay
unchangeable, and the values are stored once."""

from __future__ import annotations

import pytest

from secrecy_desk.modules.registers import Registers, Revision
from secrecy_desk.vault import db
from tests.support.data import drawing
from tests.support.vault import OFFICER, VaultEnv, undo_step_14, undo_step_15

#: The trigger of schema 3–7: no revision row ever changes.
OLD_TRIGGER = """CREATE TRIGGER entry_revisions_no_update BEFORE UPDATE ON entry_revisions
BEGIN
    SELECT RAISE(ABORT, 'entry revisions are never changed');
END"""


#: Undoing the schema steps after 8, to give the vault the shape it had before step 8.
_LATER: dict[int, str] = {
    10: "DROP INDEX entries_status;\nDROP INDEX commitments_printed;",
    11: "DROP TRIGGER entry_totals_insert;\nDROP TRIGGER entry_totals_update;\n"
    "DROP TABLE entry_totals;",
    13: "DROP INDEX carrier_events_on;",
    16: "",  # the search index merged: nothing to undo (merging again changes nothing)
    17: "",  # the statistics indexes dropped: step 11 no longer makes them, nothing to undo
    18: "",  # the search documents' recipe removed: the engine makes them again
}


def _histories(regs: Registers, numbers: list[str]) -> dict[str, list[Revision]]:
    return {n: regs.history("drawings", n) for n in numbers}


def _stored(store: db.Store) -> tuple[int, int]:
    """(revision rows holding ``''``, bytes of values in revision rows)."""
    row = store.one("SELECT sum(data = ''), sum(length(CAST(data AS BLOB))) FROM entry_revisions")
    assert row is not None
    return int(row[0] or 0), int(row[1] or 0)


def _fill(regs: Registers) -> list[str]:
    """Three entries: one never edited, one edited once, one edited twice and voided."""
    plain = regs.add("drawings", drawing(drawing_no="A-1")).entry
    once = regs.add("drawings", drawing(drawing_no="A-2")).entry
    twice = regs.add("drawings", drawing(drawing_no="A-3")).entry
    regs.edit("drawings", once.number, {"copies": "3"}, expected_revision=1)
    regs.edit("drawings", twice.number, {"receiver": "李娜"}, expected_revision=1)
    regs.void("drawings", twice.number, "登记重复", expected_revision=2)
    return [plain.number, once.number, twice.number]


def test_the_latest_revision_is_stored_once_and_history_reads_alike(
    vault_env: VaultEnv,
) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        numbers = _fill(regs)
        history = _histories(regs, numbers)
        assert [len(h) for h in history.values()] == [1, 2, 3]
        assert history[numbers[1]][0].values["copies"] == 2
        assert history[numbers[1]][1].values["copies"] == 3
        assert history[numbers[2]][1].values["receiver"] == "李娜"
        assert _stored(s.vault.store)[0] == 3, "one '' per entry: its latest revision"
        store = s.vault.store
        with pytest.raises(db.DatabaseError, match="never changed"):
            store.execute("UPDATE entry_revisions SET data = '{}'")
        with pytest.raises(db.DatabaseError, match="never changed"):
            # Filling a latest revision's row with anything but the entry's own values.
            store.execute("UPDATE entry_revisions SET data = '{\"copies\":9}' WHERE data = ''")
        with pytest.raises(db.DatabaseError, match="never changed"):
            # The entry's values, but another column changed along with them.
            store.execute(
                "UPDATE entry_revisions SET note = 'x', data = "
                "(SELECT data FROM entries WHERE id = entry_id) WHERE data = ''"
            )
    finally:
        s.logout()


def test_a_vault_from_before_schema_8_is_upgraded_and_reads_the_same(vault_env: VaultEnv) -> None:
    s = vault_env.login(OFFICER)
    try:
        numbers = _fill(vault_env.registers(s))
        before = _histories(vault_env.registers(s), numbers)
    finally:
        s.logout()
    # The vault as the program before schema 8 wrote it: every revision row with its values,
    # and the trigger that refuses every change of a revision row.
    raw = vault_env.raw(vault_env.master_key())
    raw.execute("DROP TRIGGER entry_revisions_no_update")
    raw.execute(
        "UPDATE entry_revisions SET data = (SELECT data FROM entries WHERE id = entry_id) "
        "WHERE data = ''"
    )
    raw.execute(OLD_TRIGGER)
    # Later schema steps go too, as they were not yet there (they run again after step 8).
    for later in db.MIGRATIONS:
        if later.version == 9:  # the pinyin sort keys: their indexes, then the column
            for (name,) in raw.all(
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql LIKE '%sortkeys%'"
            ):
                raw.execute(f'DROP INDEX "{name}"')
            raw.execute("ALTER TABLE entries DROP COLUMN sortkeys")
        elif later.version == 14:
            undo_step_14(raw)
        elif later.version == 15:
            undo_step_15(raw)
        elif later.version > 8:
            for statement in db._split(_LATER[later.version]):
                raw.execute(statement)
    raw.execute("PRAGMA user_version = 6")  # the last step before 8 (7 was never used)
    old_empty, old_bytes = _stored(raw)
    raw.close()
    assert old_empty == 0

    s = vault_env.login(OFFICER)
    try:
        store = s.vault.store
        assert db.schema_version(store) == db.latest_version()
        new_empty, new_bytes = _stored(store)
        assert new_empty == 3
        assert new_bytes < old_bytes
        regs = vault_env.registers(s)
        assert _histories(regs, numbers) == before
        with pytest.raises(db.DatabaseError, match="never changed"):
            store.execute("UPDATE entry_revisions SET data = '{}'")
        # The first edit after the upgrade moves revision 1's values into its row.
        regs.edit("drawings", numbers[0], {"copies": "5"}, expected_revision=1)
        after = regs.history("drawings", numbers[0])
        assert [r.values["copies"] for r in after] == [2, 5]
        assert after[0] == before[numbers[0]][0]
    finally:
        s.logout()

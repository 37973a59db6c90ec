"""The statistics table ``entry_dims``: each live entry's counted values — its register, id,
level and status and the stored values of the fields its register's statistics count by, in
the generic columns ``v1`` … ``v10`` — so that a cross-tab of two fields is one pass over a
narrow table instead of over the entries' JSON (``docs/design.md``, "The work list and the
statistics").

The table is kept by triggers on ``entries``, in the transaction of every write whatever the
path (one save, a revision of many, a void or restore, a change of level, the bulk insert
through the staging table, SQL of a benchmark or a test): one pair per register, written from
the fields frozen in :data:`secrecy_desk.vault.register_indexes.COUNTED`. :func:`apply` makes
the triggers that are missing or defined otherwise and fills the rows of each register whose
triggers it made, so a register's rows always match its triggers; the statistics use the table
for a register only when its triggers in the vault are exactly what its definition wants
(:func:`triggers`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from secrecy_desk.vault.db import Store

TABLE: Final = "entry_dims"
#: The generic value columns, in the order of a register's counted fields; a register that
#: counts by more fields keeps the first ones here (the rest are counted from the entries).
COLUMNS: Final = tuple(f"v{i}" for i in range(1, 11))
PREFIX: Final = "dm_"

#: The table (schema step 14). Entries are never deleted (their revisions refer to them and are
#: never deleted either), so no trigger follows a deletion.
SCHEMA: Final = f"""
CREATE TABLE {TABLE} (
    register TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    level INTEGER NOT NULL,
    status TEXT NOT NULL,
    {", ".join(COLUMNS)},
    PRIMARY KEY (register, entry_id)
) WITHOUT ROWID;
"""


def _ident(name: str) -> str:
    """Register ids and field names are identifiers (the loader checks); asserted here too,
    since they are spliced into SQL."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(name)
    return name


def _columns(fields: Sequence[str]) -> str:
    return ", ".join(("register", "entry_id", "level", "status", *COLUMNS[: len(fields)]))


def _values(row: str, fields: Sequence[str]) -> str:
    prefix = f"{row}." if row else ""
    return ", ".join(f"json_extract({prefix}data, '$.{_ident(f)}')" for f in fields)


def trigger_names(register: str) -> tuple[str, str]:
    return f"{PREFIX}{_ident(register)}_insert", f"{PREFIX}{_ident(register)}_update"


def triggers(register: str, fields: Sequence[str]) -> dict[str, str]:
    """The register's two triggers, name → ``CREATE TRIGGER``: a live entry inserted gets its
    row; a change of its values, level, status or voiding replaces the row (none while voided)."""
    fields = tuple(fields)[: len(COLUMNS)]
    insert, update = trigger_names(register)
    reg = f"'{_ident(register)}'"
    cols = _columns(fields)
    head = f"NEW.id, NEW.level, NEW.status{', ' if fields else ''}{_values('NEW', fields)}"
    return {
        insert: (
            f"CREATE TRIGGER {insert} AFTER INSERT ON entries\n"
            f"WHEN NEW.register = {reg} AND NEW.voided = 0\n"
            "BEGIN\n"
            f"    INSERT INTO {TABLE} ({cols}) VALUES ({reg}, {head});\n"
            "END"
        ),
        update: (
            f"CREATE TRIGGER {update} AFTER UPDATE OF register, status, level, voided, data "
            "ON entries\n"
            f"WHEN OLD.register = {reg} OR NEW.register = {reg}\n"
            "BEGIN\n"
            f"    DELETE FROM {TABLE} WHERE register = {reg} AND entry_id = OLD.id;\n"
            f"    INSERT INTO {TABLE} ({cols}) SELECT {reg}, {head}\n"
            f"    WHERE NEW.register = {reg} AND NEW.voided = 0;\n"
            "END"
        ),
    }


def fill_sql(register: str, fields: Sequence[str]) -> str:
    """The register's rows from its live entries, as its triggers would have written them."""
    fields = tuple(fields)[: len(COLUMNS)]
    reg = f"'{_ident(register)}'"
    values = f", {_values('', fields)}" if fields else ""
    return (
        f"INSERT INTO {TABLE} ({_columns(fields)}) "
        f"SELECT register, id, level, status{values} FROM entries "
        f"WHERE register = {reg} AND voided = 0 ORDER BY id"
    )


def wanted(counted: Mapping[str, Sequence[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for register, fields in counted.items():
        out |= triggers(register, fields)
    return out


def _register_of(name: str) -> str:
    return name[len(PREFIX) :].rsplit("_", 1)[0]


def apply(store: Store, counted: Mapping[str, Sequence[str]]) -> None:
    """Bring the triggers to ``counted`` (register → its counted fields): each register whose
    triggers are missing or defined otherwise gets them anew and its rows filled again from its
    entries; a register no longer counted loses its triggers and rows. Part of the caller's
    transaction (a schema step)."""
    existing = {
        str(name): str(sql)
        for name, sql in store.all(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
            "AND name LIKE 'dm\\_%' ESCAPE '\\'"
        )
    }
    want = wanted(counted)
    stale = {_register_of(n) for n, sql in existing.items() if want.get(n) != sql}
    stale |= {_register_of(n) for n, sql in want.items() if existing.get(n) != sql}
    for name in existing:
        if _register_of(name) in stale:
            store.execute(f'DROP TRIGGER "{name}"')
    for register in sorted(stale):
        store.execute(f"DELETE FROM {TABLE} WHERE register = ?", (register,))
        if register in counted:
            store.execute(fill_sql(register, counted[register]))
            for sql in triggers(register, counted[register]).values():
                store.execute(sql)

"""The statistics table ``entry_dims``: each live entry's counted values — its register, id,
level and status and the stored values of the fields its register's statistics count by, in
the generic columns ``v1`` … ``v10`` — so that a cross-tab of two fields is one pass over a
narrow table instead of over the entries' JSON (``docs/design.md``, "The work list and the
statistics").

The table is kept by triggers on ``entries``, in the transaction of every write whatever the
path (one save, a revision of many, a void or restore, a change of level, the bulk insert
of a batch of rows, SQL of a benchmark or a test): one pair per register, written from
the fields frozen in :data:`secrecy_desk.vault.register_indexes.COUNTED`. :func:`apply` makes
the triggers that are missing or defined otherwise and fills the rows of each register whose
triggers it made, so a register's rows always match its triggers; the statistics use the table
for a register only when its triggers in the vault are exactly what its definition wants
(:func:`triggers`).

Beside it, the **combination counts** ``entry_dim_counts`` (schema step 15): for each
register, level, status and combination of counted values — a date reduced to its month
(``YYYY-MM``), a value not filled in stored as ``''`` — the number ``n`` of live entries that
have it. A count of a whole register, or within a date range of whole months, is a
``GROUP BY`` over these few thousand rows instead of a sort of every entry's row (at 1M
drawings some 11,000 combinations). The rows are kept by triggers on ``entry_dims`` itself
(``dc_<register>_insert/_delete``): every row the table gains adds one to its combination,
every row it loses takes one away, so the counts follow whatever writes the table — the
triggers above, and :func:`apply`'s fill. A combination's row stays when its count falls to
0 (a write never deletes one); readers count the rows with ``n > 0``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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


COUNTS: Final = "entry_dim_counts"
COUNT_PREFIX: Final = "dc_"

#: The combination counts (schema step 15): the key is every column but ``n``, so a write finds
#: its combination's row by the primary key; the columns a register does not use hold ``''``.
COUNTS_SCHEMA: Final = f"""
CREATE TABLE {COUNTS} (
    register TEXT NOT NULL,
    level INTEGER NOT NULL,
    status TEXT NOT NULL,
    {", ".join(f"{c} NOT NULL DEFAULT ''" for c in COLUMNS)},
    n INTEGER NOT NULL,
    PRIMARY KEY (register, level, status, {", ".join(COLUMNS)})
) WITHOUT ROWID;
"""
_KEY: Final = f"(register, level, status, {', '.join(COLUMNS)})"


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


def _counted_values(row: str, fields: Sequence[str], monthly: Iterable[str]) -> list[str]:
    """The combination's values of the ``entry_dims`` row ``row`` (``NEW``, ``OLD`` or ``""``
    for the table itself): each column, a date field's by its month, a blank as ``''``."""
    prefix = f"{row}." if row else ""
    months = set(monthly)
    out = []
    for name, column in zip(fields, COLUMNS, strict=False):
        value = f"substr({prefix}{column}, 1, 7)" if name in months else f"{prefix}{column}"
        out.append(f"coalesce({value}, '')")
    return out


def count_trigger_names(register: str) -> tuple[str, str]:
    return f"{COUNT_PREFIX}{_ident(register)}_insert", f"{COUNT_PREFIX}{_ident(register)}_delete"


def count_triggers(register: str, fields: Sequence[str], monthly: Iterable[str]) -> dict[str, str]:
    """The register's two triggers on ``entry_dims``, name → ``CREATE TRIGGER``: a row added
    adds one to its combination (made at 1 if new), a row removed takes one away (an entry's
    change is a removal and an addition: :func:`triggers`)."""
    fields = tuple(fields)[: len(COLUMNS)]
    insert, delete = count_trigger_names(register)
    reg = f"'{_ident(register)}'"
    used = COLUMNS[: len(fields)]
    new = ", ".join(("NEW.level", "NEW.status", *_counted_values("NEW", fields, monthly)))
    old = " AND ".join(
        [
            "level = OLD.level",
            "status = OLD.status",
            *(
                f"{c} = {v}"
                for c, v in zip(used, _counted_values("OLD", fields, monthly), strict=True)
            ),
            *(f"{c} = ''" for c in COLUMNS[len(fields) :]),
        ]
    )
    return {
        insert: (
            f"CREATE TRIGGER {insert} AFTER INSERT ON {TABLE}\n"
            f"WHEN NEW.register = {reg}\n"
            "BEGIN\n"
            f"    INSERT INTO {COUNTS} (register, level, status, {', '.join((*used, 'n'))})\n"
            f"    VALUES ({reg}, {new}, 1)\n"
            f"    ON CONFLICT {_KEY} DO UPDATE SET n = n + 1;\n"
            "END"
        ),
        delete: (
            f"CREATE TRIGGER {delete} AFTER DELETE ON {TABLE}\n"
            f"WHEN OLD.register = {reg}\n"
            "BEGIN\n"
            f"    UPDATE {COUNTS} SET n = n - 1\n"
            f"    WHERE register = {reg} AND {old};\n"
            "END"
        ),
    }


def count_fill_sql(register: str, fields: Sequence[str], monthly: Iterable[str]) -> str:
    """The register's combination counts from its ``entry_dims`` rows, as its triggers would
    have kept them: one row at a time into its combination, in the table's order, so nothing
    is sorted and the memory needed is the combinations', whatever the number of rows."""
    fields = tuple(fields)[: len(COLUMNS)]
    reg = f"'{_ident(register)}'"
    used = ", ".join(COLUMNS[: len(fields)])
    values = ", ".join(("level", "status", *_counted_values("", fields, monthly)))
    return (
        f"INSERT INTO {COUNTS} (register, level, status, {used}, n) "
        f"SELECT {reg}, {values}, 1 FROM {TABLE} WHERE register = {reg} "
        f"ON CONFLICT {_KEY} DO UPDATE SET n = n + 1"
    )


def wanted_counts(
    counted: Mapping[str, Sequence[str]], monthly: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for register, fields in counted.items():
        out |= count_triggers(register, fields, monthly.get(register, ()))
    return out


def _register_of(name: str) -> str:
    """``dm_<register>_insert`` (or ``dc_…``) → the register."""
    return name.partition("_")[2].rsplit("_", 1)[0]


def _existing(store: Store, prefix: str) -> dict[str, str]:
    return {
        str(name): str(sql)
        for name, sql in store.all(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
            "AND name LIKE ? ESCAPE '\\'",
            (prefix.replace("_", "\\_") + "%",),
        )
    }


def _stale(existing: Mapping[str, str], want: Mapping[str, str]) -> set[str]:
    """The registers whose triggers are missing, defined otherwise or no longer wanted."""
    stale = {_register_of(n) for n, sql in existing.items() if want.get(n) != sql}
    return stale | {_register_of(n) for n, sql in want.items() if existing.get(n) != sql}


def apply(
    store: Store,
    counted: Mapping[str, Sequence[str]],
    monthly: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """Bring the triggers to ``counted`` (register → its counted fields): each register whose
    triggers are missing or defined otherwise gets them anew and its rows filled again from its
    entries; a register no longer counted loses its triggers and rows. With ``monthly``
    (register → its counted fields that are dates; from schema step 15 on) the combination
    counts likewise: a register whose ``entry_dims`` rows are filled again, or whose count
    triggers differ, has its counts made again from its rows. Part of the caller's transaction
    (a schema step)."""
    existing = _existing(store, PREFIX)
    stale = _stale(existing, wanted(counted))
    counts = _existing(store, COUNT_PREFIX) if monthly is not None else {}
    recount = set()
    if monthly is not None:
        recount = _stale(counts, wanted_counts(counted, monthly)) | stale
    # The count triggers go first, so that emptying and filling ``entry_dims`` below does
    # not count row by row.
    for name in counts:
        if _register_of(name) in recount:
            store.execute(f'DROP TRIGGER "{name}"')
    for register in sorted(recount):
        store.execute(f"DELETE FROM {COUNTS} WHERE register = ?", (register,))
    for name in existing:
        if _register_of(name) in stale:
            store.execute(f'DROP TRIGGER "{name}"')
    for register in sorted(stale):
        store.execute(f"DELETE FROM {TABLE} WHERE register = ?", (register,))
        if register in counted:
            store.execute(fill_sql(register, counted[register]))
            for sql in triggers(register, counted[register]).values():
                store.execute(sql)
    for register in sorted(recount):
        if register in counted:
            months = (monthly or {}).get(register, ())
            store.execute(count_fill_sql(register, counted[register], months))
            for sql in count_triggers(register, counted[register], months).values():
                store.execute(sql)

"""Deadlines on register entries as indexed queries (``modules.base.EntryDeadline``): the
partial index each one is counted from, and the SQL that selects its entries — for the home
tab's count and for the register tab showing exactly those entries (``Query.deadline``).

The index is on one expression — the deadline's day where its condition holds, else NULL —
then ``level``, over the register's live entries where that expression is not NULL: only the
entries the deadline can ever concern. The count and the list name the same literal register
and the same expression, so SQLite answers the count from the index alone (``USING COVERING
INDEX dl_…``), whatever the size of the register."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from secrecy_desk.forms import FormSpec
from secrecy_desk.modules.base import EntryDeadline
from secrecy_desk.modules.registers.planning import field_path, ident, register_is

_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def expand(spec: FormSpec, text: str) -> str:
    """``{name}`` → the stored value of the field (a field the form must have)."""

    def field(match: re.Match[str]) -> str:
        name = match.group(1)
        spec.field(name)  # raises KeyError for a field the definition does not have
        return field_path(name)

    return _FIELD.sub(field, text)


def day_of(spec: FormSpec, deadline: EntryDeadline) -> str:
    """The deadline's day where its condition holds, else NULL: one expression, so the index
    on it answers the whole condition (a partial index's own ``WHERE`` on the entry's data
    would make SQLite read every entry it finds to check it again)."""
    return f"CASE WHEN ({expand(spec, deadline.when)}) THEN ({expand(spec, deadline.day)}) END"


def index_name(spec: FormSpec, deadline: EntryDeadline) -> str:
    """Named by what it indexes: two deadlines on the same condition and day (ended, ending
    soon) share one index."""
    digest = hashlib.sha256(day_of(spec, deadline).encode()).hexdigest()[:12]
    return f"dl_{ident(spec.id)}_{digest}"


def index_sql(spec: FormSpec, deadline: EntryDeadline) -> str:
    day = day_of(spec, deadline)
    return (
        f"CREATE INDEX {index_name(spec, deadline)} ON entries ({day}, level, register, voided) "
        f"WHERE {register_is(spec.id)} AND voided = 0 AND {day} IS NOT NULL"
    )


def clauses(spec: FormSpec, deadline: EntryDeadline, today: date) -> tuple[list[str], list[object]]:
    """The entries of the deadline as of ``today`` — live entries whose day falls in
    ``[today + start, today + end)`` — written as the index is (with the register's literal and
    the clearance, which the engine adds, the index alone answers)."""
    day = day_of(spec, deadline)
    out: list[str] = ["voided = 0", f"{day} IS NOT NULL"]
    params: list[object] = []
    if deadline.start is not None:
        out.append(f"{day} >= ?")
        params.append((today + timedelta(days=deadline.start)).isoformat())
    if deadline.end is not None:
        out.append(f"{day} < ?")
        params.append((today + timedelta(days=deadline.end)).isoformat())
    return out, params


def indexes(specs: Iterable[FormSpec], deadlines: Mapping[str, EntryDeadline]) -> dict[str, str]:
    """The partial index of each deadline whose register exists, by name (the schema upgrade
    creates them: ``vault.register_indexes``)."""
    by_id = {s.id: s for s in specs}
    return {
        index_name(by_id[d.register], d): index_sql(by_id[d.register], d)
        for d in deadlines.values()
        if d.register in by_id
    }

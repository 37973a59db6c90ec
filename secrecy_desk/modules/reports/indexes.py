"""The fields of each register that the statistics table ``entry_dims`` holds
(:mod:`secrecy_desk.vault.entry_dims`) — the counts of a field, of two, or over a date range —
and which of them are dates (held by month in its combination counts). Kept apart from the
statistics so that ``modules.registry.register_dims`` and ``.register_months`` (frozen into
the schema) list them without importing what reads the registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from secrecy_desk.forms import FieldType, FormSpec
from secrecy_desk.modules.base import Dimension
from secrecy_desk.vault.entry_dims import COLUMNS

Dimensions = Callable[[FormSpec], Sequence[Dimension]]
PERIODS = ("month", "quarter", "half", "year")


def counted_fields(spec: FormSpec, dimensions: Dimensions) -> list[str]:
    """The fields the register's dimensions count by (a field, or a date field by period)."""
    names: list[str] = []
    for d in dimensions(spec):
        kind, _, name = d.key.partition(":")
        if (kind == "field" or kind in PERIODS) and spec.has_field(name) and name not in names:
            names.append(name)
    return names


def counted(specs: Iterable[FormSpec], dimensions: Dimensions) -> dict[str, tuple[str, ...]]:
    """Register → the fields its dimensions count by, the columns of its ``entry_dims`` rows
    in this order (as many as the table has columns)."""
    out: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        fields = counted_fields(spec, dimensions)[: len(COLUMNS)]
        if fields:
            out[spec.id] = tuple(fields)
    return out


def monthly(specs: Iterable[FormSpec], dimensions: Dimensions) -> dict[str, tuple[str, ...]]:
    """Register → its counted fields that are dates, which it counts by period: the
    combination counts ``entry_dim_counts`` hold them by month."""
    by_id = {spec.id: spec for spec in specs}
    out: dict[str, tuple[str, ...]] = {}
    for register, fields in counted(by_id.values(), dimensions).items():
        dates = tuple(f for f in fields if by_id[register].field(f).type is FieldType.DATE)
        if dates:
            out[register] = dates
    return out

"""What a count of the drawings register should be, and the plan SQLite chose for it: the
counts the planner makes are checked against these."""

from __future__ import annotations

from secrecy_desk.modules.registers import Query, Registers


def plain_count(regs: Registers, query: Query) -> int:
    """The same filters counted by reading every entry (no index at all)."""
    clauses, params = regs._filters(regs.spec("drawings"), query)
    where = " AND ".join(clauses)
    return int(regs.store.scalar(f"SELECT count(*) FROM entries NOT INDEXED WHERE {where}", params))


def count_plan(regs: Registers, query: Query) -> str:
    """``EXPLAIN QUERY PLAN`` of the planner's count statement, its steps joined by `` | ``."""
    sql, params = regs.count_sql(regs.spec("drawings"), query)
    return " | ".join(str(row[-1]) for row in regs.store.all(f"EXPLAIN QUERY PLAN {sql}", params))

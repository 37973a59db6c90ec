"""Register statistics: counts by every declared dimension and cross-tabs, checked against the
entries the test made; within the clearance; over a date range; on paper as a marked report
with its chart."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from secrecy_desk.core.errors import UsageError
from secrecy_desk.core.levels import Level
from secrecy_desk.forms import Forms
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Entry, Query, Registers
from secrecy_desk.modules.registers.planning import field_path
from secrecy_desk.modules.reports import paper, stats
from secrecy_desk.modules.reports.stats import EMPTY, StatQuery, count
from secrecy_desk.printing import ChartKind
from secrecy_desk.records.printing import draft, print_job
from secrecy_desk.vault import db
from tests.support.data import bulk_drawings, gift
from tests.support.vault import CLERK, OFFICER, VaultEnv


def _entries(regs: Registers, register: str) -> list[Entry]:
    return regs.page(register, Query(limit=None))


def _key(e: Entry, dim: str) -> str:
    if dim == "level":
        return str(int(e.level))
    if dim == "status":
        return e.status
    kind, _, name = dim.partition(":")
    value = e.values.get(name)
    if kind == "field":
        if value is None:
            return EMPTY
        if isinstance(value, bool):
            return str(int(value))
        return str(getattr(value, "name", value))
    assert isinstance(value, date)
    return {
        "month": f"{value:%Y-%m}",
        "quarter": f"{value.year}-Q{(value.month + 2) // 3}",
        "half": f"{value.year}-H{(value.month + 5) // 6}",
        "year": str(value.year),
    }[kind]


@pytest.fixture
def drawings(regs: Registers) -> Registers:
    bulk_drawings(regs, 300, seed=11)
    return regs


def test_every_dimension_of_a_register_counts_what_the_entries_say(drawings: Registers) -> None:
    entries = _entries(drawings, "drawings")
    dims = [d.key for d in registry.dimensions(drawings.spec("drawings"))]
    assert {"level", "status", "field:must_recall", "month:issued_on", "year:due_on"} <= set(dims)
    for dim in dims:
        table = count(drawings, StatQuery("drawings", dim), "zh_CN")
        expected = Counter(_key(e, dim) if _has(e, dim) else EMPTY for e in entries)
        assert {r: table.row_total(r) for r in table.rows} == dict(expected), dim
        assert table.total == len(entries)
    table = count(drawings, StatQuery("drawings", "level"), "zh_CN")
    assert table.row_labels == tuple(Level(int(r)).label("zh_CN") for r in table.rows)
    assert table.highest == max(e.level for e in entries)


def _has(e: Entry, dim: str) -> bool:
    kind, _, name = dim.partition(":")
    return kind in ("level", "status", "field") or e.values.get(name) is not None


def test_a_cross_tab_and_a_date_range(drawings: Registers) -> None:
    entries = _entries(drawings, "drawings")
    table = count(drawings, StatQuery("drawings", "year:issued_on", "field:must_recall"), "zh_CN")
    expected = Counter((_key(e, "year:issued_on"), _key(e, "field:must_recall")) for e in entries)
    assert dict(table.counts) == dict(expected)
    assert table.column_labels == ("是", "否")
    assert table.row_labels[0].endswith("年")
    assert sum(table.column_total(c) for c in table.columns) == len(entries)

    # Every plan: a list column's index alone, with the mark, and two fields.
    for rows, cols in (
        ("quarter:issued_on", "level"),
        ("level", "month:due_on"),
        ("status", "level"),
        ("field:recalled", "field:must_recall"),
    ):
        crossed = count(drawings, StatQuery("drawings", rows, cols), "zh_CN")
        want = Counter(
            (_key(e, rows) if _has(e, rows) else EMPTY, _key(e, cols) if _has(e, cols) else EMPTY)
            for e in entries
        )
        assert dict(crossed.counts) == dict(want), (rows, cols)
        assert crossed.highest == max(e.level for e in entries)

    start, end = date(2024, 1, 1), date(2024, 12, 31)
    ranged = count(
        drawings,
        StatQuery("drawings", "quarter:issued_on", date_field="issued_on", start=start, end=end),
        "zh_CN",
    )
    inside = [e for e in entries if start <= e.values["issued_on"] <= end]  # type: ignore[operator]
    assert ranged.total == len(inside) > 0
    assert set(ranged.rows) <= {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}
    assert ranged.row_labels[0].startswith("2024年第")


def test_what_the_clearance_hides_is_not_counted(vault_env: VaultEnv) -> None:
    officer = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(officer)
        bulk_drawings(regs, 200, seed=2)
        every = count(regs, StatQuery("drawings", "level"), "zh_CN")
    finally:
        officer.logout()
    clerk = vault_env.login(CLERK)
    try:
        regs = vault_env.registers(clerk)
        mine = count(regs, StatQuery("drawings", "level"), "zh_CN")
    finally:
        clerk.logout()
    secret = str(int(Level.SECRET))
    assert every.row_total(secret) > 0
    assert secret not in mine.rows
    assert mine.total == every.total - every.row_total(secret)
    assert mine.highest < Level.SECRET


def test_a_register_added_by_a_definition_has_its_statistics(alltypes_forms: Forms) -> None:
    spec = alltypes_forms.get("alltypes")
    assert spec is not None
    keys = {d.key for d in registry.dimensions(spec)}
    choice = next(f.name for f in spec.fields if f.type.value == "choice")
    day = next(f.name for f in spec.fields if f.type.value == "date")
    assert {"level", "status", f"field:{choice}", f"half:{day}"} <= keys


def test_an_unknown_dimension_is_refused(drawings: Registers) -> None:
    with pytest.raises(UsageError):
        count(drawings, StatQuery("drawings", "field:nonesuch"), "zh_CN")
    with pytest.raises(UsageError):
        count(drawings, StatQuery("drawings", "month:drawing_no"), "zh_CN")


def test_the_report_prints_marked_with_its_chart_and_is_recorded(regs: Registers) -> None:
    for kind, value in (("礼金", "800"), ("礼品", "300"), ("礼品", "2000"), ("购物卡", "500")):
        regs.add("gifts", gift(kind=kind, value=value, disposition="kept_by_finance"), confirm=True)
    table = count(regs, StatQuery("gifts", "field:kind", "field:disposition"), "zh_CN")
    job = paper.statistics_job(regs, table, ChartKind.STACKED)
    assert job.level == max(Level.INTERNAL, table.highest)
    preview = draft(regs.session, job, "zh_CN")
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(preview.pdf)).pages)
    flat = "".join(text.split())
    assert f"{regs.spec('gifts').title_zh}统计表" in flat
    assert "合计" in flat
    assert "礼金" in flat
    assert job.marking in flat
    assert job.documents[0].layout.chart is not None  # type: ignore[union-attr]
    printout = print_job(regs.session, regs.forms, job, printer="测试打印机")
    prints = regs.page("prints", Query(limit=None))
    assert any(p.number == printout.record for p in prints)


def _plan(regs: Registers, sql: str, params: list[object]) -> str:
    return " ".join(str(r[-1]) for r in regs.store.all(f"EXPLAIN QUERY PLAN {sql}", params))


def _plain(regs: Registers, rows: str, cols: str) -> dict[tuple[str, str], int]:
    """The counts as a plain query over the entries says them (no index, no folding)."""

    def raw(key: str) -> str:
        sql, _ = stats.source(regs.spec("drawings"), key)
        return sql

    found = regs.store.all(
        f"SELECT {raw(rows)}, {raw(cols) if cols else 'NULL'}, count(*) FROM entries "
        "NOT INDEXED WHERE register = 'drawings' AND voided = 0 AND level <= ? GROUP BY 1, 2",
        (int(regs.session.principal.clearance),),
    )
    out: Counter[tuple[str, str]] = Counter()
    for r, c, n in found:
        out[(stats.bucket(rows, r), stats.bucket(cols, c) if cols else EMPTY)] += int(n)
    return dict(out)


#: A statistics index as schema steps 11–16 made one (step 17 drops them).
_OLD_STATISTICS_INDEX = (
    "CREATE INDEX st_drawings_must_recall ON entries (json_extract(data, '$.must_recall'), "
    "status, level) WHERE register = 'drawings' AND voided = 0"
)


def _plain_within(regs: Registers, q: StatQuery) -> dict[tuple[str, str], int]:
    """:func:`_plain` within the query's date range."""
    spec = regs.spec("drawings")
    day = field_path(q.date_field)
    clauses = ["register = 'drawings'", "voided = 0", "level <= ?"]
    params: list[object] = [int(regs.session.principal.clearance)]
    for op, bound in ((">=", q.start), ("<=", q.end)):
        if bound is not None:
            clauses.append(f"{day} {op} ?")
            params.append(bound.isoformat())
    found = regs.store.all(
        f"SELECT {stats.source(spec, q.rows)[0]}, {stats.source(spec, q.columns)[0]}, "
        f"count(*) FROM entries NOT INDEXED WHERE {' AND '.join(clauses)} GROUP BY 1, 2",
        params,
    )
    out: Counter[tuple[str, str]] = Counter()
    for r, c, n in found:
        out[(stats.bucket(q.rows, r), stats.bucket(q.columns, c))] += int(n)
    return dict(out)


def _in_use(store: db.Store) -> int:
    return int(store.scalar("PRAGMA page_count")) - int(store.scalar("PRAGMA freelist_count"))


def test_a_field_that_is_no_list_column_is_counted_from_the_statistics_table(
    vault_env: VaultEnv,
) -> None:
    officer = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(officer)
        bulk_drawings(regs, 200, seed=5)
        regs.void("drawings", regs.page("drawings", Query(limit=1))[0].number, "录入错误")
        spec = regs.spec("drawings")
        assert "must_recall" not in spec.listing.columns
        # Schema step 17 drops the index steps 11–16 kept of it: no count changes, and the
        # pages it held are free again.
        with regs.store.transaction():
            regs.store.execute(_OLD_STATISTICS_INDEX)
            regs.store.execute("PRAGMA user_version = 16")
        held = _in_use(regs.store)
        table = count(regs, StatQuery("drawings", "field:must_recall", ""), "zh_CN")
        with regs.store.transaction():
            assert db.migrate(regs.store) == db.latest_version()
        assert not regs.store.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'st\\_%' ESCAPE '\\'"
        )
        assert _in_use(regs.store) < held
        again = count(regs, StatQuery("drawings", "field:must_recall", ""), "zh_CN")
        assert again.counts == table.counts == _plain(regs, "field:must_recall", "")
        within = StatQuery(
            "drawings", "field:must_recall", "status", "issued_on", date(2024, 3, 5), None
        )
        some = _plain_within(regs, within)
        assert 0 < sum(some.values()) < again.total
        assert dict(count(regs, within, "zh_CN").counts) == some
        expected = {}
        for rows, cols in (
            ("field:must_recall", ""),
            ("field:lost", ""),
            ("month:recalled_on", ""),
            ("field:must_recall", "status"),
            ("status", "field:lost"),
            ("field:must_recall", "level"),
            ("level", "field:lost"),
            ("field:recalled", "field:must_recall"),
        ):
            table = count(regs, StatQuery("drawings", rows, cols), "zh_CN")
            assert dict(table.counts) == _plain(regs, rows, cols), (rows, cols)
            expected[(rows, cols)] = table.total
    finally:
        officer.logout()
    clerk = vault_env.login(CLERK)
    try:
        regs = vault_env.registers(clerk)
        for rows, cols in (("field:must_recall", ""), ("field:must_recall", "status")):
            table = count(regs, StatQuery("drawings", rows, cols), "zh_CN")
            assert dict(table.counts) == _plain(regs, rows, cols)
            assert table.total < expected[(rows, cols)]  # the 机密 drawings are not counted
            assert table.highest < Level.SECRET
    finally:
        clerk.logout()

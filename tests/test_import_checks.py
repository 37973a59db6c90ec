"""An import checks every row as a single save does, though it checks each distinct text of a
repeating field once (``CheckMemo``) and keeps the rows it checked by their storage forms for
the re-issue rule: the same rows refused with the same sentences, nothing saved."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import date

import pytest

from secrecy_desk.forms import CheckMemo, Forms, validate_entry
from secrecy_desk.modules.registers import ImportFailed, Query, Registers
from secrecy_desk.modules.registers.engine import IMPORT_BATCH, Cancelled
from secrecy_desk.records.store import EntryBatch, EntryWriter, WritesAside, stored_values
from secrecy_desk.vault.db import DiskFull
from tests.support.data import audit_rows, drawing

TODAY = date(2026, 3, 2)


def _variants(forms: Forms) -> list[dict[str, str]]:
    """Rows of the all-types form, good and bad, every repeating field's text given twice."""
    spec = forms["alltypes"]
    texts = {
        "integer": ["3", "3", "x", "x", "", "1000000"],
        "money": ["¥1,234.50", "¥1,234.50", "1.234", "1.234", ""],
        "date": ["2026-03-01", "2026-03-01", "2026-03-09", "2026-03-09", "2026-02-30", ""],
        "choice": ["乙", "乙", "甲类", "颜色", "颜色", ""],
        "bool": ["是", "是", "也许", "也许", ""],
        "level": ["机密", "机密", "最高", "最高", ""],
        "term": ["10年", "10年", "2026-03-01", "2026-03-01", "长期", "条件:", ""],
    }
    rows = []
    for field in spec.fields:
        for text in texts.get(field.type.value, []):
            rows.append({field.name: text})
    return rows


def test_a_memo_gives_what_each_check_gives(alltypes_forms: Forms) -> None:
    spec = alltypes_forms["alltypes"]
    rows = _variants(alltypes_forms)
    assert len(rows) > 20
    memo = CheckMemo(spec)
    for raw in rows + rows:
        alone = validate_entry(spec, raw, today=TODAY)
        kept = validate_entry(spec, raw, today=TODAY, memo=memo)
        assert kept.values == alone.values
        assert kept.problems == alone.problems
        assert [p.message("zh_CN") for p in kept.problems] == [
            p.message("zh_CN") for p in alone.problems
        ]


def test_a_memo_is_for_one_day_and_one_form(forms: Forms) -> None:
    spec = forms["drawings"]
    memo = CheckMemo(spec)
    raw = drawing(issued_on="2026-03-05")
    early = validate_entry(spec, raw, today=TODAY, memo=memo)
    assert [p.code for p in early.problems] == ["date_future"]
    # The same text on a later day is no longer in the future: the memo starts again.
    later = validate_entry(spec, raw, today=date(2026, 3, 6), memo=memo)
    assert later.ok
    with pytest.raises(ValueError):
        validate_entry(forms["gifts"], {}, today=TODAY, memo=memo)


def test_repeated_bad_texts_and_a_reissue_in_the_file_are_each_refused(
    regs: Registers,
) -> None:
    saved = regs.add("drawings", drawing(drawing_no="Z-1", receiver="张伟")).entry
    rows = [
        drawing(drawing_no="Z-2", copies="两份"),  # 1: bad
        drawing(drawing_no="Z-3", receiver="李娜"),  # 2: good
        drawing(drawing_no="Z-4", copies="两份"),  # 3: the same bad text again
        drawing(drawing_no="Z-3", receiver="李娜"),  # 4: row 2 not yet recalled
        drawing(drawing_no="Z-1", receiver="张伟"),  # 5: the saved entry not yet recalled
        drawing(drawing_no="Z-3", receiver="王芳"),  # 6: good (another receiver)
    ]
    with pytest.raises(ImportFailed) as exc:
        regs.add_many("drawings", rows, source="test")
    found = [(row, p.field, p.code) for row, p in exc.value.failures]
    assert found == [
        (1, "copies", "not_integer"),
        (3, "copies", "not_integer"),
        (4, "drawing_no", "reissue_before_recall"),
        (5, "drawing_no", "reissue_before_recall"),
    ]
    sentences = [p.message("zh_CN") for _, p in exc.value.failures]
    assert sentences[0] == sentences[1]
    assert all(p.label is not None and p.label.zh for _, p in exc.value.failures)
    # Row 4 names the number row 2 would have had; row 5 the saved entry's.
    assert saved.number in sentences[3]
    assert "TZFS-2026-0002" in sentences[2]
    assert regs.count("drawings", Query(include_voided=True)) == 1
    assert audit_rows(regs.session, "register.import") == []
    # Once the bad rows are gone the rest goes in, numbered in order.
    numbers = regs.add_many("drawings", [rows[1], rows[5]], source="test")
    assert numbers == ["TZFS-2026-0002", "TZFS-2026-0003"]
    assert regs.get("drawings", numbers[1]).values["receiver"] == "王芳"


@pytest.mark.parametrize("stop_at", ["checking", "writing"])
def test_progress_is_heard_and_a_cancel_saves_nothing(regs: Registers, stop_at: str) -> None:
    rows = [drawing(drawing_no=f"P-{i}") for i in range(1200)]
    heard: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        heard.append((done, total))
        # Rows checked plus rows written, of 2400.
        return done < (400 if stop_at == "checking" else 1500)

    with pytest.raises(Cancelled):
        regs.add_many("drawings", rows, source="test", progress=progress)
    (total,) = {total for _, total in heard}
    assert 2400 < total < 2400 * 1.2  # the rows checked and written, then the commit
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert regs.count("drawings", Query(include_voided=True)) == 0
    assert audit_rows(regs.session, "register.import") == []
    store = regs.session.vault.store
    saved: list[tuple[int, int, bool]] = []

    def follow(done: int, total: int) -> bool:
        saved.append((done, total, store.in_transaction))
        return True

    numbers = regs.add_many("drawings", rows, source="test", progress=follow)
    assert len(numbers) == 1200
    assert numbers[0] == "TZFS-2026-0001"  # the cancelled import used up no number
    # The bar is full only once the import is saved; until then it stops short of the end.
    assert saved[-1] == (total, total, False)
    assert all(done < total and busy for done, _, busy in saved[:-1])


@pytest.fixture
def written_at_once(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each batch an import hands to its writing thread is written (there, for real) before
    the next rows are checked: a test knows what was in the transaction when a later row
    failed. Lists the sizes of the batches written."""
    written: list[int] = []
    done = threading.Semaphore(0)
    write, submit = EntryWriter.write, WritesAside.submit

    def watched_write(self: EntryWriter, batch: EntryBatch) -> None:
        write(self, batch)
        written.append(len(batch))
        done.release()

    def waiting_submit(self: WritesAside, batch: EntryBatch, tick: Callable[[], None]) -> None:
        submit(self, batch, tick)
        assert done.acquire(timeout=60)

    monkeypatch.setattr(EntryWriter, "write", watched_write)
    monkeypatch.setattr(WritesAside, "submit", waiting_submit)
    return written


def test_a_bad_row_after_batches_were_written_rolls_them_back(
    regs: Registers, written_at_once: list[int]
) -> None:
    """The rows checked so far are written while the next are checked; a bad row found
    after two batches were written still leaves nothing saved and no number used."""
    n = 2 * IMPORT_BATCH + 300
    rows = [drawing(drawing_no=f"L-{i}") for i in range(n)]
    rows[-50] = drawing(drawing_no="L-bad", copies="两份")
    with pytest.raises(ImportFailed) as exc:
        regs.add_many("drawings", rows, source="test")
    assert written_at_once == [IMPORT_BATCH, IMPORT_BATCH]
    assert [(row, p.field, p.code) for row, p in exc.value.failures] == [
        (n - 49, "copies", "not_integer")
    ]
    assert regs.count("drawings", Query(include_voided=True)) == 0
    assert audit_rows(regs.session, "register.import") == []
    assert regs.session.vault.asides.open_count == 0  # the lookups' connection is closed
    rows[-50] = drawing(drawing_no="L-good")
    numbers = regs.add_many("drawings", rows, source="test")
    assert written_at_once[2:] == [IMPORT_BATCH, IMPORT_BATCH, 300]
    assert numbers[0] == "TZFS-2026-0001"
    assert regs.count("drawings", Query()) == n


def test_a_write_failing_on_the_writing_thread_is_said_and_saves_nothing(
    regs: Registers,
) -> None:
    """A full disk met by the writing thread (the file may not grow by the rows' pages) is
    the full-disk sentence on the importer's thread; nothing of the import is saved."""
    store = regs.session.vault.store
    rows = [drawing(drawing_no=f"F-{i}") for i in range(2 * IMPORT_BATCH)]
    pages = int(store.scalar("PRAGMA page_count"))
    store.scalar(f"PRAGMA max_page_count = {pages + 50}")
    try:
        with pytest.raises(DiskFull) as exc:
            regs.add_many("drawings", rows, source="test")
    finally:
        store.scalar("PRAGMA max_page_count = 4294967294")
    assert "磁盘" in exc.value.message("zh_CN")
    assert regs.count("drawings", Query(include_voided=True)) == 0
    assert audit_rows(regs.session, "register.import") == []
    assert not store.in_transaction
    assert regs.add_many("drawings", rows, source="test")[0] == "TZFS-2026-0001"


def test_an_import_inside_a_callers_operation_sees_its_writes(regs: Registers) -> None:
    """Inside a caller's transaction the rules read through the vault's own connection (the
    only one that sees what the caller wrote): a re-issue of a drawing saved just before, in
    the same transaction, is refused."""
    again = [drawing(drawing_no="N-1", receiver="张伟")]
    with regs.session.operation():
        saved = regs.add("drawings", drawing(drawing_no="N-1", receiver="张伟")).entry
        with pytest.raises(ImportFailed) as exc:
            regs.add_many("drawings", again, source="test")
    assert [(p.field, p.code) for _, p in exc.value.failures] == [
        ("drawing_no", "reissue_before_recall")
    ]
    assert saved.number in exc.value.failures[0][1].message("zh_CN")
    assert regs.count("drawings", Query(include_voided=True)) == 1  # the one saved before


def test_an_import_holds_its_pages_and_pauses_the_cycle_collector_only_while_it_runs(
    regs: Registers,
) -> None:
    """A large import keeps the pages it changed in a larger page cache and holds Python's
    cycle collector off until it ends — however it ends (saved, refused, cancelled)."""
    store = regs.session.vault.store
    own = store.scalar("PRAGMA cache_size")
    rows = [drawing(drawing_no=f"C-{i}") for i in range(1200)]
    seen: list[tuple[int, bool]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((int(store.scalar("PRAGMA cache_size")), gc.isenabled()))
        return done < 1500

    with pytest.raises(Cancelled):
        regs.add_many("drawings", rows, source="test", progress=progress)
    assert seen
    assert all(-size > -own and not enabled for size, enabled in seen)
    assert (store.scalar("PRAGMA cache_size"), gc.isenabled()) == (own, True)
    with pytest.raises(ImportFailed):
        regs.add_many("drawings", [drawing(issued_on="明天")], source="test")
    assert (store.scalar("PRAGMA cache_size"), gc.isenabled()) == (own, True)
    assert len(regs.add_many("drawings", rows, source="test")) == 1200
    assert (store.scalar("PRAGMA cache_size"), gc.isenabled()) == (own, True)


def test_storage_forms_are_each_fields_own(alltypes_forms: Forms) -> None:
    """``stored_values`` (its quick cases for the common types) gives what each field's
    ``to_storage`` gives, for every value type."""
    spec = alltypes_forms["alltypes"]
    for raw in _variants(alltypes_forms):
        values = validate_entry(spec, raw, today=TODAY).values
        expected = {
            f.name: f.to_storage(values[f.name]) for f in spec.fields if values[f.name] is not None
        }
        got = stored_values(spec, values)
        assert got == expected
        assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]


def test_an_import_stores_every_text_as_a_single_save_does(regs: Registers) -> None:
    """The batches travel as JSON arrays into SQLite (``jsonb_each``): quotes, backslashes,
    line breaks, characters outside the basic plane, combining marks, number-like and
    keyword-like texts come out byte for byte as a single save stores them, and are found."""
    texts = [
        '引号"与\\反斜杠',
        "表情😀与扩展𠀀字",
        "e\u0301 组合符与\u2028分隔",
        "0012",
        "null",
        "第一行\n第二行\t制表",
    ]
    single = [regs.add("drawings", drawing(drawing_no=f"S-{i}", remarks=t)).entry for i, t in
              enumerate(texts)]  # fmt: skip
    imported = regs.add_many(
        "drawings",
        [drawing(drawing_no=f"S-{i}", remarks=t, receiver="李娜") for i, t in enumerate(texts)],
        source="test",
    )
    store = regs.session.vault.store

    def row(number: str) -> tuple[object, ...]:
        got = store.one(
            "SELECT json_remove(data, '$.receiver'), json_remove(sortkeys, '$.receiver'), "
            "level, year, term, status, typeof(level), typeof(seq), typeof(id) FROM entries "
            "WHERE number = ?",
            (number,),
        )
        assert got is not None
        return tuple(got)

    for text, one, number in zip(texts, single, imported, strict=True):
        assert row(number) == row(one.number)
        assert regs.get("drawings", number).values["remarks"] == text
        found = {e.number for e in regs.page("drawings", Query(search=text[-3:], limit=None))}
        assert {one.number, number} <= found

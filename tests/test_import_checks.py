"""An import checks every row as a single save does, though it checks each distinct text of a
repeating field once (``CheckMemo``) and keeps the rows it checked by their storage forms for
the re-issue rule: the same rows refused with the same sentences, nothing saved."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from secrecy_desk.forms import CheckMemo, Forms, validate_entry
from secrecy_desk.modules.registers import ImportFailed, Query, Registers
from secrecy_desk.modules.registers.engine import Cancelled
from secrecy_desk.records.store import stored_values
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
        # Checking reports (0…1200) of 2400, writing (1200…2400).
        return done < (400 if stop_at == "checking" else 1500)

    with pytest.raises(Cancelled):
        regs.add_many("drawings", rows, source="test", progress=progress)
    assert {total for _, total in heard} == {2400}
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert regs.count("drawings", Query(include_voided=True)) == 0
    assert audit_rows(regs.session, "register.import") == []
    heard.clear()
    numbers = regs.add_many("drawings", rows, source="test", progress=lambda d, t: True)
    assert len(numbers) == 1200
    assert numbers[0] == "TZFS-2026-0001"  # the cancelled import used up no number


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

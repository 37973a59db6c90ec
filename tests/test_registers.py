"""The register engine (issue 4): field round trips, revisions, conflicts, voiding, history,
numbering, level rules, invisibility above clearance, and the audit records of every operation."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from secrecy_desk.core.errors import ConflictError, PermissionDenied, ValidationError
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.money import Money
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import FORMS_ROOT, EntryInvalid, Forms, entry_marking, load_all
from secrecy_desk.modules.classification import review
from secrecy_desk.modules.registers import Entry, FieldChange, Query, Registers
from secrecy_desk.modules.registry import RULES, open_registers
from secrecy_desk.vault import db
from secrecy_desk.vault.session import Session
from tests.support.data import audit_rows, drawing, gift, resident_id
from tests.support.vault import CLERK, OFFICER, VaultEnv


def _problems(exc: EntryInvalid) -> dict[str, str]:
    return {p.field: p.code for p in exc.problems}


# --- every field type ------------------------------------------------------------------------


def test_every_field_type_round_trips_through_the_engine(
    officer: Session, alltypes_forms: Forms
) -> None:
    regs = open_registers(officer, alltypes_forms)
    pid = resident_id(date(1990, 2, 28), female=False)
    raw = {
        "text": "  保密 Text 甲  ",
        "longtext": "第一行\n第二行",
        "count": "-5",
        "money": "¥1,234,567.09",
        "day": "2026年3月1日",
        "kind": "乙",
        "flag": "是",
        "level": "秘密",
        "term": "5年",
        "scope": "一室、总体部，质量处",
        "person": "RY-2026-0003",
        "account": "zhaoclerk",
        "ref": "QL-2026-0001",
        "gender": "男",
        "resident": pid[:-1] + pid[-1].lower(),
        "phone": "+86 138-1234-5678",
    }
    saved = regs.add("alltypes", raw).entry
    got = regs.get("alltypes", saved.number)
    expected = {
        "text": "保密 Text 甲",
        "longtext": "第一行\n第二行",
        "count": -5,
        "money": Money(123456709),
        "day": date(2026, 3, 1),
        "kind": "b",
        "flag": True,
        "level": Level.CONFIDENTIAL,
        "term": Term.of_years(5),
        "scope": ("一室", "总体部", "质量处"),
        "person": "RY-2026-0003",
        "account": "zhaoclerk",
        "ref": "QL-2026-0001",
        "gender": "male",
        "resident": pid,
        "phone": "13812345678",
    }
    assert dict(got.values) == expected
    assert got.values == saved.values
    spec = alltypes_forms["alltypes"]
    shown = {n: got.display(spec, n, "zh_CN") for n in expected}
    assert shown["money"] == "¥1,234,567.09"
    assert shown["day"] == "2026-03-01"
    assert shown["kind"] == "乙类"
    assert shown["flag"] == "是"
    assert shown["level"] == "秘密"
    assert shown["scope"] == "一室、总体部、质量处"
    assert got.display(spec, "flag", "en") == "Yes"
    assert got.marking == "秘密★5年"
    # What an editor shows reads back to the same value, for every field.
    for f in spec.fields:
        assert f.check(f.input_text(got.values[f.name])) == got.values[f.name], f.name


def test_money_is_exact_to_the_fen(officer: Session, alltypes_forms: Forms) -> None:
    regs = open_registers(officer, alltypes_forms)
    for typed, fen, shown in [
        ("0.01", 1, "¥0.01"),
        ("0.1", 10, "¥0.10"),
        ("0.29", 29, "¥0.29"),  # 0.29 * 100 is 28.999… as a float
        ("19999999.99", 1999999999, "¥19,999,999.99"),
        ("1,000元", 100000, "¥1,000.00"),
        ("RMB 0.30", 30, "¥0.30"),
    ]:
        e = regs.add("alltypes", {"text": "x", "level": "内部", "money": typed}).entry
        got = regs.get("alltypes", e.number).values["money"]
        assert isinstance(got, Money)
        assert (got.fen, got.display()) == (fen, shown)
        stored = officer.vault.store.scalar(
            "SELECT json_extract(data, '$.money') FROM entries WHERE number = ?", (e.number,)
        )
        assert stored == fen
        assert isinstance(stored, int)  # never a float


def test_money_with_more_than_two_decimals_is_refused_at_the_field(
    officer: Session, alltypes_forms: Forms
) -> None:
    regs = open_registers(officer, alltypes_forms)
    with pytest.raises(EntryInvalid) as exc:
        regs.add("alltypes", {"text": "x", "level": "内部", "money": "1.005"})
    assert "money" in _problems(exc.value)


def test_empty_optional_fields_stay_empty(regs: Registers) -> None:
    e = regs.add("drawings", drawing()).entry
    assert e.values["remarks"] is None
    assert e.values["due_on"] is None
    assert e.values["copies"] == 2
    assert e.values["recalled"] is False


# --- create, edit, conflicts ----------------------------------------------------------------


def test_edit_saves_a_new_revision_and_returns_what_changed(regs: Registers) -> None:
    first = regs.add("drawings", drawing()).entry
    assert first.revision == 1
    result = regs.edit(
        "drawings", first.number, {"copies": "3", "remarks": "补发"}, expected_revision=1
    )
    assert result.changed_fields == ("copies", "remarks")
    assert result.entry.revision == 2
    again = regs.get("drawings", first.number)
    assert again.values["copies"] == 3
    assert again.values["remarks"] == "补发"
    assert again.number == first.number
    assert again.created_at == first.created_at
    # Saving the same values again changes nothing and writes no revision.
    same = regs.edit("drawings", first.number, {"copies": "3"}, expected_revision=2)
    assert same.changed_fields == ()
    assert regs.get("drawings", first.number).revision == 2


def test_edit_refused_when_someone_saved_since(regs: Registers, officer: Session) -> None:
    e = regs.add("drawings", drawing()).entry
    regs.edit("drawings", e.number, {"copies": "5"}, expected_revision=1)
    # The other user still holds revision 1.
    with pytest.raises(ConflictError) as exc:
        regs.edit("drawings", e.number, {"copies": "9"}, expected_revision=1)
    msg = exc.value.message("en")
    assert e.number in msg
    assert "revision 2" in msg
    assert OFFICER in msg
    assert exc.value.exit_code == 1
    now = regs.get("drawings", e.number, record_view=False)
    assert now.revision == 2
    assert now.values["copies"] == 5
    assert len(regs.history("drawings", e.number)) == 2
    assert len(audit_rows(officer, "entry.edit")) == 1
    # A stale void is refused the same way.
    with pytest.raises(ConflictError):
        regs.void("drawings", e.number, "登记错误", expected_revision=1)


def test_invalid_edit_saves_nothing(regs: Registers) -> None:
    e = regs.add("drawings", drawing()).entry
    with pytest.raises(EntryInvalid) as exc:
        regs.edit("drawings", e.number, {"copies": "0", "nmae": "x"}, expected_revision=1)
    assert set(_problems(exc.value)) == {"copies", "nmae"}
    assert regs.get("drawings", e.number, record_view=False).revision == 1


# --- void, never delete ----------------------------------------------------------------------


def test_void_keeps_number_and_history_and_the_number_is_never_reused(
    regs: Registers, officer: Session
) -> None:
    a = regs.add("drawings", drawing(drawing_no="XX-2026-001")).entry
    b = regs.add("drawings", drawing(drawing_no="XX-2026-002")).entry
    with pytest.raises(EntryInvalid) as exc:
        regs.void("drawings", b.number, "   ")
    assert _problems(exc.value) == {"reason": "void_reason"}
    voided = regs.void("drawings", b.number, "重复登记").entry
    assert voided.voided
    assert voided.void_reason == "重复登记"
    assert voided.number == b.number
    assert voided.revision == 2
    assert voided.flags == ()
    c = regs.add("drawings", drawing(drawing_no="XX-2026-003")).entry
    assert [a.number, b.number, c.number] == [
        "TZFS-2026-0001",
        "TZFS-2026-0002",
        "TZFS-2026-0003",
    ]
    live = regs.page("drawings", Query())
    assert [e.number for e in live] == [c.number, a.number]
    assert regs.count("drawings", Query()) == 2
    every = regs.page("drawings", Query(include_voided=True))
    assert {e.number for e in every} == {a.number, b.number, c.number}
    assert regs.count("drawings", Query(include_voided=True)) == 3
    # A void entry is still there to open, and cannot be changed or voided again.
    assert regs.get("drawings", b.number).voided
    with pytest.raises(ValidationError):
        regs.edit("drawings", b.number, {"copies": "3"}, expected_revision=2)
    with pytest.raises(ValidationError):
        regs.void("drawings", b.number, "again")
    hist = regs.history("drawings", b.number)
    assert [(h.revision, h.change, h.voided) for h in hist] == [
        (1, "create", False),
        (2, "void", True),
    ]
    assert hist[1].void_reason == "重复登记"
    assert hist[1].changes == ()


def test_entries_and_revisions_cannot_be_deleted_or_rewritten(
    regs: Registers, officer: Session
) -> None:
    e = regs.add("drawings", drawing()).entry
    store = officer.vault.store
    with pytest.raises(db.DatabaseError, match="never deleted"):
        store.execute("DELETE FROM entries WHERE id = ?", (e.id,))
    with pytest.raises(db.DatabaseError, match="never deleted"):
        store.execute("DELETE FROM entry_revisions WHERE entry_id = ?", (e.id,))
    with pytest.raises(db.DatabaseError, match="never changed"):
        store.execute("UPDATE entry_revisions SET data = '{}' WHERE entry_id = ?", (e.id,))
    assert regs.get("drawings", e.number).values["drawing_no"] == "XX-2026-031"


def test_history_shows_field_level_differences(regs: Registers) -> None:
    e = regs.add("drawings", drawing(remarks="首次发放")).entry
    regs.edit("drawings", e.number, {"copies": "4", "remarks": ""}, expected_revision=1)
    regs.edit(
        "drawings",
        e.number,
        {"recalled": "是", "recalled_on": "2026-03-02", "recalled_by": "周敏"},
        expected_revision=2,
    )
    hist = regs.history("drawings", e.number)
    assert [h.revision for h in hist] == [1, 2, 3]
    assert [h.change for h in hist] == ["create", "edit", "edit"]
    assert all(h.account == OFFICER for h in hist)
    created = {c.field for c in hist[0].changes}
    assert {"drawing_no", "drawing_name", "copies", "level", "remarks"} <= created
    assert "due_on" not in created  # empty before and after
    assert hist[1].changes == (
        FieldChange("copies", 2, 4),
        FieldChange("remarks", "首次发放", None),
    )
    assert set(hist[2].changes) == {
        FieldChange("recalled", False, True),
        FieldChange("recalled_on", None, date(2026, 3, 2)),
        FieldChange("recalled_by", None, "周敏"),
    }
    assert hist[2].values["copies"] == 4


def test_status_change_is_a_revision(regs: Registers) -> None:
    from tests.support.data import person

    e = regs.add("personnel", person()).entry
    assert e.status == "review"
    r = regs.edit("personnel", e.number, {}, expected_revision=1, status="在岗")
    assert r.entry.status == "in_post"
    assert r.changed_fields == ("status",)
    assert regs.history("personnel", e.number)[1].change == "status"
    assert regs.page("personnel", Query(where={"status": "在岗"}))[0].number == e.number
    with pytest.raises(ValidationError):
        regs.edit("personnel", e.number, {}, expected_revision=2, status="不存在")


# --- numbering -------------------------------------------------------------------------------


def test_numbering_per_register_and_per_year(regs: Registers, vault_env: VaultEnv) -> None:
    d1 = regs.add("drawings", drawing(drawing_no="A-1")).entry
    g1 = regs.add("gifts", gift()).entry
    d2 = regs.add("drawings", drawing(drawing_no="A-2")).entry
    assert (d1.number, d2.number, g1.number) == ("TZFS-2026-0001", "TZFS-2026-0002", "LP-2026-0001")
    vault_env.clock.set(datetime(2027, 1, 1, 9, 0, tzinfo=UTC))
    d3 = regs.add("drawings", drawing(drawing_no="A-3", issued_on="2027-01-01")).entry
    g2 = regs.add("gifts", gift(received_on="2027-01-01")).entry
    d4 = regs.add("drawings", drawing(drawing_no="A-4", issued_on="2027-01-01")).entry
    assert (d3.number, d4.number, g2.number) == ("TZFS-2027-0001", "TZFS-2027-0002", "LP-2027-0001")
    # The previous year's entries are untouched and all numbers are distinct.
    assert regs.get("drawings", "TZFS-2026-0002").values["drawing_no"] == "A-2"
    numbers = [e.number for e in regs.page("drawings", Query(include_voided=True))]
    assert sorted(numbers) == sorted(set(numbers))
    assert len(numbers) == 4
    # Sorting by number sorts by year, then sequence.
    from secrecy_desk.forms import SortKey

    by_number = regs.page("drawings", Query(sort=(SortKey("number", descending=True),)))
    assert [e.number for e in by_number] == [
        "TZFS-2027-0002",
        "TZFS-2027-0001",
        "TZFS-2026-0002",
        "TZFS-2026-0001",
    ]


def test_a_failed_save_does_not_use_up_a_number(regs: Registers) -> None:
    with pytest.raises(EntryInvalid):
        regs.add("drawings", drawing(copies="zero"))
    assert regs.add("drawings", drawing()).entry.number == "TZFS-2026-0001"


# --- level rules -----------------------------------------------------------------------------


def test_default_terms_and_markings(regs: Registers, forms: Forms) -> None:
    secret = regs.add("drawings", drawing(level="机密")).entry
    assert secret.term == Term.of_years(20)
    assert secret.marking == "机密★20年"
    assert secret.values["term"] is None  # the field stays empty; the default is the entry's
    own = regs.add("drawings", drawing(drawing_no="B-1", level="机密", term="长期")).entry
    assert own.marking == "机密★长期"
    assert own.term == Term(TermKind.LONG_TERM)
    general = regs.add("drawings", drawing(drawing_no="B-2", level="一般")).entry
    assert general.level is Level.INTERNAL
    assert general.marking == "内部"
    assert "★" not in general.marking
    assert general.term is None
    spec = forms["drawings"]
    assert general.display(spec, "level", "zh_CN") == "一般"
    assert general.display(spec, "level", "en") == "General"
    # A term on an unclassified drawing is refused at the term field.
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(drawing_no="B-3", level="一般", term="10年"))
    assert "term" in _problems(exc.value)
    # Default terms by level (绝密 cannot be entered on any workstation rating, so checked pure).
    values = {"level": Level.TOP_SECRET, "term": None}
    assert entry_marking(spec, values).text == "绝密★30年"
    assert entry_marking(spec, {"level": Level.SECRET}).text == "机密★20年"
    gifts = regs.add("gifts", gift()).entry
    assert gifts.level is Level.INTERNAL
    assert gifts.marking == "内部"


def test_default_term_for_confidential(officer: Session, alltypes_forms: Forms) -> None:
    regs = open_registers(officer, alltypes_forms)
    e = regs.add("alltypes", {"text": "x", "level": "秘密"}).entry
    assert e.marking == "秘密★10年"
    assert e.term == Term.of_years(10)


def test_entry_above_the_workstation_rating_is_refused_at_the_level_field(
    vault_env: VaultEnv, forms: Forms
) -> None:
    # Make this copy of the vault a 秘密-rated workstation (setup chooses the rating).
    s = vault_env.login(OFFICER)
    try:
        with s.operation() as store:
            store.execute("UPDATE settings SET value = '2' WHERE key = 'rating'")
    finally:
        s.logout()
    s = vault_env.login(OFFICER)
    try:
        assert s.settings.rating is Level.CONFIDENTIAL
        regs = open_registers(s, forms)
        with pytest.raises(EntryInvalid) as exc:
            regs.add("drawings", drawing(level="机密"))
        [p] = exc.value.problems
        assert (p.field, p.code) == ("level", "above_rating")
        assert "秘密" in p.message("zh_CN")
        assert "机密" in p.message("zh_CN")
        assert regs.count("drawings", Query()) == 0
        assert regs.add("drawings", drawing(level="一般")).entry.number == "TZFS-2026-0001"
    finally:
        s.logout()


def test_top_secret_is_above_every_rating(regs: Registers) -> None:
    with pytest.raises(EntryInvalid) as exc:
        regs.add("drawings", drawing(level="绝密", must_recall="是", due_on="2026-04-01"))
    assert _problems(exc.value) == {"level": "above_rating"}


def test_entry_above_clearance_is_refused(clerk_regs: Registers) -> None:
    with pytest.raises(EntryInvalid) as exc:
        clerk_regs.add("drawings", drawing(level="机密"))
    [p] = exc.value.problems
    assert (p.field, p.code) == ("level", "above_clearance")


def test_entries_above_clearance_are_invisible(vault_env: VaultEnv, forms: Forms) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = open_registers(s, forms)
        secret = regs.add("drawings", drawing(drawing_no="JM-1", drawing_name="保密总装图")).entry
        general = regs.add(
            "drawings", drawing(drawing_no="YB-1", level="一般", drawing_name="保密说明")
        ).entry
        assert regs.count("drawings", Query()) == 2
    finally:
        s.logout()
    s = vault_env.login(CLERK)
    try:
        regs = open_registers(s, forms)
        assert [e.number for e in regs.page("drawings", Query())] == [general.number]
        assert regs.count("drawings", Query()) == 1
        assert regs.count("drawings", Query(include_voided=True)) == 1
        assert [e.number for e in regs.page("drawings", Query(search="保密"))] == [general.number]
        assert regs.count("drawings", Query(search="总装")) == 0
        assert regs.page("drawings", Query(where={"level": "机密"})) == []
        assert regs.page("drawings", Query(where={"number": secret.number})) == []
        with pytest.raises(ValidationError) as hidden:
            regs.get("drawings", secret.number)
        with pytest.raises(ValidationError) as missing:
            regs.get("drawings", "TZFS-2026-0099")
        # Hidden reads exactly like absent.
        assert hidden.value.text == missing.value.text
        with pytest.raises(ValidationError):
            regs.history("drawings", secret.number)
        with pytest.raises(ValidationError):
            regs.edit("drawings", secret.number, {"copies": "1"}, expected_revision=1)
    finally:
        s.logout()


def test_clerk_cannot_void(vault_env: VaultEnv, forms: Forms) -> None:
    s = vault_env.login(OFFICER)
    try:
        number = open_registers(s, forms).add("gifts", gift()).entry.number
    finally:
        s.logout()
    s = vault_env.login(CLERK)
    try:
        with pytest.raises(PermissionDenied):
            open_registers(s, forms).void("gifts", number, "错误")
    finally:
        s.logout()


def test_administrators_see_no_registers(vault_env: VaultEnv, forms: Forms) -> None:
    from tests.support.vault import SYSADMIN

    s = vault_env.login(SYSADMIN)
    try:
        regs = open_registers(s, forms)
        assert regs.visible_registers() == []
        with pytest.raises(PermissionDenied):
            regs.page("gifts", Query())
    finally:
        s.logout()


def test_unknown_register_is_a_usage_error(regs: Registers) -> None:
    from secrecy_desk.core.errors import UsageError

    with pytest.raises(UsageError):
        regs.page("nosuch", Query())


# --- audit -----------------------------------------------------------------------------------


def test_every_operation_is_audited_with_level_and_object(
    regs: Registers, officer: Session
) -> None:
    d = regs.add("drawings", drawing()).entry
    g = regs.add("gifts", gift()).entry
    obj = f"drawings:{d.number}"
    [create] = [a for a in audit_rows(officer, "entry.create") if a.obj == obj]
    assert create.level == Level.SECRET
    assert create.account == OFFICER
    assert create.details["revision"] == 1
    [gcreate] = [a for a in audit_rows(officer, "entry.create") if a.obj == f"gifts:{g.number}"]
    assert gcreate.level == Level.INTERNAL

    assert audit_rows(officer, "entry.view") == []
    regs.get("gifts", g.number)  # 内部: opening it is not a classified view
    regs.get("drawings", d.number, record_view=False)
    regs.page("drawings", Query())
    assert audit_rows(officer, "entry.view") == []
    regs.get("drawings", d.number)
    [view] = audit_rows(officer, "entry.view")
    assert (view.obj, view.level, view.details["revision"]) == (obj, Level.SECRET, 1)

    # A level goes down only through a classification review decision (定密管理), whose
    # revision of the entry is audited like an edit, at the higher of the two levels.
    review.decide(regs, "drawings", d.number, decision="解密", basis="定型公开", approver="李总")
    [edit] = audit_rows(officer, "entry.edit")
    assert (edit.obj, edit.level, edit.details["fields"]) == (obj, Level.SECRET, ["level"])
    regs.void("drawings", d.number, "登记错误")
    [void] = audit_rows(officer, "entry.void")
    assert (void.obj, void.level, void.details["reason"]) == (obj, Level.INTERNAL, "登记错误")


def test_a_refused_save_writes_no_entry_and_no_audit_record(
    regs: Registers, officer: Session
) -> None:
    before = len(audit_rows(officer))
    with pytest.raises(EntryInvalid):
        regs.add("drawings", drawing(copies="0"))
    assert len(audit_rows(officer)) == before
    assert officer.vault.store.scalar("SELECT count(*) FROM entries") == 0


# --- definitions -----------------------------------------------------------------------------


def _definition_files() -> list[Path]:
    return sorted(FORMS_ROOT.rglob("*.toml"))


def test_there_are_definitions() -> None:
    names = {p.stem for p in _definition_files()}
    assert {"personnel", "drawings", "gifts"} <= names


@pytest.mark.parametrize("path", _definition_files(), ids=lambda p: p.stem)
def test_every_definition_loads_and_names_known_rules(path: Path, forms: Forms) -> None:
    spec = forms[path.stem]
    assert spec.source.endswith(path.name)
    for rule in spec.rules:
        assert rule in RULES, f"{path}: unknown rule {rule}"
    for name in spec.search:
        assert spec.has_field(name)


def test_every_register_works_in_the_engine(regs: Registers, forms: Forms) -> None:
    """Every register loads into the engine, lists, counts and searches (even empty)."""
    assert load_all() == forms or len(load_all()) == len(forms)
    for spec in forms.registers:
        assert regs.page(spec.id, Query(search="保密")) == []
        assert regs.count(spec.id, Query()) == 0
        assert regs.session.principal.can(spec.id, Action.VIEW)


def test_bulk_insert_numbers_indexes_and_audits(regs: Registers, officer: Session) -> None:
    from secrecy_desk.forms import validate_entry

    spec = regs.spec("gifts")
    first = regs.add("gifts", gift(description="保密柜钥匙扣")).entry
    values = [
        validate_entry(spec, gift(description=f"保密台历{i}"), today=date(2026, 3, 2)).values
        for i in range(3)
    ]
    assert regs.bulk_insert("gifts", values, source="legacy.xlsx", batch=2) == 3
    found = regs.page("gifts", Query(search="保密"))
    assert sorted(e.number for e in found) == [f"LP-2026-000{i}" for i in range(1, 5)]
    assert regs.get("gifts", "LP-2026-0004").values == values[2]
    assert regs.add("gifts", gift()).entry.number == "LP-2026-0005"
    assert regs.history("gifts", "LP-2026-0002")[0].note == "import:legacy.xlsx"
    [rec] = audit_rows(officer, "register.import")
    assert rec.details["count"] == 3
    assert first.number == "LP-2026-0001"
    # The level rules hold for bulk loads too: nothing of a refused lot is saved.
    dspec = regs.spec("drawings")
    top = validate_entry(
        dspec, drawing(level="绝密", must_recall="是", due_on="2026-04-01"), today=date(2026, 3, 2)
    ).values
    with pytest.raises(ValidationError):
        regs.bulk_insert("drawings", [top], source="x")
    assert regs.count("drawings", Query(include_voided=True)) == 0


def test_sorted_pages_agree_with_a_plain_sort_on_a_larger_register(regs: Registers) -> None:
    """Past 1,000 entries the engine has statistics and reads first pages in index order
    (INDEXED BY the sort column's index); the pages must be what a plain sort gives."""
    import random

    from secrecy_desk.forms import SortKey
    from tests.bench.bench_registers import drawing_values

    rng = random.Random(5)
    rows = [drawing_values(rng, date(2026, 3, 2)) for _ in range(1500)]
    regs.bulk_insert("drawings", rows, source="test")
    regs.void("drawings", "TZFS-2026-0007", "作废")
    spec = regs.spec("drawings")
    every = regs.page("drawings", Query(limit=None, sort=(SortKey("number"),)))
    assert len(every) == 1499
    assert regs.planner.page_hint(spec, Query(), spec.listing.sort).hint.startswith("INDEXED BY")

    def key(e: Entry) -> tuple[object, ...]:
        return (e.values["issued_on"], int(e.number.split("-")[1]), int(e.number.split("-")[2]))

    expected = [e.number for e in sorted(every, key=key, reverse=True)]
    assert [e.number for e in regs.page("drawings", Query(limit=60))] == expected[:60]
    page2 = regs.page("drawings", Query(limit=60, offset=60))
    assert [e.number for e in page2] == expected[60:120]
    secret = [n for n in expected if regs_level(every, n) is Level.SECRET]
    got = regs.page("drawings", Query(where={"level": "机密"}, limit=40))
    assert [e.number for e in got] == secret[:40]
    assert regs.count("drawings", Query(where={"level": "机密"})) == len(secret)
    by_copies = regs.page(
        "drawings", Query(sort=(SortKey("copies", descending=True), SortKey("number")), limit=30)
    )
    want = sorted(every, key=lambda e: (-int(str(e.values["copies"])), key(e)[1:]))
    assert [e.number for e in by_copies] == [e.number for e in want[:30]]


def test_keyset_pages_walk_every_order_both_ways(regs: Registers) -> None:
    """Paging by ``after`` (and ``backward``) gives exactly the rows of the full sorted list,
    in every order: mixed directions, a column with empty values (NULL sorts first ascending,
    last descending), ties broken by the number; and the last page read backwards from the
    end is the end of the list."""
    import random

    from secrecy_desk.forms import SortKey
    from tests.bench.bench_registers import drawing_values

    rng = random.Random(11)
    regs.bulk_insert(
        "drawings", [drawing_values(rng, date(2026, 3, 2)) for _ in range(1200)], source="t"
    )
    regs.void("drawings", "TZFS-2026-0009", "作废")
    orders: list[tuple[SortKey, ...] | None] = [
        None,
        (SortKey("receiver"),),
        (SortKey("due_on", descending=True),),
        (SortKey("due_on"),),
        (SortKey("copies", descending=True), SortKey("number")),
        (SortKey("status"),),
    ]
    for sort in orders:
        for where in ({}, {"level": "机密"}):
            base = Query(sort=sort, where=where, limit=None)
            every = [e.number for e in regs.page("drawings", base)]
            forward: list[str] = []
            after: int | None = None
            while page := regs.page(
                "drawings", Query(sort=sort, where=where, limit=97, after=after)
            ):
                forward += [e.number for e in page]
                after = page[-1].id
            assert forward == every, sort
            backward: list[str] = []
            before: int | None = None
            while page := regs.page(
                "drawings", Query(sort=sort, where=where, limit=97, after=before, backward=True)
            ):
                backward = [e.number for e in page] + backward
                before = page[0].id
            assert backward == every, sort
            last = regs.page("drawings", Query(sort=sort, where=where, limit=5, backward=True))
            assert [e.number for e in last] == every[-5:]


def regs_level(entries: list[Entry], number: str) -> Level:
    return next(e.level for e in entries if e.number == number)


def test_an_index_whose_definition_changed_is_rebuilt(officer: Session, forms: Forms) -> None:
    store = officer.vault.store
    open_registers(officer, forms)
    with store.transaction():
        store.execute("DROP INDEX ix_gifts_value")
        store.execute(
            "CREATE INDEX ix_gifts_value ON entries (json_extract(data, '$.value'), id) "
            "WHERE register = 'gifts'"
        )
    regs = open_registers(officer, forms)  # the start does no DDL (step 11 builds them)
    sql = str(store.scalar("SELECT sql FROM sqlite_schema WHERE name = 'ix_gifts_value'"))
    assert "voided = 0" not in sql
    regs.planner.ensure_indexes(forms.registers)  # as after a bulk load
    sql = str(store.scalar("SELECT sql FROM sqlite_schema WHERE name = 'ix_gifts_value'"))
    assert "voided = 0" in sql
    assert "level" in sql

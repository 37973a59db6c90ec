"""Import (.csv/.xlsx, all or nothing, every bad row with line, column and reason) and export
(marked with the highest level in its name and first row, fixed disks only, audited)."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from secrecy_desk.core import media
from secrecy_desk.core.cells import restore
from secrecy_desk.core.levels import Level
from secrecy_desk.core.money import Money
from secrecy_desk.core.roles import Action, Permission
from secrecy_desk.forms import Forms
from secrecy_desk.modules.registers import ImportFailed, Query, Registers
from secrecy_desk.modules.registers import io as reg_io
from secrecy_desk.modules.registers.engine import Cancelled
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault.session import Session
from tests.support.data import audit_rows, data_file, drawing, gift
from tests.support.vault import CLERK, OFFICER, SECADMIN, VaultEnv


def _import(
    vault_env: VaultEnv, register: str, name: str, login: str = OFFICER
) -> tuple[int, str, str]:
    r = vault_env.cli_as(login, ["import", "--register", register, "--from", str(data_file(name))])
    return r.code, r.out, r.err


# --- import ----------------------------------------------------------------------------------


def test_good_csv_with_chinese_headers_imports(vault_env: VaultEnv, forms: Forms) -> None:
    code, out, err = _import(vault_env, "gifts", "gifts_good.csv")
    assert code == 0, err
    assert "3 entries imported: LP-2026-0001 … LP-2026-0003" in out
    s = vault_env.login(OFFICER)
    try:
        regs = open_registers(s, forms)
        by_no = {e.number: e for e in regs.page("gifts", Query(limit=None))}
        cash = by_no["LP-2026-0002"].values
        assert cash["kind"] == "cash"
        assert cash["value"] == Money(100000)
        assert cash["disposition"] == "kept_by_finance"
        card = by_no["LP-2026-0003"].values
        assert str(card["received_on"]) == "2026-02-27"  # 2026/2/27 read as a date
        assert by_no["LP-2026-0001"].values["disposition"] == "registered_only"
        [rec] = audit_rows(s, "register.import")
        assert (rec.obj, rec.level, rec.details["count"]) == ("gifts", Level.INTERNAL, 3)
        assert rec.details["source"] == "gifts_good.csv"
        history = regs.history("gifts", "LP-2026-0001")
        assert history[0].note == "import:gifts_good.csv"
    finally:
        s.logout()


def test_good_xlsx_and_field_name_csv_import(regs: Registers, officer: object) -> None:
    report = reg_io.import_file(regs, "drawings", data_file("drawings_good.xlsx"))
    assert report.numbers == ("TZFS-2026-0001", "TZFS-2026-0002")
    first = regs.get("drawings", "TZFS-2026-0001", record_view=False)
    assert first.values["copies"] == 2
    assert str(first.values["due_on"]) == "2026-03-20"
    assert first.marking == "机密★20年"
    second = regs.get("drawings", "TZFS-2026-0002", record_view=False)
    assert second.level is Level.INTERNAL
    assert second.values["remarks"] == "内部资料"
    report = reg_io.import_file(regs, "drawings", data_file("drawings_good.csv"))
    assert len(report.numbers) == 3
    [rec, rec2] = audit_rows(regs.session, "register.import")
    assert rec.level == Level.SECRET  # the highest level imported
    assert rec2.details["first"] == "TZFS-2026-0003"
    gb = reg_io.import_file(regs, "gifts", data_file("gifts_gb18030.csv"))
    assert regs.get("gifts", gb.numbers[0]).values["recipient"] == "吴晓"


def test_a_bad_row_imports_nothing_and_every_bad_row_is_reported(
    vault_env: VaultEnv, forms: Forms
) -> None:
    code, out, err = _import(vault_env, "gifts", "gifts_bad.csv", login=CLERK)
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("Nothing was imported")
    problems = [line.strip() for line in lines[1:]]
    # Line numbers are the file's own (the header is line 1, the blank line 5 counts too).
    assert problems[0].startswith("Row 3: Value (yuan):")
    assert problems[1].startswith("Row 4: Giver:")
    assert problems[2].startswith("Row 6: Reason for lateness:")
    assert len(problems) == 3
    s = vault_env.login(OFFICER)
    try:
        regs = open_registers(s, forms)
        assert regs.count("gifts", Query(include_voided=True)) == 0
        assert audit_rows(s, "register.import") == []
        # No number was used up by the refused import.
        assert regs.add("gifts", gift()).entry.number == "LP-2026-0001"
    finally:
        s.logout()


def test_bad_xlsx_reports_the_rule_and_imports_nothing(regs: Registers) -> None:
    with pytest.raises(ImportFailed) as exc:
        reg_io.import_file(regs, "drawings", data_file("drawings_bad.xlsx"))
    found = [(line, p.field, p.code) for line, p in exc.value.failures]
    assert found == [
        (3, "must_recall", "top_secret_recall"),
        (3, "due_on", "due_required"),
    ]
    assert regs.count("drawings", Query(include_voided=True)) == 0


def test_unknown_column_and_wrong_format(regs: Registers, tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as exc:
        reg_io.import_file(regs, "gifts", data_file("gifts_unknown_column.csv"))
    [(line, p)] = exc.value.failures
    assert line == 1
    assert p.code == "unknown_column"
    assert "颜色" in p.message("zh_CN")
    txt = tmp_path / "gifts.txt"
    shutil.copy(data_file("gifts_good.csv"), txt)
    from secrecy_desk.core.errors import ValidationError

    with pytest.raises(ValidationError):
        reg_io.import_file(regs, "gifts", txt)


def test_export_then_import_round_trip(regs: Registers, tmp_path: Path) -> None:
    regs.add("gifts", gift(value="1234.56", kind="礼金", disposition="上交财务保管"))
    regs.add("gifts", gift(description='台历，含"引号"与逗号,'))
    path = reg_io.export_file(regs, "gifts", tmp_path / "gifts.csv")
    again = reg_io.import_file(regs, "gifts", path)
    assert len(again.numbers) == 2
    entries = regs.page("gifts", Query(limit=None))
    spec = regs.spec("gifts")

    def row(number: str) -> tuple[object, ...]:
        [e] = [e for e in entries if e.number == number]
        return tuple(e.values[f] for f in spec.field_names)

    # Every value comes back exactly (the export's marking row and its number and status
    # columns are skipped; numbers are given anew).
    assert sorted([row("LP-2026-0001"), row("LP-2026-0002")], key=repr) == sorted(
        [row(n) for n in again.numbers], key=repr
    )
    assert {e.values["value"] for e in entries} == {Money(123456), Money(30000)}


# --- export ----------------------------------------------------------------------------------


def test_export_csv_and_xlsx_carry_the_highest_marking(regs: Registers, tmp_path: Path) -> None:
    regs.add("drawings", drawing(drawing_no="A-1", level="一般"))
    regs.add("drawings", drawing(drawing_no="A-2", level="机密"))
    regs.add("drawings", drawing(drawing_no="A-3", level="机密", term="长期"))
    out = reg_io.export_file(regs, "drawings", tmp_path / "图纸.csv")
    # The file keeps the name the user gave; the marking is inside it.
    assert out == tmp_path / "图纸.csv"
    assert out.exists()
    assert [p.name for p in tmp_path.glob("*.csv")] == ["图纸.csv"]
    assert not list(tmp_path.glob(".*.part"))
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["机密★长期"]
    assert rows[1][:3] == ["序号", "状态", "图号"]
    assert sorted(r[2] for r in rows[2:]) == ["A-1", "A-2", "A-3"]

    xl = reg_io.export_file(
        regs, "drawings", tmp_path / "general.xlsx", Query(where={"level": "一般"})
    )
    assert xl.name == "general.xlsx"
    book = openpyxl.load_workbook(xl, read_only=True)
    assert book.properties.keywords == "内部"
    sheet = book.worksheets[0]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    book.close()
    assert cells[0][0] == "内部"
    assert len(cells) == 3
    assert cells[2][2] == "A-1"

    [rec, rec2] = audit_rows(regs.session, "register.export")
    assert rec.level == Level.SECRET
    assert rec.details["count"] == 3
    assert rec.details["marking"] == "机密★长期"
    assert rec.outcome == "ok"
    assert rec2.level == Level.INTERNAL


def test_every_exported_cell_is_what_the_list_shows(
    officer: Session, alltypes_forms: Forms, tmp_path: Path
) -> None:
    """The export reads entries as stored and turns each distinct value of a column into its
    text once: every cell of both formats is still the list's text of that entry (or, in a
    workbook, its typed value), repeated values, empty fields and a term left to the level's
    default included."""
    regs = open_registers(officer, alltypes_forms)
    spec = regs.spec("alltypes")
    rows = [
        {"text": "甲", "level": "秘密", "term": "5年", "count": "3", "money": "12.30",
         "day": "2026-03-01", "kind": "乙", "flag": "是", "scope": "一室、二室",
         "phone": "13812345678", "longtext": "第一行\n第二行"},
        {"text": "乙", "level": "秘密", "count": "3", "money": "12.30", "day": "2026-03-01",
         "kind": "乙", "flag": "否"},
        {"text": "=1+1", "level": "机密", "term": "长期", "kind": "甲类", "flag": "是"},
        {"text": "丁", "level": "内部"},
    ] * 3  # fmt: skip
    regs.add_many("alltypes", rows, source="test")
    names = ["number", "status", *spec.field_names]
    entries = regs.page("alltypes", Query(limit=None))
    shown = [[e.display(spec, n, "zh_CN") for n in names] for e in entries]
    assert any(e.term is not None and e.values["term"] is None for e in entries)

    out = reg_io.export_file(regs, "alltypes", tmp_path / "all.csv")
    cells = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    assert [[restore(c) for c in r] for r in cells[2:]] == shown

    out = reg_io.export_file(regs, "alltypes", tmp_path / "all.xlsx")
    book = openpyxl.load_workbook(out, read_only=True)
    typed = [list(r) for r in book.worksheets[0].iter_rows(min_row=3, values_only=True)]
    book.close()
    assert len(typed) == len(entries)
    for entry, texts, read in zip(entries, shown, typed, strict=True):
        got = read + [None] * (len(names) - len(read))  # no cell for empty fields at the end
        for name, text, cell in zip(names, texts, got, strict=True):
            value = entry.values.get(name) if spec.has_field(name) else None
            if isinstance(value, Money):
                assert cell == pytest.approx(value.fen / 100), name
            elif isinstance(value, date) or (isinstance(value, int) and name == "count"):
                assert cell == value or cell.date() == value, name  # type: ignore[union-attr]
            else:
                assert (cell or "") == text, (name, cell, text)


def test_export_progress_is_heard_and_a_cancel_leaves_no_file(
    regs: Registers, tmp_path: Path
) -> None:
    regs.add_many("drawings", [drawing(drawing_no=f"E-{i}") for i in range(1200)], source="t")
    heard: list[tuple[int, int]] = []

    def stop_at_1000(done: int, total: int) -> bool:
        heard.append((done, total))
        return done < 1000

    folder = tmp_path / "exports"
    folder.mkdir()
    for suffix in (".csv", ".xlsx"):
        heard.clear()
        target = folder / f"out{suffix}"
        with pytest.raises(Cancelled):
            reg_io.export_file(regs, "drawings", target, progress=stop_at_1000)
        assert heard == [(0, 1200), (500, 1200), (1000, 1200)]
        assert list(folder.iterdir()) == []  # neither the file nor its part
    assert audit_rows(regs.session, "register.export") == []
    out = reg_io.export_file(regs, "drawings", folder / "all.csv", progress=lambda d, t: True)
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 2 + 1200


def test_export_to_removable_media_is_refused_and_recorded(
    regs: Registers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regs.add("drawings", drawing())
    monkeypatch.setattr(media, "refusal", lambda *_a, **_k: "removable")
    from secrecy_desk.core.errors import ValidationError

    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(ValidationError) as exc:
        reg_io.export_file(regs, "drawings", usb / "out.csv")
    assert "removable" in exc.value.message("en")
    assert list(usb.iterdir()) == []
    [rec] = audit_rows(regs.session, "register.export")
    assert rec.outcome == "refused"
    assert rec.details["reason"] == "removable media"


def test_export_cli_permission_and_clearance(
    vault_env: VaultEnv, forms: Forms, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = vault_env.login(OFFICER)
    try:
        regs = open_registers(s, forms)
        regs.add("drawings", drawing(drawing_no="JM-1", level="机密"))
        regs.add("drawings", drawing(drawing_no="YB-1", level="一般"))
    finally:
        s.logout()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "out.csv"
    # A clerk lacks the export permission by default: exit 3, nothing written.
    r = vault_env.cli_as(CLERK, ["export", "--register", "drawings", "--to", str(target)])
    assert r.code == 3
    assert list(out_dir.iterdir()) == []
    # Given it, the clerk's export holds only what a 秘密 clearance sees, and is marked so.
    s = vault_env.login(SECADMIN)
    try:
        account_admin.grant(s, CLERK, permissions=[Permission("drawings", Action.EXPORT)])
    finally:
        s.logout()
    r = vault_env.cli_as(CLERK, ["export", "--register", "drawings", "--to", str(target)])
    assert r.code == 0, r.err
    [written] = list(out_dir.iterdir())
    assert written.name == "out.csv"
    text = written.read_text(encoding="utf-8-sig")
    assert "YB-1" in text
    assert "JM-1" not in text
    assert "机密" not in text
    # The officer's export via the CLI; to removable media it exits 1 and is recorded.
    r = vault_env.cli_as(
        OFFICER, ["export", "--register", "drawings", "--to", str(target), "--overwrite"]
    )
    assert r.code == 0, r.err
    assert str(target) in r.out
    assert target.read_text(encoding="utf-8-sig").splitlines()[0] == "机密★20年"
    monkeypatch.setattr(media, "refusal", lambda *_a, **_k: "removable")
    r = vault_env.cli_as(
        OFFICER, ["export", "--register", "drawings", "--to", str(tmp_path / "u.csv")]
    )
    assert r.code == 1
    s = vault_env.login(OFFICER)
    try:
        outcomes = [(a.account, a.outcome) for a in audit_rows(s, "register.export")]
    finally:
        s.logout()
    assert outcomes == [(CLERK, "ok"), (OFFICER, "ok"), (OFFICER, "refused")]

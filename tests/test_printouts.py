"""Printing from the registers: every register as a form and as a list, the page frame on
every page, the print register filling itself, reprints, verification codes, and refusals."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from secrecy_desk.core.errors import DeskError
from secrecy_desk.forms import load_all
from secrecy_desk.modules.prints.verify import verify_code
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registers import printouts as P
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.printing import MissingGlyphsError
from secrecy_desk.records.codes import Match
from secrecy_desk.records.model import PRINTS
from secrecy_desk.records.printing import ReprintReasonRequired, check_destination, to_file
from secrecy_desk.vault.session import Session
from tests.support.vault import CLERK, OFFICER, UNIT, VaultEnv

SAMPLES: dict[str, dict[str, str]] = {
    "drawings": {
        "drawing_no": "XX-2026-031",
        "drawing_name": "总装图",
        "level": "机密",
        "receiver": "王五",
        "must_recall": "是",
        "due_on": "2026-04-01",
        "issued_on": "2026-03-01",
    },
    "gifts": {
        "recipient": "张三",
        "department": "一室",
        "kind": "礼品",
        "description": "茶叶两盒",
        "value": "300",
        "giver": "李四",
        "received_on": "2026-03-01",
    },
    "personnel": {
        "name": "李红",
        "gender": "女",
        "id_number": "11010519491231002X",
        "department": "总体部",
        "post": "设计师",
        "person_class": "核心",
        "access_level": "机密",
        "phone": "13800138000",
    },
}


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def officer(vault_env: VaultEnv) -> Iterator[tuple[Session, Registers]]:
    session = vault_env.login(OFFICER)
    yield session, open_registers(session, load_all())
    session.logout()


@pytest.mark.parametrize("register", sorted(SAMPLES))
def test_every_register_prints_as_a_form_with_the_full_frame(
    officer: tuple[Session, Registers], register: str
) -> None:
    _, regs = officer
    entry = regs.add(register, SAMPLES[register]).entry
    out = P.print_entry(regs, register, entry.number, copies=2, printer="测试打印机")
    texts = pages(out.pdf)
    spec = regs.spec(register)
    assert len(texts) >= 2
    copies_seen = set()
    for text in texts:
        assert text.count(entry.marking) >= 2, "mark at the top and the bottom of every page"
        assert UNIT in text
        assert entry.number in text
        assert out.code in text
        assert re.search(r"第\s*\d+\s*页\s*共\s*\d+\s*页", text)
        found = re.search(r"第\s*(\d)\s*份\s*共\s*2\s*份", text)
        assert found
        copies_seen.add(found.group(1))
    assert copies_seen == {"1", "2"}
    whole = "".join(texts)
    for block in spec.layout.signatures:
        assert block.role_zh in whole
    assert spec.layout.title_zh.replace(" ", "") in whole.replace(" ", "")
    assert not out.reprint


def test_unclassified_output_has_no_star(officer: tuple[Session, Registers]) -> None:
    _, regs = officer
    entry = regs.add("gifts", SAMPLES["gifts"]).entry
    out = P.print_entry(regs, "gifts", entry.number, printer="p")
    assert out.marking == "内部"
    assert all("★" not in t for t in pages(out.pdf))


def test_a_print_is_recorded_in_the_print_register_and_the_audit_trail(
    vault_env: VaultEnv, officer: tuple[Session, Registers]
) -> None:
    session, regs = officer
    entry = regs.add("drawings", SAMPLES["drawings"]).entry
    out = P.print_entry(regs, "drawings", entry.number, copies=3, printer="HP-保密室")
    record = regs.get(PRINTS, out.record, record_view=False)
    assert record.values["object"] == entry.object_name
    assert record.values["entry_revision"] == entry.revision
    assert record.values["copies"] == 3
    assert record.values["printer"] == "HP-保密室"
    assert record.values["printed_by"] == OFFICER
    assert record.values["code"] == out.code
    assert record.level == entry.level, "the print record takes the level of what was printed"
    actions = [
        r[0]
        for r in session.vault.store.all(
            "SELECT action FROM audit WHERE object = ? ORDER BY seq", (entry.object_name,)
        )
    ]
    assert "entry.print" in actions


def test_nobody_edits_the_print_register_by_hand(officer: tuple[Session, Registers]) -> None:
    _, regs = officer
    with pytest.raises(DeskError):
        regs.add(PRINTS, {"document": "伪造"})


def test_a_reprint_needs_a_reason_and_is_stamped(officer: tuple[Session, Registers]) -> None:
    _, regs = officer
    entry = regs.add("drawings", SAMPLES["drawings"]).entry
    P.print_entry(regs, "drawings", entry.number, printer="p")
    with pytest.raises(ReprintReasonRequired):
        P.print_entry(regs, "drawings", entry.number, printer="p")
    again = P.print_entry(regs, "drawings", entry.number, printer="p", reason="卡纸重打")
    assert again.reprint
    assert all("补打" in t for t in pages(again.pdf))
    changed = regs.edit(
        "drawings", entry.number, {"remarks": "已催收"}, expected_revision=entry.revision
    ).entry
    fresh = P.print_entry(regs, "drawings", changed.number, printer="p")
    assert not fresh.reprint, "a new revision is a first print again"


def test_verification_codes_say_current_older_or_nothing(
    officer: tuple[Session, Registers],
) -> None:
    _, regs = officer
    entry = regs.add("drawings", SAMPLES["drawings"]).entry
    out = P.print_entry(regs, "drawings", entry.number, printer="p")
    assert verify_code(regs, out.code).match is Match.CURRENT
    assert verify_code(regs, out.code.replace("-", "").lower()).match is Match.CURRENT
    # What a handheld scanner types from the page's QR code: one scan checks the paper.
    scanned = f"SDV:{entry.number}:{out.code}"
    assert verify_code(regs, scanned).match is Match.CURRENT
    regs.edit("drawings", entry.number, {"copies": "2"}, expected_revision=entry.revision)
    older = verify_code(regs, out.code)
    assert older.match is Match.OLDER
    assert older.printed_revision == 1
    assert older.current_revision == 2
    assert verify_code(regs, "ZZZZ-ZZZZ").match is Match.NOTHING


def test_a_print_above_the_clearance_cannot_be_verified(vault_env: VaultEnv) -> None:
    officer = vault_env.login(OFFICER)
    try:
        regs = open_registers(officer, load_all())
        entry = regs.add("drawings", SAMPLES["drawings"]).entry  # 机密; the clerk is cleared 秘密
        code = P.print_entry(regs, "drawings", entry.number, printer="p").code
    finally:
        officer.logout()
    clerk = vault_env.login(CLERK)
    try:
        check = verify_code(open_registers(clerk, load_all()), code)
        assert check.match is Match.NOTHING
    finally:
        clerk.logout()


def test_a_list_is_marked_with_its_highest_row(officer: tuple[Session, Registers]) -> None:
    _, regs = officer
    regs.add("drawings", SAMPLES["drawings"])
    regs.add(
        "drawings",
        {
            **SAMPLES["drawings"],
            "level": "一般",
            "receiver": "赵六",
            "must_recall": "否",
            "due_on": "",
        },
    )
    out = P.print_list(regs, "drawings", Query(), printer="p")
    assert out.marking == "机密★20年"
    texts = pages(out.pdf)
    assert all(t.count("机密★20年") >= 2 for t in texts)
    assert "赵六" in "".join(texts)
    only_general = P.print_list(regs, "drawings", Query(where={"level": "一般"}), printer="p")
    assert only_general.marking == "内部"


def test_a_character_the_font_lacks_is_refused_before_anything_is_recorded(
    officer: tuple[Session, Registers],
) -> None:
    _, regs = officer
    entry = regs.add("gifts", {**SAMPLES["gifts"], "description": "𠮷野家礼券"}).entry
    before = regs.count(PRINTS, Query())
    with pytest.raises(MissingGlyphsError) as caught:
        P.print_entry(regs, "gifts", entry.number, printer="p")
    assert "𠮷" in caught.value.message("zh_CN")
    assert regs.spec("gifts").field("description").label_zh in caught.value.message("zh_CN")
    assert regs.count(PRINTS, Query()) == before


def test_cli_prints_to_a_file_and_verifies_the_code(vault_env: VaultEnv, tmp_path: Path) -> None:
    added = vault_env.cli_as(
        OFFICER,
        [
            "entries",
            "add",
            "--register",
            "drawings",
            *[f"--set={k}={v}" for k, v in SAMPLES["drawings"].items()],
        ],
    )
    assert added.code == 0, added.err
    number = re.search(r"TZFS-\d{4}-\d{4}", added.out)
    assert number
    target = tmp_path / "out.pdf"
    printed = vault_env.cli_as(
        OFFICER,
        [
            "print",
            "--register",
            "drawings",
            "--entry",
            number.group(0),
            "--copies",
            "2",
            "--to",
            str(target),
        ],
    )
    assert printed.code == 0, printed.err
    assert target.read_bytes().startswith(b"%PDF")
    code = re.search(r"[A-Z2-7]{4}-[A-Z2-7]{4}", printed.out)
    assert code
    ok = vault_env.cli_as(OFFICER, ["print", "verify", code.group(0)])
    assert ok.code == 0
    assert number.group(0) in ok.out
    missing = vault_env.cli_as(OFFICER, ["print", "verify", "ZZZZ-ZZZZ"])
    assert missing.code == 1
    # The same file again: refused (nothing printed or recorded) unless --overwrite.
    again = ["print", "--register", "drawings", "--entry", number.group(0), "--to", str(target)]
    before = target.read_bytes()
    refused = vault_env.cli_as(OFFICER, [*again, "--reason", "重印"])
    assert refused.code == 1
    assert "already exists" in refused.err
    assert target.read_bytes() == before
    replaced = vault_env.cli_as(OFFICER, [*again, "--reason", "重印", "--overwrite"])
    assert replaced.code == 0, replaced.err
    assert target.read_bytes() != before


def test_pdf_export_to_removable_media_is_refused_and_recorded(
    officer: tuple[Session, Registers], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, regs = officer
    entry = regs.add("gifts", SAMPLES["gifts"]).entry
    before = regs.count(PRINTS, Query(limit=None))
    monkeypatch.setattr("secrecy_desk.core.media.refusal", lambda path, **_: "removable")
    target = tmp_path / "stick" / "gift.pdf"
    with pytest.raises(DeskError):
        P.print_entry(
            regs,
            "gifts",
            entry.number,
            printer="p",
            deliver=to_file(session, check_destination(session, target)),
        )
    assert not target.exists()
    assert regs.count(PRINTS, Query(limit=None)) == before  # nothing was printed
    refused = session.vault.store.all(
        "SELECT outcome FROM audit WHERE action = 'print.export' ORDER BY seq DESC LIMIT 1"
    )
    assert refused == [("refused",)]

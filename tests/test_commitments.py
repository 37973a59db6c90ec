"""Commitments end to end through the core: the personnel lifecycle and disengagement periods,
clause versions, a batch of fifty, signatures, the completeness report and the printed text."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.errors import DeskError, PermissionDenied, ValidationError
from secrecy_desk.core.levels import Level
from secrecy_desk.forms import load_all
from secrecy_desk.modules.commitments import report as R
from secrecy_desk.modules.commitments.flow import (
    ARCHIVED,
    DEPARTURE,
    GENERATED,
    IN_POST,
    ONBOARDING,
    PRINTED,
    Commitments,
)
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.personnel.dates import add_months
from secrecy_desk.modules.prints.verify import verify_code
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.codes import Match
from tests.support.data import audit_rows, person, resident_id
from tests.support.vault import OFFICER, SECADMIN, UNIT, VaultEnv

#: The eight mandatory clauses of the 2015 notice, as S1 quotes them.
EIGHT = (
    "认真遵守保密法律、法规和规章制度，自觉履行保密义务",
    "不提供虚假个人信息，自愿接受保密审查",
    "不违规记录、存储、复制国家秘密信息",
    "不违规留存国家秘密载体",
    "不以任何方式泄露所接触和知悉的国家秘密",
    "未经批准，不擅自发表涉及未公开工作内容的文章、著述",
    "离岗离职后自愿接受脱密期管理",
    "违反保密承诺，自愿承担一切法律后果",
)


def text_of(pdf: bytes) -> str:
    return "".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return "".join(text.split())


def add_people(
    regs: Registers, count: int, *, department: str = "总体部", cls: str = "核心"
) -> list[str]:
    numbers = []
    for i in range(count):
        raw = person(
            name=f"员工{i:02d}",
            gender="男",
            id_number=resident_id(date(1980, 1, 1) + timedelta(days=i), female=False, serial=i),
            department=department,
            person_class=cls,
            phone=f"138{i:08d}",
        )
        numbers.append(regs.add("personnel", raw).entry.number)
    return numbers


def to_post(regs: Registers, number: str, on: date) -> None:
    L.transition(regs, number, L.IN_POST, on_date=on, reason="审查合格")


def sign(c: Commitments, number: str, on: date) -> None:
    c.record_signature(
        number,
        signed_on=on,
        witness="钱保密",
        personnel_copy="人事处档案室",
        secrecy_copy="保密办柜1",
    )


def test_lifecycle_transitions_dates_reasons_and_audit(regs: Registers) -> None:
    (num,) = add_people(regs, 1)
    today = regs.session.clock.today()
    with pytest.raises(ValidationError):
        L.transition(regs, num, L.DISENGAGING, on_date=today, reason="跳过在岗")
    with pytest.raises(ValidationError):
        L.transition(regs, num, L.IN_POST, on_date=today, reason="  ")
    with pytest.raises(ValidationError):
        L.transition(regs, num, L.IN_POST, on_date=today + timedelta(days=1), reason="未来")
    to_post(regs, num, today)
    left = L.transition(regs, num, L.DISENGAGING, on_date=today, reason="调离")
    assert left.ends_on == add_months(today, 36)
    entry = regs.get("personnel", num)
    assert entry.status == L.DISENGAGING
    assert entry.values["disengage_ends"] == add_months(today, 36)
    assert entry.values["left_on"] == today
    done = L.transition(regs, num, L.RELEASED, on_date=today, reason="提前解脱经批准")
    assert done.to_status == L.RELEASED
    steps = L.transitions(regs, num)
    assert [(s.from_status, s.to_status) for s in steps] == [
        ("review", "in_post"),
        ("in_post", "disengaging"),
        ("disengaging", "released"),
    ]
    assert [s.reason for s in steps] == ["审查合格", "调离", "提前解脱经批准"]
    assert len(audit_rows(regs.session, "person.transition")) == 3


def test_disengagement_settings_ranges_and_reminder(vault_env: VaultEnv) -> None:
    sec = vault_env.login(SECADMIN)
    try:
        with pytest.raises(ValidationError):
            L.set_disengagement(sec, "core", 40)
        with pytest.raises(ValidationError):
            L.set_disengagement(sec, "general", 5)
        assert L.set_disengagement(sec, "general", 6).disengage_general_months == 6
    finally:
        sec.logout()
    session = vault_env.login(OFFICER)
    try:
        _general_reminder(open_registers(session, load_all()))
    finally:
        session.logout()


def _general_reminder(regs: Registers) -> None:
    with pytest.raises(PermissionDenied):
        L.set_disengagement(regs.session, "core", 24)
    (num,) = add_people(regs, 1, cls="一般")
    today = regs.session.clock.today()
    to_post(regs, num, today)
    left = L.transition(regs, num, L.DISENGAGING, on_date=today, reason="辞职")
    assert left.ends_on == add_months(today, 6)
    assert regs.get("personnel", num).flags == ()
    assert isinstance(regs.session.clock, FixedClock)
    regs.session.clock.advance(add_months(today, 6) - today - timedelta(days=10))
    flags = regs.get("personnel", num).flags
    assert [f.kind for f in flags] == ["attention"]
    regs.session.clock.advance(timedelta(days=20))
    assert [f.kind for f in regs.get("personnel", num).flags] == ["overdue"]


def test_batch_of_fifty_generate_print_sign_and_report(regs: Registers) -> None:
    c = Commitments(regs)
    today = regs.session.clock.today()
    people = add_people(regs, 50, department="一室")
    assert sorted(R.due_people(c, ONBOARDING)) == sorted(people)
    made = c.generate(ONBOARDING, R.due_people(c, ONBOARDING, department="一室"))
    assert len(made) == 50
    assert {m.status for m in made} == {GENERATED}
    with pytest.raises(ValidationError):
        c.generate(ONBOARDING, [people[0]])  # already waiting for a signature
    out = c.print_batch([m.number for m in made], printer="测试打印机", copies=1)
    reader = PdfReader(io.BytesIO(out.pdf))
    assert len(reader.pages) >= 50
    first = flat(reader.pages[0].extract_text() or "")
    assert made[0].number in first
    assert "员工00" in first
    assert UNIT in first
    assert "内部" in first
    assert out.codes[made[0].number] in first
    prints = regs.page("prints", Query(where={"code": out.codes[made[3].number]}))
    assert prints[0].values["object"] == f"commitments:{made[3].number}"
    check = verify_code(regs, out.codes[made[3].number])
    assert check.match is Match.CURRENT
    assert {c.get(m.number).status for m in made} == {PRINTED}

    # Nobody has signed yet: all fifty are missing; a week later they are also unsigned.
    report = R.completeness(c)
    assert {g.person for g in report.of(R.MISSING)} == set(people)
    assert report.of(R.UNSIGNED) == []
    for m in made[:30]:
        sign(c, m.number, today)
    assert c.get(made[0].number).status == ARCHIVED
    assert c.get(made[0].number).secrecy_copy == "保密办柜1"
    with pytest.raises(ValidationError):
        sign(c, made[0].number, today)  # already archived
    assert isinstance(regs.session.clock, FixedClock)
    regs.session.clock.advance(timedelta(days=8))
    report = R.completeness(c)
    assert len(report.of(R.MISSING)) == 20
    assert {g.commitment for g in report.of(R.UNSIGNED)} == {m.number for m in made[30:]}
    assert report.of(R.RENEW) == []
    printed = R.print_report(c, report, printer="测试打印机")
    body = flat(text_of(printed.pdf))
    assert "保密承诺书签订情况检查表" in body
    assert made[40].number in body
    assert "内部" in body


def test_in_post_people_are_due_to_renew_after_a_year(regs: Registers) -> None:
    c = Commitments(regs)
    today = regs.session.clock.today()
    (num,) = add_people(regs, 1)
    (made,) = c.generate(ONBOARDING, [num])
    c.print_batch([made.number], printer="p")
    sign(c, made.number, today)
    to_post(regs, num, today)
    assert R.completeness(c).gaps == ()
    assert isinstance(regs.session.clock, FixedClock)
    regs.session.clock.advance(timedelta(days=366))
    report = R.completeness(c)
    assert [(g.kind, g.person) for g in report.gaps] == [(R.RENEW, num)]
    assert R.due_people(c, IN_POST) == [num]


def test_departure_signature_starts_the_disengagement_period(regs: Registers) -> None:
    c = Commitments(regs)
    today = regs.session.clock.today()
    (num,) = add_people(regs, 1, cls="核心")
    to_post(regs, num, today)
    (made,) = c.generate(DEPARTURE, [num])
    c.print_batch([made.number], printer="p")
    sign(c, made.number, today)
    entry = regs.get("personnel", num)
    assert entry.status == L.DISENGAGING
    assert entry.values["disengage_ends"] == date(today.year + 3, today.month, today.day)
    (step,) = [s for s in L.transitions(regs, num) if s.to_status == L.DISENGAGING]
    assert made.number in step.reason
    assert R.completeness(c).gaps == ()


def test_printed_commitment_has_all_eight_clauses_and_keeps_its_version(
    regs: Registers,
) -> None:
    c = Commitments(regs)
    a, b = add_people(regs, 2)
    first, second = c.generate(ONBOARDING, [a, b])
    out = c.print_batch([first.number], printer="p")
    body = flat(text_of(out.pdf))
    for clause in EIGHT:
        assert clause in body, clause
    assert "承诺人" in body
    assert "第1份共2份" in body
    old = c.clauses(ONBOARDING)
    edited = list(old.clauses)
    edited[0] = "严格遵守保密法律法规，自觉履行保密义务。"
    new = c.edit_clauses(ONBOARDING, edited)
    assert new.version == old.version + 1
    with pytest.raises(ValidationError):
        c.edit_clauses(ONBOARDING, edited[:7])
    # The printed one keeps its text, also when reprinted; the unprinted one takes the new text.
    assert c.get(first.number).clauses[0] == EIGHT[0] + "。"
    with pytest.raises(ValidationError):
        c.print_batch([first.number], printer="p")  # a reprint needs a reason
    again = flat(text_of(c.print_batch([first.number], printer="p", reason="卡纸").pdf))
    assert EIGHT[0] in again
    assert "补打" in again
    fresh = flat(text_of(c.print_batch([second.number], printer="p").pdf))
    assert "严格遵守保密法律法规" in fresh
    assert c.get(second.number).version == new.version


def test_a_classified_special_commitment_is_marked_and_hidden_above_clearance(
    vault_env: VaultEnv, regs: Registers
) -> None:
    c = Commitments(regs)
    (num,) = add_people(regs, 1)
    with pytest.raises(ValidationError):
        c.generate("special", [num])  # the matter is required
    (made,) = c.generate("special", [num], level=Level.SECRET, matter="某型号总体方案论证")
    out = c.print_batch([made.number], printer="p")
    assert "机密★20年" in text_of(out.pdf)
    with pytest.raises(PermissionDenied):
        c.generate("special", [num], level=Level.TOP_SECRET, matter="x")


def test_signature_needs_witness_and_both_archive_places(regs: Registers) -> None:
    c = Commitments(regs)
    (num,) = add_people(regs, 1)
    (made,) = c.generate(ONBOARDING, [num])
    today = regs.session.clock.today()
    with pytest.raises(ValidationError):
        sign(c, made.number, today)  # not printed yet
    c.print_batch([made.number], printer="p")
    with pytest.raises(DeskError):
        c.record_signature(
            made.number, signed_on=today, witness="", personnel_copy="a", secrecy_copy="b"
        )
    with pytest.raises(ValidationError):
        sign(c, made.number, today + timedelta(days=1))
    sign(c, made.number, today)
    assert len(audit_rows(regs.session, "commitment.sign")) == 1


def test_cli_takes_a_department_from_generation_to_archive(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    session = vault_env.login(OFFICER)
    try:
        regs = open_registers(session, load_all())
        people = add_people(regs, 3, department="二室")
    finally:
        session.logout()
    r = vault_env.cli_as(OFFICER, ["commitments", "generate", "--template", "onboarding", "--due"])
    assert r.code == 0, r.err
    assert "3" in r.out
    pdf = tmp_path / "out.pdf"
    r = vault_env.cli_as(OFFICER, ["commitments", "print", "--generated", "--to", str(pdf)])
    assert r.code == 0, r.err
    assert flat(text_of(pdf.read_bytes())).count("涉密人员上岗保密承诺书") == 6  # two copies each
    today = vault_env.clock.today().isoformat()
    r = vault_env.cli_as(OFFICER, ["commitments", "list", "--status", "printed"])
    first = r.out.split()[0]
    r = vault_env.cli_as(
        OFFICER,
        [
            "commitments",
            "record-signature",
            "--number",
            first,
            "--signed-on",
            today,
            "--witness",
            "钱保密",
            "--personnel-copy",
            "人事处",
            "--secrecy-copy",
            "保密办",
        ],
    )
    assert r.code == 0, r.err
    r = vault_env.cli_as(OFFICER, ["commitments", "report", "--to", str(tmp_path / "rep.pdf")])
    assert r.code == 0, r.err
    assert "2 without a signed commitment" in r.out
    r = vault_env.cli_as(
        OFFICER,
        [
            "personnel",
            "transition",
            "--person",
            people[0],
            "--to",
            "in_post",
            "--on",
            today,
            "--reason",
            "审查合格",
        ],
    )
    assert r.code == 0, r.err
    r = vault_env.cli_as(
        OFFICER,
        [
            "personnel",
            "transition",
            "--person",
            people[0],
            "--to",
            "disengaging",
            "--on",
            today,
            "--reason",
            "调离",
        ],
    )
    assert r.code == 0, r.err
    assert str(vault_env.clock.today().year + 3) in r.out
    r = vault_env.cli_as(
        OFFICER,
        ["commitments", "generate", "--template", "special", "--person", people[1]],
    )
    assert r.code == 1
    assert r.err.strip().count("\n") == 0


def test_training_certificates_expire_after_five_years_with_a_reminder(regs: Registers) -> None:
    (num,) = add_people(regs, 1)
    today = regs.session.clock.today()
    entry = regs.add(
        "training",
        {
            "person": num,
            "name": "员工00",
            "kind": "岗位认证",
            "course": "涉密人员岗位认证",
            "issued_on": (today - timedelta(days=5 * 365 - 10)).isoformat(),
        },
    ).entry
    assert [f.kind for f in entry.flags] == ["attention"]
    assert isinstance(regs.session.clock, FixedClock)
    regs.session.clock.advance(timedelta(days=30))
    assert [f.kind for f in regs.get("training", entry.number).flags] == ["overdue"]


def test_travel_needs_the_briefing_and_commitment_before_departure(regs: Registers) -> None:
    (num,) = add_people(regs, 1)
    today = regs.session.clock.today()
    trip = {
        "person": num,
        "name": "员工00",
        "purpose": "因公",
        "destination": "德国",
        "depart_on": (today + timedelta(days=10)).isoformat(),
        "return_on": (today + timedelta(days=20)).isoformat(),
    }
    with pytest.raises(DeskError):
        regs.add("travel", {**trip, "briefed_on": (today + timedelta(days=11)).isoformat()})
    entry = regs.add("travel", trip).entry
    assert [f.kind for f in entry.flags] == ["attention"]
    done = regs.edit(
        "travel",
        entry.number,
        {"briefed_on": today.isoformat(), "commitment": "CNWS-2026-0001"},
        expected_revision=entry.revision,
    ).entry
    assert done.flags == ()


def test_the_report_says_when_a_missing_commitment_was_printed(regs: Registers) -> None:
    c = Commitments(regs)
    today = regs.session.clock.today()
    printed_one, never = add_people(regs, 2, department="二室")
    made = c.generate(ONBOARDING, [printed_one])
    c.print_batch([m.number for m in made], printer="测试打印机", copies=1)
    report = R.completeness(c)
    rows = {r.cells[1]: r.cells for r in R.report_document(c, report).rows}
    # The right-hand column says what there is: printed on a day and not signed back, or never.
    assert rows[printed_one][6] == made[0].number
    assert rows[printed_one][7] == f"{today.isoformat()} 打印，未签回"
    assert rows[never][6] == "未生成"
    assert rows[never][7] == "从未签署"

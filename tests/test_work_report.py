"""The half-year and annual secrecy work report: a section from every module that declares
one, each figure counted from records the test made, within the period and the clearance,
printed as one marked list."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from secrecy_desk.core.levels import Level
from secrecy_desk.modules import registry
from secrecy_desk.modules.commitments.flow import Commitments
from secrecy_desk.modules.personnel import lifecycle as L
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports import periodic
from secrecy_desk.records.printing import draft
from tests.support.data import drawing, gift
from tests.test_commitments import add_people, sign, to_post


def _lines(report: periodic.WorkReport) -> dict[str, tuple[str, str]]:
    return {f.label: (f.value, f.note) for s in report.sections for f in s.lines}


def test_every_declared_section_is_in_the_report() -> None:
    keys = [s.key for s in registry.report_sections()]
    assert keys[:3] == ["people", "training", "commitments"]
    assert {"drawings", "approvals", "gifts", "audit"} <= set(keys)


def test_the_figures_count_the_period(regs: Registers) -> None:
    today = regs.session.clock.today()  # 2026-03-02
    period = periodic.Period.of(today.year, periodic.FIRST_HALF)
    assert (period.start, period.end) == (date(2026, 1, 1), date(2026, 6, 30))
    people = add_people(regs, 5, cls="核心")
    for number in people[:4]:
        to_post(regs, number, today)
    L.transition(regs, people[3], L.DISENGAGING, on_date=today, reason="调离")
    regs.add(
        "training",
        {
            "person": people[0],
            "name": "员工00",
            "kind": "保密培训",
            "course": "保密法规",
            "issued_on": today.isoformat(),
        },
        confirm=True,
    )
    c = Commitments(regs)
    made = c.generate("onboarding", people[:2])
    c.print_batch([m.number for m in made], printer="测试打印机")
    sign(c, made[0].number, today)
    regs.add(
        "gifts",
        gift(
            kind="礼金",
            value="800",
            received_on="2026-02-01",
            handed_in_on="2026-02-03",
            handler="财务处 孙丽",
            voucher_no="PZ-2026-001",
            disposition="kept_by_finance",
        ),
    )
    regs.add("gifts", gift(received_on="2025-12-30"))  # before the period
    regs.add("drawings", drawing(issued_on="2026-02-01", must_recall="是", due_on="2026-02-20"))
    regs.add("drawings", drawing(drawing_no="XX-2025-001", issued_on="2025-11-01"))

    report = periodic.work_report(regs, period)
    lines = _lines(report)
    assert lines["在岗涉密人员"] == ("3", "核心 3")
    assert lines["审查中"] == ("1", "核心 1")
    assert lines["脱密期人员"][0] == "1"
    assert lines["本期人员变动（人次）"] == ("5", "上岗 4、离岗 1")
    assert lines["本期培训与岗位认证（人次）"] == ("1", "保密培训 1")
    assert lines["在岗涉密人员培训覆盖率"] == ("33.3%", "期末有效 1 人 / 在岗 3 人")
    assert lines["本期签订保密承诺书（份）"][0] == "1"
    assert lines["本期登记礼品礼金（件）"] == ("1", "礼金 1")
    assert lines["本期上交金额（元）"][0] == "¥800.00"
    assert lines["本期处置（件）"] == ("0", "")  # handed in, not yet disposed of
    assert lines["本期发放图纸（次）"][0] == "1"
    assert lines["逾期未回收（次，制表时）"] == ("1", "")
    assert report.level == Level.SECRET  # the drawings are 机密

    later = periodic.work_report(regs, periodic.Period.of(2026, periodic.SECOND_HALF))
    assert _lines(later)["本期发放图纸（次）"][0] == "0"


def test_the_report_prints_as_one_marked_list(regs: Registers) -> None:
    regs.add("drawings", drawing(issued_on="2026-02-01"))
    report = periodic.work_report(regs, periodic.Period.of(2026, periodic.FULL_YEAR))
    job = periodic.report_job(regs, report)
    preview = draft(regs.session, job, "zh_CN")
    text = "".join(
        "".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(preview.pdf)).pages
    )
    assert "保密工作统计报表（2026年度）" in text
    assert "一、涉密人员" in text
    assert job.marking in text
    assert regs.session.clock.today().isoformat() in text


def test_the_office_sections_count_inspections_and_incidents_in_the_period(
    regs: Registers,
) -> None:
    inspection = regs.add(
        "inspections",
        {"inspected_on": "2026-02-10", "kind": "定期自查", "scope": "全所涉密载体",
         "inspectors": "李明、赵刚", "findings_count": "2", "summary": "抽查涉密载体40件"},
    ).entry  # fmt: skip
    regs.add(
        "inspections",
        {"inspected_on": "2025-12-10", "kind": "定期自查", "scope": "试验室",
         "inspectors": "李明", "findings_count": "0", "summary": "未发现问题"},
    )  # fmt: skip
    for raw in (
        {"finding": "两台计算机未贴密级标识", "severity": "一般", "department": "总体部",
         "deadline": "2026-03-20", "rectification": "已补贴", "rectified_by": "张伟",
         "rectified_on": "2026-03-01"},
        {"finding": "借用登记缺归还签字", "severity": "较重", "department": "试验室",
         "deadline": "2026-02-20"},
    ):  # fmt: skip
        regs.add("inspection_findings", {"inspection": inspection.number, **raw})
    regs.add(
        "incidents",
        {"discovered_on": "2026-02-01", "discovered_by": "李明", "level": "秘密",
         "what": "一份复印件未登记", "remedy": "收回封存", "reported_to": "保密办主任",
         "reported_on": "2026-02-01", "outcome": "系登记遗漏，已补登并批评教育",
         "closed_on": "2026-02-15"},
    )  # fmt: skip
    regs.add(
        "incidents",
        {"discovered_on": "2026-03-01", "discovered_by": "赵刚", "level": "机密",
         "what": "计算机封条破损", "remedy": "停用贴封"},
    )  # fmt: skip
    report = periodic.work_report(regs, periodic.Period.of(2026, periodic.FIRST_HALF))
    lines = _lines(report)
    assert lines["本期开展检查（次）"] == ("1", "定期自查 1")
    assert lines["本期发现问题（项）"] == ("2", "一般 1、较重 1")
    assert lines["本期完成整改（项）"] == ("1", "一般 1")
    assert lines["本期验证整改（项）"] == ("0", "")
    assert lines["整改逾期未验证（项，制表时）"][0] == "1"
    assert lines["本期发现泄密事件（起）"] == ("2", "秘密 1、机密 1")
    assert lines["本期结案（起）"] == ("1", "秘密 1")
    assert lines["尚未结案（起，制表时）"][0] == "1"
    assert lines["其中未按时上报（起，制表时）"][0] == "1"
    assert report.level == Level.SECRET  # the 机密 incident


def test_sections_are_numbered_as_chinese_documents_number_them() -> None:
    assert [periodic.numeral(n) for n in (1, 9, 10, 11, 12, 20, 23, 99)] == [
        "一", "九", "十", "十一", "十二", "二十", "二十三", "九十九",
    ]  # fmt: skip

"""The defects the paper review found (issue 16), each kept fixed on the demo's own papers."""

from __future__ import annotations

import inspect
import re
from dataclasses import replace
from pathlib import Path

from secrecy_desk.forms import FormKind, load_all
from secrecy_desk.modules import registry
from secrecy_desk.modules.carriers import papers as carrier_papers
from secrecy_desk.modules.carriers import samples as carrier_samples
from secrecy_desk.printing import (
    Chart,
    ChartKind,
    ChartSeries,
    Column,
    FormDocument,
    ListDocument,
    ListRow,
    PageFrame,
)
from secrecy_desk.records.printing import PrintJob, render
from tests.paper.conftest import Printed
from tests.paper.pdfread import difference, first_page_grey, read_pages
from tests.paper.test_papers import DPI, THRESHOLD


def _flat(printed: Printed) -> str:
    return "".join(p.flat for p in printed.pages)


def _form(printed: Printed) -> FormDocument:
    layout = printed.sample.job.documents[0].layout
    assert isinstance(layout, FormDocument)
    return layout


def _list(printed: Printed) -> ListDocument:
    layout = printed.sample.job.documents[0].layout
    assert isinstance(layout, ListDocument)
    return layout


def test_every_register_template_and_approval_type_is_declared() -> None:
    forms = load_all()
    keys = [p.key for p in registry.papers(forms)]
    assert len(keys) == len(set(keys))
    for spec in forms.registers:
        assert {f"register.{spec.id}.form", f"register.{spec.id}.list"} <= set(keys)
    for kind, prefix in ((FormKind.APPROVAL, "approval"), (FormKind.COMMITMENT, "commitment")):
        for spec in forms.of_kind(kind):
            assert f"{prefix}.{spec.id}" in keys
    assert "commitment.report" in keys


def test_the_default_term_is_printed_as_such(sheet: dict[str, Printed]) -> None:
    for key in ("approval.document_print", "approval.foreign_provision"):
        rows = {r.label: r.value for r in _form(sheet[key]).fields}
        assert rows["保密期限"] == "10年（按密级默认）", key
        assert "保密期限10年（按密级默认）" in _flat(sheet[key])


def test_people_print_by_name(sheet: dict[str, Printed]) -> None:
    flat = _flat(sheet["approval.document_print"])
    assert "签字领导赵磊" in flat
    assert "提交人王芳" in flat
    assert "（wangfang）" not in flat
    assert "zhaolei" not in flat


def test_a_decision_prints_once_and_a_paper_signature_says_so(
    sheet: dict[str, Printed],
) -> None:
    flat = _flat(sheet["approval.drawing_copy"])
    # Step 1: decision "同意" with the comment "同意", printed once.
    assert "意见同意（纸质签批，已录入系统：孙主任，2026-03-02）" in flat
    assert "系统内审批：孙主任" not in flat
    assert "（系统内审批：赵磊，2026-03-02）" in flat


def test_a_long_table_stays_on_one_page_with_its_signature(sheet: dict[str, Printed]) -> None:
    for key in ("approval.foreign_provision", "approval.foreign_visit", "register.gifts.form"):
        assert len(sheet[key].pages) == 1, key


def test_the_letter_names_its_witness(sheet: dict[str, Printed]) -> None:
    assert "见证人：李明" in _flat(sheet["commitment.onboarding"])
    assert "见证人：" in _flat(sheet["commitment.in_post"])  # a line to sign, not yet named


def test_the_departure_letter_states_the_disengagement_period(
    sheet: dict[str, Printed],
) -> None:
    rows = {r.label: r.value for r in _form(sheet["commitment.departure"]).fields}
    period = rows["脱密期"]
    assert re.search(r"共\d+个月", period)
    assert len(re.findall(r"\d{4}-\d{2}-\d{2}", period)) == 2  # start and end
    assert "".join(period.split()) in _flat(sheet["commitment.departure"])


def test_the_completeness_report_fills_its_right_columns(sheet: dict[str, Printed]) -> None:
    report = _list(sheet["commitment.report"])
    for row in report.rows:
        assert row.cells[6].strip(), row
        assert row.cells[7].strip() or row.cells[0] == "应续签", row


def test_the_drawing_book_has_the_receivers_signature_column(
    sheet: dict[str, Printed],
) -> None:
    printed = sheet["register.drawings.list"]
    assert _list(printed).columns[-1].label == "接收者签字"
    for page in printed.pages:
        assert any("接收者签字" in line for line in page.lines())
    assert len(printed.pages) <= 7  # 151 rows: 13 pages before the review


def test_every_page_explains_the_marks_it_can_show(sheet: dict[str, Printed]) -> None:
    printed = sheet["register.drawings.list"]
    assert any(r.flagged for r in _list(printed).rows)
    for page in printed.pages:
        assert any("标记说明：▲ 逾期" in line for line in page.lines())


def test_the_gift_register_has_its_total_row(sheet: dict[str, Printed]) -> None:
    printed = sheet["register.gifts.list"]
    layout = _list(printed)
    assert layout.totals is not None
    labels = [c.label for c in layout.columns]
    value = labels.index("价值（元）")
    counted = [r for r in layout.rows if not r.voided]

    def fen(text: str) -> int:
        return round(float(text.replace("¥", "").replace(",", "")) * 100) if text else 0

    assert fen(layout.totals[value]) == sum(fen(r.cells[value]) for r in counted)
    assert layout.totals[0] == f"合计（{len(counted)} 条）"
    last = printed.pages[-1].lines()
    assert any(layout.totals[0] in line and layout.totals[value] in line for line in last)


def test_the_picture_compare_sees_a_changed_word(sheet: dict[str, Printed]) -> None:
    layout = _form(sheet["approval.document_print"])
    frame = PageFrame(marking="秘密★10年", unit="示范研究所", document_number="SP-DY-2026-0001")
    changed = replace(
        layout,
        fields=tuple(
            replace(r, value="2028年度保密工作要览") if r.label == "文件标题" else r
            for r in layout.fields
        ),
    )
    before = first_page_grey(render([(layout, frame)]), DPI)
    after = first_page_grey(render([(changed, frame)]), DPI)
    if before is None or after is None:
        return  # no poppler: the compare itself is skipped too
    assert difference(before, before) == 0.0
    assert difference(before, after) > THRESHOLD  # two characters changed: the test fails


def test_every_module_that_prints_declares_its_papers() -> None:
    """A module whose code makes a print job declares papers; every carriers' paper has a
    sample."""
    forms = load_all()
    root = Path(registry.__file__).resolve().parent
    for module in registry.MODULES:
        package = root / module.id
        code = "".join(f.read_text(encoding="utf-8") for f in package.glob("*.py"))
        if "PrintJob(" in code or "print_job(" in code:
            assert module.papers(forms), f"{module.id} prints but declares no papers"
    makers = inspect.getsource(carrier_samples)
    for name, function in inspect.getmembers(carrier_papers, inspect.isfunction):
        returns = inspect.signature(function).return_annotation
        if returns in (PrintJob, "PrintJob") and not name.startswith("_") and name != "job_for":
            assert f"papers.{name}(" in makers, f"the carriers' {name} paper has no sample"


def _page_of(rows: int, *, chart: bool = False) -> list[str]:
    doc = ListDocument(
        title="测试清单",
        columns=(Column("编号", 2), Column("名称", 6), Column("数量", 1)),
        rows=tuple(ListRow((f"NO-{i:03d}", "名称", str(i))) for i in range(1, rows + 1)),
        totals=("合计", "", str(rows)),
        summary=f"共 {rows} 条",
        chart=Chart(ChartKind.BAR, ("甲", "乙"), (ChartSeries("数量", (1, 2)),)) if chart else None,
    )
    frame = PageFrame(marking="内部", unit="示范研究所", document_number="DY-2026-00001")
    return [page.flat for page in read_pages(render([(doc, frame)]))]


def test_the_end_of_a_table_never_stands_alone() -> None:
    """Whatever the row count, the last page carries the last two rows with the total row
    and the summary (orphan control)."""
    for rows in range(20, 34):
        pages = _page_of(rows)
        last = pages[-1]
        for text in ("合计", f"共{rows}条", f"NO-{rows - 1:03d}", f"NO-{rows:03d}"):
            assert text in last, f"{rows} rows: {text} on the last page"


def test_a_chart_gives_way_so_a_short_report_is_one_sheet() -> None:
    assert len(_page_of(14, chart=True)) == 1
    assert len(_page_of(30, chart=True)) == 2


def test_a_heading_is_never_the_last_row_of_a_page() -> None:
    """A report's section heading goes overleaf with the first row it heads, wherever the
    page break falls (keep with next)."""
    frame = PageFrame(marking="内部", unit="示范研究所", document_number="DY-2026-00001")
    for at in range(15, 40):
        rows = [ListRow((f"NO-{i:03d}", "名称", str(i))) for i in range(1, 60)]
        rows.insert(at, ListRow(("第七部分", "", ""), heading=True))
        doc = ListDocument(
            title="测试报表",
            columns=(Column("编号", 2), Column("名称", 6), Column("数量", 1)),
            rows=tuple(rows),
        )
        pages = [page.flat for page in read_pages(render([(doc, frame)]))]
        headed = rows[at + 1].cells[0]
        assert [p for p in pages if "第七部分" in p] == [p for p in pages if headed in p], at

"""The printing engine: page frame on every page, numbering, copies, signatures, determinism,
long lists, missing glyphs. Text and positions are read back from the PDF with pypdf."""

from __future__ import annotations

import ast
import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from secrecy_desk.core.levels import Level, Term, marking
from secrecy_desk.printing import (
    FONT_FILES,
    Align,
    ApprovalStep,
    ClauseStyle,
    Column,
    FieldRow,
    FormDocument,
    ListDocument,
    ListRow,
    MissingGlyphsError,
    PageFrame,
    Place,
    PrintInputError,
    SignatureBlock,
    SignLine,
    check_glyphs,
    missing_glyphs,
    render_form,
    render_forms,
    render_list,
)
from secrecy_desk.printing.forms import chinese_number
from secrecy_desk.printing.lists import wrap

PRINTING_DIR = Path(__file__).resolve().parent.parent / "secrecy_desk" / "printing"
A4_W, A4_H = 595.27, 841.89
RARE = "𠮷"  # U+20BB7, a name character outside the bundled font

FRAME = PageFrame(
    marking=marking(Level.SECRET, Term.of_years(10)),
    unit="某某研究所",
    document_number="TZ-2026-0001",
    watermark="clerk01 · 2026-03-05 14:20 · WS-01",
    verification_code="ABCD-EFGH",
    footer_note="审计 1a2b3c",
    printed_at="2026-03-05 14:20",
)

FORM = FormDocument(
    title="涉密载体登记表",
    fields=[
        FieldRow("载体编号", "ZT-2026-0001"),
        FieldRow("载体类型", "涉密笔记本"),
        FieldRow("载体名称", "设计方案", span=2),
        FieldRow("责任人", "王建国"),
        FieldRow("备注", "无", span=2, min_lines=3),
    ],
    signatures=[SignatureBlock("责任人")],
)

COMMITMENT = FormDocument(
    title="保密承诺书",
    paragraphs=["本人郑重承诺："],
    clauses=[f"第{n}条承诺内容，遵守保密法律法规。" for n in range(1, 9)],
    signatures=[
        SignatureBlock("承诺人"),
        SignatureBlock("单位", (SignLine.SEAL, SignLine.DATE)),
    ],
)

COLUMNS = [
    Column("序号", 0.5, Align.CENTER),
    Column("图号", 1.2),
    Column("图名", 2.5),
    Column("份数", 0.5, Align.RIGHT),
    Column("接收者", 1.0),
]


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def upright_runs(pdf: bytes, page_index: int = 0) -> list[tuple[str, float, float]]:
    """(text, x, y) of every upright text run on a page; the rotated watermark is left out."""
    page = PdfReader(io.BytesIO(pdf)).pages[page_index]
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        a, b, c, d, e, f = cm
        if not text.strip() or abs(b) > 1e-6 or abs(tm[1]) > 1e-6:
            return
        x = tm[4] * a + tm[5] * c + e
        y = tm[4] * b + tm[5] * d + f
        runs.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return runs


# -- the page frame -----------------------------------------------------------------------


def test_marking_at_top_and_bottom_of_every_page() -> None:
    doc = replace(COMMITMENT, clauses=[f"条款{n}：" + "保守国家秘密。" * 30 for n in range(12)])
    pdf = render_form(doc, FRAME)
    count = len(PdfReader(io.BytesIO(pdf)).pages)
    assert count >= 2
    for index in range(count):
        ys = [y for text, _, y in upright_runs(pdf, index) if text == "机密★10年"]
        assert any(y > A4_H - 25 * 2.835 for y in ys), f"no mark at the top of page {index + 1}"
        assert any(y < 25 * 2.835 for y in ys), f"no mark at the bottom of page {index + 1}"


def test_page_x_of_y_on_every_page() -> None:
    doc = replace(COMMITMENT, clauses=["保守国家秘密。" * 40 for _ in range(10)])
    texts = pages_text(render_form(doc, FRAME))
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页 共{len(texts)}页" in text


def test_frame_carries_unit_number_code_note_and_time() -> None:
    text = pages_text(render_form(FORM, FRAME))[0]
    for part in ("某某研究所", "编号：TZ-2026-0001", "验证码 ABCD-EFGH", "审计 1a2b3c"):
        assert part in text
    assert "打印时间 2026-03-05 14:20" in text
    assert "clerk01" in text  # the watermark
    assert "第1份 共1份" in text  # a single copy is numbered too: a page is counted alone


def test_copies_are_numbered_and_restart_page_numbers() -> None:
    texts = pages_text(render_form(FORM, replace(FRAME, copies=3)))
    assert len(texts) == 3
    for copy, text in enumerate(texts, start=1):
        assert f"第{copy}份 共3份" in text
        assert "第1页 共1页" in text
        assert "涉密载体登记表" in text


def test_batch_numbers_each_form_separately() -> None:
    frames = [replace(FRAME, document_number=f"CN-{n}") for n in range(1, 4)]
    long_one = replace(COMMITMENT, clauses=["保守国家秘密。" * 40 for _ in range(10)])
    pdf = render_forms([(FORM, frames[0]), (long_one, frames[1]), (FORM, frames[2])])
    texts = pages_text(pdf)
    assert "CN-1" in texts[0]
    assert "第1页 共1页" in texts[0]
    second = [t for t in texts if "CN-2" in t]
    assert len(second) >= 2
    assert f"第{len(second)}页 共{len(second)}页" in second[-1]
    assert "CN-3" in texts[-1]
    assert "第1页 共1页" in texts[-1]


def test_reprint_is_marked() -> None:
    text = pages_text(render_form(FORM, replace(FRAME, reprint=True)))[0]
    assert "补打" in text
    # The stamp's letter spacing does not leak into the rest of the frame.
    assert "编号：TZ-2026-0001" in text
    assert "第1页 共1页" in text
    assert "补打" not in pages_text(render_form(FORM, FRAME))[0]


def test_unclassified_output_has_no_star() -> None:
    frame = replace(FRAME, marking=marking(Level.INTERNAL))
    pdf = render_form(FORM, frame)
    text = pages_text(pdf)[0]
    assert "★" not in text
    ys = [y for t, _, y in upright_runs(pdf) if t == "内部"]
    assert len(ys) == 2


def test_frame_refuses_no_mark_and_zero_copies() -> None:
    with pytest.raises(PrintInputError):
        replace(FRAME, marking=" ")
    with pytest.raises(PrintInputError) as caught:
        replace(FRAME, copies=0)
    assert "0" in caught.value.message("en")


# -- forms --------------------------------------------------------------------------------


def test_commitment_clauses_numbered_and_signatures_left_empty() -> None:
    pdf = render_form(COMMITMENT, FRAME)
    text = pages_text(pdf)[0]
    for n, numeral in enumerate("一二三四五六七八", start=1):
        assert f"{numeral}、第{n}条承诺内容" in text
    for label in ("承诺人：", "单位：", "姓名：", "签名：", "日期：", "（盖章）"):
        assert label in text
    runs = upright_runs(pdf)
    for label in ("姓名：", "签名："):
        for _, x, y in [r for r in runs if r[0] == label]:
            # Nothing is printed on the signing line to the right of the label.
            beside = [t for t, x2, y2 in runs if abs(y2 - y) < 2 and x < x2 < x + 60 * 2.835]
            assert beside == []


def test_arabic_clause_numbers() -> None:
    doc = replace(COMMITMENT, clause_style=ClauseStyle.ARABIC)
    text = pages_text(render_form(doc, FRAME))[0]
    assert "1. 第1条" in text
    assert "8. 第8条" in text


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 21, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十一",
        "九十九",
    ]


def test_approval_steps_show_decisions_and_signature_boxes() -> None:
    doc = FormDocument(
        title="涉密文件打印审批表",
        fields=[FieldRow("申请人", "赵晓燕"), FieldRow("文件名称", "通知", span=2)],
        steps=[
            ApprovalStep("部门负责人意见", "同意", "打印5份", "王建国", "2026-03-05 15:02"),
            ApprovalStep("保密办意见", "同意"),
            ApprovalStep("单位领导意见"),
        ],
    )
    text = pages_text(render_form(doc, FRAME))[0]
    for part in ("部门负责人意见", "保密办意见", "单位领导意见", "打印5份", "王建国"):
        assert part in text
    assert text.count("签字：") == 3
    assert text.count("日期：") == 3


def test_long_values_wrap_inside_the_page() -> None:
    long_value = "涉密载体应当存放在符合保密要求的设备中" * 12 + " ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 6
    doc = replace(FORM, fields=[FieldRow("载体名称", long_value), FieldRow("备注", long_value)])
    pdf = render_form(doc, FRAME)
    text = "".join(pages_text(pdf)).replace("\n", "")
    assert text.count("涉密载体应当存放在符合保密要求的设备中") >= 24
    for _, x, _y in upright_runs(pdf):
        assert 20 * 2.835 < x < A4_W - 20 * 2.835


def test_form_with_a_value_longer_than_a_page_still_prints() -> None:
    doc = replace(FORM, fields=[FieldRow("说明", "保守国家秘密是公民的基本义务。" * 400, span=2)])
    texts = pages_text(render_form(doc, FRAME))
    assert len(texts) >= 2
    assert all("机密★10年" in t for t in texts)


def test_markup_characters_print_literally() -> None:
    doc = replace(FORM, fields=[FieldRow("备注", "a < b & c > d <b>not bold</b>\n第二行")])
    text = pages_text(render_form(doc, FRAME))[0]
    assert "a < b & c > d <b>not bold</b>" in text
    assert "第二行" in text


# -- determinism --------------------------------------------------------------------------


def test_same_input_gives_the_same_bytes() -> None:
    first = render_form(COMMITMENT, replace(FRAME, copies=2, reprint=True))
    assert render_form(COMMITMENT, replace(FRAME, copies=2, reprint=True)) == first
    rows = [ListRow((str(n), "TH", "图名", "1", "王")) for n in range(50)]
    listing = ListDocument("图纸台账", COLUMNS, rows)
    assert render_list(listing, FRAME) == render_list(listing, FRAME)
    assert render_form(COMMITMENT, replace(FRAME, verification_code="ZZZZ-ZZZZ")) != first


def test_no_clock_in_the_output() -> None:
    reader = PdfReader(io.BytesIO(render_form(FORM, FRAME)))
    created = reader.metadata.creation_date if reader.metadata else None
    assert created is None or created.year == 2000  # reportlab's invariant date


# -- lists --------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_hundred_page_list_has_the_header_on_every_page() -> None:
    rows = [
        ListRow((str(n), f"TH-2026-{n:05d}", "液压系统原理图", "2", "李明")) for n in range(1, 5601)
    ]
    doc = ListDocument("图纸发放回收台账", COLUMNS, rows, summary="共 5600 条。")
    pdf = render_list(doc, FRAME)
    texts = pages_text(pdf)
    assert len(texts) >= 200
    for number, text in enumerate(texts, start=1):
        for label in ("序号", "图号", "图名", "份数", "接收者"):
            assert label in text, f"page {number} lacks the header {label}"
        assert f"第{number}页 共{len(texts)}页" in text
        assert text.count("机密★10年") >= 2
    assert "TH-2026-05600" in texts[-1]
    assert "共 5600 条。" in texts[-1]
    assert "图纸发放回收台账（续）" in texts[1]


def test_list_marks_voided_and_flagged_rows() -> None:
    rows = [
        ListRow(("1", "TH-1", "图一", "1", "王")),
        ListRow(("2", "TH-2", "图二", "1", "李"), voided=True),
        ListRow(("3", "TH-3", "图三", "1", "赵"), flagged=True),
    ]
    doc = ListDocument("图纸台账", COLUMNS, rows, flag_meaning="逾期未回收")
    text = pages_text(render_list(doc, FRAME))[0]
    assert "标记" in text
    assert "作废" in text
    assert "▲" in text
    assert "标记说明：▲ 逾期未回收；作废：该行已作废，加删除线" in text  # the legend


def test_list_row_taller_than_a_page_continues() -> None:
    rows = [
        ListRow(("1", "TH-1", "很长的图名" * 600, "1", "王")),
        ListRow(("2", "TH-2", "短", "1", "李")),
    ]
    texts = pages_text(render_list(ListDocument("图纸台账", COLUMNS, rows), FRAME))
    assert len(texts) >= 2
    assert "TH-2" in texts[-1]
    assert "".join(texts).count("很") == 600  # no line lost at the page breaks


def test_list_copies() -> None:
    rows = [ListRow((str(n), "TH", "图", "1", "王")) for n in range(3)]
    texts = pages_text(render_list(ListDocument("台账", COLUMNS, rows), replace(FRAME, copies=2)))
    assert len(texts) == 2
    assert "第1份 共2份" in texts[0]
    assert "第2份 共2份" in texts[1]


def test_list_rows_must_match_the_columns() -> None:
    with pytest.raises(PrintInputError):
        ListDocument("台账", COLUMNS, [ListRow(("1", "2"))])


def test_wrap_keeps_lines_inside_the_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from secrecy_desk.printing.fonts import REGULAR, register

    register()
    text = "保密工作，人人有责。Secrecy matters to everyone（包括外来人员）；" * 5
    lines = wrap(text, REGULAR, 9, 100)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(stringWidth(line, REGULAR, 9) <= 100 for line in lines)
    assert not any(line.startswith(("，", "。", "；", "）")) for line in lines)
    assert wrap("a\nb", REGULAR, 9, 100) == ["a", "b"]


# -- glyphs -------------------------------------------------------------------------------


def test_font_covers_the_symbols_forms_use() -> None:
    assert missing_glyphs("★☆×√□☐○●①，。、；：“”《》〔〕ABCxyz0123456789·—\n\t") == set()
    assert missing_glyphs("涉密载体登记表保密承诺书审批表堃喆犇赟") == set()
    assert missing_glyphs(RARE) == {RARE}
    assert all(path.is_file() for path in FONT_FILES)


def test_missing_glyph_names_the_field_and_refuses_to_print() -> None:
    doc = replace(FORM, fields=[FieldRow("姓名", f"张{RARE}"), FieldRow("部门", "总体室")])
    problems = check_glyphs(doc)
    assert len(problems) == 1
    assert problems[0].place is Place.FIELD_VALUE
    assert problems[0].label == "姓名"
    assert problems[0].characters == (RARE,)
    with pytest.raises(MissingGlyphsError) as caught:
        render_form(doc, FRAME)
    assert "field 姓名" in caught.value.message("en")
    assert "U+20BB7" in caught.value.message("en")
    assert "字段“姓名”" in caught.value.message("zh_CN")


def test_missing_glyph_in_a_list_names_row_and_column() -> None:
    rows = [
        ListRow((str(n), "TH", "图名" if n != 12 else f"图{RARE}", "1", "王")) for n in range(1, 20)
    ]
    problems = check_glyphs(ListDocument("台账", COLUMNS, rows))
    assert [(p.place, p.index, p.label) for p in problems] == [(Place.CELL, 12, "图名")]
    assert problems[0].where("en") == "row 12, column 图名"


def test_missing_glyph_in_clause_frame_and_batch() -> None:
    doc = replace(COMMITMENT, clauses=["一", "二", f"三{RARE}"])
    assert [(p.place, p.index) for p in check_glyphs(doc)] == [(Place.CLAUSE, 3)]
    frame = replace(FRAME, unit=f"{RARE}研究所")
    assert [(p.place, p.label) for p in check_glyphs(FORM, frame)] == [(Place.FRAME, "unit")]
    with pytest.raises(MissingGlyphsError) as caught:
        render_forms([(FORM, FRAME), (FORM, frame)])
    assert caught.value.problems[0].document == 2
    assert "document 2" in caught.value.message("en")


# -- layering -----------------------------------------------------------------------------


def test_printing_imports_only_core_and_reportlab() -> None:
    allowed_project = ("secrecy_desk.core", "secrecy_desk.printing")
    for path in PRINTING_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "sqlcipher3")), f"{path.name}: {name}"
                if name.startswith("secrecy_desk"):
                    assert name.startswith(allowed_project), f"{path.name}: {name}"

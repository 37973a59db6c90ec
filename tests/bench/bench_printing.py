"""Printing benchmark, and the sample pages in ``docs/screenshots/``.

    python -m tests.bench.bench_printing                      # figures
    python -m tests.bench.bench_printing --screenshots docs/screenshots   # also sample PNGs

Measures a one-page form (target < 50 ms), a batch of 100 one-page forms (< 3 s) and a
10,000-row list (< 20 s). Each figure is set against a baseline measured in the same run on the
same machine: the same form content laid out by plain reportlab platypus without the page
frame, and the same list rows as a stock reportlab ``Table`` (1,000 rows; the stock table's cost
grows faster than linearly, which is why the engine draws lists itself).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from secrecy_desk.core.levels import Level, Term, marking
from secrecy_desk.printing import (
    Align,
    ApprovalStep,
    Column,
    FieldRow,
    FormDocument,
    ListDocument,
    ListRow,
    PageFrame,
    SignatureBlock,
    SignLine,
    render_form,
    render_forms,
    render_list,
)

FRAME = PageFrame(
    marking=marking(Level.SECRET, Term.of_years(10)),
    unit="某某研究所保密办公室",
    document_number="ZT-2026-0017",
    watermark="zhangwei · 2026-03-05 14:20 · BM-WS-01",
    verification_code="K7QD-3M9X",
    footer_note="审计 3f9a1c07",
    printed_at="2026-03-05 14:20",
)

CARRIER_FORM = FormDocument(
    title="涉密载体登记表",
    subtitle="（涉密载体台账 · 第 17 号）",
    fields=[
        FieldRow("载体编号", "ZT-2026-0017"),
        FieldRow("载体类型", "涉密移动硬盘"),
        FieldRow("载体名称", "某型号装备总体设计方案（第二版）及附图", span=2),
        FieldRow("密级", "机密"),
        FieldRow("保密期限", "10年"),
        FieldRow("份数/容量", "1 块 / 2 TB"),
        FieldRow("序列号", "WX41A8C2K7Q9"),
        FieldRow("责任人", "王建国"),
        FieldRow("所在部门", "总体设计室"),
        FieldRow("存放位置", "三号楼 305 室保密柜 B-02"),
        FieldRow("登记日期", "2026年3月5日"),
        FieldRow("知悉范围", "总体设计室项目组成员（王建国、李明、赵晓燕）；所领导", span=2),
        FieldRow(
            "备注",
            "该载体仅限在涉密单机上使用，严禁接入互联网及其他非涉密计算机；"
            "使用完毕当日归还保密柜。",
            span=2,
            min_lines=3,
        ),
    ],
    signatures=[SignatureBlock("责任人"), SignatureBlock("保密员")],
)

CLAUSES = (
    "认真遵守国家保密法律、法规和规章制度，履行保密义务；",
    "不提供虚假个人信息，自愿接受保密审查；",
    "不违规记录、存储、复制国家秘密信息，不违规留存国家秘密载体；",
    "不以任何方式泄露所接触和知悉的国家秘密；",
    "未经单位审查批准，不擅自发表涉及未公开工作内容的文章、著述；",
    "离岗时，自愿接受脱密期管理，主动清退所持有和使用的国家秘密载体；",
    "严格遵守涉密计算机、涉密存储介质和涉密载体管理规定，不在非涉密计算机上处理涉密信息；",
    "违反上述承诺，自愿承担党纪、政纪责任和法律后果。",
)


def commitment(name: str = "李明") -> FormDocument:
    return FormDocument(
        title="涉密人员保密承诺书",
        subtitle="（上岗）",
        fields=[
            FieldRow("姓名", name),
            FieldRow("部门", "总体设计室"),
            FieldRow("岗位", "主任设计师"),
            FieldRow("涉密等级", "重要"),
        ],
        paragraphs=[
            "本人自愿从事涉密工作，已知悉国家保密法律法规和本单位保密规章制度，"
            "明确自身承担的保密责任和义务，郑重作出如下承诺：",
        ],
        clauses=CLAUSES,
        closing=["本承诺书一式两份，本人所在单位人事部门和保密办公室各存一份。"],
        signatures=[
            SignatureBlock("承诺人"),
            SignatureBlock("单位", (SignLine.SEAL, SignLine.DATE)),
        ],
    )


APPROVAL = FormDocument(
    title="涉密文件打印审批表",
    fields=[
        FieldRow("申请人", "赵晓燕"),
        FieldRow("所在部门", "总体设计室"),
        FieldRow("文件名称", "关于某型号装备试验安排的通知", span=2),
        FieldRow("文号", "所设〔2026〕12号"),
        FieldRow("密级及期限", "机密★10年"),
        FieldRow("打印份数", "5 份"),
        FieldRow("知悉范围", "所领导、总体设计室"),
        FieldRow("用途说明", "用于 3 月 10 日试验协调会，会后收回并登记。", span=2),
    ],
    steps=[
        ApprovalStep(
            "部门负责人意见",
            "同意",
            "内容已审核，打印 5 份，会后收回。",
            "王建国",
            "2026-03-05 15:02",
        ),
        ApprovalStep(
            "保密办意见", "同意", "按机密级文件管理，编号登记。", "孙丽", "2026-03-05 16:40"
        ),
        ApprovalStep("单位领导意见"),
    ],
)

COLUMNS = (
    Column("序号", 0.5, Align.CENTER),
    Column("图号", 1.2),
    Column("图名", 2.6),
    Column("份数", 0.5, Align.RIGHT),
    Column("密级", 0.9, Align.CENTER),
    Column("接收者", 1.0),
    Column("是否回收", 0.7, Align.CENTER),
    Column("日期", 1.0, Align.CENTER),
    Column("备注", 1.8),
)


def drawing_list(count: int, seed: int = 7) -> ListDocument:
    """A drawing issue and recall register (the columns SPEC §3.4 names)."""
    rng = random.Random(seed)
    names = (
        "总体布置图",
        "液压系统原理图",
        "某型号控制单元电路图（第三版，含附件）",
        "结构件加工图",
        "试验台架装配图",
    )
    notes = ("", "", "试验用，试验结束后收回", "更换旧版，旧版已回收销毁并登记在案")
    rows = []
    for n in range(1, count + 1):
        cells = (
            str(n),
            f"TH-2026-{n:05d}",
            rng.choice(names),
            str(rng.randint(1, 5)),
            rng.choice(("机密★10年", "秘密★5年", "机密★20年")),
            rng.choice(("王建国", "李明", "赵晓燕", "欧阳建华")),
            rng.choice(("是", "否")),
            f"2026-0{rng.randint(1, 3)}-{rng.randint(10, 28)}",
            rng.choice(notes),
        )
        rows.append(ListRow(cells, voided=n % 13 == 0, flagged=n % 7 == 0))
    return ListDocument(
        title="图纸发放回收台账",
        subtitle="统计范围：2026年1月1日至2026年3月5日",
        columns=COLUMNS,
        rows=rows,
        summary=f"共 {count} 条，其中作废 {count // 13} 条。",
        flag_meaning="逾期未回收",
    )


def _timed(action: Callable[[], object], repeat: int = 1) -> float:
    """The median wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _baseline_form(doc: FormDocument) -> bytes:
    """The same title, table and text through stock platypus: no frame, watermark, checks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from secrecy_desk.printing.fonts import REGULAR

    style = ParagraphStyle("b", fontName=REGULAR, fontSize=10.5, leading=15, wordWrap="CJK")
    data = [[Paragraph(f.label, style), Paragraph(f.value, style)] for f in doc.fields]
    story = [Paragraph(doc.title, style), Table(data)]
    story += [Paragraph(p, style) for p in (*doc.paragraphs, *doc.clauses)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def _baseline_table(doc: ListDocument) -> bytes:
    """The rows as a stock reportlab Table with a repeated header row."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from secrecy_desk.printing.fonts import REGULAR

    data = [[c.label for c in doc.columns], *[list(r.cells) for r in doc.rows]]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), invariant=1).build([table])
    return buffer.getvalue()


def run_benchmarks() -> None:
    start = time.perf_counter()
    render_form(CARRIER_FORM, FRAME)  # registers the fonts
    print(f"first call (font registration + one form): {time.perf_counter() - start:8.3f} s")

    one = _timed(lambda: render_form(CARRIER_FORM, FRAME), repeat=20)
    base = _timed(lambda: _baseline_form(CARRIER_FORM), repeat=20)
    print(
        f"one-page form:        {one * 1000:8.1f} ms   (target < 50 ms)   "
        f"baseline stock platypus {base * 1000:6.1f} ms, ratio {one / base:4.2f}"
    )

    batch = [
        (commitment(f"人员{n:03d}"), replace(FRAME, document_number=f"CN-{n:04d}"))
        for n in range(100)
    ]
    hundred = _timed(lambda: render_forms(batch), repeat=3)
    print(
        f"batch of 100 forms:   {hundred:8.3f} s    (target < 3 s)     "
        f"{hundred / 100 * 1000:6.1f} ms a form, ratio to one form {hundred / 100 / one:4.2f}"
    )

    big = drawing_list(10_000)
    pdf = b""

    def render_big() -> None:
        nonlocal pdf
        pdf = render_list(big, FRAME)

    ten_k = _timed(render_big)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    small = drawing_list(1_000)
    ours_1k = _timed(lambda: render_list(small, FRAME))
    stock_1k = _timed(lambda: _baseline_table(small))
    print(
        f"10,000-row list:      {ten_k:8.3f} s    (target < 20 s)    "
        f"{pages} pages, {len(pdf) / 1e6:.1f} MB, {ten_k / pages * 1000:.1f} ms a page"
    )
    print(
        f"1,000-row list:       {ours_1k:8.3f} s    stock reportlab Table {stock_1k:6.3f} s, "
        f"ratio {ours_1k / stock_1k:4.2f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.parse_args(argv)
    run_benchmarks()


if __name__ == "__main__":
    main()

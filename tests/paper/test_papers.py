"""Every paper the program prints, as a clerk would check it — one test per rule, run for every
paper the modules declare (``Module.papers``): a new module's papers join by declaring them.

Reference pictures: ``tests/paper/reference/<key>.png`` (first page, 50 dpi grey). After a
change to a paper made on purpose, look at the new pages (``./desk paper``) and update the
pictures with ``./desk paper --update-references``."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

import pytest

from secrecy_desk.core.scan import payload
from secrecy_desk.demo.vault import ADMINS, USERS
from secrecy_desk.forms import load_all
from secrecy_desk.modules import registry
from secrecy_desk.printing import FormDocument, ListDocument, PageFrame
from secrecy_desk.printing.frame import LANDSCAPE, margins_for
from secrecy_desk.printing.lists import _columns, is_code, label_parts
from secrecy_desk.printing.qr import matrix
from secrecy_desk.records.printing import render
from tests.paper.conftest import Printed
from tests.paper.pdfread import (
    Page,
    Run,
    difference,
    drawn_qr,
    first_page_grey,
    read_png,
    write_png,
)

KEYS: Final = [p.key for p in registry.papers(load_all())]
REFERENCE: Final = Path(__file__).resolve().parent / "reference"
UPDATE: Final = os.environ.get("SECRECY_DESK_UPDATE_PAPER") == "1"
#: First pages are compared at this resolution; a page may differ in this share of pixels.
DPI: Final = 50
#: The same page renders identically (0); two changed characters are about 0.01 %.
THRESHOLD: Final = 0.0001
LOGINS: Final = [a.login for a in (*ADMINS, *USERS)]
MM: Final = 72 / 25.4
#: Closing punctuation no line may start with (禁则).
NO_LINE_START: Final = "，。、；：？！）》」』”’"

pytestmark = pytest.mark.parametrize("key", KEYS)


def _layout(printed: Printed) -> FormDocument | ListDocument:
    return printed.sample.job.documents[0].layout


def _inside(page: Page) -> list[Run]:
    """The runs between the header rule and the footer rule: the paper's own content."""
    margins = margins_for(page.width, page.height)
    top = page.height - 23.5 * MM
    bottom = margins.bottom - 6 * MM
    return [r for r in page.runs if bottom < r.y < top]


def test_mark_copy_and_page_numbers_on_every_page(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    mark = printed.sample.job.documents[0].marking
    count = len(printed.pages)
    for number, page in enumerate(printed.pages, start=1):
        top = [r for r in page.runs if r.text == mark and r.y > page.height - 25 * MM]
        bottom = [r for r in page.runs if r.text == mark and r.y < 25 * MM]
        assert top, f"{key} page {number}: the mark {mark} at the top"
        assert bottom, f"{key} page {number}: the mark {mark} at the bottom"
        lines = page.lines()
        assert any("第1份 共1份" in ln for ln in lines), f"{key} page {number}: 第x份 共y份"
        assert any(f"第{number}页 共{count}页" in ln for ln in lines), f"{key} page {number}"


def test_qr_code_holds_the_printed_number_and_code(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    code = printed.sample.printout.code
    for index, page in enumerate(printed.pages):
        texts = [r.text for r in page.runs]
        number = next(t.removeprefix("编号：") for t in texts if t.startswith("编号："))
        shown = next(t.removeprefix("验证码 ") for t in texts if t.startswith("验证码 "))
        assert shown == code, f"{key} page {index + 1}: the printed code is the recorded one"
        drawn = drawn_qr(printed.pdf, index)
        assert drawn == matrix(payload(number, shown)), f"{key} page {index + 1}: QR ≠ code"


def test_every_field_and_cell_shows_its_value(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    layout = _layout(printed)
    flat = "".join(p.flat for p in printed.pages)
    if isinstance(layout, FormDocument):
        for row in layout.fields:
            assert "".join(row.value.split()) in flat, f"{key}: {row.label} = {row.value!r}"
            if row.label == "保密期限":
                assert row.value, f"{key}: the secrecy term shows its effective value"
        for step in layout.steps:
            assert "".join(step.name.split()) in flat
    else:
        for line in layout.rows[:40]:
            for cell in line.cells:
                assert "".join(cell.split()) in flat, f"{key}: cell {cell!r}"


def test_no_step_box_or_signature_block_crosses_a_page(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    layout = _layout(printed)
    if not isinstance(layout, FormDocument):
        return
    for number, page in enumerate(printed.pages, start=1):
        steps = sum(1 for s in layout.steps if "".join(s.name.split()) in page.flat)
        assert page.flat.count("签字：") == steps, f"{key} page {number}: a split step box"
    if layout.signatures:
        labels = [f"{b.label}：" for b in layout.signatures]
        homes = [n for n, p in enumerate(printed.pages) if all(x in p.flat for x in labels)]
        assert homes, f"{key}: the signature blocks are split across pages"
        page = printed.pages[homes[-1]]
        lines = sum(len(b.lines) for b in layout.signatures)
        words = page.flat.count("签名：") + page.flat.count("姓名：") + page.flat.count("日期：")
        assert words >= lines, f"{key}: a signature block lost its lines to the next page"
        # never alone: the page with the signatures carries something they sign
        before = page.flat.split(labels[0])[0]
        assert len(before) > 40, f"{key}: the signature blocks stand alone on a page"


def test_numbers_codes_and_dates_never_wrap(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    layout = _layout(printed)
    lines = [ln for p in printed.pages for ln in p.lines()]
    if isinstance(layout, FormDocument):
        values = [r.value for r in layout.fields if is_code(r.value)]
    else:
        values = [c for row in layout.rows[:60] for c in row.cells if is_code(c)]
    for value in values:
        assert any(value in ln for ln in lines), f"{key}: {value} is broken across lines"


def test_no_line_starts_with_closing_punctuation(sheet: dict[str, Printed], key: str) -> None:
    for page in sheet[key].pages:
        for line in page.lines():
            assert not line or line[0] not in NO_LINE_START, f"{key}: a line starts {line[:12]}"


def test_labels_break_only_between_their_parts(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    layout = _layout(printed)
    lines = [ln for p in printed.pages for ln in p.lines()]
    if isinstance(layout, FormDocument):
        labels = [r.label for r in layout.fields] + [s.name for s in layout.steps]
    else:
        labels = [c.label for c in layout.columns]
    for label in labels:
        for part in label_parts(label):
            if any(part in ln for ln in lines):
                continue
            half = (len(part) + 1) // 2  # a long part is cut in even halves, never one stray
            assert len(part) > 3, f"{key}: the label {label} is broken inside {part}"
            for piece in (part[:half], part[half:]):
                assert any(piece in ln for ln in lines), f"{key}: {label} broken in {part}"


def test_text_stays_inside_the_page_and_its_cell(sheet: dict[str, Printed], key: str) -> None:
    printed = sheet[key]
    layout = _layout(printed)
    for number, page in enumerate(printed.pages, start=1):
        margins = margins_for(page.width, page.height)
        left, right = margins.left - 0.5, page.width - margins.right + 0.5
        for run in _inside(page):
            assert run.x >= left, f"{key} page {number}: {run.text!r} leaves the page body"
            assert run.x + run.width <= right, f"{key} page {number}: {run.text!r} leaves"
    if isinstance(layout, ListDocument):
        width = printed.pages[0].width
        marks = any(r.voided or r.flagged for r in layout.rows)
        cols = _columns(layout, LANDSCAPE.left, width - LANDSCAPE.left - LANDSCAPE.right, marks)
        edges = [c.x for c in cols[1:]]
        header = cols[-1].label
        for number, page in enumerate(printed.pages, start=1):
            heads = [r.y for r in page.runs if r.text == label_parts(header)[0]]
            assert heads, f"{key} page {number}: the header row"
            cells = [r for r in _inside(page) if r.y <= max(heads) + 0.5]
            for run in cells:
                if run.text.startswith(("共 ", "标记说明")) or run.text in layout.summary:
                    continue  # the summary under the table, the legend above it
                crossed = [e for e in edges if run.x + 0.5 < e < run.x + run.width - 0.5]
                assert not crossed, f"{key} page {number}: {run.text!r} leaves its cell"


def test_people_by_name_and_no_code_names(sheet: dict[str, Printed], key: str) -> None:
    for number, page in enumerate(sheet[key].pages, start=1):
        text = "".join(r.text for r in _inside(page))
        for login in LOGINS:
            assert login not in text, f"{key} page {number}: the login {login} on paper"
        # a field id (drawing_no, …) or an audit action (audit.verify, …)
        words = re.findall(r"[a-z]+(?:[._][a-z]+)+", text)
        assert not words, f"{key} page {number}: code names on paper: {words}"
        assert "登录名" not in text


def test_lists_fill_their_pages(sheet: dict[str, Printed], key: str) -> None:
    """A register book's density: at least 20 rows on every full A4 landscape page."""
    printed = sheet[key]
    layout = _layout(printed)
    if not isinstance(layout, ListDocument) or len(printed.pages) < 2:
        return
    firsts = {row.cells[0] for row in layout.rows}
    for number, page in enumerate(printed.pages[:-1], start=1):
        if number == 1 and layout.chart is not None:
            continue  # the chart takes half of the first page
        rows = sum(1 for r in page.runs if r.text in firsts)
        assert rows >= 20, f"{key} page {number}: {rows} rows"


def test_first_page_looks_as_it_did(sheet: dict[str, Printed], key: str) -> None:
    """The first page, laid out with a fixed frame, against its reference picture."""
    document = sheet[key].sample.job.documents[0]
    frame = PageFrame(
        marking=document.marking,
        unit="示范研究所（演示数据）",
        document_number=document.number or "DY-2026-00001",
        watermark="样张",
        verification_code="TEST-0001",
        footer_note="审计 1·00000000",
        printed_at="2026-03-02 09:00",
    )
    grey = first_page_grey(render([(document.layout, frame)]), DPI)
    if grey is None:
        pytest.skip("poppler's pdftoppm is not installed")
    reference = REFERENCE / f"{key}.png"
    if UPDATE:
        REFERENCE.mkdir(exist_ok=True)
        write_png(reference, grey)
        return
    assert reference.exists(), f"no reference for {key}: run ./desk paper --update-references"
    share = difference(grey, read_png(reference))
    assert share <= THRESHOLD, (
        f"{key}: {share:.2%} of the first page changed; if on purpose, look at ./desk paper "
        "and run ./desk paper --update-references"
    )

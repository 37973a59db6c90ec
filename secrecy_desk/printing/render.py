"""The printing engine's entry points: documents in, PDF bytes out.

Pure functions of their arguments: in memory only (never a temporary file), no clock, and
deterministic — reportlab's invariant mode fixes the document id and creation date, so the same
input gives byte-identical output.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Final

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.printing.fonts import register
from secrecy_desk.printing.forms import form_story
from secrecy_desk.printing.frame import PORTRAIT, FramedCanvas
from secrecy_desk.printing.glyphs import GlyphProblem, MissingGlyphsError, check_glyphs
from secrecy_desk.printing.lists import paint_list
from secrecy_desk.printing.model import FormDocument, ListDocument, PageFrame, PrintInputError

CREATOR: Final = "Secrecy Desk"


class PrintLayoutError(DeskError):
    """Content that cannot be laid out on A4 (a single unbreakable piece taller than a page)."""


def _refuse_missing_glyphs(items: Sequence[tuple[FormDocument | ListDocument, PageFrame]]) -> None:
    problems: list[GlyphProblem] = []
    batch = len(items) > 1
    for number, (doc, frame) in enumerate(items, start=1):
        for problem in check_glyphs(doc, frame):
            problems.append(problem.in_document(number) if batch else problem)
    if problems:
        raise MissingGlyphsError(problems)


def render_form(doc: FormDocument, frame: PageFrame) -> bytes:
    """One form, ``frame.copies`` times, as PDF bytes (A4 portrait)."""
    return render_forms([(doc, frame)])


def render_forms(batch: Sequence[tuple[FormDocument, PageFrame]]) -> bytes:
    """Many forms in one PDF (one print action), each with its own frame, copies and page
    numbers; e.g. a hundred commitment letters for a hundred people."""
    if not batch:
        raise PrintInputError(QT_TRANSLATE_NOOP("Errors", "There is nothing to print."))
    _refuse_missing_glyphs(batch)
    register()
    buffer = io.BytesIO()
    width, height = A4
    m = PORTRAIT
    body = Frame(
        m.left,
        m.bottom,
        width - m.left - m.right,
        height - m.top - m.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    first_doc, first_frame = batch[0]
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="form", frames=[body])],
        leftMargin=m.left,
        rightMargin=m.right,
        topMargin=m.top,
        bottomMargin=m.bottom,
        title=first_doc.title,
        author=first_frame.unit,
        subject=first_frame.marking,
        creator=CREATOR,
        producer=CREATOR,
        invariant=1,
        pageCompression=1,
    )
    story: list[Flowable] = []
    for doc, frame in batch:
        for copy in range(1, frame.copies + 1):
            if story:
                story.append(PageBreak())
            story += form_story(doc, frame, copy, body.width)
    try:
        template.build(story, canvasmaker=FramedCanvas)
    except LayoutError as exc:
        raise PrintLayoutError(
            QT_TRANSLATE_NOOP("Errors", "Part of the form is too large to fit on a page: {detail}"),
            detail=str(exc)[:200],
        ) from exc
    return buffer.getvalue()


def render_list(doc: ListDocument, frame: PageFrame) -> bytes:
    """A register list as PDF bytes (A4 landscape, header row on every page)."""
    _refuse_missing_glyphs([(doc, frame)])
    register()
    buffer = io.BytesIO()
    canv = FramedCanvas(buffer, pagesize=landscape(A4), invariant=1, pageCompression=1)
    canv.setTitle(doc.title)
    canv.setAuthor(frame.unit)
    canv.setSubject(frame.marking)
    canv.setCreator(CREATOR)
    canv.setProducer(CREATOR)
    paint_list(canv, doc, frame)
    canv.save()
    return buffer.getvalue()

"""Find characters the bundled font lacks, naming where they are, before anything is printed.

A character the font cannot draw would come out as an empty box on a filed paper; instead the
caller learns which field, clause, row or column holds it, and the renderer refuses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Final

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.printing.fonts import missing_glyphs
from secrecy_desk.printing.model import FormDocument, ListDocument, PageFrame


class Place(Enum):
    TITLE = "title"
    SUBTITLE = "subtitle"
    FIELD_LABEL = "field_label"
    FIELD_VALUE = "field_value"
    PARAGRAPH = "paragraph"
    CLAUSE = "clause"
    CLOSING = "closing"
    STEP = "step"
    SIGNATURE = "signature"
    COLUMN = "column"
    CELL = "cell"
    SUMMARY = "summary"
    CHART = "chart"
    FRAME = "frame"


_WHERE: Final[Mapping[Place, str]] = {
    Place.TITLE: QT_TRANSLATE_NOOP("Errors", "the title"),
    Place.SUBTITLE: QT_TRANSLATE_NOOP("Errors", "the subtitle"),
    Place.FIELD_LABEL: QT_TRANSLATE_NOOP("Errors", "the label of field {label}"),
    Place.FIELD_VALUE: QT_TRANSLATE_NOOP("Errors", "field {label}"),
    Place.PARAGRAPH: QT_TRANSLATE_NOOP("Errors", "paragraph {index}"),
    Place.CLAUSE: QT_TRANSLATE_NOOP("Errors", "clause {index}"),
    Place.CLOSING: QT_TRANSLATE_NOOP("Errors", "closing paragraph {index}"),
    Place.STEP: QT_TRANSLATE_NOOP("Errors", "approval step {label}"),
    Place.SIGNATURE: QT_TRANSLATE_NOOP("Errors", "signature block {label}"),
    Place.COLUMN: QT_TRANSLATE_NOOP("Errors", "the header of column {label}"),
    Place.CELL: QT_TRANSLATE_NOOP("Errors", "row {index}, column {label}"),
    Place.SUMMARY: QT_TRANSLATE_NOOP("Errors", "the summary line"),
    Place.FRAME: QT_TRANSLATE_NOOP("Errors", "the page frame ({label})"),
}

_FRAME_PARTS: Final[Mapping[str, str]] = {
    "marking": QT_TRANSLATE_NOOP("Errors", "classification mark"),
    "unit": QT_TRANSLATE_NOOP("Errors", "unit name"),
    "document_number": QT_TRANSLATE_NOOP("Errors", "document number"),
    "watermark": QT_TRANSLATE_NOOP("Errors", "watermark"),
    "verification_code": QT_TRANSLATE_NOOP("Errors", "verification code"),
    "footer_note": QT_TRANSLATE_NOOP("Errors", "footer note"),
    "printed_at": QT_TRANSLATE_NOOP("Errors", "print time"),
}

# At most this many places are named in one error message; the rest are counted.
MAX_LISTED: Final = 8


@dataclass(frozen=True, slots=True)
class GlyphProblem:
    """Characters the font lacks and where they are.

    ``label`` is the field, column, step or signature label (or the page-frame attribute for
    :attr:`Place.FRAME`); ``index`` is the 1-based paragraph, clause or row number."""

    place: Place
    characters: tuple[str, ...]
    label: str = ""
    index: int | None = None
    document: int | None = None

    def in_document(self, number: int) -> GlyphProblem:
        """The same problem, naming the 1-based position of its document in a batch."""
        return replace(self, document=number)

    def where(self, lang: str = "en") -> str:
        label = self.label
        if self.place is Place.FRAME:
            label = translate("Errors", _FRAME_PARTS.get(self.label, self.label), lang)
        where = translate("Errors", _WHERE[self.place], lang).format(label=label, index=self.index)
        if self.document is None:
            return where
        prefix = translate("Errors", QT_TRANSLATE_NOOP("Errors", "document {n}"), lang)
        return f"{prefix.format(n=self.document)}, {where}"

    def describe(self, lang: str = "en") -> str:
        chars = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in self.characters)
        return f"{self.where(lang)}: {chars}"


class MissingGlyphsError(DeskError):
    """Refusal to print: some characters would come out as empty boxes."""

    def __init__(self, problems: list[GlyphProblem]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The print font cannot show some characters; change them before printing: "
                "{details}",
            ),
            details=_details(problems, "en"),
        )
        self.problems = problems

    def message(self, lang: str) -> str:
        return translate(self.context, self.text, lang).format(
            details=_details(self.problems, lang)
        )


def _details(problems: list[GlyphProblem], lang: str) -> str:
    listed = "; ".join(p.describe(lang) for p in problems[:MAX_LISTED])
    rest = len(problems) - MAX_LISTED
    if rest > 0:
        more = translate("Errors", QT_TRANSLATE_NOOP("Errors", "and {n} more places"), lang)
        listed = f"{listed}; {more.format(n=rest)}"
    return listed


def _texts_of_form(doc: FormDocument) -> Iterator[tuple[Place, str, int | None, str]]:
    yield Place.TITLE, "", None, doc.title
    yield Place.SUBTITLE, "", None, doc.subtitle
    for row in doc.fields:
        yield Place.FIELD_LABEL, row.label, None, row.label
        yield Place.FIELD_VALUE, row.label, None, row.value
    for number, text in enumerate(doc.paragraphs, start=1):
        yield Place.PARAGRAPH, "", number, text
    for number, text in enumerate(doc.clauses, start=1):
        yield Place.CLAUSE, "", number, text
    for step in doc.steps:
        parts = (step.name, step.decision, step.comment, step.decider, step.decided_at)
        yield Place.STEP, step.name, None, "".join(parts)
    for number, text in enumerate(doc.closing, start=1):
        yield Place.CLOSING, "", number, text
    for block in doc.signatures:
        yield Place.SIGNATURE, block.label, None, block.label


def _texts_of_list(doc: ListDocument) -> Iterator[tuple[Place, str, int | None, str]]:
    yield Place.TITLE, "", None, doc.title
    yield Place.SUBTITLE, "", None, doc.subtitle
    for column in doc.columns:
        yield Place.COLUMN, column.label, None, column.label
    labels = [c.label for c in doc.columns]
    for number, row in enumerate(doc.rows, start=1):
        for label, text in zip(labels, row.cells, strict=True):
            yield Place.CELL, label, number, text
    yield Place.SUMMARY, "", None, doc.summary + doc.flag_meaning
    if doc.chart is not None:
        for text in (*doc.chart.categories, *(s.name for s in doc.chart.series)):
            yield Place.CHART, "", None, text


def _texts_of_frame(frame: PageFrame) -> Iterator[tuple[Place, str, int | None, str]]:
    for name in _FRAME_PARTS:
        yield Place.FRAME, name, None, str(getattr(frame, name))


def check_glyphs(
    doc: FormDocument | ListDocument, frame: PageFrame | None = None
) -> list[GlyphProblem]:
    """Every place in ``doc`` (and ``frame``, when given) holding characters the font lacks,
    in reading order; an empty list means the document prints without empty boxes."""
    texts = _texts_of_form(doc) if isinstance(doc, FormDocument) else _texts_of_list(doc)
    problems = []
    for place, label, index, text in texts:
        if text and (missing := missing_glyphs(text)):
            problems.append(GlyphProblem(place, tuple(sorted(missing)), label, index))
    if frame is not None:
        for place, label, index, text in _texts_of_frame(frame):
            if text and (missing := missing_glyphs(text)):
                problems.append(GlyphProblem(place, tuple(sorted(missing)), label, index))
    return problems

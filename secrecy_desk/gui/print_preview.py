"""Printing from the window: a draft preview, then a recorded print to paper or to a PDF file.

How a print goes (SPEC §2.7; S4 §15; S6 §28):

1. The dialog opens on a **draft**: the document laid out exactly as it will print (same
   layout, marking, number, unit, 补打 stamp when it is a reprint), rendered in memory through
   :mod:`secrecy_desk.printing`, watermarked "预览 — 不得打印", with no verification code and
   no print-register number. A draft is only looked at: it is never recorded as a print,
   never written to disk, and nothing in the dialog can send it to a printer.
2. **打印…** asks for the printer (Qt's print dialog, printing to a file switched off), then
   makes the print: :func:`~secrecy_desk.registers.printouts.print_entry` (or ``print_list``)
   renders the final PDF with its code and records it in the print register and the audit
   trail, naming the chosen printer; the bytes are painted on that printer page by page
   (300 dpi images; the PDF already holds every copy, each marked 第x份 共y份, so the printer
   is told one copy).
3. **导出PDF…** is the only way to a file: the user names it, confirms that an unencrypted file
   is a carrier of the document's level, and the print is recorded with the printer "PDF文件
   <path>" and written by :func:`~secrecy_desk.registers.printouts.export_pdf` (fixed disks
   only, audited).

The PDF bytes live in a ``QBuffer`` for as long as a page view shows them; no temporary file
is ever written. Nothing is recorded until the user has chosen where the print goes, so the
print register says which printer or file every recorded print went to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMargins,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.gui.busy import run_busy
from secrecy_desk.gui.context import AppContext
from secrecy_desk.gui.style import banner_css, set_role
from secrecy_desk.printing import MissingGlyphsError, PageFrame, check_glyphs
from secrecy_desk.printing import render_form as _render_form
from secrecy_desk.printing import render_list as _render_list
from secrecy_desk.registers import Query, Registers, printouts
from secrecy_desk.registers.model import Entry
from secrecy_desk.registers.printouts import Printout, ReprintReasonRequired

T = TypeVar("T")

# Resolution at which PDF pages are rasterised for the printer: sharp text and rules on paper
# while one A4 page stays near 35 MB of image memory.
PRINT_DPI: Final = 300
MAX_COPIES: Final = 999


class PrintPaintError(RuntimeError):
    """The printer could not take the pages (it refused to start, or the PDF did not load)."""


# --- what to print ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntryJob:
    """One register entry, printed as its form."""

    register: str
    number: str


@dataclass(frozen=True, slots=True)
class ListJob:
    """A register's filtered list (``columns`` None: the definition's list columns)."""

    register: str
    query: Query
    columns: tuple[str, ...] | None = None


Job = EntryJob | ListJob


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft of a document: what the preview shows. Never recorded, never printed."""

    pdf: bytes
    title: str
    number: str
    marking: str
    level: Level
    reprint: bool
    rows: int | None = None  # a list's entry count


def _draft_watermark() -> str:
    return QCoreApplication.translate("PrintPreview", "PREVIEW — NOT FOR PRINTING")


def _draft_frame(registers: Registers, mark: str, number: str, reprint: bool) -> PageFrame:
    return PageFrame(
        marking=mark,
        unit=registers.session.settings.unit,
        document_number=number,
        copies=1,
        watermark=_draft_watermark(),
        verification_code="",
        reprint=reprint,
        footer_note=QCoreApplication.translate(
            "PrintPreview",
            "Preview: the verification code, the print register number and the print time "
            "are added when the document is printed.",
        ),
    )


def _printed_before(registers: Registers, entry: Entry) -> bool:
    """Was this revision printed (or exported) before? Then printing it is a reprint (补打).
    The same count :func:`~secrecy_desk.registers.printouts.print_entry` makes."""
    return printouts.is_reprint(registers, entry)


def draft_entry(registers: Registers, register: str, number: str, lang: str) -> Draft:
    """The entry's form as a draft. Opening it counts as viewing the entry (recorded when the
    entry is classified); the printing permission is required, as for the print itself."""
    spec = registers.require(register, Action.PRINT)
    entry = registers.get(register, number)
    reprint = _printed_before(registers, entry)
    doc = printouts.form_document(spec, entry, lang)
    frame = _draft_frame(registers, entry.marking, entry.number, reprint)
    problems = check_glyphs(doc, frame)
    if problems:
        raise MissingGlyphsError(problems)
    return Draft(
        _render_form(doc, frame),
        doc.title,
        entry.number,
        entry.marking,
        entry.level,
        reprint,
    )


def draft_list(
    registers: Registers,
    register: str,
    query: Query,
    columns: tuple[str, ...] | None,
    lang: str,
) -> Draft:
    """The filtered list as a draft: every matching row, marked with the highest level among
    them. Its document number (the print register's) exists only once it is printed."""
    listing = printouts.list_for_print(registers, register, query, columns, lang)
    doc, mark = listing.document, listing.marking
    frame = _draft_frame(registers, mark, "", False)
    problems = check_glyphs(doc, frame)
    if problems:
        raise MissingGlyphsError(problems)
    return Draft(_render_list(doc, frame), doc.title, "", mark, listing.level, False, listing.rows)


def make_draft(ctx: AppContext, job: Job) -> Draft:
    if isinstance(job, EntryJob):
        return draft_entry(ctx.registers, job.register, job.number, ctx.lang)
    return draft_list(ctx.registers, job.register, job.query, job.columns, ctx.lang)


# --- PDF bytes in memory, on screen and on paper ----------------------------------------------


class MemoryPdf:
    """A ``QPdfDocument`` reading from bytes held in memory (a ``QBuffer``), never a file."""

    def __init__(self, pdf: bytes) -> None:
        self.data = QByteArray(pdf)
        self.buffer = QBuffer(self.data)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() is not QPdfDocument.Status.Ready:
            self.close()
            raise PrintPaintError(f"the PDF did not load: {self.document.error()}")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        """Empty the document, the buffer and the bytes (safe to call twice)."""
        self.document.close()
        self.buffer.close()
        self.data.clear()


def page_layout_for(size_pt: QSizeF) -> QPageLayout:
    """A margin-free page layout of the PDF page's size and orientation (A4 portrait for a
    form, A4 landscape for a list)."""
    width, height = size_pt.width(), size_pt.height()
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    portrait = QSizeF(min(width, height), max(width, height))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def paint_pdf(pdf: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Paint every page of ``pdf`` on ``printer``, each page filling the paper as the PDF lays
    it out (the PDF carries its own margins). Returns the number of pages sent.

    The printer is set to one copy: the PDF already holds each copy, numbered."""
    source = MemoryPdf(pdf)
    try:
        pages = source.page_count
        if pages < 1:
            raise PrintPaintError("the PDF has no pages")
        printer.setCopyCount(1)
        printer.setFullPage(True)
        printer.setPageLayout(page_layout_for(source.document.pagePointSize(0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintPaintError("the printer did not start")
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                size_pt = source.document.pagePointSize(page)
                pixels = QSize(
                    round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72)
                )
                image = source.document.render(page, pixels)
                paper = printer.paperRect(QPrinter.Unit.DevicePixel)
                scale = min(paper.width() / pixels.width(), paper.height() / pixels.height())
                width, height = pixels.width() * scale, pixels.height() * scale
                target = QRectF(
                    (paper.width() - width) / 2, (paper.height() - height) / 2, width, height
                )
                painter.drawImage(target, image)
        finally:
            painter.end()
        return pages
    finally:
        source.close()


# --- the dialog -----------------------------------------------------------------------------


class PrintDialog(QDialog):
    """Preview a document from its draft, then print it or export it as a PDF file.

    ``printouts`` lists every recorded print made from this dialog, in order."""

    def __init__(
        self, ctx: AppContext, job: Job, draft: Draft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.draft = draft
        self.printouts: list[Printout] = []
        self._pdf: MemoryPdf | None = None
        self.setObjectName("printDialog")
        self.setMinimumSize(760, 560)
        self.resize(1080, 860)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)

        head = QHBoxLayout()
        head.setSpacing(12)
        self.heading = QLabel()
        set_role(self.heading, "title")
        self.heading.setStyleSheet("font-size: 15pt;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        head.addWidget(self.heading, 1)
        self.marking_label = QLabel()
        self.marking_label.setTextFormat(Qt.TextFormat.PlainText)
        self.marking_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.marking_label)
        layout.addLayout(head)

        options = QHBoxLayout()
        options.setSpacing(8)
        copies_label = QLabel(self.tr("Copies:"))
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(1)
        self.copies.setFixedWidth(84)
        self.copies.setAlignment(Qt.AlignmentFlag.AlignRight)
        # The application stylesheet borders spin boxes, which leaves the step buttons no
        # width of their own: give them some.
        self.copies.setStyleSheet("QSpinBox::up-button, QSpinBox::down-button { width: 18px; }")
        self.copies.setAccessibleName(self.tr("Copies"))
        copies_label.setBuddy(self.copies)
        options.addWidget(copies_label)
        options.addWidget(self.copies)
        options.addSpacing(16)
        self.reason_label = QLabel(self.tr("Reason for the reprint:"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. the first copy was spoiled"))
        self.reason_label.setBuddy(self.reason)
        options.addWidget(self.reason_label)
        options.addWidget(self.reason, 1)
        options.addStretch(0)
        zoom_label = QLabel(self.tr("View:"))
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit width"), QPdfView.ZoomMode.FitToWidth)
        self.zoom.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView)
        self.zoom.addItem(self.tr("Actual size"), QPdfView.ZoomMode.Custom)
        zoom_label.setBuddy(self.zoom)
        options.addWidget(zoom_label)
        options.addWidget(self.zoom)
        layout.addLayout(options)

        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.info, "hint")
        layout.addWidget(self.info)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(14)
        self.view.setDocumentMargins(QMargins(18, 18, 18, 18))
        self.view.setStyleSheet("QPdfView { background: #7b8794; border: 1px solid #52606d; }")
        layout.addWidget(self.view, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.setAutoDefault(True)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        for button in (self.print_button, self.export_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.print_button.clicked.connect(self.choose_printer)
        self.export_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.reject)
        self.copies.valueChanged.connect(self._update_info)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        QShortcut(QKeySequence.StandardKey.Print, self, self.choose_printer)

        self._show_draft(draft)

    # --- showing the draft ------------------------------------------------------------

    def _show_draft(self, draft: Draft) -> None:
        self.draft = draft
        pdf = MemoryPdf(draft.pdf)
        self.view.setDocument(pdf.document)
        if self._pdf is not None:
            self._pdf.close()
        self._pdf = pdf
        title = f"{draft.title}  {draft.number}".strip()
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=title))
        self.heading.setText(title)
        self.marking_label.setText(draft.marking)
        self.marking_label.setStyleSheet(banner_css(draft.level) + " font-size: 13pt;")
        self.marking_label.setToolTip(self.tr("Classification mark printed on every page"))
        self.reason_label.setVisible(draft.reprint)
        self.reason.setVisible(draft.reprint)
        self._update_info()

    @property
    def page_count(self) -> int:
        """Pages in the preview (one copy)."""
        return self._pdf.page_count if self._pdf is not None else 0

    def _update_info(self) -> None:
        pages = self.page_count
        copies = self.copies.value()
        parts = [
            self.tr(
                "Preview of one copy, %n page(s); not for printing: the print gets its own "
                "verification code and print register number.",
                "",
                pages,
            )
        ]
        if copies > 1:
            parts.append(
                self.tr(
                    "%n copies will be printed, each numbered on every page (第x份 共y份).",
                    "",
                    copies,
                )
            )
        if self.draft.rows is not None:
            parts.append(self.tr("The list holds %n entries.", "", self.draft.rows))
        if self.draft.reprint:
            parts.append(
                self.tr(
                    "This revision was printed before: printing it again is a reprint, marked "
                    "补打 on the paper, and needs a reason."
                )
            )
        self.info.setText(" ".join(parts))

    def _zoom_changed(self) -> None:
        mode = self.zoom.currentData()
        self.view.setZoomMode(mode)
        if mode is QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(1.0)

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)
        self.message.show()

    # --- the recorded print ------------------------------------------------------------

    def _reason_ok(self) -> bool:
        if self.draft.reprint and not self.reason.text().strip():
            self._say(self.tr("Give the reason for the reprint before printing it again."), "error")
            self.reason.setFocus()
            return False
        return True

    def _busy(self, step: Callable[[], T]) -> T:
        self.setEnabled(False)
        try:
            return run_busy(step)
        finally:
            self.setEnabled(True)

    def produce(self, printer_name: str) -> Printout | None:
        """Make the recorded print (PDF bytes with the code; print register; audit trail).
        Shows the core's refusal and returns None when it refused."""
        regs = self.ctx.registers
        copies = self.copies.value()
        reason = self.reason.text().strip() if self.draft.reprint else ""
        job = self.job
        lang = self.ctx.lang

        def make() -> Printout:
            if isinstance(job, EntryJob):
                return printouts.print_entry(
                    regs,
                    job.register,
                    job.number,
                    copies=copies,
                    printer=printer_name,
                    reason=reason,
                    lang=lang,
                )
            return printouts.print_list(
                regs,
                job.register,
                job.query,
                copies=copies,
                printer=printer_name,
                columns=list(job.columns) if job.columns else None,
                lang=lang,
            )

        try:
            printout = self._busy(make)
        except ReprintReasonRequired as exc:
            self._refresh_draft()
            self._say(exc.message(lang), "error")
            self.reason.setFocus()
            return None
        except DeskError as exc:
            self._say(exc.message(lang), "error")
            return None
        self.printouts.append(printout)
        return printout

    def _refresh_draft(self) -> None:
        """Draw the draft again after a print: the next print of an entry is a reprint."""
        if not isinstance(self.job, EntryJob):
            return
        job, ctx = self.job, self.ctx
        try:
            draft = self._busy(lambda: make_draft(ctx, job))
        except DeskError:
            return  # the print went through; the old preview stays
        if draft.reprint and not self.draft.reprint:
            self.reason.clear()
        self._show_draft(draft)

    def print_on(self, printer: QPrinter, printer_name: str | None = None) -> Printout | None:
        """Record the print under ``printer_name`` (the printer's own name by default) and
        paint it on ``printer``."""
        if not self._reason_ok():
            return None
        name = printer_name or printer.printerName() or self.tr("default printer")
        printout = self.produce(name)
        if printout is None:
            return None
        try:
            pages = self._busy_paint(printout.pdf, printer)
        except PrintPaintError:
            self._refresh_draft()
            self._say(
                self.tr(
                    "The printer {printer} did not take the pages. The print was recorded as "
                    "{record} (verification code {code}); if it has to be printed again, "
                    "give that as the reason."
                ).format(printer=name, record=printout.record, code=printout.code),
                "error",
            )
            return printout
        self._refresh_draft()
        self._say(
            self.tr(
                "Sent to {printer}: {copies} copies, {pages} pages, marked {mark}. Print "
                "register {record}, verification code {code}."
            ).format(
                printer=name,
                copies=self.copies.value(),
                pages=pages,
                mark=printout.marking,
                record=printout.record,
                code=printout.code,
            ),
            "ok",
        )
        return printout

    def _busy_paint(self, pdf: bytes, printer: QPrinter) -> int:
        # Painting uses QPdfDocument and QPainter: it stays in the GUI thread.
        self.setEnabled(False)
        try:
            return paint_pdf(pdf, printer)
        finally:
            self.setEnabled(True)

    def new_printer(self) -> QPrinter:
        """A printer set up for this document: its page size and orientation, the copies."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._pdf is not None and self.page_count:
            printer.setPageLayout(page_layout_for(self._pdf.document.pagePointSize(0)))
        printer.setCopyCount(self.copies.value())
        printer.setDocName(self.draft.title)
        return printer

    def choose_printer(self) -> None:
        """打印…: the printer dialog, then the recorded print on the chosen printer."""
        if not self.print_button.isEnabled() or not self._reason_ok():
            return
        if not QPrinterInfo.availablePrinterNames():
            self._say(
                self.tr(
                    "No printer is set up on this workstation. Ask the system administrator "
                    "to install one; the document can still be exported as a PDF file."
                ),
                "error",
            )
            return
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.draft.title))
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(option.PrintShowPageSize)  # whole document; no file output here
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.isVisible():
            return
        if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat or printer.outputFileName():
            # A PDF file is an export: it goes the audited way, fixed disks only.
            file_name = printer.outputFileName()
            if file_name:
                self.export_to(Path(file_name))
            return
        self.copies.setValue(max(1, min(MAX_COPIES, printer.copyCount())))
        self.print_on(printer)

    # --- export to a PDF file -----------------------------------------------------------

    def suggested_file(self) -> Path:
        base = self.draft.number or self.draft.title
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in base) or "print"
        return Path.home() / f"{safe}.pdf"

    def choose_file(self) -> None:
        """导出PDF…: name the file, confirm the carrier, then the recorded export."""
        if not self._reason_ok():
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export as PDF file"),
            str(self.suggested_file()),
            self.tr("PDF files (*.pdf)"),
        )
        if not path or not self.isVisible():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Export as PDF file"),
            self.tr(
                "The PDF file is not encrypted. It is a carrier of this document and must be "
                "kept and destroyed as {mark}. The export is recorded in the print register "
                "and the audit trail.\n\nWrite {path}?"
            ).format(mark=self.draft.marking, path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.export_to(Path(path))

    def export_to(self, target: Path) -> Path | None:
        """Record the print as going to the file ``target`` and write it there (fixed disks
        only). Returns the path written, or None when refused."""
        if not self._reason_ok():
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        target = target.absolute()
        try:
            # Removable media are refused (and the refusal recorded) before anything is printed.
            target = printouts.check_destination(self.ctx.registers, target)
        except DeskError as exc:
            self._say(exc.message(self.ctx.lang), "error")
            return None
        printout = self.produce(self.tr("PDF file {path}").format(path=target))
        if printout is None:
            return None
        regs = self.ctx.registers
        try:
            written = self._busy(lambda: printouts.export_pdf(regs, printout, target))
        except DeskError as exc:
            self._refresh_draft()
            self._say(exc.message(self.ctx.lang), "error")
            return None
        except OSError as exc:
            self._refresh_draft()
            self._say(
                self.tr("{path} could not be written: {error}").format(
                    path=target, error=exc.strerror or exc
                ),
                "error",
            )
            return None
        self._refresh_draft()
        self._say(
            self.tr(
                "Exported to {path}, marked {mark}. Print register {record}, verification "
                "code {code}."
            ).format(
                path=written, mark=printout.marking, record=printout.record, code=printout.code
            ),
            "ok",
        )
        return written

    # --- closing ----------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Let go of the bytes on close (the document and its buffer)."""
        if self._pdf is not None:
            self._pdf.close()  # the view keeps an empty document until the dialog goes
        super().done(result)


# --- entry points for the register tab ------------------------------------------------------


def _open(parent: QWidget | None, ctx: AppContext, job: Job) -> list[Printout]:
    try:
        draft = run_busy(lambda: make_draft(ctx, job))
    except DeskError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Print"),
            exc.message(ctx.lang),
        )
        return []
    dialog = PrintDialog(ctx, job, draft, parent)
    try:
        dialog.exec()
        return list(dialog.printouts)
    finally:
        dialog.deleteLater()


def open_print_for_entry(
    parent: QWidget | None, ctx: AppContext, register: str, number: str
) -> list[Printout]:
    """Ctrl+P on an entry: preview its form, print or export it. Returns the prints made
    (empty when the user only looked, or when the core refused: its message was shown)."""
    return _open(parent, ctx, EntryJob(register, number))


def open_print_for_list(
    parent: QWidget | None,
    ctx: AppContext,
    register: str,
    query: Query,
    columns: list[str] | tuple[str, ...] | None = None,
) -> list[Printout]:
    """Ctrl+P on the list: preview the filtered list (every matching row, not one page of
    the table), print or export it. ``columns`` None: the definition's list columns."""
    return _open(parent, ctx, ListJob(register, query, tuple(columns) if columns else None))


__all__ = [
    "Draft",
    "EntryJob",
    "ListJob",
    "MemoryPdf",
    "PrintDialog",
    "PrintPaintError",
    "draft_entry",
    "draft_list",
    "open_print_for_entry",
    "open_print_for_list",
    "paint_pdf",
]

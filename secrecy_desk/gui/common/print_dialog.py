"""Printing from the window: a draft preview, then a recorded print to paper or to a PDF file.

How a print goes (SPEC §2.7; S4 §15; S6 §28):

1. The dialog opens on a **draft**: the document laid out exactly as it will print (same
   layout, marking, number, unit, 补打 stamp when it is a reprint), rendered in memory through
   :mod:`secrecy_desk.printing`, watermarked "预览 — 不得打印", with no verification code and
   no print-register number. A draft is only looked at: it is never recorded as a print,
   never written to disk, and nothing in the dialog can send it to a printer.
2. **打印…** asks for the printer (Qt's print dialog, printing to a file switched off), then
   makes the print through the kernel's one print operation
   (:func:`~secrecy_desk.records.printing.print_job`): the final PDF with its codes, the print
   register entries naming the chosen printer, the audit record — and, inside that same
   transaction, the bytes painted on the printer page by page (300 dpi images; the PDF already
   holds every copy, each marked 第x份 共y份, so the printer is told one copy). If the printer
   refuses the pages, nothing is recorded.
3. **导出PDF…** is the only way to a file: the user names it, confirms that an unencrypted file
   is a carrier of the document's level, and the print is recorded with the printer "PDF文件
   <path>" and written by :func:`~secrecy_desk.records.printing.to_file` in the same
   transaction (fixed disks only, audited).

The dialog serves every module: it is given a function that makes the module's
:class:`~secrecy_desk.records.printing.PrintJob` (a register entry or list, commitment letters,
an approval table, a report). The PDF bytes live in a ``QBuffer`` for as long as a page view
shows them; no temporary file is ever written. A print is recorded only when it happened:
closing the dialog, cancelling the printer or file dialog, a refusal or a failed delivery
records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
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
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.screen import fit_size
from secrecy_desk.gui.common.style import banner_css, set_role
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Query, printouts
from secrecy_desk.records.printing import (
    Deliver,
    Draft,
    PrintJob,
    Printout,
    ReprintReasonRequired,
    check_destination,
    draft,
    print_job,
    to_file,
)

T = TypeVar("T")

# Resolution at which PDF pages are rasterised for the printer: sharp text and rules on paper
# while one A4 page stays near 35 MB of image memory.
PRINT_DPI: Final = 300
MAX_COPIES: Final = 999


class PrintPaintError(RuntimeError):
    """The printer could not take the pages (it refused to start, or the PDF did not load)."""


#: Makes the module's print job (called for the draft and again, inside the print's
#: transaction, for the print).
MakeJob = Callable[[], PrintJob]


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
        finished = False
        try:
            for page in range(pages):
                if page and not printer.newPage():
                    raise PrintPaintError("the printer refused a new page")
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
            finished = True
        finally:
            if not finished:
                printer.abort()  # the job is not submitted: nothing reaches paper half-done
            painter.end()
        return pages
    finally:
        source.close()


def printed_changes(ctx: AppContext, printout: Printout) -> Changes:
    """What a recorded print changed: the print register, and the module of each printed
    record (``kind:number``, found through the registry; a list names no record)."""
    kinds = {
        p.document.obj.partition(":")[0]
        for p in printout.printed
        if p.document.revision is not None
    }
    owners = {m.id for m in registry.MODULES if kinds & set(m.objects(ctx.forms))}
    return Changes.of(prints=True, modules=owners)


# --- the dialog -----------------------------------------------------------------------------


class PrintDialog(QDialog):
    """Preview a document from its draft, then print it or export it as a PDF file.

    ``printouts`` lists every recorded print made from this dialog, in order. Each print is
    broadcast (:func:`printed_changes`) as made by the dialog's parent, the view that opened
    it: that view refreshes itself when the dialog returns."""

    def __init__(
        self, ctx: AppContext, make_job: MakeJob, draft: Draft, parent: QWidget | None = None
    ) -> None:
        # Long on purpose: the widgets are made and laid out here in the order they appear
        # on screen, so the whole layout reads top to bottom in one place; what they do is in
        # the methods below.
        super().__init__(parent)
        self.ctx = ctx
        self.make_job = make_job
        self.draft = draft
        self.printouts: list[Printout] = []
        self._pdf: MemoryPdf | None = None
        self.setObjectName("printDialog")
        self.setMinimumSize(760, 560)
        fit_size(self, 1080, 860)  # a 1366×768 screen shows its buttons

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

        self.copies.setValue(draft.copies)
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
        self.copies.setMaximum(draft.max_copies)
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
            return run_job(step)
        finally:
            self.setEnabled(True)

    def produce(self, printer_name: str, deliver: Deliver) -> Printout | None:
        """Make the recorded print (PDF bytes with the codes; print register; audit trail)
        and deliver it, in one transaction. Shows the core's refusal and returns None when it
        refused or the delivery failed; then nothing was recorded."""
        ctx = self.ctx
        copies = self.copies.value()
        reason = self.reason.text().strip() if self.draft.reprint else ""
        try:
            printout = print_job(
                ctx.session,
                ctx.forms,
                self.make_job,
                copies=copies,
                printer=printer_name,
                reason=reason,
                deliver=deliver,
            )
        except ReprintReasonRequired as exc:
            self._refresh_draft()
            self._say(exc.message(ctx.lang), "error")
            self.reason.setFocus()
            return None
        except DeskError as exc:
            self._say(exc.message(ctx.lang), "error")
            return None
        self.printouts.append(printout)
        ctx.broadcast(printed_changes(ctx, printout), self.parentWidget())
        self._refresh_draft()
        return printout

    def _refresh_draft(self) -> None:
        """Draw the draft again after a print: the next print of a record is a reprint."""
        ctx = self.ctx
        try:
            draft = run_job(lambda: make_draft(ctx, self.make_job))
        except DeskError:
            return  # the print went through; the old preview stays
        if draft.reprint and not self.draft.reprint:
            self.reason.clear()
        self._show_draft(draft)

    def print_on(self, printer: QPrinter, printer_name: str | None = None) -> Printout | None:
        """Record the print under ``printer_name`` (the printer's own name by default) and
        paint it on ``printer`` in the same transaction: if the printer does not take the
        pages, nothing is recorded."""
        if not self._reason_ok():
            return None
        name = printer_name or printer.printerName() or self.tr("default printer")
        pages: list[int] = []

        def paint(printout: Printout) -> None:
            pages.append(self._busy_paint(printout.pdf, printer))

        try:
            printout = self.produce(name, paint)
        except PrintPaintError:
            self._say(
                self.tr(
                    "The printer {printer} did not take the pages. Nothing was printed and "
                    "nothing was recorded; check the printer and print again."
                ).format(printer=name),
                "error",
            )
            return None
        if printout is None:
            return None
        self._say(
            self.tr(
                "Sent to {printer}: {copies} copies, {pages} pages, marked {mark}. Print "
                "register {record}, verification code {code}."
            ).format(
                printer=name,
                copies=self.copies.value(),
                pages=pages[0],
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
        """Record the print as going to the file ``target`` and write it there, in one
        transaction (fixed disks only). Returns the path written, or None when refused."""
        if not self._reason_ok():
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        target = target.absolute()
        session = self.ctx.session
        try:
            # Removable media are refused (and the refusal recorded) before anything is printed.
            # The file dialog asked before an existing file is replaced.
            target = check_destination(session, target, overwrite=True)
        except DeskError as exc:
            self._say(exc.message(self.ctx.lang), "error")
            return None
        try:
            printout = self.produce(
                self.tr("PDF file {path}").format(path=target), to_file(session, target)
            )
        except OSError as exc:
            self._say(
                self.tr("{path} could not be written: {error}. Nothing was recorded.").format(
                    path=target, error=exc.strerror or exc
                ),
                "error",
            )
            return None
        if printout is None:
            return None
        self._say(
            self.tr(
                "Exported to {path}, marked {mark}. Print register {record}, verification "
                "code {code}."
            ).format(
                path=target, mark=printout.marking, record=printout.record, code=printout.code
            ),
            "ok",
        )
        return target

    # --- closing ----------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Let go of the bytes on close (the document and its buffer)."""
        if self._pdf is not None:
            self._pdf.close()  # the view keeps an empty document until the dialog goes
        super().done(result)


# --- opening the dialog ------------------------------------------------------------------------


def make_draft(ctx: AppContext, make_job: MakeJob) -> Draft:
    return draft(ctx.session, make_job(), ctx.lang)


def open_print(parent: QWidget | None, ctx: AppContext, make_job: MakeJob) -> list[Printout]:
    """Preview what ``make_job`` makes, then print or export it. Returns the prints made
    (empty when the user only looked, or when the core refused: its message was shown)."""
    try:
        first = run_job(lambda: make_draft(ctx, make_job))
    except DeskError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Print"),
            exc.message(ctx.lang),
        )
        return []
    dialog = PrintDialog(ctx, make_job, first, parent)
    try:
        dialog.exec()
        return list(dialog.printouts)
    finally:
        dialog.deleteLater()


def open_print_for_entry(
    parent: QWidget | None, ctx: AppContext, register: str, number: str
) -> list[Printout]:
    """Ctrl+P on an entry: preview its form, print or export it. Opening the preview counts as
    viewing the entry (recorded when it is classified)."""
    regs, lang = ctx.registers, ctx.lang
    return open_print(parent, ctx, lambda: printouts.entry_job(regs, register, number, lang))


def open_print_for_list(
    parent: QWidget | None,
    ctx: AppContext,
    register: str,
    query: Query,
    columns: list[str] | tuple[str, ...] | None = None,
) -> list[Printout]:
    """Ctrl+P on the list: preview the filtered list (every matching row, not one page of
    the table), print or export it. ``columns`` None: the definition's list columns."""
    regs, lang = ctx.registers, ctx.lang
    return open_print(parent, ctx, lambda: printouts.list_job(regs, register, query, columns, lang))


__all__ = [
    "MakeJob",
    "MemoryPdf",
    "PrintDialog",
    "PrintPaintError",
    "make_draft",
    "open_print",
    "open_print_for_entry",
    "open_print_for_list",
    "paint_pdf",
    "printed_changes",
]

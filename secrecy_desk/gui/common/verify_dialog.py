"""Verify a code read off paper: does the printed copy match the record?

The code is typed as printed (``K7QD-3M9X``), with or without the dash, in either case; the
dialog upper-cases it as it is typed and, since the code alphabet (base32) has no 0 or 1,
reads a typed 0 as O and 1 as I. 核验 asks the core
(:func:`~secrecy_desk.modules.prints.verify.verify_code`, which records the lookup in the
audit trail) and shows its answer in a coloured box: green for the current revision, amber
for an older one, grey for a list, red for no match, with the print's details (document,
time, account, copies, print register number, revisions) one fact a line."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.fonts import monospace_font
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules.prints.verify import verify_code
from secrecy_desk.records.codes import CodeCheck, Match, code_from_scan, is_scan

CODE_LENGTH: Final = 8  # letters and digits, printed as two groups of four
SCAN_LENGTH: Final = 120  # room for a scanned QR payload: a document number and the code
# (text colour, background, border) of the result box for each answer.
RESULT_COLOURS: Final[dict[Match, tuple[str, str, str]]] = {
    Match.CURRENT: ("#1e6b34", "#e7f4ea", "#1e6b34"),
    Match.OLDER: ("#8a4b00", "#fff4e0", "#b45309"),
    Match.LIST: ("#3e4c59", "#eef1f4", "#7b8794"),
    Match.NOTHING: ("#b3261e", "#fdecea", "#b3261e"),
}
# The colours of a refusal by the core (no right to see the print register, say).
REFUSED: Final = RESULT_COLOURS[Match.NOTHING]
_MISREAD: Final = str.maketrans({"0": "O", "1": "I"})


def clean_code(text: str) -> str:
    """What was typed, as the code alphabet reads it: upper case, 0 → O, 1 → I."""
    return text.upper().translate(_MISREAD)


def code_chars(text: str) -> str:
    return "".join(ch for ch in clean_code(text) if ch.isalnum())


class VerifyDialog(QDialog):
    """Enter a verification code and see what the paper is."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: CodeCheck | None = None
        self.setWindowTitle(self.tr("Verify a printed document"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Type the verification code printed at the foot of every page (验证码). It "
                "tells whether the paper shows the entry as it stands now."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "hint")
        layout.addWidget(intro)

        row = QHBoxLayout()
        label = QLabel(self.tr("Code:"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("K7QD-3M9X")
        self.code.setFont(monospace_font(13))
        # A code typed by hand, or what a handheld scanner types from the page's QR code
        # (SDV:<document number>:<code>).
        self.code.setMaxLength(SCAN_LENGTH)
        self.code.setValidator(
            QRegularExpressionValidator(
                QRegularExpression(rf"^[\x20-\x7E]{{0,{SCAN_LENGTH}}}$"), self.code
            )
        )
        self.code.setAccessibleName(self.tr("Verification code"))
        label.setBuddy(self.code)
        self.verify_button = QPushButton(self.tr("&Verify"))
        self.verify_button.setDefault(True)
        row.addWidget(label)
        row.addWidget(self.code, 1)
        row.addWidget(self.verify_button)
        layout.addLayout(row)

        self.result_box = QFrame()
        self.result_box.setObjectName("verifyResult")
        box = QVBoxLayout(self.result_box)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(4)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.verdict)
        box.addWidget(self.detail)
        self.result_box.hide()
        layout.addWidget(self.result_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.code.textEdited.connect(self._typed)
        self.code.returnPressed.connect(self.verify)
        self.verify_button.clicked.connect(self.verify)
        self.close_button.clicked.connect(self.reject)

    def _typed(self, text: str) -> None:
        if is_scan(text):  # a scanner's payload is read as it is; its code part is checked
            if self.result_box.isVisible():
                self.result_box.hide()
            return
        cleaned = clean_code(text)
        if cleaned != text:
            position = self.code.cursorPosition()
            self.code.setText(cleaned)
            self.code.setCursorPosition(position)
        if self.result_box.isVisible():
            self.result_box.hide()

    def verdict_text(self, match: Match) -> str:
        return {
            Match.CURRENT: self.tr("Matches the current revision"),
            Match.OLDER: self.tr("An older revision: the entry has changed since"),
            Match.LIST: self.tr("A printed list"),
            Match.NOTHING: self.tr("No such print"),
        }[match]

    def _object_label(self, obj: str) -> str:
        """``drawings:TZFS-2026-0001`` as the register's title and the entry number."""
        register, sep, number = obj.partition(":")
        if not sep:
            return obj
        try:
            title = self.ctx.registers.spec(register).title(self.ctx.lang)
        except DeskError:
            return obj
        return f"{title} {number}"

    def describe(self, check: CodeCheck) -> str:
        """The details of the answer, one fact a line."""
        if check.match is Match.NOTHING or check.record is None:
            return self.tr(
                "No print with the code {code} is recorded, or it is one this account may not "
                "see. A paper carrying this code was not printed by this program as it stands."
            ).format(code=check.code)
        values = check.record.values
        lines = [
            self.tr("Document: {document} — {object}").format(
                document=values.get("document") or "",
                object=self._object_label(str(values.get("object") or "")),
            ),
            self.tr("Printed {at} by {who}, {copies} copies; print register {record}.").format(
                at=values.get("printed_at") or "",
                who=values.get("printed_by") or "",
                copies=values.get("copies") or "",
                record=check.record.number,
            ),
        ]
        if values.get("reprint"):
            lines.append(
                self.tr("A reprint (补打); reason: {reason}").format(
                    reason=values.get("reason") or ""
                )
            )
        if check.match is Match.CURRENT:
            lines.append(
                self.tr("The paper shows revision {rev}, the entry as it stands now.").format(
                    rev=check.printed_revision
                )
            )
        elif check.match is Match.OLDER:
            lines.append(
                self.tr(
                    "The paper shows revision {rev}; the entry is now at revision {now}: "
                    "the paper is out of date."
                ).format(rev=check.printed_revision, now=check.current_revision)
            )
        else:
            lines.append(
                self.tr("A list is checked against the print register only, not row by row.")
            )
        return "\n".join(lines)

    def _show(self, verdict: str, detail: str, colours: tuple[str, str, str]) -> None:
        ink, background, border = colours
        self.result_box.setStyleSheet(
            f"QFrame#verifyResult {{ background: {background}; border: 1px solid {border};"
            f" border-left: 6px solid {border}; border-radius: 4px; }}"
            f" QFrame#verifyResult QLabel {{ color: {ink}; background: transparent; }}"
        )
        self.verdict.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.verdict.setText(verdict)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.result_box.show()

    def verify(self) -> None:
        """核验: ask the core, show its answer."""
        typed = code_from_scan(self.code.text())
        if len(code_chars(typed)) != CODE_LENGTH:
            self.check = None
            self._show(
                self.tr("Not a complete code"),
                self.tr(
                    "A verification code has 8 letters and digits, e.g. K7QD-3M9X; the dash "
                    "may be left out."
                ),
                REFUSED,
            )
            return
        regs = self.ctx.registers
        self.setEnabled(False)
        try:
            check = run_job(lambda: verify_code(regs, typed))
        except DeskError as exc:
            self.check = None
            self._show(self.tr("Cannot verify"), exc.message(self.ctx.lang), REFUSED)
            return
        finally:
            self.setEnabled(True)
        self.check = check
        self.code.setText(check.code)
        self._show(
            self.verdict_text(check.match), self.describe(check), RESULT_COLOURS[check.match]
        )
        self.code.selectAll()
        self.code.setFocus()


def open_verify(parent: QWidget | None, ctx: AppContext) -> None:
    """The program's box to verify a code (a menu item or a button opens it)."""
    dialog = VerifyDialog(ctx, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


__all__ = ["VerifyDialog", "clean_code", "open_verify"]

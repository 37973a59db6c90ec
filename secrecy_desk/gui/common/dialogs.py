"""A small base for the administrators' dialogs: a form, a message line for the core's
refusal, OK/Cancel. The operation runs on OK; the dialog stays open with the message when the
core refuses, and closes when it succeeded."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.style import set_role


class OperationDialog(QDialog):
    def __init__(self, title: str, lang: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.extra = QVBoxLayout()
        self.layout_.addLayout(self.extra)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.message, "error")
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.operation: Callable[[], object] | None = None
        self.slow = False

    def set_intro(self, text: str, role: str | None = None) -> None:
        self.intro.setText(text)
        if role:
            set_role(self.intro, role)
        self.intro.show()

    def check(self) -> str | None:
        """A problem found before calling the core (e.g. confirmation differs), or None."""
        return None

    def submit(self) -> None:
        problem = self.check()
        if problem:
            self.message.setText(problem)
            return
        assert self.operation is not None
        operation = self.operation
        self.setEnabled(False)
        try:
            if self.slow:
                run_job(operation)
            else:
                operation()
        except DeskError as exc:
            self.message.setText(exc.message(self.lang))
            return
        finally:
            self.setEnabled(True)
        self.accept()

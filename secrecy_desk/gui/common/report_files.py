"""Report files from the GUI: the one way a tab exports a report to .xlsx or .csv — the file
asked for, written on a worker thread (``modules.reports.export``: marked in its first row and
recorded), an existing file replaced only when the user says so, the outcome said in the
tab's message line. The Statistics, Office and Commitments tabs use it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.media import FileExists
from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.style import set_role


def ask_path(parent: QWidget, name: str) -> Path | None:
    """The file to write, asked with ``name``.xlsx proposed; ``None`` when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReportFiles", "Export to"),
        name + ".xlsx",
        QCoreApplication.translate("ReportFiles", "Spreadsheets (*.xlsx *.csv)"),
    )
    return Path(path) if path else None


def export_file(
    parent: QWidget, lang: str, message: QLabel, write: Callable[[bool], Path]
) -> Path | None:
    """Run ``write(overwrite)`` on a worker thread; an existing file is replaced only when the
    user says so (the file dialog's own question aside, asked again here about the file that
    exists). Returns the file written, or ``None`` (refused or not replaced)."""
    overwrite = False
    while True:
        try:
            final = run_job(partial(write, overwrite))
        except FileExists as exc:
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("ReportFiles", "Export"),
                exc.message(lang)
                + "\n\n"
                + QCoreApplication.translate("ReportFiles", "Replace the existing file?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            overwrite = True
            continue
        except DeskError as exc:
            message.setText(exc.message(lang))
            set_role(message, "error")
            return None
        break
    message.setText(
        QCoreApplication.translate(
            "ReportFiles", "Written to %1 (the marking is in its first row)."
        ).replace("%1", str(final))
    )
    set_role(message, "ok")
    return final

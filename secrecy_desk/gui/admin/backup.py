"""Backup and restore (备份与恢复), the system administrator's tab: a verified backup into a new
folder on a fixed disk, with progress; the reminder of the home tab; and a restore that puts a
backup in the place of the vault (checked first, confirmed with the password, a pre-restore copy
written beside the vault, then back to the login screen). Every rule is the core's
(``vault.backup``); this tab only asks and shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import DeskError
from secrecy_desk.gui.common.changes import Changes
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.dialogs import OperationDialog
from secrecy_desk.gui.common.jobs import ProgressBox, run_job
from secrecy_desk.gui.common.password_dialog import password_field
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules.admin import ID
from secrecy_desk.vault import backup as backups

#: What a backup or a restore announces: the home tab's backup line reads it again.
CHANGES = Changes.of(modules=[ID])


class RestoreDialog(OperationDialog):
    """The last question before a restore: what it does, and the password again."""

    def __init__(self, tab: BackupTab, checked: backups.BackupReport) -> None:
        super().__init__(tab.tr("Restore a backup"), tab.lang, tab.tr("Restore"), tab)
        self.set_intro(
            tab.tr(
                "The backup in {path} ({records} audit records) will take the place of the "
                "vault. Everything saved since that backup was made will be missing from the "
                "vault. Before that, a verified copy of the vault as it stands now is written "
                "beside its folder. Then everybody is logged out and the program returns to "
                "its login screen."
            ).format(path=checked.folder, records=checked.records)
        )
        self.password = password_field()
        self.form.addRow(tab.tr("Your password:"), self.password)

    def submit(self) -> None:
        if not self.password.text():
            self.message.setText(self.tr("Enter your password to restore."))
            return
        self.accept()


class BackupTab(QWidget):
    #: The vault was replaced by a backup: the session has ended, back to the login screen.
    vault_replaced = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.lang = ctx.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(12)

        made = QGroupBox(self.tr("Back up"))
        made_layout = QVBoxLayout(made)
        self.last_label = QLabel()
        self.last_label.setObjectName("lastBackup")
        made_layout.addWidget(self.last_label)
        hint = QLabel(
            self.tr(
                "A backup goes into a new folder on a fixed disk of this computer (never a "
                "removable medium); it is encrypted and verified before it counts as made."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        made_layout.addWidget(hint)
        row = QHBoxLayout()
        self.target = QLineEdit(str(self._suggested()))
        self.target.setObjectName("backupFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_target)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up)
        row.addWidget(QLabel(self.tr("New folder:")))
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        row.addWidget(self.backup_button)
        made_layout.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        made_layout.addWidget(self.result)
        layout.addWidget(made)

        remind = QGroupBox(self.tr("Reminder"))
        remind_form = QFormLayout(remind)
        self.remind_days = QSpinBox()
        self.remind_days.setObjectName("remindDays")
        low, high = backups.REMIND_RANGE
        self.remind_days.setRange(low, high)
        self.remind_days.setSuffix(self.tr(" days"))
        self.remind_days.setValue(self.session.settings.backup_remind_days)
        self.remind_save = QPushButton(self.tr("Save"))
        self.remind_save.setObjectName("saveReminder")
        self.remind_save.clicked.connect(self.save_reminder)
        remind_row = QHBoxLayout()
        remind_row.addWidget(self.remind_days)
        remind_row.addWidget(self.remind_save)
        remind_row.addStretch(1)
        remind_form.addRow(self.tr("Remind me when the last backup is older than:"), remind_row)
        self.remind_message = QLabel()
        remind_form.addRow("", self.remind_message)
        layout.addWidget(remind)

        restore = QGroupBox(self.tr("Restore"))
        restore_layout = QVBoxLayout(restore)
        warn = QLabel(
            self.tr(
                "Restoring puts a backup of this vault in its place. It is checked first; a "
                "verified copy of the vault as it stands is kept beside its folder."
            )
        )
        warn.setWordWrap(True)
        set_role(warn, "hint")
        restore_layout.addWidget(warn)
        source_row = QHBoxLayout()
        self.source = QLineEdit()
        self.source.setObjectName("restoreFolder")
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._choose_source)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreNow")
        self.restore_button.clicked.connect(self.restore)
        source_row.addWidget(QLabel(self.tr("Backup folder:")))
        source_row.addWidget(self.source, 1)
        source_row.addWidget(pick)
        source_row.addWidget(self.restore_button)
        restore_layout.addLayout(source_row)
        layout.addWidget(restore)
        layout.addStretch(1)
        self.show_last()

    # --- what stands -----------------------------------------------------------------------

    def _suggested(self) -> Path:
        folder = self.session.vault.folder.absolute()
        stamp = self.ctx.clock.now().astimezone().strftime("%Y%m%d-%H%M")
        return folder.parent / "backups" / f"backup-{stamp}"

    def show_last(self) -> None:
        last = backups.last_good(self.session.vault.store)
        if last is None:
            self.last_label.setText(self.tr("No backup has been made yet."))
        else:
            self.last_label.setText(
                self.tr("Last good backup: {time}, in {path}").format(
                    time=local_text(last.at), path=last.folder
                )
            )

    def apply_changes(self, changes: Changes) -> None:
        if ID in changes.modules:
            self.show_last()

    def _choose_target(self) -> None:
        start = str(Path(self.target.text()).parent)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Where to put the backup"), start)
        if chosen:
            self.target.setText(str(Path(chosen) / self._suggested().name))

    def _choose_source(self) -> None:
        start = str(self._suggested().parent)
        chosen = QFileDialog.getExistingDirectory(self, self.tr("The backup to restore"), start)
        if chosen:
            self.source.setText(chosen)

    # --- operations ------------------------------------------------------------------------

    def back_up(self) -> None:
        text = self.target.text().strip()
        if not text:
            self.result.setText(self.tr("Enter the new folder for the backup."))
            set_role(self.result, "error")
            return
        target = Path(text)
        box = ProgressBox(self, self.tr("Writing and verifying the backup…"), self.tr("Cancel"))
        try:
            report = run_job(
                lambda progress: backups.backup(self.session, target, progress), progress=box
            )
        except DeskError as exc:
            self.result.setText(exc.message(self.lang))
            set_role(self.result, "error")
            self.ctx.broadcast(CHANGES, self)  # a refusal is recorded in the trail
            return
        self.result.setText(
            self.tr(
                "Backup written to {path} and verified: {records} audit records, {size} bytes, "
                "SHA-256 {digest}."
            ).format(
                path=report.folder,
                records=report.records,
                size=report.size,
                digest=report.sha256[:16],
            )
        )
        set_role(self.result, "ok")
        self.target.setText(str(self._suggested()))
        self.show_last()
        self.ctx.broadcast(CHANGES, self)

    def save_reminder(self) -> None:
        days = self.remind_days.value()
        try:
            backups.set_reminder(self.session, days)
        except DeskError as exc:
            self.remind_message.setText(exc.message(self.lang))
            set_role(self.remind_message, "error")
            return
        self.remind_message.setText(self.tr("Saved."))
        set_role(self.remind_message, "ok")
        self.ctx.broadcast(CHANGES, self)

    def restore(self) -> None:
        text = self.source.text().strip()
        if not text:
            QMessageBox.warning(self, self.tr("Restore"), self.tr("Choose the backup folder."))
            return
        source = Path(text)
        box = ProgressBox(self, self.tr("Checking the backup…"), self.tr("Cancel"))
        try:
            checked = run_job(
                lambda progress: backups.check_backup(self.session, source, progress),
                progress=box,
            )
        except backups.BackupCancelled:
            return  # the administrator cancelled the check: nothing happened
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Restore"), exc.message(self.lang))
            return
        dialog = RestoreDialog(self, checked)
        try:
            if not dialog.exec():
                return
            password = dialog.password.text()
        finally:
            dialog.deleteLater()
        box = ProgressBox(self, self.tr("Copying the vault, then restoring the backup…"), "")
        try:
            done = run_job(
                lambda progress: backups.replace_vault(self.session, source, password, progress),
                progress=box,
            )
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Restore"), exc.message(self.lang))
            if self.session.vault.closed:
                self.vault_replaced.emit()
            return
        QMessageBox.information(
            self,
            self.tr("Restore"),
            self.tr(
                "The backup was restored. The vault as it stood before is kept in {path}. "
                "Log in again."
            ).format(path=done.before.folder),
        )
        self.vault_replaced.emit()

"""An entry's history: every revision with who and when, its field-level differences, and
the reason of a void. Nothing is erased, so this is the whole story of the entry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.clock import local_text
from secrecy_desk.forms import FormSpec
from secrecy_desk.gui.common.screen import fit_size
from secrecy_desk.modules.registers import Revision

BEFORE_COLOR = QColor(0x9E, 0x2A, 0x2A)
AFTER_COLOR = QColor(0x1B, 0x5E, 0x20)


class HistoryDialog(QDialog):
    def __init__(
        self,
        spec: FormSpec,
        number: str,
        revisions: Sequence[Revision],
        lang: str,
        parent: QWidget | None = None,
        person: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.lang = lang
        #: A login as the history shows it: the person's name.
        self.person: Callable[[str], str] = person or str
        self.setWindowTitle(self.tr("History of %1").replace("%1", number))
        fit_size(self, 900, 520)
        heading = QLabel(
            self.tr("%1 · %2 · %3 revisions")
            .replace("%1", spec.title(lang))
            .replace("%2", number)
            .replace("%3", str(len(revisions)))
        )
        heading.setObjectName("historyHeading")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(7)
        self.tree.setHeaderLabels(
            [
                self.tr("Revision"),
                self.tr("When"),
                self.tr("By"),
                self.tr("Change"),
                self.tr("Field"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        for revision in reversed(revisions):  # newest first: what changed last is on top
            self.tree.addTopLevelItem(self._item(revision))
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def change_label(self, change: str) -> str:
        return {
            "create": self.tr("Created"),
            "edit": self.tr("Edited"),
            "status": self.tr("Status changed"),
            "void": self.tr("Voided"),
        }.get(change, change)

    def _status_label(self, code: str) -> str:
        for status in self.spec.statuses:
            if status.code == code:
                return status.label(self.lang)
        return code

    def _item(self, revision: Revision) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                str(revision.revision),
                local_text(revision.at, seconds=True),
                self.person(revision.account),
                self.change_label(revision.change),
                "",
                "",
                "",
            ]
        )
        font = item.font(0)
        font.setBold(True)
        for column in range(4):
            item.setFont(column, font)
        if revision.change == "void":
            reason = QTreeWidgetItem(
                ["", "", "", "", self.tr("Reason for voiding"), "", revision.void_reason or ""]
            )
            item.addChild(reason)
            item.setForeground(3, QBrush(BEFORE_COLOR))
        if revision.change == "status" or (
            revision.change == "create" and len(self.spec.statuses) > 1
        ):
            item.addChild(
                QTreeWidgetItem(
                    ["", "", "", "", self.tr("Status"), "", self._status_label(revision.status)]
                )
            )
        if revision.note:
            item.addChild(QTreeWidgetItem(["", "", "", "", self.tr("Note"), "", revision.note]))
        if revision.change != "create":
            for change in revision.changes:
                field = self.spec.field(change.field)
                child = QTreeWidgetItem(
                    [
                        "",
                        "",
                        "",
                        "",
                        field.label(self.lang),
                        field.display(change.before, self.lang) or self.tr("(empty)"),
                        field.display(change.after, self.lang) or self.tr("(empty)"),
                    ]
                )
                child.setForeground(5, QBrush(BEFORE_COLOR))
                child.setForeground(6, QBrush(AFTER_COLOR))
                item.addChild(child)
        else:
            filled = [c for c in revision.changes if c.after is not None]
            for change in filled:
                field = self.spec.field(change.field)
                child = QTreeWidgetItem(
                    [
                        "",
                        "",
                        "",
                        "",
                        field.label(self.lang),
                        "",
                        field.display(change.after, self.lang),
                    ]
                )
                item.addChild(child)
        for index in range(item.childCount()):
            line = item.child(index)
            assert line is not None
            line.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

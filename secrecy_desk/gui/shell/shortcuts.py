"""Help › Keyboard shortcuts (F1): every key of the window and of a register tab, from the
same tables that make the shortcuts (:data:`secrecy_desk.gui.registers.tab.SHORTCUTS`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.gui.common.screen import fit_size


def _clean(text: str) -> str:
    """A menu text without its mnemonic and ellipsis: ``&Lock`` → ``Lock``, ``锁定(&L)`` →
    ``锁定``."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        window_keys: Sequence[tuple[str, str]],
        registers: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str, str]] = [
            (self.tr("Everywhere"), keys, _clean(text)) for keys, text in window_keys
        ]
        if registers:
            from secrecy_desk.gui.registers.tab import shortcut_list  # noqa: PLC0415

            rows += [(self.tr("Register tab"), keys, text) for keys, text in shortcut_list()]
            rows += [
                (self.tr("Editor"), "Enter", self.tr("Next field (Shift+Enter: new line)")),
                (self.tr("Editor"), "Tab, Shift+Tab", self.tr("Next or previous field")),
            ]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("Does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr("A key of an action your account may not use says why instead of acting.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_size(self, 720, 600)
        self.table.setFocus()

    def keys(self) -> list[str]:
        """Every (keys, does) line shown, for tests."""
        lines = []
        for r in range(self.table.rowCount()):
            keys, does = self.table.item(r, 1), self.table.item(r, 2)
            lines.append(f"{keys.text() if keys else ''} {does.text() if does else ''}")
        return lines

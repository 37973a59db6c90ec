"""PySide6 6.12.0 takes a reference of None away each time it hands Python an empty QVariant;
the program must outlive any number of such calls (``secrecy_desk.gui._pin_none``)."""

from __future__ import annotations

import os
import subprocess
import sys

#: Empty QVariants handed to Python, far more than None's references at start (~20,000).
CALLS = 300_000

_SCRIPT = f"""
import gc
import secrecy_desk.gui  # what the program imports first
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])
box = QComboBox()
box.addItem("秘密")  # no data: currentData() is an empty QVariant
model = QStandardItemModel()
model.appendRow(QStandardItem("总装图"))
index = model.index(0, 0)
for _ in range({CALLS} // 2):
    box.currentData()
    index.data(Qt.ItemDataRole.ToolTipRole)
del box, model, index, app
gc.collect()
print("still here")
"""


def test_the_program_outlives_empty_qvariants_handed_to_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "still here"
    assert "none_dealloc" not in done.stderr

"""Screenshots of the register tab for ``docs/screenshots/`` (run in a real window under Xvfb):

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_register.py

Makes a throwaway vault with a few dozen realistic drawing issues (entered through the
register engine, as a clerk would), opens the drawings tab as the secrecy officer, and saves
``register-drawings.png``, ``register-editor-errors.png``, ``register-history.png``,
``register-filters.png`` (quick filter, a field filter and a date range, the editor hidden),
and ``register-paste.png`` (rows pasted from a spreadsheet, one refused), at 1280×800, the
smallest screen the program is laid out for.
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from secrecy_desk.gui.common import fonts, style  # noqa: E402
from secrecy_desk.gui.common.context import AppContext  # noqa: E402
from secrecy_desk.gui.common.i18n import install_translators  # noqa: E402
from secrecy_desk.gui.registers.tab import RegisterTab  # noqa: E402
from secrecy_desk.modules.registers import Registers  # noqa: E402
from secrecy_desk.modules.registry import open_registers  # noqa: E402
from tests.support.data import drawing_values  # noqa: E402
from tests.support.vault import OFFICER, make_vault  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def fill(registers: Registers) -> None:
    rng = random.Random(2026)  # noqa: S311 - sample data, not secrets
    today = registers.session.clock.today()
    for index in range(36):
        raw = drawing_values(rng, index, today)
        raw["drawing_no"] = f"DZ{310 + index % 7}-{1200 + index:04d}"
        if raw["level"] == "绝密":  # above this workstation's rating (机密)
            raw["level"] = "机密"
        if index == 3:  # a secret drawing whose recall is overdue
            raw.update(
                level="机密",
                must_recall="是",
                recalled="否",
                due_on=(today - timedelta(days=12)).isoformat(),
                issued_on=(today - timedelta(days=80)).isoformat(),
            )
            raw.pop("recalled_on", None)
        registers.add("drawings", raw, confirm=True)
    first = registers.get("drawings", "TZFS-2026-0002", record_view=False)
    registers.void(
        "drawings", first.number, "重复登记，以 TZFS-2026-0005 为准", expected_revision=1
    )


def main() -> int:
    app = QApplication(sys.argv)
    fonts.install(app)
    style.apply(app)
    install_translators(app, "zh_CN")
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="register-shots-"))
    rv = make_vault(tmp / "vault")
    session = rv.login(OFFICER)
    registers = open_registers(session, rv.forms)
    fill(registers)
    ctx = AppContext(session, rv.forms, registers, "zh_CN")

    window = QMainWindow()
    window.setWindowTitle("图纸发放回收登记")
    tab = RegisterTab(ctx, rv.forms["drawings"])
    window.setCentralWidget(tab)
    window.resize(1280, 800)
    window.show()
    settle(app)
    tab.splitter.setSizes([780, 500])
    tab.voided_toggle.setChecked(True)
    settle(app)
    row = next(
        r
        for r in range(tab.model.rowCount())
        if any(f.kind == "overdue" for f in tab.model.entry(r).flags)
    )
    tab.table.selectRow(row)
    settle(app)
    window.grab().save(str(OUT / "register-drawings.png"))

    # A new entry saved too early: every problem at its field.
    tab.new_entry()
    tab.editor.inputs["drawing_no"].set_text("DZ318-1300")
    tab.editor.inputs["copies"].set_text("三份")
    tab.editor.inputs["level"].set_text("机密")
    tab.editor.inputs["issued_on"].set_text("2026.13.02")
    tab.save()
    tab.editor.scroll_area.verticalScrollBar().setValue(0)
    settle(app)
    window.grab().save(str(OUT / "register-editor-errors.png"))
    tab.editor.clear()

    # An edited entry's history.
    number = tab.model.entry(0).number
    tab.open_entry(number)
    tab.editor.inputs["receiver"].set_text("王建国")
    tab.editor.inputs["remarks"].set_text("原接收人调离，改由王建国接收")
    tab.save()
    tab.show_history()
    dialog = tab.history_dialog
    dialog.resize(1000, 560)
    settle(app)
    dialog.grab().save(str(OUT / "register-history.png"))
    dialog.close()

    # Several filters at once, the editor hidden: the list has the width.
    tab.open_entry(tab.model.entry(0).number)
    tab.set_editor_visible(False)
    tab.set_quick("not_recalled", True)
    tab.set_filter("level", "SECRET")
    tab.set_range("issued_on", "2024", "2026-06")
    settle(app)
    window.grab().save(str(OUT / "register-filters.png"))
    tab.clear_filter()
    tab.set_editor_visible(True)

    # Rows pasted from a spreadsheet: previewed, one refused, nothing added.
    from secrecy_desk.gui.registers.paste import PasteDialog  # noqa: PLC0415

    sheet = (
        "图号\t图名\t份数\t密级\t接收者\t日期\r\n"
        "DZ320-1401\t总装图（第2版）\t2\t一般\t陈明\t2026-02-20\r\n"
        "DZ320-1402\t电气原理图\t三\t一般\t罗兰\t2026-02-20\r\n"
        "DZ320-1403\t部件图\t1\t机密\t张伟\t2026-02-21\r\n"
    )
    paste = PasteDialog(ctx, rv.forms["drawings"], sheet, window)
    paste.show()
    settle(app)
    paste.save()
    settle(app)
    paste.grab().save(str(OUT / "register-paste.png"))
    paste.reject()

    window.close()
    session.logout()
    print("saved", *(p.name for p in sorted(OUT.glob("register-*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

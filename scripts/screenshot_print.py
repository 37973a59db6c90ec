"""Screenshots of the print preview and the verify box, from a real window over a demo vault.

Run under a display (Xvfb on a server)::

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python -m scripts.screenshot_print

It writes ``docs/screenshots/print-preview.png`` and ``docs/screenshots/verify-code.png``. The
vault lives in a temporary folder that is removed afterwards; the PDF bytes never touch the
disk (the point of the preview).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.demo.vault import ADMINS, USERS, create_demo
from secrecy_desk.forms import load_all
from secrecy_desk.gui.common import fonts, style
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.i18n import install_translators
from secrecy_desk.gui.common.print_dialog import PrintDialog, make_draft
from secrecy_desk.gui.common.verify_dialog import VerifyDialog
from secrecy_desk.modules.registers import printouts
from secrecy_desk.modules.registers import printouts as P
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.printing import PrintJob
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.crypto import MIN_PARAMS

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
DRAWING = {
    "drawing_no": "XX-2026-031",
    "drawing_name": "某型设备总装图",
    "level": "机密",
    "receiver": "王五",
    "must_recall": "是",
    "due_on": "2026-04-01",
    "issued_on": "2026-03-01",
}


def settle(ms: int = 400) -> None:
    """Let the window lay itself out and paint (the PDF view renders pages asynchronously)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    widget.raise_()
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=SHOTS, help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    fonts.install(app)
    style.apply(app)
    install_translators(app, "zh_CN")

    clock = FixedClock(datetime(2026, 3, 2, 1, 30, tzinfo=UTC))
    officer = next(u for u in USERS if u.login == "liming")
    with tempfile.TemporaryDirectory(prefix="secrecy-desk-shot-") as tmp:
        folder = Path(tmp) / "vault"
        create_demo(folder, clock=clock, params=MIN_PARAMS)
        # The picture shows the officer at work, past the first login's password change.
        sysadm = next(a for a in ADMINS if a.login == "sysadm")
        admin = sessions.login(folder, sysadm.login, sysadm.password, clock=clock)
        try:
            with admin.operation() as store:
                store.execute("UPDATE accounts SET must_change = 0")
        finally:
            admin.logout()
        session = sessions.login(folder, officer.login, officer.password, clock=clock)
        try:
            forms = load_all()
            ctx = AppContext(session, forms, open_registers(session, forms), "zh_CN")
            number = ctx.registers.add("drawings", DRAWING).entry.number

            def job(number: str = number) -> PrintJob:
                return printouts.entry_job(ctx.registers, "drawings", number, ctx.lang)

            dialog = PrintDialog(ctx, job, make_draft(ctx, job))
            dialog.resize(1180, 860)
            dialog.copies.setValue(2)
            dialog.zoom.setCurrentIndex(1)  # the whole page: the frame's header and footer
            shoot(dialog, args.out / "print-preview.png")
            dialog.reject()

            printed = P.print_entry(ctx.registers, "drawings", number, copies=2, printer="保密室")
            verify = VerifyDialog(ctx)
            verify.code.setText(printed.code.replace("-", "").lower())
            verify.verify()
            verify.setMinimumWidth(640)
            verify.adjustSize()
            shoot(verify, args.out / "verify-code.png")
            verify.reject()
        finally:
            session.logout()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Desktop start-up benchmark.

    python -m tests.bench.bench_gui_start

1. **Cold start to the login window** (target < 1.5 s): ``secrecy-desk --vault DIR`` in a new
   process, timed from just before the process is started to the moment its login window has
   been shown and painted (the program writes that moment to the file named by
   ``SECRECY_DESK_STARTUP_PROBE`` and quits). Baseline in the same run: a bare PySide6 program
   that shows one empty window the same way — the cost of Python plus Qt alone.
2. **Login to the main window**, for a clerk (one tab per register, flag counts) and for the
   auditor (audit trail): the Argon2 unlock and the rest (forms, registers, window shown) are
   reported apart. Baseline: the unlock itself, at the parameters this machine calibrates to.

Runs offscreen unless a display is set. Medians of several runs; the figures are printed,
never asserted (targets are shown beside them)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5
COLD_TARGET = 1.5

BARE_QT = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget()
w.resize(520, 400)
w.show()
def probe():
    app.processEvents()
    open(os.environ["SECRECY_DESK_STARTUP_PROBE"], "w").write(repr(time.time()))
    app.quit()
QTimer.singleShot(0, probe)
app.exec()
"""


def spawn(argv: list[str], probe: Path) -> float:
    env = dict(os.environ, SECRECY_DESK_STARTUP_PROBE=str(probe))
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(argv, env=env, cwd=ROOT, check=True, timeout=120, capture_output=True)
    return float(probe.read_text()) - start


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def cold_start(vault: Path, tmp: Path) -> tuple[float, float]:
    probe = tmp / "probe"
    app_cmd = [sys.executable, "-m", "secrecy_desk.app", "--vault", str(vault), "--lang", "zh_CN"]
    bare_cmd = [sys.executable, "-c", BARE_QT]
    spawn(app_cmd, probe)  # warm the disk cache and build the .qm files once
    spawn(bare_cmd, probe)
    app = median([spawn(app_cmd, probe) for _ in range(RUNS)])
    bare = median([spawn(bare_cmd, probe) for _ in range(RUNS)])
    return app, bare


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def login_to_main(vault: Path) -> list[tuple[str, float, float, float]]:
    from PySide6.QtWidgets import QApplication

    from secrecy_desk.demo.vault import ADMINS, USERS
    from secrecy_desk.forms import load_all
    from secrecy_desk.gui.common import fonts, style
    from secrecy_desk.gui.common.context import AppContext
    from secrecy_desk.gui.common.i18n import install_translators
    from secrecy_desk.gui.shell.main_window import MainWindow
    from secrecy_desk.modules.registry import open_registers
    from secrecy_desk.vault import session as sessions

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    fonts.install(app)
    style.apply(app)
    install_translators(app, "zh_CN")
    passwords = {a.login: a.password for a in (*ADMINS, *USERS)}
    out: list[tuple[str, float, float, float]] = []
    for login in ("wangfang", "auditor"):
        unlock: list[float] = []
        shown: list[float] = []
        counted: list[float] = []
        for _ in range(RUNS):
            start = time.perf_counter()
            session = sessions.login(vault, login, passwords[login])
            unlock.append(time.perf_counter() - start)
            windows: list[MainWindow] = []

            def build(
                session: sessions.Session = session, windows: list[MainWindow] = windows
            ) -> None:
                forms = load_all()
                ctx = AppContext(session, forms, open_registers(session, forms), "zh_CN")
                window = MainWindow(ctx, watch_os_lock=False)
                window.show()
                app.processEvents()
                windows.append(window)

            start = time.perf_counter()
            build()
            shown.append(time.perf_counter() - start)
            window = windows[0]
            while window.home.counting():
                app.processEvents()
            counted.append(time.perf_counter() - start)
            window._end(back_to_login=False)
            window.deleteLater()
            app.processEvents()
        out.append((login, median(unlock), median(shown), median(counted)))
    return out


def main() -> None:
    from secrecy_desk.demo.vault import create_demo
    from secrecy_desk.vault import crypto
    from secrecy_desk.vault import vault as vault_mod

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        vault = tmp / "demo"
        print("Building the demo vault (calibrated Argon2, as on a workstation)…", flush=True)
        create_demo(vault)
        params = vault_mod.default_params()
        argon = median(
            [timed(lambda: crypto.argon2id(b"pw", b"\0" * 16, params)) for _ in range(3)]
        )

        app, bare = cold_start(vault, tmp)
        print()
        target = f"(target < {COLD_TARGET * 1000:.0f} ms)"
        print(f"Cold start to the login window: {app * 1000:7.0f} ms   {target}")
        print(f"  baseline, bare PySide6 window:  {bare * 1000:7.0f} ms   ratio {app / bare:.2f}×")
        print()
        print(
            f"Argon2id unlock at this machine's calibration ({params.time_cost} passes, "
            f"{params.memory_kib // 1024} MiB): {argon * 1000:.0f} ms"
        )
        for login, unlock, shown, counted in login_to_main(vault):
            print(f"Login as {login}:")
            print(f"  unlock (Argon2 + open + audit):          {unlock * 1000:7.0f} ms")
            print(
                f"  then main window shown (excl. Argon2):   {shown * 1000:7.0f} ms   "
                f"ratio to the unlock {shown / unlock:.2f}×"
            )
            print(f"  home flag counts complete:               {counted * 1000:7.0f} ms")


if __name__ == "__main__":
    main()

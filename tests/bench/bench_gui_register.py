"""Register tab benchmark: a drawings register of 1,000,000 entries, offscreen.

    .venv/bin/python -m tests.bench.bench_gui_register                # build once, then reuse
    .venv/bin/python -m tests.bench.bench_gui_register --rebuild      # build the vault again
    .venv/bin/python -m tests.bench.bench_gui_register --entries 100000

Times opening the tab (target < 300 ms), a filter and a search (targets < 200 ms), sorting by
a column and scrolling one page further; then, for searches with many hits, how long the
window's thread stalls while the count is made (a 5 ms heartbeat timer on the GUI thread:
when the first page is on the screen, then the longest gap between its ticks until the count
is shown: with the count made aside, what the window still does meanwhile; made on the
window's thread, the whole count). ``--stall-only``
measures only that. Each figure is set against a baseline measured in the
same run: the engine calls the tab makes for it (``Registers.count`` + ``Registers.page``),
so the ratio shows what the GUI adds on top of the vault. Cold is the first run after opening
the vault (SQLCipher decrypts pages into its cache); warm is the median of the next runs.

The vault (about 1.3 GB) is built with ``tests.support.data.bulk_drawings`` and kept under
``--vault`` (default: a folder in the system temp directory) so later runs skip the build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.forms import SortKey, load_all
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import session as sessions
from tests.support.data import bulk_drawings
from tests.support.vault import OFFICER, PASSWORDS, T0, make_vault

REGISTER = "drawings"
RUNS = 5


def build(folder: Path, entries: int) -> float:
    """Make the vault with ``entries`` drawings; returns the seconds it took."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    rv = make_vault(folder / "vault")
    session = rv.login(OFFICER)
    try:
        registers = rv.registers(session)

        def said(done: int) -> None:
            print(f"  {done:>9,} entries  {time.perf_counter() - start:6.0f} s", flush=True)

        bulk_drawings(registers, entries, progress=said)
    finally:
        session.logout()
    (folder / "entries.txt").write_text(str(entries), encoding="ascii")
    return time.perf_counter() - start


def timed(work: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    if before is not None:
        before()  # setting the scene is not part of the figure
        QApplication.processEvents()
    start = time.perf_counter()
    work()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


def series(
    work: Callable[[], object], runs: int = RUNS, before: Callable[[], object] | None = None
) -> tuple[float, float]:
    """(cold, warm median) in milliseconds."""
    times = [timed(work, before) for _ in range(runs)]
    return times[0], statistics.median(times[1:]) if len(times) > 1 else times[0]


def row(
    label: str, gui: tuple[float, float], base: tuple[float, float], target: float | None
) -> str:
    ratio = gui[1] / base[1] if base[1] else float("nan")
    mark = ""
    if target is not None:
        mark = "ok" if gui[1] < target else f"over {target:.0f} ms"
    return (
        f"{label:<34} {gui[0]:8.1f} {gui[1]:8.1f}   {base[0]:8.1f} {base[1]:8.1f}   "
        f"{ratio:5.2f}x  {mark}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument(
        "--vault",
        type=Path,
        default=Path(tempfile.gettempdir()) / "secrecy-desk-bench-gui-register",
        help="where the benchmark vault is kept between runs",
    )
    parser.add_argument("--rebuild", action="store_true", help="build the vault again")
    parser.add_argument(
        "--stall-only", action="store_true", help="measure only the GUI stall of search counts"
    )
    args = parser.parse_args(argv)
    folder: Path = args.vault / str(args.entries)
    marker = folder / "entries.txt"
    if args.rebuild or not marker.exists():
        print(f"Building a vault with {args.entries:,} drawing issues in {folder} …")
        seconds = build(folder, args.entries)
        print(f"built in {seconds:.0f} s")
    else:
        print(f"Reusing the vault in {folder} (--rebuild to make it again)")

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    clock = FixedClock(T0 + timedelta(hours=1))
    forms = load_all()
    start = time.perf_counter()
    session = sessions.login(folder / "vault", OFFICER, PASSWORDS[OFFICER], clock=clock)
    registers = open_registers(session, forms)
    print(f"login and register setup: {(time.perf_counter() - start) * 1000:.0f} ms")
    ctx = AppContext(session, forms, registers, "zh_CN")
    spec = forms[REGISTER]
    total = registers.count(REGISTER, Query())
    print(f"entries visible to {OFFICER} (机密 clearance): {total:,}\n")

    tabs: list[RegisterTab] = []

    def open_tab() -> None:
        tab = RegisterTab(ctx, spec)
        tab.resize(1400, 860)
        tab.show()
        tabs.append(tab)

    def engine(query: Query) -> Callable[[], object]:
        """The baseline: exactly the two engine calls the tab makes for ``query``."""

        def work() -> object:
            return registers.count(REGISTER, query), registers.page(REGISTER, _paged(query))

        return work

    if args.stall_only:
        open_tab()
        QApplication.processEvents()
        stalls(tabs[-1], registers)
        tabs[-1].close()
        session.logout()
        return 0

    print(f"{'(ms)':<34} {'tab cold':>8} {'warm':>8}   {'engine':>8} {'warm':>8}   ratio")
    base_open = series(engine(Query()))
    gui_open = series(open_tab)
    print(row("open the tab", gui_open, base_open, 300))
    tab = tabs[-1]
    for other in tabs[:-1]:
        other.close()
        other.deleteLater()
    QApplication.processEvents()
    assert tab.model.rowCount() == 200, tab.model.rowCount()

    sample = tab.model.entry(7)
    receiver = str(sample.values["receiver"])
    drawing_no = str(sample.values["drawing_no"])

    def filter_on(name: str, text: str) -> Callable[[], object]:
        def work() -> object:
            tab.set_filter(name, text)
            assert tab.model.query.where == {name: text}, tab.filter_message.text()
            return None

        return work

    cases: list[tuple[str, Callable[[], object], Query, float | None]] = [
        (
            f"filter 接收者 = {receiver}",
            filter_on("receiver", receiver),
            Query(where={"receiver": receiver}),
            200,
        ),
        (
            "filter 密级 = 机密 (≈40 %)",
            filter_on("level", "SECRET"),
            Query(where={"level": "SECRET"}),
            200,
        ),
        ("filter 是否回收 = 是", filter_on("recalled", "是"), Query(where={"recalled": "是"}), 200),
    ]
    for label, work, query, target in cases:
        base = series(engine(query))
        gui = series(work, before=tab.clear_filter)
        print(row(label, gui, base, target))
    tab.clear_filter()

    def clear_search() -> None:
        tab.search_box.setText("")
        tab.apply_search()

    def search_for(text: str) -> Callable[[], object]:
        def work() -> object:
            tab.search_box.setText(text)
            tab.apply_search()  # what the debounce timer calls 250 ms after the last key
            assert tab.model.query.search == text
            return None

        return work

    for text, note in (
        (drawing_no, "a drawing number"),
        ("第3版", "a word in 1 of 8 titles"),
        (receiver, "a name on 1 in 20 entries"),
    ):
        n = registers.count(REGISTER, Query(search=text))
        gui = series(search_for(text), runs=3, before=clear_search)
        base = series(engine(Query(search=text)), runs=3)
        print(row(f"search {text} ({n:,} hits)", gui, base, 200) + f"   {note}")
    tab.search_box.setText("")
    tab.apply_search()

    column = tab.model.columns.index("issued_on")
    gui = series(lambda: tab.model.sort(column, _flip(tab)), runs=3)
    base = series(engine(Query(sort=(SortKey("issued_on"),))), runs=3)
    print(row("sort by 日期 (header click)", gui, base, None))

    def scroll() -> None:
        tab.table.scrollToBottom()
        QApplication.processEvents()

    base = series(lambda: registers.page(REGISTER, Query(offset=tab.model.rowCount(), limit=200)))
    gui = series(scroll)
    print(row("scroll: fetch one more page", gui, base, None))
    print(
        f"\nrows held by the model after scrolling: {tab.model.rowCount():,} of {tab.model.total:,}"
    )
    print()
    stalls(tab, registers)
    tab.close()
    session.logout()
    return 0


def count_stall(tab: RegisterTab, text: str) -> tuple[float, float, float]:
    """One search for ``text`` in a shown tab, watched by a 5 ms heartbeat timer on the GUI
    thread: (when the first page was on the screen — the first tick after the search, i.e.
    the page read and its paint; the longest gap between two ticks from then until the count
    was shown — the stall the count causes; when the count was shown), in ms from the search."""
    settle(tab, "")
    counts: list[int] = []
    loop = QEventLoop()

    def counted(total: int) -> None:
        counts.append(total)
        loop.quit()

    tab.model.countChanged.connect(counted)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    QApplication.processEvents()
    start = time.perf_counter()
    tab.search_box.setText(text)
    tab.apply_search()
    if not counts:
        loop.exec()
    arrived = time.perf_counter()
    heartbeat.stop()
    tab.model.countChanged.disconnect(counted)
    after = [t for t in ticks if t > start]
    if not after:  # not one tick before the count: the whole search was one stall
        return (arrived - start) * 1000, (arrived - start) * 1000, (arrived - start) * 1000
    marks = [*after, arrived]
    stall = max(b - a for a, b in pairwise(marks)) if len(marks) > 1 else 0.0
    return (after[0] - start) * 1000, stall * 1000, (arrived - start) * 1000


def settle(tab: RegisterTab, text: str) -> None:
    """Search for ``text`` and wait until its count is shown (nothing left running)."""
    expected = tab.registers.count(REGISTER, Query(search=text))
    tab.search_box.setText(text)
    tab.apply_search()
    deadline = time.perf_counter() + 60
    while tab.model.total != expected and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    QApplication.processEvents()


def idle_stall(ms: int = 600) -> float:
    """The baseline: the longest gap of the same heartbeat over ``ms`` with nothing to do
    (what the machine's load alone costs the window's thread), in ms."""
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    heartbeat.start()
    loop.exec()
    heartbeat.stop()
    return max((b - a for a, b in pairwise(ticks)), default=0.0) * 1000


def stalls(tab: RegisterTab, registers: Registers, runs: int = 3) -> None:
    """The GUI stall while many-hit search counts are made, min/median of ``runs``; the
    idle heartbeat's longest gap beside it (the load of the machine)."""
    idle = sorted(idle_stall() for _ in range(runs))
    print(
        f"idle heartbeat, longest gap: min {idle[0]:.1f} ms, "
        f"median {statistics.median(idle):.1f} ms"
    )
    print(
        f"{'search, then its count (ms)':<34} {'page on screen':>14} "
        f"{'stall min':>10} {'median':>8} {'count shown':>12}"
    )
    for text in ("第3版", "图"):
        hits = registers.count(REGISTER, Query(search=text))
        got = [count_stall(tab, text) for _ in range(runs)]
        stall = sorted(g[1] for g in got)
        print(
            f"{'search ' + text + f' ({hits:,} hits)':<34} "
            f"{statistics.median(g[0] for g in got):14.1f} {stall[0]:10.1f} "
            f"{statistics.median(stall):8.1f} {statistics.median(g[2] for g in got):12.1f}"
        )
    settle(tab, "")


def _paged(query: Query) -> Query:
    return Query(
        where=query.where,
        search=query.search,
        sort=query.sort,
        include_voided=query.include_voided,
        offset=0,
        limit=200,
    )


def _flip(tab: RegisterTab) -> Qt.SortOrder:
    sort = tab.model.query.sort
    if sort and not sort[0].descending:
        return Qt.SortOrder.DescendingOrder
    return Qt.SortOrder.AscendingOrder


if __name__ == "__main__":
    raise SystemExit(main())

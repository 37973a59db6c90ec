"""Scale benchmark on the cached vault of 2,000,000 entries and 5,000,000 audit records
(:mod:`tests.bench.scale_vault`; built on first use, ~20-30 min, then reused).

    .venv/bin/python -m tests.bench.bench_scale                 # everything
    .venv/bin/python -m tests.bench.bench_scale --only pages,counts
    .venv/bin/python -m tests.bench.bench_scale --entries 200000 --audit 500000   # smaller vault
    .venv/bin/python -m tests.bench.bench_scale --vault /tmp/copy-of-a-test-vault  # verify, backup

Each group runs in a process of its own and reports min / median of ``--runs`` runs (≥ 3):

* ``pages``  — the register engine's page of 200 at positions through the list, by keyset
  (``after``) against the same page by ``OFFSET`` (the ratio), and the last page (jump to the
  end). Targets: any page < 30 ms, the end < 100 ms.
* ``counts`` — counts with filters and searches, search pages, with 100k+ hits. Targets: count
  < 100 ms, search page and search count < 150 ms.
* ``gui``    — the table model in a QTableView (offscreen): first page, jump to the end, then
  the whole list scrolled page by page; the process's peak memory after it (< 300 MB).
* ``login``  — a session unlocked to the main window shown and to the home tab's work list
  counted (off the GUI thread), clerk and officer; the unlock is the baseline. Target < 1 s.
* ``quick``  — ``verify --quick`` part by part: every page's HMAC and ``quick_check``, the
  audit chain from the last good seal (target < 30 s at 2M / 5M); peak memory.
* ``verify`` — the full check: every page's HMAC and ``integrity_check``, the whole audit chain
  (records/s, target ≥ 200,000/s); peak memory.
* ``backup`` — a backup (copy, hash, self-check) against a plain copy of the file made durable
  (``cp`` + fsync) in the same process (≤ 5×); peak memory (< 200 MB).
* ``import`` — a clerk's .csv of 100,000 drawing issues imported into the 2M register (a copy
  of the cache each run), every rule checked, all or nothing; the same sheet into a fresh
  vault alternated with it (the ratio: linear in size). Target: 100k rows in < 30 s.

With ``--vault FOLDER`` (a copy of the standard test vault of ``tests/support/vault.py``, e.g.
of ``bench_reports``' 1M-drawing vault; never the cache, whose owner benchmarks it) only
``quick``, ``verify`` and ``backup`` run, on that folder. The load average is printed with
each group: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secrecy_desk.forms import load_all
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from tests.bench import scale_vault as sv
from tests.bench.bench_registers import REGISTER
from tests.support.vault import CLERK, OFFICER

PAGE = 200
CPUS = os.cpu_count() or 1


def _times(action: Callable[..., object], runs: int) -> tuple[float, float]:
    """(min, median) of ``runs`` runs in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def _min_median(values: list[float]) -> tuple[float, float]:
    return min(values), statistics.median(values)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _registers(folder: Path) -> tuple[Any, Registers]:
    s = sv.login(folder)
    return s, open_registers(s, load_all())


def group_pages(folder: Path, runs: int) -> dict[str, Any]:
    s, regs = _registers(folder)
    try:
        total = regs.count(REGISTER, Query())
        out: dict[str, Any] = {"total": total, "positions": {}}
        for share in (0.0, 0.25, 0.5, 0.75, 0.9999):
            pos = int((total - PAGE) * share)
            before = regs.page(REGISTER, Query(offset=max(pos - 1, 0), limit=1))
            after = before[0].id if pos else None
            by_key = Query(after=after, limit=PAGE)
            by_offset = Query(offset=pos, limit=PAGE)
            keyset = _times(lambda q=by_key: regs.page(REGISTER, q), runs)
            offset = _times(lambda q=by_offset: regs.page(REGISTER, q), runs)
            out["positions"][f"{pos:,}"] = {"keyset": keyset, "offset": offset}
        out["end"] = _times(lambda: regs.page(REGISTER, Query(backward=True, limit=PAGE)), runs)
        return out
    finally:
        s.logout()


#: (label, query) of the counts and searches measured.
COUNTS: tuple[tuple[str, Query], ...] = (
    ("count all", Query()),
    ("count level=机密", Query(where={"level": "机密"})),
    ("count recalled=否", Query(where={"recalled": "否"})),
    ("count receiver=王伟", Query(where={"receiver": "王伟"})),
    ("count copies=3", Query(where={"copies": "3"})),
    ("search count 保密", Query(search="保密")),
    ("search count 总装图", Query(search="总装图")),
    ("search count 图 (1 char)", Query(search="图")),
    ("search count 总装图+机密", Query(search="总装图", where={"level": "机密"})),
    ("search count 图+一般", Query(search="图", where={"level": "一般"})),
)
#: The same searches for the clerk (cleared 秘密), who does not see the 机密 half: no shortcut
#: by the few entries outside, so the count is the search index's by the scope tokens.
CLERK_COUNTS: tuple[tuple[str, Query], ...] = (
    ("clerk search count 保密", Query(search="保密")),
    ("clerk search count 总装图", Query(search="总装图")),
    ("clerk search count 图 (1 char)", Query(search="图")),
    ("clerk search count 总装图+一般", Query(search="总装图", where={"level": "一般"})),
    ("clerk search page 总装图", Query(search="总装图", limit=PAGE)),
)
SEARCH_PAGES: tuple[tuple[str, Query], ...] = (
    ("search page 保密", Query(search="保密", limit=PAGE)),
    ("search page 总装图", Query(search="总装图", limit=PAGE)),
    ("search page 借阅 (1 in 8)", Query(search="借阅", limit=PAGE)),
    ("search page 原理图 (1 in 5)", Query(search="原理图", limit=PAGE)),
    ("search page 图 (1 char)", Query(search="图", limit=PAGE)),
    ("search page 总装图+机密", Query(search="总装图", where={"level": "机密"}, limit=PAGE)),
)


def _baselines(regs: Registers) -> list[tuple[str, str, list[object]]]:
    """What the counts are measured against in the same process: SQLite counting the same
    number of index entries with nothing to check (a bare ``count(*)`` of the register's
    rows of ``entries_list``), and the search index counting a search's matches alone (of
    every register and level: no clearance, no register)."""
    from secrecy_desk.records import search

    out: list[tuple[str, str, list[object]]] = [
        (
            "baseline count(*) entries_list",
            "SELECT count(*) FROM entries INDEXED BY entries_list "
            f"WHERE register = '{REGISTER}' AND voided = 0",
            [],
        )
    ]
    for word in ("保密", "总装图", "图"):
        out.append(
            (
                f"baseline FTS alone {word}",
                "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?",
                [search.match_expression(word)],
            )
        )
    return out


def group_counts(folder: Path, runs: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    s = sv.login(folder, CLERK)
    try:
        regs = open_registers(s, load_all())
        for label, query in CLERK_COUNTS:
            if " page " in label:
                out[label] = {"ms": _times(lambda q=query: regs.page(REGISTER, q), runs)}
                continue
            out[label] = {
                "ms": _times(lambda q=query: regs.count(REGISTER, q), runs),
                "hits": regs.count(REGISTER, query),
            }
    finally:
        s.logout()
    s, regs = _registers(folder)
    try:
        for label, query in COUNTS:
            out[label] = {
                "ms": _times(lambda q=query: regs.count(REGISTER, q), runs),
                "hits": regs.count(REGISTER, query),
            }
        for label, query in SEARCH_PAGES:
            out[label] = {"ms": _times(lambda q=query: regs.page(REGISTER, q), runs)}
        for label, sql, params in _baselines(regs):
            out[label] = {
                "ms": _times(lambda q=sql, p=params: regs.store.scalar(q, p), runs),
                "hits": int(regs.store.scalar(sql, params)),
            }
        return out
    finally:
        s.logout()


def group_gui(folder: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QTableView

    from secrecy_desk.gui.common.aside import Asides
    from secrecy_desk.gui.registers.model import EntryTableModel

    app = QApplication.instance() or QApplication([])
    asides = Asides()
    s, regs = _registers(folder)
    try:
        spec = regs.spec(REGISTER)
        start_rss = _peak_mb()
        firsts: list[float] = []
        ends: list[float] = []
        model = EntryTableModel(regs, spec, "zh_CN")
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 800)
        view.show()
        model.asides = asides  # the count made aside, as in the tab
        for _ in range(runs):
            t = time.perf_counter()
            model.reload()
            app.processEvents()  # the first page painted; the count runs aside meanwhile
            firsts.append((time.perf_counter() - t) * 1000)
            while model.counting:  # the jump to the end needs the count
                app.processEvents()
                time.sleep(0.001)
            t = time.perf_counter()
            view.scrollToBottom()
            app.processEvents()
            ends.append((time.perf_counter() - t) * 1000)
            view.scrollToTop()
            app.processEvents()
        total = model.rowCount()
        t = time.perf_counter()
        bar = view.verticalScrollBar()
        steps = 0
        for row in range(0, total, PAGE):
            view.scrollTo(model.index(row, 0))
            app.processEvents()
            steps += 1
        scrolled = time.perf_counter() - t
        return {
            "total": total,
            "first_page_ms": (min(firsts), statistics.median(firsts)),
            "jump_end_ms": (min(ends), statistics.median(ends)),
            "scroll_s": scrolled,
            "per_step_ms": scrolled * 1000 / max(steps, 1),
            "held_rows": model.held_rows,
            "bar_max": bar.maximum(),
            "rss_before_mb": start_rss,
            "peak_rss_mb": _peak_mb(),
        }
    finally:
        asides.end()
        s.logout()


def group_login(folder: Path, runs: int) -> dict[str, Any]:
    """From a session unlocked to the main window shown (the register tabs, the home tab)
    and to the home tab's work list counted (off the GUI thread), for the clerk and the
    officer of the 2M vault; the unlock (Argon2) is the baseline."""
    from PySide6.QtWidgets import QApplication

    from secrecy_desk.gui.common import fonts, style
    from secrecy_desk.gui.common.context import AppContext
    from secrecy_desk.gui.common.i18n import install_translators
    from secrecy_desk.gui.shell.main_window import MainWindow
    from tests.support.vault import CLERK, OFFICER

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    fonts.install(app)
    style.apply(app)
    install_translators(app, "zh_CN")
    out: dict[str, Any] = {}
    for who in (CLERK, OFFICER):
        unlock: list[float] = []
        shown: list[float] = []
        counted: list[float] = []
        lines = 0
        for _ in range(runs):
            t = time.perf_counter()
            session = sv.login(folder, who)
            unlock.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            forms = load_all()
            ctx = AppContext(session, forms, open_registers(session, forms), "zh_CN")
            window = MainWindow(ctx, watch_os_lock=False)
            window.show()
            app.processEvents()
            shown.append((time.perf_counter() - t) * 1000)
            while window.home.counting():
                app.processEvents()
            counted.append((time.perf_counter() - t) * 1000)
            lines = sum(window.home.tally().values())
            window._end(back_to_login=False)
            window.deleteLater()
            app.processEvents()
        out[who] = {
            "unlock_ms": (min(unlock), statistics.median(unlock)),
            "shown_ms": (min(shown), statistics.median(shown)),
            "counted_ms": (min(counted), statistics.median(counted)),
            "flagged": lines,
        }
    return out


def _login(folder: Path, who: str) -> Any:
    """A session on the cached vault (``folder/vault``) or, given ``--vault``, on a copy of
    the standard test vault (``tests/support/vault.py``'s accounts and passwords)."""
    if (folder / "vault").is_dir():
        return sv.login(folder, who)
    from datetime import timedelta

    from secrecy_desk.core.clock import FixedClock
    from secrecy_desk.vault import session as sessions
    from tests.support.vault import PASSWORDS, T0

    clock = FixedClock(T0 + timedelta(days=1))
    return sessions.login(folder, who, PASSWORDS[who], clock=clock)


def _db_file(folder: Path) -> Path:
    return folder / "vault" / "vault.db" if (folder / "vault").is_dir() else folder / "vault.db"


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _load() -> float:
    return os.getloadavg()[0]


def _verify_group(folder: Path, runs: int, *, quick: bool) -> dict[str, Any]:
    """What ``secrecy-desk-admin verify [--quick]`` does, timed part by part: the pages and
    B-trees (``quick_check`` table by table on two connections; for the full check every
    page's HMAC beside ``integrity_check``), then the audit chain (from the last good seal for
    the quick check)."""
    from secrecy_desk.vault import audit_review, pagecheck
    from tests.support.vault import AUDITOR

    s = _login(folder, AUDITOR)
    try:
        out: dict[str, Any] = {"rss_after_login_mb": _rss_mb(), "loads": []}
        pages: list[float] = []
        pages_cpu: list[float] = []
        one_thread: list[float] = []
        chain: list[float] = []
        whole: list[float] = []
        records = 0
        for _ in range(runs):
            out["loads"].append(_load())
            if quick:
                # The baseline, alternated with it: one connection, every page's HMAC and then
                # the file's quick_check (as the quick check was before it shared the walk).
                t = time.perf_counter()
                problems = pagecheck.page_checks(
                    s.vault.store, pagecheck.WorkBar(None, 1), quick=True
                )
                one_thread.append(time.perf_counter() - t)
                assert not problems, problems
            t, c = time.perf_counter(), time.process_time()
            problems = pagecheck.page_checks(
                s.vault.store, pagecheck.WorkBar(None, 1), quick=quick, master=s.vault.master_key()
            )
            pages.append(time.perf_counter() - t)
            pages_cpu.append(time.process_time() - c)
            assert not problems, problems
            t = time.perf_counter()
            report = audit_review.verify(s, record=False, quick=quick)
            chain.append(time.perf_counter() - t)
            whole.append(pages[-1] + chain[-1])
            records = report.records
            assert report.intact, report.breaks
        out["pages_s"] = (min(pages), statistics.median(pages))
        out["pages_cpu_s"] = (min(pages_cpu), statistics.median(pages_cpu))
        if one_thread:
            out["one_thread_s"] = (min(one_thread), statistics.median(one_thread))
        out["chain_s"] = (min(chain), statistics.median(chain))
        out["total_s"] = (min(whole), statistics.median(whole))
        out["records"] = records
        out["records_per_s"] = records / min(chain) if min(chain) else 0.0
        out["bytes"] = _db_file(folder).stat().st_size
        out["peak_rss_mb"] = _peak_mb()
        return out
    finally:
        s.logout()


def group_verify(folder: Path, runs: int) -> dict[str, Any]:
    return _verify_group(folder, runs, quick=False)


def group_quick(folder: Path, runs: int) -> dict[str, Any]:
    return _verify_group(folder, runs, quick=True)


def _plain_copy(source: Path, copy: Path) -> None:
    """``cp`` of the file, made durable as the backup is (fsync)."""
    shutil.copyfile(source, copy)
    fd = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def group_backup(folder: Path, runs: int) -> dict[str, Any]:
    """A backup (copy, hash, self-check: every page's HMAC and the B-trees) against a plain
    copy of the same file made durable, alternately in the same process; the process's peak
    memory after them."""
    from secrecy_desk.vault import backup
    from tests.support.vault import SYSADMIN

    db_file = _db_file(folder)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-backup-", dir=folder.parent))
    try:
        copies: list[float] = []
        copy_cpus: list[float] = []
        backups: list[float] = []
        cpus: list[float] = []
        loads: list[float] = []
        size = 0
        rss_before = 0.0
        for i in range(runs):
            loads.append(_load())
            t, c = time.perf_counter(), time.process_time()
            _plain_copy(db_file, work / "plain-copy.db")
            copies.append(time.perf_counter() - t)
            copy_cpus.append(time.process_time() - c)
            (work / "plain-copy.db").unlink()
            s = _login(folder, SYSADMIN)
            try:
                rss_before = rss_before or _rss_mb()
                t, c = time.perf_counter(), time.process_time()
                report = backup.backup(s, work / f"b{i}")
                backups.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
                size = report.size
            finally:
                s.logout()
            shutil.rmtree(work / f"b{i}")
        return {
            "bytes": size,
            "loads": loads,
            "copy_s": (min(copies), statistics.median(copies)),
            "backup_s": (min(backups), statistics.median(backups)),
            "ratio": min(backups) / min(copies),
            "ratio_median": statistics.median(backups) / statistics.median(copies),
            "cpu_s": (min(cpus), statistics.median(cpus)),
            "copy_cpu_s": (min(copy_cpus), statistics.median(copy_cpus)),
            "rss_after_login_mb": rss_before,
            "peak_rss_mb": _peak_mb(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: Rows of the sheet imported into the 2M register (the issue's "100k rows in < 30 s").
IMPORT_ROWS = 100_000


def _import_sheet(path: Path, n: int) -> None:
    """``n`` drawing issues as a clerk's .csv (``bench_import_export``'s sheet). Each drawing
    number gets a suffix of its own: the register already issued the same numbers to the same
    receivers, and a re-issue before the recall is refused, as it should be. The numbers stay
    spread through the index as new ones would be."""
    import csv

    from tests.bench.bench_import_export import sheet_rows

    spec = load_all()["drawings"]
    rows = sheet_rows(spec, n, seed=19)
    at = [f.name for f in spec.fields].index("drawing_no")
    for i, row in enumerate(rows):
        row[at] = f"{row[at]}-N{i:06d}"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([f.label_zh for f in spec.fields])
        writer.writerows(rows)


def _timed_import(folder: Path, sheet: Path, who: str) -> dict[str, float]:
    """One import of ``sheet`` into the drawings register of the vault in ``folder``: wall and
    processor time, the moment the rows were all checked and written (the bar at its last
    tenth: the commit, the statistics and the search index's tidying follow)."""
    from secrecy_desk.modules.registers import io as reg_io

    s = _login(folder, who)
    try:
        regs = open_registers(s, load_all())
        marks: list[tuple[float, int, int]] = []

        def progress(done: int, total: int) -> bool:
            marks.append((time.perf_counter(), done, total))
            return True

        t, c = time.perf_counter(), time.process_time()
        reg_io.import_file(regs, "drawings", sheet, progress=progress)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        total = marks[-1][2]
        written = next(m[0] for m in marks if m[1] >= total * 0.9) - t
        return {"s": wall, "cpu_s": cpu, "written_s": written, "peak_rss_mb": _peak_mb()}
    finally:
        s.logout()


def group_import(folder: Path, runs: int) -> dict[str, Any]:
    """A clerk's sheet of :data:`IMPORT_ROWS` drawing issues imported into the 2M register (a
    copy of the cache each run: the import commits), every rule checked, all or nothing;
    the baseline, alternated with it in the same process, is the same sheet into a fresh
    standard vault. Target: 100k rows in < 30 s (≥ 5,000 rows/s), linear in size."""
    from tests.support.vault import make_vault

    work = Path(tempfile.mkdtemp(prefix="bench-scale-import-", dir=folder.parent))
    try:
        sheet = work / "sheet.csv"
        _import_sheet(sheet, IMPORT_ROWS)
        large: list[dict[str, float]] = []
        fresh: list[dict[str, float]] = []
        loads: list[float] = []
        copy_s: list[float] = []
        for i in range(runs):
            loads.append(_load())
            # Each copy is a vault of its own to the rollback check (the last run's copy
            # imported more): its anchor goes beside it, not over the cache's.
            os.environ["SECRECY_DESK_ANCHOR_DIR"] = str(work / f"anchors{i}")
            t = time.perf_counter()
            shutil.copytree(folder / "vault", work / f"c{i}" / "vault")
            copy_s.append(time.perf_counter() - t)
            large.append(_timed_import(work / f"c{i}", sheet, OFFICER))
            shutil.rmtree(work / f"c{i}")
            make_vault(work / f"f{i}")
            fresh.append(_timed_import(work / f"f{i}", sheet, OFFICER))
            shutil.rmtree(work / f"f{i}")

        def pair(runs_: list[dict[str, float]], key: str) -> tuple[float, float]:
            return _min_median([r[key] for r in runs_])

        return {
            "entries": (sv.built(folder) or {}).get("entries", 0),
            "rows": IMPORT_ROWS,
            "loads": loads,
            "copy_s": _min_median(copy_s),
            "large_s": pair(large, "s"),
            "large_cpu_s": pair(large, "cpu_s"),
            "large_written_s": pair(large, "written_s"),
            "fresh_s": pair(fresh, "s"),
            "fresh_cpu_s": pair(fresh, "cpu_s"),
            "ratio": min(r["s"] for r in large) / min(r["s"] for r in fresh),
            "peak_rss_mb": _peak_mb(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


GROUPS: dict[str, Callable[[Path, int], dict[str, Any]]] = {
    "pages": group_pages,
    "counts": group_counts,
    "gui": group_gui,
    "login": group_login,
    "verify": group_verify,
    "quick": group_quick,
    "backup": group_backup,
    "import": group_import,
}


def _fmt(pair: Any) -> str:
    return f"{pair[0]:8.1f} {pair[1]:8.1f}"


def header(info: dict[str, Any]) -> None:
    if "folder" in info:
        print(f"\nScale benchmark on {info['folder']}: {info['bytes'] / 1e9:.2f} GB, {CPUS} CPUs")
    else:
        print(
            f"\nScale benchmark: {info['entries']:,} entries, {info['audit_records']:,} audit "
            f"records, {info['bytes'] / 1e9:.2f} GB "
            f"({info['bytes'] / info['entries']:,.0f} B/entry), {CPUS} CPUs"
        )


def report(results: dict[str, dict[str, Any]]) -> None:
    if "pages" in results:
        r = results["pages"]
        print("\npage of 200 (ms, min / median)     keyset            OFFSET     offset/keyset")
        for pos, m in r["positions"].items():
            ratio = m["offset"][1] / m["keyset"][1] if m["keyset"][1] else 0
            keyset, offset = _fmt(m["keyset"]), _fmt(m["offset"])
            print(f"  at {pos:>12}              {keyset}  {offset}  ×{ratio:.1f}")
        ok = max(m["keyset"][1] for m in r["positions"].values()) < 30
        print(f"  target < 30 ms: {'yes' if ok else 'NO'}")
        print(f"  last page (jump to the end)   {_fmt(r['end'])}   target < 100: "
              f"{'yes' if r['end'][1] < 100 else 'NO'}")  # fmt: skip
    if "counts" in results:
        print("\ncounts and searches (ms, min / median)                hits   target")
        for label, m in results["counts"].items():
            target = 100 if label.startswith("count") else 150
            hits = f"{m['hits']:>10,}" if "hits" in m else " " * 10
            ok = "yes" if m["ms"][1] < target else "NO"
            aim = "(baseline)" if label.startswith("baseline") else f"< {target} {ok}"
            print(f"  {label:28} {_fmt(m['ms'])} {hits}   {aim}")
    if "gui" in results:
        g = results["gui"]
        print(f"\nGUI table model ({g['total']:,} rows, offscreen):")
        print(f"  first page shown (count later)  {_fmt(g['first_page_ms'])} ms")
        print(f"  jump to the end                 {_fmt(g['jump_end_ms'])} ms   target < 100")
        print(
            f"  scrolled end to end in {g['scroll_s']:.0f} s ({g['per_step_ms']:.1f} ms a page); "
            f"rows held {g['held_rows']:,}; peak RSS {g['peak_rss_mb']:.0f} MB (at start "
            f"{g['rss_before_mb']:.0f} MB)   target < 300 MB: "
            f"{'yes' if g['peak_rss_mb'] < 300 else 'NO'}"
        )
    if "login" in results:
        print("\nlogin to the main window (ms, min / median)   target < 1000 after the unlock")
        for who, m in results["login"].items():
            print(
                f"  {who:12} unlock {_fmt(m['unlock_ms'])}  window shown {_fmt(m['shown_ms'])}"
                f"  work list counted {_fmt(m['counted_ms'])}  ({m['flagged']:,} flagged)"
            )
    for name, label in (("quick", "verify --quick"), ("verify", "verify (the full check)")):
        if name not in results:
            continue
        v = results[name]
        loads = ", ".join(f"{x:.1f}" for x in v["loads"])
        print(f"\n{label} ({v['bytes'] / 1e9:.2f} GB, {v['records']:,} audit records; "
              f"load {loads}):")  # fmt: skip
        pages = "quick_check by table" if name == "quick" else "HMAC + integrity_check"
        print(f"  pages: {pages:23} {_fmt(v['pages_s'])} s  (two connections)")
        print(f"    processor time (threads)   {_fmt(v['pages_cpu_s'])} s")
        if "one_thread_s" in v:
            ratio = v["one_thread_s"][0] / v["pages_s"][0]
            print(
                f"    one connection: HMAC, then quick_check of the file  "
                f"{_fmt(v['one_thread_s'])} s   ×{ratio:.2f}"
            )
        print(
            f"  audit chain{' from the seal' if name == 'quick' else '':14}   "
            f"{_fmt(v['chain_s'])} s  {v['records_per_s']:,.0f} records/s"
        )
        goal = "   target < 30 s at 2M / 5M" if name == "quick" else ""
        print(f"  together                     {_fmt(v['total_s'])} s{goal}")
        print(
            f"  peak RSS                     {v['peak_rss_mb']:8.0f} MB (after login "
            f"{v['rss_after_login_mb']:.0f} MB)"
        )
    if "import" in results:
        m = results["import"]
        loads = ", ".join(f"{x:.1f}" for x in m["loads"])
        rows, best = m["rows"], m["large_s"][0]
        ok = "yes" if best < 30 and rows / best >= 5000 else "NO"
        print(f"\n.csv import of {rows:,} drawing issues, every rule checked (load {loads}):")
        print(
            f"  into {m['entries']:>9,} entries      {_fmt(m['large_s'])} s   "
            f"{rows / best:,.0f} rows/s"
            f"   target < 30 s, ≥ 5,000 rows/s: {ok}"
        )
        print(f"    checked and written by     {_fmt(m['large_written_s'])} s (then the commit)")
        print(f"    processor time             {_fmt(m['large_cpu_s'])} s")
        print(
            f"  into a fresh vault           {_fmt(m['fresh_s'])} s   "
            f"{rows / m['fresh_s'][0]:,.0f} rows/s   2M / fresh ×{m['ratio']:.2f}"
        )
        print(
            f"  peak RSS {m['peak_rss_mb']:.0f} MB; each run's copy of the cache "
            f"{_fmt(m['copy_s'])} s"
        )
    if "backup" in results:
        b = results["backup"]
        loads = ", ".join(f"{x:.1f}" for x in b["loads"])
        print(f"\nbackup ({b['bytes'] / 1e9:.2f} GB; load {loads}):")
        print(f"  plain copy (cp + fsync)      {_fmt(b['copy_s'])} s")
        print(
            f"  backup                       {_fmt(b['backup_s'])} s   ×{b['ratio']:.1f} "
            f"(medians ×{b['ratio_median']:.1f})   target ≤ ×5"
        )
        print(
            f"  processor time: backup {_fmt(b['cpu_s'])} s (both threads), "
            f"copy {_fmt(b['copy_cpu_s'])} s"
        )
        ok = "yes" if b["peak_rss_mb"] < 200 else "NO"
        print(
            f"  peak RSS                     {b['peak_rss_mb']:8.0f} MB (after login "
            f"{b['rss_after_login_mb']:.0f} MB)   target < 200 MB: {ok}"
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--entries", type=int, default=sv.ENTRIES)
    p.add_argument("--audit", type=int, default=sv.AUDIT)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--only", default=",".join(GROUPS), help="groups, comma-separated")
    p.add_argument("--group", choices=tuple(GROUPS), help=argparse.SUPPRESS)
    p.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    vault = os.environ.get("SECRECY_DESK_BENCH_VAULT")
    p.add_argument(
        "--vault",
        type=Path,
        default=Path(vault) if vault else None,
        help="a copy of the standard test vault (not the cache): verify and backup on it "
        "(also $SECRECY_DESK_BENCH_VAULT, for ./desk bench)",
    )
    args, _rest = p.parse_known_args(argv)  # ./desk bench passes its own arguments to all
    if args.group:
        json.dump(GROUPS[args.group](args.folder, max(args.runs, 1)), sys.stdout)
        return 0
    if args.vault is not None:
        # A copy of the standard test vault (e.g. of the reports bench's 1M-drawing vault):
        # only the groups that read the file as a whole.
        folder = args.vault.absolute()
        only = args.only if args.only != ",".join(GROUPS) else "quick,verify,backup"
        size = _db_file(folder).stat().st_size
        info: dict[str, Any] = {"bytes": size, "folder": str(folder)}
    else:
        folder = sv.build(args.entries, args.audit)
        only = args.only
        built = sv.built(folder)
        assert built is not None
        # The file as it is now (upgrades and rebuilds change it), not as it was built.
        info = {**built, "bytes": _db_file(folder).stat().st_size}
    header(info)
    sys.stdout.flush()
    for group in [g for g in only.split(",") if g in GROUPS]:
        print(f"[{group}]", file=sys.stderr, flush=True)
        cmd = [sys.executable, "-m", "tests.bench.bench_scale", "--group", group]
        cmd += ["--folder", str(folder), "--runs", str(max(args.runs, 3))]
        done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
        # Each group's figures as soon as it is done (a long group does not hide the others).
        report({group: json.loads(done.stdout)})
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Import and export of a drawing register as clerks' spreadsheets (issue 19, item 4).

    .venv/bin/python -m tests.bench.bench_import_export                 # 10,000 and 30,000 rows
    .venv/bin/python -m tests.bench.bench_import_export --sizes 100000 --runs 3
    .venv/bin/python -m tests.bench.bench_import_export --sizes 10000 30000 100000  # docs/scale.md

For each size: a sheet of drawing issues as a clerk types them (Chinese headers, every field
as text) in .csv and .xlsx; each run imports it into a fresh vault with every rule checked and
all or nothing (:func:`secrecy_desk.modules.registers.io.import_file`), then exports the
register to .xlsx. Baselines, in the same process and run: openpyxl reading the same workbook
(read-only, values only: the least any .xlsx import must do) and openpyxl writing the same rows
(write-only, typed values: the least any .xlsx export must do). Each figure is min / median of
the runs; rates in rows per second; the ratios are to openpyxl's own time, in wall time and in
processor time (on a shared machine the wall time is also the other users' load). The peak
memory of an export is measured at the smallest and the largest size, as Python allocations
(tracemalloc) and as the resident memory of a process of its own: flat in the row count.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import openpyxl

from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.modules.registers import io as reg_io
from tests.bench.bench_registers import drawing_values
from tests.support.vault import OFFICER, make_vault

#: Issued before the vault's clock (2026-03-02), so no date is in the future.
ISSUED_BEFORE = date(2026, 1, 15)


def sheet_rows(spec: FormSpec, n: int, seed: int = 15) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    issued: set[tuple[object, object]] = set()
    for i in range(n):
        values: dict[str, Value] = drawing_values(rng, ISSUED_BEFORE)
        # The same drawing twice to one receiver, not recalled in between, is refused (as it
        # should be): the random numbers of a long sheet are made unique where they meet.
        key = (values["drawing_no"], values["receiver"])
        if key in issued:
            values["drawing_no"] = f"{values['drawing_no']}-{i}"
        issued.add((values["drawing_no"], values["receiver"]))
        out.append([f.input_text(values.get(f.name)) for f in spec.fields])
    return out


def write_sheets(folder: Path, spec: FormSpec, n: int) -> tuple[Path, Path]:
    header = [f.label_zh for f in spec.fields]
    rows = sheet_rows(spec, n)
    csv_path = folder / f"drawings-{n}.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("图纸")
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    xlsx_path = folder / f"drawings-{n}.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


#: Processor time of this process (SQLite's work included: it runs in it) of the last timed()
#: call: on a shared machine the wall time is as much the other users' load as the program's.
LAST_CPU: list[float] = [0.0]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    cpu = time.process_time()
    action()
    LAST_CPU[0] = time.process_time() - cpu
    return time.perf_counter() - started


def openpyxl_read(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def openpyxl_write(path: Path, rows: list[list[object]]) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("图纸")
    for r in rows:
        sheet.append(r)
    book.save(path)


def one_run(
    folder: Path, n: int, csv_path: Path, xlsx_path: Path, *, csv_only: bool = False
) -> dict[str, float]:
    """Import each sheet into a fresh vault; export the second to .xlsx; the baselines."""
    out: dict[str, float] = {}
    sheets = (("csv", csv_path),) if csv_only else (("csv", csv_path), ("xlsx", xlsx_path))
    for kind, path in sheets:
        vault_dir = folder / f"vault-{kind}"
        shutil.rmtree(vault_dir, ignore_errors=True)
        env = make_vault(vault_dir)
        session = env.login(OFFICER)
        try:
            regs = env.registers(session)
            out[f"import_{kind}"] = timed(partial(reg_io.import_file, regs, "drawings", path))
            out[f"import_{kind}_cpu"] = LAST_CPU[0]
            if kind == "xlsx":
                target = folder / "export.xlsx"
                target.unlink(missing_ok=True)
                out["export"] = timed(partial(reg_io.export_file, regs, "drawings", target))
                out["export_cpu"] = LAST_CPU[0]
                book = openpyxl.load_workbook(target, read_only=True)
                typed: list[list[object]] = [
                    list(row) for row in book.worksheets[0].iter_rows(values_only=True)
                ]
                book.close()
        finally:
            session.logout()
    if csv_only:
        return out
    out["openpyxl_read"] = timed(lambda: openpyxl_read(xlsx_path))
    out["openpyxl_read_cpu"] = LAST_CPU[0]
    plain = folder / "openpyxl.xlsx"
    out["openpyxl_write"] = timed(lambda: openpyxl_write(plain, typed))
    out["openpyxl_write_cpu"] = LAST_CPU[0]
    return out


def export_peak(folder: Path, n: int, xlsx_path: Path) -> float:
    """Peak Python memory (MiB) while exporting ``n`` entries."""
    vault_dir = folder / "vault-mem"
    shutil.rmtree(vault_dir, ignore_errors=True)
    env = make_vault(vault_dir)
    session = env.login(OFFICER)
    try:
        regs = env.registers(session)
        reg_io.import_file(regs, "drawings", xlsx_path)
        target = folder / "mem.xlsx"
        target.unlink(missing_ok=True)
        tracemalloc.start()
        reg_io.export_file(regs, "drawings", target)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        session.logout()
    return peak / 2**20


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def rss_child(folder: Path, xlsx_path: Path) -> None:
    """In a process of its own: import the sheet, then export it, printing the resident memory
    before the export and its peak during it (VmHWM, reset first: Linux's clear_refs)."""
    vault_dir = folder / "vault-rss"
    shutil.rmtree(vault_dir, ignore_errors=True)
    env = make_vault(vault_dir)
    session = env.login(OFFICER)
    try:
        regs = env.registers(session)
        reg_io.import_file(regs, "drawings", xlsx_path)
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")
        before = _status_kib("VmRSS")
        target = folder / "rss.xlsx"
        target.unlink(missing_ok=True)
        reg_io.export_file(regs, "drawings", target)
        print(f"{before} {_status_kib('VmHWM')}")
    finally:
        session.logout()


def export_rss(folder: Path, xlsx_path: Path) -> tuple[float, float]:
    """(resident MiB before the export, peak resident MiB during it) in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_import_export", "--rss-child", str(folder),
         str(xlsx_path)],
        check=True, capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    return int(out[-2]) / 1024, int(out[-1]) / 1024


def _fig(values: list[float]) -> str:
    return f"{min(values):7.2f} / {statistics.median(values):7.2f} s"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument(
        "--csv-only", action="store_true", help="only the .csv import (the linearity figures)"
    )
    p.add_argument(
        "--memory-sizes",
        type=int,
        nargs=2,
        metavar="N",
        help="the two sizes the export's memory is measured at (default: smallest, largest)",
    )
    p.add_argument("--rss-child", nargs=2, metavar=("FOLDER", "XLSX"), help=argparse.SUPPRESS)
    args, _ = p.parse_known_args(argv)
    if args.rss_child:
        rss_child(Path(args.rss_child[0]), Path(args.rss_child[1]))
        return 0
    from secrecy_desk.forms import load_all

    spec = load_all()["drawings"]
    folder = Path(tempfile.mkdtemp(prefix="bench-import-export-"))
    try:
        sheets = {n: write_sheets(folder, spec, n) for n in args.sizes}
        print(f"Import and export of drawing issues, min / median of {args.runs} runs")
        for n in args.sizes:
            runs = [
                one_run(folder, n, *sheets[n], csv_only=args.csv_only) for _ in range(args.runs)
            ]
            figures = {k: [r[k] for r in runs] for k in runs[0]}
            best = {k: min(v) for k, v in figures.items()}
            print(f"\n{n:,} rows")
            print(f"  load average {os.getloadavg()[0]:.1f} (2 cores, shared)")
            print(
                f"  import .csv    {_fig(figures['import_csv'])}   "
                f"{n / best['import_csv']:8,.0f} rows/s (target ≥ 5,000); processor "
                f"{best['import_csv_cpu']:.2f} s, {n / best['import_csv_cpu']:,.0f} rows/s"
            )
            if args.csv_only:
                continue
            ratios_read = [r["import_xlsx"] / r["openpyxl_read"] for r in runs]
            ratios_write = [r["export"] / r["openpyxl_write"] for r in runs]
            cpu_read = [r["import_xlsx_cpu"] / r["openpyxl_read_cpu"] for r in runs]
            cpu_write = [r["export_cpu"] / r["openpyxl_write_cpu"] for r in runs]
            print(
                f"  import .xlsx   {_fig(figures['import_xlsx'])}   "
                f"{n / best['import_xlsx']:8,.0f} rows/s; processor {best['import_xlsx_cpu']:.2f} s"
            )
            print(
                f"  openpyxl read  {_fig(figures['openpyxl_read'])}   processor "
                f"{best['openpyxl_read_cpu']:.2f} s"
            )
            print(
                f"  import .xlsx / openpyxl read: {min(ratios_read):.2f} / "
                f"{statistics.median(ratios_read):.2f} (target ≤ 1.5); processor "
                f"{min(cpu_read):.2f} / {statistics.median(cpu_read):.2f}"
            )
            print(
                f"  export .xlsx   {_fig(figures['export'])}   {n / best['export']:8,.0f} rows/s"
                f"; processor {best['export_cpu']:.2f} s"
            )
            print(
                f"  openpyxl write {_fig(figures['openpyxl_write'])}   processor "
                f"{best['openpyxl_write_cpu']:.2f} s"
            )
            print(
                f"  export / openpyxl write: {min(ratios_write):.2f} / "
                f"{statistics.median(ratios_write):.2f} (target ≤ 1.3); processor "
                f"{min(cpu_write):.2f} / {statistics.median(cpu_write):.2f}"
            )
        small, large = args.memory_sizes or (min(args.sizes), max(args.sizes))
        for n in {small, large} - set(sheets):
            sheets[n] = write_sheets(folder, spec, n)
        if small != large:
            peaks = {n: export_peak(folder, n, sheets[n][1]) for n in (small, large)}
            print(
                f"\nexport peak memory: {peaks[small]:.1f} MiB at {small:,} rows, "
                f"{peaks[large]:.1f} MiB at {large:,} rows (Python allocations)"
            )
            for n in (small, large):
                before, peak = export_rss(folder, sheets[n][1])
                print(
                    f"export resident memory at {n:,} rows: {before:.0f} MiB before, "
                    f"peak {peak:.0f} MiB ({peak - before:+.0f} MiB)"
                )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

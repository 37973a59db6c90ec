"""Run the real thing: a built (or installed) bundle, with an empty environment and no Python.

    python -m scripts.bundle_smoke PROGRAM_DIR [--old-vault tests/data/vault-v1]

``PROGRAM_DIR`` holds ``secrecy-desk`` and ``secrecy-desk-admin`` (``dist/secrecy-desk`` or an
installed ``/opt/secrecy-desk``). Every program runs as under ``env -i``: the environment is
only ``PATH`` (an empty folder, so no Python and no other tool can be found), ``HOME`` (a
scratch folder), ``LANG=C.UTF-8``, the rollback anchors' folder (a scratch folder: each run is
a workstation that has seen none of these vaults before, as a fresh installation is, so a run
does not find the vaults of an earlier run "rolled back") and, for the GUI, the Qt platform.
It checks that

1. the CLI creates a vault (passwords on standard input), the auditor changes the initial
   password, and ``verify`` finds database, key file and audit chain sound;
2. the CLI creates the demo vault, prints a register entry to a PDF and ``print verify``
   recognises the code it printed;
3. the GUI shows its login window offscreen (``SECRECY_DESK_STARTUP_PROBE``, as
   ``tests/bench/bench_gui_start.py``), exits 0, prints no traceback; the same on an X
   server (Xvfb, the xcb platform the desktop uses) when ``Xvfb`` is installed;
4. with ``--old-vault``: a copy of a schema-1 vault opens, is backed up (``before-v1-…``) and
   migrated (saying so), and verifies.

Prints the start-up time to the login window. Exit status 0 when everything held.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3
#: The demo clerk's password after the first login's change.
CLERK_PASSWORD = "Smoke-Clerk-2026x"  # noqa: S105 - the throwaway demo vault of this check


class Smoke:
    def __init__(self, program: Path, scratch: Path) -> None:
        self.program = program
        self.scratch = scratch
        self.empty = scratch / "empty-path"
        self.home = scratch / "home"
        self.empty.mkdir()
        self.home.mkdir()
        self.failures: list[str] = []

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": str(self.empty),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "SECRECY_DESK_ANCHOR_DIR": str(self.scratch / "anchors"),
        }
        env.update(extra)
        return env

    def run(
        self, tool: str, *args: str, stdin: str = "", extra: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - the bundle under test, fixed arguments
            [str(self.program / tool), *args],
            input=stdin,
            env=self.env(**(extra or {})),
            cwd=self.scratch,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def expect(self, what: str, ok: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failures.append(what)
            if detail:
                print("     " + detail.strip().replace("\n", "\n     "))
        return ok

    def admin(
        self, what: str, *args: str, stdin: str = "", want: str = ""
    ) -> subprocess.CompletedProcess[str]:
        r = self.run("secrecy-desk-admin", *args, stdin=stdin)
        good = r.returncode == 0 and want in r.stdout and "Traceback" not in r.stderr
        self.expect(what, good, f"exit {r.returncode}\n{r.stdout}\n{r.stderr}")
        return r

    def cli_vault(self) -> None:
        vault = str(self.scratch / "vault")
        self.admin(
            "init creates a vault",
            *(
                "--lang",
                "en",
                "init",
                "--vault",
                vault,
                "--unit",
                "冒烟测试单位",
                "--rating",
                "机密",
            ),
            *("--sysadmin", "desk", "--secadmin", "secadm", "--auditor", "audit"),
            stdin="Sys-Pass-2026xy\nSec-Pass-2026xy\nAud-Pass-2026xy\n",
            want="RECOVERY CODE",
        )
        self.admin(
            "the auditor changes the initial password",
            *("users", "passwd", "--vault", vault, "--as", "audit"),
            stdin="Aud-Pass-2026xy\nAud-Newp-2026zz\nAud-Newp-2026zz\n",
        )
        self.admin(
            "verify: database, key file and audit trail sound",
            *("verify", "--lang", "en", "--vault", vault, "--as", "audit"),
            stdin="Aud-Newp-2026zz\n",
            want="audit trail intact",
        )

    def cli_print(self) -> None:
        demo = str(self.scratch / "demo")
        self.admin("demo creates the demo vault", "demo", "--vault", demo, want="wangfang")
        clerk = ("--vault", demo, "--as", "wangfang")
        # The demo's published passwords must be changed at the first login, like any other.
        self.admin(
            "the clerk changes the published demo password",
            *("users", "passwd", *clerk),
            stdin="Demo-Clerk-2026\n" + f"{CLERK_PASSWORD}\n" * 2,
        )
        listing = self.admin(
            "entries list (drawings)",
            *("entries", "list", "--register", "drawings", "--format", "table", *clerk),
            stdin=f"{CLERK_PASSWORD}\n",
        )
        numbers = re.findall(r"TZFS-\d{4}-\d{4}", listing.stdout)
        if not self.expect("the demo has drawings", bool(numbers), listing.stdout):
            return
        pdf = self.scratch / "drawing.pdf"
        r = self.admin(
            "print an entry to a PDF",
            *("--lang", "en", "print", "--register", "drawings", "--entry", numbers[0]),
            *("--to", str(pdf), *clerk),
            stdin=f"{CLERK_PASSWORD}\n",
        )
        body = pdf.read_bytes() if pdf.exists() else b""
        self.expect(
            "the PDF is a PDF with the embedded font",
            body.startswith(b"%PDF-") and len(body) > 10_000 and b"SecrecyDeskSerif" in body,
            f"{len(body)} bytes",
        )
        code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b", r.stdout)
        if self.expect("the print reports its verification code", code is not None, r.stdout):
            assert code is not None
            self.admin(
                "print verify recognises the code",
                *("print", "verify", code.group(1), *clerk),
                stdin=f"{CLERK_PASSWORD}\n",
            )

    def gui(self, label: str, extra: dict[str, str]) -> list[float]:
        vault = str(self.scratch / "demo")
        probe = self.scratch / "probe"
        times: list[float] = []
        for _ in range(RUNS):
            probe.unlink(missing_ok=True)
            start = time.time()
            r = self.run(
                "secrecy-desk",
                *("--vault", vault),
                extra={"SECRECY_DESK_STARTUP_PROBE": str(probe), **extra},
            )
            shown = probe.exists()
            good = r.returncode == 0 and shown and "Traceback" not in r.stderr
            if not self.expect(f"GUI ({label}) shows the login window", good, r.stderr):
                return times
            times.append(float(probe.read_text(encoding="ascii")) - start)
        print(
            f"     start-up to the login window ({label}): median {statistics.median(times):.2f} s"
        )
        return times

    def gui_on_x(self) -> None:
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            print("skip GUI on an X server: Xvfb is not installed")
            return
        # Xvfb picks a free display itself and writes its number to the pipe.
        read_end, write_end = os.pipe()
        server = subprocess.Popen(  # noqa: S603 - Debian's Xvfb, fixed arguments
            [
                xvfb,
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        try:
            with os.fdopen(read_end, "rb") as pipe:
                number = pipe.readline().strip().decode("ascii")
            if self.expect("Xvfb started", number.isdigit()):
                self.gui("xcb on Xvfb", {"DISPLAY": f":{number}"})
        finally:
            server.terminate()
            server.wait(timeout=10)

    def old_vault(self, source: Path) -> None:
        vault = self.scratch / "old-v1"
        shutil.copytree(source, vault, ignore=shutil.ignore_patterns("README.md"))
        # The first open (the auditor's required password change) upgrades it.
        r = self.admin(
            "a schema-1 vault opens and is upgraded",
            *("users", "passwd", "--vault", str(vault), "--as", "oldaud"),
            stdin="Old-Aud-2025\nOld-Aud-2026-new\nOld-Aud-2026-new\n",
        )
        self.admin(
            "the upgraded vault verifies",
            *("verify", "--lang", "en", "--vault", str(vault), "--as", "oldaud"),
            stdin="Old-Aud-2026-new\n",
            want="audit trail intact",
        )
        copies = sorted(vault.glob("before-v1-*"))
        self.expect(
            "the upgrade left a verified copy before-v1-…",
            len(copies) == 1 and (copies[0] / "vault.db").is_file(),
            r.stderr + str([p.name for p in vault.iterdir()]),
        )
        said = "upgraded" in r.stderr or "升级到" in r.stderr
        said = said and bool(copies) and str(copies[0]) in r.stderr
        self.expect("the upgrade said so", said, r.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bundle_smoke")
    parser.add_argument("program", type=Path, help="folder with secrecy-desk and -admin")
    parser.add_argument("--old-vault", type=Path, help="a vault of an older schema")
    args = parser.parse_args(argv)
    program = args.program.absolute()
    with tempfile.TemporaryDirectory(prefix="desk-smoke-") as tmp:
        smoke = Smoke(program, Path(tmp))
        if shutil.which("python3", path=str(smoke.empty)) is not None:
            raise AssertionError("the empty PATH finds a Python")
        smoke.cli_vault()
        smoke.cli_print()
        smoke.gui("offscreen", {"QT_QPA_PLATFORM": "offscreen"})
        smoke.gui_on_x()
        if args.old_vault is not None:
            smoke.old_vault(args.old_vault.absolute())
    if smoke.failures:
        print(f"{len(smoke.failures)} check(s) failed: {', '.join(smoke.failures)}")
        return 1
    print(f"every check held for {program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

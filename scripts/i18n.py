"""Refresh the translation sources and build the compiled translations — one command.

``python -m scripts.i18n`` runs ``pyside6-lupdate`` for each area below (keeping every existing
translation, adding new source strings as unfinished) and then ``pyside6-lrelease`` on every
``.ts`` file; ``--release-only`` only builds the ``.qm`` files (what setup does).

Each area has its own ``.ts`` file so that people working on different parts of the program do
not edit one file at once; the CLI reads all of them (``secrecy_desk.core.i18n``), the GUI loads
every compiled ``.qm``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANG = "zh_CN"

#: area → the sources whose strings it holds.
AREAS: dict[str, list[str]] = {
    "admin": [
        "secrecy_desk/core",
        "secrecy_desk/vault",
        "secrecy_desk/cli.py",
        "secrecy_desk/cli_registers.py",
        "secrecy_desk/demo.py",
    ],
    "forms": ["secrecy_desk/forms", "secrecy_desk/registers", "secrecy_desk/modules"],
    "printing": ["secrecy_desk/printing"],
    "commitments": ["secrecy_desk/commitments", "secrecy_desk/cli_commitments.py"],
    "approvals": ["secrecy_desk/approvals", "secrecy_desk/cli_approvals.py"],
    "gui": ["secrecy_desk/app.py", "secrecy_desk/gui"],
}
#: GUI files whose strings live in their own area file (kept apart from "gui", so that the
#: engineers of the register tab and of print preview each edit only their own file).
GUI_AREAS: dict[str, list[str]] = {
    "gui_register": [
        "register_tab.py",
        "entry_model.py",
        "entry_editor.py",
        "history_dialog.py",
        "worker.py",
    ],
    "gui_print": ["print_preview.py", "verify_dialog.py"],
    "gui_commitments": ["commitments_tab.py", "personnel_tab.py"],
    "gui_approvals": ["approvals_tab.py"],
}
GUI_REGISTER = GUI_AREAS["gui_register"]


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _sources(area: str) -> list[str]:
    files: list[str] = []
    for entry in AREAS.get(area, []):
        path = ROOT / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files.extend(str(p.relative_to(ROOT)) for p in found if p.exists())
    if area == "gui":
        apart = {name for names in GUI_AREAS.values() for name in names}
        files = [f for f in files if Path(f).name not in apart]
    if area in GUI_AREAS:
        files = [
            f"secrecy_desk/gui/{n}"
            for n in GUI_AREAS[area]
            if (ROOT / "secrecy_desk/gui" / n).exists()
        ]
    return files


def update() -> None:
    for area in [*AREAS, *GUI_AREAS]:
        files = _sources(area)
        if not files:
            continue
        ts = I18N / f"{area}_{LANG}.ts"
        subprocess.run(  # noqa: S603 - our own tool from the venv, fixed arguments
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *files,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )


def release() -> None:
    for ts in sorted(I18N.glob(f"*_{LANG}.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(  # noqa: S603 - our own tool from the venv, fixed arguments
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--release-only", action="store_true")
    args = parser.parse_args()
    if not args.release_only:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

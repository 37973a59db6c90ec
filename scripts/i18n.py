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

#: area → the sources whose strings it holds (files or folders, from the repository root).
AREAS: dict[str, list[str]] = {
    "admin": [
        "secrecy_desk/core",
        "secrecy_desk/vault",
        "secrecy_desk/cli/__init__.py",
        "secrecy_desk/cli/common.py",
        "secrecy_desk/cli/admin.py",
        "secrecy_desk/cli/registers.py",
        "secrecy_desk/cli/prints.py",
        "secrecy_desk/demo",
        "secrecy_desk/modules/admin",
    ],
    "forms": [
        "secrecy_desk/forms",
        "secrecy_desk/records",
        "secrecy_desk/modules/base.py",
        "secrecy_desk/modules/registry.py",
        "secrecy_desk/modules/registers",
        "secrecy_desk/modules/prints",
        "secrecy_desk/modules/drawings",
        "secrecy_desk/modules/gifts",
    ],
    "printing": ["secrecy_desk/printing"],
    "commitments": [
        "secrecy_desk/modules/commitments",
        "secrecy_desk/modules/personnel",
        "secrecy_desk/cli/commitments.py",
        "secrecy_desk/cli/personnel.py",
    ],
    "approvals": ["secrecy_desk/modules/approvals", "secrecy_desk/cli/approvals.py"],
    "carriers": ["secrecy_desk/modules/carriers", "secrecy_desk/cli/carriers.py"],
    "reports": ["secrecy_desk/modules/reports", "secrecy_desk/modules/worklist.py"],
    "office": ["secrecy_desk/modules/office", "secrecy_desk/cli/office.py"],
    "classification": ["secrecy_desk/modules/classification", "secrecy_desk/cli/classification.py"],
    # The GUI: each domain's folder has its own file, so that the engineers of different tabs
    # each edit only their own; "gui" holds the shell and the rest.
    "gui_register": ["secrecy_desk/gui/registers", "secrecy_desk/gui/common/jobs.py"],
    "gui_print": [
        "secrecy_desk/gui/common/print_dialog.py",
        "secrecy_desk/gui/common/verify_dialog.py",
    ],
    "gui_commitments": ["secrecy_desk/gui/commitments"],
    "gui_approvals": ["secrecy_desk/gui/approvals"],
    "gui_carriers": ["secrecy_desk/gui/carriers"],
    "gui_reports": ["secrecy_desk/gui/reports"],
    "gui_office": ["secrecy_desk/gui/office"],
    # Qt's own strings its shipped Chinese lacks (the file dialog's "&Look in:" …).
    "gui_qt": ["secrecy_desk/gui/common/qt_strings.py"],
    "gui": ["secrecy_desk/app.py", "secrecy_desk/gui"],
}


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _files(entries: list[str]) -> list[str]:
    files: list[str] = []
    for entry in entries:
        path = ROOT / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files.extend(str(p.relative_to(ROOT)) for p in found if p.exists())
    return files


def _sources(area: str) -> list[str]:
    """The area's files; a file named by another area's more specific entry belongs there."""
    files = _files(AREAS[area])
    elsewhere = {f for other, entries in AREAS.items() if other != area for f in _files(entries)}
    if area == "gui":
        return [f for f in files if f not in elsewhere]
    return files


def update() -> None:
    for area in AREAS:
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

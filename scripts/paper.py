"""``./desk paper``: one of every paper type the program prints, with the demo's data, as PDFs
and 100 dpi PNGs in one folder (a contact sheet to look at them all in a minute).

    .venv/bin/python -m scripts.paper [--out FOLDER] [--readme]

``--readme`` also writes the README's paper pictures (``docs/screenshots``) from the same
output, so the pictures are always the program's own papers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from secrecy_desk.demo.papers import build_samples, papers, print_sample

ROOT = Path(__file__).resolve().parent.parent
#: README picture → (paper key, page).
README_PICTURES = {
    "print-form": ("register.gifts.form", 1),
    "print-list": ("register.drawings.list", 1),
    "commitment-letter": ("commitment.onboarding", 1),
    "approval-table": ("approval.foreign_provision", 1),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / ".work" / "paper")
    parser.add_argument("--readme", action="store_true", help="also write the README pictures")
    args = parser.parse_args(argv)
    tool = shutil.which("pdftoppm")
    if tool is None:
        sys.exit("pdftoppm not found (Debian: apt-get install poppler-utils)")
    out: Path = args.out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    lines = ["# Papers (one of each, demo data)", "", "| paper | title | pages |", "|---|---|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        samples = build_samples(Path(scratch) / "vault")
        try:
            for paper in papers(samples):
                sample = print_sample(samples, paper)
                pdf = out / f"{paper.key}.pdf"
                pdf.write_bytes(sample.printout.pdf)
                png = [tool, "-r", "100", "-png", str(pdf), str(out / paper.key)]
                subprocess.run(png, check=True)  # noqa: S603 - poppler, our own files
                pages = len(list(out.glob(f"{paper.key}-*.png")))
                lines.append(f"| `{paper.key}` | {paper.title.zh} | {pages} |")
                print(f"{paper.key}: {pages} page(s)")
        finally:
            samples.close()
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.readme:
        shots = ROOT / "docs" / "screenshots"
        for name, (key, page) in README_PICTURES.items():
            pngs = sorted(out.glob(f"{key}-*.png"))
            shutil.copyfile(pngs[page - 1], shots / f"{name}.png")
            print(f"wrote docs/screenshots/{name}.png")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

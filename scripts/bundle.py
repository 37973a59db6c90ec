"""The offline bundle and its disc: the checks and the assembly behind ``./desk bundle`` and
``./desk disc``.

    python -m scripts.bundle check DIST [--manifest FILE]   glibc floor, then the manifest
    python -m scripts.bundle disc DIST OUT                  the disc's folder and its ISO image

``check`` reads every ELF file of the bundle (``readelf -V``: the symbol versions each one
needs), prints the newest glibc, libstdc++ and libgcc versions needed and the files that need
them, and fails when glibc rises above :data:`GLIBC_FLOOR` — the floor stated in the README.
The manifest lists every file with its size, mode and SHA-256, sorted, so two builds of one
checkout are compared with ``diff``.

``disc`` writes the folder that becomes the disc — the bundle as ``.tar.xz`` (sorted, owner
root, every time stamp set to ``SOURCE_DATE_EPOCH``, modes normalised), ``install.sh``, the
administrator's ``README.txt`` (Chinese and English), ``VERSION``, the licences of everything
bundled, ``SHA256SUMS`` of every other file — and then the ISO 9660 image (Rock Ridge and
Joliet) with ``xorriso``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import io
import lzma
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
DISC_SOURCES: Final = ROOT / "build" / "disc"
#: The oldest glibc the bundle runs on, as stated in the README and the disc's README.txt.
#: Set by libpython (``hypot@GLIBC_2.35``: the interpreter is built on the build machine) over
#: the Qt wheels (manylinux_2_34). ``check`` fails when a change raises it.
GLIBC_FLOOR: Final = (2, 35)
#: Files in the bundle named by glibc's own libraries (whose versions are "GLIBC_x.y").
GLIBC_SONAMES: Final = re.compile(
    r"^(libc|libm|libpthread|libdl|librt|libutil|libresolv|ld-linux-x86-64)\.so"
)
_NEED_FILE = re.compile(r"File: (\S+)")
_NEED_NAME = re.compile(r"Name: (GLIBC|GLIBCXX|CXXABI|GCC)_([0-9.]+)")

Version = tuple[int, ...]


def version(text: str) -> Version:
    return tuple(int(p) for p in text.split("."))


def dotted(v: Version) -> str:
    return ".".join(str(p) for p in v)


# --- check: the glibc floor and the manifest -------------------------------------------------


def elf_files(dist: Path) -> list[Path]:
    found = []
    for path in sorted(dist.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) == b"\x7fELF":
                found.append(path)
    return found


def run(argv: list[str], *, cwd: Path | None = None) -> str:
    """A build tool (binutils, git, xorriso) with arguments made here, never a shell."""
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=True)  # noqa: S603
    return done.stdout


def needed_versions(path: Path) -> dict[str, Version]:
    """The newest version ``path`` needs of each family (GLIBC, GLIBCXX, CXXABI, GCC)."""
    out = run(["readelf", "-V", "--wide", str(path)])
    newest: dict[str, Version] = {}
    library = ""
    for line in out.splitlines():
        if m := _NEED_FILE.search(line):
            library = m.group(1)
            continue
        m = _NEED_NAME.search(line)
        if m is None:
            continue
        family, v = m.group(1), version(m.group(2))
        if family == "GLIBC" and not GLIBC_SONAMES.match(library):
            continue
        if v > newest.get(family, ()):
            newest[family] = v
    return newest


@dataclass
class Floor:
    newest: dict[str, Version] = field(default_factory=dict)
    setters: dict[str, list[str]] = field(default_factory=dict)

    def add(self, rel: str, needs: dict[str, Version]) -> None:
        for family, v in needs.items():
            if v > self.newest.get(family, ()):
                self.newest[family] = v
                self.setters[family] = [rel]
            elif v == self.newest[family]:
                self.setters[family].append(rel)


def floor_of(dist: Path) -> Floor:
    floor = Floor()
    for path in elf_files(dist):
        floor.add(str(path.relative_to(dist)), needed_versions(path))
    return floor


def manifest_lines(dist: Path) -> Iterator[str]:
    for path in sorted(dist.rglob("*")):
        rel = path.relative_to(dist).as_posix()
        if path.is_symlink():
            yield f"link\t-\t-\t{rel} -> {os.readlink(path)}"
        elif path.is_file():
            mode = stat.S_IMODE(path.stat().st_mode)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            yield f"{path.stat().st_size}\t{mode:04o}\t{digest}\t{rel}"


def missing_data(dist: Path) -> list[str]:
    """The program's own data files the bundle must carry (where the package looks for them:
    beside the ``secrecy_desk`` package, i.e. in ``_internal``)."""
    inside = dist / "_internal"
    missing = [
        f"{rel} (none)"
        for rel, pattern in (
            ("resources/fonts", "*.ttf"),
            ("resources/i18n", "*.ts"),
            ("resources/styles", "*.qss"),
            ("resources/icons", "*.svg"),
            ("forms/registers", "*.toml"),
            ("forms/commitments", "*.toml"),
            ("forms/approvals", "*.toml"),
        )
        if not any((inside / rel).glob(pattern))
    ]
    missing += [
        str(ts.with_suffix(".qm").relative_to(inside))
        for ts in sorted((inside / "resources" / "i18n").glob("*.ts"))
        if not ts.with_suffix(".qm").is_file()
    ]
    return missing


def cmd_check(dist: Path, manifest: Path | None) -> int:
    missing = missing_data(dist)
    if missing:
        print(f"The bundle lacks data files: {', '.join(missing)}", file=sys.stderr)
        return 1
    floor = floor_of(dist)
    for family in ("GLIBC", "GLIBCXX", "CXXABI", "GCC"):
        if family in floor.newest:
            who = floor.setters[family]
            more = f" (+{len(who) - 3} more)" if len(who) > 3 else ""
            print(f"{family}_{dotted(floor.newest[family])}: {', '.join(who[:3])}{more}")
    glibc = floor.newest.get("GLIBC", ())
    print(f"glibc floor: {dotted(glibc)} (stated: {dotted(GLIBC_FLOOR)})")
    if manifest is not None:
        lines = list(manifest_lines(dist))
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        size = sum(int(line.split("\t")[0]) for line in lines if not line.startswith("link"))
        files = sum(1 for line in lines if not line.startswith("link"))
        print(f"{files} files, {size / 1e6:.1f} MB; manifest: {manifest}")
    if glibc > GLIBC_FLOOR:
        print(
            f"The bundle needs glibc {dotted(glibc)}, above the stated floor "
            f"{dotted(GLIBC_FLOOR)}: keep the floor or change it in the README and here.",
            file=sys.stderr,
        )
        return 1
    return 0


# --- disc ------------------------------------------------------------------------------------


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0"))


def git_commit() -> str:
    try:
        return run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT).strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = epoch()
    if info.isdir() or (info.isfile() and info.mode & 0o100):
        info.mode = 0o755
    elif info.isfile():
        info.mode = 0o644
    return info


def write_archive(dist: Path, target: Path) -> None:
    """``dist`` as ``secrecy-desk/…`` in a reproducible ``.tar.xz``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(dist, arcname="secrecy-desk", recursive=False, filter=_normalised)
        for path in sorted(dist.rglob("*")):
            rel = "secrecy-desk/" + path.relative_to(dist).as_posix()
            tar.add(path, arcname=rel, recursive=False, filter=_normalised)
    with lzma.open(target, "wb", preset=6) as xz:
        xz.write(buffer.getvalue())


def runtime_distributions() -> list[md.Distribution]:
    """secrecy-desk's run-time requirements and theirs (no extras), plus PyInstaller, whose
    bootloader starts the bundle."""
    marker = re.compile(r"^([A-Za-z0-9_.\-]+)")
    seen: dict[str, md.Distribution] = {}
    todo = ["secrecy-desk", "pyinstaller"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        if key == "pyinstaller":
            continue  # its own requirements are build tools, not in the bundle
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            if m := marker.match(req):
                todo.append(m.group(1))
    seen.pop("secrecy-desk", None)
    return sorted(seen.values(), key=lambda d: str(d.metadata["Name"]).lower())


LICENCE_FILE: Final = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def licence_files(dist: md.Distribution) -> list[tuple[str, Path]]:
    found = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if parts and parts[0].endswith(".dist-info") and LICENCE_FILE.search(parts[-1]):
            found.append((parts[-1], Path(str(dist.locate_file(file)))))
    return found


#: Texts the wheels do not carry themselves: (file on the disc, source, what it covers).
EXTRA_LICENCES: Final = [
    ("Qt-PySide6-LGPL-3.0.txt", "/usr/share/common-licenses/LGPL-3", "Qt 6, PySide6, shiboken6"),
    ("Qt-PySide6-GPL-3.0.txt", "/usr/share/common-licenses/GPL-3", "Qt 6 (LGPL-3.0 builds on it)"),
    ("ICU-copyright.txt", "/usr/share/doc/libicu72/copyright", "ICU, inside Qt (Unicode licence)"),
    (
        "OpenSSL-Apache-2.0.txt",
        "/usr/share/common-licenses/Apache-2.0",
        "OpenSSL 3, linked into sqlcipher3 and cryptography",
    ),
    ("Python-PSF.txt", f"{sys.base_prefix}/lib/python3.11/LICENSE.txt", "Python 3.11"),
    ("SecrecyDeskSerif-OFL.txt", str(ROOT / "resources" / "fonts" / "OFL.txt"), "the font"),
    (
        "SQLCipher-BSD-3-Clause.txt",
        str(DISC_SOURCES / "licences" / "SQLCipher-BSD-3-Clause.txt"),
        "SQLCipher, inside sqlcipher3",
    ),
]


def write_licences(folder: Path) -> None:
    folder.mkdir(parents=True)
    index = [
        "Licences of everything inside the bundle / 程序包内各组件的许可证",
        "",
        "component\tversion\tlicence (as its metadata says)\tfiles",
    ]
    for dist in runtime_distributions():
        name, ver = str(dist.metadata["Name"]), dist.version
        meta = dist.metadata
        expr = next((str(meta[k]) for k in ("License-Expression", "License") if k in meta), "")
        expr = expr.splitlines()[0] if expr.strip() else "see files"
        sub = folder / f"{name}-{ver}"
        names = []
        for base, src in licence_files(dist):
            sub.mkdir(exist_ok=True)
            shutil.copyfile(src, sub / base)
            names.append(f"{sub.name}/{base}")
        if not names and "LGPL-3.0" in expr:
            names = ["Qt-PySide6-LGPL-3.0.txt", "Qt-PySide6-GPL-3.0.txt"]
        if name == "sqlcipher3":
            names.append("SQLCipher-BSD-3-Clause.txt")
        index.append(f"{name}\t{ver}\t{expr}\t{', '.join(names) or '-'}")
    for target, source, what in EXTRA_LICENCES:
        if Path(source).is_file():
            shutil.copyfile(source, folder / target)
            index.append(f"{what}\t\t\t{target}")
        else:
            index.append(f"{what}\t\t\tMISSING on the build machine: {source}")
    (folder / "INDEX.txt").write_text("\n".join(index) + "\n", encoding="utf-8")


def sha256sums(folder: Path) -> str:
    lines = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "SHA256SUMS":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def _files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.rglob("*") if p.is_file())


def write_disc_tree(dist: Path, out: Path) -> Path:
    """The folder that becomes the disc, ``out/secrecy-desk-<version>/``; returns it."""
    ver = project_version()
    tree = out / f"secrecy-desk-{ver}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    archive = f"secrecy-desk-{ver}-linux-x86_64.tar.xz"
    write_archive(dist, tree / archive)
    shutil.copyfile(DISC_SOURCES / "install.sh", tree / "install.sh")
    os.chmod(tree / "install.sh", 0o755)  # noqa: S103 - a program the administrator runs
    shutil.copyfile(DISC_SOURCES / "README.txt", tree / "README.txt")
    floor = floor_of(dist).newest.get("GLIBC", GLIBC_FLOOR)
    (tree / "VERSION").write_text(
        f"version={ver}\ncommit={git_commit()}\narchive={archive}\n"
        f"glibc={dotted(max(floor, GLIBC_FLOOR))}\nsource_date_epoch={epoch()}\n",
        encoding="utf-8",
    )
    write_licences(tree / "licences")
    (tree / "SHA256SUMS").write_text(sha256sums(tree), encoding="utf-8")
    # Folders too: the ISO records every time stamp (Rock Ridge), so all are set.
    for path in [*tree.rglob("*"), tree]:
        os.utime(path, (epoch(), epoch()))
    return tree


def cmd_disc(dist: Path, out: Path) -> int:
    tree = write_disc_tree(dist, out)
    iso = out / f"{tree.name}.iso"
    iso.unlink(missing_ok=True)
    label = f"SECRECY_DESK_{project_version().replace('.', '_')}"
    run(["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-V", label, "-o", str(iso), str(tree)])
    size = sum(p.stat().st_size for p in _files(tree))
    sums = hashlib.sha256((tree / "SHA256SUMS").read_bytes()).hexdigest()
    print(f"disc folder: {tree} ({size / 1e6:.1f} MB); SHA-256 of its SHA256SUMS: {sums}")
    print(f"disc image:  {iso} ({iso.stat().st_size / 1e6:.1f} MB)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bundle")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="glibc floor and manifest of a built bundle")
    check.add_argument("dist", type=Path)
    check.add_argument("--manifest", type=Path)
    disc = sub.add_parser("disc", help="the disc folder and its ISO image")
    disc.add_argument("dist", type=Path)
    disc.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check(args.dist, args.manifest)
    return cmd_disc(args.dist, args.out)


if __name__ == "__main__":
    raise SystemExit(main())

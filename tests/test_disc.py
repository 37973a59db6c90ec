"""The disc and its install.sh, on a tiny stand-in for the bundle (the real bundle is built and
installed by ``./desk bundle-test``): verification, install into a scratch root, upgrade with a
fallback, roll-back, refusals and removal that leaves the vaults alone."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tarfile
from pathlib import Path

import pytest

from scripts import bundle

pytestmark = pytest.mark.skipif(
    shutil.which("xz") is None or shutil.which("sha256sum") is None,
    reason="install.sh needs xz and sha256sum",
)

ICON = Path(bundle.ROOT, "resources", "icons", "secrecy-desk.svg")


def fake_bundle(folder: Path, version: str) -> Path:
    dist = folder / "secrecy-desk"
    (dist / "_internal" / "resources" / "icons").mkdir(parents=True)
    shutil.copyfile(ICON, dist / "_internal" / "resources" / "icons" / "secrecy-desk.svg")
    for name in ("secrecy-desk", "secrecy-desk-admin"):
        (dist / name).write_text(f"#!/bin/sh\necho {name} {version}\n", encoding="ascii")
        (dist / name).chmod(0o700)
    (dist / "_internal" / "data.txt").write_text("保密", encoding="utf-8")
    (dist / "_internal" / "data.txt").chmod(0o600)
    return dist


def disc(tmp: Path, version: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(bundle, "project_version", lambda: version)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    return bundle.write_disc_tree(fake_bundle(tmp / f"build-{version}", version), tmp / "out")


def install(
    tree: Path, root: Path, *args: str, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANG="C.UTF-8")
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["sh", str(tree / "install.sh"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_disc_lists_every_file_and_its_archive_is_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = disc(tmp_path, "0.1.0", monkeypatch)
    listed = {line.split("  ", 1)[1] for line in (tree / "SHA256SUMS").read_text().splitlines()}
    present = {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()}
    assert listed == present - {"SHA256SUMS"}
    assert {"install.sh", "README.txt", "VERSION", "licences/INDEX.txt"} <= listed
    assert "licences/SecrecyDeskSerif-OFL.txt" in listed
    version = dict(line.split("=", 1) for line in (tree / "VERSION").read_text().splitlines())
    assert version["glibc"] == bundle.dotted(bundle.GLIBC_FLOOR)
    archive = tree / version["archive"]
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == sorted(m.name for m in members)
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, 1767225600)}
    modes = {m.name: m.mode for m in members}
    assert modes["secrecy-desk/secrecy-desk-admin"] == 0o755
    assert modes["secrecy-desk/_internal/data.txt"] == 0o644
    first = archive.read_bytes()
    again = disc(tmp_path / "again", "0.1.0", monkeypatch)
    assert (again / version["archive"]).read_bytes() == first


def test_install_upgrade_rollback_and_uninstall_keep_the_vaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = (
        disc(tmp_path / "a", "0.1.0", monkeypatch),
        disc(tmp_path / "b", "0.2.0", monkeypatch),
    )
    root = tmp_path / "root"
    r = install(old, root)
    assert r.returncode == 0, r.stderr
    assert "光盘校验通过" in r.stderr
    assert "The disc verified" in r.stderr
    opt = root / "opt" / "secrecy-desk"
    admin = opt / "secrecy-desk-admin"
    assert subprocess.run([str(admin)], capture_output=True, text=True, check=True).stdout == (
        "secrecy-desk-admin 0.1.0\n"
    )
    assert stat.S_IMODE(admin.stat().st_mode) == 0o755
    assert stat.S_IMODE((opt / "_internal" / "data.txt").stat().st_mode) == 0o644
    for name in ("secrecy-desk", "secrecy-desk-admin"):
        assert os.readlink(root / "usr" / "local" / "bin" / name) == f"/opt/secrecy-desk/{name}"
    entry = (root / "usr" / "share" / "applications" / "secrecy-desk.desktop").read_text()
    assert "Name[zh_CN]=保密台账工作站" in entry
    assert "Name=Secrecy Desk" in entry
    assert "Exec=/opt/secrecy-desk/secrecy-desk" in entry
    assert (root / "usr/share/icons/hicolor/scalable/apps/secrecy-desk.svg").is_file()
    # The rollback anchors' folder: every account may leave its vault's anchor there, none may
    # list it or remove another's (docs/design.md "Rollback").
    anchors = root / "var" / "lib" / "secrecy-desk" / "anchors"
    assert stat.S_IMODE(anchors.stat().st_mode) == 0o1733
    (anchors / "0123.anchor").write_text("kept")
    vault = root / "home" / "clerk" / ".local" / "share" / "secrecy-desk" / "vault"
    vault.mkdir(parents=True)
    (vault / "vault.db").write_bytes(b"encrypted")

    r = install(new, root)
    assert r.returncode == 0, r.stderr
    assert "0.1.0" in r.stderr  # the version kept as the fallback is named
    assert "version=0.2.0" in (opt / "VERSION").read_text()
    assert "version=0.1.0" in (root / "opt" / "secrecy-desk.prev" / "VERSION").read_text()

    r = install(opt, root, "--rollback")
    assert r.returncode == 0, r.stderr
    assert "version=0.1.0" in (opt / "VERSION").read_text()
    assert "version=0.2.0" in (root / "opt" / "secrecy-desk.prev" / "VERSION").read_text()

    r = install(opt, root, "--uninstall")
    assert r.returncode == 0, r.stderr
    assert not opt.exists()
    assert not (root / "opt" / "secrecy-desk.prev").exists()
    assert not (root / "usr" / "local" / "bin" / "secrecy-desk").is_symlink()
    assert not (root / "usr" / "share" / "applications" / "secrecy-desk.desktop").exists()
    assert (vault / "vault.db").read_bytes() == b"encrypted"
    assert (anchors / "0123.anchor").read_text() == "kept"  # removing it would hide a rollback


@pytest.mark.parametrize("change", ["altered", "added", "removed"])
def test_a_disc_that_does_not_match_its_checksums_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    tree = disc(tmp_path, "0.1.0", monkeypatch)
    if change == "altered":
        with (tree / "README.txt").open("a") as f:
            f.write("x")
    elif change == "added":
        (tree / "extra.sh").write_text("echo hi\n")
    else:
        (tree / "licences" / "INDEX.txt").unlink()
    root = tmp_path / "root"
    r = install(tree, root)
    assert r.returncode == 1
    assert "校验失败" in r.stderr
    assert "Verification failed" in r.stderr
    assert not (root / "opt").exists()


def test_a_system_older_than_the_floor_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = disc(tmp_path, "0.1.0", monkeypatch)
    tools = tmp_path / "tools"
    tools.mkdir()
    getconf = tools / "getconf"
    getconf.write_text("#!/bin/sh\necho glibc 2.28\n")
    getconf.chmod(0o755)
    r = install(tree, tmp_path / "root", path=f"{tools}:{os.environ['PATH']}")
    assert r.returncode == 1
    assert "本机 glibc 为 2.28" in r.stderr
    assert f"needs at least {bundle.dotted(bundle.GLIBC_FLOOR)}" in r.stderr
    assert not (tmp_path / "root" / "opt").exists()


def test_the_floor_check_reads_real_symbol_versions(tmp_path: Path) -> None:
    needs = bundle.needed_versions(Path("/bin/sh").resolve())
    assert needs["GLIBC"] >= (2, 2)
    lib = tmp_path / "dist"
    lib.mkdir()
    shutil.copyfile(Path("/bin/sh").resolve(), lib / "tool")
    (lib / "notes.txt").write_text("not an ELF file")
    floor = bundle.floor_of(lib)
    assert floor.newest["GLIBC"] == needs["GLIBC"]
    assert floor.setters["GLIBC"] == ["tool"]


def test_the_check_names_data_files_the_bundle_lacks(tmp_path: Path) -> None:
    dist = fake_bundle(tmp_path, "0.1.0")
    missing = bundle.missing_data(dist)
    assert "resources/fonts (none)" in missing
    assert "forms/registers (none)" in missing
    assert "resources/icons (none)" not in missing
    i18n = dist / "_internal" / "resources" / "i18n"
    i18n.mkdir()
    (i18n / "admin_zh_CN.ts").write_text("<TS/>")
    assert "resources/i18n/admin_zh_CN.qm" in bundle.missing_data(dist)
    (i18n / "admin_zh_CN.qm").write_bytes(b"qm")
    assert "resources/i18n/admin_zh_CN.qm" not in bundle.missing_data(dist)

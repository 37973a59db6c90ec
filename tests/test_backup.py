"""Backups and restores: encrypted, verified, fixed disks only, sysadmin only, recorded."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest

from secrecy_desk.core.errors import DeskError, PermissionDenied, VaultError
from secrecy_desk.forms import load_all
from secrecy_desk.modules.registers import Query
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault import backup, db, keyfile, pagecheck, pagemac
from secrecy_desk.vault import session as sessions
from tests.support.vault import CLERK, NAMES, OFFICER, PASSWORDS, SYSADMIN, UNIT, VaultEnv

GIFT = {
    "recipient": "张三",
    "department": "一室",
    "kind": "礼品",
    "description": "茶叶两盒",
    "value": "300",
    "giver": "李四",
    "received_on": "2026-03-01",
}


def _with_entry(vault_env: VaultEnv) -> str:
    s = vault_env.login(OFFICER)
    try:
        return open_registers(s, load_all()).add("gifts", GIFT).entry.number
    finally:
        s.logout()


def _with_history(vault_env: VaultEnv, records: int = 3000) -> None:
    """An entry and enough audit records that the check of a copy walks a few hundred pages
    (its walk is shared by two connections: each must have some to report on)."""
    _with_entry(vault_env)
    vault_env.noise(records, SYSADMIN)


def _gift_numbers(vault_env: VaultEnv, folder: Path) -> list[str]:
    """The gift register's entry numbers in the vault restored to ``folder``, as the officer
    lists them."""
    officer = sessions.login(folder, OFFICER, PASSWORDS[OFFICER], clock=vault_env.clock)
    try:
        return [e.number for e in open_registers(officer, load_all()).page("gifts", Query())]
    finally:
        officer.logout()


def _backed_up(vault_env: VaultEnv, target: Path) -> backup.BackupReport:
    """A backup into ``target`` by the system administrator."""
    s = vault_env.login(SYSADMIN)
    try:
        return backup.backup(s, target)
    finally:
        s.logout()


def _last_backup_outcome(s: sessions.Session) -> str:
    row = s.vault.store.one(
        "SELECT outcome FROM audit WHERE action = 'vault.backup' ORDER BY seq DESC LIMIT 1"
    )
    return str(row[0]) if row else ""


def test_a_backup_is_encrypted_verified_and_restores(vault_env: VaultEnv, tmp_path: Path) -> None:
    number = _with_entry(vault_env)
    target = tmp_path / "backup"
    s = vault_env.login(SYSADMIN)
    try:
        report = backup.backup(s, target)
    finally:
        s.logout()
    assert report.records > 0
    data = (target / db.DB_NAME).read_bytes() + (target / keyfile.KEYFILE_NAME).read_bytes()
    for plain in (UNIT, NAMES[CLERK], "茶叶两盒", OFFICER):
        assert plain.encode() not in data
    restored = tmp_path / "restored"
    session = backup.restore(target, restored, SYSADMIN, PASSWORDS[SYSADMIN], clock=vault_env.clock)
    session.logout()
    assert _gift_numbers(vault_env, restored) == [number]


@pytest.mark.parametrize("still", [True, False], ids=["file copy", "export"])
def test_a_backup_holds_what_was_just_saved_and_names_its_hash(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, still: bool
) -> None:
    """The streamed copy of the file holds the audit record written a moment before it (still
    in the write-ahead log until the copy checkpoints it) and the report's SHA-256 is the
    copy's; when the file cannot be held still, the export path gives the same."""
    import contextlib
    import hashlib
    from collections.abc import Iterator

    if not still:

        @contextlib.contextmanager
        def busy(_store: db.Store) -> Iterator[bool]:
            yield False

        monkeypatch.setattr(db.Store, "file_snapshot", busy)
    monkeypatch.setattr(backup, "CHUNK", 4096)  # many chunks even for a small vault
    number = _with_entry(vault_env)
    report = _backed_up(vault_env, tmp_path / "b")
    copy = (tmp_path / "b" / db.DB_NAME).read_bytes()
    assert report.sha256 == hashlib.sha256(copy).hexdigest()
    assert report.size == len(copy)
    session = backup.restore(
        tmp_path / "b", tmp_path / "r", SYSADMIN, PASSWORDS[SYSADMIN], clock=vault_env.clock
    )
    started = session.vault.store.all(
        "SELECT details FROM audit WHERE action = 'vault.backup' ORDER BY seq"
    )
    session.logout()
    assert [str(r[0]) for r in started] == ['{"stage": "start"}']
    assert _gift_numbers(vault_env, tmp_path / "r") == [number]


def test_only_the_sysadmin_backs_up(vault_env: VaultEnv, tmp_path: Path) -> None:
    s = vault_env.login(OFFICER)
    try:
        with pytest.raises(PermissionDenied):
            backup.backup(s, tmp_path / "b")
    finally:
        s.logout()
    assert not (tmp_path / "b").exists()


def test_a_backup_needs_a_new_folder_on_a_fixed_disk(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "other.txt").write_text("x")
    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(DeskError):
            backup.backup(s, busy)
        assert (busy / "other.txt").read_text() == "x"
        monkeypatch.setattr("secrecy_desk.core.media.refusal", lambda path, **_: "removable")
        with pytest.raises(DeskError):
            backup.backup(s, tmp_path / "stick")
        refused = s.vault.store.all(
            "SELECT outcome FROM audit WHERE action = 'vault.backup' ORDER BY seq DESC LIMIT 1"
        )
        assert refused == [("refused",)]
    finally:
        s.logout()
    assert not (tmp_path / "stick").exists()


def test_restore_refuses_an_existing_vault_and_non_sysadmins(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    target = tmp_path / "backup"
    s = vault_env.login(SYSADMIN)
    try:
        backup.backup(s, target)
    finally:
        s.logout()
    before = (vault_env.folder / db.DB_NAME).read_bytes()
    with pytest.raises(VaultError):
        backup.restore(
            target, vault_env.folder, SYSADMIN, PASSWORDS[SYSADMIN], clock=vault_env.clock
        )
    assert (vault_env.folder / db.DB_NAME).read_bytes() == before
    fresh = tmp_path / "fresh"
    with pytest.raises(PermissionDenied):
        backup.restore(target, fresh, OFFICER, PASSWORDS[OFFICER], clock=vault_env.clock)
    assert not (fresh / db.DB_NAME).exists()
    assert not (fresh / keyfile.KEYFILE_NAME).exists()


def test_cli_backup_and_restore(vault_env: VaultEnv, tmp_path: Path) -> None:
    out = vault_env.cli_as(SYSADMIN, ["backup", "--to", str(tmp_path / "b")])
    assert out.code == 0, out.err
    res = vault_env.cli(
        [
            "restore",
            "--from",
            str(tmp_path / "b"),
            "--vault",
            str(tmp_path / "r"),
            "--as",
            SYSADMIN,
        ],
        PASSWORDS[SYSADMIN],
    )
    assert res.code == 0, res.err
    again = vault_env.cli(
        [
            "restore",
            "--from",
            str(tmp_path / "b"),
            "--vault",
            str(tmp_path / "r"),
            "--as",
            SYSADMIN,
        ],
        PASSWORDS[SYSADMIN],
    )
    assert again.code == 4


def test_the_backup_bar_runs_through_the_self_check_and_a_cancel_there_keeps_nothing(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bar moves while the copy is read back and checked (its longer part), not only
    while it is written; cancelled during the check, the backup leaves no folder and says
    so."""
    _with_history(vault_env)
    monkeypatch.setattr(backup, "COPY_STEP", 16 * 4096)  # many steps even for a small vault
    monkeypatch.setattr(backup, "CHUNK", 16 * 4096)
    share = backup.COPY_WORK / (backup.COPY_WORK + backup.READ_BACK_WORK)
    s = vault_env.login(SYSADMIN)
    try:
        told: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> bool:
            told.append((done, total))
            return True

        backup.backup(s, tmp_path / "b1", progress)
        total = told[-1][1]
        assert told[-1] == (total, total)
        done = [d for d, _t in told]
        assert done == sorted(done)
        copying = [d for d in done if d < total * share]
        checking = [d for d in done if total * share < d < total]
        assert len(set(copying)) > 5  # both move on the way
        assert len(set(checking)) > 5

        calls: list[int] = []

        def cancel_in_the_check(d: int, t: int) -> bool:
            calls.append(d)
            return d < t * (share + (1 - share) / 2)

        with pytest.raises(backup.BackupCancelled) as caught:
            backup.backup(s, tmp_path / "b2", cancel_in_the_check)
        assert caught.value.message("en") == "The backup was cancelled; nothing was kept."
        assert calls[-1] > total * share  # cancelled after the copy was written
        assert not (tmp_path / "b2").exists()
        alive = [t.name for t in threading.enumerate() if t.name.startswith("secrecy-desk-backup")]
        assert alive == []
        assert _last_backup_outcome(s) == "failed"
    finally:
        s.logout()


def test_the_check_before_a_restore_reports_progress_and_can_be_cancelled(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    """Choosing a backup to restore checks every page of it: the bar moves through the
    check to its end, and a cancel stops it with its own sentence (nothing restored)."""
    _with_history(vault_env)
    s = vault_env.login(SYSADMIN)
    try:
        backup.backup(s, tmp_path / "b1")
        told: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> bool:
            told.append((done, total))
            return True

        report = backup.check_backup(s, tmp_path / "b1", progress)
        assert report.records > 0
        total = told[-1][1]
        assert told[0] == (0, total)
        assert told[-1] == (total, total)
        assert len({d for d, _t in told}) > 2  # it moved on the way, not only at the ends
        calls: list[int] = []

        def cancel_midway(d: int, _t: int) -> bool:
            calls.append(d)
            return len(calls) < 3

        with pytest.raises(backup.BackupCancelled) as caught:
            backup.check_backup(s, tmp_path / "b1", cancel_midway)
        assert caught.value.message("en") == (
            "The check of the backup was cancelled; nothing was restored."
        )
    finally:
        s.logout()


def test_a_cancel_while_the_file_is_copied_keeps_nothing_and_leaves_no_thread(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cancel during the copy (its tenth step) keeps nothing and starts no checking thread;
    the next backup's hash is its file's."""
    _with_history(vault_env)
    monkeypatch.setattr(backup, "COPY_STEP", 4096)  # many steps
    steps = -(-(vault_env.folder / db.DB_NAME).stat().st_size // 4096)
    calls: list[tuple[int, int]] = []

    def cancel_in_the_copy(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 10

    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(backup.BackupCancelled):
            backup.backup(s, tmp_path / "b1", cancel_in_the_copy)
        assert steps > 10
        done, total = calls[-1]
        share = backup.COPY_WORK / (backup.COPY_WORK + backup.READ_BACK_WORK)
        assert len(calls) == 10
        assert done < total * share  # cancelled before the copy was done
        assert not (tmp_path / "b1").exists()
        alive = [t.name for t in threading.enumerate() if t.name.startswith("secrecy-desk-backup")]
        assert alive == []
        report = backup.backup(s, tmp_path / "b2")
        copy = (tmp_path / "b2" / db.DB_NAME).read_bytes()
        assert report.sha256 == hashlib.sha256(copy).hexdigest()
    finally:
        s.logout()


def test_a_vault_whose_own_file_is_damaged_is_not_backed_up_and_is_told_so(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    """The pages are walked as they are copied: a page of the vault's own file that does not
    authenticate (one flipped byte, as a bad sector would) stops the backup with a sentence
    that says where the damage is — in the vault, so trying again would not help — and
    nothing is kept; the failure is recorded."""
    _with_history(vault_env)
    path = vault_env.folder / db.DB_NAME
    data = bytearray(path.read_bytes())
    pages = len(data) // backup.PAGE_BYTES
    data[(pages // 2) * backup.PAGE_BYTES + 1500] ^= 0x01  # an old audit record's page
    path.write_bytes(bytes(data))
    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(VaultError) as caught:
            backup.backup(s, tmp_path / "b")
        assert caught.value.message("en") == (
            "The backup was not made: the vault's own file is damaged (found while it was "
            "copied). Nothing was kept. Run verify to see where, then restore the vault from "
            "its last good backup."
        )
        assert not (tmp_path / "b").exists()
        assert backup.last_good(s.vault.store) is None
        assert _last_backup_outcome(s) == "failed"
    finally:
        s.logout()


def test_a_copy_the_disk_did_not_keep_as_written_is_refused(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is read back once written: a byte of it that changed on the way to the disk
    fails the backup (nothing kept) with a sentence that asks to try again, since the vault's
    own file is sound."""
    _with_history(vault_env)
    real = backup._stream_copy

    def written_wrongly(source: Path, copy: Path, progress: backup.Progress | None = None) -> None:
        real(source, copy, progress)
        with copy.open("r+b") as f:
            f.seek(copy.stat().st_size // 2 + 700)
            byte = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([byte[0] ^ 0x10]))

    monkeypatch.setattr(backup, "_stream_copy", written_wrongly)
    s = vault_env.login(SYSADMIN)
    try:
        with pytest.raises(VaultError) as caught:
            backup.backup(s, tmp_path / "b")
        assert caught.value.message("en") == (
            f"The backup in {tmp_path / 'b'} did not verify; it was removed. Try again."
        )
        assert not (tmp_path / "b").exists()
        monkeypatch.undo()
        report = backup.backup(s, tmp_path / "b")  # the vault itself is sound
        written = (tmp_path / "b" / db.DB_NAME).read_bytes()
        assert report.sha256 == hashlib.sha256(written).hexdigest()
    finally:
        s.logout()


@pytest.mark.parametrize("layout", ["authenticated", "walked"])
def test_a_copy_of_another_page_layout_is_walked_by_sqlite_instead(
    vault_env: VaultEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    """A vault whose pages are not laid out as :mod:`pagemac` checks them (other cipher
    settings) has its copy checked by SQLite's walk of every table and index instead: the
    backup is still made and holds what was saved, and a damaged copy is still refused."""
    if layout == "walked":
        monkeypatch.setattr(pagemac, "supported", lambda _store: False)
    walked: list[Path | None] = []
    real_checks = pagecheck.page_checks

    def spy(store: db.Store, bar: pagecheck.WorkBar, **kwargs: Any) -> list[str]:
        walked.append(store.path)
        return real_checks(store, bar, **kwargs)

    monkeypatch.setattr(pagecheck, "page_checks", spy)
    number = _with_entry(vault_env)
    report = _backed_up(vault_env, tmp_path / "b")
    assert walked == ([tmp_path / "b" / db.DB_NAME] if layout == "walked" else [])
    written = (tmp_path / "b" / db.DB_NAME).read_bytes()
    assert report.sha256 == hashlib.sha256(written).hexdigest()
    restored = backup.restore(
        tmp_path / "b", tmp_path / "r", SYSADMIN, PASSWORDS[SYSADMIN], clock=vault_env.clock
    )
    restored.logout()
    assert _gift_numbers(vault_env, tmp_path / "r") == [number]


def test_the_page_check_finds_what_sqlcipher_finds(vault_env: VaultEnv) -> None:
    """:class:`pagemac.PageMacs` is held to SQLCipher's own ``cipher_integrity_check``: on the
    vault's file as it is, neither finds a page; with a byte flipped in the second page, a
    middle one and the last, or a page put in another's place, both find the same pages. A
    flipped byte in the first page (past its salt) is found too, where SQLCipher does not
    even open the file."""
    _with_history(vault_env)
    path = vault_env.folder / db.DB_NAME
    clean = path.read_bytes()
    master = vault_env.master_key()
    macs = pagemac.PageMacs(master, clean[: pagemac.SALT])
    pages = len(clean) // pagemac.PAGE
    assert pages > 20
    assert macs.bad_pages(bytearray(clean), 1) == []

    def sqlcipher_finds(data: bytes) -> set[int]:
        path.write_bytes(data)
        store = db.open_database(path, master, read_only=True)
        try:
            rows = [str(r[0]) for r in store.all("PRAGMA cipher_integrity_check")]
        finally:
            store.close(checkpoint=False)
        return {int(r.split("page ")[1].split()[0]) for r in rows}

    assert sqlcipher_finds(clean) == set()
    data = bytearray(clean)
    for page in (2, pages // 2, pages):
        data[(page - 1) * pagemac.PAGE + 100] ^= 0x04
    found = set(macs.bad_pages(data, 1))
    assert found == {2, pages // 2, pages} == sqlcipher_finds(bytes(data))
    first = bytearray(clean)
    first[pagemac.SALT + 50] ^= 0x04
    assert macs.bad_pages(first, 1) == [1]
    with pytest.raises(VaultError):
        sqlcipher_finds(bytes(first))
    moved = bytearray(clean)
    at = (pages // 3) * pagemac.PAGE
    moved[at : at + pagemac.PAGE] = clean[at - pagemac.PAGE : at]  # page n's bytes at n + 1
    found = set(macs.bad_pages(moved, 1))
    assert found == {pages // 3 + 1} == sqlcipher_finds(bytes(moved))
    path.write_bytes(clean)

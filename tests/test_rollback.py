"""Rollback of the whole vault folder (or of a crash's committed ``-wal``) is caught by the
anchor kept outside the folder, names what is missing, and opens the vault read-only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from secrecy_desk.core.errors import AuthError
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault import anchor, db
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.vault import RollbackDetected
from tests.support.data import drawing
from tests.support.vault import AUDITOR, CLERK, OFFICER, SYSADMIN, VaultEnv, one_sentence


def _copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


def _put_back(copy: Path, folder: Path) -> None:
    shutil.rmtree(folder)
    shutil.copytree(copy, folder)


def _add_drawings(vault_env: VaultEnv, n: int) -> list[str]:
    s = vault_env.login(OFFICER)
    try:
        regs = vault_env.registers(s)
        base = s.vault.store.scalar("SELECT count(*) FROM entries")
        return [
            regs.add("drawings", drawing(drawing_no=f"RB-{base + i}")).entry.number
            for i in range(n)
        ]
    finally:
        s.logout()


def test_whole_folder_put_back_is_refused_and_names_what_is_missing(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    before = _add_drawings(vault_env, 1)
    copy = _copy(vault_env.folder, tmp_path / "copy")
    later = _add_drawings(vault_env, 3)
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.disable_account(s, CLERK, "离岗")
    finally:
        s.logout()
    _put_back(copy, vault_env.folder)

    with pytest.raises(RollbackDetected) as caught:
        vault_env.login(OFFICER)
    msg = caught.value.message("en")
    assert "older copy" in msg
    assert "read-only" in msg
    assert caught.value.gap is not None
    assert caught.value.gap.keyfile_behind
    # The entry numbers that already stand on paper are named, so none is given again.
    first, last = (int(n.rsplit("-", 1)[-1]) for n in (later[0], later[-1]))
    assert f"drawings 2026: {first}-{last}" in msg, msg
    assert before[0] not in msg
    # The account disabled in between does not log in again.
    with pytest.raises(RollbackDetected):
        vault_env.login(CLERK)


def test_verify_reports_the_rollback_read_only_and_keeps_the_evidence(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    copy = _copy(vault_env.folder, tmp_path / "copy")
    _add_drawings(vault_env, 2)
    _put_back(copy, vault_env.folder)
    db_before = (vault_env.folder / db.DB_NAME).read_bytes()
    r = vault_env.cli_as(AUDITOR, ["verify"])
    assert r.code == 1, r
    assert "sound" not in r.out.split("\n")[-2:]
    assert "older copy" in r.out + r.err
    assert "Traceback" not in r.out + r.err
    # Its audit trail can still be listed and exported, read-only.
    exported = vault_env.cli_as(AUDITOR, ["audit", "export", "--to", str(tmp_path / "a.csv")])
    assert exported.code == 0, exported.err
    assert (tmp_path / "a.csv").exists()
    # Nothing was written over the evidence: the anchor still says where the vault stood.
    with pytest.raises(RollbackDetected):
        vault_env.login(OFFICER)
    assert (vault_env.folder / db.DB_NAME).read_bytes() == db_before


def test_deleting_a_committed_wal_left_by_a_crash_is_detected(vault_env: VaultEnv) -> None:
    # A process saves an entry and dies before any checkpoint: the entry is only in the -wal.
    code = textwrap.dedent(
        f"""
        import os
        from secrecy_desk.core.clock import FixedClock
        from secrecy_desk.forms import load_all
        from secrecy_desk.modules.registry import open_registers
        from secrecy_desk.vault import session as sessions
        from tests.support.data import drawing
        import datetime
        s = sessions.login(
            __import__("pathlib").Path({str(vault_env.folder)!r}), {OFFICER!r},
            {vault_env.passwords[OFFICER]!r},
            clock=FixedClock(datetime.datetime.fromisoformat({vault_env.clock.now().isoformat()!r})),
        )
        open_registers(s, load_all()).add("drawings", drawing())
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent.parent)
    wal = vault_env.folder / (db.DB_NAME + "-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0
    wal.unlink()
    (vault_env.folder / (db.DB_NAME + "-shm")).unlink(missing_ok=True)
    with pytest.raises(RollbackDetected) as caught:
        vault_env.login(OFFICER)
    assert "drawings 2026: 1" in caught.value.message("en")


def test_a_vault_ahead_of_its_anchor_opens_and_moves_it(
    vault_env: VaultEnv, anchor_dir: Path
) -> None:
    # A crash between the commit and the anchor write leaves the anchor behind: that is fine.
    s = vault_env.login(OFFICER)
    s.logout()
    path = next(anchor_dir.glob("*.anchor"))
    saved = path.read_bytes()
    _add_drawings(vault_env, 1)
    path.write_bytes(saved)
    s = vault_env.login(OFFICER)
    s.logout()
    assert json.loads(path.read_bytes())["audit_seq"] > json.loads(saved)["audit_seq"]


def test_a_forged_or_damaged_anchor_is_not_trusted(vault_env: VaultEnv, anchor_dir: Path) -> None:
    s = vault_env.login(OFFICER)
    s.logout()
    path = next(anchor_dir.glob("*.anchor"))
    data = json.loads(path.read_bytes())
    data["audit_seq"] = 1  # "nothing happened since record 1" — but the MAC says otherwise
    path.write_text(json.dumps(data))
    with pytest.raises(RollbackDetected) as caught:
        vault_env.login(OFFICER)
    assert "anchor" in caught.value.message("en")


def test_a_deleted_anchor_is_recorded_in_the_trail(vault_env: VaultEnv, anchor_dir: Path) -> None:
    for p in anchor_dir.glob("*.anchor"):
        p.unlink()
    s = vault_env.login(AUDITOR)
    try:
        actions = [r[0] for r in s.vault.store.all("SELECT action FROM audit ORDER BY seq")]
    finally:
        s.logout()
    assert "vault.anchor_missing" in actions
    assert list(anchor_dir.glob("*.anchor"))


def test_anchor_is_written_with_the_key_file_discipline(
    vault_env: VaultEnv, anchor_dir: Path
) -> None:
    s = vault_env.login(SYSADMIN)
    s.logout()
    files = sorted(p.name for p in anchor_dir.iterdir())
    assert len(files) == 1
    assert files[0].endswith(".anchor")
    assert (anchor_dir / files[0]).stat().st_mode & 0o077 == 0


def test_the_default_anchor_location_is_outside_the_vault(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(anchor.ENV_DIR)
    monkeypatch.setattr(anchor, "SYSTEM_DIR", tmp_path / "ro" / "anchors")
    (tmp_path / "ro").mkdir(mode=0o500)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(os, "access", lambda p, m: "ro" not in str(p))
    assert anchor.anchor_dir() == tmp_path / "state" / "secrecy-desk" / "anchors"


def test_wrong_password_on_a_rolled_back_vault_is_still_just_wrong(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    copy = _copy(vault_env.folder, tmp_path / "copy")
    _add_drawings(vault_env, 1)
    _put_back(copy, vault_env.folder)
    with pytest.raises(AuthError):
        sessions.login(vault_env.folder, OFFICER, "wrong-Password-1", clock=vault_env.clock)
    r = vault_env.cli_as(OFFICER, ["users", "list"])
    assert r.code == 4
    one_sentence(r)


def test_a_restore_from_backup_is_accepted_explicitly_and_names_what_it_lacks(
    vault_env: VaultEnv, tmp_path: Path
) -> None:
    from secrecy_desk.vault import backup

    s = vault_env.login(SYSADMIN)
    try:
        backup.backup(s, tmp_path / "backup")
    finally:
        s.logout()
    later = _add_drawings(vault_env, 2)
    # Anyone but the sysadmin is refused, and the anchor stays where the live vault stood.
    with pytest.raises(Exception, match="system administrator"):
        backup.restore(
            tmp_path / "backup",
            tmp_path / "r1",
            OFFICER,
            vault_env.passwords[OFFICER],
            clock=vault_env.clock,
        )
    s = vault_env.login(OFFICER)  # the live vault still reaches its anchor
    s.logout()
    session = backup.restore(
        tmp_path / "backup",
        tmp_path / "r2",
        SYSADMIN,
        vault_env.passwords[SYSADMIN],
        clock=vault_env.clock,
    )
    try:
        row = session.vault.store.one(
            "SELECT details FROM audit WHERE action = 'vault.restore' ORDER BY seq DESC"
        )
    finally:
        session.logout()
    assert row is not None
    details = json.loads(row[0])
    first, last = (int(n.rsplit("-", 1)[-1]) for n in (later[0], later[-1]))
    assert details["missing_numbers"] == f"drawings 2026: {first}-{last}"
    assert details["missing_records"] != "-"
    # The restored vault is now the one the anchor follows: it opens normally.
    s = sessions.login(
        tmp_path / "r2", OFFICER, vault_env.passwords[OFFICER], clock=vault_env.clock
    )
    s.logout()


def test_recreating_the_demo_vault_does_not_trip_the_anchor(tmp_path: Path) -> None:
    from secrecy_desk.demo.vault import create_demo
    from secrecy_desk.vault.crypto import MIN_PARAMS

    folder = tmp_path / "demo"
    for _ in range(2):  # ./desk run makes a new demo when the old one was removed
        shutil.rmtree(folder, ignore_errors=True)
        create_demo(folder, params=MIN_PARAMS)
        s = sessions.login(folder, "sysadm", "Demo-Sys-2026")
        s.logout()


def test_an_anchor_folder_others_may_write_but_not_list_still_takes_the_anchor(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """install.sh makes /var/lib/secrecy-desk/anchors mode 1733 (the other accounts may create
    files but not list the folder, so no account learns another vault's id). An ordinary
    account cannot open that folder for reading, so it cannot fsync it after the rename: the
    anchor must still be written (the file itself was synced) and read back. (Root ignores the
    mode, so the refusal is what an ordinary account's open gets.)"""
    shared = tmp_path / "installed-anchors"
    shared.mkdir(mode=0o1733)
    monkeypatch.setenv(anchor.ENV_DIR, str(shared))
    real_open = os.open

    def open_as_clerk(path: object, flags: int, *args: int) -> int:
        if Path(str(path)) == shared:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_as_clerk)
    state = anchor.State(b"\x01" * 16, 7, b"\x02" * 32, 3, {("drawings", 2026): 5})
    assert anchor.write(state, b"k" * 32)
    assert anchor.read(state.vault_id, b"k" * 32) == state

"""The rollback anchor: the vault's last known state, kept *outside* the vault folder.

The audit head in ``vault.key`` catches a database put back on its own, but not the whole folder
put back (database and key file agree with each other). So after every commit the vault also
writes a small state file per vault id in a folder of the installation
(``/var/lib/secrecy-desk/anchors/`` when it can, else ``~/.local/state/secrecy-desk/anchors/``;
``SECRECY_DESK_ANCHOR_DIR`` overrides both). It holds the audit head, the key-file generation
and the last number given in each register and year, under an HMAC whose key comes from the
vault's audit key (kept inside the encrypted database, unchanged by master-key rotation, so an
older copy of the folder can still check the anchor written after it).

At open the database must reach the anchor: a chain shorter than the anchored head, a record at
the anchored sequence with another hash, an older key-file generation or a numbering counter
behind the anchored one means an older copy was put back (or committed transactions in a ``-wal``
were dropped). See "Rollback" in ``docs/design.md`` for what this can and cannot catch.

Writes are atomic as the key file's are: temporary file, fsync, rename, fsync the folder.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from secrecy_desk.vault import crypto
from secrecy_desk.vault.audit_chain import Break, BreakKind
from secrecy_desk.vault.db import Store

log = logging.getLogger("secrecy_desk")

ENV_DIR: Final = "SECRECY_DESK_ANCHOR_DIR"
SYSTEM_DIR: Final = Path("/var/lib/secrecy-desk/anchors")
FORMAT: Final = "secrecy-desk-anchor"
VERSION: Final = 1
#: A sane anchor is a few kilobytes; anything much larger is not one (and is not parsed).
MAX_BYTES: Final = 1 << 20


def user_dir() -> Path:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "secrecy-desk" / "anchors"


def _usable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def anchor_dir() -> Path:
    """Where anchors are written: the override, else the system folder, else the user's."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    if _usable(SYSTEM_DIR):
        return SYSTEM_DIR
    return user_dir()


def _candidates() -> list[Path]:
    override = os.environ.get(ENV_DIR)
    if override:
        return [Path(override)]
    return [SYSTEM_DIR, user_dir()]


@dataclass(frozen=True, slots=True)
class State:
    """What the anchor records: enough to see a rollback and to name what it took away."""

    vault_id: bytes
    audit_seq: int
    audit_hash: bytes
    keyfile_generation: int
    #: (register, year) → last number given.
    numbering: dict[tuple[str, int], int]

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id.hex(),
            "audit_seq": self.audit_seq,
            "audit_hash": base64.b64encode(self.audit_hash).decode("ascii"),
            "keyfile_generation": self.keyfile_generation,
            "numbering": sorted([r, y, n] for (r, y), n in self.numbering.items()),
        }

    def canonical(self) -> bytes:
        return json.dumps(self.body(), sort_keys=True, separators=(",", ":")).encode()


def mac_key(audit_key: bytes) -> bytes:
    return crypto.hkdf(audit_key, "secrecy-desk rollback anchor")


def current(store: Store, vault_id: bytes, audit_seq: int, audit_hash: bytes, gen: int) -> State:
    numbering = {
        (str(r), int(y)): int(n)
        for r, y, n in store.all("SELECT register, year, last_seq FROM numbering")
    }
    return State(vault_id, audit_seq, audit_hash, gen, numbering)


def path_for(vault_id: bytes, folder: Path | None = None) -> Path:
    return (folder or anchor_dir()) / f"{vault_id.hex()}.anchor"


class AnchorUnreadable(Exception):
    """The anchor file exists but is not a valid anchor of this vault (damaged or forged)."""


def read(vault_id: bytes, audit_key: bytes) -> State | None:
    """The anchored state of ``vault_id``, ``None`` when no anchor was ever written here."""
    found: State | None = None
    for folder in _candidates():
        path = path_for(vault_id, folder)
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise AnchorUnreadable(str(exc)) from None
        state = _parse(data, vault_id, audit_key)
        # Two locations (the system folder appeared after the user's was used): the
        # further one is the truth.
        if found is None or state.audit_seq > found.audit_seq:
            found = state
    return found


def _parse(data: bytes, vault_id: bytes, audit_key: bytes) -> State:
    try:
        if len(data) > MAX_BYTES:
            raise ValueError("size")
        raw = json.loads(data.decode("utf-8", errors="strict"))
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("format")
        if raw.get("version") != VERSION or raw.get("vault_id") != vault_id.hex():
            raise ValueError("vault")
        seq, gen = raw["audit_seq"], raw["keyfile_generation"]
        if not (isinstance(seq, int) and isinstance(gen, int)):
            raise ValueError("type")
        if not (0 <= seq < 2**62 and 0 <= gen < 2**62):
            raise ValueError("range")
        numbering: dict[tuple[str, int], int] = {}
        for item in raw["numbering"]:
            reg, year, last = item
            if not (isinstance(reg, str) and isinstance(year, int) and isinstance(last, int)):
                raise ValueError("numbering")
            numbering[(reg, year)] = last
        state = State(
            vault_id,
            seq,
            base64.b64decode(str(raw["audit_hash"]).encode("ascii"), validate=True),
            gen,
            numbering,
        )
        mac = base64.b64decode(str(raw["mac"]).encode("ascii"), validate=True)
    except (ValueError, KeyError, TypeError, UnicodeError):
        raise AnchorUnreadable("damaged") from None
    if not crypto.mac_ok(mac_key(audit_key), state.canonical(), mac):
        raise AnchorUnreadable("mac")
    return state


def _sync_folder(folder: Path) -> None:
    """Make the rename durable. The installed system folder is mode 1733 (other accounts may
    create files but not list it), so an ordinary account cannot open it for reading: its
    rename then rests on the file system's own ordering (the file itself was synced)."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except PermissionError:
        return
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def write(state: State, audit_key: bytes) -> bool:
    """Record ``state``; ``False`` (and a log line) when the anchor folder cannot be written."""
    folder = anchor_dir()
    data = state.body()
    data["mac"] = base64.b64encode(crypto.mac(mac_key(audit_key), state.canonical())).decode()
    path = path_for(state.vault_id, folder)
    tmp = path.with_name(path.name + ".tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, json.dumps(data, sort_keys=True, indent=1).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        log.warning("rollback anchor %s not written: %s", path, exc)
        return False
    return True


@dataclass(frozen=True, slots=True)
class Gap:
    """What an older copy lacks compared with the anchor."""

    first_missing: int  # first audit record missing (0: none missing)
    last_missing: int
    keyfile_behind: bool
    numbers: tuple[tuple[str, int, int, int], ...]  # (register, year, first, last) missing
    changed: bool = False  # the record at the anchored sequence has another hash
    unreadable: bool = False  # the anchor itself is damaged or not this vault's

    def as_break(self, anchored: State | None) -> Break:
        """The same finding as the audit chain's verification names its breaks."""
        seq = anchored.audit_seq if anchored is not None else 0
        if self.changed:
            return Break(BreakKind.CHANGED, seq)
        if self.first_missing:
            return Break(
                BreakKind.ROLLED_BACK,
                self.first_missing,
                expected=str(self.last_missing),
                found=str(self.first_missing - 1),
            )
        return Break(BreakKind.ROLLED_BACK, seq, expected=str(seq), found=str(seq))

    def describe_numbers(self) -> str:
        parts = []
        for reg, year, first, last in self.numbers:
            span = str(first) if first == last else f"{first}-{last}"
            parts.append(f"{reg}{' ' + str(year) if year else ''}: {span}")
        return "; ".join(parts) or "-"

    def describe_records(self) -> str:
        if not self.first_missing:
            return "-"
        if self.first_missing == self.last_missing:
            return str(self.first_missing)
        return f"{self.first_missing}-{self.last_missing}"


def compare(anchored: State, now: State, store: Store) -> Gap | None:
    """``None`` when the vault reaches the anchored state (it may be further on)."""
    numbers = tuple(
        (reg, year, now.numbering.get((reg, year), 0) + 1, last)
        for (reg, year), last in sorted(anchored.numbering.items())
        if now.numbering.get((reg, year), 0) < last
    )
    first = last = 0
    changed = False
    if now.audit_seq < anchored.audit_seq:
        first, last = now.audit_seq + 1, anchored.audit_seq
    elif anchored.audit_seq > 0:
        row = store.one("SELECT hash FROM audit WHERE seq = ?", (anchored.audit_seq,))
        if row is not None and bytes(row[0]) != anchored.audit_hash:
            changed = True
        elif row is None:
            purged = store.scalar("SELECT max(through_seq) FROM audit_purges")
            changed = purged is None or int(purged) < anchored.audit_seq
    behind = now.keyfile_generation < anchored.keyfile_generation
    if not (first or changed or behind or numbers):
        return None
    return Gap(first, last, behind, numbers, changed=changed)

"""The key file beside the database: one slot per account, a recovery slot, the audit head.

Format: UTF-8 JSON, bytes as base64. It names no login and no unit: a slot is found by a tag,
``SHA-256(vault id ‖ login)``, and everything readable in it is either public-key material,
ciphertext, KDF parameters, or the audit head (a sequence number and a hash). Its integrity is
protected by an HMAC under a sub-key of the master key, checked right after the master key is
unsealed; a changed role or slot id breaks the AES-GCM tag of that slot because both are bound
as associated data.

Writes are atomic: the new generation goes to a temporary file that is fsynced and renamed over
the old one, the old one having first been kept as ``vault.key.prev``; then the folder is fsynced.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from secrecy_desk.core.errors import VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.vault import crypto
from secrecy_desk.vault.crypto import Argon2Params

FORMAT: Final = "secrecy-desk-keyfile"
VERSION: Final = 1
KEYFILE_NAME: Final = "vault.key"
PREVIOUS_NAME: Final = "vault.key.prev"
RECOVERY_SLOT: Final = "recovery"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalize_login(login: str) -> str:
    return unicodedata.normalize("NFC", login.strip()).casefold()


def login_tag(vault_id: bytes, login: str) -> bytes:
    return crypto.sha256(b"secrecy-desk slot tag\0" + vault_id + normalize_login(login).encode())


@dataclass(frozen=True, slots=True)
class Slot:
    """One account's key slot (or the recovery slot, whose ``role`` is ``recovery``).

    ``wrapped`` holds the account's private keys (X25519, then Ed25519 for an auditor) encrypted
    under Argon2id(password); ``sealed`` the master key sealed to ``public``; ``sealed_next`` the
    next master key while a rotation is under way (so a crash mid-rotation loses nothing)."""

    slot_id: str
    tag: bytes
    role: str
    kdf: Argon2Params
    salt: bytes
    wrapped: dict[str, bytes]
    public: bytes
    sealed: dict[str, bytes]
    sign_public: bytes | None = None
    sealed_next: dict[str, bytes] | None = None
    #: The slot's own checksum did not match when it was read: a flipped bit, not a wrong
    #: password. Its check is kept as read, so rewriting the key file never hides the damage.
    damaged: bool = False
    check_as_read: bytes = b""

    def check(self) -> bytes:
        """A checksum of the slot (no key: it tells damage from a wrong password; forgery is
        the key file's MAC's business)."""
        body = json.dumps(_slot_json(self, check=False), sort_keys=True, separators=(",", ":"))
        return crypto.sha256(b"secrecy-desk slot check\0" + body.encode())[:16]

    def aad(self, vault_id: bytes) -> bytes:
        """Associated data binding vault, slot, account tag, role and signing key together."""
        parts = [
            b"secrecy-desk slot v1",
            vault_id,
            self.slot_id.encode(),
            self.tag,
            self.role.encode(),
            self.sign_public or b"",
        ]
        return b"\0".join(parts)


@dataclass(frozen=True, slots=True)
class AuditHead:
    seq: int
    hash: bytes


@dataclass(frozen=True, slots=True)
class KeyFile:
    vault_id: bytes
    generation: int
    slots: tuple[Slot, ...]
    journal_public: bytes
    audit_head: AuditHead
    mac: bytes = b""
    extra: dict[str, Any] = field(default_factory=dict)
    #: Slot checksums are part of the file (every file this version writes; older files lack
    #: them, and their MAC was computed without them).
    checked: bool = True

    def slot_for(self, login: str) -> Slot | None:
        tag = login_tag(self.vault_id, login)
        return next((s for s in self.slots if s.tag == tag and s.role != RECOVERY_SLOT), None)

    def slot(self, slot_id: str) -> Slot | None:
        return next((s for s in self.slots if s.slot_id == slot_id), None)

    def with_slot(self, slot: Slot) -> KeyFile:
        others = tuple(s for s in self.slots if s.slot_id != slot.slot_id)
        return replace(self, slots=(*others, slot))

    def without_slot(self, slot_id: str) -> KeyFile:
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    # --- serialization ---------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": b64(self.vault_id),
            "generation": self.generation,
            "journal_public": b64(self.journal_public),
            "audit_head": {"seq": self.audit_head.seq, "hash": b64(self.audit_head.hash)},
            "slots": [
                _slot_json(s, check=self.checked)
                for s in sorted(self.slots, key=lambda s: s.slot_id)
            ],
        }

    def canonical(self) -> bytes:
        return json.dumps(self.body(), sort_keys=True, separators=(",", ":")).encode()

    def signed(self, master_key: bytes) -> KeyFile:
        kf = replace(self, checked=True)
        return replace(kf, mac=crypto.mac(mac_key(master_key), kf.canonical()))

    def mac_ok(self, master_key: bytes) -> bool:
        return crypto.mac_ok(mac_key(master_key), self.canonical(), self.mac)

    def to_bytes(self) -> bytes:
        data = self.body()
        data["mac"] = b64(self.mac)
        return json.dumps(data, sort_keys=True, indent=1).encode()


def mac_key(master_key: bytes) -> bytes:
    return crypto.hkdf(master_key, "secrecy-desk keyfile mac")


def _sealed_json(sealed: dict[str, bytes]) -> dict[str, str]:
    return {k: b64(v) for k, v in sorted(sealed.items())}


def _slot_json(slot: Slot, *, check: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slot_id": slot.slot_id,
        "tag": b64(slot.tag),
        "role": slot.role,
        "kdf": {
            "alg": "argon2id",
            "t": slot.kdf.time_cost,
            "m": slot.kdf.memory_kib,
            "p": slot.kdf.parallelism,
            "salt": b64(slot.salt),
        },
        "wrapped": _sealed_json(slot.wrapped),
        "public": b64(slot.public),
        "sealed": _sealed_json(slot.sealed),
    }
    if slot.sign_public is not None:
        data["sign_public"] = b64(slot.sign_public)
    if slot.sealed_next is not None:
        data["sealed_next"] = _sealed_json(slot.sealed_next)
    if check:
        data["check"] = b64(slot.check_as_read if slot.damaged else slot.check())
    return data


_DAMAGED: Final = QT_TRANSLATE_NOOP(
    "Errors", "The key file {path} is damaged or is not a Secrecy Desk key file."
)


#: Bounds on everything a key file holds: a crafted file is refused before any value is used.
MAX_BYTES: Final = 4 << 20
MAX_SLOTS: Final = 4096
ROLES: Final = frozenset({"recovery", "sysadmin", "secadmin", "auditor", "business"})
_SEALED_KEYS: Final = {"eph": 32, "nonce": crypto.NONCE_BYTES}
_SEALED_CT: Final = (48,)  # a 32-byte key and its 16-byte tag
_WRAPPED_CT: Final = (48, 80)  # X25519 private (+ Ed25519 for an auditor) and the tag


class SlotDamaged(VaultError):
    """An account's key slot fails its checksum: damage, not a wrong password."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The key slot of this account in the key file is damaged, so the password "
                "could not be tried (no failed login was counted). Put back vault.key from the "
                "backup or from vault.key.prev.",
            )
        )


def _int(value: object, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ValueError("integer out of range")
    return value


def _bytes(value: object, *sizes: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * max(sizes, default=64):
        raise ValueError("bytes")
    out = unb64(value)
    if sizes and len(out) not in sizes:
        raise ValueError("length")
    return out


def _text(value: object, longest: int) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= longest:
        raise ValueError("text")
    value.encode("utf-8")  # a lone surrogate cannot come from JSON text we wrote
    return value


def parse(data: bytes, path: Path) -> KeyFile:
    """Read a key file; any structural problem is one clear :class:`VaultError`.

    Every value is type- and bounds-checked here, before anything uses it: Argon2 parameters
    lie between the floor and a ceiling, every nonce, key, salt and tag has its exact length.
    (The file's MAC needs the master key, which only a slot opened with the password yields,
    so it is checked right after — bounded work first, never unbounded work before.)"""
    try:
        if len(data) > MAX_BYTES:
            raise ValueError("size")
        raw = json.loads(data.decode("utf-8", errors="strict"))
        if not isinstance(raw, dict):
            raise ValueError("shape")
        if raw.get("format") != FORMAT:
            raise ValueError("format")
        if raw.get("version") != VERSION:
            raise VaultError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The key file {path} was written by another version of Secrecy Desk "
                    "(key file version {version}).",
                ),
                path=str(path),
                version=raw.get("version"),
            )
        raw_slots = raw["slots"]
        if not isinstance(raw_slots, list) or not 0 < len(raw_slots) <= MAX_SLOTS:
            raise ValueError("slots")
        if not all(isinstance(s, dict) for s in raw_slots):
            raise ValueError("slot")
        checked = all("check" in s for s in raw_slots)
        if not checked and any("check" in s for s in raw_slots):
            raise ValueError("checks")
        slots = tuple(_parse_slot(s) for s in raw_slots)
        if len({s.slot_id for s in slots}) != len(slots):
            raise ValueError("duplicate slot")
        head = raw["audit_head"]
        if not isinstance(head, dict):
            raise ValueError("head")
        return KeyFile(
            vault_id=_bytes(raw["vault_id"], 16),
            generation=_int(raw["generation"], 0, 2**53),
            slots=slots,
            journal_public=_bytes(raw["journal_public"], 32),
            audit_head=AuditHead(_int(head["seq"], 0, 2**62), _bytes(head["hash"], 32)),
            mac=_bytes(raw["mac"], 32),
            checked=checked,
        )
    except VaultError:
        raise
    except (
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OverflowError,
        RecursionError,
        crypto.CryptoError,
    ):
        raise VaultError(_DAMAGED, path=str(path)) from None


def _parse_sealed(data: object, ct_sizes: tuple[int, ...], *, eph: bool) -> dict[str, bytes]:
    wanted = {"nonce", "ct", "eph"} if eph else {"nonce", "ct"}
    if not isinstance(data, dict) or set(data) != wanted:
        raise ValueError("sealed")
    out = {k: _bytes(v, _SEALED_KEYS[k]) for k, v in data.items() if k != "ct"}
    out["ct"] = _bytes(data["ct"], *ct_sizes)
    return out


def _parse_slot(data: dict[str, Any]) -> Slot:
    kdf = data["kdf"]
    if not isinstance(kdf, dict) or kdf.get("alg") != "argon2id":
        raise ValueError("kdf")
    role = _text(data["role"], 16)
    if role not in ROLES:
        raise ValueError("role")
    slot = Slot(
        slot_id=_text(data["slot_id"], 64),
        tag=_bytes(data["tag"], 0, 32),
        role=role,
        kdf=Argon2Params(kdf["t"], kdf["m"], kdf["p"]),
        salt=_bytes(kdf["salt"], crypto.SALT_BYTES),
        wrapped=_parse_sealed(data["wrapped"], _WRAPPED_CT, eph=False),
        public=_bytes(data["public"], 32),
        sealed=_parse_sealed(data["sealed"], _SEALED_CT, eph=True),
        sign_public=_bytes(data["sign_public"], 32) if "sign_public" in data else None,
        sealed_next=(
            _parse_sealed(data["sealed_next"], _SEALED_CT, eph=True)
            if "sealed_next" in data
            else None
        ),
    )
    if "check" in data:
        check = _bytes(data["check"], 16)
        if check != slot.check():
            slot = replace(slot, damaged=True, check_as_read=check)
    return slot


def read(folder: Path) -> KeyFile:
    path = folder / KEYFILE_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The key file {path} is missing. Restore it from the backup "
                "(the previous generation is kept as vault.key.prev).",
            ),
            path=str(path),
        ) from None
    except OSError as exc:
        raise VaultError(
            QT_TRANSLATE_NOOP("Errors", "The key file {path} cannot be read: {reason}."),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from None
    return parse(data, path)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write(folder: Path, keyfile: KeyFile) -> None:
    """Write a new generation, keeping the one it replaces as ``vault.key.prev``."""
    current = folder / KEYFILE_NAME
    if current.exists():
        write_atomic(folder / PREVIOUS_NAME, current.read_bytes())
    write_atomic(current, keyfile.to_bytes())


# --- slots ----------------------------------------------------------------------------------


def make_slot(
    *,
    vault_id: bytes,
    slot_id: str,
    tag: bytes,
    role: str,
    secret: str,
    master_key: bytes,
    params: Argon2Params,
    signing: bool = False,
) -> tuple[Slot, bytes | None]:
    """A new slot for ``secret`` (a password or the recovery code) holding ``master_key``.

    Returns the slot and, when ``signing``, the new Ed25519 private key (the auditor's seal key)."""
    private, public = crypto.new_x25519()
    sign_private, sign_public = crypto.new_ed25519() if signing else (None, None)
    salt = os.urandom(crypto.SALT_BYTES)
    slot = Slot(
        slot_id=slot_id,
        tag=tag,
        role=role,
        kdf=params,
        salt=salt,
        wrapped={},
        public=public,
        sealed={},
        sign_public=sign_public,
    )
    aad = slot.aad(vault_id)
    wrapped = wrap_private(secret, salt, params, private + (sign_private or b""), aad)
    sealed = crypto.seal(public, master_key, aad)
    return replace(slot, wrapped=wrapped, sealed=sealed), sign_private


def wrap_private(
    secret: str, salt: bytes, params: Argon2Params, private: bytes, aad: bytes
) -> dict[str, bytes]:
    kek = crypto.argon2id(secret.encode("utf-8"), salt, params)
    nonce, ct = crypto.aead_seal(kek, private, aad)
    return {"nonce": nonce, "ct": ct}


def unwrap_private(slot: Slot, vault_id: bytes, secret: str) -> bytes:
    """The slot's private key material; :class:`crypto.CryptoError` for a wrong secret,
    :class:`SlotDamaged` (before any work) for a slot that fails its checksum."""
    if slot.damaged:
        raise SlotDamaged()
    kek = crypto.argon2id(secret.encode("utf-8"), slot.salt, slot.kdf)
    return crypto.aead_open(kek, slot.wrapped["nonce"], slot.wrapped["ct"], slot.aad(vault_id))


def rewrap(
    slot: Slot, vault_id: bytes, private: bytes, new_secret: str, params: Argon2Params
) -> Slot:
    """The same slot and keys under a new password (a password change touches nothing else)."""
    salt = os.urandom(crypto.SALT_BYTES)
    moved = replace(slot, kdf=params, salt=salt)
    return replace(
        moved, wrapped=wrap_private(new_secret, salt, params, private, moved.aad(vault_id))
    )


def reseal(slot: Slot, vault_id: bytes, master_key: bytes) -> dict[str, bytes]:
    return crypto.seal(slot.public, master_key, slot.aad(vault_id))


def unseal_master(slot: Slot, vault_id: bytes, private: bytes, *, nxt: bool = False) -> bytes:
    sealed = slot.sealed_next if nxt else slot.sealed
    if sealed is None:
        raise crypto.CryptoError("no next key")
    return crypto.unseal(private[: crypto.KEY_BYTES], sealed, slot.aad(vault_id))

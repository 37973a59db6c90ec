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
            "slots": [_slot_json(s) for s in sorted(self.slots, key=lambda s: s.slot_id)],
        }

    def canonical(self) -> bytes:
        return json.dumps(self.body(), sort_keys=True, separators=(",", ":")).encode()

    def signed(self, master_key: bytes) -> KeyFile:
        return replace(self, mac=crypto.mac(mac_key(master_key), self.canonical()))

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


def _slot_json(slot: Slot) -> dict[str, Any]:
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
    return data


_DAMAGED: Final = QT_TRANSLATE_NOOP(
    "Errors", "The key file {path} is damaged or is not a Secrecy Desk key file."
)


def parse(data: bytes, path: Path) -> KeyFile:
    """Read a key file; any structural problem is one clear :class:`VaultError`."""
    try:
        raw = json.loads(data.decode("utf-8"))
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
        slots = tuple(_parse_slot(s) for s in raw["slots"])
        head = raw["audit_head"]
        return KeyFile(
            vault_id=unb64(raw["vault_id"]),
            generation=int(raw["generation"]),
            slots=slots,
            journal_public=unb64(raw["journal_public"]),
            audit_head=AuditHead(int(head["seq"]), unb64(head["hash"])),
            mac=unb64(raw["mac"]),
        )
    except VaultError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, crypto.CryptoError):
        raise VaultError(_DAMAGED, path=str(path)) from None


def _parse_sealed(data: dict[str, str]) -> dict[str, bytes]:
    return {k: unb64(v) for k, v in data.items()}


def _parse_slot(data: dict[str, Any]) -> Slot:
    kdf = data["kdf"]
    if kdf["alg"] != "argon2id":
        raise ValueError("kdf")
    return Slot(
        slot_id=str(data["slot_id"]),
        tag=unb64(data["tag"]),
        role=str(data["role"]),
        kdf=Argon2Params(int(kdf["t"]), int(kdf["m"]), int(kdf["p"])),
        salt=unb64(kdf["salt"]),
        wrapped=_parse_sealed(data["wrapped"]),
        public=unb64(data["public"]),
        sealed=_parse_sealed(data["sealed"]),
        sign_public=unb64(data["sign_public"]) if "sign_public" in data else None,
        sealed_next=_parse_sealed(data["sealed_next"]) if "sealed_next" in data else None,
    )


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
    """The slot's private key material; :class:`crypto.CryptoError` for a wrong secret."""
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

"""Key wrapping for the vault's key file: Argon2id, X25519 sealing, AES-256-GCM, HKDF, Ed25519.

Everything here is a small function over bytes, so the key-file logic reads as a recipe:

* a password unwraps an account's private keys: ``Argon2id(password, salt)`` → AES-256-GCM key;
* the master key is *sealed* to each account's X25519 public key: an ephemeral X25519 key pair,
  ECDH, HKDF-SHA256 over the shared secret and both public keys, AES-256-GCM (as age and
  libsodium sealed boxes do) — so adding an account or rotating the master key needs no password;
* sub-keys for the audit MAC, the key file's MAC and the failure journal come from the master key
  by HKDF with distinct labels.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES: Final = 32
NONCE_BYTES: Final = 12
SALT_BYTES: Final = 16

#: The floor the design sets: never below t=3, 64 MiB, p=4.
ARGON2_MIN_TIME: Final = 3
ARGON2_MIN_MEMORY_KIB: Final = 64 * 1024
ARGON2_MIN_PARALLELISM: Final = 4
#: The ceiling a key file may ask for: a crafted slot cannot make a login hang (t=64 at 256 MiB
#: is a few seconds on a slow workstation) nor exhaust memory. Calibration never goes above it.
ARGON2_MAX_TIME: Final = 64
ARGON2_MAX_MEMORY_KIB: Final = 256 * 1024
ARGON2_MAX_PARALLELISM: Final = 16
#: Calibration aims for this unlock time on the machine the vault is created on (0.5–1 s allowed).
UNLOCK_TARGET_SECONDS: Final = 0.7


class CryptoError(Exception):
    """A tag, MAC or signature did not verify. Callers turn it into a sentence for the user."""


@dataclass(frozen=True, slots=True)
class Argon2Params:
    time_cost: int
    memory_kib: int
    parallelism: int

    def __post_init__(self) -> None:
        values = (self.time_cost, self.memory_kib, self.parallelism)
        if any(type(v) is not int for v in values):
            raise CryptoError("Argon2 parameters are not integers")
        if (
            self.time_cost < ARGON2_MIN_TIME
            or self.memory_kib < ARGON2_MIN_MEMORY_KIB
            or self.parallelism < ARGON2_MIN_PARALLELISM
        ):
            raise CryptoError("Argon2 parameters below the floor")
        if (
            self.time_cost > ARGON2_MAX_TIME
            or self.memory_kib > ARGON2_MAX_MEMORY_KIB
            or self.parallelism > ARGON2_MAX_PARALLELISM
        ):
            raise CryptoError("Argon2 parameters above the ceiling")


MIN_PARAMS: Final = Argon2Params(ARGON2_MIN_TIME, ARGON2_MIN_MEMORY_KIB, ARGON2_MIN_PARALLELISM)


def argon2id(secret: bytes, salt: bytes, params: Argon2Params) -> bytes:
    return hash_secret_raw(
        secret,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def calibrate(target: float = UNLOCK_TARGET_SECONDS, *, limit: float = 0.95) -> Argon2Params:
    """The Argon2id parameters that take about ``target`` seconds here, never below the floor.

    Memory stays at 64 MiB and parallelism at 4; the time cost grows until one derivation takes
    ``target``. The whole unlock also seals and opens the database, so the derivation alone
    stays under ``limit``."""
    base = MIN_PARAMS
    samples = []
    for _ in range(3):  # the fastest of three: what the machine does when nothing else runs
        start = time.perf_counter()
        argon2id(b"calibration", b"\0" * SALT_BYTES, base)
        samples.append(time.perf_counter() - start)
    per_pass = max(min(samples) / base.time_cost, 1e-4)
    t = max(ARGON2_MIN_TIME, round(target / per_pass))
    t = min(t, max(ARGON2_MIN_TIME, int(limit / per_pass)), ARGON2_MAX_TIME)
    return Argon2Params(t, base.memory_kib, base.parallelism)


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def hkdf(key: bytes, label: str, length: int = KEY_BYTES, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=label.encode()).derive(
        key
    )


def aead_seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_open(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise CryptoError("authentication tag mismatch") from None


def mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def mac_ok(key: bytes, data: bytes, tag: bytes) -> bool:
    return hmac.compare_digest(mac(key, data), tag)


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> bytes:
    """SHA-256 of a file read ``chunk`` bytes at a time (memory flat in the file's size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.digest()


# --- X25519 sealing ---------------------------------------------------------------------------


def new_x25519() -> tuple[bytes, bytes]:
    """A fresh key pair as (private raw, public raw)."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def x25519_public(private_raw: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private_raw).public_key())


def _seal_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    return hkdf(shared, "secrecy-desk seal v1", salt=eph_pub + recipient_pub)


def seal(recipient_pub: bytes, plaintext: bytes, aad: bytes) -> dict[str, bytes]:
    """Encrypt ``plaintext`` so that only the holder of the matching private key opens it."""
    eph = X25519PrivateKey.generate()
    eph_pub = _raw_public(eph.public_key())
    shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub))
    nonce, ct = aead_seal(_seal_key(shared, eph_pub, recipient_pub), plaintext, aad)
    return {"eph": eph_pub, "nonce": nonce, "ct": ct}


def unseal(private_raw: bytes, sealed: dict[str, bytes], aad: bytes) -> bytes:
    private = X25519PrivateKey.from_private_bytes(private_raw)
    recipient_pub = _raw_public(private.public_key())
    shared = private.exchange(X25519PublicKey.from_public_bytes(sealed["eph"]))
    key = _seal_key(shared, sealed["eph"], recipient_pub)
    return aead_open(key, sealed["nonce"], sealed["ct"], aad)


# --- Ed25519 signatures (auditor seals) -------------------------------------------------------


def new_ed25519() -> tuple[bytes, bytes]:
    private = Ed25519PrivateKey.generate()
    return (
        private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        ),
        private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        ),
    )


def sign(private_raw: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(data)


def signature_ok(public_raw: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

"""1,000 mutated key files and 1,000 mutated databases, each opened through the real door:
every one is refused with a sentence (a :class:`DeskError`) or opens and is found damaged by
the checks — never a traceback, never a hang, never a locked account afterwards."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest

from secrecy_desk.core.errors import DeskError
from secrecy_desk.vault import db, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.keyfile import Slot
from secrecy_desk.vault.vault import Vault
from tests.fault.conftest import figure
from tests.support.vault import CLERK, OFFICER, PASSWORDS, VaultEnv

pytestmark = pytest.mark.slow

#: A hang guard, not a benchmark: far above what the loop needs on a slow, shared machine.
LIMIT_SECONDS = 240.0
HUGE: list[Any] = [2**64, -(2**63), 10**400, 1e308, -1, 0, True, None, "", "A" * 10_000, [], {}]


def _mutate_text(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    kind = rng.randrange(5)
    at = rng.randrange(len(out))
    if kind == 0:
        out[at] ^= 1 << rng.randrange(8)
    elif kind == 1:
        out[at] = rng.randrange(256)
    elif kind == 2:
        del out[at : at + rng.randrange(1, 64)]
    elif kind == 3:
        out[at:at] = os.urandom(rng.randrange(1, 16))
    else:
        out = out[:at]
    return bytes(out)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*prefix, i))
    return found


def _mutate_json(rng: random.Random, data: bytes) -> bytes:
    raw = json.loads(data)
    path = rng.choice(_paths(raw))
    parent = raw
    for key in path[:-1]:
        parent = parent[key]
    choice = rng.randrange(3)
    if choice == 0:
        del parent[path[-1]]
    elif choice == 1:
        parent[path[-1]] = rng.choice(HUGE)
    else:
        value = parent[path[-1]]
        if isinstance(value, str) and value:
            chars = list(value)
            chars[rng.randrange(len(chars))] = rng.choice("A/+=\udcff\u0000")
            parent[path[-1]] = "".join(chars)
        else:
            parent[path[-1]] = rng.choice(HUGE)
    return json.dumps(raw).encode("utf-8", errors="surrogatepass")


def test_a_thousand_mutated_key_files(vault_env: VaultEnv) -> None:
    path = vault_env.folder / keyfile.KEYFILE_NAME
    good = path.read_bytes()
    rng = random.Random(int.from_bytes(os.urandom(4)))
    tried = refused = opened = 0
    unexpected: list[str] = []
    start = time.monotonic()
    for i in range(1000):
        path.write_bytes(_mutate_json(rng, good) if i % 2 else _mutate_text(rng, good))
        tried += 1
        try:
            s = sessions.login(vault_env.folder, CLERK, PASSWORDS[CLERK], clock=vault_env.clock)
        except DeskError:
            refused += 1
        except Exception as exc:  # the bug this test is for
            unexpected.append(f"{type(exc).__name__}: {exc}")
        else:
            opened += 1  # a mutation that changes nothing the file's meaning depends on
            s.vault.close()
            # The close wrote the next generation (and the anchor followed): that is the good
            # file now — putting the older one back would be a rollback, and is reported.
            good = path.read_bytes()
        assert time.monotonic() - start < LIMIT_SECONDS, "a key file made the login hang"
        path.write_bytes(good)
    s = vault_env.login(CLERK)  # damage never counted as failed logins
    try:
        locked = s.account.locked or s.account.failures > 0
    finally:
        s.logout()
    figure(
        "mutated key files",
        tried=tried,
        detected=refused,
        lost=int(locked),
        tracebacks=len(unexpected),
        harmless=opened,
    )
    assert not unexpected, unexpected[:5]
    assert not locked


def _opener(vault_env: VaultEnv) -> tuple[Slot, bytes, list[bytes]]:
    """The officer's slot, private key and master key, unwrapped once (so each of the thousand
    opens below skips Argon2 but goes through everything else of the real door)."""
    kf = keyfile.read(vault_env.folder)
    slot = kf.slot_for(OFFICER)
    assert slot is not None
    private = keyfile.unwrap_private(slot, kf.vault_id, PASSWORDS[OFFICER])
    return slot, private, [keyfile.unseal_master(slot, kf.vault_id, private)]


def _mutate_db(rng: random.Random, data: bytes, page: int) -> bytes:
    out = bytearray(data)
    pages = len(out) // page
    n = rng.randrange(pages)
    kind = rng.randrange(6)
    if kind <= 1:  # one bit or byte anywhere in a page
        at = n * page + rng.randrange(page)
        out[at] ^= (1 << rng.randrange(8)) if kind == 0 else rng.randrange(1, 256)
    elif kind == 2:  # a page of zeros
        out[n * page : (n + 1) * page] = bytes(page)
    elif kind == 3:  # a page of noise
        out[n * page : (n + 1) * page] = os.urandom(page)
    elif kind == 4:  # two pages swapped
        m = rng.randrange(pages)
        a, b = bytes(out[n * page : (n + 1) * page]), bytes(out[m * page : (m + 1) * page])
        out[n * page : (n + 1) * page], out[m * page : (m + 1) * page] = b, a
    else:  # cut short, at a page boundary or not
        out = out[: max(1, n * page + rng.choice([0, rng.randrange(page)]))]
    return bytes(out)


def test_a_thousand_mutated_databases(vault_env: VaultEnv, anchor_dir: Path) -> None:
    slot, private, masters = _opener(vault_env)
    path = vault_env.folder / db.DB_NAME
    good = path.read_bytes()
    anchors = {f: f.read_bytes() for f in anchor_dir.iterdir()}
    rng = random.Random(int.from_bytes(os.urandom(4)))
    tried = detected = 0
    unexpected: list[str] = []
    undetected: list[str] = []
    start = time.monotonic()
    for _ in range(1000):
        mutated = _mutate_db(rng, good, 4096)
        if mutated == good:  # swapping a page with itself
            continue
        path.write_bytes(mutated)
        tried += 1
        try:
            vault, _slot, _priv = Vault.open_with_key(
                vault_env.folder, lambda kf: (slot, private, masters), clock=vault_env.clock
            )
        except DeskError:
            detected += 1
        except Exception as exc:
            unexpected.append(f"{type(exc).__name__}: {exc}")
        else:
            try:
                problems = db.integrity_problems(vault.store)
            except DeskError:
                problems = ["refused"]
            except Exception as exc:
                unexpected.append(f"{type(exc).__name__} in check: {exc}")
                problems = ["?"]
            finally:
                vault.store.close()
                vault._lock.close()
            if problems:
                detected += 1
            else:
                undetected.append(f"{len(mutated)} bytes")
        assert time.monotonic() - start < LIMIT_SECONDS, "a damaged database made open hang"
        path.write_bytes(good)
        for f in (
            vault_env.folder / (db.DB_NAME + "-wal"),
            vault_env.folder / (db.DB_NAME + "-shm"),
        ):
            f.unlink(missing_ok=True)
        for f, data in anchors.items():
            f.write_bytes(data)
    figure(
        "mutated databases",
        tried=tried,
        detected=detected,
        lost=len(undetected),
        tracebacks=len(unexpected),
    )
    assert not unexpected, unexpected[:5]
    assert not undetected, undetected[:5]

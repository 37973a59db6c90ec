"""Crafted and damaged key files: bounded before use, damage named as damage, never a lockout."""

from __future__ import annotations

import json

import pytest

from secrecy_desk.core.errors import AuthError, VaultError
from secrecy_desk.vault import crypto, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.keyfile import SlotDamaged
from tests.support.vault import CLERK, VaultEnv, one_sentence


def _slot_index(vault_env: VaultEnv, login: str) -> int:
    kf = keyfile.read(vault_env.folder)
    slot = kf.slot_for(login)
    assert slot is not None
    raw = json.loads((vault_env.folder / keyfile.KEYFILE_NAME).read_bytes())
    return next(i for i, s in enumerate(raw["slots"]) if s["slot_id"] == slot.slot_id)


def _edit(vault_env: VaultEnv, change: object) -> None:
    path = vault_env.folder / keyfile.KEYFILE_NAME
    raw = json.loads(path.read_bytes())
    change(raw)  # type: ignore[operator]
    path.write_text(json.dumps(raw))


def _flip_b64(text: str) -> str:
    data = bytearray(keyfile.unb64(text))
    data[len(data) // 2] ^= 0x01
    return keyfile.b64(bytes(data))


def test_a_damaged_slot_is_damage_and_never_locks_the_account(vault_env: VaultEnv) -> None:
    good = (vault_env.folder / keyfile.KEYFILE_NAME).read_bytes()
    i = _slot_index(vault_env, CLERK)

    def damage(raw: dict[str, list[dict[str, dict[str, str]]]]) -> None:
        raw["slots"][i]["wrapped"]["ct"] = _flip_b64(raw["slots"][i]["wrapped"]["ct"])

    _edit(vault_env, damage)
    for _ in range(7):  # more than the five failures that lock an account
        with pytest.raises(SlotDamaged):
            vault_env.login(CLERK)
        r = vault_env.cli_as(CLERK, ["users", "list"])
        assert r.code == 4
        one_sentence(r)
        assert "damaged" in r.err
    (vault_env.folder / keyfile.KEYFILE_NAME).write_bytes(good)
    s = vault_env.login(CLERK)  # the good key file back: the account was never locked
    try:
        assert s.account.failures == 0
        assert not s.account.locked
    finally:
        s.logout()


def test_a_damaged_tag_is_damage_too(vault_env: VaultEnv) -> None:
    i = _slot_index(vault_env, CLERK)

    def damage(raw: dict[str, list[dict[str, str]]]) -> None:
        raw["slots"][i]["tag"] = _flip_b64(raw["slots"][i]["tag"])

    _edit(vault_env, damage)
    with pytest.raises(SlotDamaged):
        vault_env.login(CLERK)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("t", 2**40),  # a hang: Argon2 with a huge time cost
        ("t", 10**30),  # OverflowError in the binding
        ("m", 2**31),  # HashingError / memory exhaustion
        ("p", 0),
        ("t", "3"),
        ("t", True),
        ("t", 3.0),
        ("salt", "AAAA"),  # too short
    ],
)
def test_out_of_range_kdf_values_are_refused_before_use(
    vault_env: VaultEnv, field: str, value: object
) -> None:
    i = _slot_index(vault_env, CLERK)

    def craft(raw: dict[str, list[dict[str, dict[str, object]]]]) -> None:
        raw["slots"][i]["kdf"][field] = value

    _edit(vault_env, craft)
    with pytest.raises(VaultError, match="damaged"):
        vault_env.login(CLERK)


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        ("wrapped", "nonce", ""),  # a nonce error in AES-GCM
        ("wrapped", "nonce", keyfile.b64(b"\0" * 200)),
        ("sealed", "eph", keyfile.b64(b"\0" * 7)),
        ("sealed", "ct", keyfile.b64(b"\0" * 3)),
        ("wrapped", "extra", "AAAA"),
    ],
)
def test_wrong_sizes_are_refused_before_use(
    vault_env: VaultEnv, where: str, key: str, value: str
) -> None:
    i = _slot_index(vault_env, CLERK)

    def craft(raw: dict[str, list[dict[str, dict[str, str]]]]) -> None:
        raw["slots"][i][where][key] = value

    _edit(vault_env, craft)
    with pytest.raises(VaultError, match="damaged"):
        vault_env.login(CLERK)


def test_calibration_stays_under_the_ceiling() -> None:
    assert crypto.calibrate(target=10_000.0, limit=10_000.0).time_cost <= crypto.ARGON2_MAX_TIME


def test_a_wrong_password_is_still_a_failed_login(vault_env: VaultEnv) -> None:
    with pytest.raises(AuthError):
        sessions.login(vault_env.folder, CLERK, "Wrong-Pass-2026", clock=vault_env.clock)
    s = vault_env.login(CLERK)
    try:
        assert s.account.failures == 0  # reset by the good login, but it was counted
        rows = s.vault.store.all("SELECT action FROM audit WHERE action = 'login.failed'")
    finally:
        s.logout()
    assert rows

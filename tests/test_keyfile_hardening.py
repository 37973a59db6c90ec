"""Crafted and damaged key files: bounded before use, damage named as damage, never a lockout."""

from __future__ import annotations

import json

import pytest

from secrecy_desk.core.errors import AuthError, VaultError
from secrecy_desk.vault import crypto, keyfile
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault.keyfile import SlotDamaged
from tests.conftest import CLERK, VaultEnv, one_sentence


def _slot_index(venv: VaultEnv, login: str) -> int:
    kf = keyfile.read(venv.folder)
    slot = kf.slot_for(login)
    assert slot is not None
    raw = json.loads((venv.folder / keyfile.KEYFILE_NAME).read_bytes())
    return next(i for i, s in enumerate(raw["slots"]) if s["slot_id"] == slot.slot_id)


def _edit(venv: VaultEnv, change: object) -> None:
    path = venv.folder / keyfile.KEYFILE_NAME
    raw = json.loads(path.read_bytes())
    change(raw)  # type: ignore[operator]
    path.write_text(json.dumps(raw))


def _flip_b64(text: str) -> str:
    data = bytearray(keyfile.unb64(text))
    data[len(data) // 2] ^= 0x01
    return keyfile.b64(bytes(data))


def test_a_damaged_slot_is_damage_and_never_locks_the_account(venv: VaultEnv) -> None:
    good = (venv.folder / keyfile.KEYFILE_NAME).read_bytes()
    i = _slot_index(venv, CLERK)

    def damage(raw: dict[str, list[dict[str, dict[str, str]]]]) -> None:
        raw["slots"][i]["wrapped"]["ct"] = _flip_b64(raw["slots"][i]["wrapped"]["ct"])

    _edit(venv, damage)
    for _ in range(7):  # more than the five failures that lock an account
        with pytest.raises(SlotDamaged):
            venv.login(CLERK)
        r = venv.cli_as(CLERK, ["users", "list"])
        assert r.code == 4
        one_sentence(r)
        assert "damaged" in r.err
    (venv.folder / keyfile.KEYFILE_NAME).write_bytes(good)
    s = venv.login(CLERK)  # the good key file back: the account was never locked
    try:
        assert s.account.failures == 0
        assert not s.account.locked
    finally:
        s.logout()


def test_a_damaged_tag_is_damage_too(venv: VaultEnv) -> None:
    i = _slot_index(venv, CLERK)

    def damage(raw: dict[str, list[dict[str, str]]]) -> None:
        raw["slots"][i]["tag"] = _flip_b64(raw["slots"][i]["tag"])

    _edit(venv, damage)
    with pytest.raises(SlotDamaged):
        venv.login(CLERK)


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
    venv: VaultEnv, field: str, value: object
) -> None:
    i = _slot_index(venv, CLERK)

    def craft(raw: dict[str, list[dict[str, dict[str, object]]]]) -> None:
        raw["slots"][i]["kdf"][field] = value

    _edit(venv, craft)
    with pytest.raises(VaultError, match="damaged"):
        venv.login(CLERK)


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
    venv: VaultEnv, where: str, key: str, value: str
) -> None:
    i = _slot_index(venv, CLERK)

    def craft(raw: dict[str, list[dict[str, dict[str, str]]]]) -> None:
        raw["slots"][i][where][key] = value

    _edit(venv, craft)
    with pytest.raises(VaultError, match="damaged"):
        venv.login(CLERK)


def test_calibration_stays_under_the_ceiling() -> None:
    assert crypto.calibrate(target=10_000.0, limit=10_000.0).time_cost <= crypto.ARGON2_MAX_TIME


def test_a_wrong_password_is_still_a_failed_login(venv: VaultEnv) -> None:
    with pytest.raises(AuthError):
        sessions.login(venv.folder, CLERK, "Wrong-Pass-2026", clock=venv.clock)
    s = venv.login(CLERK)
    try:
        assert s.account.failures == 0  # reset by the good login, but it was counted
        rows = s.vault.store.all("SELECT action FROM audit WHERE action = 'login.failed'")
    finally:
        s.logout()
    assert rows

"""Reads aside (``vault.aside``): a count on a reading connection of its own answers what the
vault's connection answers, stops when cancelled from another thread, and never outlives the
vault: closing it stops the read, closes its connection and lets go of the vault's lock."""

from __future__ import annotations

import threading

import pytest

from secrecy_desk.modules.registers import Query
from secrecy_desk.vault import db
from secrecy_desk.vault.aside import AsideRead, ReadStopped
from tests.support.data import bulk_drawings
from tests.support.vault import CLERK, OFFICER, VaultEnv

N = 300


def seed(vault_env: VaultEnv) -> None:
    loader = vault_env.login(OFFICER)
    try:
        bulk_drawings(vault_env.registers(loader), N, batch=N)
    finally:
        loader.logout()


def held(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Every reading connection opened from now on holds its statement inside SQLite until
    the first event is set; the second is set once a statement is held."""
    release, inside = threading.Event(), threading.Event()
    real_open = db.open_database

    def hold() -> int:
        inside.set()
        release.wait(10)
        return 0

    def opening(*args: object, **kw: object) -> db.Store:
        store = real_open(*args, **kw)  # type: ignore[arg-type]
        if kw.get("read_only"):
            store.set_progress_handler(hold, 20)
        return store

    monkeypatch.setattr(db, "open_database", opening)
    return release, inside


def in_thread(read: AsideRead) -> tuple[threading.Thread, list[object]]:
    answer: list[object] = []

    def run() -> None:
        try:
            answer.append(read.scalar())
        except ReadStopped as exc:
            answer.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, answer


@pytest.mark.parametrize("login", [OFFICER, CLERK])
def test_a_count_aside_answers_as_the_vault_does(vault_env: VaultEnv, login: str) -> None:
    """Same clearance, same filter: the clerk (no 机密) counts fewer than the officer."""
    seed(vault_env)
    session = vault_env.login(login)
    try:
        registers = vault_env.registers(session)
        for query in (Query(), Query(search="图"), Query(where={"level": "SECRET"})):
            read = registers.count_aside("drawings", query)
            assert read.scalar() == registers.count("drawings", query)
        assert session.vault.asides.open_count == 0
    finally:
        session.logout()


def test_cancel_from_another_thread_stops_the_read(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(vault_env)
    session = vault_env.login(OFFICER)
    try:
        registers = vault_env.registers(session)
        release, inside = held(monkeypatch)
        read = registers.count_aside("drawings", Query(search="图"))
        thread, answer = in_thread(read)
        assert inside.wait(10)
        assert session.vault.asides.open_count == 1
        read.cancel()  # interrupted: it fails at its next step
        release.set()
        thread.join()
        assert isinstance(answer[0], ReadStopped)
        assert read.wait(0)
        assert session.vault.asides.open_count == 0
        # A read cancelled before it ran does not open a connection at all.
        unborn = registers.count_aside("drawings", Query(search="图"))
        unborn.cancel()
        with pytest.raises(ReadStopped):
            unborn.scalar()
    finally:
        session.logout()


def test_closing_the_vault_stops_its_reads_and_lets_go_of_the_lock(
    vault_env: VaultEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(vault_env)
    session = vault_env.login(OFFICER)
    registers = vault_env.registers(session)
    release, inside = held(monkeypatch)
    read = registers.count_aside("drawings", Query(search="图"))
    real_cancel = AsideRead.cancel

    def cancel(self: AsideRead) -> None:
        real_cancel(self)
        release.set()  # the held statement goes on to its next step, and stops there

    monkeypatch.setattr(AsideRead, "cancel", cancel)
    thread, answer = in_thread(read)
    assert inside.wait(10)
    session.logout()  # closes the vault: the read is stopped and waited for first
    assert read.wait(0)  # its connection was closed before the vault's
    thread.join()
    assert isinstance(answer[0], ReadStopped)
    assert session.vault.asides.open_count == 0
    with pytest.raises(ReadStopped):
        session.vault.asides.read("SELECT 1")
    again = vault_env.login(OFFICER)  # the vault's lock is free
    again.logout()


def test_a_connection_held_aside_reads_the_committed_state_and_ends_with_its_block(
    vault_env: VaultEnv,
) -> None:
    """``AsideReads.connection`` (an import's lookups): a read-only connection of its own
    that sees what was committed, not the vault's open transaction, counted as open while
    its block runs and refused once the vault is closed."""
    seed(vault_env)
    session = vault_env.login(OFFICER)
    asides = session.vault.asides
    try:
        registers = vault_env.registers(session)
        count = "SELECT count(*) FROM entries WHERE register = 'drawings'"
        with session.operation(), asides.connection() as reader:
            assert asides.open_count == 1
            bulk_drawings(registers, 5, batch=5)
            assert session.vault.store.scalar(count) == N + 5
            assert reader.scalar(count) == N  # the transaction is not committed
            with pytest.raises(db.DatabaseError):
                reader.execute("DELETE FROM settings")
        assert asides.open_count == 0
        with asides.connection() as reader:
            assert reader.scalar(count) == N + 5
    finally:
        session.logout()
    with pytest.raises(ReadStopped), asides.connection():
        pass

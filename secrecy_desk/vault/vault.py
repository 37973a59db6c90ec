"""Create, unlock and close a vault; the session an unlocked account works in.

A vault is a folder: ``vault.db`` (SQLCipher, keyed with a random 256-bit master key as a raw
hex key), ``vault.key`` (the key slots, see :mod:`keyfile`), ``vault.key.prev`` (the previous
generation), ``vault.lock`` (held while open, so a second copy is refused) and, only after
failed logins, ``failures.journal`` (each failure sealed to the vault's journal key, moved into
the audit trail at the next successful login, because a wrong password cannot open the database).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from secrecy_desk.core.clock import Clock, SystemClock
from secrecy_desk.core.errors import ValidationError, VaultError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import RATINGS, Level
from secrecy_desk.core.roles import (
    ADMIN_ROLES,
    Permission,
    Principal,
    Role,
    check_password,
)
from secrecy_desk.vault import anchor, aside, audit_chain, crypto, db, keyfile, upgrade
from secrecy_desk.vault import settings as settings_mod
from secrecy_desk.vault.audit_chain import Actor, AuditLog, Break
from secrecy_desk.vault.crypto import Argon2Params
from secrecy_desk.vault.keyfile import AuditHead, KeyFile, Slot
from secrecy_desk.vault.settings import Settings

JOURNAL_NAME: Final = "failures.journal"
BUSINESS: Final = "business"  # the role class bound into a business account's slot
RECOVERY_ROLE: Final = keyfile.RECOVERY_SLOT

#: Password history hashes (no reuse of the last five) — inside the encrypted database.
_history_hasher = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)

_params_cache: list[Argon2Params] = []


def default_params() -> Argon2Params:
    """Calibrated once per process (0.5–1 s per unlock on this machine)."""
    if not _params_cache:
        _params_cache.append(crypto.calibrate())
    return _params_cache[0]


def workstation_name() -> str:
    return os.uname().nodename or "workstation"


def role_class(roles: frozenset[Role]) -> str:
    admin = roles & ADMIN_ROLES
    return next(iter(admin)).value if admin else BUSINESS


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    login: str
    display_name: str
    department: str
    roles: frozenset[Role]
    clearance: Level
    slot_id: str
    active: bool
    locked: bool
    failures: int
    must_change: bool
    password_changed_at: datetime
    created_at: datetime
    disabled_at: datetime | None

    @staticmethod
    def from_row(row: tuple[Any, ...]) -> Account:
        return Account(
            id=int(row[0]),
            login=str(row[1]),
            display_name=str(row[2]),
            department=str(row[3]),
            roles=frozenset(Role(r) for r in json.loads(row[4])),
            clearance=Level(int(row[5])),
            slot_id=str(row[6]),
            active=row[7] == "active",
            locked=bool(row[8]),
            failures=int(row[9]),
            must_change=bool(row[10]),
            password_changed_at=audit_chain.parse_iso(str(row[11])),
            created_at=audit_chain.parse_iso(str(row[12])),
            disabled_at=audit_chain.parse_iso(str(row[13])) if row[13] else None,
        )


ACCOUNT_COLUMNS: Final = (
    "id, login, display_name, department, roles, clearance, slot_id, status, locked, failures, "
    "must_change, password_changed_at, created_at, disabled_at"
)

_WRONG: Final = QT_TRANSLATE_NOOP("Errors", "Wrong account name or password.")


def recovery_code() -> str:
    """A random code of 160 bits, shown once at setup, in groups of four for writing down."""
    raw = base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalize_recovery(code: str) -> str:
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def is_vault(folder: Path) -> bool:
    return (folder / db.DB_NAME).exists() or (folder / keyfile.KEYFILE_NAME).exists()


@dataclass(frozen=True, slots=True)
class AdminSpec:
    login: str
    display_name: str
    role: Role
    password: str


class Vault:
    """An open vault: the database, the key file and the master key, held under the lock."""

    def __init__(
        self,
        folder: Path,
        store: db.Store,
        kf: KeyFile,
        master_key: bytes,
        clock: Clock,
        lock: contextlib.ExitStack,
    ) -> None:
        self.folder = folder
        self.store = store
        self.keyfile = kf
        self._master = master_key
        self.clock = clock
        self._lock = lock
        self.workstation = workstation_name()
        self.log = AuditLog(store, self._audit_key(), kf.vault_id, clock, self.workstation)
        self.settings = settings_mod.load(store) if self._has_settings() else None
        self._closed = False
        # Reads on connections of their own, from worker threads (a search's count).
        self.asides = aside.AsideReads(store.path, lambda: self._master)
        #: The head problem found at open when the vault was opened despite it (verify).
        self.head_break: Break | None = None
        #: What an older copy put back lacks compared with the rollback anchor (verify).
        self.rollback_gap: anchor.Gap | None = None
        self._anchored: anchor.State | None = None
        #: The schema upgrade this open made (and the verified copy made before it), if any:
        #: for the window to say so.
        self.upgraded: upgrade.Upgrade | None = None

    def _audit_key(self) -> bytes:
        """The audit MAC key: random, kept inside the encrypted database, so that it survives
        master-key rotation (a MAC under a derived key would break at every rotation)."""
        value = self.store.scalar("SELECT value FROM meta WHERE key = 'audit_key'")
        if value is None:
            return b""
        return bytes.fromhex(str(value))

    # --- lifecycle -----------------------------------------------------------------------

    @staticmethod
    def create(
        folder: Path,
        *,
        unit: str,
        rating: Level,
        admins: list[AdminSpec],
        clock: Clock | None = None,
        params: Argon2Params | None = None,
        schema_target: int | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault with the three administrators; returns it and the recovery code."""
        clock = clock or SystemClock()
        params = params or default_params()
        unit = unit.strip()
        if not unit:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The unit name is required."))
        if rating not in RATINGS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A workstation is rated 秘密 or 机密, not {rating}."),
                rating=rating.zh,
            )
        roles = sorted(a.role.value for a in admins)
        if roles != sorted(r.value for r in ADMIN_ROLES):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A vault starts with exactly three administrators: system, security and "
                    "audit (三员), each a different account.",
                )
            )
        logins = {keyfile.normalize_login(a.login) for a in admins}
        if len(logins) != 3:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The three administrators must be three different accounts."
                )
            )
        policy = settings_mod.Settings.initial(unit, rating).policy
        for admin in admins:
            _check_login(admin.login)
            check_password(policy, admin.password, admin.login)
        if is_vault(folder):
            raise VaultError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{path} already holds a vault; nothing was overwritten."
                ),
                path=str(folder),
            )
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        stack = contextlib.ExitStack()
        stack.enter_context(db.exclusive(folder))
        try:
            return Vault._create_locked(
                folder, unit, rating, admins, clock, params, schema_target, stack
            )
        except BaseException:
            stack.close()
            raise

    @staticmethod
    def _create_locked(
        folder: Path,
        unit: str,
        rating: Level,
        admins: list[AdminSpec],
        clock: Clock,
        params: Argon2Params,
        schema_target: int | None,
        stack: contextlib.ExitStack,
    ) -> tuple[Vault, str]:
        # Long on purpose: a vault is created in one fixed order (keys, slots, key file,
        # database, schema, accounts, settings, first audit records), kept in one place so the
        # order is seen whole.
        vault_id = os.urandom(16)
        master = crypto.random_key()
        code = recovery_code()
        now = clock.now()
        slots: list[Slot] = []
        rec_slot, _ = keyfile.make_slot(
            vault_id=vault_id,
            slot_id=RECOVERY_ROLE,
            tag=b"",
            role=RECOVERY_ROLE,
            secret=normalize_recovery(code),
            master_key=master,
            params=params,
        )
        slots.append(rec_slot)
        admin_slots: list[tuple[AdminSpec, Slot]] = []
        for admin in admins:
            slot, _ = keyfile.make_slot(
                vault_id=vault_id,
                slot_id=secrets.token_hex(8),
                tag=keyfile.login_tag(vault_id, admin.login),
                role=admin.role.value,
                secret=admin.password,
                master_key=master,
                params=params,
                signing=admin.role is Role.AUDITOR,
            )
            slots.append(slot)
            admin_slots.append((admin, slot))
        store = db.open_database(folder / db.DB_NAME, master, create=True)
        try:
            stack.enter_context(db.hold(folder / db.DB_NAME, folder))
            db.migrate(store, target=schema_target)
            kf = KeyFile(
                vault_id=vault_id,
                generation=1,
                slots=tuple(slots),
                journal_public=_journal_public(master),
                audit_head=AuditHead(0, audit_chain.genesis(vault_id)),
            )
            vault = Vault(folder, store, kf, master, clock, stack)
            settings = Settings.initial(unit, rating)
            with store.transaction():
                store.execute(
                    "INSERT INTO meta (key, value) VALUES ('vault_id', ?), ('created_at', ?), "
                    "('keyfile_generation', '1'), ('audit_key', ?)",
                    (vault_id.hex(), audit_chain.iso(now), crypto.random_key().hex()),
                )
                vault.log = AuditLog(store, vault._audit_key(), vault_id, clock, vault.workstation)
                settings_mod.save(store, settings)
                vault.settings = settings
                for admin, slot in admin_slots:
                    aid = vault._insert_account(
                        login=admin.login,
                        display_name=admin.display_name,
                        roles=frozenset({admin.role}),
                        clearance=Level.INTERNAL,
                        slot_id=slot.slot_id,
                        password=admin.password,
                    )
                    vault.log.append(
                        audit_chain.SYSTEM,
                        "account.create",
                        f"account:{aid}",
                        details={"login": admin.login, "roles": [admin.role.value]},
                    )
                vault.log.append(
                    audit_chain.SYSTEM,
                    "vault.create",
                    "vault",
                    details={"rating": rating.zh, "cipher": db.cipher_version(store)},
                )
                vault._write_keyfile(replace(kf, audit_head=vault.log.head()))
            vault.start_anchoring()
        except BaseException:
            store.close()
            # Nothing of a failed creation stays behind, so the same folder can be used again.
            for name in (
                db.DB_NAME,
                db.DB_NAME + "-wal",
                db.DB_NAME + "-shm",
                keyfile.KEYFILE_NAME,
                keyfile.PREVIOUS_NAME,
            ):
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()
            raise
        return vault, code

    @staticmethod
    def open_with_key(
        folder: Path,
        unwrap: Any,
        *,
        clock: Clock | None = None,
        check_head: bool = True,
        accept_rollback: bool = False,
    ) -> tuple[Vault, Slot, bytes]:
        """Take the lock, read the key file, let ``unwrap(kf)`` give (slot, private, master
        candidates), open the database with whichever master key fits, finish any rotation.

        ``accept_rollback`` (a restore from backup, by the system administrator) opens a vault
        that is behind its rollback anchor normally; the caller records what went missing."""
        # Long on purpose: the one door into a vault (DESIGN.md). Its steps must run in this
        # order — lock, key file, key, pragmas, schema, rotation, audit head, rollback anchor —
        # and are kept in one function so that the order is read, reviewed and tested as one.
        clock = clock or SystemClock()
        if not folder.exists():
            raise VaultError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is not a Secrecy Desk vault: the folder does not exist (if it is on "
                    "a disk that was unplugged or unmounted, mount the disk again).",
                ),
                path=str(folder),
            )
        if not folder.is_dir() or not is_vault(folder):
            raise VaultError(
                QT_TRANSLATE_NOOP("Errors", "{path} is not a Secrecy Desk vault."),
                path=str(folder),
            )
        stack = contextlib.ExitStack()
        stack.enter_context(db.exclusive(folder))
        try:
            kf = keyfile.read(folder)
            slot, private, masters = unwrap(kf)
            store, master = _open_with_any(folder, masters)
            try:
                if not kf.mac_ok(master) and not any(kf.mac_ok(m) for m in masters):
                    raise VaultError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The key file {path} has been altered outside Secrecy Desk.",
                        ),
                        path=str(folder / keyfile.KEYFILE_NAME),
                    )
                stored_id = store.scalar("SELECT value FROM meta WHERE key = 'vault_id'")
                if stored_id is not None and stored_id != kf.vault_id.hex():
                    raise VaultError(
                        QT_TRANSLATE_NOOP("Errors", "The key file belongs to a different vault.")
                    )
                upgraded = upgrade.migrate(folder, store, master, clock)
                vault = Vault(folder, store, kf, master, clock, stack)
                vault._finish_rotation(master)
                problem = vault.head_problem()
                gap = vault.anchor_gap()
                deferred = False
                if gap is not None and accept_rollback and problem is None:
                    # The anchor moves only once the caller has recorded the acceptance
                    # (start_anchoring), so a refused restore leaves it where it was.
                    vault.rollback_gap = gap
                    gap = None
                    deferred = True
                from_anchor = gap is not None and problem is None
                if gap is not None and problem is None:
                    problem = gap.as_break(vault._anchored)
                if problem is not None:
                    vault.rollback_gap = gap
                    if check_head:
                        # The key file's own head names a database put back on its own best;
                        # the anchor names what a whole folder put back lacks.
                        raise RollbackDetected(problem, gap if from_anchor else None)
                    # Opened anyway, to verify and read: the evidence must stay exactly as
                    # found, so this session writes nothing (no records appended over the
                    # lost ones, no new head in the key file).
                    vault.head_break = problem
                    store.make_read_only()
                    vault.log.frozen = True
                elif not deferred:
                    vault.start_anchoring()
                upgrade.record(vault, upgraded)
            except db.DatabaseError as exc:
                # A damaged page past the first one only shows when it is read, a full disk
                # when the login is recorded: each is said as what it is (exit 4).
                err = db.explain(exc, path=folder / db.DB_NAME, store=store)
                store.close()
                raise err from None
            except BaseException:
                store.close()
                raise
            return vault, slot, private
        except BaseException:
            stack.close()
            raise

    @property
    def closed(self) -> bool:
        """Whether the vault was closed (the session that opened it ended)."""
        return self._closed

    def close(self, actor: Actor | None = None) -> None:
        if self._closed:
            return
        try:
            if actor is not None:
                if not self.store.read_only:  # (a session that only reads writes nothing)
                    db.tidy_search_index(self.store)  # the segments the session's saves added
                with self.store.transaction():
                    self.log.append(actor, "vault.close", "vault")
            self.sync_head(force=True)
        finally:
            self._closed = True
            self.asides.close()  # no reading connection outlives the vault's own
            self.store.close()
            self._lock.close()

    # --- key file and head ---------------------------------------------------------------

    def db_generation(self) -> int:
        value = self.store.scalar("SELECT value FROM meta WHERE key = 'keyfile_generation'")
        return int(value) if value is not None else 0

    def head_problem(self) -> Break | None:
        return audit_chain.quick_head_check(
            self.store,
            self.keyfile.audit_head,
            db_generation=self.db_generation(),
            keyfile_generation=self.keyfile.generation,
        )

    def _anchor_state(self) -> anchor.State:
        head = self.log.head()
        return anchor.current(
            self.store, self.keyfile.vault_id, head.seq, head.hash, self.keyfile.generation
        )

    def anchor_gap(self) -> anchor.Gap | None:
        """What this vault lacks compared with its rollback anchor (``None``: it reaches it)."""
        try:
            anchored = anchor.read(self.keyfile.vault_id, self._audit_key())
        except anchor.AnchorUnreadable:
            return anchor.Gap(0, 0, False, (), unreadable=True)
        if anchored is None:
            return None
        self._anchored = anchored
        return anchor.compare(anchored, self._anchor_state(), self.store)

    def start_anchoring(self) -> None:
        """From now on every commit moves the anchor; a vault whose anchor was written before
        and has gone records that in its trail (deleting it is how one would hide a rollback)."""
        self.store.on_commit = self._write_anchor
        had = self.store.scalar("SELECT value FROM meta WHERE key = 'anchored'") is not None
        if self._anchored is None and had and not self.store.read_only:
            with self.store.transaction():
                self.log.append(
                    audit_chain.SYSTEM,
                    "vault.anchor_missing",
                    "vault",
                    outcome="warn",
                    details={"anchor": str(anchor.path_for(self.keyfile.vault_id))},
                )
        elif not had:
            with self.store.transaction():
                self.store.execute("INSERT INTO meta (key, value) VALUES ('anchored', '1')")
        self._write_anchor()

    def _write_anchor(self) -> None:
        if self.store.read_only or self.head_break is not None:
            return
        state = self._anchor_state()
        if state == self._anchored:
            return
        if anchor.write(state, self._audit_key()):
            self._anchored = state

    def _write_keyfile(self, kf: KeyFile) -> None:
        """Write the next generation; must run inside a transaction so the database records
        the generation it last wrote (that is how an older copy of it is recognised)."""
        nxt = replace(kf, generation=self.keyfile.generation + 1)
        if nxt.generation <= 1:
            nxt = replace(nxt, generation=1)
        self.store.execute(
            "INSERT INTO meta (key, value) VALUES ('keyfile_generation', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(nxt.generation),),
        )
        signed = nxt.signed(self._master)
        keyfile.write(self.folder, signed)
        self.keyfile = signed

    def sync_head(self, *, force: bool = False) -> None:
        """Record the audit head in the key file every ``head_interval`` records and at close."""
        if self.head_break is not None:
            # The database does not extend the recorded head (truncated, rolled back, altered):
            # writing the new head would launder the evidence, so the key file keeps it.
            return
        head = self.log.head()
        interval = self.settings.head_interval if self.settings else 1
        if head == self.keyfile.audit_head:
            return
        if force or head.seq - self.keyfile.audit_head.seq >= interval:
            with self.store.transaction():
                self._write_keyfile(replace(self.keyfile, audit_head=self.log.head()))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[db.Store]:
        """One operation: the caller's writes and its audit records commit together."""
        with self.store.transaction() as store:
            yield store
        if not self.store.in_transaction:
            self.sync_head()

    # --- accounts (storage side; permission checks live in accounts.py) -----------------

    def _has_settings(self) -> bool:
        return bool(self.store.scalar("SELECT count(*) FROM settings"))

    def _insert_account(
        self,
        *,
        login: str,
        display_name: str,
        roles: frozenset[Role],
        clearance: Level,
        slot_id: str,
        password: str,
        department: str = "",
    ) -> int:
        now = audit_chain.iso(self.clock.now())
        aid = self.store.execute(
            f"INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES "
            "(NULL, ?, ?, ?, ?, ?, ?, 'active', 0, 0, 1, ?, ?, NULL)",
            (
                login.strip(),
                display_name.strip(),
                department.strip(),
                json.dumps(sorted(r.value for r in roles)),
                int(clearance),
                slot_id,
                now,
                now,
            ),
        )
        self.store.execute(
            "INSERT INTO password_history (account_id, hash, set_at) VALUES (?, ?, ?)",
            (aid, _history_hasher.hash(password), now),
        )
        return aid

    def account(self, login: str) -> Account | None:
        row = self.store.one(
            f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE login = ? COLLATE NOCASE",
            (login.strip(),),
        )
        return Account.from_row(row) if row else None

    def account_by_slot(self, slot_id: str) -> Account | None:
        row = self.store.one(
            f"SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE slot_id = ?", (slot_id,)
        )
        return Account.from_row(row) if row else None

    def accounts(self) -> list[Account]:
        return [
            Account.from_row(r)
            for r in self.store.all(f"SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY id")
        ]

    def permissions(self, account_id: int) -> frozenset[Permission]:
        return frozenset(
            Permission.decode(p)
            for (p,) in self.store.all(
                "SELECT permission FROM permissions WHERE account_id = ?", (account_id,)
            )
        )

    def principal(self, account: Account) -> Principal:
        return Principal(
            account_id=account.id,
            login=account.login,
            roles=account.roles,
            clearance=account.clearance,
            permissions=self.permissions(account.id),
        )

    def password_reused(self, account_id: int, password: str, history: int) -> bool:
        rows = self.store.all(
            "SELECT hash FROM password_history WHERE account_id = ? ORDER BY set_at DESC, "
            "rowid DESC LIMIT ?",
            (account_id, history),
        )
        for (stored,) in rows:
            with contextlib.suppress(VerificationError):
                if _history_hasher.verify(str(stored), password):
                    return True
        return False

    def record_password(self, account_id: int, password: str) -> None:
        self.store.execute(
            "INSERT INTO password_history (account_id, hash, set_at) VALUES (?, ?, ?)",
            (account_id, _history_hasher.hash(password), audit_chain.iso(self.clock.now())),
        )

    # --- slots ---------------------------------------------------------------------------

    def new_slot(
        self, *, login: str, role: str, password: str, params: Argon2Params | None = None
    ) -> tuple[Slot, bytes | None]:
        return keyfile.make_slot(
            vault_id=self.keyfile.vault_id,
            slot_id=secrets.token_hex(8),
            tag=keyfile.login_tag(self.keyfile.vault_id, login),
            role=role,
            secret=password,
            master_key=self._master,
            params=params or _slot_params(self.keyfile),
            signing=role == Role.AUDITOR.value,
        )

    def slot_params(self) -> Argon2Params:
        return _slot_params(self.keyfile)

    def remake_slot(
        self, account: Account, password: str, params: Argon2Params | None = None
    ) -> Slot:
        """A fresh key pair in the account's existing slot (password reset or recovery)."""
        role = role_class(account.roles)
        slot, _ = keyfile.make_slot(
            vault_id=self.keyfile.vault_id,
            slot_id=account.slot_id,
            tag=keyfile.login_tag(self.keyfile.vault_id, account.login),
            role=role,
            secret=password,
            master_key=self._master,
            params=params or _slot_params(self.keyfile),
            signing=role == Role.AUDITOR.value,
        )
        return slot

    def put_slot(self, slot: Slot) -> None:
        """Add or replace a slot; call inside the transaction that records the change."""
        self._write_keyfile(self.keyfile.with_slot(slot))

    def rotate_master(self, *, remove_slot: str | None = None) -> None:
        """Remove a slot (if given) and move the database to a new master key, sealed to every
        remaining slot. Crash-safe: the next key is written to every slot before ``rekey``.

        Must be called outside any transaction (``PRAGMA rekey`` rewrites every page)."""
        new_master = crypto.random_key()
        kf = self.keyfile.without_slot(remove_slot) if remove_slot else self.keyfile
        staged = replace(
            kf,
            slots=tuple(
                replace(s, sealed_next=keyfile.reseal(s, kf.vault_id, new_master)) for s in kf.slots
            ),
        )
        with self.store.transaction():
            self._write_keyfile(staged)
        db.rekey(self.store, new_master)
        self._master = new_master
        self._finish_rotation(new_master)

    def _finish_rotation(self, master: bytes) -> None:
        """After a rotation (or a crash in one): every slot's current seal is the live key."""
        if not any(s.sealed_next is not None for s in self.keyfile.slots):
            return
        vid = self.keyfile.vault_id
        slots = tuple(
            replace(s, sealed=keyfile.reseal(s, vid, master), sealed_next=None)
            for s in self.keyfile.slots
        )
        self._master = master
        with self.store.transaction():
            self._write_keyfile(
                replace(self.keyfile, slots=slots, journal_public=_journal_public(master))
            )

    def audit_key_for_verify(self) -> bytes:
        return self._audit_key()

    def journal_private(self) -> bytes:
        return _journal_private(self._master)

    def master_key(self) -> bytes:
        """The master key, for the vault package's own work on copies of the database
        (backups). Nothing outside ``secrecy_desk.vault`` calls this."""
        return self._master

    def master_for_tests(self) -> bytes:
        """The master key, for tests that tamper with the database through the real key."""
        return self._master


class RollbackDetected(VaultError):
    """The database does not reach, or does not agree with, the audit head in the key file,
    or the whole folder is older than the rollback anchor kept outside it."""

    def __init__(self, problem: Break, gap: anchor.Gap | None = None) -> None:
        self.problem = problem
        self.gap = gap
        if gap is not None and gap.unreadable:
            VaultError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The rollback anchor of this vault (kept outside its folder) is damaged or "
                    "was replaced, so an older copy cannot be ruled out; the vault opens only "
                    "read-only, to verify it and export its audit trail (secrecy-desk-admin "
                    "verify, audit list, audit export).",
                ),
            )
            return
        if gap is not None:
            VaultError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This vault is an older copy than the one last used on this workstation "
                    "(audit records missing: {records}; entry numbers missing: {numbers}; key "
                    "file older: {keyfile}), so it opens only read-only, to verify it and export "
                    "its audit trail (secrecy-desk-admin verify, audit list, audit export).",
                ),
                records=gap.describe_records(),
                numbers=gap.describe_numbers(),
                keyfile=_YES if gap.keyfile_behind else _NO,
            )
            return
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The vault's audit trail does not match its key file ({kind} at record {seq}: "
                "expected up to record {expected}, found {found}). The database may have been "
                "replaced by an older copy or altered. Ask the security auditor to run a "
                "verification.",
            ),
            kind=problem.kind.value,
            seq=problem.seq,
            expected=problem.expected or "-",
            found=problem.found or "-",
        )


class _Word:
    """A yes/no word in the reader's language (a message parameter)."""

    def __init__(self, text: str) -> None:
        self._text = text

    def text(self, lang: str) -> str:
        return translate("Errors", self._text, lang)

    def __str__(self) -> str:
        return self._text


_YES: Final = _Word(QT_TRANSLATE_NOOP("Errors", "yes"))
_NO: Final = _Word(QT_TRANSLATE_NOOP("Errors", "no"))


def _slot_params(kf: KeyFile) -> Argon2Params:
    """New slots use the calibration of this process, never weaker than the vault's slots."""
    params = default_params()
    strongest = max((s.kdf.time_cost for s in kf.slots), default=params.time_cost)
    return params if params.time_cost >= strongest else replace(params, time_cost=strongest)


def _journal_private(master: bytes) -> bytes:
    return crypto.hkdf(master, "secrecy-desk failure journal")


def _journal_public(master: bytes) -> bytes:
    return crypto.x25519_public(_journal_private(master))


def _open_with_any(folder: Path, masters: list[bytes]) -> tuple[db.Store, bytes]:
    last: VaultError | None = None
    for master in masters:
        try:
            return db.open_database(folder / db.DB_NAME, master), master
        except VaultError as exc:
            last = exc
    assert last is not None
    raise last


def _check_login(login: str) -> None:
    text = login.strip()
    if not (2 <= len(text) <= 32) or any(ch.isspace() or ch in ":/\\\"'" for ch in text):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An account name has 2 to 32 characters, with no spaces, quotes, colons or "
                "slashes.",
            )
        )


check_login = _check_login


# --- failed-login journal -------------------------------------------------------------------


def journal_failure(folder: Path, kf: KeyFile, login: str, reason: str, clock: Clock) -> None:
    """Record a failed login where no key is needed: sealed to the vault's journal key."""
    record = json.dumps(
        {
            "login": login,
            "at": audit_chain.iso(clock.now()),
            "workstation": workstation_name(),
            "reason": reason,
        },
        ensure_ascii=False,
    ).encode()
    sealed = crypto.seal(kf.journal_public, record, kf.vault_id)
    line = json.dumps({k: keyfile.b64(v) for k, v in sealed.items()}) + "\n"
    fd = os.open(folder / JOURNAL_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def read_journal(folder: Path, kf: KeyFile, journal_private: bytes) -> list[dict[str, str]]:
    path = folder / JOURNAL_NAME
    if not path.exists():
        return []
    out: list[dict[str, str]] = []
    for line in path.read_text("ascii", errors="replace").splitlines():
        try:
            sealed = {k: keyfile.unb64(v) for k, v in json.loads(line).items()}
            out.append(json.loads(crypto.unseal(journal_private, sealed, kf.vault_id)))
        except (ValueError, KeyError, crypto.CryptoError):
            out.append({"login": "?", "reason": "unreadable journal line", "at": ""})
    return out


def clear_journal(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / JOURNAL_NAME).unlink()

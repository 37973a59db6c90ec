"""A real vault for the register tab's tests and benchmark: three administrators, a clerk
(秘密 clearance) and an officer (机密 clearance, may void and export), and a fast bulk loader
that writes entries the way the engine's ``_insert`` does, many per transaction.

No mock: every test opens the tab over a real SQLCipher vault and a real :class:`Registers`.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from secrecy_desk.core.clock import FixedClock
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.forms import Forms, entry_marking, load_all
from secrecy_desk.registers import Registers
from secrecy_desk.registers.engine import _json
from secrecy_desk.vault import audit
from secrecy_desk.vault import session as sessions
from secrecy_desk.vault import vault as vault_mod
from secrecy_desk.vault.crypto import MIN_PARAMS
from secrecy_desk.vault.session import Session
from secrecy_desk.vault.vault import AdminSpec, Vault

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
UNIT = "测试保密研究所乙"
CLERK, OFFICER = "zhouclerk", "wuofficer"
PASSWORDS: dict[str, str] = {
    "regsys": "Reg-Sys-2026x",
    "regsec": "Reg-Sec-2026x",
    "regaud": "Reg-Aud-2026x",
    CLERK: "Clerk-Reg-2026",
    OFFICER: "Officer-Reg-26",
}


def build_vault(folder: Path, clock: FixedClock) -> None:
    """Create the vault in ``folder`` (at the Argon2 floor, so it takes well under a second)."""
    vault_mod._params_cache[:] = [MIN_PARAMS]
    admins = [
        AdminSpec("regsys", "孙系统", Role.SYSADMIN, PASSWORDS["regsys"]),
        AdminSpec("regsec", "周安全", Role.SECADMIN, PASSWORDS["regsec"]),
        AdminSpec("regaud", "吴审计", Role.AUDITOR, PASSWORDS["regaud"]),
    ]
    vault, _code = Vault.create(
        folder, unit=UNIT, rating=Level.SECRET, admins=admins, clock=clock, params=MIN_PARAMS
    )
    with vault.transaction() as store:
        store.execute("UPDATE accounts SET must_change = 0")
    vault.close()
    s = sessions.login(folder, "regsys", PASSWORDS["regsys"], clock=clock)
    try:
        for login, name in ((CLERK, "周录入"), (OFFICER, "吴保密")):
            sessions.add_account(
                s,
                login_name=login,
                display_name=name,
                password=PASSWORDS[login],
                department="保密办",
                params=MIN_PARAMS,
            )
        with s.operation() as store:
            store.execute("UPDATE accounts SET must_change = 0")
    finally:
        s.logout()
    s = sessions.login(folder, "regsec", PASSWORDS["regsec"], clock=clock)
    try:
        sessions.grant(s, CLERK, roles=[Role.CLERK], clearance=Level.CONFIDENTIAL)
        sessions.grant(s, OFFICER, roles=[Role.OFFICER], clearance=Level.SECRET)
    finally:
        s.logout()


@dataclass
class RegVault:
    folder: Path
    clock: FixedClock
    forms: Forms

    def login(self, login: str = OFFICER) -> Session:
        return sessions.login(self.folder, login, PASSWORDS[login], clock=self.clock)

    def registers(self, session: Session) -> Registers:
        return Registers(session, self.forms)


_template: dict[str, Path] = {}


def fresh_vault(tmp: Path, forms: Forms | None = None) -> RegVault:
    """A copy of a per-process template vault (building one costs a few key derivations)."""
    if "folder" not in _template or not _template["folder"].exists():
        folder = tmp.parent / f"regvault-template-{tmp.name}"
        build_vault(folder, FixedClock(T0))
        _template["folder"] = folder
    target = tmp / "vault"
    shutil.copytree(_template["folder"], target)
    return RegVault(target, FixedClock(T0 + timedelta(hours=1)), forms or load_all())


# --- bulk entries -----------------------------------------------------------------------------

DRAWING_WORDS = (
    "总体布置图",
    "结构装配图",
    "电路原理图",
    "液压系统图",
    "控制柜接线图",
    "零件加工图",
    "天线罩总成",
    "试验台架图",
    "保密柜安装图",
    "机房布线图",
    "导引头组件",
    "发射筒结构",
)
RECEIVERS = (
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄敏",
    "周杰",
    "吴霞",
    "徐明",
    "孙丽",
    "马超",
    "朱红",
    "胡军",
    "郭涛",
    "何琳",
    "高峰",
    "林海",
    "罗佳",
)
REMARKS = ("", "", "", "随图附说明书一份", "保密室借阅", "项目组共用", "外协单位使用，已签保密协议")


def drawing_values(rng: random.Random, index: int, today: date) -> dict[str, str]:
    """Typed input for one plausible drawing issue (valid for the drawings register)."""
    level = rng.choice(("机密", "一般", "一般", "机密", "绝密"))
    issued = today - timedelta(days=rng.randrange(0, 2000))
    must = level == "绝密" or (level == "机密" and rng.random() < 0.5)
    recalled = must and rng.random() < 0.7
    raw = {
        "drawing_no": f"DZ{rng.randrange(100, 999)}-{index % 10000:04d}",
        "drawing_name": f"{rng.choice(DRAWING_WORDS)}（第{rng.randrange(1, 9)}版）",
        "copies": str(rng.randrange(1, 6)),
        "level": level,
        "receiver": rng.choice(RECEIVERS),
        "recalled": "是" if recalled else "否",
        "issued_on": issued.isoformat(),
        "remarks": rng.choice(REMARKS),
        "must_recall": "是" if must else "否",
        "lost": "否",
    }
    if must:
        due = issued + timedelta(days=rng.randrange(30, 400))
        raw["due_on"] = due.isoformat()
        if recalled:
            back = min(today, issued + timedelta(days=rng.randrange(1, 300)))
            raw["recalled_on"] = back.isoformat()
    return raw


def bulk_drawings(
    registers: Registers,
    count: int,
    *,
    seed: int = 7,
    batch: int = 50_000,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write ``count`` drawing issues straight into the tables, as ``Registers._insert`` would
    (entry, first revision, search tokens), one transaction per ``batch``. The secondary
    indexes of every register are dropped first and rebuilt at the end: each insert otherwise
    evaluates some forty partial expression indexes (about 0.5 ms a row)."""
    spec = registers.spec("drawings")
    store = registers.store
    session = registers.session
    rng = random.Random(seed)
    today = session.clock.today()
    now = audit.iso(session.clock.now())
    who = session.account.login
    # Below some thousands of rows, keeping the indexes is cheaper than rebuilding them.
    names = (
        [
            str(r[0])
            for r in store.all(
                "SELECT name FROM sqlite_schema WHERE type = 'index' "
                "AND name LIKE 'ix\\_%' ESCAPE '\\'"
            )
        ]
        if count >= 20_000
        else []
    )
    year_seq: dict[int, int] = {}
    first_id = int(store.scalar("SELECT coalesce(max(id), 0) FROM entries")) + 1
    done = 0
    while done < count:
        size = min(batch, count - done)
        entries: list[tuple[object, ...]] = []
        revisions: list[tuple[object, ...]] = []
        fts: list[tuple[object, ...]] = []
        for i in range(size):
            raw = drawing_values(rng, done + i, today)
            values = {f.name: f.parse(raw.get(f.name, ""), today=today) for f in spec.fields}
            mark = entry_marking(spec, values)
            stored = registers._stored(spec, values)
            data = _json(stored)
            year = int(raw["issued_on"][:4])
            seq = year_seq.get(year, 0) + 1
            year_seq[year] = seq
            number = spec.numbering.format(year=year, seq=seq)
            term = mark.term.encode() if mark.term and not mark.term_is_default else None
            entry_id = first_id + done + i
            entries.append(
                (
                    entry_id,
                    spec.id,
                    number,
                    year,
                    seq,
                    "registered",
                    int(mark.level),
                    term,
                    data,
                    now,
                    who,
                    now,
                    who,
                )
            )
            revisions.append((entry_id, "registered", int(mark.level), term, data, now, who))
            fts.append((entry_id, registers._search_body(spec, stored)))
        with store.transaction():
            store.executemany(
                "INSERT INTO entries (id, register, number, year, seq, revision, status, level, "
                "term, voided, void_reason, data, created_at, created_by, updated_at, "
                "updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?)",
                entries,
            )
            store.executemany(
                "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, "
                "voided, void_reason, data, note, at, account) "
                "VALUES (?, 1, 'create', ?, ?, ?, 0, NULL, ?, 'bulk', ?, ?)",
                revisions,
            )
            store.executemany("INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", fts)
        done += size
        if progress is not None:
            progress(done)
    with store.transaction():
        for year, seq in year_seq.items():
            store.execute(
                "INSERT INTO numbering (register, year, last_seq) VALUES ('drawings', ?, ?) "
                "ON CONFLICT (register, year) DO UPDATE SET "
                "last_seq = max(last_seq, excluded.last_seq)",
                (year, seq),
            )
        session.audit("register.import", "drawings", details={"count": count, "source": "bench"})
    if names:
        registers.ensure_indexes()
    for pragma in (
        "cache_size = -2000",
        "secure_delete = ON",
        "cipher_memory_security = ON",
        "synchronous = FULL",
    ):
        store.execute(f"PRAGMA {pragma}")

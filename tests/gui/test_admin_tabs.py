"""The administrators' tabs over a real vault: the sysadmin adds, resets and disables
accounts; the secadmin grants roles and permissions, unlocks and tightens the policy; the
auditor lists, filters, verifies and seals the audit trail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import ALL_MODULES, Action, Permission, Role
from secrecy_desk.gui.admin.accounts import (
    AccountsTab,
    AddAccountDialog,
    DisableDialog,
    GrantDialog,
    PolicyDialog,
    ResetPasswordDialog,
)
from secrecy_desk.vault import accounts as account_admin
from secrecy_desk.vault.crypto import MIN_PARAMS
from tests.gui.conftest import MainFactory
from tests.support.vault import AUDITOR, CLERK, SECADMIN, SYSADMIN, VaultEnv


def cell(tab: AccountsTab, row: int, col: int) -> str:
    item = tab.table.item(row, col)
    assert item is not None
    return item.text()


def add_newbie(vault_env: VaultEnv) -> None:
    s = vault_env.login(SYSADMIN)
    try:
        account_admin.add_account(
            s,
            login_name="newbie",
            display_name="新人",
            password="Initial-Pass-1",
            params=MIN_PARAMS,
        )
    finally:
        s.logout()


def test_sysadmin_adds_an_account(main_window: MainFactory, vault_env: VaultEnv) -> None:
    w = main_window(SYSADMIN)
    tab = w.accounts_tab
    rows = tab.table.rowCount()
    tab.add_account()
    dialog = tab.dialog
    assert isinstance(dialog, AddAccountDialog)
    dialog.login.setText("sunli")
    dialog.name.setText("孙丽")
    dialog.department.setText("档案室")
    dialog.password.setText("weak")
    dialog.confirm.setText("weak")
    dialog.submit()
    assert dialog.isVisible()  # the core refused: the policy sentence is shown
    assert dialog.message.text()
    dialog.password.setText("Initial-Pass-9")
    dialog.confirm.setText("Initial-Pass-9")
    assert dialog.hints.satisfied()
    dialog.submit()
    assert tab.dialog is None
    assert tab.table.rowCount() == rows + 1
    logins = [cell(tab, r, 0) for r in range(tab.table.rowCount())]
    assert "sunli" in logins
    row = logins.index("sunli")
    assert cell(tab, row, 5) == "须修改密码"


def test_sysadmin_resets_and_disables(main_window: MainFactory, vault_env: VaultEnv) -> None:
    w = main_window(SYSADMIN)
    tab = w.accounts_tab
    tab.select(CLERK)
    assert tab.buttons["reset"].isEnabled()
    tab.reset_password()
    reset = tab.dialog
    assert isinstance(reset, ResetPasswordDialog)
    reset.password.setText("Reset-Pass-2026")
    reset.confirm.setText("Reset-Pass-2026")
    reset.submit()
    assert tab.dialog is None
    tab.select(CLERK)
    tab.disable_account()
    dialog = tab.dialog
    assert isinstance(dialog, DisableDialog)
    assert "主密钥" in dialog.intro.text()  # the key rotation is announced
    dialog.submit()  # no reason given
    assert dialog.message.text()
    dialog.reason.setText("调离本单位")
    dialog.submit()
    assert tab.dialog is None
    account = next(a for a in tab.accounts if a.login == CLERK)
    assert not account.active
    tab.select(CLERK)
    assert not tab.buttons["disable"].isEnabled()


def test_administrators_cannot_be_reset_or_disabled_here(main_window: MainFactory) -> None:
    w = main_window(SYSADMIN)
    tab = w.accounts_tab
    tab.select(SECADMIN)
    assert not tab.buttons["reset"].isEnabled()
    assert not tab.buttons["disable"].isEnabled()


def test_secadmin_grants_a_role_clearance_and_permissions(
    main_window: MainFactory, vault_env: VaultEnv
) -> None:
    add_newbie(vault_env)
    w = main_window(SECADMIN)
    tab = w.accounts_tab
    tab.select("newbie")
    assert tab.buttons["grant"].isEnabled()
    tab.grant()
    dialog = tab.dialog
    assert isinstance(dialog, GrantDialog)
    # Levels above the workstation's rating are not offered.
    offered = [dialog.clearance.itemData(i) for i in range(dialog.clearance.count())]
    assert int(Level.TOP_SECRET) not in offered
    dialog.role_boxes[Role.CLERK].setChecked(True)
    assert dialog.cells[Permission(ALL_MODULES, Action.CREATE)].isChecked()
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(int(Level.CONFIDENTIAL)))
    dialog.cells[Permission(ALL_MODULES, Action.PRINT)].setChecked(False)
    dialog.cells[Permission("gifts", Action.EXPORT)].setChecked(True)
    dialog.submit()
    assert tab.dialog is None
    account = next(a for a in tab.accounts if a.login == "newbie")
    assert account.roles == frozenset({Role.CLERK})
    assert account.clearance == Level.CONFIDENTIAL
    perms = w.session.vault.permissions(account.id)
    assert Permission(ALL_MODULES, Action.CREATE) in perms
    assert Permission(ALL_MODULES, Action.PRINT) not in perms
    assert Permission("gifts", Action.EXPORT) in perms

    # Taking the role away again removes what only it gave.
    tab.select("newbie")
    tab.grant()
    dialog = tab.dialog
    assert isinstance(dialog, GrantDialog)
    dialog.role_boxes[Role.CLERK].setChecked(False)
    assert not dialog.cells[Permission(ALL_MODULES, Action.CREATE)].isChecked()
    dialog.submit()
    account = next(a for a in tab.accounts if a.login == "newbie")
    assert account.roles == frozenset()
    assert w.session.vault.permissions(account.id) == {Permission("gifts", Action.EXPORT)}


def test_secadmin_unlocks_a_locked_account(main_window: MainFactory, vault_env: VaultEnv) -> None:
    s = vault_env.login(CLERK)
    for _ in range(5):
        s.check_password("wrong-Password-1")
    s.logout()
    w = main_window(SECADMIN)
    tab = w.accounts_tab
    row = [a.login for a in tab.accounts].index(CLERK)
    assert cell(tab, row, 5) == "已锁定"
    tab.select(CLERK)
    assert tab.buttons["unlock"].isEnabled()
    tab.unlock()
    account = next(a for a in tab.accounts if a.login == CLERK)
    assert not account.locked
    w._end(back_to_login=True)
    vault_env.login(CLERK).logout()


def test_secadmin_may_tighten_the_policy_only(main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    tab = w.accounts_tab
    tab.edit_policy()
    dialog = tab.dialog
    assert isinstance(dialog, PolicyDialog)
    dialog.spins["min_length"].setValue(6)
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.message.text()
    dialog.spins["min_length"].setValue(12)
    dialog.spins["idle_lock_minutes"].setValue(3)
    dialog.submit()
    assert tab.dialog is None
    assert w.session.settings.policy.min_length == 12
    assert w.session.settings.policy.idle_lock_minutes == 3


def test_auditor_lists_filters_and_verifies(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv, tmp_path: Path
) -> None:
    w = main_window(AUDITOR)
    tab = w.audit_tab
    model = tab.model
    qtbot.waitUntil(lambda: model.total is not None)
    assert model.total is not None
    assert model.total > 0
    assert model.rowCount() == min(model.total, 200)
    assert tab.count_label.text() == f"共 {model.total} 条记录"
    seqs = [model.rows[i].seq for i in range(model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    accounts = {model.rows[i].account for i in range(model.rowCount())}
    assert SYSADMIN in accounts  # the auditor reads the administrators' records too

    tab.by_date.setChecked(False)
    tab.account.setText(SECADMIN)
    tab.action.setCurrentText("account")
    tab.search()
    qtbot.waitUntil(lambda: model.total is not None)
    assert model.total
    assert {r.account for r in model.rows} == {SECADMIN}
    assert all(r.action.startswith("account") for r in model.rows)

    tab.verify()
    report = tab.last_report
    assert report is not None
    assert report.intact
    assert report.first_seq == 1  # the full check walks the whole chain
    assert str(report.records) in tab.result.text()
    assert "数据库的每一页及各表均完好" in tab.result.text()
    tab.seal()
    assert tab.result.text()
    sealed = int(tab.session.vault.store.scalar("SELECT max(seq) FROM seals"))
    tab.verify(quick=True)
    check = tab.last_check
    assert check is not None
    assert check.quick
    assert check.sound
    assert check.report.first_seq == sealed + 1  # the quick check starts after the seal
    # What it read, and no more: its walk does not read the free pages.
    assert "数据库各表及索引的每一页均完好" in tab.result.text()
    assert "数据库的每一页及各表均完好" not in tab.result.text()
    assert f"第{sealed}条记录（含）之前的记录由封存签名保证" in tab.result.text()


def test_audit_table_fetches_more_when_scrolled(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    s = vault_env.login(CLERK)
    with s.operation():
        for n in range(400):
            s.audit("test.noise", f"noise:{n}")
    s.logout()
    w = main_window(AUDITOR)
    tab = w.audit_tab
    model = tab.model
    tab.by_date.setChecked(False)
    tab.search()
    # The first page is shown before the records are counted: the count comes aside.
    assert model.rowCount() == 200
    assert model.total is None
    assert model.counting
    assert tab.count_label.text() == "计数中…"
    qtbot.waitUntil(lambda: not model.counting)
    assert model.total is not None
    assert model.total > 400
    assert tab.count_label.text() == f"共 {model.total} 条记录"
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rows[-1].seq == 1  # down to the first record, each once, newest first
    seqs = [r.seq for r in model.rows]
    assert seqs == sorted(seqs, reverse=True)
    assert len(set(seqs)) == len(seqs)


def test_secadmin_reads_only_ordinary_users_records(main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    tab = w.audit_tab
    tab.by_date.setChecked(False)
    tab.search()
    roles = {r.role for r in tab.model.rows}
    assert not roles & {"sysadmin", "secadmin", "auditor"}
    assert not tab.verify_button.isVisible()
    assert not tab.quick_button.isVisible()

"""The main window: the right tabs for each role, the status bar, the title, the window
geometry remembered per account in the vault, and logout."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.admin.accounts import AccountsTab
from secrecy_desk.gui.admin.audit import AuditTab
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.gui.shell.home import HomeTab
from secrecy_desk.gui.shell.main_window import GEOMETRY_PREF
from secrecy_desk.modules import worklist
from secrecy_desk.vault import prefs
from tests.gui.conftest import MainFactory
from tests.support.vault import AUDITOR, CLERK, OFFICER, SECADMIN, SYSADMIN, UNIT, VaultEnv


def kinds(w: object) -> list[str]:
    tabs = w.tabs  # type: ignore[attr-defined]
    return [type(tabs.widget(i)).__name__ for i in range(tabs.count())]


def test_sysadmin_gets_home_and_accounts(main_window: MainFactory) -> None:
    w = main_window(SYSADMIN)
    # The backup tab (module ``admin``) is built when first shown: a placeholder until then.
    assert kinds(w) == ["HomeTab", "QWidget", "AccountsTab"]
    assert w.tab_titles() == ["首页", "备份与恢复", "账户"]
    assert isinstance(w.tabs.widget(0), HomeTab)
    assert not w.module_tabs


def test_secadmin_gets_accounts_and_audit(main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    assert kinds(w) == ["HomeTab", "QWidget", "AccountsTab", "AuditTab"]
    assert isinstance(w.accounts_tab, AccountsTab)
    assert w.accounts_tab.is_secadmin
    assert not w.accounts_tab.is_sysadmin


def test_auditor_gets_the_audit_trail_only(main_window: MainFactory) -> None:
    w = main_window(AUDITOR)
    assert kinds(w) == ["HomeTab", "AuditTab"]
    assert isinstance(w.audit_tab, AuditTab)
    assert w.audit_tab.is_auditor


def test_business_users_get_a_tab_per_visible_register(
    main_window: MainFactory, forms: Forms
) -> None:
    for login in (CLERK, OFFICER):
        w = main_window(login)
        visible = w.ctx.registers.visible_registers()
        assert visible
        # Built when first shown: login does not pay for every register at once. The other
        # modules' tabs (Commitments …) are pages of the groups too, built when shown.
        assert kinds(w) == ["HomeTab"] + ["QWidget"] * len(w.tab_specs)
        registers = [k for k in w.tab_specs if k.startswith("register:")]
        assert sorted(registers) == sorted(f"register:{s.id}" for s in visible)
        # Within a group the registers keep their declared order (drawings first, …).
        for group in w.tabs.group_keys():
            keys = [k for k in w.tabs.group_pages(group) if k.startswith("register:")]
            specs = [forms[k.removeprefix("register:")] for k in keys]
            assert [s.order for s in specs] == sorted(s.order for s in specs)
            assert all(s.group == group for s in specs)
        w.show_tab("commitments")
        assert "CommitmentsTab" in kinds(w)
        w.tabs.setCurrentIndex(1)
        assert isinstance(w.tabs.widget(1), RegisterTab)  # the carriers' own is one too
        assert w.tabs.currentIndex() == 1
        for spec in visible:
            w.show_register(spec.id)
            assert w.tabs.currentWidget() is w.register_tab(spec.id)
        assert all(isinstance(w.tabs.page(f"register:{s.id}"), RegisterTab) for s in visible)
        titles = dict(zip(w.tabs.page_keys(), w.tab_titles(), strict=True))
        assert [titles[f"register:{s.id}"] for s in visible] == [
            spec.title("zh_CN") for spec in visible
        ]
        assert "AccountsTab" not in kinds(w)
        w._end(back_to_login=True)


def test_title_and_status_bar(main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    # The unit alone: the window system adds the program's (display) name once itself.
    assert w.windowTitle() == UNIT
    assert w.status_unit.text() == UNIT
    assert w.status_rating.text() == "本机定级：机密"
    assert "李安全" in w.status_account.text()
    assert "安全保密管理员" in w.status_account.text()
    assert "内部" in w.status_clearance.text()


def test_home_shows_account_and_password_expiry(main_window: MainFactory) -> None:
    w = main_window(OFFICER)
    home = w.home
    assert "钱保密" in home.greeting.text()
    assert home.role_label.text() == "保密员"
    assert home.clearance_label.text() == "机密"
    assert "天" in home.password_label.text()


def test_home_lists_every_deadline_the_account_may_see(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(OFFICER)
    qtbot.waitUntil(lambda: not w.home.counting(), timeout=5000)
    lines = worklist.work_list(w.ctx.registers)
    assert w.home.tally() == {line.deadline.key: 0 for line in lines}
    assert w.home.table.rowCount() == len(lines) + 1  # and the password's expiry


def test_alt_number_switches_tabs(main_window: MainFactory) -> None:
    w = main_window(SECADMIN)
    w.tab_actions[2].trigger()
    assert w.tabs.currentIndex() == 2


def test_geometry_is_remembered_per_account_in_the_vault(
    qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv
) -> None:
    w = main_window(AUDITOR)
    w.resize(770, 500)
    qtbot.waitUntil(lambda: w.width() == 770)
    with qtbot.waitSignal(w.ended):
        w.logout()
    s = vault_env.login(AUDITOR)
    try:
        assert isinstance(prefs.get_pref(s, GEOMETRY_PREF), str)
    finally:
        s.logout()
    again = main_window(AUDITOR)
    assert again.size().width() == 770
    again._end(back_to_login=True)
    third = main_window(SECADMIN)
    assert third.size().width() != 770


def test_quit_ends_the_session(qtbot: QtBot, main_window: MainFactory, vault_env: VaultEnv) -> None:
    w = main_window(SYSADMIN)
    with qtbot.waitSignal(w.ended) as blocker:
        w.quit_action.trigger()
    assert blocker.args == [False]
    # The vault is free again: the session was closed.
    vault_env.login(SYSADMIN).logout()
    assert QApplication.instance() is not None


def test_verify_a_printed_copy_is_offered_to_business_users(main_window: MainFactory) -> None:
    clerk = main_window(CLERK)
    assert clerk.verify_action.shortcut().toString() == "Ctrl+Shift+V"
    clerk._end(back_to_login=True)
    admin = main_window(SYSADMIN)
    assert not hasattr(admin, "verify_action")

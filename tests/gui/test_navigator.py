"""The main window's grouped navigator: groups declared as data fit a 1280-pixel window with no
scrolling tab bar; Alt+number goes to a group on its last page, Ctrl+PgUp/PgDn steps through
the pages, the keyboard lands in the register each time; the page shown and each group's page
come back at the next login."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget
from pytestqt.qtbot import QtBot

from secrecy_desk.forms import Forms
from secrecy_desk.gui.registers.tab import RegisterTab
from secrecy_desk.gui.shell.main_window import MainWindow
from secrecy_desk.modules import registry
from tests.gui.conftest import MainFactory
from tests.support.vault import CLERK, OFFICER

NONE = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def press(key: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    """A key as the user presses it: to the widget with the keyboard focus."""
    target = QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, key, mods)


def group_key(w: MainWindow, title: str) -> Qt.Key:
    """The number key of a group's Alt+number."""
    return Qt.Key(Qt.Key.Key_1.value + w.group_titles().index(title))


def test_every_tab_is_in_a_declared_group(forms: Forms, main_window: MainFactory) -> None:
    known = {g.id for g in registry.GROUPS}
    assert all(spec.group in known for spec in forms.registers)
    w = main_window(OFFICER)
    principal = w.session.principal
    assert all(t.group in known for t in registry.tabs(forms, principal))
    titles = w.group_titles()
    assert titles[:3] == ["首页", "文件资料", "载体与设备"]
    assert "人员" in titles
    assert "审批" in titles
    assert "保密办" in titles
    assert w.tabs.group_pages("personnel")[-1] == "commitments"
    assert w.tabs.group_pages("carriers") == ["register:carriers", "register:equipment", "carriers"]


def test_no_tab_bar_scrolls_at_1280(qtbot: QtBot, main_window: MainFactory) -> None:
    w = main_window(OFFICER)  # the account with the most pages
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: w.width() == 1280)
    bars = [w.tabs.groups.tabBar()] + [
        sub.tabBar() for sub in w.tabs.findChildren(QTabWidget) if sub is not w.tabs.groups
    ]
    assert len(bars) == len(w.group_titles()) + 1
    for bar in bars:
        assert isinstance(bar, QTabBar)
        width = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        assert width <= w.width() - 20, [bar.tabText(i) for i in range(bar.count())]
        for i in range(bar.count()):  # no title elided either
            assert bar.tabSizeHint(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i))


def test_alt_number_and_ctrl_page_keys_land_in_the_register(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(CLERK)
    with qtbot.waitActive(w):
        w.activateWindow()
    carriers = group_key(w, "载体与设备")
    w.home.setFocus()
    press(carriers, ALT)
    first = w.tabs.currentWidget()
    assert isinstance(first, RegisterTab)
    assert first.spec.id == "carriers"
    assert QApplication.focusWidget() is first.table
    press(Qt.Key.Key_PageDown, CTRL)
    second = w.tabs.currentWidget()
    assert isinstance(second, RegisterTab)
    assert second.spec.id == "equipment"
    assert QApplication.focusWidget() is second.table
    press(Qt.Key.Key_PageUp, CTRL)
    assert w.tabs.currentWidget() is first
    assert QApplication.focusWidget() is first.table
    # Back on the equipment register, away to Home and back: the group shows its last page.
    w.show_register("equipment")
    press(Qt.Key.Key_1, ALT)
    assert w.tabs.currentWidget() is w.home
    press(carriers, ALT)
    assert w.tabs.currentWidget() is second
    assert QApplication.focusWidget() is second.table
    # Alt+number on the group shown already: from the search box back to the list.
    second.search_box.setFocus()
    press(carriers, ALT)
    assert QApplication.focusWidget() is second.table


def test_the_page_shown_comes_back_at_the_next_login(
    qtbot: QtBot, main_window: MainFactory
) -> None:
    w = main_window(CLERK)
    w.show_register("training")
    w.show_register("drawings")
    w.show_register("equipment")
    with qtbot.waitSignal(w.ended):
        w.logout()
    again = main_window(CLERK)
    assert again.tabs.current_key() == "register:equipment"
    assert isinstance(again.tabs.currentWidget(), RegisterTab)
    assert list(again.module_tabs) == ["register:equipment"]  # the others built when shown
    again.show_group(again.group_titles().index("人员"))
    assert again.tabs.current_key() == "register:training"

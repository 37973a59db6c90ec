"""The main window's navigator: grouped top-level tabs (首页, 文件资料, 载体与设备, 人员 …) with
the group's pages as second-level tabs, so that seventeen registers and the other modules fit
a 1280-pixel screen without a scrolling tab bar.

A page is known by its key (``register:drawings``, ``approvals``, ``home`` …). The flat page
API (:meth:`count`, :meth:`widget`, :meth:`currentWidget`, :meth:`setCurrentWidget` …) speaks of
pages in navigator order — every group's pages in turn — whatever group they are in; the
groups are what Alt+number switches between (:meth:`show_group`), Ctrl+PgUp/PgDn steps through
the pages (:meth:`step`). :attr:`page_changed` says which page is now shown, once per change.
The current page and each group's last page are kept as a small JSON-able :meth:`state`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


@dataclass
class _Page:
    key: str
    group: str
    title: str


class Navigator(QWidget):
    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups = QTabWidget()
        self.groups.setObjectName("navigatorGroups")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.groups)
        self._subs: dict[str, QTabWidget] = {}
        self._pages: list[_Page] = []
        self._shown: str | None = None
        self.groups.currentChanged.connect(self._changed)

    # --- building ---------------------------------------------------------------------------

    def add_group(self, key: str, title: str) -> None:
        sub = QTabWidget()
        sub.setObjectName(f"navigatorGroup:{key}")
        sub.setDocumentMode(True)
        sub.tabBar().hide()  # shown once the group has a second page
        sub.currentChanged.connect(self._changed)
        self._subs[key] = sub
        self.groups.addTab(sub, title)

    def add_page(self, group: str, key: str, title: str, widget: QWidget) -> None:
        sub = self._subs[group]
        # Pages are kept in navigator order: a group's pages after the earlier groups' pages.
        position = max(
            (
                i + 1
                for i, p in enumerate(self._pages)
                if self._group_index(p.group) <= self._group_index(group)
            ),
            default=0,
        )
        self._pages.insert(position, _Page(key, group, title))
        sub.addTab(widget, title)
        sub.tabBar().setVisible(sub.count() > 1)
        if self._shown is None:
            self._changed()

    def replace(self, key: str, widget: QWidget) -> QWidget | None:
        """Put ``widget`` in the place of page ``key`` (a placeholder until the page is first
        shown) without a change of page; returns the widget it replaced."""
        page = self._page(key)
        sub = self._subs[page.group]
        index = self._index_in_group(key)
        old = sub.widget(index)
        current = sub.currentIndex()
        blocked = sub.blockSignals(True)
        try:
            sub.removeTab(index)
            sub.insertTab(index, widget, page.title)
            sub.setCurrentIndex(current)
        finally:
            sub.blockSignals(blocked)
        return old

    # --- the flat page API ------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [p.key for p in self._pages]

    def titles(self) -> list[str]:
        return [p.title for p in self._pages]

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        if not 0 <= index < len(self._pages):
            return None
        return self.page(self._pages[index].key)

    def page(self, key: str) -> QWidget | None:
        page = self._page(key)
        return self._subs[page.group].widget(self._index_in_group(key))

    def current_key(self) -> str | None:
        sub = self.groups.currentWidget()
        group = next((g for g, s in self._subs.items() if s is sub), None)
        if group is None:
            return None
        index = self._subs[group].currentIndex()
        keys = [p.key for p in self._pages if p.group == group]
        return keys[index] if 0 <= index < len(keys) else None

    def currentIndex(self) -> int:
        key = self.current_key()
        return self.page_keys().index(key) if key is not None else -1

    def currentWidget(self) -> QWidget | None:
        key = self.current_key()
        return self.page(key) if key is not None else None

    def setCurrentIndex(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            self.set_current(self._pages[index].key)

    def setCurrentWidget(self, widget: QWidget) -> None:
        key = self.key_of(widget)
        if key is not None:
            self.set_current(key)

    def key_of(self, widget: QWidget) -> str | None:
        return next((p.key for p in self._pages if self.page(p.key) is widget), None)

    def set_current(self, key: str) -> None:
        page = self._page(key)
        sub = self._subs[page.group]
        sub.setCurrentIndex(self._index_in_group(key))
        self.groups.setCurrentWidget(sub)

    def step(self, delta: int) -> None:
        """The next (``delta`` 1) or previous (-1) page, from the last to the first."""
        if not self._pages:
            return
        index = self.currentIndex()
        self.setCurrentIndex((index + delta) % len(self._pages))

    # --- groups -----------------------------------------------------------------------------

    def group_keys(self) -> list[str]:
        return list(self._subs)

    def group_titles(self) -> list[str]:
        return [self.groups.tabText(i) for i in range(self.groups.count())]

    def group_pages(self, group: str) -> list[str]:
        return [p.key for p in self._pages if p.group == group]

    def group_of(self, key: str) -> str:
        return self._page(key).group

    def show_group(self, index: int) -> None:
        """Group ``index`` (Alt+number), on the page it showed last."""
        if 0 <= index < self.groups.count():
            self.groups.setCurrentIndex(index)

    # --- state between sessions ---------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """The current page and each group's page, by key."""
        pages = {}
        for group, sub in self._subs.items():
            keys = self.group_pages(group)
            if 0 <= sub.currentIndex() < len(keys):
                pages[group] = keys[sub.currentIndex()]
        return {"current": self.current_key(), "groups": pages}

    def restore(self, state: object) -> None:
        """Back to a :meth:`state` (keys no longer there — a register the account no longer
        sees — are passed over)."""
        if not isinstance(state, dict):
            return
        known = set(self.page_keys())
        groups = state.get("groups")
        if isinstance(groups, dict):
            for group, key in groups.items():
                if key in known and self.group_of(key) == group:
                    sub = self._subs[group]
                    blocked = sub.blockSignals(True)
                    try:
                        sub.setCurrentIndex(self._index_in_group(key))
                    finally:
                        sub.blockSignals(blocked)
        current = state.get("current")
        if isinstance(current, str) and current in known:
            self.set_current(current)

    # --- inside -------------------------------------------------------------------------------

    def _page(self, key: str) -> _Page:
        for page in self._pages:
            if page.key == key:
                return page
        raise KeyError(key)

    def _group_index(self, group: str) -> int:
        return list(self._subs).index(group)

    def _index_in_group(self, key: str) -> int:
        return self.group_pages(self._page(key).group).index(key)

    def _changed(self, *_: object) -> None:
        key = self.current_key()
        if key is not None and key != self._shown:
            self._shown = key
            self.page_changed.emit(key)

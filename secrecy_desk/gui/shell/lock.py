"""Locking a session: on idle, on Ctrl+L, and when the desktop session locks.

* :class:`IdleWatcher` — an application-wide event filter restarts a single-shot timer on
  every key press, click, mouse move, wheel or touch; when it fires the window locks. The
  timeout comes from the policy (``idle_lock_minutes``) and is injectable for tests.
* :class:`OsLockWatcher` — Qt has no "screen locked" signal (``applicationStateChanged`` to
  inactive only means another window has the focus). On Linux the desktop announces a lock
  over D-Bus: logind's ``Session.Lock`` on the system bus and the screensaver's
  ``ActiveChanged(true)`` (freedesktop, GNOME, MATE, Cinnamon, KDE names) on the session bus.
  The watcher listens to whichever exist; without a bus it silently does nothing, and the
  idle lock still applies.
* :class:`LockScreen` — replaces the whole window content (nothing of the data stays
  visible), names who is logged in and takes that account's password only. Wrong passwords
  count as failed logins; once the account is locked, only "close the session" remains.
"""

from __future__ import annotations

import contextlib
import os
from typing import Final, cast

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.gui.common.jobs import run_job
from secrecy_desk.gui.common.labels import roles_label
from secrecy_desk.gui.common.password_dialog import password_field
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.vault.session import Session

ACTIVITY: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``timeout_ms`` without keyboard or mouse input."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, timeout_ms))
        self.timer.timeout.connect(self.idle)
        self._filtering = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


#: (bus, service, path, interface) of the screensavers that announce ActiveChanged(bool).
_SCREENSAVERS: Final = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
)


class OsLockWatcher(QObject):
    """Emits :attr:`locked` when the desktop session locks (see the module notes)."""

    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        with contextlib.suppress(Exception):  # no D-Bus here: the idle lock still applies
            self._connect()

    def _connect(self) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface  # noqa: PLC0415 - optional

        # The stubs type the slot as bytes; at run time PySide6 takes the string SLOT() gives.
        on_screensaver = cast("bytes", SLOT("_screensaver(bool)"))
        on_session_lock = cast("bytes", SLOT("_session_lock()"))
        session_bus = QDBusConnection.sessionBus()
        if session_bus.isConnected():
            for service, path, iface in _SCREENSAVERS:
                if session_bus.connect(
                    service,
                    path,
                    iface,
                    "ActiveChanged",
                    self,
                    on_screensaver,
                ):
                    self.sources.append(service)
        system_bus = QDBusConnection.systemBus()
        if system_bus.isConnected():
            manager = QDBusInterface(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                system_bus,
            )
            if manager.isValid():
                reply = manager.call("GetSessionByPID", os.getpid())
                args = reply.arguments()
                if args:
                    path = getattr(args[0], "path", lambda: str(args[0]))()
                    if system_bus.connect(
                        "org.freedesktop.login1",
                        str(path),
                        "org.freedesktop.login1.Session",
                        "Lock",
                        self,
                        on_session_lock,
                    ):
                        self.sources.append("login1")

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.locked.emit()

    @Slot()
    def _session_lock(self) -> None:
        self.locked.emit()


class LockScreen(QWidget):
    """Covers the window while the session is locked."""

    unlocked = Signal()
    close_requested = Signal()

    def __init__(self, session: Session, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        set_role(self, "lock")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        banner = QLabel(self.tr("Secrecy Desk is locked"))
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(banner, "title")
        banner.setStyleSheet("color: #f5f7fa;")
        outer.addWidget(banner)
        outer.addSpacing(16)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        set_role(card, "card")
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        inner.addWidget(self.who)
        self.password = password_field()
        self.password.setPlaceholderText(self.tr("password of this account"))
        inner.addWidget(self.password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.message, "error")
        inner.addWidget(self.message)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close this session…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        note = QLabel(
            self.tr(
                "Someone else? Close this session: unsaved work is kept as a draft for its "
                "owner, and you can then log in with your own account."
            )
        )
        note.setWordWrap(True)
        set_role(note, "hint")
        inner.addWidget(note)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.close_button.clicked.connect(self.close_requested)

    def prepare(self) -> None:
        """Fresh state each time the lock comes up."""
        account = self.session.account
        role = roles_label(account.roles)
        self.who.setText(
            self.tr("Logged in: {name} ({login}), {role}. Enter this account's password.").format(
                name=account.display_name, login=account.login, role=role
            )
        )
        self.password.clear()
        self.message.clear()
        self._set_account_locked(account.locked)
        self.password.setFocus()

    def _set_account_locked(self, locked: bool) -> None:
        self.password.setEnabled(not locked)
        self.unlock_button.setEnabled(not locked)
        if locked:
            self.message.setText(
                self.tr(
                    "Too many wrong passwords: account {login} is now locked. Only closing the "
                    "session remains; the security administrator can unlock the account."
                ).format(login=self.session.account.login)
            )
            self.close_button.setFocus()

    def try_unlock(self) -> None:
        password = self.password.text()
        self.password.clear()
        self.session.refresh()
        if self.session.account.locked:  # locked meanwhile: the password no longer counts
            self._set_account_locked(True)
            return
        if not password:
            self.password.setFocus()
            return
        self.setEnabled(False)
        try:
            ok = run_job(lambda: self.session.check_password(password))
        finally:
            self.setEnabled(True)
        if ok:
            self.message.clear()
            self.unlocked.emit()
            return
        account = self.session.account
        if account.locked:
            self._set_account_locked(True)
            return
        left = self.session.settings.policy.max_failures - account.failures
        self.message.setText(
            self.tr("Wrong password. {n} more wrong attempts lock the account.").format(
                n=max(left, 0)
            )
        )
        self.password.setFocus()

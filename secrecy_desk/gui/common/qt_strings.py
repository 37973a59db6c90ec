"""Qt's own strings that the ``qtbase_zh_CN`` shipped with the Qt wheels lacks (Qt changed the
source text since, or never had it translated): marked here under Qt's own contexts, so that
the ``gui_qt`` translation area gives them their Chinese and Qt's file dialog, message boxes
and calendar speak one language with the rest of the program. Nothing calls this module; the
translation tools read it. When a Qt upgrade brings a string of its own translated, its line
here can go."""

from __future__ import annotations

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QMessageBox", "&OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QCalendarWidget", "Week"),
    QT_TRANSLATE_NOOP("QDialogButtonBox", "Cancel"),
)

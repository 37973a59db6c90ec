"""The desktop program (the only package that imports PySide6): setup wizard, login, lock,
the main window and its tabs. ``secrecy_desk.app`` wires it to the vault and the core."""

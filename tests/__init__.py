"""Secrecy Desk tests (a package, so tests share helpers as ``tests.conftest``)."""

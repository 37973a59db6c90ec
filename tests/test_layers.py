"""The layer boundaries of the design, checked on the source: who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "secrecy_desk"
NETWORK = {"socket", "urllib", "http", "requests", "ssl", "httpx", "aiohttp", "ftplib", "smtplib"}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, as dotted names (relative imports resolved)."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _files() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    return files


def _where(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("PySide6", ("gui/", "app.py")),
        ("sqlcipher3", ("vault/",)),
        ("reportlab", ("printing/",)),
    ],
)
def test_only_its_layer_imports_a_library(library: str, allowed: tuple[str, ...]) -> None:
    offenders = [
        _where(p)
        for p in _files()
        if any(_top(m) == library for m in _imports(p)) and not _where(p).startswith(allowed)
    ]
    assert offenders == []


def test_nothing_imports_network_code() -> None:
    offenders = {
        _where(p): sorted(m for m in _imports(p) if _top(m) in NETWORK or "QtNetwork" in m)
        for p in _files()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_checker_sees_imports() -> None:
    """The check itself works: it finds the imports it is meant to forbid."""
    assert "sqlcipher3" in _imports(PACKAGE / "vault" / "db.py")
    assert any(_top(m) == "secrecy_desk" for m in _imports(PACKAGE / "cli.py"))

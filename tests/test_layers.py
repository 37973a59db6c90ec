"""The layer boundaries of the design, checked on the source: who may import what."""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
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


#: The internal order (DESIGN.md, docs/design.md): a package imports only from packages of a
#: lower rank, or from inside itself. Packages of one rank do not import each other.
RANKS: dict[str, int] = {
    "__init__.py": 0,  # the package itself: its version, nothing else
    "core": 0,
    "vault": 1,
    "forms": 1,
    "printing": 1,
    "records": 2,
    "modules": 3,
    # The demo vault and its data build on every module and are used by both front ends.
    "demo": 4,
    "cli": 5,
    "gui": 5,
    "app.py": 6,
}
#: Imports that cross the order on purpose, each with its reason. (None today.)
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _area(dotted: str) -> str:
    """The top-level part of ``secrecy_desk`` a dotted module name lies in."""
    parts = dotted.split(".")
    if len(parts) == 1:
        return "__init__.py"
    name = parts[1]
    return "app.py" if name == "app" else name


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def test_every_part_of_the_package_has_a_rank() -> None:
    areas = {_area(_module_name(p)) for p in _files()}
    assert areas <= set(RANKS), f"give these a rank: {sorted(areas - set(RANKS))}"


def test_the_internal_order() -> None:
    """core < vault, forms, printing < records < modules < cli, gui < app."""
    offenders: list[str] = []
    for path in _files():
        mine = _area(_module_name(path))
        for imported in sorted(_imports(path)):
            if _top(imported) != "secrecy_desk" or imported == "secrecy_desk":
                continue
            theirs = _area(imported)
            if theirs == mine or (mine, theirs) in EXCEPTIONS:
                continue
            if RANKS[theirs] >= RANKS[mine]:
                offenders.append(f"{_where(path)} imports {imported} ({mine} ↛ {theirs})")
    assert offenders == []


# --- import cycles --------------------------------------------------------------------------------


def _runtime_imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(module, names) of every import the file runs — at module level or inside a function —
    leaving out ``if TYPE_CHECKING:`` blocks, which the type checker reads and Python never
    runs."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, [alias.name for alias in node.names]


def _graph() -> dict[str, set[str]]:
    """module → the package's modules that importing it runs: each module it imports, and the
    packages those lie in (Python runs a package's ``__init__`` before its modules) — except
    the importer's own enclosing packages, which are necessarily being imported already. A
    ``from package import name`` needs the package's ``__init__`` unless ``name`` is a module."""
    modules = {_module_name(p): p for p in _files()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        edges: set[str] = set()
        for module, names in _runtime_imports(path):
            if module not in modules:
                continue
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
            if len(targets) < len(names) or not names:
                targets.append(module)  # a name defined in the module (or package) itself
            for target in targets:
                parts = target.split(".")
                for i in range(2, len(parts)):
                    parent = ".".join(parts[:i])
                    if parent in modules and parent not in own:
                        edges.add(parent)
                edges.add(target)
        edges.discard(name)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    """No module of the package imports itself through others — not even from inside a
    function, where a cycle only hides until that function runs."""
    assert _cycles(_graph()) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_checker_sees_imports() -> None:
    """The check itself works: it finds the imports it is meant to forbid."""
    assert "sqlcipher3" in _imports(PACKAGE / "vault" / "db.py")
    assert any(_top(m) == "secrecy_desk" for m in _imports(PACKAGE / "cli" / "__init__.py"))
    graph = _graph()
    assert "secrecy_desk.modules.registers" in graph["secrecy_desk.modules.registry"]
    assert "secrecy_desk.records.store" in graph["secrecy_desk.modules.registers.engine"]


@pytest.mark.skipif(
    os.environ.get("SECRECY_DESK_HEADLESS") != "1",
    reason="checked in the run of ./desk test that has no PySide6",
)
def test_the_core_runs_without_qt() -> None:
    """``./desk test`` runs every test outside ``tests/gui`` in an environment without
    PySide6: the core, the vault, printing and the command line need no Qt."""
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("PySide6")


def test_cli_help_loads_no_domain_engine_and_no_printing() -> None:
    """``secrecy-desk-admin --help`` (and any command's start) imports only what runs: not
    reportlab or PIL (the printing layer), not the approvals engine."""
    code = (
        "import sys, io, contextlib\n"
        "from secrecy_desk import cli\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        cli.build_parser()[0].parse_args(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'approvals' in out.getvalue() and 'entries' in out.getvalue(), out.getvalue()\n"
        "heavy = ('reportlab', 'PIL', 'PySide6', 'secrecy_desk.modules.approvals.engine',\n"
        "         'secrecy_desk.printing', 'openpyxl')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"

"""The module registry: every domain declared once, and what the shell, the command line, the
code verifier, the audit filter and the permission grid read from it holds true of the code."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Action
from secrecy_desk.forms import Forms
from secrecy_desk.modules import registry
from secrecy_desk.modules.registers import Registers
from secrecy_desk.vault.session import Session
from tests.support.data import drawing

PACKAGE = Path(__file__).resolve().parent.parent / "secrecy_desk"


def test_ids_and_command_names_are_unique() -> None:
    ids = [m.id for m in registry.MODULES]
    assert len(ids) == len(set(ids))
    names = [c.name for c in registry.commands()]
    assert len(names) == len(set(names))
    assert len(registry.RULES) == sum(len(m.rules) for m in registry.MODULES)


def test_every_rule_a_definition_names_is_registered(forms: Forms) -> None:
    named = {rule for spec in forms.registers for rule in spec.rules}
    assert named <= set(registry.RULES)


def test_every_tab_and_command_resolves(forms: Forms, officer: Session) -> None:
    tabs = registry.tabs(forms, officer.principal)
    assert {"register:drawings", "commitments", "approvals"} <= {t.key for t in tabs}
    for command in registry.commands():
        target = importlib.import_module(command.target)
        assert command.name in target.PARSERS, command
        assert command.name in target.COMMANDS, command
    # Tab factories live in the GUI: only their dotted paths are checked here (no Qt).
    for tab in tabs:
        module, _, name = tab.factory.partition(":")
        path = PACKAGE.parent / (module.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text("utf-8"))
        defined = {n.name for n in tree.body if isinstance(n, ast.ClassDef | ast.FunctionDef)}
        assert name in defined, tab


def _audited_actions(path: Path) -> set[str]:
    """The literal actions a file writes: ``session.audit("x.y", …)`` and ``PrintJob(…, "x.y",
    …)`` (a print job names the action the kernel audits)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        index = {"audit": 0, "PrintJob": 1}.get(name)
        if index is None or len(node.args) <= index:
            continue
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value:
            found.add(arg.value)
    return found


def test_each_module_declares_the_audit_events_its_code_writes() -> None:
    for module in registry.MODULES:
        folder = PACKAGE / "modules" / module.id
        written = set().union(*(_audited_actions(p) for p in folder.rglob("*.py")))
        assert written <= set(module.audit_events), (module.id, written - set(module.audit_events))


def test_the_kernel_audits_only_print_actions() -> None:
    written = set().union(*(_audited_actions(p) for p in (PACKAGE / "records").rglob("*.py")))
    assert written == {"print.export"}
    assert "print.export" in registry.module("prints").audit_events


def test_permission_scopes_cover_every_register_and_module(forms: Forms) -> None:
    scopes = {s.id: s for s in registry.scopes(forms)}
    assert {s.id for s in forms.registers} <= set(scopes)
    assert Action.APPROVE in scopes["approvals"].actions
    assert Action.CREATE not in scopes["prints"].actions  # the program keeps it itself


def test_the_owner_of_a_printed_object_says_its_revision(
    regs: Registers, officer: Session, forms: Forms
) -> None:
    entry = regs.add("drawings", drawing()).entry
    store = officer.vault.store
    assert registry.current_revision(store, forms, "drawings", entry.number, Level.SECRET) == 1
    regs.edit("drawings", entry.number, {"copies": "3"}, expected_revision=1)
    assert registry.current_revision(store, forms, "drawings", entry.number, Level.SECRET) == 2
    # Above the asker's clearance, or owned by no module: nothing.
    assert registry.current_revision(store, forms, "drawings", entry.number, Level.INTERNAL) is None
    assert registry.current_revision(store, forms, "nosuch", entry.number, Level.SECRET) is None

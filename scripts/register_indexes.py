"""Write ``secrecy_desk/vault/register_indexes.py``: the registers' indexes (list columns,
deadlines; ``modules.registry.register_indexes``) and the fields of the
statistics table ``entry_dims`` (``modules.registry.register_dims``) and those of them that
are dates (``register_months``, held by month in its combination counts) frozen into the
schema steps that create them.

    .venv/bin/python -m scripts.register_indexes

Run after a definition's list columns, a module's deadlines or its dimensions change, and add
a schema step (``vault/db.py`` MIGRATIONS) that applies the new set, as steps 11 and 15 do
(``db.apply_register_indexes``, ``db.apply_register_dims``): a test fails while the frozen
set and the definitions differ.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from secrecy_desk.forms import load_all
from secrecy_desk.modules.registry import register_dims, register_indexes, register_months

TARGET = Path(__file__).resolve().parent.parent / "secrecy_desk" / "vault" / "register_indexes.py"

HEADER = '''"""The registers' indexes, frozen: each list column's and each deadline's partial index
on ``entries`` (``modules.registers.planning.list_indexes``, ``.deadlines.indexes``), as the
built-in definitions want them; and each register's fields in the statistics table
``entry_dims`` (``modules.reports.indexes.counted``, :mod:`secrecy_desk.vault.entry_dims`) with
those that are dates, held by month in its combination counts (``.monthly``). Schema step 11
creates the indexes (step 17 dropped the statistics indexes steps 11–16 had made) and steps 14
and 15 the tables' triggers, so the register engine's start does no DDL (``docs/design.md``,
"Registers"). Written by ``scripts/register_indexes.py``; ``tests/test_register_indexes.py``
fails while it and the definitions differ.
"""

from __future__ import annotations

from typing import Final

'''


def render() -> str:
    lines = [HEADER, "#: name → CREATE INDEX statement.", "INDEXES: Final[dict[str, str]] = {"]
    for name, sql in sorted(register_indexes(load_all()).items()):
        pieces = textwrap.wrap(sql, 76, drop_whitespace=False, break_long_words=False)
        assert "".join(pieces) == sql
        lines.append(f"    {name!r}: (")
        lines.extend(f"        {piece!r}" for piece in pieces)
        lines.append("    ),")
    lines.append("}")
    lines += ["", "#: register → the fields its ``entry_dims`` rows hold, in column order."]
    lines.append("COUNTED: Final[dict[str, tuple[str, ...]]] = {")
    for register, fields in sorted(register_dims(load_all()).items()):
        lines.append(f"    {register!r}: {fields!r},")
    lines.append("}")
    lines += [
        "",
        "#: register → its counted fields that are dates (``entry_dim_counts`` holds their month).",
    ]
    lines.append("MONTHLY: Final[dict[str, tuple[str, ...]]] = {")
    for register, fields in sorted(register_months(load_all()).items()):
        lines.append(f"    {register!r}: {fields!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    for tool in (["format"], ["check", "--fix"], ["format"]):  # its layout and import block
        subprocess.run([sys.executable, "-m", "ruff", *tool, "-q", str(TARGET)], check=True)  # noqa: S603
    print(TARGET)


if __name__ == "__main__":
    main()

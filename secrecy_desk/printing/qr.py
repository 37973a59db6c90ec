"""The verification QR code (核验码) every recorded page carries: the document number and the
verification code, in plain ASCII so that a handheld scanner (which types what it reads, like a
keyboard) fills the 核验纸质件 box with it.

Encoded with reportlab's own QR encoder and drawn module by module, so a test can compare the
drawn modules with the encoder's matrix."""

from __future__ import annotations

import itertools
from typing import Any, Final

from reportlab.graphics.barcode import qrencoder

from secrecy_desk.core.scan import payload

#: Modules of blank paper kept around the symbol (the quiet zone a scanner needs).
QUIET: Final = 2


__all__ = ["QUIET", "draw_qr", "matrix", "payload"]


def matrix(text: str) -> list[list[bool]]:
    """The QR symbol of ``text`` (error correction M) as rows of dark (True) modules."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def draw_qr(canv: Any, text: str, x: float, y: float, size: float) -> None:
    """Draw the symbol with its quiet zone in the square of side ``size`` whose lower left
    corner is (``x``, ``y``): one filled rectangle per horizontal run of dark modules."""
    rows = matrix(text)
    count = len(rows)
    box = size / (count + 2 * QUIET)
    top = y + size - QUIET * box
    left = x + QUIET * box
    canv.saveState()
    canv.setFillGray(0.0)
    for r, row in enumerate(rows):
        c = 0
        for dark, run in itertools.groupby(row):
            n = len(list(run))
            if dark:
                canv.rect(left + c * box, top - (r + 1) * box, n * box, box, stroke=0, fill=1)
            c += n
    canv.restoreState()

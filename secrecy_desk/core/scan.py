"""What a page's verification QR code holds, and so what a handheld scanner types from it:
``SDV:<document number>:<verification code>``, plain ASCII, the code after the last colon.
Printed by :mod:`secrecy_desk.printing.qr`, read back by :mod:`secrecy_desk.records.codes`."""

from __future__ import annotations

from typing import Final

PREFIX: Final = "SDV:"


def payload(number: str, code: str) -> str:
    return f"{PREFIX}{number}:{code}"

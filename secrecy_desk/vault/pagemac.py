"""Every page of a vault file authenticated by its HMAC (页面认证), on bytes already read.

SQLCipher stores with each 4 KiB page an HMAC-SHA512 of the page's ciphertext, its IV and its
page number, keyed by a key derived from the master key and the file's salt. A page the disk
changed, a page of another file or a page moved to another place fails it. SQLCipher's own
``PRAGMA cipher_integrity_check`` checks the same, but reads the file again on one thread, with
no progress and no cancel (12 s at 2M entries, measured). The backup reads its copy back in
chunks: :class:`PageMacs` checks the pages of each chunk read, on as many threads as there are
cores (the HMAC lets go of Python's lock), ~7 µs a page.

The layout is SQLCipher 4's defaults, which every vault is made with (``db.open_database``):
checked on the connection first (:func:`supported`); a vault with other settings is checked
by SQLite's own walk instead. The test suite holds it to ``cipher_integrity_check``'s findings.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from typing import Final

from secrecy_desk.vault import db

PAGE: Final = 4096
#: The file's salt: the first bytes of page 1 (not covered by its HMAC).
SALT: Final = 16
_IV: Final = 16
_MAC: Final = 64
#: Bytes a page's HMAC covers (ciphertext and IV), then the HMAC itself.
_COVERED: Final = PAGE - 80 + _IV
#: SQLite's lock-byte page (the page holding byte 2^30): never written, so never authentic.
LOCK_PAGE: Final = (1 << 30) // PAGE + 1

#: The settings the layout above assumes (``PRAGMA <name>`` on a keyed connection).
_SETTINGS: Final = {
    "cipher_page_size": "4096",
    "cipher_use_hmac": "1",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_hmac_pgno": "le",
    "cipher_hmac_salt_mask": "3a",
    "fast_kdf_iter": "2",
    "cipher_plaintext_header_size": "0",
}
_PGNO: Final = struct.Struct("<I")


def supported(store: db.Store) -> bool:
    """Whether the file of ``store`` has the page layout :class:`PageMacs` checks."""
    try:
        for name, value in _SETTINGS.items():
            row = store.one(f"PRAGMA {name}")
            if row is None or str(row[0]).lower() != value.lower():
                return False
    except db.DatabaseError:
        return False
    return True


class PageMacs:
    """The HMACs of a vault file's pages, for ``master`` (the raw key) and the file's salt."""

    def __init__(self, master: bytes, salt: bytes) -> None:
        mask = int(_SETTINGS["cipher_hmac_salt_mask"], 16)
        self._key = hashlib.pbkdf2_hmac(
            "sha512", master, bytes(b ^ mask for b in salt), int(_SETTINGS["fast_kdf_iter"]), 32
        )

    def bad_pages(self, data: bytearray, first: int, size: int | None = None) -> list[int]:
        """The numbers of the pages in the first ``size`` bytes of ``data`` (whole pages, the
        first numbered ``first``) whose HMAC is not right.

        The HMAC covers a page's bytes and then its number: the number is written for a moment
        over the first bytes of the stored HMAC, so that each page takes one call, which lets
        go of Python's lock for the whole of its work (two calls a page, on two threads, were
        slower than one thread: each took the lock back in between). ``data`` is as it was
        after."""
        view = memoryview(data)
        key = self._key
        digest = hmac.digest
        bad = []
        for i in range((len(data) if size is None else size) // PAGE):
            number = first + i
            if number == LOCK_PAGE:
                continue
            at = i * PAGE
            stored = bytes(view[at + _COVERED : at + _COVERED + _MAC])
            _PGNO.pack_into(data, at + _COVERED, number)
            mac = digest(key, view[at + (SALT if number == 1 else 0) : at + _COVERED + 4], "sha512")
            view[at + _COVERED : at + _COVERED + _MAC] = stored
            if mac != stored:
                bad.append(number)
        return bad


__all__ = ["LOCK_PAGE", "PAGE", "SALT", "PageMacs", "supported"]

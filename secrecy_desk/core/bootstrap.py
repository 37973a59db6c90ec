"""Process hardening, done once at the start of every entry point (cf. KeePassXC Bootstrap).

No core dumps (a dump would hold the master key and decrypted pages), files created private
to the user, and the process marked non-dumpable so another process of the same user cannot
attach to read its memory. There is no network code anywhere in the program to disable.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import resource

PR_SET_DUMPABLE = 4


def harden_process() -> None:
    os.umask(0o077)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(libc_name, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)

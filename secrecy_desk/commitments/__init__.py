"""Secrecy commitments (保密承诺书) and the personnel lifecycle they depend on (SPEC §3.1–§3.2).

Deliberately empty: ``secrecy_desk.modules.registry`` imports :mod:`.rules` while the register
engine is being imported, so this package must not import the engine at import time. Import
:mod:`.lifecycle`, :mod:`.flow` and :mod:`.report` directly."""

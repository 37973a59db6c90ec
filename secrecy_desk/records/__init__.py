"""The records kernel (记录内核): what every domain's records share.

* :mod:`.store` — insert and revise an entry with its revision and search index in the
  transaction that also writes the audit record; numbering; the canonical content hash; the
  level check against the workstation's rating and the account's clearance; the
  expected-revision guard.
* :mod:`.printing` — the one print operation: documents to one PDF, one print-register entry
  per document, the reprint rule, draft bytes for a preview; delivered to a printer or a file
  inside the transaction, so a print is recorded only when it happened.
* :mod:`.codes` — verification codes, looked up through the module that owns the object.
* :mod:`.model`, :mod:`.rules`, :mod:`.search` — entry values, the shape of a module rule,
  the Chinese-aware search index.

Nothing here names a domain: the domains (``secrecy_desk.modules``) build on it.
"""

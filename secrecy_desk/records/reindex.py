"""The search index's documents are made from the entries; when the way they are made changes,
every one is made again.

A document (``records.search``) holds an entry's searchable fields and its scope token (its
register and level, while it is live). How documents are made — the token scheme and each
register's searchable fields — is the *recipe*; the vault keeps the recipe its documents were
made by (``meta.search_recipe``). The register engine compares it with its own as it starts
and, when they differ (a vault upgraded from schema 17, whose documents have no scope tokens;
a form whose searchable fields changed), makes every document again (:func:`rebuild`) in one
transaction. Until it has, the planner counts without the scope tokens (``Planner.scoped``):
slower for some searches, never wrong.

Schema step 18 removes the recipe, so that a vault upgraded to it is rebuilt at its first start,
and an older program, which would write documents without scope tokens, refuses the vault.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Final

from secrecy_desk.forms import FormSpec
from secrecy_desk.records.store import BATCH_BODIES, BATCH_JSON, search_body
from secrecy_desk.vault.db import Store
from secrecy_desk.vault.pagecheck import Progress

#: The token scheme: 1 — fields only (schema ≤ 17); 2 — and the scope token.
SCHEME: Final = 2
RECIPE_KEY: Final = "search_recipe"
#: Entries read, and documents written, a batch at a time.
BATCH: Final = 2000
#: The final merge's part of the work, as one entry in this many: measured at 2,000,000
#: entries, the documents took 120 s and the merge 12 s.
MERGE_SHARE: Final = 10


def recipe(specs: Iterable[FormSpec]) -> str:
    """The recipe of the documents of these registers (a digest: it is only compared)."""
    made = {spec.id: list(spec.search) for spec in specs}
    text = json.dumps([SCHEME, sorted(made.items())], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def current(store: Store, specs: Iterable[FormSpec]) -> bool:
    """Whether the vault's documents were made by the recipe of ``specs``."""
    kept = store.scalar("SELECT value FROM meta WHERE key = ?", (RECIPE_KEY,))
    return bool(kept == recipe(specs))


class _Stopped(Exception):
    """The rebuild was cancelled: its transaction rolls back."""


def rebuild(store: Store, specs: Iterable[FormSpec], progress: Progress | None = None) -> bool:
    """Make every document again by the recipe of ``specs`` and keep the recipe, in one
    transaction; ``False`` (and nothing changed) when ``progress`` answered ``False``.

    An entry of a register not among ``specs`` gets no document (its form is needed to make
    one); the recipe names the registers, so when that register is back, its documents are
    made with the others'. The index is merged into one segment at the end, as schema step 16
    did: a bulk write leaves it in many, and every search opens each one."""
    by_id = {spec.id: spec for spec in specs}
    total = int(store.scalar("SELECT count(*) FROM entries"))
    work = total + total // MERGE_SHARE + 1  # the entries, then the merge
    done = 0
    try:
        with store.transaction():
            store.execute("INSERT INTO entry_fts (entry_fts) VALUES ('delete-all')")
            last = 0
            while True:
                rows = store.all(
                    "SELECT id, register, level, voided, data FROM entries "
                    "WHERE id > ? ORDER BY id LIMIT ?",
                    (last, BATCH),
                )
                if not rows:
                    break
                bodies: list[tuple[int, str]] = []
                for entry_id, register, level, voided, data in rows:
                    spec = by_id.get(str(register))
                    if spec is None:
                        continue
                    body = search_body(spec, json.loads(str(data)), int(level), voided=bool(voided))
                    if body:
                        bodies.append((int(entry_id), body))
                if bodies:
                    store.execute(BATCH_BODIES, (BATCH_JSON(bodies),))
                last = int(rows[-1][0])
                done += len(rows)
                if progress is not None and not progress(done, work):
                    raise _Stopped
            store.execute("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")
            store.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (RECIPE_KEY, recipe(by_id.values())),
            )
    except _Stopped:
        return False
    if progress is not None:
        progress(work, work)
    return True

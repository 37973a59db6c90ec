"""The register engine: every change is one operation — permission, validation, module rules,
entry + revision + search index + audit record in one transaction — returning what changed.

Entries keep their field values as JSON (the stored forms of :mod:`secrecy_desk.forms.values`);
list columns get partial expression indexes per register, so sorting and filtering a register of
a million entries stays fast; search goes through :mod:`secrecy_desk.registers.search`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from secrecy_desk.core.errors import (
    ConflictError,
    PermissionDenied,
    UsageError,
    ValidationError,
)
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.roles import Action
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import (
    EntryInvalid,
    Forms,
    FormSpec,
    SortKey,
    Value,
    entry_marking,
    validate_entry,
)
from secrecy_desk.modules import Flag, Notice, RuleContext, rules_for
from secrecy_desk.registers import search
from secrecy_desk.registers.model import (
    NUMBER,
    STATUS,
    Entry,
    FieldChange,
    Query,
    Revision,
    SaveResult,
)
from secrecy_desk.vault import audit
from secrecy_desk.vault.db import Row, Store
from secrecy_desk.vault.session import Session

ENTRY_COLUMNS: Final = (
    "id, register, number, revision, status, level, term, voided, void_reason, data, "
    "created_at, created_by, updated_at, updated_by"
)


#: A search matching at least this many entries walks the sort index and probes the matches
#: (the first page costs a few index steps); fewer matches are fetched and sorted instead.
DENSE_SEARCH: Final = 2000

#: Registers the program fills itself; people read them but never add, edit or void entries.
SYSTEM_REGISTERS: Final = frozenset({"prints"})


def next_number(store: Store, spec: FormSpec, today: date) -> tuple[str, int, int]:
    """The next number of a form's entries as (number, year, seq): counted per form, and per
    year when the pattern has one, in the vault's numbering table, so no number is ever given
    twice (a rolled-back operation gives its number back with it). Call inside the operation."""
    year = today.year if spec.numbering.per_year else 0
    last = store.scalar(
        "SELECT last_seq FROM numbering WHERE register = ? AND year = ?", (spec.id, year)
    )
    seq = int(last or 0) + 1
    store.execute(
        "INSERT INTO numbering (register, year, last_seq) VALUES (?, ?, ?) "
        "ON CONFLICT (register, year) DO UPDATE SET last_seq = excluded.last_seq",
        (spec.id, year, seq),
    )
    return spec.numbering.format(year=today.year, seq=seq), year, seq


class NeedsConfirmation(ValidationError):
    """The save needs the user to confirm notices first (e.g. a shared phone number)."""

    def __init__(self, notices: Sequence[Notice]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Please confirm before saving:"),
        )
        self.notices = tuple(notices)

    def message(self, lang: str) -> str:
        head = super().message(lang)
        return "\n".join([head, *(f"  {n.message(lang)}" for n in self.notices)])


def _json(data: Mapping[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _ident(name: str) -> str:
    """Register ids and field names are identifiers (the loader checks); assert it here too,
    since they are spliced into index names and JSON paths."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise ValueError(name)
    return name


@dataclass(frozen=True)
class _Title:
    """A register's title as a message parameter, in the message's language."""

    spec: FormSpec

    def text(self, lang: str) -> str:
        return self.spec.title(lang)


@dataclass
class _Lookup:
    registers: Registers

    def find(
        self, register: str, equals: Mapping[str, object], *, exclude_number: str | None
    ) -> Sequence[tuple[str, Mapping[str, Value]]]:
        spec = self.registers.spec(register)
        clauses = [_register_is(spec.id), "voided = 0", "level <= ?"]
        params: list[object] = [int(self.registers.session.principal.clearance)]
        for name, value in equals.items():
            stored = spec.field(name).to_storage(value)  # type: ignore[arg-type]
            clauses.append(f"json_extract(data, '$.{_ident(name)}') = ?")
            params.append(stored)
        if exclude_number is not None:
            clauses.append("number != ?")
            params.append(exclude_number)
        rows = self.registers.store.all(
            f"SELECT number, data FROM entries WHERE {' AND '.join(clauses)} LIMIT 50", params
        )
        return [(str(n), _values(spec, json.loads(d))) for n, d in rows]


def _register_is(register: str) -> str:
    """The register condition, written as a literal: SQLite uses a partial index (``WHERE
    register = 'drawings'``) only when the query names the same literal, never for ``?``."""
    return f"register = '{_ident(register)}'"


#: Above this many live entries per value (from the planner's statistics), an equality filter
#: is not selective: the first page is read in the order of the sort column's index instead.
UNSELECTIVE: Final = 2000


def _values(spec: FormSpec, data: Mapping[str, Any]) -> dict[str, Value]:
    return {f.name: f.from_storage(data.get(f.name)) for f in spec.fields}


class Registers:
    """Register operations for one logged-in session."""

    def __init__(self, session: Session, forms: Forms) -> None:
        self.session = session
        self.forms = forms
        self.store: Store = session.vault.store
        self._rules = {s.id: rules_for(s) for s in forms.registers}
        self._lookup = _Lookup(self)
        self._stats: dict[str, int | None] = {}
        self.ensure_indexes()

    # --- specs and permissions ---------------------------------------------------------

    def spec(self, register: str) -> FormSpec:
        spec = self.forms.get(register)
        if spec is None or spec not in self.forms.registers:
            raise UsageError(
                QT_TRANSLATE_NOOP("Errors", "There is no register {register}."),
                register=register,
            )
        return spec

    def visible_registers(self) -> list[FormSpec]:
        p = self.session.principal
        return [s for s in self.forms.registers if p.can(s.id, Action.VIEW)]

    def require(self, register: str, action: Action) -> FormSpec:
        """The register's spec, once the session may do ``action`` in it (else it raises)."""
        spec = self.spec(register)
        if register in SYSTEM_REGISTERS and action in (Action.CREATE, Action.EDIT, Action.VOID):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "Errors", "The {register} register is kept by the program itself."
                ),
                register=spec.title_zh,
            )
        self.session.require_active_password()
        self.session.principal.require(register, action, _Title(spec))
        return spec

    def ensure_indexes(self) -> None:
        """A partial index per register and sortable list column, and one for the number
        (idempotent; an index whose definition changed is rebuilt).

        Each covers live entries only (``voided = 0``, the usual list) in the order the engine
        sorts them — the column, then the number (``year, seq``), then ``id`` — and carries
        ``level``, so that on a large register the first page of a sorted list is read in index
        order without sorting, and a filtered count (which must also check the clearance) is
        answered from the index alone, without visiting the entries."""
        wanted: dict[str, str] = {}
        for spec in self.forms.registers:
            reg = _ident(spec.id)
            where = f"WHERE register = '{reg}' AND voided = 0"
            for col in spec.listing.columns:
                if col in (NUMBER, STATUS):
                    continue
                name = _ident(col)
                wanted[f"ix_{reg}_{name}"] = (
                    f"CREATE INDEX ix_{reg}_{name} ON entries "
                    f"(json_extract(data, '$.{name}'), year, seq, id, level) {where}"
                )
            wanted[f"ix_{reg}__number"] = (
                f"CREATE INDEX ix_{reg}__number ON entries (year, seq, id, level) {where}"
            )
        existing = {
            str(name): str(sql)
            for name, sql in self.store.all(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
        changes = [(name, sql) for name, sql in wanted.items() if existing.get(name) != sql]
        if changes:
            with self.store.transaction():
                for name, sql in changes:
                    if name in existing:
                        self.store.execute(f"DROP INDEX {name}")
                    self.store.execute(sql)
        if changes or self._stats_stale():
            self._analyze()

    def _stats_stale(self) -> bool:
        """Whether the statistics are missing or the table has since grown or shrunk by half
        (checked at start; bulk imports refresh them themselves)."""
        entries = int(self.store.scalar("SELECT coalesce(max(id), 0) FROM entries"))
        if entries < 1000:
            return False
        if not self.store.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"):
            return True
        stat = self.store.scalar("SELECT stat FROM sqlite_stat1 WHERE idx = 'entries_list'")
        counted = int(str(stat).split()[0]) if stat else 0
        return not counted or not counted / 2 <= entries <= counted * 2

    def _analyze(self) -> None:
        """Refresh the planner's statistics (a second or two per million entries; sampled
        statistics, ``analysis_limit``, proved too rough to tell the indexes apart). Without
        them SQLite cannot tell a selective index from one that is not, and counts a filtered
        register by visiting every entry."""
        self.store.execute("PRAGMA analysis_limit = 0")
        self.store.execute("ANALYZE entries")
        self._stats.clear()

    # --- reading ---------------------------------------------------------------------------

    def _entry(self, spec: FormSpec, row: Row, today: date | None = None) -> Entry:
        data = json.loads(row[9])
        values = _values(spec, data)
        flags: list[Flag] = []
        if not row[7]:
            day = today or self.session.clock.today()
            for rule in self._rules.get(spec.id, ()):
                flags.extend(rule.flags(spec, values, day))
        return Entry(
            id=int(row[0]),
            register=str(row[1]),
            number=str(row[2]),
            revision=int(row[3]),
            status=str(row[4]),
            level=Level(int(row[5])),
            term=Term.decode(str(row[6])) if row[6] else None,
            voided=bool(row[7]),
            void_reason=str(row[8]) if row[8] is not None else None,
            values=values,
            created_at=str(row[10]),
            created_by=str(row[11]),
            updated_at=str(row[12]),
            updated_by=str(row[13]),
            flags=tuple(flags),
        )

    def _row(self, register: str, number: str) -> Row:
        row = self.store.one(
            f"SELECT {ENTRY_COLUMNS} FROM entries WHERE register = ? AND number = ? AND level <= ?",
            (register, number.strip(), int(self.session.principal.clearance)),
        )
        if row is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is no entry {number} in this register."),
                number=number,
            )
        return row

    def get(self, register: str, number: str, *, record_view: bool = True) -> Entry:
        """One entry; opening a classified entry is recorded in the audit trail."""
        spec = self.require(register, Action.VIEW)
        entry = self._entry(spec, self._row(register, number))
        if record_view and entry.level.classified:
            with self.session.operation():
                self.session.audit(
                    "entry.view",
                    entry.object_name,
                    level=entry.level,
                    details={"revision": entry.revision},
                )
        return entry

    def _filters(self, spec: FormSpec, query: Query) -> tuple[list[str], list[object]]:
        clauses = [_register_is(spec.id), "level <= ?"]
        params: list[object] = [int(self.session.principal.clearance)]
        if not query.include_voided:
            clauses.append("voided = 0")
        problems: list[Problem] = []
        for name, raw in query.where.items():
            if name == STATUS:
                code = self._status_code(spec, raw)
                clauses.append("status = ?")
                params.append(code)
                continue
            if name == NUMBER:
                clauses.append("number = ?")
                params.append(raw.strip())
                continue
            if not spec.has_field(name):
                problems.append(
                    problem(
                        "unknown_field",
                        QT_TRANSLATE_NOOP("Errors", "This form has no field with this name."),
                    ).at(name)
                )
                continue
            fld = spec.field(name)
            result = fld.check(raw, today=None)
            if isinstance(result, Problem):
                problems.append(result.at(name))
                continue
            stored = fld.to_storage(result)
            if stored is None:
                clauses.append(f"json_extract(data, '$.{_ident(name)}') IS NULL")
            else:
                clauses.append(f"json_extract(data, '$.{_ident(name)}') = ?")
                params.append(stored)
        if problems:
            raise EntryInvalid(tuple(problems))
        expr = search.match_expression(query.search)
        if expr is not None:
            clauses.append("id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
            params.append(expr)
        return clauses, params

    def _status_code(self, spec: FormSpec, raw: str) -> str:
        text = raw.strip()
        for s in spec.statuses:
            if text in {s.code, s.zh, s.en}:
                return s.code
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown status {status}."), status=raw)

    def _order(self, spec: FormSpec, sort: Sequence[SortKey]) -> str:
        parts: list[str] = []
        direction = "DESC"
        for key in sort:
            direction = "DESC" if key.descending else "ASC"
            if key.name == NUMBER:
                parts.append(f"year {direction}, seq {direction}")
            elif key.name == STATUS:
                parts.append(f"status {direction}")
            else:
                spec.field(key.name)
                parts.append(f"json_extract(data, '$.{_ident(key.name)}') {direction}")
        # The tie-break runs the same way as the last key, so the (value, id) index serves the
        # whole order in either direction.
        parts.append(f"id {direction}")
        return ", ".join(parts)

    def page(self, register: str, query: Query) -> list[Entry]:
        spec = self.require(register, Action.VIEW)
        clauses, params = self._filters(spec, query)
        sort = query.sort if query.sort is not None else spec.listing.sort
        order = self._order(spec, sort)
        hint = self._index_hint(spec, query, sort)
        sql = (
            f"SELECT {ENTRY_COLUMNS} FROM entries {hint} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {order}"
        )
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([query.limit, query.offset])
        today = self.session.clock.today()
        return [self._entry(spec, row, today) for row in self.store.all(sql, params)]

    def _index_hint(self, spec: FormSpec, query: Query, sort: Sequence[SortKey]) -> str:
        """``INDEXED BY`` the sort column's index when the filters are not selective.

        SQLite's planner does not weigh ``LIMIT``: for the first page of a sorted list of a
        large register it would rather fetch every matching entry and sort them all (half a
        second on a million entries) than walk the sort column's index and stop after one
        page (a millisecond). So the engine chooses: the sort index, unless a search or a
        filter on an indexed column with few entries per value (by the statistics) makes
        fetching the matches and sorting them the cheaper way."""
        if query.include_voided or not sort:
            return ""
        expr = search.match_expression(query.search)
        if expr is not None and self._search_hits(expr) < DENSE_SEARCH:
            return ""  # few matches: fetching them and sorting them is quicker
        first = sort[0].name
        indexed = {c for c in spec.listing.columns if c not in (NUMBER, STATUS)}
        if first == NUMBER:
            index = f"ix_{_ident(spec.id)}__number"
        elif first in indexed:
            index = f"ix_{_ident(spec.id)}_{_ident(first)}"
        else:
            return ""
        for name in query.where:
            if name == NUMBER:
                return ""
            if name in indexed:
                per_value = self._rows_per_value(f"ix_{_ident(spec.id)}_{_ident(name)}")
                if per_value is None or per_value < UNSELECTIVE:
                    return ""
        if self._rows_per_value(index) is None:
            return ""  # no statistics yet: a small register, where any plan is quick
        return f"INDEXED BY {index}"

    def _rows_per_value(self, index: str) -> int | None:
        """The average number of entries per value of the index's first column, from
        ``sqlite_stat1`` (``None`` when the index has no statistics)."""
        if index not in self._stats:
            row = None
            if self.store.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"):
                row = self.store.scalar("SELECT stat FROM sqlite_stat1 WHERE idx = ?", (index,))
            parts = str(row).split() if row else []
            self._stats[index] = int(parts[1]) if len(parts) > 1 else None
        return self._stats[index]

    def _search_hits(self, expr: str) -> int:
        """How many entries (of every register) the search expression matches; the index
        answers this alone, in milliseconds."""
        return int(
            self.store.scalar("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?", (expr,))
        )

    def count(self, register: str, query: Query) -> int:
        spec = self.require(register, Action.VIEW)
        clauses, params = self._filters(spec, query)
        hint = ""
        expr = search.match_expression(query.search)
        if expr is not None and not query.where and self._search_hits(expr) >= DENSE_SEARCH:
            # Many matches: scanning the small (register, voided, level, id) index and probing
            # the matches beats looking each match up in the table (a fifth of the time).
            hint = "INDEXED BY entries_list"
            clauses = [c.replace("id IN (SELECT rowid", "+id IN (SELECT rowid") for c in clauses]
        return int(
            self.store.scalar(
                f"SELECT count(*) FROM entries {hint} WHERE {' AND '.join(clauses)}", params
            )
        )

    def history(self, register: str, number: str) -> list[Revision]:
        spec = self.require(register, Action.VIEW)
        entry_id = int(self._row(register, number)[0])
        rows = self.store.all(
            "SELECT revision, change, at, account, status, voided, void_reason, note, data "
            "FROM entry_revisions WHERE entry_id = ? ORDER BY revision",
            (entry_id,),
        )
        out: list[Revision] = []
        previous: Mapping[str, Value] = {}
        for rev, change, at, account, status, voided, reason, note, data in rows:
            values = _values(spec, json.loads(data))
            changes = tuple(
                FieldChange(f.name, previous.get(f.name), values.get(f.name))
                for f in spec.fields
                if previous.get(f.name) != values.get(f.name)
            )
            out.append(
                Revision(
                    int(rev),
                    str(change),
                    str(at),
                    str(account),
                    str(status),
                    bool(voided),
                    reason,
                    str(note),
                    values,
                    changes,
                )
            )
            previous = values
        return out

    # --- writing ---------------------------------------------------------------------------

    def _check(
        self,
        spec: FormSpec,
        raw: Mapping[str, str],
        *,
        number: str | None,
        defaults: bool,
        confirm: bool,
        previous: Mapping[str, Value] | None = None,
    ) -> tuple[dict[str, Value], Level, Term | None, tuple[str, ...]]:
        today = self.session.clock.today()
        result = validate_entry(spec, raw, today=today, defaults=defaults)
        problems = list(result.problems)
        notices: list[Notice] = []
        if result.ok:
            ctx = RuleContext(
                spec=spec, today=today, number=number, lookup=self._lookup, previous=previous
            )
            for rule in self._rules.get(spec.id, ()):
                found, warned = rule.check(ctx, result.values)
                problems.extend(found)
                notices.extend(warned)
        level_problem: Problem | None = None
        mark = None
        if not problems:
            mark = entry_marking(spec, result.values)
            rating = self.session.settings.rating
            field_name = spec.level_field or ""
            if mark.level > rating:
                level_problem = problem(
                    "above_rating",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "This workstation is rated {rating}; a {level} record cannot be "
                        "entered here.",
                    ),
                    rating=rating.zh,
                    level=mark.level.zh,
                ).at(field_name)
            elif mark.level > self.session.principal.clearance:
                level_problem = problem(
                    "above_clearance",
                    QT_TRANSLATE_NOOP(
                        "Errors", "Your clearance does not allow entering a {level} record."
                    ),
                    level=mark.level.zh,
                ).at(field_name)
        if level_problem is not None:
            problems.append(level_problem)
        if problems:
            raise EntryInvalid(tuple(problems))
        if notices and not confirm:
            raise NeedsConfirmation(notices)
        assert mark is not None
        return dict(result.values), mark.level, mark.term, tuple(n.problem.code for n in notices)

    def _stored(self, spec: FormSpec, values: Mapping[str, Value]) -> dict[str, object]:
        out: dict[str, object] = {}
        for f in spec.fields:
            stored = f.to_storage(values.get(f.name))
            if stored is not None:
                out[f.name] = stored
        return out

    def _search_body(self, spec: FormSpec, stored: Mapping[str, object]) -> str:
        return search.document(str(stored[name]) for name in spec.search if name in stored)

    def _next_number(self, spec: FormSpec) -> tuple[str, int, int]:
        return next_number(self.store, spec, self.session.clock.today())

    def _insert(
        self,
        spec: FormSpec,
        values: Mapping[str, Value],
        level: Level,
        term: Term | None,
        *,
        note: str = "",
    ) -> tuple[int, str]:
        stored = self._stored(spec, values)
        data = _json(stored)
        now = audit.iso(self.session.clock.now())
        who = self.session.account.login
        number, year, seq = self._next_number(spec)
        status = spec.initial_status.code
        term_text = term.encode() if term else None
        entry_id = self.store.execute(
            "INSERT INTO entries (register, number, year, seq, revision, status, level, term, "
            "voided, void_reason, data, created_at, created_by, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?, 1, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?)",
            (spec.id, number, year, seq, status, int(level), term_text, data, now, who, now, who),
        )
        self.store.execute(
            "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, "
            "voided, void_reason, data, note, at, account) "
            "VALUES (?, 1, 'create', ?, ?, ?, 0, NULL, ?, ?, ?, ?)",
            (entry_id, status, int(level), term_text, data, note, now, who),
        )
        body = self._search_body(spec, stored)
        if body:
            self.store.execute(
                "INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", (entry_id, body)
            )
        return entry_id, number

    def record_system_entry(
        self, register: str, values: Mapping[str, Value], level: Level, term: Term | None
    ) -> str:
        """Add an entry the program itself keeps (the print register); call inside the
        operation that the entry records. Returns its number."""
        if register not in SYSTEM_REGISTERS:
            raise ValueError(register)
        return self._insert(self.spec(register), values, level, term)[1]

    def add(self, register: str, raw: Mapping[str, str], *, confirm: bool = False) -> SaveResult:
        """Create an entry from typed input; returns it with every field as changed."""
        spec = self.require(register, Action.CREATE)
        with self.session.operation():
            values, level, term, confirmed = self._check(
                spec, raw, number=None, defaults=True, confirm=confirm
            )
            _, number = self._insert(spec, values, level, term)
            self.session.audit(
                "entry.create",
                f"{register}:{number}",
                level=level,
                details={"revision": 1, "confirmed": list(confirmed)},
            )
            entry = self._entry(spec, self._row(register, number))
        return SaveResult(entry, spec.field_names, confirmed)

    def edit(
        self,
        register: str,
        number: str,
        changes: Mapping[str, str],
        *,
        expected_revision: int,
        status: str | None = None,
        confirm: bool = False,
        note: str = "",
    ) -> SaveResult:
        """Save a new revision; refused if anyone saved since ``expected_revision``."""
        spec = self.require(register, Action.EDIT)
        with self.session.operation():
            current = self._entry(spec, self._row(register, number))
            self._check_revision(current, expected_revision)
            if current.voided:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Entry {number} is void and cannot be changed."),
                    number=number,
                )
            raw = {f.name: f.input_text(current.values.get(f.name)) for f in spec.fields}
            raw.update(changes)
            unknown = [k for k in changes if not spec.has_field(k)]
            values, level, term, confirmed = self._check(
                spec,
                {**raw, **{k: changes[k] for k in unknown}},
                number=current.number,
                defaults=False,
                confirm=confirm,
                previous=current.values,
            )
            new_status = self._status_code(spec, status) if status else current.status
            changed = tuple(
                f.name for f in spec.fields if values.get(f.name) != current.values.get(f.name)
            )
            if not changed and new_status == current.status:
                return SaveResult(current, ())
            self._write_revision(
                spec,
                current,
                values,
                level,
                term,
                new_status,
                change="edit" if changed else "status",
                note=note,
            )
            self.session.audit(
                "entry.edit",
                current.object_name,
                level=max(level, current.level),
                details={
                    "revision": current.revision + 1,
                    "fields": list(changed),
                    "status": new_status if new_status != current.status else None,
                    "confirmed": list(confirmed),
                },
            )
            entry = self._entry(spec, self._row(register, number))
        return SaveResult(
            entry, changed + ((STATUS,) if new_status != current.status else ()), confirmed
        )

    def _check_revision(self, current: Entry, expected: int) -> None:
        if current.revision != expected:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Entry {number} was saved by {account} at {at} (revision {revision}) after "
                    "you opened it (revision {seen}). Nothing was saved; reopen it to see the "
                    "changes and make yours again.",
                ),
                number=current.number,
                account=current.updated_by,
                at=current.updated_at[:19].replace("T", " ") + " UTC",
                revision=current.revision,
                seen=expected,
            )

    def _write_revision(
        self,
        spec: FormSpec,
        current: Entry,
        values: Mapping[str, Value],
        level: Level,
        term: Term | None,
        status: str,
        *,
        change: str,
        voided: bool = False,
        void_reason: str | None = None,
        note: str = "",
    ) -> None:
        stored = self._stored(spec, values)
        data = _json(stored)
        now = audit.iso(self.session.clock.now())
        who = self.session.account.login
        rev = current.revision + 1
        term_text = term.encode() if term else None
        updated = self.store.execute(
            "UPDATE entries SET revision = ?, status = ?, level = ?, term = ?, voided = ?, "
            "void_reason = ?, data = ?, updated_at = ?, updated_by = ? "
            "WHERE id = ? AND revision = ?",
            (
                rev,
                status,
                int(level),
                term_text,
                int(voided),
                void_reason,
                data,
                now,
                who,
                current.id,
                current.revision,
            ),
        )
        del updated
        self.store.execute(
            "INSERT INTO entry_revisions (entry_id, revision, change, status, level, term, "
            "voided, void_reason, data, note, at, account) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                current.id,
                rev,
                change,
                status,
                int(level),
                term_text,
                int(voided),
                void_reason,
                data,
                note,
                now,
                who,
            ),
        )
        self.store.execute("DELETE FROM entry_fts WHERE rowid = ?", (current.id,))
        body = self._search_body(spec, stored)
        if body:
            self.store.execute(
                "INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", (current.id, body)
            )

    def void(
        self, register: str, number: str, reason: str, *, expected_revision: int | None = None
    ) -> SaveResult:
        """Withdraw an entry with a reason; it keeps its number and its whole history."""
        spec = self.require(register, Action.VOID)
        if not reason.strip():
            raise EntryInvalid(
                (
                    problem(
                        "void_reason",
                        QT_TRANSLATE_NOOP("Errors", "Give the reason for voiding."),
                    ).at("reason"),
                )
            )
        with self.session.operation():
            current = self._entry(spec, self._row(register, number))
            if expected_revision is not None:
                self._check_revision(current, expected_revision)
            if current.voided:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "Entry {number} is already void."),
                    number=number,
                )
            self._write_revision(
                spec,
                current,
                current.values,
                current.level,
                current.term,
                current.status,
                change="void",
                voided=True,
                void_reason=reason.strip(),
            )
            self.session.audit(
                "entry.void",
                current.object_name,
                level=current.level,
                details={"revision": current.revision + 1, "reason": reason.strip()},
            )
            entry = self._entry(spec, self._row(register, number))
        return SaveResult(entry, ())

    def add_many(
        self,
        register: str,
        rows: Sequence[Mapping[str, str]],
        *,
        source: str,
        confirm: bool = False,
        progress: Progress | None = None,
    ) -> list[str]:
        """All or nothing: every row valid and saved, or none. Raises :class:`ImportFailed`
        listing every bad row (1-based, as in the file) with its field and reason."""
        spec = self.require(register, Action.CREATE)
        failures: list[tuple[int, Problem]] = []
        numbers: list[str] = []
        marks: list[Level] = []
        confirmed: dict[str, list[str]] = {}
        with self.session.operation():
            for index, raw in enumerate(rows, start=1):
                if progress is not None and index % 50 == 1 and not progress(index - 1, len(rows)):
                    raise Cancelled()
                try:
                    values, level, term, notices = self._check(
                        spec, raw, number=None, defaults=True, confirm=confirm
                    )
                except EntryInvalid as exc:
                    failures.extend((index, p) for p in exc.problems)
                    continue
                except NeedsConfirmation as exc:
                    failures.extend((index, n.problem) for n in exc.notices)
                    continue
                _, number = self._insert(spec, values, level, term, note=f"import:{source}")
                numbers.append(number)
                marks.append(level)
                if notices:
                    confirmed[number] = list(notices)
            if failures:
                raise ImportFailed(failures)
            self.session.audit(
                "register.import",
                register,
                level=max(marks, default=Level.INTERNAL),
                details={
                    "source": source,
                    "count": len(numbers),
                    "first": numbers[0] if numbers else None,
                    "last": numbers[-1] if numbers else None,
                    # Warnings the importer confirmed (e.g. a shared phone), per entry, as
                    # a single save records them (S8 §7).
                    "confirmed": confirmed,
                },
            )
        if len(numbers) >= 1000:
            self._analyze()
        return numbers

    def bulk_insert(
        self,
        register: str,
        rows: Iterable[Mapping[str, Value]],
        *,
        source: str,
        batch: int = 10_000,
        analyze: bool = True,
    ) -> int:
        """Add entries from values that are already canonical and checked (a migration from a
        legacy register, the benchmark): one transaction, statements batched with
        ``executemany``, one audit record. Field validators and module rules are NOT run;
        anything typed by a person goes through :meth:`add` or :meth:`add_many`. The level
        rules still hold: a row above the rating or the account's clearance refuses the lot.
        ``analyze=False`` skips refreshing the planner's statistics, for all but the last of
        several loads in a row."""
        spec = self.require(register, Action.CREATE)
        rating = self.session.settings.rating
        clearance = self.session.principal.clearance
        year = self.session.clock.today().year if spec.numbering.per_year else 0
        shown_year = year or self.session.clock.today().year
        now = audit.iso(self.session.clock.now())
        who = self.session.account.login
        status = spec.initial_status.code
        note = f"import:{source}"
        count = 0
        top = Level.PUBLIC
        with self.session.operation():
            seq = int(
                self.store.scalar(
                    "SELECT last_seq FROM numbering WHERE register = ? AND year = ?",
                    (spec.id, year),
                )
                or 0
            )
            first_id = int(self.store.scalar("SELECT coalesce(max(id), 0) FROM entries")) + 1
            entries: list[tuple[object, ...]] = []
            revisions: list[tuple[object, ...]] = []
            bodies: list[tuple[object, ...]] = []

            def flush() -> None:
                self.store.executemany(
                    "INSERT INTO entries (id, register, number, year, seq, revision, status, "
                    "level, term, voided, void_reason, data, created_at, created_by, "
                    "updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, 0, NULL, ?, ?, ?, ?, ?)",
                    entries,
                )
                self.store.executemany(
                    "INSERT INTO entry_revisions (entry_id, revision, change, status, level, "
                    "term, voided, void_reason, data, note, at, account) "
                    "VALUES (?, 1, 'create', ?, ?, ?, 0, NULL, ?, ?, ?, ?)",
                    revisions,
                )
                self.store.executemany("INSERT INTO entry_fts (rowid, body) VALUES (?, ?)", bodies)
                entries.clear()
                revisions.clear()
                bodies.clear()

            for values in rows:
                mark = entry_marking(spec, values)
                if mark.level > rating or mark.level > clearance:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "A {level} record cannot be entered here; nothing was saved.",
                        ),
                        level=mark.level.zh,
                    )
                top = max(top, mark.level)
                seq += 1
                entry_id = first_id + count
                count += 1
                stored = self._stored(spec, values)
                data = _json(stored)
                term_text = mark.term.encode() if mark.term else None
                number = spec.numbering.format(year=shown_year, seq=seq)
                entries.append(
                    (entry_id, spec.id, number, year, seq, status, int(mark.level), term_text,
                     data, now, who, now, who)
                )  # fmt: skip
                revisions.append(
                    (entry_id, status, int(mark.level), term_text, data, note, now, who)
                )
                body = self._search_body(spec, stored)
                if body:
                    bodies.append((entry_id, body))
                if len(entries) >= batch:
                    flush()
            flush()
            self.store.execute(
                "INSERT INTO numbering (register, year, last_seq) VALUES (?, ?, ?) "
                "ON CONFLICT (register, year) DO UPDATE SET last_seq = excluded.last_seq",
                (spec.id, year, seq),
            )
            self.session.audit(
                "register.import",
                register,
                level=max(top, Level.INTERNAL),
                details={"source": source, "count": count, "bulk": True},
            )
        if analyze:
            self._analyze()
        return count


#: Called with (done, total); returns False to cancel (everything is then rolled back).
Progress = Callable[[int, int], bool]


class Cancelled(ValidationError):
    """The user cancelled a long operation; nothing of it was saved."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was saved."))


class ImportFailed(ValidationError):
    """Nothing was imported; carries every bad row with its field and reason."""

    def __init__(self, failures: Sequence[tuple[int, Problem]]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Nothing was imported; {n} problems in the file:"),
            n=len(failures),
        )
        self.failures = tuple(failures)

    def message(self, lang: str) -> str:
        head = super().message(lang)
        return "\n".join([head, *(f"  {row}: {p.line(lang)}" for row, p in self.failures)])

"""The register engine: every change is one operation — permission, validation, module rules,
entry + revision + search index + audit record in one transaction — returning what changed.

Entries keep their field values as JSON (the stored forms of :mod:`secrecy_desk.forms.values`);
list columns get partial expression indexes per register, so sorting and filtering a register of
a million entries stays fast; search goes through :mod:`secrecy_desk.records.search`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Final

from secrecy_desk.core.errors import (
    DeskError,
    Localized,
    PermissionDenied,
    UsageError,
    ValidationError,
)
from secrecy_desk.core.gc_pause import cyclic_gc_paused
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.roles import Action
from secrecy_desk.core.validators import Bilingual, Problem, problem
from secrecy_desk.forms import (
    CheckMemo,
    EntryInvalid,
    FieldType,
    Forms,
    FormSpec,
    Value,
    entry_marking,
    validate_entry,
)
from secrecy_desk.modules.base import EntryDeadline
from secrecy_desk.modules.registers import deadlines as deadline_sql
from secrecy_desk.modules.registers.planning import (
    PagePlan,
    Planner,
    equal_clauses,
    field_path,
    level_equal,
    probed_search,
    register_is,
)
from secrecy_desk.records import periods, reindex, search
from secrecy_desk.records.model import (
    LEVEL_DECISIONS,
    NUMBER,
    PRINTS,
    STATUS,
    Entry,
    FieldChange,
    Query,
    Revision,
    SaveResult,
)
from secrecy_desk.records.people import People
from secrecy_desk.records.review import review_flags
from secrecy_desk.records.rules import ApprovalView, Flag, Lookup, Notice, Rule, RuleContext
from secrecy_desk.records.store import (
    ENTRY_COLUMNS,
    BulkRow,
    EntryWriter,
    Revise,
    WritesAside,
    bulk_cache_kib,
    insert_entries,
    insert_entry,
    level_problem,
    revise_entry,
    revision_data,
    stale_revision,
    stored_values,
)
from secrecy_desk.vault.aside import AsideRead
from secrecy_desk.vault.db import DiskFull, Row, Store, tidy_search_index
from secrecy_desk.vault.session import Session

#: The print register's field naming what was printed (``kind:number``).
PRINTED_OBJECT: Final = "object"

#: Registers the program fills itself; people read them but never add, edit or void entries.
SYSTEM_REGISTERS: Final = frozenset({PRINTS, LEVEL_DECISIONS})


class UnknownRule(DeskError):
    exit_code = 4


def rules_for(spec: FormSpec, rules: Mapping[str, Rule]) -> tuple[Rule, ...]:
    """The rules a definition names; an unknown id stops startup naming the file."""
    out = []
    for rule_id in spec.rules:
        rule = rules.get(rule_id)
        if rule is None:
            raise UnknownRule(
                QT_TRANSLATE_NOOP("Errors", '{file}: rules: unknown rule "{rule}".'),
                file=spec.source,
                rule=rule_id,
            )
        out.append(rule)
    return tuple(out)


class FilterInvalid(EntryInvalid):
    """A list filter the register cannot apply; nothing is saved by a filter, so the message
    says only what to correct."""

    def message(self, lang: str) -> str:
        head = translate(self.context, _FILTER_HEAD, lang)
        return "\n".join([head, *(f"  {p.line(lang)}" for p in self.problems)])


_FILTER_HEAD: Final = QT_TRANSLATE_NOOP("Errors", "The list cannot be filtered so; please correct:")


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


@dataclass(frozen=True)
class _Title:
    """A register's title as a message parameter, in the message's language."""

    spec: FormSpec

    def text(self, lang: str) -> str:
        return self.spec.title(lang)


@dataclass
class _Lookup:
    registers: Registers
    #: The clearance read once for many lookups (an import); else read at each.
    clearance: Level | None = None
    #: The connection to read through, when not the vault's own (an import's lookups read
    #: on a connection of their own while the vault's writes the rows checked before).
    store: Store | None = None

    def _clearance(self) -> Level:
        if self.clearance is not None:
            return self.clearance
        return self.registers.session.principal.clearance

    def _read(self) -> Store:
        return self.store if self.store is not None else self.registers.store

    def find(
        self, register: str, equals: Mapping[str, object], *, exclude_number: str | None
    ) -> Sequence[tuple[str, Mapping[str, Value]]]:
        spec = self.registers.forms.get(register)
        if spec is None or spec not in self.registers.forms.registers:
            return []
        clauses = [register_is(spec.id), "voided = 0", "level <= ?"]
        params: list[object] = [int(self._clearance())]
        for name, value in equals.items():
            if name == NUMBER:
                clauses.append("number = ?")
                params.append(value)
                continue
            stored = spec.field(name).to_storage(value)  # type: ignore[arg-type]
            clauses.append(f"{field_path(name)} = ?")
            params.append(stored)
        if exclude_number is not None:
            clauses.append("number != ?")
            params.append(exclude_number)
        rows = self._read().all(
            f"SELECT number, data FROM entries {self._hint(spec, equals)} "
            f"WHERE {' AND '.join(clauses)} LIMIT 50",
            params,
        )
        return [(str(n), _values(spec, json.loads(d))) for n, d in rows]

    def installed(self, register: str) -> bool:
        spec = self.registers.forms.get(register)
        return spec is not None and spec in self.registers.forms.registers

    def approval(self, number: str) -> ApprovalView | None:
        row = self._read().one(
            "SELECT form, state, data FROM approval_requests WHERE number = ? AND level <= ?",
            (number.strip().upper(), int(self._clearance())),
        )
        if row is None:
            return None
        spec = self.registers.forms.get(str(row[0]))
        if spec is None:
            return None
        return ApprovalView(str(row[0]), str(row[1]), _values(spec, json.loads(row[2])))

    def _hint(self, spec: FormSpec, equals: Mapping[str, object]) -> str:
        """``INDEXED BY`` the list index of the first field asked for (a rule names the most
        selective first: the drawing's number before its receiver). Without planner
        statistics SQLite may otherwise search by a field with few distinct values and visit
        a large part of the register for every row of an import."""
        first = next(iter(equals), None)
        if first is None:
            return ""
        index = f"ix_{spec.id}_{first}"
        return f"INDEXED BY {index}" if index in self.registers.index_names() else ""


class _Pending:
    """The lookup of an import: the register as it stands plus the rows of the file checked
    so far (not yet written: they are written together at the end), so that a rule sees an
    earlier row of the same file exactly as it would see a saved entry. The rows are indexed
    by the stored values of the fields a rule asks about, so each lookup costs the same
    however long the file."""

    def __init__(self, base: _Lookup, spec: FormSpec) -> None:
        self.base = base
        self.spec = spec
        self.rows: list[tuple[str, Mapping[str, Value]]] = []
        self.stored: list[Mapping[str, object]] = []
        self._by: dict[tuple[str, ...], dict[tuple[object, ...], list[int]]] = {}

    def _key(
        self, names: tuple[str, ...], values: Mapping[str, object], number: str | None
    ) -> tuple[object, ...]:
        return tuple(
            (number if number is not None else values.get(n))
            if n == NUMBER
            else self.spec.field(n).to_storage(values.get(n))  # type: ignore[arg-type]
            for n in names
        )

    def installed(self, register: str) -> bool:
        return self.base.installed(register)

    def approval(self, number: str) -> ApprovalView | None:
        return self.base.approval(number)

    def add(self, number: str, values: Mapping[str, Value], stored: Mapping[str, object]) -> None:
        """A checked row, with its values' storage forms (:func:`stored_values`)."""
        self.rows.append((number, values))
        self.stored.append(stored)
        for names, index in self._by.items():
            key = tuple(number if n == NUMBER else stored.get(n) for n in names)
            index.setdefault(key, []).append(len(self.rows) - 1)

    def find(
        self, register: str, equals: Mapping[str, object], *, exclude_number: str | None
    ) -> Sequence[tuple[str, Mapping[str, Value]]]:
        found = list(self.base.find(register, equals, exclude_number=exclude_number))
        if register != self.spec.id or len(found) >= 50:
            return found
        names = tuple(equals)
        index = self._by.get(names)
        if index is None:
            index = self._by[names] = {}
            for i, (row_number, _) in enumerate(self.rows):
                stored = self.stored[i]
                key = tuple(row_number if n == NUMBER else stored.get(n) for n in names)
                index.setdefault(key, []).append(i)
        wanted = self._key(names, equals, None)
        for i in index.get(wanted, ()):
            number, values = self.rows[i]
            if number != exclude_number:
                found.append((number, values))
                if len(found) >= 50:
                    break
        return found


@dataclass
class _ImportRun:
    """One import while its rows are checked and written (:meth:`Registers._add_checked`):
    what every row is checked with, where the checked rows go, and what is found."""

    spec: FormSpec
    confirm: bool
    today: date
    clearance: Level
    #: The file's rows checked so far, as the rules' lookups see them.
    pending: _Pending
    writer: EntryWriter
    writes: WritesAside
    #: Rows checked plus rows written so far; raises ``Cancelled`` when the user cancelled.
    report: Callable[[int], None]
    #: Every bad row's problems, by its 1-based place in the file.
    failures: list[tuple[int, Problem]] = field(default_factory=list)
    #: The number each good row gets, in order.
    numbers: list[str] = field(default_factory=list)
    #: The warnings the importer confirmed, by entry number.
    confirmed: dict[str, list[str]] = field(default_factory=dict)


#: An entry as :meth:`Registers.stored_rows` reads it: number, status code, term code, JSON.
StoredRow = tuple[str, str, str | None, str]


def _values(spec: FormSpec, data: Mapping[str, Any]) -> dict[str, Value]:
    return {f.name: f.from_storage(data.get(f.name)) for f in spec.fields}


class Registers:
    """Register operations for one logged-in session."""

    def __init__(
        self,
        session: Session,
        forms: Forms,
        rules: Mapping[str, Rule],
        deadlines: Mapping[str, EntryDeadline] | None = None,
        *,
        object_titles: Mapping[str, Localized] | None = None,
        progress: Progress | None = None,
    ) -> None:
        """``rules`` is every module rule by id (``modules.registry.RULES``); each definition
        names the ones it uses, and an unknown name stops here, naming the file.
        ``deadlines`` are the modules' deadlines on entries by key
        (``modules.registry.entry_deadlines``): a query may ask for exactly one's entries.
        ``object_titles`` names the kinds of printed objects (``modules.registry``).
        ``progress`` follows the search documents being made again, when the vault's were made
        another way (once after an upgrade: :meth:`_keep_search_documents`); a cancel there
        leaves them as they were, and the engine works with them."""
        self.session = session
        self.forms = forms
        self.people = People(session.vault)
        self._object_titles: Mapping[str, Localized] = object_titles or {}
        self.store: Store = session.vault.store
        self._rules = {s.id: rules_for(s, rules) for s in forms.registers}
        self._lookup = _Lookup(self)
        self._index_names: frozenset[str] | None = None
        # The indexes come with the schema (migration 11): starting does no DDL.
        self.planner = Planner(self.store)
        self.planner.refresh_statistics()
        self.planner.scoped = self._keep_search_documents(progress)
        self.deadlines: Mapping[str, EntryDeadline] = dict(deadlines or {})

    def _keep_search_documents(self, progress: Progress | None) -> bool:
        """Whether the search documents are made the way this program makes them (with the
        scope tokens the planner's counts use), making them again first when they are not
        (``records.reindex``): one transaction, ~1 minute per million entries. Not in a
        vault opened read-only, nor inside a caller's transaction; not when cancelled, nor
        when the disk is full (nothing is changed, and the next start tries again): the
        documents are only made from the entries, and every search works with either."""
        specs = self.forms.registers
        if reindex.current(self.store, specs):
            return True
        if self.store.read_only or self.store.in_transaction:
            return False
        try:
            return reindex.rebuild(self.store, specs, progress)
        except DiskFull:
            return False

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

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load)."""
        self.planner.analyze()
        self._index_names = None

    def index_names(self) -> frozenset[str]:
        """The names of the indexes the vault has (read once)."""
        if self._index_names is None:
            self._index_names = frozenset(
                str(n)
                for (n,) in self.store.all("SELECT name FROM sqlite_schema WHERE type = 'index'")
            )
        return self._index_names

    # --- reading ---------------------------------------------------------------------------

    def display(self, spec: FormSpec, entry: Entry, name: str, lang: str) -> str:
        """A column of ``entry`` as a screen shows it: :meth:`Entry.display`, but people by
        name (an account field holds a login) and a printed object by its register's title
        and number (the print register stores ``drawings:TZFS-…``)."""
        if name in (NUMBER, STATUS) or not spec.has_field(name):
            return entry.display(spec, name, lang)
        value = entry.values.get(name)
        if spec.field(name).type is FieldType.ACCOUNT and isinstance(value, str):
            return self.people.name(value)
        if spec.id == PRINTS and name == PRINTED_OBJECT and isinstance(value, str):
            return self.object_text(value, lang)
        return entry.display(spec, name, lang)

    def object_text(self, obj: str, lang: str) -> str:
        """``kind:number`` → 图纸发放登记 TZFS-2026-0001 (a list: the register's title)."""
        kind, sep, number = obj.partition(":")
        title = self._object_titles.get(kind)
        if title is None:
            spec = self.forms.get(kind)
            if spec is None:
                return obj
            return f"{spec.title(lang)} {number}".strip() if sep else spec.title(lang)
        return f"{title.text(lang)} {number}".strip() if sep else title.text(lang)

    def _entry(self, spec: FormSpec, row: Row, today: date | None = None) -> Entry:
        data = json.loads(row[9])
        values = _values(spec, data)
        flags: list[Flag] = []
        if not row[7]:
            day = today or self.session.clock.today()
            for rule in self._rules.get(spec.id, ()):
                flags.extend(rule.flags(spec, values, day))
            if row[6] and spec.level_field and spec.id not in SYSTEM_REGISTERS:
                flags.extend(
                    review_flags(
                        Level(int(row[5])),
                        Term.decode(str(row[6])),
                        date.fromisoformat(str(row[10])[:10]),
                        day,
                    )
                )
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

    def get_many(self, registers: Sequence[str], numbers: Sequence[str]) -> dict[str, Entry]:
        """Entries of ``registers`` by number, read a few hundred at a time, for an action on
        many items (not recorded as views); refused as :meth:`get` is for a register the
        session may not view. A number not there, or above the clearance, is left out: the
        caller names it."""
        clearance = int(self.session.principal.clearance)
        wanted = list(dict.fromkeys(n.strip() for n in numbers))
        regs = ", ".join("?" * len(registers))
        rows: list[Row] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows += self.store.all(
                f"SELECT {ENTRY_COLUMNS} FROM entries WHERE register IN ({regs}) AND number IN "
                f"({', '.join('?' * len(chunk))}) AND level <= ?",
                (*registers, *chunk, clearance),
            )
        specs = {r: self.require(r, Action.VIEW) for r in sorted({str(row[1]) for row in rows})}
        today = self.session.clock.today()
        entries = (self._entry(specs[str(row[1])], row, today) for row in rows)
        return {entry.number: entry for entry in entries}

    def _filters(
        self, spec: FormSpec, query: Query, equals: dict[str, object] | None = None
    ) -> tuple[list[str], list[object]]:
        """The WHERE clauses of ``query`` and their parameters. With ``equals``, an equality
        filter on a list column (one with an index of its own) is put there instead (field →
        stored value), for the count to place (``Planner.count_sql``)."""
        clauses = [register_is(spec.id), "level <= ?"]
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
            if fld.type is FieldType.DATE and raw.strip() and periods.is_period(raw):
                # 2026-11 or 2026: the whole month or year, as a range
                problems += self._range_clauses(
                    spec, Query(ranges={name: (raw, raw)}), clauses, params
                )
                continue
            result = fld.check(raw, today=None)
            if isinstance(result, Problem):
                problems.append(result.at(name))
                continue
            if equals is not None and name in spec.listing.columns:
                equals[name] = fld.to_storage(result)
                continue
            more, values = equal_clauses({name: fld.to_storage(result)})
            clauses.extend(more)
            params.extend(values)
        problems += self._range_clauses(spec, query, clauses, params)
        if query.created_by:
            clauses.append("created_by = ?")
            params.append(query.created_by)
        if problems:
            raise FilterInvalid(spec.labelled(problems))
        expr = search.match_expression(query.search)
        if expr is not None:
            clauses.append("id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
            params.append(expr)
        if query.deadline:
            more, values = self._deadline_clauses(spec, query.deadline)
            clauses.extend(more)
            params.extend(values)
        return clauses, params

    @staticmethod
    def _range_clauses(
        spec: FormSpec, query: Query, clauses: list[str], params: list[object]
    ) -> list[Problem]:
        """``from <= field <= to`` for each date range (a bound may be a month or a year)."""
        problems: list[Problem] = []
        for name, (start, end) in query.ranges.items():
            if not spec.has_field(name) or spec.field(name).type is not FieldType.DATE:
                problems.append(
                    problem(
                        "not_date_field",
                        QT_TRANSLATE_NOOP(
                            "Errors", "A date range needs a date field of this form."
                        ),
                    ).at(name)
                )
                continue
            for text, op, end_of in ((start, ">=", False), (end, "<=", True)):
                if not text.strip():
                    continue
                day = periods.bound(text, end=end_of)
                if day is None:
                    problems.append(
                        problem(
                            "not_period",
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "Enter a day, a month or a year, for example 2026-11-27, "
                                "2026-11 or 2026.",
                            ),
                        ).at(name)
                    )
                    continue
                clauses.append(f"{field_path(name)} {op} ?")
                params.append(spec.field(name).to_storage(day))
        return problems

    def _deadline_clauses(self, spec: FormSpec, key: str) -> tuple[list[str], list[object]]:
        """The entries of the deadline ``key`` as of today, written as its index is."""
        deadline = self.deadlines.get(key)
        if deadline is None or deadline.register != spec.id:
            raise UsageError(
                QT_TRANSLATE_NOOP("Errors", "The {register} register has no such deadline."),
                register=spec.title_zh,
            )
        return deadline_sql.clauses(spec, deadline, self.session.clock.today())

    def _deadline_index(self, spec: FormSpec, query: Query) -> str | None:
        """The index of the query's deadline, when the vault has it with statistics."""
        deadline = self.deadlines.get(query.deadline) if query.deadline else None
        if deadline is None or deadline.register != spec.id or query.include_voided:
            return None
        name = deadline_sql.index_name(spec, deadline)
        return name if self.planner.rows_per_value(name) is not None else None

    def _status_code(self, spec: FormSpec, raw: str) -> str:
        text = raw.strip()
        for s in spec.statuses:
            if text in {s.code, s.zh, s.en}:
                return s.code
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown status {status}."), status=raw)

    def page(self, register: str, query: Query) -> list[Entry]:
        spec = self.require(register, Action.VIEW)
        today = self.session.clock.today()
        found: list[Entry] = []
        for sql, params in self.page_sql(spec, query):
            if query.limit is not None:
                params[-2] = query.limit - len(found)  # what the ranges before left to read
            found += [self._entry(spec, row, today) for row in self.store.all(sql, params)]
            if query.limit is not None and len(found) >= query.limit:
                break
        if query.backward:
            found.reverse()
        return found

    def stored_rows(
        self, register: str, query: Query, *, batch: int = 1000
    ) -> Iterator[list[StoredRow]]:
        """Every entry ``query`` finds (its paging ignored), in the list's order, as stored:
        (number, status code, term code or ``None``, values as JSON), a list of ``batch`` at a
        time from one statement read as it goes — for an export, which shows every entry and
        needs neither an :class:`Entry` nor its flags. Memory stays flat in the row count."""
        spec = self.require(register, Action.VIEW)
        every = replace(query, offset=0, limit=None, after=None, backward=False)
        ((sql, params),) = self.page_sql(spec, every)
        for rows in self.store.batches(sql, params, size=batch):
            yield [(str(r[2]), str(r[4]), r[6], str(r[9])) for r in rows]

    def page_sql(self, spec: FormSpec, query: Query) -> list[tuple[str, list[object]]]:
        """The statements reading the page ``query`` asks for (its filters, order, keyset),
        in turn until the page is full (with a ``limit``, the last two parameters are the
        number of rows and the offset). A page read on from an entry
        (``after``) has one statement per range of the sort index its rows come from
        (``Planner.keyset``), one otherwise."""
        equals: dict[str, object] = {}
        clauses, params = self._filters(spec, query, equals)
        sort = query.sort if query.sort is not None else spec.listing.sort
        deadline_index = self._deadline_index(spec, query)
        plan = PagePlan("")
        if deadline_index is not None:
            # A deadline's entries have an index of their own: read them there and sort them,
            # never walk the sort column's index (nor entries_list) looking for them.
            plan = PagePlan(f"INDEXED BY {deadline_index}")
        elif not query.deadline:
            plan = self.planner.page_hint(spec, query, sort, equals)
        equal, stored = level_equal(spec, equals, plan.hint)
        clauses += equal
        params += stored
        if plan.probe:
            clauses, params = probed_search(clauses, params)
        ranges: list[tuple[str, list[object]]] = [("", [])]
        if query.after is not None:
            ranges = self.planner.keyset(spec, sort, query.after, reverse=query.backward)
            if query.offset:  # rows skipped across the ranges: one statement
                ranges = [
                    (
                        " OR ".join(f"({c})" for c, _p in ranges) or "0",
                        [v for _c, p in ranges for v in p],
                    )
                ]
        order = self.planner.order(spec, sort, reverse=query.backward)
        hint = plan.hint
        statements: list[tuple[str, list[object]]] = []
        for extra, values in ranges:
            where = " AND ".join([*clauses, extra] if extra else clauses)
            sql = f"SELECT {ENTRY_COLUMNS} FROM entries {hint} WHERE {where} ORDER BY {order}"
            limit: list[object] = []
            if query.limit is not None:
                sql += " LIMIT ? OFFSET ?"
                limit = [query.limit, query.offset]
            statements.append((sql, [*params, *values, *limit]))
        return statements

    def marks(self, register: str, query: Query) -> list[tuple[Level, Term | None]]:
        """The distinct (level, term) of the entries ``query`` finds: what a list or an export
        of them is marked with (:func:`secrecy_desk.core.levels.highest`)."""
        spec = self.require(register, Action.VIEW)
        clauses, params = self._filters(spec, query)
        rows = self.store.all(
            f"SELECT DISTINCT level, term FROM entries WHERE {' AND '.join(clauses)}", params
        )
        return [(Level(int(lv)), Term.decode(str(t)) if t else None) for lv, t in rows]

    def count(self, register: str, query: Query) -> int:
        """How many entries the query finds (its filters; the page and the order do not
        matter). The whole live register is summed from ``entry_totals`` (kept by triggers,
        one row per level); any filter is counted from the indexes (``Planner.count_sql``)."""
        sql, params = self.count_statement(register, query)
        return int(self.store.scalar(sql, params))

    def count_aside(self, register: str, query: Query) -> AsideRead:
        """The count of :meth:`count` as a read on a connection of its own, for a worker
        thread (:mod:`secrecy_desk.vault.aside`): the permission is checked and the statement
        made here, with this session's clearance; ``scalar()`` of the result is the count.
        Raises ``ReadStopped`` when the vault is closing."""
        sql, params = self.count_statement(register, query)
        return self.session.vault.asides.read(sql, params)

    def count_statement(self, register: str, query: Query) -> tuple[str, list[object]]:
        """The statement answering :meth:`count` (one row, one column)."""
        spec = self.require(register, Action.VIEW)
        if not query.filtered and not query.include_voided:
            return (
                "SELECT coalesce(sum(live), 0) FROM entry_totals WHERE register = ? AND level <= ?",
                [spec.id, int(self.session.principal.clearance)],
            )
        return self.count_sql(spec, query)

    def count_sql(self, spec: FormSpec, query: Query) -> tuple[str, list[object]]:
        """The statement counting a filtered ``query`` (``Planner.count_sql``)."""
        equals: dict[str, object] = {}
        filters = self._filters(spec, query, equals)
        clearance = int(self.session.principal.clearance)
        return self.planner.count_sql(
            spec, query, filters, equals, clearance, self._deadline_index(spec, query)
        )

    def history(self, register: str, number: str) -> list[Revision]:
        spec = self.require(register, Action.VIEW)
        row = self._row(register, number)
        entry_id, entry_data = int(row[0]), str(row[9])
        rows = self.store.all(
            "SELECT revision, change, at, account, status, voided, void_reason, note, data "
            "FROM entry_revisions WHERE entry_id = ? ORDER BY revision",
            (entry_id,),
        )
        out: list[Revision] = []
        previous: Mapping[str, Value] = {}
        for rev, change, at, account, status, voided, reason, note, data in rows:
            values = _values(spec, json.loads(revision_data(str(data), entry_data)))
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
        status: str | None = None,
        previous_status: str | None = None,
        lookup: Lookup | None = None,
        today: date | None = None,
        clearance: Level | None = None,
        memo: CheckMemo | None = None,
    ) -> tuple[dict[str, Value], Level, Term | None, tuple[str, ...]]:
        today = today or self.session.clock.today()
        result = validate_entry(spec, raw, today=today, defaults=defaults, memo=memo)
        problems = list(result.problems)
        notices: list[Notice] = []
        if result.ok:
            ctx = RuleContext(
                spec=spec,
                today=today,
                number=number,
                lookup=lookup or self._lookup,
                previous=previous,
                status=status,
                previous_status=previous_status,
            )
            for rule in self._rules.get(spec.id, ()):
                found, warned = rule.check(ctx, result.values)
                problems.extend(found)
                notices.extend(warned)
        mark = None
        level_refused: Problem | None = None
        if not problems:
            mark = entry_marking(spec, result.values)
            level_refused = level_problem(
                self.session, mark.level, spec.level_field or "", clearance=clearance
            )
        if level_refused is not None:
            problems.append(level_refused)
        if problems:
            raise EntryInvalid(spec.labelled(problems))
        if notices and not confirm:
            raise NeedsConfirmation([Notice(p) for p in spec.labelled(n.problem for n in notices)])
        assert mark is not None
        return dict(result.values), mark.level, mark.term, tuple(n.problem.code for n in notices)

    def _insert(
        self,
        spec: FormSpec,
        values: Mapping[str, Value],
        level: Level,
        term: Term | None,
        *,
        note: str = "",
    ) -> tuple[int, str]:
        written = insert_entry(self.session, spec, values, level, term, note=note)
        return written.id, written.number

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
        decision: str | None = None,
    ) -> SaveResult:
        """Save a new revision; refused if anyone saved since ``expected_revision``.

        The level never goes down by an edit: only ``decision``, the number of a recorded
        classification review decision for this entry and this new level, allows it."""
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
            new_status = self._status_code(spec, status) if status else current.status
            values, level, term, confirmed = self._check(
                spec,
                {**raw, **{k: changes[k] for k in unknown}},
                number=current.number,
                defaults=False,
                confirm=confirm,
                previous=current.values,
                status=new_status,
                previous_status=current.status,
            )
            if level < current.level and not self._decided(current, level, decision):
                raise EntryInvalid((self._lowered(spec, current),))
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

    def _decided(self, current: Entry, level: Level, decision: str | None) -> bool:
        """Whether ``decision`` is a live, recorded review decision lowering ``current`` to
        ``level`` (written by the classification module in this same operation)."""
        if decision is None:
            return False
        row = self.store.one(
            "SELECT data FROM entries WHERE register = ? AND number = ? AND voided = 0",
            (LEVEL_DECISIONS, decision),
        )
        if row is None:
            return False
        data = json.loads(row[0])
        return bool(
            data.get("target_register") == current.register
            and data.get("target_number") == current.number
            and data.get("new_level") == level.name
        )

    def _lowered(self, spec: FormSpec, current: Entry) -> Problem:
        name = spec.level_field or ""
        shown = spec.field(name) if name else None
        label = Bilingual(
            shown.display(current.level, "zh_CN") if shown else current.level.zh,
            shown.display(current.level, "en") if shown else current.level.en,
        )
        return problem(
            "level_lowered",
            QT_TRANSLATE_NOOP(
                "Errors",
                "A level goes down only through a recorded classification review decision, "
                "never by an edit; the entry stays {level}.",
            ),
            level=label,
        ).at(name)

    def _check_revision(self, current: Entry, expected: int) -> None:
        if current.revision != expected:
            raise stale_revision(
                current.number, current.updated_by, current.updated_at, current.revision, expected
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
        revise_entry(
            self.session,
            spec,
            Revise(
                entry_id=current.id,
                number=current.number,
                revision=current.revision,
                values=values,
                level=level,
                term=term,
                status=status,
                change=change,
                voided=voided,
                void_reason=void_reason,
                note=note,
            ),
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
                    ).at("reason", Bilingual("作废原因", "Reason for voiding")),
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
        listing every bad row (1-based, as given) with its field and reason.

        Every row is checked exactly as a single save checks it (fields, rules between fields,
        module rules, the level rules); a module rule sees the earlier rows of the same file
        as if they were saved. The rows are written with the statements a single save uses
        (:class:`EntryWriter`), a batch at a time on a thread of their own while the next rows
        are checked, all in one transaction with one audit record: a bad row, a cancel or a
        failed write rolls back every row written before it. ``progress`` hears (done, total)
        over both halves (rows checked plus rows written, then the commit: :func:`_import_work`)
        and may cancel at any point before the commit; ``done == total`` once it is saved."""
        spec = self.require(register, Action.CREATE)
        # Every page the import changes stays in memory until its commit (see bulk_cache_kib).
        cache = self.session.vault.store.page_cache(bulk_cache_kib(len(rows)))
        with cyclic_gc_paused(), cache:
            numbers = self._add_checked(spec, rows, source, confirm, progress)
            if len(numbers) >= 1000:
                if self.planner.stale_after_import(register, len(numbers)):
                    self.analyze()  # with the pages still in the cache
                if not self.store.in_transaction:  # (inside a caller's: the session's end)
                    # The segments the import left in the search index, merged now rather
                    # than at the session's end: the searches that look at what came in
                    # read few segments (0.1–0.15 s a step at 2M).
                    tidy_search_index(self.store, steps=len(numbers) // TIDY_ROWS + 1)
        if progress is not None:  # saved: the bar is full only now
            work = _import_work(len(rows))
            progress(work, work)
        return numbers

    def _add_checked(
        self,
        spec: FormSpec,
        rows: Sequence[Mapping[str, str]],
        source: str,
        confirm: bool,
        progress: Progress | None,
    ) -> list[str]:
        register = spec.id
        total = _import_work(len(rows))

        def report(done: int) -> None:
            if progress is not None and not progress(done, total):
                raise Cancelled()

        vault = self.session.vault
        # Inside a caller's transaction the rules must see its writes: only this connection
        # does, so the rows are then checked and written on this thread, one after the other.
        nested = vault.store.in_transaction
        with self.session.operation():
            today = self.session.clock.today()
            writer = EntryWriter(self.session, spec, note=f"import:{source}")
            clearance = self.session.principal.clearance
            self.index_names()  # read now: from here on the vault's connection only writes
            # The rows checked so far are written on a thread of their own while the next
            # are checked; the lookups of the rules read the register as it stood before the
            # import on a connection of their own (the last committed state), and see the
            # file's earlier rows through the pending index, as a single save would see them
            # saved.
            reading = contextlib.nullcontext(None) if nested else vault.asides.connection()
            with reading as reader:
                pending = _Pending(_Lookup(self, clearance, store=reader), spec)
                writes = WritesAside(writer, threaded=reader is not None)
                run = _ImportRun(spec, confirm, today, clearance, pending, writer, writes, report)
                try:
                    self._check_rows(run, rows)
                finally:
                    writes.close()
            numbers = run.numbers
            count, top = writer.finish()
            report(2 * len(rows))  # checked and written; the commit and the statistics next
            self.session.audit(
                "register.import",
                register,
                level=max(top, Level.INTERNAL),
                details={
                    "source": source,
                    "count": count,
                    "first": numbers[0] if numbers else None,
                    "last": numbers[-1] if numbers else None,
                    # Warnings the importer confirmed (e.g. a shared phone), per entry, as
                    # a single save records them (S8 §7).
                    "confirmed": run.confirmed,
                },
            )
        return numbers

    def _check_rows(self, run: _ImportRun, rows: Sequence[Mapping[str, str]]) -> None:
        """Check every row (as a single save checks it) and, while none has failed, hand the
        checked ones to the writing thread a batch at a time; then wait until every batch is
        written. Once every row was checked, raises :class:`ImportFailed` listing every bad
        row."""
        spec, writer, writes = run.spec, run.writer, run.writes
        checked = [0]

        def tick() -> None:
            run.report(checked[0] + writes.written)

        # Each distinct text of a repeating field (是/否, a level, a date) is checked once.
        memo = CheckMemo(spec)
        for index, raw in enumerate(rows, start=1):
            checked[0] = index - 1
            if index % 200 == 1:
                tick()
            try:
                values, level, term, notices = self._check(
                    spec,
                    raw,
                    number=None,
                    defaults=True,
                    confirm=run.confirm,
                    lookup=run.pending,
                    today=run.today,
                    clearance=run.clearance,
                    memo=memo,
                )
            except EntryInvalid as exc:
                run.failures.extend((index, p) for p in exc.problems)
                continue
            except NeedsConfirmation as exc:
                run.failures.extend((index, n.problem) for n in exc.notices)
                continue
            number = writer.number(len(run.numbers) + 1)
            stored = stored_values(spec, values)
            run.pending.add(number, values, stored)
            run.numbers.append(number)
            if notices:
                run.confirmed[number] = list(notices)
            if run.failures:
                continue  # nothing will be written: only the problems are still wanted
            writer.add(BulkRow(values, level, term, stored))
            if writer.pending >= IMPORT_BATCH:
                writes.submit(writer.take(), tick)
        checked[0] = len(rows)
        if run.failures:
            raise ImportFailed(run.failures)
        writes.submit(writer.take(), tick)
        writes.drain(tick)

    def bulk_insert(
        self,
        register: str,
        rows: Iterable[Mapping[str, Value]],
        *,
        source: str,
        batch: int = 10_000,
        analyze: bool = True,
        defer_indexes: bool = False,
    ) -> int:
        """Add entries from values that are already canonical and checked (a migration from a
        legacy register, the benchmark): one transaction, statements batched with
        ``executemany``, one audit record. Field validators and module rules are NOT run;
        anything typed by a person goes through :meth:`add` or :meth:`add_many`. The level
        rules still hold: a row above the rating or the account's clearance refuses the lot.
        ``analyze=False`` skips refreshing the planner's statistics, for all but the last of
        several loads in a row. ``defer_indexes`` drops the list indexes first and builds them
        again after the load: each insert otherwise updates some forty partial expression
        indexes (about 0.5 ms a row), which for tens of thousands of rows costs more than
        building them once."""
        spec = self.require(register, Action.CREATE)

        def checked() -> Iterator[BulkRow]:
            for values in rows:
                mark = entry_marking(spec, values)
                if level_problem(self.session, mark.level) is not None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "A {level} record cannot be entered here; nothing was saved.",
                        ),
                        level=mark.level.zh,
                    )
                yield BulkRow(values, mark.level, mark.term)

        if defer_indexes:
            self.planner.drop_indexes()
        cache = self.session.vault.store.page_cache(
            bulk_cache_kib(len(rows)) if isinstance(rows, Sized) else 0
        )
        with cache, self.session.operation():
            count, top = insert_entries(
                self.session, spec, checked(), note=f"import:{source}", batch=batch
            )
            self.session.audit(
                "register.import",
                register,
                level=max(top, Level.INTERNAL),
                details={"source": source, "count": count, "bulk": True},
            )
        if defer_indexes:
            self.planner.ensure_indexes(self.forms.registers)
        if analyze:
            self.analyze()
        return count


#: Rows of an import handed to its writing thread at a time: small enough that checking and
#: writing overlap from the start, large enough that a batch's statements (each opens a cursor
#: on every index of ``entries``) cost little per row.
IMPORT_BATCH: Final = 1000
#: Rows of an import per step of the search index's tidying after it (``add_many``).
TIDY_ROWS: Final = 10_000

#: Called with (done, total); returns False to cancel (everything is then rolled back).
Progress = Callable[[int, int], bool]


def _import_work(rows: int) -> int:
    """An import's work in progress units: each row checked, each row written, then the
    commit and the planner's statistics, about a tenth of the whole (at 100,000 rows 2.3 s
    of 22 s, measured) — so the bar is not full while they run."""
    return 2 * rows + (2 * rows) // 9


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
        row_text = translate(self.context, _ROW, lang)
        return "\n".join(
            [head, *("  " + row_text.format(row=r, problem=p.line(lang)) for r, p in self.failures)]
        )


#: A problem of an imported file, at the sheet's own row number (as the spreadsheet shows it).
_ROW: Final = QT_TRANSLATE_NOOP("Errors", "Row {row}: {problem}")

"""The classification review (定密管理): the queue of classified entries whose secrecy term
ends within a number of days, and the decision that settles one — declassify (解密), extend the
term (延长保密期限) or change the level (变更密级), with its basis and approver.

A decision is one operation: the decision entry (register ``classification_reviews``, which only
this code fills), the change of the decided entry (a revision whose note names the decision) and
the audit record. It is the only way a level goes down: the register engine refuses a lower level
on a plain edit and allows it only when the named decision is recorded for that entry and that
level. Storage media keep their handling level whatever the content's decision (S4; SPEC): for
them the decision is recorded, the medium stays at its level and is handled until destroyed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level, Term
from secrecy_desk.core.roles import Action, Role
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import EntryInvalid, FormSpec, entry_marking, validate_entry
from secrecy_desk.modules.registers import Entry, Registers
from secrecy_desk.modules.registers.engine import SYSTEM_REGISTERS
from secrecy_desk.records.model import LEVEL_DECISIONS
from secrecy_desk.records.review import REVIEW_DAYS, term_ends_on
from secrecy_desk.records.store import insert_entry, stale_revision
from secrecy_desk.vault.db import Row

#: Registers of storage media: their handling level never goes down (the carriers module's
#: registers; a decision about their content is recorded, the medium keeps its level).
MEDIA_REGISTERS: Final = frozenset({"carriers", "equipment"})

DECLASSIFY: Final = "declassify"
EXTEND: Final = "extend"


@dataclass(frozen=True, slots=True)
class Due:
    """One line of the review queue."""

    register: str
    number: str
    revision: int
    subject: str
    level: Level
    term: Term
    ends_on: date

    def overdue(self, today: date) -> bool:
        return self.ends_on < today


def subject_of(spec: FormSpec, values: Mapping[str, object]) -> str:
    """What the entry is, for the queue and the decision: its first two searchable texts."""
    parts = [str(values[n]) for n in spec.search[:2] if values.get(n)]
    return " ".join(parts)


def queue(registers: Registers, *, within: int = REVIEW_DAYS) -> list[Due]:
    """Classified entries the session may see whose term ends within ``within`` days (or has
    ended), soonest first. Long-term and conditional terms have no end day and are not listed."""
    today = registers.session.clock.today()
    cutoff = (today + timedelta(days=within)).isoformat()
    clearance = int(registers.session.principal.clearance)
    out: list[Due] = []
    for spec in registers.visible_registers():
        if spec.level_field is None or spec.id in SYSTEM_REGISTERS:
            continue
        rows: list[Row] = registers.store.all(
            "SELECT number, revision, level, term, created_at, data FROM entries "
            "WHERE register = ? AND voided = 0 AND level >= ? AND level <= ? AND term IS NOT NULL "
            "AND ((term LIKE 'date:%' AND substr(term, 6) <= ?) OR (term LIKE 'years:%' AND "
            "date(substr(created_at, 1, 10), '+' || substr(term, 7) || ' years') <= ?))",
            (spec.id, int(Level.CONFIDENTIAL), clearance, cutoff, cutoff),
        )
        for number, revision, level, term_text, created, data in rows:
            term = Term.decode(str(term_text))
            ends = term_ends_on(term, date.fromisoformat(str(created)[:10]))
            if ends is None or ends.isoformat() > cutoff:
                continue
            out.append(
                Due(
                    spec.id,
                    str(number),
                    int(revision),
                    subject_of(spec, json.loads(data)),
                    Level(int(level)),
                    term,
                    ends,
                )
            )
    out.sort(key=lambda d: (d.ends_on, d.register, d.number))
    return out


@dataclass(frozen=True, slots=True)
class Decided:
    decision: Entry
    target: Entry


def _refuse(field: str, code: str, text: str) -> EntryInvalid:
    return EntryInvalid((problem(code, text).at(field),))


def decide(
    registers: Registers,
    register: str,
    number: str,
    *,
    decision: str,
    basis: str,
    approver: str,
    new_level: str = "",
    new_term: str = "",
    remarks: str = "",
    expected_revision: int | None = None,
) -> Decided:
    """Record a review decision on ``register``/``number`` and apply it, in one operation.

    ``decision`` is 解密/declassify, 延长保密期限/extend or 变更密级/change_level (or the code);
    extending needs ``new_term``; changing the level needs ``new_level`` (``new_term`` blank
    takes the default for it). Only the secrecy officer decides, with edit rights on the
    register; every refusal is one sentence naming its field, and nothing is saved."""
    session = registers.session
    session.principal.require_role(Role.OFFICER)
    spec = registers.require(register, Action.EDIT)
    rspec = registers.spec(LEVEL_DECISIONS)
    today = session.clock.today()
    with session.operation():
        target = registers.get(register, number, record_view=False)
        if expected_revision is not None and target.revision != expected_revision:
            raise stale_revision(
                target.number,
                target.updated_by,
                target.updated_at,
                target.revision,
                expected_revision,
            )
        if target.voided:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Entry {number} is void and cannot be changed."),
                number=target.number,
            )
        level_field = spec.level_field
        if level_field is None or not target.level.classified:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Entry {number} is not classified; there is no level or term to review.",
                ),
                number=target.number,
            )
        kind = str(_checked(rspec, "decision", decision, "decision"))
        lfield = spec.field(level_field)
        offered = [o.level for o in lfield.levels] or list(Level)
        level = target.level
        term_text = ""
        if kind == DECLASSIFY:
            open_levels = [lv for lv in offered if not lv.classified]
            if not open_levels:
                raise _refuse(
                    "decision",
                    "no_open_level",
                    QT_TRANSLATE_NOOP(
                        "Errors", "This register offers no unclassified level to declassify to."
                    ),
                )
            level = max(open_levels)
        elif kind == EXTEND:
            if spec.term_field is None:
                raise _refuse(
                    "new_term",
                    "no_term",
                    QT_TRANSLATE_NOOP(
                        "Errors", "This register keeps no secrecy term; it cannot be extended."
                    ),
                )
            if not new_term.strip():
                raise _refuse(
                    "new_term",
                    "required",
                    QT_TRANSLATE_NOOP("Errors", "Give the new secrecy term."),
                )
            term_text = new_term
        else:
            if not new_level.strip():
                raise _refuse(
                    "new_level", "required", QT_TRANSLATE_NOOP("Errors", "Give the new level.")
                )
            parsed = _checked(spec, level_field, new_level, "new_level")
            assert isinstance(parsed, Level)
            level = parsed
            if level == target.level:
                raise _refuse(
                    "new_level",
                    "same_level",
                    QT_TRANSLATE_NOOP(
                        "Errors", "The new level is the entry's level; to keep it, extend the term."
                    ),
                )
            term_text = new_term
        kept = register in MEDIA_REGISTERS and level < target.level
        applied_level = target.level if kept else level
        changes: dict[str, str] = {level_field: lfield.input_text(applied_level)}
        if spec.term_field is not None:
            if kept:
                changes[spec.term_field] = "长期"
            elif not applied_level.classified:
                changes[spec.term_field] = ""
            else:
                changes[spec.term_field] = term_text
        # Check the target's new values before anything is written (a bad term is refused at
        # the decision's own field).
        trial = {f.name: f.input_text(target.values.get(f.name)) for f in spec.fields}
        trial.update(changes)
        checked = validate_entry(spec, trial, today=today, defaults=False)
        if not checked.ok:
            bad = checked.problems[0]
            field = "new_term" if bad.field == spec.term_field else "new_level"
            raise EntryInvalid((bad.at(field),))
        after = entry_marking(spec, checked.values)
        raw = {
            "target_register": register,
            "target_number": target.number,
            "subject": subject_of(spec, target.values),
            "level_before": target.level.name,
            "term_before": target.term.text() if target.term else "",
            "term_ends_on": _ends(target),
            "decision": kind,
            "new_level": after.level.name,
            "new_term": after.term.text() if after.term else "",
            "handling_kept": "是" if kept else "否",
            "basis": basis,
            "approver": approver,
            "decided_on": today.isoformat(),
            "remarks": remarks,
        }
        result = validate_entry(rspec, raw, today=today)
        result.raise_if_invalid()
        mark = entry_marking(rspec, result.values)
        written = insert_entry(session, rspec, result.values, mark.level, mark.term)
        session.audit(
            "classification.decide",
            f"{register}:{target.number}",
            level=target.level,
            details={
                "decision": written.number,
                "kind": kind,
                "level": after.level.name,
                "term": after.term.encode() if after.term else None,
                "handling_kept": kept,
            },
        )
        saved = registers.edit(
            register,
            target.number,
            changes,
            expected_revision=target.revision,
            note=f"{LEVEL_DECISIONS}:{written.number}",
            decision=written.number,
        )
        record = registers.get(LEVEL_DECISIONS, written.number, record_view=False)
    return Decided(record, saved.entry)


def _checked(spec: FormSpec, name: str, text: str, shown_as: str) -> object:
    """``text`` as a value of ``spec``'s field ``name``; refused at the decision's field."""
    value = spec.field(name).check(text, today=None)
    if isinstance(value, Problem):
        raise EntryInvalid((value.at(shown_as),))
    return value


def _ends(target: Entry) -> str:
    ends = term_ends_on(target.term, date.fromisoformat(target.created_at[:10]))
    return ends.isoformat() if ends else ""

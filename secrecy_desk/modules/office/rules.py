"""The secrecy office's registers' rules (保密办台账): communications (S2), archive
consultation (S3 §25), visitors (S5 §9, 附表22), the typing room (S6 §28), rectification of
inspection findings (S3 §27, S4 §18) and incidents (S4 §26, S6 §23). Each checks what a
definition cannot say at save time and flags what is late on read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.idcard import check_resident_id
from secrecy_desk.core.levels import Level
from secrecy_desk.core.validators import Problem, problem
from secrecy_desk.forms import FormSpec, Value
from secrecy_desk.records.rules import ApprovalView, Flag, Lookup, Notice, RuleContext

_TIME: Final = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_PASSPORT: Final = re.compile(r"^[A-Za-z0-9]{5,20}$")
#: Nationalities that are not a foreign visit.
DOMESTIC: Final = frozenset({"中国", "中华人民共和国", "china", "cn", "prc", "chinese"})
#: The carriers register (the carriers module): incidents name carriers by its numbers.
CARRIERS: Final = "carriers"
#: Days a cipher telegram may wait before it is filed, destroyed or returned.
TELEGRAM_DAYS: Final = 30

Problems = tuple[list[Problem], list[Notice]]


def _minutes(values: Mapping[str, Value], name: str, problems: list[Problem]) -> int | None:
    raw = values.get(name)
    if not isinstance(raw, str) or not raw:
        return None
    m = _TIME.match(raw)
    if m is None:
        problems.append(
            problem(
                "bad_time",
                QT_TRANSLATE_NOOP("Errors", "Write the time as hours and minutes, e.g. 09:30."),
            ).at(name)
        )
        return None
    return int(m.group(1)) * 60 + int(m.group(2))


def _say(code: str, text: str, field: str, /, **params: str | int) -> Problem:
    return problem(code, text, **params).at(field)


def approved(
    lookup: Lookup, number: object, form: str, name: str, problems: list[Problem]
) -> ApprovalView | None:
    """The approved request ``number`` of ``form``, or a problem at ``name`` saying why not."""
    if not isinstance(number, str) or not number:
        return None
    found = lookup.approval(number)
    if found is None:
        problems.append(
            _say(
                "no_request",
                QT_TRANSLATE_NOOP("Errors", "There is no approval request {number}."),
                name,
                number=number,
            )
        )
        return None
    if found.form != form:
        problems.append(
            _say(
                "wrong_request",
                QT_TRANSLATE_NOOP("Errors", "Request {number} is not a request of this kind."),
                name,
                number=number,
            )
        )
        return None
    texts = {
        "withdrawn": QT_TRANSLATE_NOOP("Errors", "Request {number} was withdrawn."),
        "rejected": QT_TRANSLATE_NOOP("Errors", "Request {number} was rejected."),
    }
    if found.state != "approved":
        problems.append(
            _say(
                f"request_{found.state}",
                texts.get(
                    found.state,
                    QT_TRANSLATE_NOOP("Errors", "Request {number} is not approved (yet)."),
                ),
                name,
                number=number,
            )
        )
        return None
    return found


def _flag(kind: str, code: str, text: str, **params: str | int) -> Flag:
    return Flag(kind, problem(code, text, **params))


class Comms:
    """通信收发: classified traffic needs its approval number and, by fax, telephone, radio or
    data link, secrecy measures (S2 §2–§4); filing and destruction or return are for cipher
    telegrams (§5), which are flagged while neither is recorded."""

    id = "office.comms"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        _minutes(values, "time", problems)
        level = values.get("level")
        means = values.get("means")
        if isinstance(level, Level) and level.classified:
            if not values.get("approval_ref"):
                problems.append(
                    _say(
                        "approval_required",
                        QT_TRANSLATE_NOOP(
                            "Errors", "Classified traffic needs the number of its approval."
                        ),
                        "approval_ref",
                    )
                )
            if means in {"fax", "telephone", "radio", "data"} and values.get("secured") is not True:
                problems.append(
                    _say(
                        "unsecured",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Classified matters go by fax, telephone, radio or data link only "
                            "with secrecy measures.",
                        ),
                        "secured",
                    )
                )
        if means != "cipher_telegram":
            for name in ("filed_on", "disposal", "disposed_on", "disposed_by"):
                if values.get(name) is not None:
                    problems.append(
                        _say(
                            "telegram_only",
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "Filing, destruction or return is recorded for cipher telegrams.",
                            ),
                            name,
                        )
                    )
        elif values.get("disposal") is not None:
            for name in ("disposed_on", "disposed_by"):
                if not values.get(name):
                    problems.append(
                        _say(
                            "disposal_incomplete",
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "Give the date and the person of the destruction or return.",
                            ),
                            name,
                        )
                    )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        day = values.get("occurred_on")
        if (
            values.get("means") == "cipher_telegram"
            and values.get("filed_on") is None
            and values.get("disposal") is None
            and isinstance(day, date)
            and today > day + timedelta(days=TELEGRAM_DAYS)
        ):
            return [
                _flag(
                    "attention",
                    "telegram_pending",
                    QT_TRANSLATE_NOOP(
                        "Errors", "Cipher telegram not yet filed, destroyed or returned."
                    ),
                )
            ]
        return []


class Archive:
    """档案查阅: a returned item is checked by someone, intact or not; not returned by its due
    day is red, returned damaged amber."""

    id = "office.archive"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        if values.get("returned_on") is not None:
            if values.get("intact") is None:
                problems.append(
                    _say(
                        "intact_required",
                        QT_TRANSLATE_NOOP("Errors", "Say whether it came back intact."),
                        "intact",
                    )
                )
            if not values.get("checked_by"):
                problems.append(
                    _say(
                        "checker_required",
                        QT_TRANSLATE_NOOP("Errors", "Name who checked the item returned."),
                        "checked_by",
                    )
                )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        due = values.get("due_on")
        if values.get("returned_on") is None and isinstance(due, date) and today > due:
            return [
                _flag(
                    "overdue",
                    "archive_overdue",
                    QT_TRANSLATE_NOOP("Errors", "Not returned; it was due on {due}."),
                    due=due.isoformat(),
                )
            ]
        if values.get("intact") is False:
            return [
                _flag(
                    "attention",
                    "archive_damaged",
                    QT_TRANSLATE_NOOP("Errors", "Returned damaged or incomplete."),
                )
            ]
        return []


def foreign(values: Mapping[str, Value]) -> bool:
    nationality = values.get("nationality")
    return isinstance(nationality, str) and nationality.strip().lower() not in DOMESTIC


class Visitors:
    """来访人员: a foreign visitor needs an approved foreign-visit request for the day (S5 §9);
    the document number is checked; not checked out by the end of the day is red."""

    id = "office.visitors"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        number = values.get("id_number")
        kind = values.get("id_kind")
        if isinstance(number, str):
            if kind == "resident_id":
                found = check_resident_id(number, today=ctx.today)
                if isinstance(found, Problem):
                    problems.append(found.at("id_number"))
            elif kind == "passport" and not _PASSPORT.match(number):
                problems.append(
                    _say(
                        "bad_passport",
                        QT_TRANSLATE_NOOP(
                            "Errors", "A passport number is 5 to 20 letters and digits."
                        ),
                        "id_number",
                    )
                )
        if foreign(values):
            ref = values.get("approval_ref")
            if not ref:
                problems.append(
                    _say(
                        "visit_unapproved",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "A foreign visit needs the number of its approved visit request "
                            "(外来人员参观保密审批表).",
                        ),
                        "approval_ref",
                    )
                )
            request = approved(ctx.lookup, ref, "foreign_visit", "approval_ref", problems)
            day = values.get("visit_on")
            if request is not None and isinstance(day, date):
                start = request.values.get("visit_from")
                end = request.values.get("visit_to") or start
                if isinstance(start, date) and isinstance(end, date) and not start <= day <= end:
                    problems.append(
                        _say(
                            "visit_other_dates",
                            QT_TRANSLATE_NOOP(
                                "Errors",
                                "Request {number} approves a visit from {start} to {end}, "
                                "not on {day}.",
                            ),
                            "visit_on",
                            number=str(ref),
                            start=start.isoformat(),
                            end=end.isoformat(),
                            day=day.isoformat(),
                        )
                    )
        time_in = _minutes(values, "time_in", problems)
        time_out = _minutes(values, "time_out", problems)
        if time_out is not None and time_in is None and not problems:
            problems.append(
                _say(
                    "no_time_in",
                    QT_TRANSLATE_NOOP("Errors", "Record the time in before the time out."),
                    "time_in",
                )
            )
        if time_in is not None and time_out is not None and time_out < time_in:
            problems.append(
                _say(
                    "out_before_in",
                    QT_TRANSLATE_NOOP("Errors", "The time out is before the time in."),
                    "time_out",
                )
            )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        day = values.get("visit_on")
        if isinstance(day, date) and day < today and not values.get("time_out"):
            return [
                _flag(
                    "overdue",
                    "not_checked_out",
                    QT_TRANSLATE_NOOP("Errors", "Not checked out on {day}."),
                    day=day.isoformat(),
                )
            ]
        return []


class DocumentPrints:
    """文件打印 (S6 §28): every print is linked to an approved document-print request, whose
    document number, level and copies it keeps; waste destroyed names who destroyed it."""

    id = "office.document_prints"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        ref = values.get("request_ref")
        request = approved(ctx.lookup, ref, "document_print", "request_ref", problems)
        if request is not None:
            for name in ("doc_number", "level", "copies"):
                fixed = request.values.get(name)
                if fixed is not None and values.get(name) != fixed:
                    shown = fixed.zh if isinstance(fixed, Level) else str(fixed)
                    problems.append(
                        _say(
                            "not_as_approved",
                            QT_TRANSLATE_NOOP("Errors", "Request {number} fixed this as {value}."),
                            name,
                            number=str(ref),
                            value=shown,
                        )
                    )
        if values.get("waste_destroyed") is True and not values.get("waste_destroyed_by"):
            problems.append(
                _say(
                    "destroyer_required",
                    QT_TRANSLATE_NOOP("Errors", "Name who destroyed the waste."),
                    "waste_destroyed_by",
                )
            )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        if values.get("waste_destroyed") is not True:
            return [
                _flag(
                    "attention",
                    "waste_pending",
                    QT_TRANSLATE_NOOP("Errors", "Waste pages not recorded as destroyed."),
                )
            ]
        return []


def _same_person(a: object, b: object) -> bool:
    return isinstance(a, str) and isinstance(b, str) and "".join(a.split()) == "".join(b.split())


class Rectification:
    """整改: done (what, by whom, when) before verified; verified by someone else; not verified
    by the deadline is red, done but not verified amber."""

    id = "office.rectification"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        done = values.get("rectified_on") is not None
        if done:
            for name in ("rectification", "rectified_by"):
                if not values.get(name):
                    problems.append(
                        _say(
                            "rectification_incomplete",
                            QT_TRANSLATE_NOOP("Errors", "Say what was done and by whom."),
                            name,
                        )
                    )
        verified = values.get("verified_by") or values.get("verified_on")
        if verified:
            if not done:
                problems.append(
                    _say(
                        "verified_before_done",
                        QT_TRANSLATE_NOOP(
                            "Errors", "A rectification is verified only after it was done."
                        ),
                        "verified_by",
                    )
                )
            for name in ("verified_by", "verified_on"):
                if not values.get(name):
                    problems.append(
                        _say(
                            "verification_incomplete",
                            QT_TRANSLATE_NOOP("Errors", "Give who verified it and when."),
                            name,
                        )
                    )
            if _same_person(values.get("verified_by"), values.get("rectified_by")):
                problems.append(
                    _say(
                        "self_verified",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "A rectification is verified by someone other than {name}, who did it.",
                        ),
                        "verified_by",
                        name=str(values.get("rectified_by")),
                    )
                )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        deadline = values.get("deadline")
        if values.get("verified_on") is not None:
            return []
        if isinstance(deadline, date) and today > deadline:
            return [
                _flag(
                    "overdue",
                    "rectification_overdue",
                    QT_TRANSLATE_NOOP(
                        "Errors", "Not rectified and verified by its deadline, {date}."
                    ),
                    date=deadline.isoformat(),
                )
            ]
        if values.get("rectified_on") is not None:
            return [
                _flag(
                    "attention",
                    "rectification_unverified",
                    QT_TRANSLATE_NOOP("Errors", "Rectified, not yet verified."),
                )
            ]
        return []


class Incidents:
    """泄密事件 (S4 §26, S6 §23): the carriers involved exist in the carriers register; reported
    to whom and when go together; an outcome before closing. Not reported by the day after the
    discovery is red; open without an outcome amber."""

    id = "office.incidents"

    def check(self, ctx: RuleContext, values: Mapping[str, Value]) -> Problems:
        problems: list[Problem] = []
        carriers = values.get("carriers")
        if isinstance(carriers, tuple) and ctx.lookup.installed(CARRIERS):
            for number in carriers:
                if not ctx.lookup.find(CARRIERS, {"number": number.upper()}, exclude_number=None):
                    problems.append(
                        _say(
                            "no_carrier",
                            QT_TRANSLATE_NOOP(
                                "Errors", "There is no carrier {number} in the carriers register."
                            ),
                            "carriers",
                            number=number,
                        )
                    )
        if bool(values.get("reported_to")) != bool(values.get("reported_on")):
            name = "reported_on" if values.get("reported_to") else "reported_to"
            problems.append(
                _say(
                    "report_incomplete",
                    QT_TRANSLATE_NOOP("Errors", "Give both to whom and when it was reported."),
                    name,
                )
            )
        if values.get("closed_on") is not None and not values.get("outcome"):
            problems.append(
                _say(
                    "outcome_required",
                    QT_TRANSLATE_NOOP("Errors", "Record the outcome before closing the incident."),
                    "outcome",
                )
            )
        return problems, []

    def flags(self, spec: FormSpec, values: Mapping[str, Value], today: date) -> list[Flag]:
        found = values.get("discovered_on")
        if values.get("reported_on") is None and isinstance(found, date) and today > found:
            return [
                _flag(
                    "overdue",
                    "incident_unreported",
                    QT_TRANSLATE_NOOP(
                        "Errors", "Discovered on {date} and not yet reported upward."
                    ),
                    date=found.isoformat(),
                )
            ]
        if values.get("closed_on") is None:
            return [
                _flag(
                    "attention",
                    "incident_open",
                    QT_TRANSLATE_NOOP("Errors", "Open: investigation and outcome to be recorded."),
                )
            ]
        return []

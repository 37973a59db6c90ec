"""The personnel module's sections of the periodic work report: people by class and status
with the period's changes, and training coverage."""

from __future__ import annotations

from datetime import date

from secrecy_desk.core.levels import Level
from secrecy_desk.modules.base import Figure, Figures
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.modules.personnel.rules import CERTIFICATE_MONTHS
from secrecy_desk.modules.registers import Registers
from secrecy_desk.modules.reports.periodic import breakdown, grouped

_CLASSES = {"core": "核心", "important": "重要", "general": "一般"}
_STATUSES = {
    lifecycle.REVIEW: "审查中",
    lifecycle.IN_POST: "在岗涉密人员",
    lifecycle.DISENGAGING: "脱密期人员",
    lifecycle.RELEASED: "已解脱人员",
}
_MOVES = {lifecycle.IN_POST: "上岗", lifecycle.DISENGAGING: "离岗", lifecycle.RELEASED: "解脱"}


def people(registers: Registers, start: date, end: date) -> Figures:
    top = Level.INTERNAL
    lines: list[Figure] = []
    for status, label in _STATUSES.items():
        counts, level = grouped(
            registers, lifecycle.PERSONNEL, "{person_class}", ["status = ?"], [status]
        )
        top = max(top, level)
        lines.append(Figure(label, str(sum(counts.values())), breakdown(counts, _CLASSES)))
    clearance = int(registers.session.principal.clearance)
    moved = registers.store.all(
        "SELECT t.to_status, count(*) FROM person_transitions AS t JOIN entries AS p "
        "ON p.register = ? AND p.number = t.person AND p.level <= ? "
        "WHERE t.on_date BETWEEN ? AND ? GROUP BY t.to_status",
        (lifecycle.PERSONNEL, clearance, start.isoformat(), end.isoformat()),
    )
    moves = {str(k): int(n) for k, n in moved}
    lines.append(Figure("本期人员变动（人次）", str(sum(moves.values())), breakdown(moves, _MOVES)))
    return Figures("涉密人员", tuple(lines), top)


def training_coverage(registers: Registers, start: date, end: date) -> Figures:
    """Records in the period, and the people in post covered by a certificate valid at the
    period's end (the last valid day as the expiry rule reckons it)."""
    held, top = grouped(
        registers,
        "training",
        "{kind}",
        ["{issued_on} BETWEEN ? AND ?"],
        [start.isoformat(), end.isoformat()],
    )
    in_post, level = grouped(
        registers, lifecycle.PERSONNEL, "status", ["status = ?"], [lifecycle.IN_POST]
    )
    posted = sum(in_post.values())
    clearance = int(registers.session.principal.clearance)
    expiry = (
        "coalesce(json_extract(t.data, '$.valid_until'), min("
        f"date(json_extract(t.data, '$.issued_on'), '+{CERTIFICATE_MONTHS} months'), "
        "date(json_extract(t.data, '$.issued_on'), 'start of month', "
        f"'+{CERTIFICATE_MONTHS + 1} months', '-1 day')))"
    )
    covered = int(
        registers.store.scalar(
            "SELECT count(*) FROM entries AS p WHERE p.register = ? AND p.voided = 0 "
            "AND p.status = ? AND p.level <= ? AND EXISTS (SELECT 1 FROM entries AS t "
            "WHERE t.register = 'training' AND t.voided = 0 AND t.level <= ? "
            f"AND json_extract(t.data, '$.person') = p.number AND {expiry} >= ?)",
            (lifecycle.PERSONNEL, lifecycle.IN_POST, clearance, clearance, end.isoformat()),
        )
    )
    share = f"{covered * 100 / posted:.1f}%" if posted else "—"
    lines = (
        Figure(
            "本期培训与岗位认证（人次）",
            str(sum(held.values())),
            breakdown(held, {"training": "保密培训", "certificate": "岗位认证"}),
        ),
        Figure("在岗涉密人员培训覆盖率", share, f"期末有效 {covered} 人 / 在岗 {posted} 人"),
    )
    return Figures("保密教育培训", lines, max(top, level))

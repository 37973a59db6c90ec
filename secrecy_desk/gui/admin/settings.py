"""Secrecy settings (保密设置), the security administrator's tab: the disengagement period (脱密期)
of each class of classified post, within the ranges of the regulations, and the password policy,
stricter than the workstation rating's floor and never looser. Each field says at once when its
value is outside what may be chosen; each Save is one operation of the core
(``modules.personnel.lifecycle.set_disengagements``, ``vault.accounts.set_policy``), one
transaction with its audit record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from secrecy_desk.core.errors import DeskError
from secrecy_desk.core.roles import MAX_IDLE_LOCK_MINUTES, PasswordPolicy, floor_for
from secrecy_desk.gui.common.context import AppContext
from secrecy_desk.gui.common.style import set_role
from secrecy_desk.modules.personnel import lifecycle
from secrecy_desk.vault import accounts as account_admin

#: A field's allowed range: (lowest, highest) inclusive.
Limits = tuple[int, int]


class Field:
    """A number field with its allowed range and the sentence under it when outside it."""

    def __init__(self, box: QSpinBox, message: QLabel, limits: Limits, say: str) -> None:
        self.box = box
        self.message = message
        self.limits = limits
        self.say = say

    def problem(self) -> str:
        low, high = self.limits
        return "" if low <= self.box.value() <= high else self.say

    def show(self) -> bool:
        text = self.problem()
        self.message.setText(text)
        self.message.setVisible(bool(text))
        return not text


class SettingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = ctx.session
        self.lang = ctx.lang
        settings = self.session.settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(12)

        dis = QGroupBox(self.tr("Disengagement periods (脱密期)"))
        dis_form = QFormLayout(dis)
        dis_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        hint = QLabel(
            self.tr(
                "A person who leaves a classified post is under a disengagement period of this "
                "length; departure letters and the personnel register use it from the next "
                "departure on."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        dis_form.addRow(hint)
        self.periods: dict[str, Field] = {}
        self.periods_save = QPushButton(self.tr("Save periods"))
        self.policy_save = QPushButton(self.tr("Save policy"))
        labels = {
            "core": self.tr("Core classified posts (核心):"),
            "important": self.tr("Important classified posts (重要):"),
            "general": self.tr("General classified posts (一般):"),
        }
        for cls, label in labels.items():
            low, high = lifecycle.RANGES[cls]
            self.periods[cls] = self._field(
                dis_form,
                label,
                lifecycle.disengage_months(settings, cls),
                (1, 120),
                (low, high),
                self.tr(" months"),
                self.tr("Choose {low} to {high} months for this class.").format(low=low, high=high),
                self._check_periods,
            )
        self.periods_save.setObjectName("savePeriods")
        self.periods_save.clicked.connect(self.save_periods)
        self.periods_result = QLabel()
        dis_form.addRow(self._row(self.periods_save, self.periods_result))
        layout.addWidget(dis)

        floor = floor_for(settings.rating)
        pol = QGroupBox(self.tr("Password policy"))
        pol_form = QFormLayout(pol)
        pol_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        pol_hint = QLabel(
            self.tr(
                "The policy may be made stricter than the {rating} floor, never looser."
            ).format(rating=settings.rating.label(self.lang))
        )
        pol_hint.setWordWrap(True)
        set_role(pol_hint, "hint")
        pol_form.addRow(pol_hint)
        policy = settings.policy
        at_least = self.tr("At least {n} for a workstation of this rating.")
        at_most = self.tr("At most {n} for a workstation of this rating.")
        between = self.tr("Choose {low} to {high}.")
        specs: list[tuple[str, str, tuple[int, int], Limits, str]] = [
            (
                "min_length",
                self.tr("Minimum length:"),
                (1, 64),
                (floor.min_length, 64),
                at_least.format(n=floor.min_length),
            ),
            (
                "min_classes",
                self.tr("Character classes (of 4):"),
                (1, 4),
                (floor.min_classes, 4),
                at_least.format(n=floor.min_classes),
            ),
            (
                "max_age_days",
                self.tr("Change at least every (days):"),
                (1, 365),
                (1, floor.max_age_days),
                at_most.format(n=floor.max_age_days),
            ),
            (
                "history",
                self.tr("Passwords remembered:"),
                (1, 24),
                (floor.history, 24),
                at_least.format(n=floor.history),
            ),
            (
                "max_failures",
                self.tr("Failures before lockout:"),
                (1, 20),
                (1, floor.max_failures),
                at_most.format(n=floor.max_failures),
            ),
            (
                "idle_lock_minutes",
                self.tr("Idle lock after (minutes):"),
                (1, 60),
                (1, MAX_IDLE_LOCK_MINUTES),
                between.format(low=1, high=MAX_IDLE_LOCK_MINUTES),
            ),
        ]
        self.policy_fields: dict[str, Field] = {}
        for name, label, spin_range, limits, sentence in specs:
            self.policy_fields[name] = self._field(
                pol_form,
                label,
                int(getattr(policy, name)),
                spin_range,
                limits,
                "",
                sentence,
                self._check_policy,
            )
        self.policy_save.setObjectName("savePolicy")
        self.policy_save.clicked.connect(self.save_policy)
        self.policy_result = QLabel()
        pol_form.addRow(self._row(self.policy_save, self.policy_result))
        layout.addWidget(pol)
        layout.addStretch(1)
        self._check_periods()
        self._check_policy()

    def _row(self, button: QPushButton, result: QLabel) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button)
        row.addWidget(result, 1)
        return holder

    def _field(
        self,
        form: QFormLayout,
        label: str,
        value: int,
        spin_range: tuple[int, int],
        limits: Limits,
        suffix: str,
        say: str,
        check: Callable[[], object],
    ) -> Field:
        box = QSpinBox()
        box.setRange(*spin_range)
        box.setValue(value)
        if suffix:
            box.setSuffix(suffix)
        box.setToolTip(self.tr("Allowed: {low} to {high}").format(low=limits[0], high=limits[1]))
        message = QLabel()
        set_role(message, "error")
        message.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(message)
        form.addRow(label, holder)
        box.valueChanged.connect(lambda _v: check())
        return Field(box, message, limits, say)

    # --- checks at the field ------------------------------------------------------------------

    def _check_periods(self) -> bool:
        good = all([f.show() for f in self.periods.values()])  # noqa: C419 - every field says
        self.periods_save.setEnabled(good)
        return good

    def _check_policy(self) -> bool:
        good = all([f.show() for f in self.policy_fields.values()])  # noqa: C419 - every field says
        self.policy_save.setEnabled(good)
        return good

    # --- saving ------------------------------------------------------------------------------

    def save_periods(self) -> None:
        if not self._check_periods():
            return
        months = {cls: f.box.value() for cls, f in self.periods.items()}
        try:
            lifecycle.set_disengagements(self.session, months)
        except DeskError as exc:
            self._say(self.periods_result, exc.message(self.lang), "error")
            return
        self._say(self.periods_result, self.tr("Disengagement periods saved."), "ok")

    def save_policy(self) -> None:
        if not self._check_policy():
            return
        values = {name: f.box.value() for name, f in self.policy_fields.items()}
        policy: PasswordPolicy = replace(self.session.settings.policy, **values)
        try:
            account_admin.set_policy(self.session, policy)
        except DeskError as exc:
            self._say(self.policy_result, exc.message(self.lang), "error")
            return
        self._say(self.policy_result, self.tr("Password policy saved."), "ok")

    @staticmethod
    def _say(label: QLabel, text: str, role: str) -> None:
        label.setText(text)
        set_role(label, role)

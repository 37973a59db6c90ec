"""Classified carriers and equipment (涉密载体台账, 涉密信息设备; docs/carriers.md): the registers
``carriers`` and ``equipment`` (definitions under ``forms/registers/``), their lifecycle as events
(:mod:`.lifecycle`), personal holdings and the handover list (:mod:`.holdings`), stocktakes
(:mod:`.stocktake`), destruction packages (:mod:`.packages`) and their paper (:mod:`.papers`)."""

from collections.abc import Sequence

from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import Command, Deadline, Module, TabSpec, Title
from secrecy_desk.modules.carriers.rules import Ledger

ID = "carriers"
ID_REGISTER = "carriers"  # the register the home tab's lines open
TITLE = Title("涉密载体", "Carriers")
_GUI = "secrecy_desk.gui.carriers.tab"


def _tabs(forms: Forms, principal: Principal) -> Sequence[TabSpec]:
    """The carriers' and the equipment's register tabs (the generic ones, with the lifecycle
    actions on the selected rows: they take the place of the register module's tabs, same
    key) and the carrier desk: holdings, stocktakes, destruction packages."""
    out = [
        TabSpec(
            f"register:{s.id}", Title(s.title_zh, s.title_en), f"{_GUI}:open_carriers_tab", s.id
        )
        for s in forms.registers
        if s.id in ("carriers", "equipment") and principal.can(s.id, Action.VIEW)
    ]
    if out:
        out.append(TabSpec(ID, Title("载体管理", "Carrier desk"), f"{_GUI}:CarrierDeskTab"))
    return out


_COUNT = "secrecy_desk.modules.carriers.deadlines"


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    del forms
    return (
        Deadline("carriers:overdue", Title("借出外携未还", "Loans and take-outs out"), ID_REGISTER,
                 f"{_COUNT}:overdue"),
        Deadline("carriers:stocktakes", Title("清查未结束", "Stocktakes open"), ID_REGISTER,
                 f"{_COUNT}:open_stocktakes"),
        Deadline("carriers:packages", Title("销毁包待销毁", "Packages approved, not destroyed"),
                 ID_REGISTER, f"{_COUNT}:packages_to_execute"),
    )  # fmt: skip


MODULE = Module(
    id=ID,
    title=TITLE,
    audit_events=(
        "carrier.register",
        "carrier.issue",
        "carrier.lend",
        "carrier.return",
        "carrier.copy",
        "carrier.send",
        "carrier.receipt",
        "carrier.repair",
        "carrier.take_out",
        "carrier.withdraw",
        "carrier.destroy",
        "carrier.print",
        "stocktake.open",
        "stocktake.mark",
        "stocktake.close",
        "package.create",
        "package.change",
        "package.submit",
        "package.execute",
    ),
    rules=(Ledger(),),
    tabs=_tabs,
    deadlines=_deadlines,
    commands=(
        Command(
            "carriers", "classified carriers and equipment (涉密载体)", "secrecy_desk.cli.carriers"
        ),
    ),
)

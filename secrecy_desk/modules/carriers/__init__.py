"""Classified carriers and equipment (涉密载体台账, 涉密信息设备; docs/carriers.md): the registers
``carriers`` and ``equipment`` (definitions under ``forms/registers/``), their lifecycle as events
(:mod:`.lifecycle`), personal holdings and the handover list (:mod:`.holdings`), stocktakes
(:mod:`.stocktake`), destruction packages (:mod:`.packages`) and their paper (:mod:`.papers`)."""

from collections.abc import Sequence
from typing import Final

from secrecy_desk.core.roles import Action, Principal
from secrecy_desk.forms import Forms
from secrecy_desk.modules.base import (
    ATTENTION,
    Command,
    Deadline,
    EntryDeadline,
    Module,
    Paper,
    ReportSection,
    TabSpec,
    Title,
)
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
            f"register:{s.id}",
            Title(s.title_zh, s.title_en),
            f"{_GUI}:open_carriers_tab",
            s.id,
            group=s.group,
        )
        for s in forms.registers
        if s.id in ("carriers", "equipment") and principal.can(s.id, Action.VIEW)
    ]
    if out:
        out.append(
            TabSpec(
                ID, Title("载体管理", "Carrier desk"), f"{_GUI}:CarrierDeskTab", group="carriers"
            )
        )
    return out


_SAMPLES = "secrecy_desk.modules.carriers.samples"
#: The slip of an item's last step (:func:`.papers.slip`), by the step's kind.
SLIP_TITLES: Final = {
    "register": ("涉密载体登记单", "Carrier registration slip"),
    "issue": ("涉密载体签收单", "Carrier issue slip"),
    "lend": ("涉密载体借阅单", "Carrier loan slip"),
    "return": ("涉密载体归还单", "Carrier return slip"),
    "send": ("涉密载体发送单", "Carrier dispatch slip"),
    "repair": ("涉密设备送修单", "Repair slip"),
    "take_out": ("涉密载体外携单", "Take-out slip"),
}


def _papers(forms: Forms) -> Sequence[Paper]:
    """Every paper of :mod:`.papers`: the slip of each step, the receive-and-send book, the
    distribution list, the handover list, the discrepancy report, the destruction list and
    record."""
    del forms
    slips = [
        Paper(f"carrier.slip.{kind}", Title(*title), f"{_SAMPLES}:sample_slip", kind)
        for kind, title in SLIP_TITLES.items()
    ]
    return [
        *slips,
        Paper(
            "carrier.book",
            Title("收发文登记簿", "Book of documents received and sent"),
            f"{_SAMPLES}:sample_book",
        ),
        Paper(
            "carrier.distribution",
            Title("涉密文件分发表", "Distribution list"),
            f"{_SAMPLES}:sample_distribution",
        ),
        Paper(
            "carrier.handover",
            Title("涉密载体及设备移交清单", "Handover list"),
            f"{_SAMPLES}:sample_handover",
        ),
        Paper(
            "carrier.discrepancy",
            Title("涉密载体清查差异报告", "Stocktake discrepancy report"),
            f"{_SAMPLES}:sample_discrepancy",
        ),
        Paper(
            "carrier.destruction_list",
            Title("涉密载体销毁清单", "Destruction list"),
            f"{_SAMPLES}:sample_destruction_list",
        ),
        Paper(
            "carrier.destruction_record",
            Title("涉密载体销毁记录", "Destruction record"),
            f"{_SAMPLES}:sample_destruction_record",
        ),
    ]


_COUNT = "secrecy_desk.modules.carriers.deadlines"
_FIGURES = "secrecy_desk.modules.carriers.figures"


def _deadlines(forms: Forms) -> Sequence[Deadline]:
    """Loans and take-outs past their due date (an item's due date is set only while it is
    lent or taken out), open stocktakes, approved packages not yet destroyed."""
    out = [
        Deadline(
            f"{register}.overdue",
            Title(title_zh, title_en),
            register,
            entries=EntryDeadline(register, when="{due_on} IS NOT NULL", day="{due_on}", end=0),
        )
        for register, title_zh, title_en in (
            ("carriers", "载体借出外携逾期", "Carriers overdue"),
            ("equipment", "设备借出外携逾期", "Equipment overdue"),
        )
        if register in forms
    ]
    out += [
        Deadline(
            "carriers.stocktakes",
            Title("清查未结束", "Stocktakes open"),
            ID_REGISTER,
            count=f"{_COUNT}:open_stocktakes",
            tab=ID,
            severity=ATTENTION,
        ),
        Deadline(
            "carriers.packages",
            Title("销毁包已批准待销毁", "Packages approved, not yet destroyed"),
            ID_REGISTER,
            count=f"{_COUNT}:packages_to_execute",
            tab=ID,
            severity=ATTENTION,
        ),
    ]
    return out


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
    stocktake_figures="secrecy_desk.modules.carriers.stocktake:match_rate_of",
    papers=_papers,
    report_sections=(
        ReportSection(
            "carriers",
            Title("涉密载体与设备", "Carriers and equipment"),
            f"{_FIGURES}:carrier_figures",
            order=450,
        ),
        ReportSection(
            "stocktakes",
            Title("载体清查", "Stocktakes"),
            f"{_FIGURES}:stocktake_figures",
            order=460,
        ),
        ReportSection(
            "destruction",
            Title("载体销毁", "Destruction"),
            f"{_FIGURES}:destruction_figures",
            order=470,
        ),
    ),
    commands=(
        Command(
            "carriers", "classified carriers and equipment (涉密载体)", "secrecy_desk.cli.carriers"
        ),
    ),
)

"""Classified carriers and equipment (涉密载体台账, 涉密信息设备; docs/carriers.md): the registers
``carriers`` and ``equipment`` (definitions under ``forms/registers/``), their lifecycle as events
(:mod:`.lifecycle`), personal holdings and the handover list (:mod:`.holdings`), stocktakes
(:mod:`.stocktake`), destruction packages (:mod:`.packages`) and their paper (:mod:`.papers`)."""

from secrecy_desk.modules.base import Command, Module, Title
from secrecy_desk.modules.carriers.rules import Ledger

ID = "carriers"
TITLE = Title("涉密载体", "Carriers")

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
    commands=(
        Command(
            "carriers", "classified carriers and equipment (涉密载体)", "secrecy_desk.cli.carriers"
        ),
    ),
)

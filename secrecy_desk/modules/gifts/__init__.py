"""Gifts handed in (礼品礼金登记, S7): the register is ``forms/registers/gifts.toml``; the code
here is its hand-in and disposal rule (:mod:`.rules`) and the half-yearly summary per department
(:mod:`.summary`, printed by ``secrecy-desk-admin office gifts-summary``)."""

from secrecy_desk.modules.base import Module, Title
from secrecy_desk.modules.gifts.rules import HandIn

MODULE = Module(
    id="gifts",
    title=Title("礼品礼金", "Gifts"),
    audit_events=("gifts.summary_print",),
    rules=(HandIn(),),
)

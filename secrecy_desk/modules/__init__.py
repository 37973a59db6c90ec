"""Per-domain rules that a form definition cannot express, registered in one static list.

A form names the rules it uses (``rules = ["gifts.hand_in"]``); :data:`RULES` maps each id to
its code. Nothing is ever loaded from a user-chosen path.
"""

from secrecy_desk.modules.base import Flag, Notice, Rule, RuleContext
from secrecy_desk.modules.registry import RULES, rules_for

__all__ = ["RULES", "Flag", "Notice", "Rule", "RuleContext", "rules_for"]

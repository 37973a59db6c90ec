"""Secrecy Desk (保密台账工作站): the secrecy office's registers on an offline workstation."""

__version__ = "0.1.0"

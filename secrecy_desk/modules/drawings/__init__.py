"""Drawings issued and recalled (图纸发放回收, S6 drawings 2): the register is
``forms/registers/drawings.toml``; the code here is its recall rule."""

from secrecy_desk.modules.base import Module, Title
from secrecy_desk.modules.drawings.rules import Recall

MODULE = Module(id="drawings", title=Title("图纸发放回收", "Drawings"), rules=(Recall(),))

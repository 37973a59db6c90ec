"""The print register (打印登记, S4 §15; S6 §28): every print and PDF export the program makes,
with its verification code. The kernel writes it (:mod:`secrecy_desk.records.printing`) and
checks codes against the module that owns the printed object (:mod:`secrecy_desk.records.codes`);
people only read it (its register tab) and verify codes (``print verify``, the verify dialog)."""

from secrecy_desk.modules.base import Command, Module, Title

MODULE = Module(
    id="prints",
    title=Title("打印登记", "Print register"),
    audit_events=("print.export", "print.verify"),
    commands=(
        Command(
            "print",
            "print an entry or a list to a PDF file; or verify a code",
            "secrecy_desk.cli.prints",
        ),
    ),
)

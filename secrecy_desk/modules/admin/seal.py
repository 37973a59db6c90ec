"""The seal record (审计日志封存记录): the sealed head of the audit chain on paper, for the
archive — which record was sealed, its hash, when and by whom, the signature's key, and the
lines where the auditor and the secrecy officer sign. Printed by the auditor through the one
print operation (recorded in the print register, marked 内部)."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from secrecy_desk.core.clock import local_text
from secrecy_desk.core.errors import ValidationError
from secrecy_desk.core.i18n import QT_TRANSLATE_NOOP
from secrecy_desk.core.levels import Level
from secrecy_desk.core.roles import Role
from secrecy_desk.modules.base import Samples
from secrecy_desk.printing import FieldRow, FormDocument, SignatureBlock
from secrecy_desk.records.printing import PrintDocument, PrintJob, person_name
from secrecy_desk.vault import audit_review, crypto
from secrecy_desk.vault.audit_chain import Seal
from secrecy_desk.vault.session import Session

TITLE: Final = "审计日志封存记录"
ACTION: Final = "audit.seal.print"
#: What the record says it is for and how it is checked.
_PURPOSE: Final = (
    "本记录载明安全审计员对审计日志的封存：封存时日志最后一条记录的序号及其哈希值，"
    "由安全审计员的封存密钥签名。核对时，在程序“审计日志”中执行“校验”，"
    "并比对本记录所载序号与哈希值；二者一致，说明该序号及以前的审计记录未被改动。"
)


def _hex_lines(data: bytes) -> str:
    """A hash as hex in groups of eight, as it is read aloud and compared."""
    text = data.hex()
    return " ".join(text[i : i + 8] for i in range(0, len(text), 8))


def latest_seal(session: Session) -> Seal:
    """The newest seal of the trail (the auditor's view); refused when there is none."""
    session.principal.require_role(Role.AUDITOR)
    made = audit_review.seals(session)
    if not made:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The audit trail has not been sealed yet; seal it first, then print."
            )
        )
    return made[-1]


def seal_job(session: Session, seal: Seal | None = None) -> PrintJob:
    """The seal record of ``seal`` (the newest when ``None``) as a print job."""
    session.principal.require_role(Role.AUDITOR)
    seal = seal or latest_seal(session)
    fields = (
        FieldRow("单位", session.settings.unit, span=2),
        FieldRow("封存编号", str(seal.id)),
        FieldRow("封存至记录序号", str(seal.seq)),
        FieldRow("封存时间", local_text(seal.at, seconds=True)),
        FieldRow("封存人", person_name(session, seal.account)),
        FieldRow("链头哈希值（SHA-256）", _hex_lines(seal.hash), span=2, min_lines=2),
        FieldRow("签名公钥指纹", _hex_lines(crypto.sha256(seal.public)[:16]), span=2),
    )
    layout = FormDocument(
        title=TITLE,
        fields=fields,
        paragraphs=(_PURPOSE,),
        signatures=(
            SignatureBlock("安全审计员", name=person_name(session, seal.account)),
            SignatureBlock("保密工作机构负责人"),
        ),
    )
    doc = PrintDocument(
        layout,
        obj=f"seal:{seal.id}",
        revision=1,
        number=f"SJFC-{seal.id:04d}",
        level=Level.INTERNAL,
        term=None,
    )
    return PrintJob((doc,), ACTION, f"seal:{seal.id}", details={"seq": seal.seq})


def sample(samples: Samples, argument: str | None) -> PrintJob:
    """The demo's seal record (sealing the trail first when the demo has no seal)."""
    del argument
    session = samples.session(Role.AUDITOR)
    if not audit_review.seals(session):
        audit_review.seal(session)
    # The chain's hashes and the seal key are the demo vault's own random keys: the sample
    # prints fixed bytes in their place, so the same sample prints the same page.
    seal = replace(
        latest_seal(session),
        hash=crypto.sha256(b"sample chain head"),
        public=crypto.sha256(b"sample seal key"),
    )
    return seal_job(session, seal)

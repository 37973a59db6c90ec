"""Classification review (定密管理, issue 13 item 8): a level goes down only through a recorded
decision, never through a plain edit; the review queue; decisions and their paper."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from secrecy_desk.core.errors import ConflictError, PermissionDenied
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.forms import FORMS_ROOT, EntryInvalid, load_all
from secrecy_desk.modules.classification import review
from secrecy_desk.modules.registers import Query, Registers
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.records.review import REVIEW_DUE
from tests.support.data import audit_rows, drawing
from tests.support.vault import CLERK, OFFICER, VaultEnv


@contextmanager
def _as(vault_env: VaultEnv, login: str) -> Iterator[Registers]:
    session = vault_env.login(login)
    try:
        yield vault_env.registers(session)
    finally:
        session.logout()


def test_a_plain_edit_cannot_lower_the_level(vault_env: VaultEnv) -> None:
    """The finding: a 机密 drawing edited to 一般 became visible to a 秘密-cleared clerk and
    printed as 内部."""
    with _as(vault_env, OFFICER) as regs:
        secret = regs.add("drawings", drawing(level="机密")).entry
        with pytest.raises(EntryInvalid) as refused:
            regs.edit("drawings", secret.number, {"level": "一般"}, expected_revision=1)
        assert [p.field for p in refused.value.problems] == ["level"]
        assert "classification review" in refused.value.problems[0].line("en")
        kept = regs.get("drawings", secret.number, record_view=False)
        assert kept.level is Level.SECRET
        assert kept.revision == 1
        # Raising a level by edit stays allowed: it only protects more.
        low = regs.add("drawings", drawing(drawing_no="XX-2026-099", level="一般")).entry
        raised = regs.edit("drawings", low.number, {"level": "机密"}, expected_revision=1).entry
        assert raised.level is Level.SECRET
    with _as(vault_env, CLERK) as clerk_regs:
        assert clerk_regs.count("drawings", Query()) == 0, "both out of the clerk's sight"


def test_the_queue_lists_terms_ending_and_a_decision_declassifies(vault_env: VaultEnv) -> None:
    with _as(vault_env, OFFICER) as regs:
        soon = regs.add("drawings", drawing(level="机密", term="2026-04-30")).entry
        later = regs.add("drawings", drawing(drawing_no="XX-2026-040", term="2027-12-31")).entry
        regs.add("drawings", drawing(drawing_no="XX-2026-041", level="一般"))
        due = review.queue(regs, within=90)
        assert [(d.register, d.number, d.ends_on) for d in due] == [
            ("drawings", soon.number, date(2026, 4, 30))
        ]
        assert [d.number for d in review.queue(regs, within=700)] == [soon.number, later.number]
        flags = regs.get("drawings", soon.number, record_view=False).flags
        assert [(f.kind, f.problem.code) for f in flags] == [("attention", REVIEW_DUE)]

        with pytest.raises(EntryInvalid) as refused:
            review.decide(
                regs, "drawings", soon.number, decision="解密", basis=" ", approver="李总"
            )
        assert [p.field for p in refused.value.problems] == ["basis"]
        assert regs.get("drawings", soon.number, record_view=False).revision == 1

        done = review.decide(
            regs,
            "drawings",
            soon.number,
            decision="解密",
            basis="产品已定型公开，依据定密审查会议纪要第3号。",
            approver="李总",
        )
        assert done.target.level is Level.INTERNAL
        assert done.target.term is None
        assert done.target.display(regs.spec("drawings"), "level", "zh_CN") == "一般"
        assert done.decision.level is Level.SECRET, "the decision is at the level it decided"
        assert done.decision.values["decision"] == "declassify"
        assert done.decision.values["new_level"] is Level.INTERNAL
        assert done.decision.values["subject"] == "XX-2026-031 总装图"
        history = regs.history("drawings", soon.number)
        assert history[-1].note == f"classification_reviews:{done.decision.number}"
        assert [d.number for d in review.queue(regs, within=90)] == []
        (record,) = audit_rows(regs.session, "classification.decide")
        assert record.details["decision"] == done.decision.number

        # The decision register is the program's: no entry by hand, and a forged decision
        # number does not open the door.
        with pytest.raises(PermissionDenied):
            regs.add("classification_reviews", {"target_number": soon.number})
        with pytest.raises(EntryInvalid):
            regs.edit(
                "drawings", later.number, {"level": "一般"}, expected_revision=1,
                decision=done.decision.number,
            )  # fmt: skip
    with _as(vault_env, CLERK) as clerk_regs:
        assert [e.number for e in clerk_regs.page("drawings", Query())] == [
            "TZFS-2026-0003",
            soon.number,
        ]
        with pytest.raises(PermissionDenied):
            review.decide(clerk_regs, "drawings", "TZFS-2026-0003", decision="解密", basis="x",
                          approver="李总")  # fmt: skip


def test_extend_and_change_level(vault_env: VaultEnv) -> None:
    with _as(vault_env, OFFICER) as regs:
        a = regs.add("drawings", drawing(level="机密", term="2026-04-30")).entry
        with pytest.raises(EntryInvalid) as refused:
            review.decide(regs, "drawings", a.number, decision="延长保密期限", basis="仍需保密",
                          approver="李总")  # fmt: skip
        assert [p.field for p in refused.value.problems] == ["new_term"]
        with pytest.raises(EntryInvalid) as refused:
            review.decide(regs, "drawings", a.number, decision="延期", basis="仍需保密",
                          approver="李总", new_term="2020-01-01")  # fmt: skip
        assert [p.field for p in refused.value.problems] == ["new_term"]
        extended = review.decide(
            regs, "drawings", a.number, decision="延期", basis="型号仍在研", approver="李总",
            new_term="5年",
        ).target  # fmt: skip
        assert extended.level is Level.SECRET
        assert extended.term == Term.of_years(5)
        assert review.queue(regs) == []
        with pytest.raises(EntryInvalid) as refused:
            review.decide(regs, "drawings", a.number, decision="变更密级", basis="x",
                          approver="李总", new_level="机密")  # fmt: skip
        assert [p.field for p in refused.value.problems] == ["new_level"]
        lowered = review.decide(
            regs, "drawings", a.number, decision="变更密级", basis="降为一般", approver="李总",
            new_level="一般",
        ).target  # fmt: skip
        assert lowered.level is Level.INTERNAL
        assert regs.count("classification_reviews", Query()) == 2


def test_the_command_line_lists_the_queue_and_records_a_decision(vault_env: VaultEnv) -> None:
    add = vault_env.cli_as(
        OFFICER,
        ["entries", "add", "--register", "drawings", "--set", "drawing_no=XX-1",
         "--set", "drawing_name=总装图", "--set", "level=机密", "--set", "receiver=张伟",
         "--set", "copies=1", "--set", "term=2026-04-30"],
    )  # fmt: skip
    assert add.code == 0, add.err
    plain = vault_env.cli_as(
        OFFICER,
        ["entries", "edit", "--register", "drawings", "--entry", "TZFS-2026-0001",
         "--set", "level=一般", "--set", "term=", "--revision", "1"],
    )  # fmt: skip
    assert plain.code == 1
    assert "Traceback" not in plain.err
    assert "classification review decision" in plain.err
    queue = vault_env.cli_as(OFFICER, ["review", "queue"])
    assert queue.code == 0, queue.err
    assert "TZFS-2026-0001" in queue.out
    assert "2026-04-30" in queue.out
    decided = vault_env.cli_as(
        OFFICER,
        ["review", "decide", "--register", "drawings", "--entry", "TZFS-2026-0001",
         "--decision", "解密", "--basis", "产品定型公开", "--approver", "李总"],
        lang="zh_CN",
    )  # fmt: skip
    assert decided.code == 0, decided.err
    assert "DM-2026-0001" in decided.out
    assert "一般" in decided.out
    empty = vault_env.cli_as(OFFICER, ["review", "queue"])
    assert "No secrecy term ends within 90 days." in empty.out
    printed = vault_env.cli_as(
        OFFICER,
        ["print", "--register", "classification_reviews", "--entry", "DM-2026-0001",
         "--to", str(vault_env.folder.parent / "decision.pdf")],
    )  # fmt: skip
    assert printed.code == 0, printed.err


def test_a_storage_medium_keeps_its_handling_level(
    vault_env: VaultEnv, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Whatever the content's decision, a carrier is handled at its level until destroyed."""
    root = tmp_path_factory.mktemp("forms")
    shutil.copytree(FORMS_ROOT, root, dirs_exist_ok=True)
    text = (FORMS_ROOT / "registers" / "drawings.toml").read_text(encoding="utf-8")
    text = text.replace('id = "drawings"', 'id = "carriers"').replace("TZFS-", "ZT-")
    (root / "registers" / "carriers.toml").write_text(text, encoding="utf-8")
    forms = load_all(root)
    session = vault_env.login(OFFICER)
    try:
        regs = open_registers(session, forms)
        disk = regs.add("carriers", drawing(level="机密", term="2026-04-30")).entry
        done = review.decide(
            regs, "carriers", disk.number, decision="解密", basis="内容已解密", approver="李总"
        )
        assert done.decision.values["handling_kept"] is True
        assert done.decision.values["decision"] == "declassify"
        assert done.target.level is Level.SECRET
        assert done.target.term == Term(TermKind.LONG_TERM)
        assert review.queue(regs) == []
    finally:
        session.logout()


def test_a_decision_on_an_entry_saved_since_is_refused(vault_env: VaultEnv) -> None:
    with _as(vault_env, OFFICER) as regs:
        e = regs.add("drawings", drawing(level="机密", term="2026-04-30")).entry
        regs.edit("drawings", e.number, {"copies": "3"}, expected_revision=1)
        with pytest.raises(ConflictError):
            review.decide(
                regs, "drawings", e.number, decision="解密", basis="x", approver="李总",
                expected_revision=1,
            )  # fmt: skip
        assert regs.count("classification_reviews", Query()) == 0
        assert regs.get("drawings", e.number, record_view=False).level is Level.SECRET

"""Sample entries for the demo vault: a few hundred realistic rows in the personnel, drawing and
gift registers, all dated relative to the clock so the demo always has something overdue.

Everything goes through the register engine as a secrecy officer would enter it (validators,
module rules, audit records), in one transaction per register. The data is fictitious but
well formed: resident ID numbers carry correct check characters and agree with the gender;
two pairs of people deliberately share a phone number (confirmed, as S8 §7 requires).

The demo workstation is rated 机密, so there are no 绝密 drawings (the engine refuses any record
above the rating); the drawings that must come back are 机密 ones marked 须回收.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Final

from secrecy_desk.core.idcard import check_char
from secrecy_desk.forms import Forms, load_all
from secrecy_desk.modules.registers import Query
from secrecy_desk.modules.registry import open_registers
from secrecy_desk.vault.session import Session

SURNAMES: Final = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁"
    "邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
MALE_GIVEN: Final = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "建国", "志强",
    "海涛", "晓东", "文博", "浩然", "子轩", "国栋", "振华", "立新", "宏伟",
)  # fmt: skip
FEMALE_GIVEN: Final = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "秀英", "桂英",
    "晓燕", "欣怡", "雨欣", "思琪", "丽华", "淑珍", "海燕", "春梅", "佳怡", "梦瑶",
)  # fmt: skip
DEPARTMENTS: Final = ("一室", "二室", "三室", "总体部", "质量处", "科技处", "保密办", "档案室")
POSTS: Final = {
    "一室": ("设计员", "主任设计师", "室主任"),
    "二室": ("设计员", "工艺员", "室主任"),
    "三室": ("试验员", "设计员", "副主任"),
    "总体部": ("总体设计师", "副总师", "部长"),
    "质量处": ("质量工程师", "检验员", "处长"),
    "科技处": ("科技管理员", "处长"),
    "保密办": ("保密员", "保密办主任"),
    "档案室": ("档案管理员",),
}
#: Region codes of the ID numbers: districts of Beijing, Xi'an, Chengdu, Nanjing, Wuhan…
REGIONS: Final = ("110108", "110105", "610113", "510107", "320106", "420111", "230103", "440305")
DRAWING_TITLES: Final = (
    "总装图", "电路原理图", "结构图", "零件图", "部件装配图", "液压系统原理图", "总体布置图",
    "控制单元接线图", "试验台架装配图", "线缆连接图", "外形安装图", "热控布局图",
)  # fmt: skip
PROJECTS: Final = ("XX", "ZT", "HK", "JG", "DY")
GIVER_UNITS: Final = (
    "某协作单位", "某供应商", "某设计院", "某大学", "某试验基地", "某贸易公司", "兄弟单位",
)  # fmt: skip


def resident_id(rng: random.Random, birth: date, *, female: bool) -> str:
    """A well-formed resident ID number: region, birth date, serial (odd for a man, even for
    a woman in the 17th digit) and the GB 11643 check character."""
    serial = rng.randint(0, 99)
    gender_digit = rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
    first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{serial:02d}{gender_digit}"
    return first17 + check_char(first17)


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        number = f"1{rng.choice('3578')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
        if number not in used:
            used.add(number)
            return number


def _people(rng: random.Random, today: date, count: int) -> list[dict[str, str]]:
    names: set[str] = set()
    phones: set[str] = set()
    out: list[dict[str, str]] = []
    while len(out) < count:
        female = rng.random() < 0.45
        name = rng.choice(SURNAMES) + rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        if name in names:
            continue
        names.add(name)
        dept = rng.choice(DEPARTMENTS)
        person_class = rng.choices(("核心", "重要", "一般"), weights=(2, 4, 5))[0]
        birth = today - timedelta(days=rng.randint(23 * 365, 58 * 365))
        out.append(
            {
                "name": name,
                "gender": "女" if female else "男",
                "id_number": resident_id(rng, birth, female=female),
                "department": dept,
                "post": rng.choice(POSTS[dept]),
                "person_class": person_class,
                "access_level": {"核心": "机密", "重要": "机密", "一般": "秘密"}[person_class],
                "phone": _mobile(rng, phones),
                "remarks": "",
            }
        )
    # Two pairs of people share a phone number (e.g. a family landline typed as a mobile):
    # the engine asks for confirmation and records it.
    out[7]["phone"] = out[3]["phone"]
    out[21]["phone"] = out[12]["phone"]
    out[7]["remarks"] = f"联系电话与{out[3]['name']}相同，已核实为夫妻共用。"
    out[21]["remarks"] = f"联系电话与{out[12]['name']}相同，已核实。"
    return out


def _drawings(
    rng: random.Random, today: date, receivers: list[str], count: int
) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    issued_to: set[tuple[str, str]] = set()
    n = 0
    while len(out) < count:
        n += 1
        issued = today - timedelta(days=rng.randint(0, 400))
        project = rng.choice(PROJECTS)
        drawing_no = f"{project}-{issued.year}-{rng.randint(1, 120):03d}"
        receiver = rng.choice(receivers)
        if (drawing_no, receiver) in issued_to:
            continue  # the same drawing to the same person: only after recall (see below)
        issued_to.add((drawing_no, receiver))
        secret = rng.random() < 0.45
        row = {
            "drawing_no": drawing_no,
            "drawing_name": rng.choice(DRAWING_TITLES),
            "copies": str(rng.choice((1, 1, 1, 2, 2, 3, 5))),
            "level": "机密" if secret else "一般",
            "receiver": receiver,
            "issued_on": issued.isoformat(),
            "remarks": rng.choice(("", "", "", "外协加工", "试验用", "评审用", "归档前借阅")),
        }
        if secret and rng.random() < 0.6:
            due = issued + timedelta(days=rng.choice((14, 30, 60, 90)))
            row["must_recall"] = "是"
            row["due_on"] = due.isoformat()
            back = rng.random() < (0.85 if due < today else 0.3)
            if back:
                on = min(today, issued + timedelta(days=rng.randint(1, (due - issued).days + 10)))
                row["recalled"] = "是"
                row["recalled_on"] = on.isoformat()
                row["recalled_by"] = "李明"
        elif rng.random() < 0.4:
            row["recalled"] = "是"
            row["recalled_on"] = min(today, issued + timedelta(days=rng.randint(1, 60))).isoformat()
            row["recalled_by"] = "王芳"
        out.append(row)
    # Make sure a few are overdue whatever the random draw: 机密, must come back, past due.
    for i, row in enumerate(out[:4]):
        issued = today - timedelta(days=40 + 9 * i)
        row.update(
            level="机密",
            issued_on=issued.isoformat(),
            must_recall="是",
            due_on=(issued + timedelta(days=30)).isoformat(),
            recalled="否",
            recalled_on="",
            recalled_by="",
            remarks="逾期未还，已电话催收",
        )
    # One lost drawing, with its loss recorded and the holder told in writing.
    lost = out[4]
    issued = today - timedelta(days=120)
    lost.update(
        level="机密",
        issued_on=issued.isoformat(),
        must_recall="是",
        due_on=(issued + timedelta(days=30)).isoformat(),
        recalled="否",
        recalled_on="",
        recalled_by="",
        lost="是",
        loss_recorded_on=(issued + timedelta(days=35)).isoformat(),
        loss_note="出差途中遗失，已报保密办并书面告知原图作废；补发新图另行登记。",
        remarks="遗失",
    )
    return out


def _gifts(
    rng: random.Random, today: date, people: list[dict[str, str]], count: int
) -> list[dict[str, str]]:
    kinds = (
        ("礼品", ("茶叶一盒", "纪念品", "工艺摆件", "字画一幅", "电子产品", "土特产", "酒两瓶")),
        ("礼金", ("红包", "礼金", "慰问金")),
        ("购物卡", ("购物卡", "加油卡", "商场储值卡")),
        ("代币券", ("提货券", "电影票", "飞机票")),
        ("有价证券", ("股票", "债券")),
        ("旅游", ("旅游资格（三日游）", "疗养名额")),
        ("其他", ("会员资格", "体检卡")),
    )
    out: list[dict[str, str]] = []
    for i in range(count):
        kind, names = kinds[i % len(kinds)] if i < len(kinds) * 2 else rng.choice(kinds)
        who = rng.choice(people)
        received = today - timedelta(days=rng.randint(0, 300))
        if kind == "礼品":
            value = rng.choice((80, 150, 200, 300, 450, 499, 500, 680, 800, 1200, 2600))
        elif kind == "礼金":
            value = rng.choice((100, 200, 500, 600, 1000, 2000))
        else:
            value = rng.choice((100, 200, 300, 500, 1000, 3000))
        row = {
            "recipient": who["name"],
            "department": who["department"],
            "kind": kind,
            "description": rng.choice(names),
            "quantity": str(rng.choice((1, 1, 1, 2))),
            "value": f"{value}.{rng.choice(('00', '00', '50', '80'))}",
            "giver": rng.choice(SURNAMES) + rng.choice(MALE_GIVEN + FEMALE_GIVEN),
            "giver_unit": rng.choice(GIVER_UNITS),
            "occasion": rng.choice(("节日走访", "项目验收", "技术交流", "会议", "来访")),
            "received_on": received.isoformat(),
        }
        must = kind != "礼品" or value >= 500
        if kind == "旅游" and rng.random() < 0.3:
            row["given_to"] = "集体"
            row["disposition"] = "由受礼单位研究处理"
            must = False
        elif not must:
            row["disposition"] = "登记后由受礼人处理"
        else:
            lateness = rng.random()
            age = (today - received).days
            if age > 10 and lateness < 0.12:
                handed = received + timedelta(days=rng.randint(8, min(age, 20)))
                row["late_reason"] = "出差在外，返回单位后即上交。"
            else:
                handed = received + timedelta(days=rng.randint(0, min(age, 6)))
            row["handed_in_on"] = handed.isoformat()
            row["handler"] = rng.choice(("财务处 孙丽", "财务处 周敏"))
            row["disposition"] = {"礼金": "上交财务保管", "有价证券": "上交财务保管"}.get(
                kind, rng.choice(("上交财务保管", "委托兑现", "用于接待、慰问", "留作单位资产"))
            )
            row["approver"] = "财务处长 刘强"
        out.append(row)
    # A few must be handed in and are not, well past the week: they show as overdue.
    for j, days in enumerate((9, 15, 26)):
        row = out[-1 - j]
        row.update(
            kind="礼金" if j != 1 else "购物卡",
            description="红包" if j != 1 else "购物卡",
            value="1000.00",
            received_on=(today - timedelta(days=days)).isoformat(),
            handed_in_on="",
            late_reason="",
            handler="",
            disposition="",
            approver="",
        )
    return out


def fill_registers(
    session: Session, *, forms: Forms | None = None, seed: int = 20260302
) -> dict[str, int]:
    """Add the sample entries as ``session`` (a secrecy officer cleared for 机密); returns how
    many entries each register got."""
    rng = random.Random(seed)  # noqa: S311 - reproducible sample data, nothing secret
    today = session.clock.today()
    regs = open_registers(session, forms or load_all())
    people = _people(rng, today, 80)
    numbers = regs.add_many("personnel", people, source="demo", confirm=True)
    # Most are in post; some are still under review, some in their disengagement period.
    for number, status in zip(numbers, _statuses(rng, len(numbers)), strict=True):
        if status != "上岗审查":
            regs.edit("personnel", number, {}, expected_revision=1, status=status)
    receivers = [p["name"] for p in people]
    drawings = _drawings(rng, today, receivers, 150)
    drawing_numbers = regs.add_many("drawings", drawings, source="demo")
    # The lost drawing is issued again to the same person, replacing the lost copy.
    lost = drawings[4]
    regs.add(
        "drawings",
        {
            **{k: v for k, v in lost.items() if k in ("drawing_no", "drawing_name", "receiver")},
            "copies": "1",
            "level": "机密",
            "issued_on": (today - timedelta(days=80)).isoformat(),
            "recalled": "是",
            "recalled_on": (today - timedelta(days=60)).isoformat(),
            "recalled_by": "李明",
            "must_recall": "是",
            "due_on": (today - timedelta(days=50)).isoformat(),
            "replaces": drawing_numbers[4],
            "remarks": "补发，原图遗失",
        },
    )
    gifts = _gifts(rng, today, people, 120)
    regs.add_many("gifts", gifts, source="demo")
    return {spec.id: regs.count(spec.id, Query()) for spec in regs.visible_registers()}


def _statuses(rng: random.Random, n: int) -> list[str]:
    out = rng.choices(("在岗", "上岗审查", "离岗·脱密期", "解脱"), weights=(30, 3, 3, 1), k=n)
    out[:3] = ["在岗", "上岗审查", "离岗·脱密期"]
    return out


def fill_commitments(session: Session, *, forms: Forms | None = None) -> int:
    """As the secrecy officer: on-boarding commitments for one department, printed in one
    batch, half of them signed and archived (so the tab shows every stage)."""
    from secrecy_desk.modules.commitments.flow import Commitments  # noqa: PLC0415 - demo only

    regs = open_registers(session, forms or load_all())
    commitments = Commitments(regs)
    departments = sorted({str(p.values.get("department")) for p in commitments.people()})
    people = [p.number for p in commitments.people(department=departments[0])][:8]
    made = commitments.generate("onboarding", people, confirm=True)  # a mixed department
    numbers = [c.number for c in made]
    commitments.print_batch(numbers, printer="演示打印机（保密室）")
    signed_on = session.clock.today()
    for number in numbers[: len(numbers) // 2]:
        commitments.record_signature(
            number,
            signed_on=signed_on,
            witness="李明",
            personnel_copy="人事处档案柜A-3",
            secrecy_copy="保密办档案柜B-1",
        )
    return len(numbers)


def fill_approvals(clerk: Session, *, leader: str, forms: Forms | None = None) -> list[str]:
    """As a clerk: two requests submitted and waiting (a classified document print decided by
    ``leader``, and a publication review)."""
    from secrecy_desk.modules.approvals.engine import Approvals  # noqa: PLC0415 - demo only

    approvals = Approvals(clerk, forms or load_all())
    requests = [
        approvals.create(
            "document_print",
            {
                "title": "2027年度保密工作要点",
                "doc_number": "所保〔2026〕12号",
                "level": "秘密",
                "distribution": "各部门负责人、保密办",
                "copies": "12",
                "source_department": "保密办",
                "leader": leader,
            },
        ),
        approvals.create(
            "publication",
            {
                "title": "某材料的热处理工艺研究",
                "authors": "王芳、钱工",
                "department": "总体部",
                "kind": "学术论文",
                "outlet": "某学报",
                "summary": "公开文献可查的工艺参数对比",
                "no_secrets": "是",
            },
        ),
    ]
    return [approvals.submit(r.number).number for r in requests]

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
from secrecy_desk.modules.registers import Query, Registers
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
            row["voucher_no"] = f"PZ-{handed.year}-{len(out) + 1:03d}"
            row["disposition"] = {"礼金": "上交财务保管", "有价证券": "上交财务保管"}.get(
                kind, rng.choice(("上交财务保管", "委托兑现", "用于接待、慰问", "留作单位资产"))
            )
            if row["disposition"] != "上交财务保管":
                # Disposed of after the hand-in, approved and reviewed as S7 §9 names.
                disposed = min(today, handed + timedelta(days=rng.randint(3, 30)))
                row["disposed_on"] = disposed.isoformat()
                row["co_reviewer"] = "行政处长 陈刚"
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
            voucher_no="",
            disposition="",
            disposed_on="",
            co_reviewer="",
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
    _person_records(regs, numbers[:12], people[:12], today)
    return {spec.id: regs.count(spec.id, Query()) for spec in regs.visible_registers()}


def _person_records(
    regs: Registers, numbers: list[str], people: list[dict[str, str]], today: date
) -> None:
    """A few training, travel and trust-rating records, so every register has its paper."""
    courses = ("保密法律法规培训", "涉密载体管理培训", "保密岗位资格认证")
    training, travel, trust = [], [], []
    for i, (number, person) in enumerate(zip(numbers, people, strict=True)):
        issued = today - timedelta(days=30 + 20 * i)
        training.append(
            {
                "person": number,
                "name": person["name"],
                "kind": "岗位认证" if i % 3 == 2 else "保密培训",
                "course": courses[i % 3],
                "issued_on": issued.isoformat(),
                "valid_until": (issued + timedelta(days=365)).isoformat(),
                "certificate_no": f"BMPX-{issued.year}-{i + 1:03d}",
            }
        )
        if i % 2 == 0:
            depart = today - timedelta(days=40 + 9 * i)
            travel.append(
                {
                    "person": number,
                    "name": person["name"],
                    "purpose": "因公" if i % 4 == 0 else "因私",
                    "destination": ("德国 柏林", "新加坡", "法国 巴黎")[i % 3],
                    "depart_on": depart.isoformat(),
                    "return_on": (depart + timedelta(days=7)).isoformat(),
                    "briefed_on": (depart - timedelta(days=3)).isoformat(),
                }
            )
        if i % 3 == 0:
            trust.append(
                {
                    "person": number,
                    "name": person["name"],
                    "rated_on": (today - timedelta(days=60 + i)).isoformat(),
                    "score": str(92 - i),
                    "reason": "年度保密考核：遵守保密制度，无违规记录。",
                }
            )
    regs.add_many("training", training, source="demo")
    regs.add_many("travel", travel, source="demo")
    regs.add_many("trust", trust, source="demo")


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
    # One of every other kind, printed: yearly in post, departure (a person in the
    # disengagement period), foreign exchange and special work with the matter they concern.
    current = commitments.people()
    in_post = [p.number for p in current if p.status == "in_post" and p.number not in people]
    leaving = [p.number for p in current if p.status == "disengaging"]
    others = [
        commitments.generate("in_post", in_post[:1]),
        commitments.generate("departure", leaving[:1]),
        commitments.generate(
            "foreign_exchange", in_post[1:2], matter="赴德国参加某国际学术会议（2026年4月）"
        ),
        commitments.generate("special", in_post[2:3], matter="某型号总体方案论证专项工作"),
    ]
    extra = [c.number for made_now in others for c in made_now]
    commitments.print_batch(extra, printer="演示打印机（保密室）")
    return len(numbers) + len(extra)


def fill_approvals(clerk: Session, *, leader: str, forms: Forms | None = None) -> list[str]:
    """As a clerk: one request of every approval type, submitted and waiting (decisions are
    added by :func:`decide_approvals`)."""
    from secrecy_desk.modules.approvals.engine import Approvals  # noqa: PLC0415 - demo only

    today = clerk.clock.today()

    def day(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    approvals = Approvals(clerk, forms or load_all())
    samples: list[tuple[str, dict[str, str]]] = [
        (
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
        (
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
        (
            "drawing_copy",
            {
                "department": "保密办",
                "applicant_name": "王芳",
                "drawing_no": "DZ-2026-017",
                "drawing_name": "雷达天线支架总图",
                "material": "纸质图纸",
                "level": "一般",
                "copies": "2",
                "purpose": "外协加工需要",
                "recipient": "某机械加工厂",
                "outside_processing": "是",
                "agreement_signed": "是",
            },
        ),
        (
            "foreign_provision",
            {
                "department": "保密办",
                "handler": "王芳",
                "foreign_party": "某国某研究所 史密斯",
                "items": "某型设备接口说明",
                "level": "秘密",
                "carrier": "纸质文件1份",
                "way": "书面",
                "purpose": "合作协议约定",
                "provide_on": day(18),
                "measures": "已签保密协议",
            },
        ),
        (
            "foreign_visit",
            {
                "host_department": "保密办",
                "handler": "王芳",
                "visitors": "某公司代表团：施密特（总经理）、韦伯（工程师）、霍夫曼（翻译）",
                "nationality": "德国",
                "visitor_count": "3",
                "visit_from": day(8),
                "visit_to": day(9),
                "purpose": "商务洽谈",
                "reception_plan": "会议室洽谈，午餐后参观展厅",
                "scope": "民品展厅",
                "area": "一号楼会议室、展厅",
                "participants": "王芳、赵磊",
                "escort": "赵磊",
                "leader": leader,
            },
        ),
        (
            "exchange_personnel",
            {
                "name": "钱工",
                "gender": "男",
                "department": "保密办",
                "post": "高级工程师",
                "secret_grade": "重要",
                "destination": "法国",
                "mission": "参加国际学术会议",
                "depart_on": day(30),
                "return_on": day(37),
                "commitment_signed": "是",
                "reminded": "是",
            },
        ),
    ]
    requests = [approvals.create(form, values) for form, values in samples]
    return [approvals.submit(r.number).number for r in requests]


def decide_on_paper(officer: Session, *, forms: Forms | None = None) -> None:
    """The department head's signatures on paper, recorded by the secrecy officer: the
    demo's tables show each kind of step (on paper, in the program, still waiting)."""
    from secrecy_desk.modules.approvals.engine import (  # noqa: PLC0415 - demo only
        Approvals,
        Decision,
    )

    approvals = Approvals(officer, forms or load_all())
    numbers: dict[str, str] = {}  # the first request of each form (fill_approvals')
    for request in sorted(approvals.all(), key=lambda r: r.number):
        numbers.setdefault(request.form, request.number)
    for form, comment in (
        ("drawing_copy", "同意"),
        ("foreign_provision", "同意提供，已核对内容"),
        ("exchange_personnel", "同意"),
    ):
        approvals.record_paper(
            numbers[form],
            step=1,
            decision=Decision.APPROVE,
            signer="孙主任",
            signed_on=officer.clock.today(),
            comment=comment,
        )


def decide_in_program(approver: Session, password: str, *, forms: Forms | None = None) -> None:
    """The leader's electronic decisions on the steps that wait for them."""
    from secrecy_desk.modules.approvals.engine import (  # noqa: PLC0415 - demo only
        Approvals,
        Decision,
    )

    approvals = Approvals(approver, forms or load_all())
    numbers: dict[str, str] = {}  # the first request of each form (fill_approvals')
    for request in sorted(approvals.all(), key=lambda r: r.number):
        numbers.setdefault(request.form, request.number)
    for form, comment in (
        ("drawing_copy", "同意外协加工，加工完毕收回全部图纸。"),
        ("foreign_provision", "同意"),
        ("document_print", "同意印发"),
        ("foreign_visit", "同意接待，按方案执行"),
    ):
        request = approvals.get(numbers[form])
        approvals.decide(
            request.number,
            Decision.APPROVE,
            comment,
            password=password,
            expected_revision=request.revision,
        )


_CARRIER_TITLES: Final = (
    "某型号总体设计方案", "某系统试验大纲", "年度科研计划", "某部件图纸", "试验数据汇编",
    "技术状态评审报告", "某项目可行性论证报告", "质量问题归零报告", "保密工作检查通报",
    "某产品使用维护说明书", "专项经费预算", "研制总结报告",
)  # fmt: skip
_CARRIER_KINDS: Final = (
    ("纸质文件", 50), ("图纸", 12), ("光盘", 10), ("U盘", 8), ("移动硬盘", 4), ("硬盘", 3),
    ("磁带", 1),
)  # fmt: skip
_SOURCES: Final = ("上级机关", "总体单位", "兄弟研究所", "集团公司保密办")


def fill_carriers(session: Session, *, forms: Forms | None = None) -> str:
    """As the secrecy officer: a few hundred carriers and some equipment in a realistic mix —
    most issued to people, some lent (a few overdue), some sent, received documents among
    them, a finished stocktake of one cabinet with two items missing, and a destruction
    package waiting for the leader's approval. Returns the number of a copy request filed and
    submitted for one document (the approver decides it; :func:`fill_carrier_copies` then
    makes the copies)."""
    # Demo only: the carriers' engine is imported when a demo is made.
    from secrecy_desk.modules.approvals.engine import Approvals  # noqa: PLC0415
    from secrecy_desk.modules.carriers.lifecycle import Carriers  # noqa: PLC0415
    from secrecy_desk.modules.carriers.packages import Packages  # noqa: PLC0415
    from secrecy_desk.modules.carriers.stocktake import Stocktakes  # noqa: PLC0415

    rng = random.Random(12)  # noqa: S311 - sample data, not secrets
    forms = forms or load_all()
    desk = Carriers(open_registers(session, forms))
    regs = desk.registers
    today = session.clock.today()
    people = [
        p for p in regs.page("personnel", Query(limit=None)) if p.status in ("in_post", "review")
    ]
    kinds = [k for k, w in _CARRIER_KINDS for _ in range(w)]
    numbers: list[str] = []
    with session.operation():
        for index in range(300):
            kind = rng.choice(kinds)
            received = kind == "纸质文件" and rng.random() < 0.3
            raw = {
                "kind": kind,
                "title": rng.choice(_CARRIER_TITLES),
                "level": rng.choices(("机密", "秘密"), weights=(2, 5))[0],
                "origin": "收文" if received else "本单位制作",
                "department": rng.choice(DEPARTMENTS[:6]),
                "location": f"保密柜{rng.choice('ABC')}-{rng.randint(1, 6):02d}",
            }
            if received:
                raw["source"] = rng.choice(_SOURCES)
                raw["source_doc_no"] = f"{raw['source'][:2]}〔2026〕{index + 1}号"
            if kind in ("纸质文件", "图纸"):
                raw["pages"] = str(rng.randint(2, 180))
                raw["copy_no"] = str(rng.randint(1, 5))
            else:
                raw["serial_no"] = f"SN{rng.randint(10**7, 10**8 - 1)}"
                raw["capacity"] = rng.choice(("4.7GB", "32GB", "64GB", "1TB", "2TB"))
            numbers.append(desk.register("carriers", raw).number)
        equipment: list[str] = []
        models = (
            ("涉密计算机", "联想 M720"), ("涉密便携式计算机", "ThinkPad X1"),
            ("打印机", "HP M403"), ("复印机", "理光 MP2014"), ("扫描仪", "富士通 fi-7140"),
        )  # fmt: skip
        for index in range(30):
            kind, model = models[index % len(models)]
            equipment.append(
                desk.register(
                    "equipment",
                    {
                        "kind": kind,
                        "asset_no": f"ZC-2026-{index + 1:03d}",
                        "model": model,
                        "serials": f"主机 S{rng.randint(10**5, 10**6 - 1)}",
                        "level": rng.choice(("机密", "秘密")),
                        "department": rng.choice(DEPARTMENTS[:6]),
                        "location": f"{rng.randint(2, 5)}{rng.randint(1, 20):02d}室",
                        "in_service_on": (today - timedelta(days=rng.randint(30, 900))).isoformat(),
                    },
                ).number
            )
        issue_day = today - timedelta(days=60)
        for number in numbers[:200] + equipment[:24]:
            holder = rng.choice(people)
            desk.issue([number], holder.number, on_date=issue_day)
        for i, number in enumerate(numbers[200:230]):
            borrower = rng.choice(people)
            lent_on = today - timedelta(days=rng.randint(1, 20))
            due = (
                today - timedelta(days=3 + i)
                if i < 4
                else today + timedelta(days=rng.randint(1, 20))
            )
            desk.lend([number], borrower.number, due_on=max(due, lent_on), on_date=lent_on)
        for number in numbers[230:240]:
            desk.send(
                [number], recipient=rng.choice(_SOURCES), doc_no=f"所发〔2026〕{number[-3:]}号",
                on_date=today - timedelta(days=rng.randint(1, 40)),
            )  # fmt: skip
        desk.take_out(
            [equipment[24]], approved_by="所领导赵磊", destination="总体单位联试",
            due_on=today - timedelta(days=2), on_date=today - timedelta(days=9),
        )  # fmt: skip
        takes = Stocktakes(desk)
        cabinet = f"保密柜A-0{rng.randint(1, 3)}"
        take = takes.open("location", cabinet)
        listed = [line.number for line in takes.items(take.number, discrepancies_only=False)]
        for number in listed[2:]:
            takes.mark(take.number, number)
        takes.close(take.number)
        old = numbers[240:252]
        Packages(desk).submit(
            Packages(desk).create(old, reason="保密期限届满且无保存价值", method="shredding").number
        )
        copy = Approvals(session, forms).create(
            "carrier_copy",
            {
                "department": "总体部",
                "applicant_name": "李明",
                "carrier": numbers[0],
                "title": str(desk.item(numbers[0]).values.get("title")),
                "level": desk.item(numbers[0]).level.zh,
                "copies": "3",
                "purpose": "型号评审会使用",
                "recipient": "评审组",
            },
        )
        Approvals(session, forms).submit(copy.number)
    return copy.number


def fill_carrier_copies(session: Session, request: str, *, forms: Forms | None = None) -> list[str]:
    """As the secrecy officer, once ``request`` is approved: two copies made against it."""
    from secrecy_desk.modules.approvals.engine import Approvals  # noqa: PLC0415 - demo only
    from secrecy_desk.modules.carriers.lifecycle import Carriers  # noqa: PLC0415 - demo only

    forms = forms or load_all()
    original = str(Approvals(session, forms).get(request).values["carrier"])
    desk = Carriers(open_registers(session, forms))
    return desk.copy(original, approval=request, copies=2, on_date=session.clock.today())


def file_office_requests(clerk: Session, *, leader: str, forms: Forms | None = None) -> list[str]:
    """As a clerk: a foreign visit (yesterday and today) and a document print, submitted; the
    secrecy officer records their signed paper approvals (:func:`fill_office`)."""
    from secrecy_desk.modules.approvals.engine import Approvals  # noqa: PLC0415 - demo only

    approvals = Approvals(clerk, forms or load_all())
    today = clerk.clock.today()
    visit = approvals.create(
        "foreign_visit",
        {
            "host_department": "总经办",
            "handler": "王芳",
            "visitors": "某国某公司代表团 2人（Hans Müller、Anna Schmidt）",
            "nationality": "德国",
            "visitor_count": "2",
            "visit_from": (today - timedelta(days=1)).isoformat(),
            "visit_to": today.isoformat(),
            "purpose": "民品合作洽谈",
            "reception_plan": "一号楼会议室洽谈，不进入科研生产区",
            "scope": "民品展厅",
            "area": "一号楼会议室、民品展厅",
            "participants": "王芳、赵刚",
            "escort": "赵刚",
            "leader": leader,
        },
    )
    printing = approvals.create(
        "document_print",
        {
            "title": "关于开展保密自查的通知",
            "doc_number": "所保〔2026〕5号",
            "level": "秘密",
            "distribution": "各部门负责人",
            "copies": "20",
            "source_department": "保密办",
            "leader": leader,
        },
    )
    return [approvals.submit(r.number).number for r in (visit, printing)]


def fill_office(officer: Session, requests: list[str], *, forms: Forms | None = None) -> None:
    """As the secrecy officer: the paper approvals of the clerk's two requests, then sample
    entries of the office's registers (communications, archive consultation, visitors, the
    typing room, an inspection and its findings, an incident), two drawings due for
    classification review and one review decision."""
    from secrecy_desk.modules.approvals.engine import Approvals, Decision  # noqa: PLC0415
    from secrecy_desk.modules.classification import review  # noqa: PLC0415 - demo only

    forms = forms or load_all()
    approvals = Approvals(officer, forms)
    today = officer.clock.today()
    for number in requests:
        steps = len(approvals.spec(approvals.get(number).form).steps)
        for step in range(1, steps + 1):
            approvals.record_paper(
                number,
                step=step,
                decision=Decision.APPROVE,
                signer=("外事处 陈刚", "刘副总")[step - 1] if steps > 1 else "刘副总",
                signed_on=today - timedelta(days=2),
                comment="同意",
            )
    visit, printing = requests
    regs = open_registers(officer, forms)
    day = today.isoformat

    def ago(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    for raw in (
        {"direction": "发", "means": "传真", "occurred_on": ago(3), "time": "10:20",
         "counterpart": "上级主管部门 保密处", "subject": "年度保密工作总结", "level": "内部",
         "operator": "李明", "equipment": "传真机 CZ-01"},
        {"direction": "收", "means": "密码电报", "occurred_on": ago(40), "time": "15:05",
         "counterpart": "上级机关 机要室", "subject": "关于加强保密检查的通知", "level": "机密",
         "approval_ref": "JY-2026-011", "operator": "李明", "equipment": "密码机"},
        {"direction": "收", "means": "密码电报", "occurred_on": ago(60), "time": "09:40",
         "counterpart": "上级机关 机要室", "subject": "型号研制节点安排", "level": "秘密",
         "approval_ref": "JY-2026-007", "operator": "李明", "equipment": "密码机",
         "filed_on": ago(58), "disposal": "销毁", "disposed_on": ago(20), "disposed_by": "李明"},
        {"direction": "发", "means": "电话", "occurred_on": ago(1), "time": "14:00",
         "counterpart": "协作单位 王工", "subject": "联调时间安排", "level": "秘密",
         "secured": "是", "approval_ref": "SP-TX-2026-003", "operator": "赵刚",
         "equipment": "保密电话"},
    ):  # fmt: skip
        regs.add("comms", raw)
    for raw in (
        {"item_no": "WS-2019-031", "item_title": "某型号总体技术方案", "level": "机密",
         "reader": "张伟", "reader_department": "总体部", "consulted_on": ago(12),
         "purpose": "编写阶段技术总结", "approved_by": "刘副总", "due_on": ago(5)},
        {"item_no": "WS-2021-007", "item_title": "试验大纲", "level": "秘密", "reader": "陈静",
         "reader_department": "试验室", "consulted_on": ago(9), "purpose": "准备试验",
         "approved_by": "刘副总", "due_on": ago(6), "returned_on": ago(6), "intact": "是",
         "checked_by": "档案员 孙丽", "checked_on": ago(6)},
    ):  # fmt: skip
        regs.add("archive_access", raw)
    for raw in (
        {"name": "Hans Müller", "unit": "某国某公司", "nationality": "德国", "id_kind": "护照",
         "id_number": "C01X00T47", "visit_on": ago(1), "host_department": "总经办",
         "area": "一号楼会议室", "escort": "赵刚", "purpose": "民品合作洽谈",
         "approval_ref": visit, "time_in": "09:30", "time_out": "11:45"},
        {"name": "Anna Schmidt", "unit": "某国某公司", "nationality": "德国", "id_kind": "护照",
         "id_number": "C01X00T48", "visit_on": day(), "host_department": "总经办",
         "area": "民品展厅", "escort": "赵刚", "purpose": "民品合作洽谈",
         "approval_ref": visit, "time_in": "09:10"},
        {"name": "刘工", "unit": "某协作单位", "nationality": "中国", "id_kind": "身份证",
         "id_number": resident_id(random.Random(7), date(1979, 4, 12), female=False),  # noqa: S311
         "visit_on": ago(2),
         "host_department": "总体部", "area": "二号楼接待室", "escort": "张伟",
         "purpose": "技术协调", "time_in": "13:30"},
    ):  # fmt: skip
        regs.add("visitors", raw)
    regs.add(
        "document_prints",
        {"doc_number": "所保〔2026〕5号", "title": "关于开展保密自查的通知", "level": "秘密",
         "distribution": "各部门负责人", "copies": "20", "source_department": "保密办",
         "signing_leader": "刘副总", "request_ref": printing, "printed_on": ago(1),
         "typist": "总经办 周敏", "proofreader": "总经办 吴刚"},
    )  # fmt: skip
    inspection = regs.add(
        "inspections",
        {"inspected_on": ago(20), "kind": "定期自查", "scope": "总体部、试验室涉密计算机和载体",
         "inspectors": "李明、赵刚", "findings_count": "2",
         "summary": "抽查涉密计算机12台、涉密载体40件。"},
    ).entry  # fmt: skip
    for raw in (
        {"inspection": inspection.number, "finding": "两台涉密计算机未粘贴密级标识",
         "severity": "一般", "department": "总体部", "deadline": ago(10),
         "rectification": "已补贴密级标识", "rectified_by": "张伟", "rectified_on": ago(15),
         "verified_by": "李明", "verified_on": ago(14)},
        {"inspection": inspection.number, "finding": "涉密载体借用登记缺少归还签字",
         "severity": "较重", "department": "试验室", "deadline": ago(3)},
        {"inspection": inspection.number, "finding": "一台涉密打印机未建立使用登记",
         "severity": "一般", "department": "总经办", "deadline": ago(-10),
         "rectification": "已建立打印机使用登记簿", "rectified_by": "周敏",
         "rectified_on": ago(2)},
    ):  # fmt: skip
        regs.add("inspection_findings", raw)
    regs.add(
        "incidents",
        {"discovered_on": ago(4), "discovered_by": "李明", "level": "秘密",
         "what": "清查时发现一份秘密级试验报告复印件未登记", "remedy": "立即收回封存，核查复印来源",
         "reported_to": "保密办主任", "reported_on": ago(4), "investigation": "正在核查"},
    )  # fmt: skip
    regs.add(
        "incidents",
        {"discovered_on": ago(2), "discovered_by": "赵刚", "level": "秘密",
         "what": "试验室一台涉密计算机的外壳封条破损", "remedy": "停止使用，贴封待查"},
    )  # fmt: skip
    due = [
        regs.add(
            "drawings",
            {
                "drawing_no": no,
                "drawing_name": name,
                "copies": "1",
                "level": "机密",
                "term": (today + timedelta(days=days)).isoformat(),
                "receiver": "张伟",
                "issued_on": ago(300),
                "remarks": "保密期限将届满",
            },
        ).entry
        for no, name, days in (
            ("DZ-2016-011", "某型天线罩总图（旧型）", 20),
            ("DZ-2016-012", "某型支架零件图（旧型）", 45),
            ("DZ-2016-013", "某型电缆接线图（旧型）", 75),
        )
    ]
    review.decide(
        regs,
        "drawings",
        due[0].number,
        decision="解密",
        basis="该型号已停产，产品资料已公开；依据2026年第1次定密审查会议纪要。",
        approver="刘副总",
    )

"""Form definitions: every file under forms/ loads; broken ones fail naming file, field and
problem; entries are validated as a whole; values round-trip through storage and display."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from secrecy_desk.core.i18n import I18N_DIR
from secrecy_desk.core.levels import Level, Term, TermKind
from secrecy_desk.core.money import Money
from secrecy_desk.forms import (
    DEFAULT_GROUP,
    FORMS_ROOT,
    EntryInvalid,
    FieldSpec,
    FieldType,
    FieldValueError,
    FormDefinitionError,
    FormKind,
    Forms,
    FormSpec,
    Orientation,
    SignatureLine,
    entry_marking,
    initial_inputs,
    load_all,
    load_form,
    validate_entry,
)
from secrecy_desk.forms.loader import REPO_ROOT

TODAY = date(2026, 11, 27)
DATA = Path(__file__).parent / "data" / "forms"
DEFINITIONS = sorted(FORMS_ROOT.rglob("*.toml"))
BAD_SINGLE = sorted((DATA / "single").glob("*.toml"))
BAD_TREES = sorted(p for p in (DATA / "trees").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def forms() -> Forms:
    return load_all()


# --- every definition loads -----------------------------------------------------------------


def test_there_are_definitions() -> None:
    assert len(DEFINITIONS) >= 3


@pytest.mark.parametrize("path", DEFINITIONS, ids=lambda p: p.relative_to(FORMS_ROOT).as_posix())
def test_definition_loads(path: Path, forms: Forms) -> None:
    spec = load_form(path)
    assert spec.id == path.stem
    assert spec.source == path.relative_to(REPO_ROOT).as_posix()
    assert forms[spec.id].kind is spec.kind
    # every field can show its label, and the list headings resolve
    for name in spec.listing.columns:
        assert spec.column_label(name, "zh_CN")
        assert spec.column_label(name, "en")
    # defaults of every field are valid input
    result = validate_entry(spec, {}, today=TODAY)
    for problem in result.problems:
        assert problem.code == "required", problem


def test_load_all_covers_every_file(forms: Forms) -> None:
    assert sorted(forms) == sorted(p.stem for p in DEFINITIONS)
    assert {s.id for s in forms.registers} >= {"personnel", "drawings", "gifts"}
    assert all(s.kind is FormKind.REGISTER for s in forms.of_kind(FormKind.REGISTER))


# --- broken definitions ---------------------------------------------------------------------


def expectations(path: Path) -> dict[str, str]:
    found = re.findall(r"^# expect-(\w+): (.*)$", path.read_text(encoding="utf-8"), re.M)
    return dict(found)


def check_error(error: FormDefinitionError, path: Path, expect: dict[str, str]) -> None:
    file = path.relative_to(REPO_ROOT).as_posix()
    en, zh = str(error), error.message("zh_CN")
    assert error.exit_code == 4
    assert error.file == file
    assert en.startswith(file)
    assert zh.startswith(file)
    assert expect["problem"] in en
    assert error.problem("zh_CN") != error.problem("en"), "problem not translated"
    field = expect["field"]
    if field != "-":
        assert error.field == field
        assert f'field "{field}"' in en
        assert f"字段“{field}”" in zh
    if "line" in expect:
        assert error.line == int(expect["line"])
        assert f"line {expect['line']}" in en
        assert f"第{expect['line']}行" in zh


@pytest.mark.parametrize("path", BAD_SINGLE, ids=lambda p: p.stem)
def test_bad_definition_is_refused(path: Path) -> None:
    expect = expectations(path)
    assert expect, f"{path} has no # expect- lines"
    with pytest.raises(FormDefinitionError) as caught:
        load_form(path)
    check_error(caught.value, path, expect)


@pytest.mark.parametrize("tree", BAD_TREES, ids=lambda p: p.name)
def test_bad_folder_is_refused(tree: Path) -> None:
    blamed = [p for p in sorted(tree.rglob("*.toml")) if expectations(p)]
    assert len(blamed) == 1
    with pytest.raises(FormDefinitionError) as caught:
        load_all(tree)
    check_error(caught.value, blamed[0], expectations(blamed[0]))


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormDefinitionError, match="does not exist"):
        load_all(tmp_path / "nowhere")


def test_error_example_from_the_docs() -> None:
    path = DATA / "single" / "bad_type.toml"
    with pytest.raises(FormDefinitionError) as caught:
        load_form(path)
    assert str(caught.value).startswith(
        'tests/data/forms/single/bad_type.toml, line 36: field "value": unknown type "monee"'
    )
    assert "字段“value”: 不认识的类型“monee”" in caught.value.message("zh_CN")


# --- the three registers --------------------------------------------------------------------


def test_drawings_columns_are_the_issue_book(forms: Forms) -> None:
    spec = forms["drawings"]
    labels = [spec.column_label(c, "zh_CN") for c in spec.listing.columns]
    assert labels == [
        "序号", "图号", "图名", "份数", "密级", "接收者", "是否回收", "日期", "备注", "回收期限"
    ]  # fmt: skip
    assert spec.listing.orientation is Orientation.LANDSCAPE
    assert spec.rules == ("drawings.recall",)
    for name in ("must_recall", "recalled_on", "lost", "loss_recorded_on", "loss_note"):
        assert spec.has_field(name)


def test_drawings_levels(forms: Forms) -> None:
    spec = forms["drawings"]
    level = spec.field("level")
    assert [o.zh for o in level.levels] == ["绝密", "机密", "一般"]
    assert level.parse("一般") is Level.INTERNAL
    assert level.parse("内部") is Level.INTERNAL  # the standard name still reads
    assert level.display(Level.INTERNAL, "zh_CN") == "一般"
    assert level.display(Level.INTERNAL, "en") == "General"
    assert level.display(Level.TOP_SECRET, "zh_CN") == "绝密"
    with pytest.raises(FieldValueError) as caught:
        level.parse("秘密")
    assert "绝密、机密、一般" in caught.value.message("zh_CN")


def test_drawing_marking(forms: Forms) -> None:
    spec = forms["drawings"]
    raw = {"drawing_no": "ZJ-01", "drawing_name": "壳体", "level": "绝密", "receiver": "王五"}
    result = validate_entry(spec, raw, today=TODAY)
    assert result.ok, result.problems
    mark = entry_marking(spec, result.values)
    assert (mark.text, mark.term_is_default) == ("绝密★30年", True)
    result = validate_entry(spec, {**raw, "level": "机密", "term": "5年"}, today=TODAY)
    assert entry_marking(spec, result.values).text == "机密★5年"
    result = validate_entry(spec, {**raw, "level": "一般"}, today=TODAY)
    assert entry_marking(spec, result.values).text == "内部"
    result = validate_entry(spec, {**raw, "level": "一般", "term": "10年"}, today=TODAY)
    assert [p.code for p in result.problems] == ["term_unclassified"]
    assert result.problems[0].field == "term"


def test_personnel_and_gifts(forms: Forms) -> None:
    personnel, gifts = forms["personnel"], forms["gifts"]
    assert personnel.entry_level is Level.INTERNAL
    assert personnel.level_field is None
    assert entry_marking(personnel, {}).text == "内部"
    assert [s.code for s in personnel.statuses] == ["review", "in_post", "disengaging", "released"]
    assert personnel.initial_status.zh == "上岗审查"
    assert personnel.rules == ("personnel.shared_phone", "personnel.disengagement")
    assert [c.zh for c in personnel.field("person_class").choices] == ["核心", "重要", "一般"]
    assert gifts.rules == ("gifts.hand_in",)
    assert gifts.field("kind").parse("现金") == "cash"
    assert gifts.layout.title_zh == "员工上交礼品礼金有价证券凭证"
    assert gifts.listing.title_zh == "员工上交礼品礼金有价证券登记表"
    assert gifts.numbering.format(year=2026, seq=7) == "LP-2026-0007"
    blocks = gifts.layout.signatures
    assert blocks[0].role_zh == "上交人"
    assert blocks[1].lines == (SignatureLine.NAME, SignatureLine.SIGNATURE, SignatureLine.DATE)


# --- validate_entry -------------------------------------------------------------------------

PERSON = {
    "name": "张三",
    "gender": "女",
    "id_number": "11010519491231002X",
    "department": "技术中心",
    "post": "设计员",
    "person_class": "重要",
    "access_level": "机密",
    "phone": "+86 138 1234 5678",
}


def test_a_good_entry(forms: Forms) -> None:
    result = validate_entry(forms["personnel"], PERSON, today=TODAY)
    assert result.ok, result.problems
    assert result.values["gender"] == "female"
    assert result.values["person_class"] == "important"
    assert result.values["access_level"] is Level.SECRET
    assert result.values["phone"] == "13812345678"
    assert result.values["remarks"] is None
    result.raise_if_invalid()


def test_every_problem_at_once(forms: Forms) -> None:
    raw = {**PERSON, "gender": "男", "phone": "12345", "name": "", "nmae": "张三"}
    del raw["post"]
    result = validate_entry(forms["personnel"], raw, today=TODAY)
    by_field = {p.field: p.code for p in result.problems}
    assert by_field == {
        "nmae": "unknown_field",
        "name": "required",
        "id_number": "id_gender",
        "post": "required",
        "phone": "not_phone",
    }
    assert [p.field for p in result.problems] == ["nmae", "name", "id_number", "post", "phone"]
    with pytest.raises(EntryInvalid) as caught:
        result.raise_if_invalid()
    zh = caught.value.message("zh_CN")
    assert zh.splitlines()[0] == "本条目未保存，请更正以下各项："
    # Each problem names its field by the label the user sees, never by its id.
    assert "  姓名: 此项为必填项。" in zh.splitlines()
    assert "公民身份号码: 身份号码第17位为偶数，应为女性，但填写的性别是男。" in zh
    assert "Post: This field must be filled in." in str(caught.value)
    assert "id_number" not in zh
    assert "post:" not in zh


def test_dates_in_order_and_defaults(forms: Forms) -> None:
    gifts = forms["gifts"]
    raw = {
        "recipient": "张三",
        "department": "财务部",
        "kind": "礼品",
        "description": "茶叶",
        "value": "600",
        "giver": "李四",
        "received_on": "2026-11-20",
        "handed_in_on": "2026-11-19",
    }
    result = validate_entry(gifts, raw, today=TODAY)
    assert [(p.field, p.code) for p in result.problems] == [("handed_in_on", "date_order")]
    assert "“收受日期”" in result.problems[0].message("zh_CN")
    assert result.values["given_to"] == "individual"  # the default
    assert result.values["value"] == Money(60000)
    result = validate_entry(gifts, raw, today=TODAY, defaults=False)
    assert ("given_to", "required") in [(p.field, p.code) for p in result.problems]


def test_not_future_uses_today(forms: Forms) -> None:
    gifts = forms["gifts"]
    result = validate_entry(gifts, {"received_on": "2026-11-28"}, today=TODAY)
    assert ("received_on", "date_future") in [(p.field, p.code) for p in result.problems]


def test_references_follow_the_target_numbering(forms: Forms) -> None:
    gifts, drawings = forms["gifts"], forms["drawings"]
    assert gifts.field("recipient_ref").parse("ry-2026-0001") == "RY-2026-0001"
    with pytest.raises(FieldValueError) as caught:
        gifts.field("recipient_ref").parse("TZFS-2026-0001")
    assert caught.value.problem.field == "recipient_ref"
    assert drawings.field("replaces").parse("TZFS-2026-0001") == "TZFS-2026-0001"


def test_initial_inputs(forms: Forms) -> None:
    start = initial_inputs(forms["drawings"], TODAY)
    assert start["issued_on"] == "2026-11-27"
    assert start["copies"] == "1"
    assert start["recalled"] == "否"
    assert start["drawing_no"] == ""


# --- values: storage and display ------------------------------------------------------------

SAMPLES: dict[FieldType, str] = {
    FieldType.TEXT: "保密 办",
    FieldType.LONG_TEXT: "第一行\n第二行",
    FieldType.INTEGER: "12",
    FieldType.MONEY: "1,234.5",
    FieldType.DATE: "2026-11-27",
    FieldType.BOOL: "是",
    FieldType.TERM: "10年",
    FieldType.SCOPE: "张三、保密办",
    FieldType.ACCOUNT: "zhang.san",
    FieldType.RESIDENT_ID: "11010519491231002x",
    FieldType.PHONE: "010 12345678",
}


def sample(field: FieldSpec, spec: FormSpec, forms: Forms) -> str:
    match field.type:
        case FieldType.CHOICE:
            return field.choices[-1].zh
        case FieldType.LEVEL:
            return field.levels[0].zh
        case FieldType.PERSON | FieldType.ENTRY_REF:
            assert field.target is not None
            return forms[field.target].numbering.format(year=2026, seq=3)
        case _:
            return SAMPLES[field.type]


def all_fields() -> list[tuple[str, str]]:
    return [(s.id, f.name) for s in load_all().values() for f in s.fields]


@pytest.mark.parametrize(("form_id", "name"), all_fields())
def test_every_field_round_trips(forms: Forms, form_id: str, name: str) -> None:
    spec = forms[form_id]
    field = spec.field(name)
    value = field.parse(sample(field, spec, forms), today=TODAY)
    stored = field.to_storage(value)
    assert stored is None or isinstance(stored, str | int)
    assert not isinstance(stored, bool)
    assert field.from_storage(stored) == value
    assert field.parse(field.input_text(value), today=TODAY) == value
    for lang in ("zh_CN", "en"):
        assert field.display(value, lang)
    assert field.to_storage(None) is None
    assert field.from_storage(None) is None
    assert field.display(None, "zh_CN") == ""


def make(ftype: FieldType, **extra: object) -> FieldSpec:
    return FieldSpec(name="x", type=ftype, label_zh="项", label_en="Item", required=False, **extra)  # type: ignore[arg-type]


def test_display_and_storage_forms() -> None:
    money = make(FieldType.MONEY)
    assert money.to_storage(Money(123450)) == 123450
    assert money.display(Money(123450), "zh_CN") == "¥1,234.50"
    day = make(FieldType.DATE)
    assert day.to_storage(date(2026, 11, 27)) == "2026-11-27"
    flag = make(FieldType.BOOL)
    assert (flag.to_storage(True), flag.display(True, "zh_CN"), flag.display(False, "en")) == (
        1,
        "是",
        "No",
    )
    level = make(FieldType.LEVEL)
    assert level.to_storage(Level.SECRET) == "SECRET"
    assert level.display(Level.SECRET, "zh_CN") == "机密"
    term = make(FieldType.TERM)
    assert term.to_storage(Term.of_years(10)) == "years:10"
    assert term.display(Term.of_years(10), "zh_CN") == "10年"
    assert term.display(Term(TermKind.LONG_TERM), "zh_CN") == "长期"
    scope = make(FieldType.SCOPE)
    assert scope.to_storage(("张三", "保密办")) == "张三、保密办"
    assert scope.display(("张三", "保密办"), "en") == "张三, 保密办"
    with pytest.raises(TypeError):
        money.to_storage("12")
    with pytest.raises(TypeError):
        flag.from_storage("yes")


# --- every message is translated ------------------------------------------------------------


def marked_strings(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP"
        ):
            text = node.args[1]
            assert isinstance(text, ast.Constant)
            assert isinstance(text.value, str)
            found.add(text.value)
    return found


def _all_translations() -> dict[str, ET.Element]:
    """Every message of every area file (``resources/i18n/*_zh_CN.ts``) by source text."""
    found: dict[str, ET.Element] = {}
    for ts in sorted(I18N_DIR.glob("*_zh_CN.ts")):
        root = ET.parse(ts).getroot()  # noqa: S314 - our own bundled file
        for m in root.iter("message"):
            trans = m.find("translation")
            source = m.findtext("source")
            if trans is not None and source is not None and trans.get("type") is None:
                found.setdefault(source, trans)
    return found


def test_every_message_has_a_chinese_translation() -> None:
    """Every string marked for translation outside the GUI, in the whole package, has a
    finished Chinese translation with the same placeholders (in whichever area file)."""
    translated = _all_translations()
    package = REPO_ROOT / "secrecy_desk"
    for path in sorted(package.rglob("*.py")):
        if "gui" in path.relative_to(package).parts:
            continue
        for text in marked_strings(path):
            trans = translated.get(text)
            assert trans is not None, f"{path.name}: no Chinese translation for {text!r}"
            assert trans.text, f"empty translation: {text!r}"
            placeholders = set(re.findall(r"\{\w+\}", text))
            assert placeholders == set(re.findall(r"\{\w+\}", trans.text)), text


def test_no_translation_file_has_unfinished_messages() -> None:
    for ts in sorted(I18N_DIR.glob("*_zh_CN.ts")):
        root = ET.parse(ts).getroot()  # noqa: S314 - our own bundled file
        unfinished = [
            m.findtext("source")
            for m in root.iter("message")
            if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
        ]
        assert not unfinished, f"{ts.name}: {unfinished[:5]}"


def test_the_example_in_the_docs_loads(tmp_path: Path) -> None:
    doc = (REPO_ROOT / "docs" / "forms.md").read_text(encoding="utf-8")
    example = doc.split("## A complete example")[1].split("```toml\n")[1].split("```")[0]
    (tmp_path / "registers").mkdir()
    (tmp_path / "registers" / "drawings.toml").write_text(example, encoding="utf-8")
    spec = load_all(tmp_path)["drawings"]
    assert spec.field("level").parse("一般") is Level.INTERNAL


def test_registers_come_in_their_declared_order_most_used_first() -> None:
    """The main window's tabs follow ``order``: a clerk finds the drawing book and the carrier
    ledger first, not the register whose file name sorts first."""
    ids = [s.id for s in load_all().registers]
    assert ids[:3] == ["drawings", "carriers", "equipment"]
    orders = [s.order for s in load_all().registers]
    assert orders == sorted(orders)


def test_a_register_names_its_navigator_group(tmp_path: Path) -> None:
    """``group`` puts a register's tab in a navigator group; without one it goes in
    ``other``; a group that is not an identifier is refused at load, naming the key."""
    assert {s.id: s.group for s in load_all().registers}["drawings"] == "documents"
    source = (FORMS_ROOT / "registers" / "drawings.toml").read_text(encoding="utf-8")
    (tmp_path / "registers").mkdir()
    target = tmp_path / "registers" / "drawings.toml"
    target.write_text(source.replace('group = "documents"\n', ""), encoding="utf-8")
    assert load_all(tmp_path)["drawings"].group == DEFAULT_GROUP
    target.write_text(source.replace('group = "documents"', 'group = "人员"'), encoding="utf-8")
    with pytest.raises(FormDefinitionError, match="group"):
        load_all(tmp_path)

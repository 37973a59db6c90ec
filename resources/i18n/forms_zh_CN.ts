<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="102" />
            <source>Too long: at most {max} characters, this has {count}.</source>
            <translation>内容过长：最多{max}个字，现有{count}个字。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="109" />
            <source>Too short: at least {min} characters.</source>
            <translation>内容过短：至少需要{min}个字。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="121" />
            <source>This field takes one line; remove the line break.</source>
            <translation>此项只能填写一行，请删除换行。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="127" />
            <location filename="../../secrecy_desk/core/validators.py" line="144" />
            <source>Contains an invisible or control character ({char}); remove it.</source>
            <translation>含有不可见字符或控制字符（{char}），请删除。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="164" />
            <source>Enter a whole number, for example 3.</source>
            <translation>请填写整数，例如 3。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="170" />
            <location filename="../../secrecy_desk/core/validators.py" line="204" />
            <source>Must be at least {min}.</source>
            <translation>不能小于{min}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="176" />
            <location filename="../../secrecy_desk/core/validators.py" line="210" />
            <source>Must be at most {max}.</source>
            <translation>不能大于{max}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="191" />
            <source>An amount has at most two decimal places (fen), like 12.50.</source>
            <translation>金额最多保留两位小数（到分），例如 12.50。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="197" />
            <source>Enter an amount in yuan, for example 1234.50 or ¥1,234.50.</source>
            <translation>请填写以元为单位的金额，例如 1234.50 或 ¥1,234.50。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="252" />
            <source>Enter a real date as year-month-day, for example 2026-11-27.</source>
            <translation>请按“年-月-日”填写真实日期，例如 2026-11-27。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="259" />
            <source>The date {date} is in the future.</source>
            <translation>日期 {date} 晚于今天，不能填写将来的日期。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="265" />
            <source>The date must not be before {min}.</source>
            <translation>日期不能早于 {min}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="271" />
            <source>The date must not be after {max}.</source>
            <translation>日期不能晚于 {max}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="283" />
            <source>The date {date} is earlier than “{other}” ({other_date}).</source>
            <translation>日期 {date} 早于“{other}”（{other_date}）。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="305" />
            <source>Choose one of: {choices}.</source>
            <translation>请从以下选项中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="323" />
            <source>Answer 是 or 否 (yes or no).</source>
            <translation>请填写“是”或“否”。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="333" />
            <source>Choose a level from: {choices}.</source>
            <translation>请从以下密级中选择：{choices}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="365" />
            <source>Write the condition after 条件:, for example 条件:项目验收后.</source>
            <translation>请在“条件:”后写明解密条件，例如 条件:项目验收后。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="381" />
            <source>A term in years is between 1 and {max} years.</source>
            <translation>以年计的保密期限应在1年到{max}年之间。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="390" />
            <source>The term ends on {date}, which is not after today.</source>
            <translation>保密期限截止于 {date}，不晚于今天，请核对。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="396" />
            <source>Enter a term as a number of years (10年), an end date (2030-12-31), 长期 for long-term, or 条件: followed by the condition.</source>
            <translation>保密期限可填年数（如 10年）、截止日期（如 2030-12-31）、“长期”，或“条件:”加解密条件。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="441" />
            <source>Only items classified 秘密 or above have a secrecy term; clear the term or choose a classified level.</source>
            <translation>只有秘密级及以上的事项才有保密期限；请清空保密期限，或选择涉密的密级。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="471" />
            <source>Name at least one person or department, separated by 、.</source>
            <translation>请至少填写一个人员或部门，多个之间用“、”分隔。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="476" />
            <source>At most {max} people or departments.</source>
            <translation>人员或部门最多{max}个。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="495" />
            <source>Enter an entry number as the register writes it, like {example}.</source>
            <translation>请按台账的编号格式填写，例如 {example}。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="513" />
            <source>An account name has 3 to 32 characters: a Latin letter first, then letters, digits, dots, dashes or underscores.</source>
            <translation>账户名为3至32个字符：以英文字母开头，其后可用字母、数字、点、连字符或下划线。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/validators.py" line="554" />
            <source>Enter a mobile number of 11 digits (13812345678) or a landline with its area code (010-12345678).</source>
            <translation>请填写11位手机号码（如 13812345678），或带区号的固定电话（如 010-12345678）。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="81" />
            <source>A resident ID number has 18 characters; this one has {count}.</source>
            <translation>公民身份号码应为18位，现为{count}位。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="89" />
            <source>A resident ID number is 17 digits followed by a digit or the letter X.</source>
            <translation>公民身份号码由17位数字加1位数字或字母X组成。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="97" />
            <source>The ID number starts with {code}, which is not a province code; check the first two digits.</source>
            <translation>身份号码以 {code} 开头，这不是有效的省级行政区划代码，请核对前两位。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="109" />
            <source>Digits 7 to 14 of the ID number ({digits}) are not a real date of birth.</source>
            <translation>身份号码第7至14位（{digits}）不是真实的出生日期。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="118" />
            <source>The ID number gives a date of birth in the future ({birth}).</source>
            <translation>身份号码中的出生日期（{birth}）晚于今天。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="126" />
            <source>The ID number gives a date of birth before 1900 ({birth}).</source>
            <translation>身份号码中的出生日期（{birth}）早于1900年，请核对。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="135" />
            <source>The ID number is not valid: its last character does not match the others. Check it for a mistyped digit.</source>
            <translation>身份号码校验不通过：最后一位校验码与前17位不符，请检查是否有输错的数字。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="152" />
            <source>The ID number belongs to a man (its 17th digit is odd), but the gender entered is female.</source>
            <translation>身份号码第17位为奇数，应为男性，但填写的性别是女。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="160" />
            <source>The ID number belongs to a woman (its 17th digit is even), but the gender entered is male.</source>
            <translation>身份号码第17位为偶数，应为女性，但填写的性别是男。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/core/idcard.py" line="174" />
            <source>The date of birth {entered} does not match the one in the ID number ({birth}).</source>
            <translation>填写的出生日期 {entered} 与身份号码中的出生日期（{birth}）不一致。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/entry.py" line="56" />
            <source>The entry was not saved; please correct:</source>
            <translation>本条目未保存，请更正以下各项：</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/entry.py" line="91" />
            <source>This form has no field with this name.</source>
            <translation>本表中没有这个名称的项目。</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="98" />
            <source>, line {line}</source>
            <translation>，第{line}行</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="104" />
            <source>field "{field}"</source>
            <translation>字段“{field}”</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="166" />
            <source>unknown key "{key}"</source>
            <translation>不认识的键“{key}”</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="173" />
            <source>missing key "{key}"</source>
            <translation>缺少键“{key}”</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="179" />
            <source>key "{key}" must be a text</source>
            <translation>键“{key}”的值应为文本</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="181" />
            <location filename="../../secrecy_desk/forms/loader.py" line="490" />
            <location filename="../../secrecy_desk/forms/loader.py" line="848" />
            <source>key "{key}" must not be empty</source>
            <translation>键“{key}”的值不能为空</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="191" />
            <source>key "{key}" must be true or false</source>
            <translation>键“{key}”的值应为 true 或 false</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="202" />
            <source>key "{key}" must be a whole number</source>
            <translation>键“{key}”的值应为整数</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="215" />
            <source>key "{key}" must be a date written like 2026-01-01, no quotes</source>
            <translation>键“{key}”的值应为日期，写作 2026-01-01，不加引号</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="226" />
            <source>key "{key}" must be a list of texts</source>
            <translation>键“{key}”的值应为文本列表</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="233" />
            <source>key "{key}" must be a table</source>
            <translation>键“{key}”的值应为表</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="240" />
            <source>key "{key}" must be a list of tables</source>
            <translation>键“{key}”的值应为表的列表</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="280" />
            <source>{what} "{value}" must be lower-case Latin letters, digits and underscores, starting with a letter (at most 40)</source>
            <translation>{what}“{value}”只能由小写英文字母、数字和下划线组成，以字母开头，最多40个字符</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="298" />
            <source>the name "{name}" is reserved for the register's own columns</source>
            <translation>名称“{name}”已留作台账自身的列名，不能使用</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="308" />
            <source>unknown type "{type}"; known types: {known}</source>
            <translation>不认识的类型“{type}”；可用的类型有：{known}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="315" />
            <source>key "{key}" does not apply to a field of type {type}</source>
            <translation>键“{key}”不适用于 {type} 类型的字段</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="324" />
            <source>width {width} must be between {low} and {high}</source>
            <translation>宽度 {width} 应在 {low} 到 {high} 之间</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="348" />
            <source>key "{key}" must be 1 or more</source>
            <translation>键“{key}”的值应不小于1</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="360" />
            <source>the minimum {min} is above the maximum {max}</source>
            <translation>最小值 {min} 大于最大值 {max}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="378" />
            <source>key "{key}" must be an amount of yuan, like 500 or "0.50"</source>
            <translation>键“{key}”的值应为以元计的金额，例如 500 或 "0.50"</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="421" />
            <source>a {type} field needs "target", the id of the register it points to</source>
            <translation>{type} 类型的字段需要 "target"，即所指向台账的 id</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="443" />
            <source>a choice field needs a list of choices (code, zh and en for each)</source>
            <translation>选项字段需要选项列表（每项包含 code、zh 和 en）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="459" />
            <source>the choice "{text}" is given twice; codes and labels must differ</source>
            <translation>选项“{text}”重复出现；各选项的代码和名称不能相同</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="474" />
            <source>unknown level "{level}"; use TOP_SECRET, SECRET, CONFIDENTIAL, INTERNAL or PUBLIC</source>
            <translation>不认识的密级“{level}”；请使用 TOP_SECRET、SECRET、CONFIDENTIAL、INTERNAL 或 PUBLIC</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="500" />
            <source>the level {level} is listed twice</source>
            <translation>密级 {level} 重复列出</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="512" />
            <source>the label "{label}" is already the name of another level</source>
            <translation>名称“{label}”已是另一个密级的名称</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="530" />
            <source>the default "{default}" is not valid: {reason}</source>
            <translation>默认值“{default}”无效：{reason}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="564" />
            <source>the file cannot be read: {detail}</source>
            <translation>无法读取文件：{detail}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="573" />
            <source>the file is not valid TOML: {detail}</source>
            <translation>文件不是有效的 TOML：{detail}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="588" />
            <source>the id "{id}" must be the file name without .toml ({stem})</source>
            <translation>id“{id}”应与去掉 .toml 的文件名（{stem}）相同</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="599" />
            <source>unknown kind "{kind}"; use register, commitment or approval</source>
            <translation>不认识的种类“{kind}”；请使用 register、commitment 或 approval</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="633" />
            <source>the form needs at least one [[fields]] entry</source>
            <translation>表单至少需要一个 [[fields]] 字段</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="639" />
            <source>the field name is used twice</source>
            <translation>字段名重复</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="652" />
            <source>"{key}" names "{name}", which is not a field of this form</source>
            <translation>“{key}”指向的“{name}”不是本表单的字段</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="660" />
            <source>"{key}" must name a field of type {types}; "{name}" is a {type} field</source>
            <translation>“{key}”应指向 {types} 类型的字段；“{name}”是 {type} 类型的字段</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="680" />
            <source>the gender field "{name}" must offer the choice codes male and female</source>
            <translation>性别字段“{name}”必须包含选项代码 male 和 female</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="696" />
            <source>set exactly one of "level_field" (the field holding each entry's level) and "entry_level" (one level for every entry)</source>
            <translation>"level_field"（存放每个条目密级的字段）和 "entry_level"（全部条目统一的密级）须设置且只能设置其中一个</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="706" />
            <source>the level field "{name}" must be required: every entry needs a level</source>
            <translation>密级字段“{name}”必须为必填项：每个条目都要有密级</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="726" />
            <source>the pattern "{pattern}" is not a valid format: {detail}</source>
            <translation>编号格式“{pattern}”无效：{detail}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="734" />
            <source>the pattern "{pattern}" may contain only capital letters, digits and dashes besides its placeholders</source>
            <translation>编号格式“{pattern}”除占位符外只能包含大写字母、数字和连字符</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="745" />
            <source>the pattern "{pattern}" uses the unknown placeholder "{name}"; only {{year}} and {{seq}} are known</source>
            <translation>编号格式“{pattern}”使用了不认识的占位符“{name}”；只能使用 {{year}} 和 {{seq}}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="757" />
            <source>the pattern "{pattern}" pads the number as "{spec}"; write {{seq}} or {{seq:04}}</source>
            <translation>编号格式“{pattern}”中的序号补位写法“{spec}”无效；请写 {{seq}} 或 {{seq:04}}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="767" />
            <source>the pattern "{pattern}" must write the year as {{year}}</source>
            <translation>编号格式“{pattern}”中的年份应写作 {{year}}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="774" />
            <source>the pattern "{pattern}" must contain the sequence number {{seq}} exactly once, for example TZ-{{year}}-{{seq:04}}</source>
            <translation>编号格式“{pattern}”必须包含且只包含一次序号 {{seq}}，例如 TZ-{{year}}-{{seq:04}}</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="799" />
            <source>the status code "{code}" is given twice</source>
            <translation>状态代码“{code}”重复</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="813" />
            <source>exactly one status must be marked initial = true; found {count} among {total} statuses</source>
            <translation>必须有且只有一个状态标为 initial = true；现在{total}个状态中有{count}个</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="831" />
            <source>a list column names a field this form does not have (nor number or status)</source>
            <translation>列表的列名不是本表单的字段（也不是 number 或 status）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="834" />
            <source>a sort key names a field this form does not have (nor number or status)</source>
            <translation>排序键不是本表单的字段（也不是 number 或 status）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="837" />
            <source>a print section names a field this form does not have (nor number or status)</source>
            <translation>打印分栏中的字段不是本表单的字段（也不是 number 或 status）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="854" />
            <source>the column is listed twice</source>
            <translation>该列重复列出</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="867" />
            <source>orientation "{value}" must be portrait or landscape</source>
            <translation>方向“{value}”应为 portrait（纵向）或 landscape（横向）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="886" />
            <source>a search field must be a text-like field of this form (text, longtext, scope, person, account, entry_ref, resident_id or phone)</source>
            <translation>检索字段必须是本表单的文本类字段（text、longtext、scope、person、account、entry_ref、resident_id 或 phone）</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="917" />
            <source>a signature block needs its role label in Chinese and English (role_zh and role_en), for example 承诺人 / Signatory</source>
            <translation>签字栏需要中英文的角色名称（role_zh 和 role_en），例如 承诺人 / Signatory</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="929" />
            <source>unknown signature line "{name}"; use name, signature or date</source>
            <translation>不认识的签字栏行“{name}”；请使用 name、signature 或 date</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="936" />
            <source>a signature block lists each of name, signature and date at most once, and at least one of them</source>
            <translation>签字栏须列出 name、signature、date 中的至少一项，且每项最多一次</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="957" />
            <source>the rule id "{rule}" must look like module.rule, e.g. gifts.hand_in</source>
            <translation>规则编号“{rule}”应写作“模块.规则”，例如 gifts.hand_in</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="977" />
            <source>the folder of form definitions does not exist</source>
            <translation>表单定义文件夹不存在</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="986" />
            <source>a definition of kind "{kind}" belongs in forms/{folder}/</source>
            <translation>种类为“{kind}”的定义应放在 forms/{folder}/ 下</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="995" />
            <source>the id "{id}" is already used by {other}</source>
            <translation>id“{id}”已被 {other} 使用</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/loader.py" line="1015" />
            <source>the target "{target}" is not the id of a register</source>
            <translation>目标“{target}”不是任何台账的 id</translation>
        </message>
        <message>
            <location filename="../../secrecy_desk/forms/values.py" line="29" />
            <source>This field must be filled in.</source>
            <translation>此项为必填项。</translation>
        </message>
    </context>
</TS>

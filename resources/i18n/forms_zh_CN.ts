<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The entry was not saved; please correct:</source>
        <translation>本条目未保存，请更正以下各项：</translation>
    </message>
    <message>
        <source>This form has no field with this name.</source>
        <extracomment>Field types whose check is a function of the typed text and the day alone and whose inputs repeat from row to row of a register (是/否, a level, a date, a number of copies): an import checks each distinct text once (:class:`CheckMemo`). Free text is not kept. At most this many distinct texts are kept per field (memory stays bounded on any sheet). The fields that take part in a rule between two fields (dates in order, an ID number with its gender and birth date), in field order.</extracomment>
        <translation>本表中没有这个名称的项目。</translation>
    </message>
    <message>
        <source>, line {line}</source>
        <extracomment>Where the built-in definitions live. Column width hints, in characters.</extracomment>
        <translation>，第{line}行</translation>
    </message>
    <message>
        <source>field &quot;{field}&quot;</source>
        <translation>字段“{field}”</translation>
    </message>
    <message>
        <source>unknown key &quot;{key}&quot;</source>
        <translation>不认识的键“{key}”</translation>
    </message>
    <message>
        <source>missing key &quot;{key}&quot;</source>
        <translation>缺少键“{key}”</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a text</source>
        <translation>键“{key}”的值应为文本</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must not be empty</source>
        <translation>键“{key}”的值不能为空</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be true or false</source>
        <translation>键“{key}”的值应为 true 或 false</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a whole number</source>
        <translation>键“{key}”的值应为整数</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a date written like 2026-01-01, no quotes</source>
        <translation>键“{key}”的值应为日期，写作 2026-01-01，不加引号</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a list of texts</source>
        <translation>键“{key}”的值应为文本列表</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a table</source>
        <translation>键“{key}”的值应为表</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a list of tables</source>
        <translation>键“{key}”的值应为表的列表</translation>
    </message>
    <message>
        <source>{what} &quot;{value}&quot; must be lower-case Latin letters, digits and underscores, starting with a letter (at most 40)</source>
        <translation>{what}“{value}”只能由小写英文字母、数字和下划线组成，以字母开头，最多40个字符</translation>
    </message>
    <message>
        <source>the name &quot;{name}&quot; is reserved for the register&apos;s own columns</source>
        <translation>名称“{name}”已留作台账自身的列名，不能使用</translation>
    </message>
    <message>
        <source>unknown type &quot;{type}&quot;; known types: {known}</source>
        <translation>不认识的类型“{type}”；可用的类型有：{known}</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; does not apply to a field of type {type}</source>
        <translation>键“{key}”不适用于 {type} 类型的字段</translation>
    </message>
    <message>
        <source>width {width} must be between {low} and {high}</source>
        <translation>宽度 {width} 应在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be 1 or more</source>
        <translation>键“{key}”的值应不小于1</translation>
    </message>
    <message>
        <source>the minimum {min} is above the maximum {max}</source>
        <translation>最小值 {min} 大于最大值 {max}</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be an amount of yuan, like 500 or &quot;0.50&quot;</source>
        <translation>键“{key}”的值应为以元计的金额，例如 500 或 &quot;0.50&quot;</translation>
    </message>
    <message>
        <source>a {type} field needs &quot;target&quot;, the id of the register it points to</source>
        <translation>{type} 类型的字段需要 &quot;target&quot;，即所指向台账的 id</translation>
    </message>
    <message>
        <source>a choice field needs a list of choices (code, zh and en for each)</source>
        <translation>选项字段需要选项列表（每项包含 code、zh 和 en）</translation>
    </message>
    <message>
        <source>the choice &quot;{text}&quot; is given twice; codes and labels must differ</source>
        <translation>选项“{text}”重复出现；各选项的代码和名称不能相同</translation>
    </message>
    <message>
        <source>unknown level &quot;{level}&quot;; use TOP_SECRET, SECRET, CONFIDENTIAL, INTERNAL or PUBLIC</source>
        <translation>不认识的密级“{level}”；请使用 TOP_SECRET、SECRET、CONFIDENTIAL、INTERNAL 或 PUBLIC</translation>
    </message>
    <message>
        <source>the level {level} is listed twice</source>
        <translation>密级 {level} 重复列出</translation>
    </message>
    <message>
        <source>the label &quot;{label}&quot; is already the name of another level</source>
        <translation>名称“{label}”已是另一个密级的名称</translation>
    </message>
    <message>
        <source>the default &quot;{default}&quot; is not valid: {reason}</source>
        <translation>默认值“{default}”无效：{reason}</translation>
    </message>
    <message>
        <source>the file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>the file is not valid TOML: {detail}</source>
        <translation>文件不是有效的 TOML：{detail}</translation>
    </message>
    <message>
        <source>the id &quot;{id}&quot; must be the file name without .toml ({stem})</source>
        <translation>id“{id}”应与去掉 .toml 的文件名（{stem}）相同</translation>
    </message>
    <message>
        <source>unknown kind &quot;{kind}&quot;; use register, commitment or approval</source>
        <translation>不认识的种类“{kind}”；请使用 register、commitment 或 approval</translation>
    </message>
    <message>
        <source>the form needs at least one [[fields]] entry</source>
        <translation>表单至少需要一个 [[fields]] 字段</translation>
    </message>
    <message>
        <source>the field name is used twice</source>
        <translation>字段名重复</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; names &quot;{name}&quot;, which is not a field of this form</source>
        <translation>“{key}”指向的“{name}”不是本表单的字段</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; must name a field of type {types}; &quot;{name}&quot; is a {type} field</source>
        <translation>“{key}”应指向 {types} 类型的字段；“{name}”是 {type} 类型的字段</translation>
    </message>
    <message>
        <source>the gender field &quot;{name}&quot; must offer the choice codes male and female</source>
        <translation>性别字段“{name}”必须包含选项代码 male 和 female</translation>
    </message>
    <message>
        <source>set exactly one of &quot;level_field&quot; (the field holding each entry&apos;s level) and &quot;entry_level&quot; (one level for every entry)</source>
        <translation>&quot;level_field&quot;（存放每个条目密级的字段）和 &quot;entry_level&quot;（全部条目统一的密级）须设置且只能设置其中一个</translation>
    </message>
    <message>
        <source>the level field &quot;{name}&quot; must be required: every entry needs a level</source>
        <translation>密级字段“{name}”必须为必填项：每个条目都要有密级</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; is not a valid format: {detail}</source>
        <translation>编号格式“{pattern}”无效：{detail}</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; may contain only capital letters, digits and dashes besides its placeholders</source>
        <translation>编号格式“{pattern}”除占位符外只能包含大写字母、数字和连字符</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; uses the unknown placeholder &quot;{name}&quot;; only {{year}} and {{seq}} are known</source>
        <translation>编号格式“{pattern}”使用了不认识的占位符“{name}”；只能使用 {{year}} 和 {{seq}}</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; pads the number as &quot;{spec}&quot;; write {{seq}} or {{seq:04}}</source>
        <translation>编号格式“{pattern}”中的序号补位写法“{spec}”无效；请写 {{seq}} 或 {{seq:04}}</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; must write the year as {{year}}</source>
        <translation>编号格式“{pattern}”中的年份应写作 {{year}}</translation>
    </message>
    <message>
        <source>the pattern &quot;{pattern}&quot; must contain the sequence number {{seq}} exactly once, for example TZ-{{year}}-{{seq:04}}</source>
        <translation>编号格式“{pattern}”必须包含且只包含一次序号 {{seq}}，例如 TZ-{{year}}-{{seq:04}}</translation>
    </message>
    <message>
        <source>the status code &quot;{code}&quot; is given twice</source>
        <translation>状态代码“{code}”重复</translation>
    </message>
    <message>
        <source>exactly one status must be marked initial = true; found {count} among {total} statuses</source>
        <translation>必须有且只有一个状态标为 initial = true；现在{total}个状态中有{count}个</translation>
    </message>
    <message>
        <source>a list column names a field this form does not have (nor number or status)</source>
        <translation>列表的列名不是本表单的字段（也不是 number 或 status）</translation>
    </message>
    <message>
        <source>a sort key names a field this form does not have (nor number or status)</source>
        <translation>排序键不是本表单的字段（也不是 number 或 status）</translation>
    </message>
    <message>
        <source>a print section names a field this form does not have (nor number or status)</source>
        <translation>打印分栏中的字段不是本表单的字段（也不是 number 或 status）</translation>
    </message>
    <message>
        <source>the column is listed twice</source>
        <translation>该列重复列出</translation>
    </message>
    <message>
        <source>orientation &quot;{value}&quot; must be portrait or landscape</source>
        <translation>方向“{value}”应为 portrait（纵向）或 landscape（横向）</translation>
    </message>
    <message>
        <source>a quick filter names a date field this form does not have</source>
        <translation>快速筛选指定了本表单没有的日期字段</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; must be a table of texts</source>
        <translation>键“{key}”须为由文本组成的表</translation>
    </message>
    <message>
        <source>the quick filter &quot;{id}&quot; is listed twice</source>
        <translation>快速筛选“{id}”重复列出</translation>
    </message>
    <message>
        <source>a total needs a number or money column of the list</source>
        <translation>合计只能用于列表中的数字或金额列</translation>
    </message>
    <message>
        <source>a search field must be a text-like field of this form (text, longtext, scope, person, account, entry_ref, resident_id or phone)</source>
        <translation>检索字段必须是本表单的文本类字段（text、longtext、scope、person、account、entry_ref、resident_id 或 phone）</translation>
    </message>
    <message>
        <source>a signature block needs its role label in Chinese and English (role_zh and role_en), for example 承诺人 / Signatory</source>
        <translation>签字栏需要中英文的角色名称（role_zh 和 role_en），例如 承诺人 / Signatory</translation>
    </message>
    <message>
        <source>unknown signature line &quot;{name}&quot;; use name, signature or date</source>
        <translation>不认识的签字栏行“{name}”；请使用 name、signature 或 date</translation>
    </message>
    <message>
        <source>a signature block lists each of name, signature and date at most once, and at least one of them</source>
        <translation>签字栏须列出 name、signature、date 中的至少一项，且每项最多一次</translation>
    </message>
    <message>
        <source>the rule id &quot;{rule}&quot; must look like module.rule, e.g. gifts.hand_in</source>
        <translation>规则编号“{rule}”应写作“模块.规则”，例如 gifts.hand_in</translation>
    </message>
    <message>
        <source>only approval forms have [[steps]]</source>
        <translation>只有审批表定义才能有 [[steps]]</translation>
    </message>
    <message>
        <source>an approval form needs at least one [[steps]] entry</source>
        <translation>审批表定义至少需要一个 [[steps]] 步骤</translation>
    </message>
    <message>
        <source>the step name &quot;{name}&quot; is used twice</source>
        <translation>步骤名“{name}”重复使用</translation>
    </message>
    <message>
        <source>unknown decider &quot;{decider}&quot;; use role, department_head or account</source>
        <translation>不认识的审批人类型“{decider}”；请用 role、department_head 或 account</translation>
    </message>
    <message>
        <source>a step decided by role needs &quot;role&quot;, one of {roles}</source>
        <translation>按角色审批的步骤须填写“role”，可选：{roles}</translation>
    </message>
    <message>
        <source>key &quot;{key}&quot; applies only to decider = &quot;{decider}&quot;</source>
        <translation>键“{key}”只适用于 decider = &quot;{decider}&quot;</translation>
    </message>
    <message>
        <source>a step decided by account needs exactly one of &quot;account&quot; and &quot;account_field&quot;</source>
        <translation>指定账号审批的步骤须在“account”和“account_field”中恰好填写一个</translation>
    </message>
    <message>
        <source>&quot;account_field&quot; must name a required field of type account: &quot;{name}&quot;</source>
        <translation>“account_field”必须是本表中类型为 account 的必填字段：“{name}”</translation>
    </message>
    <message>
        <source>days {days} must be between {low} and {high}</source>
        <translation>办理时限 {days} 须在 {low} 到 {high} 个工作日之间</translation>
    </message>
    <message>
        <source>the folder of form definitions does not exist</source>
        <translation>表单定义文件夹不存在</translation>
    </message>
    <message>
        <source>a definition of kind &quot;{kind}&quot; belongs in forms/{folder}/</source>
        <translation>种类为“{kind}”的定义应放在 forms/{folder}/ 下</translation>
    </message>
    <message>
        <source>the id &quot;{id}&quot; is already used by {other}</source>
        <translation>id“{id}”已被 {other} 使用</translation>
    </message>
    <message>
        <source>the target &quot;{target}&quot; is not the id of a register</source>
        <translation>目标“{target}”不是任何台账的 id</translation>
    </message>
    <message>
        <source>This field must be filled in.</source>
        <extracomment>The word a date field&apos;s ``default`` may hold to mean the day of entry.</extracomment>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>The list cannot be filtered so; please correct:</source>
        <translation>无法按此条件筛选，请更正以下各项：</translation>
    </message>
    <message>
        <source>Please confirm before saving:</source>
        <translation>保存前请确认以下事项：</translation>
    </message>
    <message>
        <source>There is no register {register}.</source>
        <extracomment>The clearance read once for many lookups (an import); else read at each. The connection to read through, when not the vault&apos;s own (an import&apos;s lookups read on a connection of their own while the vault&apos;s writes the rows checked before). The file&apos;s rows checked so far, as the rules&apos; lookups see them. Rows checked plus rows written so far; raises ``Cancelled`` when the user cancelled. Every bad row&apos;s problems, by its 1-based place in the file. The number each good row gets, in order. The warnings the importer confirmed, by entry number. An entry as :meth:`Registers.stored_rows` reads it: number, status code, term code, JSON.</extracomment>
        <translation>台账 {register} 不存在。</translation>
    </message>
    <message>
        <source>The {register} register is kept by the program itself.</source>
        <translation>“{register}”由程序自动登记，不能手工修改。</translation>
    </message>
    <message>
        <source>There is no entry {number} in this register.</source>
        <translation>本台账中没有编号为 {number} 的条目。</translation>
    </message>
    <message>
        <source>A date range needs a date field of this form.</source>
        <translation>日期范围须针对本表单的日期字段。</translation>
    </message>
    <message>
        <source>Enter a day, a month or a year, for example 2026-11-27, 2026-11 or 2026.</source>
        <translation>请输入日期、月份或年份，例如 2026-11-27、2026-11 或 2026。</translation>
    </message>
    <message>
        <source>The {register} register has no such deadline.</source>
        <translation>{register}没有这项期限。</translation>
    </message>
    <message>
        <source>Unknown status {status}.</source>
        <translation>无法识别的状态 {status}。</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <extracomment>A problem of an imported file, at the sheet&apos;s own row number (as the spreadsheet shows it).</extracomment>
        <translation>第 {row} 行，{problem}</translation>
    </message>
    <message>
        <source>A level goes down only through a recorded classification review decision, never by an edit; the entry stays {level}.</source>
        <translation>密级只能通过已登记的定密审查决定降低，不能直接修改；该条目仍为{level}。</translation>
    </message>
    <message>
        <source>This workstation is rated {rating}; a {level} record cannot be entered here.</source>
        <extracomment>Columns of ``entries`` in the order :func:`read` and the engine&apos;s row mapping use. ``json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(&quot;,&quot;, &quot;:&quot;))``, its encoder made once (``dumps`` with options makes one per call: a tenth of an import&apos;s time). Field type → (the type of its value, its storage form): ``forms.values.to_storage``&apos;s own cases, for the values of exactly that type (an import makes some 100,000 of them a second). The field types whose value is its own storage form, a ``str``.</extracomment>
        <translation>本工作站定级为{rating}，不能录入{level}级记录。</translation>
    </message>
    <message>
        <source>Your clearance does not allow entering a {level} record.</source>
        <translation>您的用户密级不允许录入{level}级记录。</translation>
    </message>
    <message>
        <source>{number} was changed by someone else while this was being saved. Nothing was saved; reopen it to see the changes and make yours again.</source>
        <extracomment>A new entry at revision 1 (``id`` NULL: SQLite numbers it) and its first revision — the statements a single save and a bulk load share. Many new entries are written a batch at a time, each batch one JSON array of rows bound as one parameter and read back with ``jsonb_each`` (three times faster than ``json_each``, whose rows are texts that each ``-&gt;&gt;`` parses again): one statement, one step, for the entries, one for their first revisions, one for their search text. SQLite opens a cursor on every index of a table each time an INSERT statement runs, and with a partial index per register and list column (some 280) that opening costs ~0.4 ms a row when each row is a statement of its own (``executemany``) — twenty times the insert itself; and a statement per row takes Python&apos;s lock back at each row, which a thread writing beside a thread checking (:class:`WritesAside`) waits for every time. The rows of a batch as one JSON array (the text kept as it is: no ``\u`` escapes). A revision row&apos;s ``data`` while it is the entry&apos;s latest: the values are the entry row&apos;s (schema 8; see ``vault.db.V8``). :func:`revision_data` reads either. Before a new revision replaces the latest, the latest&apos;s values go into its own row.</extracomment>
        <translation>保存时 {number} 已被他人修改，未保存任何内容；请重新打开查看改动后再修改。</translation>
    </message>
    <message>
        <source>Entry {number} is void and cannot be changed.</source>
        <translation>条目 {number} 已作废，不能修改。</translation>
    </message>
    <message>
        <source>Entry {number} was saved by {account} at {at} (revision {revision}) after you opened it (revision {seen}). Nothing was saved; reopen it to see the changes and make yours again.</source>
        <translation>您打开条目 {number}（第{seen}版）后，{account} 已于 {at} 保存了该条目（第{revision}版）。您的修改未保存；请重新打开该条目查看改动，再重新修改。</translation>
    </message>
    <message>
        <source>Give the reason for voiding.</source>
        <translation>请填写作废原因。</translation>
    </message>
    <message>
        <source>Entry {number} is already void.</source>
        <translation>条目 {number} 已作废。</translation>
    </message>
    <message>
        <source>A {level} record cannot be entered here; nothing was saved.</source>
        <translation>本机不能录入{level}级记录，未保存任何内容。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <extracomment>Rows of an import handed to its writing thread at a time: small enough that checking and writing overlap from the start, large enough that a batch&apos;s statements (each opens a cursor on every index of ``entries``) cost little per row. Rows of an import per step of the search index&apos;s tidying after it (``add_many``). Called with (done, total); returns False to cancel (everything is then rolled back).</extracomment>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported; {n} problems in the file:</source>
        <translation>未导入任何条目；文件中有{n}处问题：</translation>
    </message>
    <message>
        <source>{path}: only .csv and .xlsx files can be used.</source>
        <translation>{path}：只能使用 .csv 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is neither UTF-8 nor GB18030 text.</source>
        <translation>{path} 既不是 UTF-8 编码也不是 GB18030 编码的文本。</translation>
    </message>
    <message>
        <source>Column {index} &quot;{title}&quot; is not a field of {form}.</source>
        <translation>第{index}列“{title}”不是“{form}”的字段。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>A top secret drawing must always be recalled.</source>
        <translation>绝密图纸必须回收。</translation>
    </message>
    <message>
        <source>A drawing that must be recalled needs a recall due date.</source>
        <translation>需回收的图纸必须填写应回收日期。</translation>
    </message>
    <message>
        <source>Give the date the drawing came back.</source>
        <translation>请填写图纸回收日期。</translation>
    </message>
    <message>
        <source>A lost drawing needs the date the loss was recorded and a note of the loss and the written notice.</source>
        <translation>图纸遗失的，须填写遗失登记日期，并说明遗失情况及书面告知情况。</translation>
    </message>
    <message>
        <source>Drawing {drawing} was already issued to {receiver} ({numbers}) and is neither recalled nor recorded as lost; it cannot be issued again to the same receiver until then.</source>
        <translation>图纸 {drawing} 已发放给 {receiver}（{numbers}），尚未回收也未登记遗失；在此之前不得向同一接收者再次发放。</translation>
    </message>
    <message>
        <source>Recall overdue since {due} ({days} days).</source>
        <translation>应于 {due} 回收，已逾期{days}天。</translation>
    </message>
    <message>
        <source>Handed in {days} days after receipt (due within 7 days); give the reason for the delay.</source>
        <extracomment>Kinds that are handed in whatever their value. What finance does with what was handed in (S7 §9–§10): each after the hand-in, approved. Cash handed in stays with finance (§9.1); it may only go to rewards, relief or donation.</extracomment>
        <translation>收受后第 {days} 天才上交（应在7天内上交），请填写逾期原因。</translation>
    </message>
    <message>
        <source>Cash, cards, securities and gifts worth 500 yuan or more must be handed in; they cannot stay with the recipient.</source>
        <translation>礼金、各种卡、有价证券以及价值500元以上的礼品必须上交，不能由受礼人自行处理。</translation>
    </message>
    <message>
        <source>Not handed in; it was due on {due} ({days} days late).</source>
        <translation>尚未上交：应于 {due} 前上交，已逾期{days}天。</translation>
    </message>
    <message>
        <source>Handed in late ({days} days after receipt).</source>
        <translation>逾期上交（收受后{days}天）。</translation>
    </message>
    <message>
        <source>A hand-in names to whom it was handed and the voucher number.</source>
        <translation>上交须填写接收经办人和凭证编号。</translation>
    </message>
    <message>
        <source>Say how it was disposed of.</source>
        <translation>请填写处理方式。</translation>
    </message>
    <message>
        <source>A gift is disposed of only after it has been handed in.</source>
        <translation>礼品礼金须先上交，方可处理。</translation>
    </message>
    <message>
        <source>Cash handed in stays with finance; it may only go to rewards, relief or donation.</source>
        <translation>上交的礼金一律由财务部门保管，只能用于奖励、帮困或捐赠。</translation>
    </message>
    <message>
        <source>Give the day of the disposal.</source>
        <translation>请填写处理日期。</translation>
    </message>
    <message>
        <source>Disposed of on {disposed}, before it was handed in on {handed}.</source>
        <translation>处理日期{disposed}早于上交日期{handed}。</translation>
    </message>
    <message>
        <source>A disposal is approved by the head of the company and finance line; name the approver.</source>
        <translation>处理须经公司和财务条线部门负责人审批，请填写审批人。</translation>
    </message>
    <message>
        <source>Gifts and securities are disposed of after review with the head of the administration line; name them.</source>
        <translation>礼品和有价证券的处置须由行政条线部门负责人会同审核，请填写会同审核人。</translation>
    </message>
    <message>
        <source>{file}: rules: unknown rule &quot;{rule}&quot;.</source>
        <extracomment>The print register&apos;s field naming what was printed (``kind:number``). Registers the program fills itself; people read them but never add, edit or void entries.</extracomment>
        <translation>{file}：rules：无法识别的规则“{rule}”。</translation>
    </message>
    <message>
        <source>The number of copies must be between 1 and {limit}.</source>
        <translation>份数须在 1 至 {limit} 之间。</translation>
    </message>
    <message>
        <source>{number} was printed before; a reprint (补打) needs a reason.</source>
        <extracomment>Where a recorded print goes; it runs inside the print&apos;s transaction, so raising (a printer that refused, a full disk) records nothing.</extracomment>
        <translation>{number} 已打印过，补打须填写原因。</translation>
    </message>
    <message>
        <source>{path} is not a readable {kind} file ({reason}); nothing was imported.</source>
        <translation>{path} 不是可读取的 {kind} 文件（{reason}）；未导入任何内容。</translation>
    </message>
    <message>
        <source>The secrecy term ended on {date}; record a classification review decision (declassify, extend or change the level).</source>
        <extracomment>Days before a term ends from which an entry is due for review (shown amber). The flag codes the review queue&apos;s home-tab lines count.</extracomment>
        <translation>保密期限已于{date}届满，请登记定密审查决定（解密、延长期限或变更密级）。</translation>
    </message>
    <message>
        <source>The secrecy term ends on {date}: due for classification review.</source>
        <translation>保密期限将于{date}届满，需进行定密审查。</translation>
    </message>
    <message>
        <source>Write the half year as 2026H1 or 2026上半年, not &quot;{text}&quot;.</source>
        <translation>半年度请写作 2026H1 或 2026上半年，而不是“{text}”。</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <source>Code {code}: printed {at} by {who} ({record}); it matches the current revision {rev} of {object}.</source>
        <extracomment>(kind, number, clearance) → the object&apos;s current revision, or None when none is visible.</extracomment>
        <translation>验证码 {code}：{who} 于 {at} 打印（{record}），与 {object} 的当前版本（第{rev}版）一致。</translation>
    </message>
    <message>
        <source>Code {code}: printed {at} by {who} ({record}) from revision {rev} of {object}; the entry has since changed (now revision {now}).</source>
        <translation>验证码 {code}：{who} 于 {at} 打印（{record}），印的是 {object} 的第{rev}版；该条目此后已修改（现为第{now}版）。</translation>
    </message>
    <message>
        <source>Code {code}: a list printed {at} by {who} ({record}): {object}.</source>
        <translation>验证码 {code}：{who} 于 {at} 打印的台账清单（{record}）：{object}。</translation>
    </message>
    <message>
        <source>Code {code} does not match any print this account may see.</source>
        <translation>验证码 {code} 与本账户可见的任何打印记录都不符。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>PREVIEW — NOT FOR PRINTING</source>
        <extracomment>Runs when a draft is shown: the module records that its record was viewed on screen.</extracomment>
        <translation>预览 — 不得打印</translation>
    </message>
    <message>
        <source>Preview: the verification code, the print register number and the print time are added when the document is printed.</source>
        <translation>预览稿：验证码、打印登记号和打印时间在正式打印时生成。</translation>
    </message>
</context>
</TS>

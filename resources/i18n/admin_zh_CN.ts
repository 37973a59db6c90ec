<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Making the search index again (once after an upgrade)…</source>
        <translation>正在重建检索索引（升级后只需一次）……</translation>
    </message>
    <message>
        <source>Search index: {percent}% done</source>
        <translation>检索索引：已完成 {percent}%</translation>
    </message>
    <message>
        <source>Password for {login}:</source>
        <translation>请输入 {login} 的密码：</translation>
    </message>
    <message>
        <source>Initial password for {login} ({role}):</source>
        <translation>请设置 {login}（{role}）的初始密码：</translation>
    </message>
    <message>
        <source>Vault created in {path}.</source>
        <translation>加密数据库已创建于 {path}。</translation>
    </message>
    <message>
        <source>RECOVERY CODE (shown only this once; print it or write it down and keep it in the safe):</source>
        <translation>恢复码（仅显示这一次；请打印或抄写下来，存放于保密柜）：</translation>
    </message>
    <message>
        <source>If every password and this code are lost, nobody can recover the data.</source>
        <translation>如果所有密码和本恢复码都已丢失，任何人都无法恢复数据。</translation>
    </message>
    <message>
        <source>Each administrator must change the initial password at the first login.</source>
        <translation>各管理员首次登录时须修改初始密码。</translation>
    </message>
    <message>
        <source>Initial password for {login}:</source>
        <translation>请设置 {login} 的初始密码：</translation>
    </message>
    <message>
        <source>Account {login} added; it must change its password at first login. The security administrator grants its roles.</source>
        <translation>已添加账户 {login}，该账户首次登录时须修改密码。其角色由安全保密管理员授予。</translation>
    </message>
    <message>
        <source>Account {login} disabled; the vault key was rotated.</source>
        <translation>账户 {login} 已停用，加密数据库密钥已更换。</translation>
    </message>
    <message>
        <source>Account {login} unlocked.</source>
        <translation>账户 {login} 已解锁。</translation>
    </message>
    <message>
        <source>Account {login}: roles {roles}, clearance {level}.</source>
        <translation>账户 {login}：角色 {roles}，用户密级 {level}。</translation>
    </message>
    <message>
        <source>New password for {login}:</source>
        <translation>请输入 {login} 的新密码：</translation>
    </message>
    <message>
        <source>Password of {login} reset; it must be changed at the next login.</source>
        <translation>{login} 的密码已重设，下次登录时须修改。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Checking the database pages (quick check)…</source>
        <translation>正在检查数据库页面（快速检查）…</translation>
    </message>
    <message>
        <source>Checking the database pages and indexes…</source>
        <translation>正在检查数据库页面和索引…</translation>
    </message>
    <message>
        <source>Verify: {percent}% done</source>
        <translation>校验：已完成 {percent}%</translation>
    </message>
    <message>
        <source>SQLCipher {version}</source>
        <translation>SQLCipher 版本 {version}</translation>
    </message>
    <message>
        <source>Database problem: {problem}</source>
        <translation>数据库问题：{problem}</translation>
    </message>
    <message>
        <source>Audit trail: {problem}</source>
        <translation>审计日志：{problem}</translation>
    </message>
    <message>
        <source>Database pages sound; key file sound; audit trail intact after the seal on record {seq} ({n} records checked, {s} seals). Run verify without --quick to check the whole trail.</source>
        <translation>数据库页面完好；密钥文件完好；第 {seq} 条记录的封存之后审计记录完整（检查 {n} 条，封存 {s} 个）。如需检查全部审计记录，请不带 --quick 运行 verify。</translation>
    </message>
    <message>
        <source>Database sound; key file sound; audit trail intact ({n} records, {s} seals).</source>
        <translation>数据库完好；密钥文件完好；审计日志完整（{n}条记录，{s}个审计签章）。</translation>
    </message>
    <message>
        <source>Audit trail intact: {n} records, {s} seals.</source>
        <translation>审计日志完整：{n}条记录，{s}个审计签章。</translation>
    </message>
    <message>
        <source>Audit trail broken at record {seq} ({kind}): {detail}</source>
        <translation>审计日志在第{seq}条记录处校验不通过（{kind}）：{detail}</translation>
    </message>
    <message>
        <source>Audit trail sealed at record {seq} (hash {hash}).</source>
        <translation>已对审计日志加盖审计签章，截至第{seq}条记录（哈希值 {hash}）。</translation>
    </message>
    <message>
        <source>{n} records exported to {path}; signature in {sig}.</source>
        <translation>已将{n}条记录导出到 {path}，签名文件为 {sig}。</translation>
    </message>
    <message>
        <source>{n} audit records purged.</source>
        <translation>已清理{n}条审计记录。</translation>
    </message>
    <message>
        <source>Backup written to {path} and verified: {records} audit records, {size} bytes, SHA-256 {digest}.</source>
        <translation>备份已写入 {path} 并校验通过：审计记录{records}条，{size}字节，SHA-256 {digest}。</translation>
    </message>
    <message>
        <source>Backup restored into {path}; it opens and its trail is intact.</source>
        <translation>备份已恢复到 {path}；可以正常打开，审计日志完整。</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <source>Account {login} has a new password; it must be changed at the next login.</source>
        <translation>账户 {login} 已设置新密码，下次登录时须修改。</translation>
    </message>
    <message>
        <source>Demo vault created in {path}. Accounts (login / first password / role; each password is changed at the account&apos;s first login):</source>
        <translation>演示用加密数据库已创建于 {path}。账户（账户名 / 初始密码 / 角色；每个账户首次登录时须修改密码）：</translation>
    </message>
    <message>
        <source>Interrupted; nothing was saved.</source>
        <translation>操作已中断，未保存任何内容。</translation>
    </message>
    <message>
        <source>The operation failed: {reason}. Nothing was saved.</source>
        <translation>操作失败：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>已作废：{reason}</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source>Saved as {number} ({mark}).</source>
        <translation>已保存，编号 {number}（{mark}）。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>内容没有改动。</translation>
    </message>
    <message>
        <source>Saved {number} as revision {n}; changed: {fields}.</source>
        <translation>已保存 {number} 第{n}版；改动的项目：{fields}。</translation>
    </message>
    <message>
        <source>Entry {number} is void; it keeps its number and history.</source>
        <translation>条目 {number} 已作废，其编号和历史记录予以保留。</translation>
    </message>
    <message>
        <source>{n} entries.</source>
        <translation>共{n}个条目。</translation>
    </message>
    <message>
        <source>{n} entries imported: {first} … {last}.</source>
        <translation>已导入{n}个条目：{first} 至 {last}。</translation>
    </message>
    <message>
        <source>The file holds no entries.</source>
        <translation>文件中没有条目。</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF文件 {path}</translation>
    </message>
    <message>
        <source>Printed to {path} ({mark}); print register {record}, verification code {code}.</source>
        <translation>已打印到 {path}（{mark}）；打印登记号 {record}，验证码 {code}。</translation>
    </message>
    <message>
        <source>Marked as reprint (补打).</source>
        <translation>已标注为补打。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Record {seq} was changed after it was written.</source>
        <translation>第{seq}条记录在写入后被改动。</translation>
    </message>
    <message>
        <source>Record {seq} is missing from the trail.</source>
        <translation>审计日志中缺少第{seq}条记录。</translation>
    </message>
    <message>
        <source>Record {seq} is out of order: it was written as record {found}.</source>
        <translation>第{seq}条记录顺序错乱：该记录写入时为第{found}条。</translation>
    </message>
    <message>
        <source>The trail is truncated: it ends at record {found}, but record {expected} was written.</source>
        <translation>审计日志被截断：现止于第{found}条记录，但实际已写入至第{expected}条。</translation>
    </message>
    <message>
        <source>The database was rolled back to an older copy: it ends at record {found}, but record {expected} was written.</source>
        <translation>数据库已被回退为旧副本：审计日志止于第{found}条记录，但实际已写入至第{expected}条。</translation>
    </message>
    <message>
        <source>The auditor&apos;s seal over record {seq} is forged or does not match the trail.</source>
        <translation>第{seq}条记录处的审计签章系伪造，或与审计日志不符。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Login</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>涉密等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>created</source>
        <extracomment>What a revision did, as the history shows it.</extracomment>
        <translation>新建</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A resident ID number has 18 characters; this one has {count}.</source>
        <extracomment>Province-level codes (the first two digits). 71 Taiwan, 81 Hong Kong, 82 Macao as used on residence permits; 83 is the code on residence permits of Taiwan residents (GB/T 2260 and the 2017 residence-permit rules). Weights 2**(17-i) mod 11 for positions 1..17 (ISO 7064 MOD 11-2). Oldest plausible birth year for a living person entered today.</extracomment>
        <translation>公民身份号码应为18位，现为{count}位。</translation>
    </message>
    <message>
        <source>A resident ID number is 17 digits followed by a digit or the letter X.</source>
        <translation>公民身份号码由17位数字加1位数字或字母X组成。</translation>
    </message>
    <message>
        <source>The ID number starts with {code}, which is not a province code; check the first two digits.</source>
        <translation>身份号码以 {code} 开头，这不是有效的省级行政区划代码，请核对前两位。</translation>
    </message>
    <message>
        <source>Digits 7 to 14 of the ID number ({digits}) are not a real date of birth.</source>
        <translation>身份号码第7至14位（{digits}）不是真实的出生日期。</translation>
    </message>
    <message>
        <source>The ID number gives a date of birth in the future ({birth}).</source>
        <translation>身份号码中的出生日期（{birth}）晚于今天。</translation>
    </message>
    <message>
        <source>The ID number gives a date of birth before 1900 ({birth}).</source>
        <translation>身份号码中的出生日期（{birth}）早于1900年，请核对。</translation>
    </message>
    <message>
        <source>The ID number is not valid: its last character does not match the others. Check it for a mistyped digit.</source>
        <translation>身份号码校验不通过：最后一位校验码与前17位不符，请检查是否有输错的数字。</translation>
    </message>
    <message>
        <source>The ID number belongs to a man (its 17th digit is odd), but the gender entered is female.</source>
        <translation>身份号码第17位为奇数，应为男性，但填写的性别是女。</translation>
    </message>
    <message>
        <source>The ID number belongs to a woman (its 17th digit is even), but the gender entered is male.</source>
        <translation>身份号码第17位为偶数，应为女性，但填写的性别是男。</translation>
    </message>
    <message>
        <source>The date of birth {entered} does not match the one in the ID number ({birth}).</source>
        <translation>填写的出生日期 {entered} 与身份号码中的出生日期（{birth}）不一致。</translation>
    </message>
    <message>
        <source>{path} is on removable media. Exports and backups may only be written to a fixed local disk of this workstation; the attempt has been recorded.</source>
        <extracomment>Filesystems that keep their files in memory. Filesystems whose files leave the machine (or may: FUSE can be anything).</extracomment>
        <translation>{path} 位于移动存储介质上。导出和备份只能写入本工作站的固定本地磁盘；本次操作已记入审计日志。</translation>
    </message>
    <message>
        <source>A permission is written module:action, not {text}.</source>
        <extracomment>What each business role may do in every business module until the secadmin changes it.</extracomment>
        <translation>权限应写作 module:action（模块:操作），不能写作 {text}。</translation>
    </message>
    <message>
        <source>Unknown action {action} in permission {text}.</source>
        <translation>权限 {text} 中的操作 {action} 无法识别。</translation>
    </message>
    <message>
        <source>An account needs at least one role.</source>
        <translation>账户至少需要一个角色。</translation>
    </message>
    <message>
        <source>An administrator role cannot be combined with any other role (三员分立).</source>
        <translation>管理员角色不能与其他任何角色兼任（三员分立）。</translation>
    </message>
    <message>
        <source>You may not {action} in {module}.</source>
        <translation>您无权在“{module}”中{action}。</translation>
    </message>
    <message>
        <source>Only the {roles} may do this.</source>
        <translation>只有{roles}可以执行此操作。</translation>
    </message>
    <message>
        <source>A workstation is rated 秘密 or 机密, not {rating}.</source>
        <extracomment>The floor for each workstation rating (published secrecy-system requirements).</extracomment>
        <translation>工作站定级只能是秘密或机密，不能是{rating}。</translation>
    </message>
    <message>
        <source>The policy may be made stricter, never looser than the {rating} floor (at least {length} characters, changed every {days} days at most, {failures} failures at most, idle lock within {idle} minutes).</source>
        <translation>密码策略只能比{rating}级工作站的最低要求更严，不能更宽（密码至少{length}位，至多{days}天更换一次，登录失败至多{failures}次，空闲{idle}分钟内锁屏）。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码长度至少为{n}位。</translation>
    </message>
    <message>
        <source>The password needs {n} of: capital letters, small letters, digits, other signs.</source>
        <translation>密码须包含以下四类字符中的至少{n}类：大写字母、小写字母、数字、其他符号。</translation>
    </message>
    <message>
        <source>The password must not contain the account name.</source>
        <translation>密码不能包含账户名。</translation>
    </message>
    <message>
        <source>The password must not contain a line break.</source>
        <translation>密码不能包含换行符。</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters, this has {count}.</source>
        <translation>内容过长：最多{max}个字，现有{count}个字。</translation>
    </message>
    <message>
        <source>Too short: at least {min} characters.</source>
        <translation>内容过短：至少需要{min}个字。</translation>
    </message>
    <message>
        <source>This field takes one line; remove the line break.</source>
        <translation>此项只能填写一行，请删除换行。</translation>
    </message>
    <message>
        <source>Contains an invisible or control character ({char}); remove it.</source>
        <translation>含有不可见字符或控制字符（{char}），请删除。</translation>
    </message>
    <message>
        <source>Enter a whole number, for example 3.</source>
        <translation>请填写整数，例如 3。</translation>
    </message>
    <message>
        <source>Must be at least {min}.</source>
        <translation>不能小于{min}。</translation>
    </message>
    <message>
        <source>Must be at most {max}.</source>
        <translation>不能大于{max}。</translation>
    </message>
    <message>
        <source>An amount has at most two decimal places (fen), like 12.50.</source>
        <translation>金额最多保留两位小数（到分），例如 12.50。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, for example 1234.50 or ¥1,234.50.</source>
        <translation>请填写以元为单位的金额，例如 1234.50 或 ¥1,234.50。</translation>
    </message>
    <message>
        <source>Enter a real date as year-month-day, for example 2026-11-27.</source>
        <translation>请按“年-月-日”填写真实日期，例如 2026-11-27。</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>日期 {date} 晚于今天，不能填写将来的日期。</translation>
    </message>
    <message>
        <source>The date must not be before {min}.</source>
        <translation>日期不能早于 {min}。</translation>
    </message>
    <message>
        <source>The date must not be after {max}.</source>
        <translation>日期不能晚于 {max}。</translation>
    </message>
    <message>
        <source>The date {date} is earlier than “{other}” ({other_date}).</source>
        <translation>日期 {date} 早于“{other}”（{other_date}）。</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>请从以下选项中选择：{choices}。</translation>
    </message>
    <message>
        <source>Answer 是 or 否 (yes or no).</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>Choose a level from: {choices}.</source>
        <translation>请从以下密级中选择：{choices}。</translation>
    </message>
    <message>
        <source>Write the condition after 条件:, for example 条件:项目验收后.</source>
        <translation>请在“条件:”后写明解密条件，例如 条件:项目验收后。</translation>
    </message>
    <message>
        <source>A term in years is between 1 and {max} years.</source>
        <translation>以年计的保密期限应在1年到{max}年之间。</translation>
    </message>
    <message>
        <source>The term ends on {date}, which is not after today.</source>
        <translation>保密期限截止于 {date}，不晚于今天，请核对。</translation>
    </message>
    <message>
        <source>Enter a term as a number of years (10年), an end date (2030-12-31), 长期 for long-term, or 条件: followed by the condition.</source>
        <translation>保密期限可填年数（如 10年）、截止日期（如 2030-12-31）、“长期”，或“条件:”加解密条件。</translation>
    </message>
    <message>
        <source>Only items classified 秘密 or above have a secrecy term; clear the term or choose a classified level.</source>
        <translation>只有秘密级及以上的事项才有保密期限；请清空保密期限，或选择涉密的密级。</translation>
    </message>
    <message>
        <source>Name at least one person or department, separated by 、.</source>
        <translation>请至少填写一个人员或部门，多个之间用“、”分隔。</translation>
    </message>
    <message>
        <source>At most {max} people or departments.</source>
        <translation>人员或部门最多{max}个。</translation>
    </message>
    <message>
        <source>Enter an entry number as the register writes it, like {example}.</source>
        <extracomment>A generic entry number: capital letters and digits in groups joined by ``-``.</extracomment>
        <translation>请按台账的编号格式填写，例如 {example}。</translation>
    </message>
    <message>
        <source>An account name has 3 to 32 characters: a Latin letter first, then letters, digits, dots, dashes or underscores.</source>
        <translation>账户名为3至32个字符：以英文字母开头，其后可用字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <source>Enter a mobile number of 11 digits (13812345678) or a landline with its area code (010-12345678).</source>
        <translation>请填写11位手机号码（如 13812345678），或带区号的固定电话（如 010-12345678）。</translation>
    </message>
    <message>
        <source>The audit record could not be written ({reason}), so the action was not carried out.</source>
        <extracomment>Set on a verification-only session over a broken chain: records are made (and returned) but not appended, so nothing covers up what was found.</extracomment>
        <translation>审计记录无法写入（{reason}），因此该操作未执行。</translation>
    </message>
    <message>
        <source>Audit records younger than {days} days cannot be purged.</source>
        <extracomment>Records read and checked at a time by the chain walk. A chain at least this long is walked in parallel chunks by worker processes (below it, starting the processes costs more than it saves). Records per chunk of a parallel walk (each chunk is one task for a worker process). Called with (records checked, records to check) as the walk goes. Worker processes: 0, one per processor (at most four); 1, the chunks one after the other in this process.</extracomment>
        <translation>保存不满{days}天的审计记录不能清理。</translation>
    </message>
    <message>
        <source>Seal the audit trail before purging: unsealed records cannot be purged.</source>
        <translation>清理前请先对审计日志加盖审计签章：未加盖审计签章的记录不能清理。</translation>
    </message>
    <message>
        <source>Only the security auditor and the security administrator read the audit trail.</source>
        <extracomment>Records the secadmin may not read: the administrators&apos; own and the system&apos;s.</extracomment>
        <translation>只有安全审计员和安全保密管理员可以查阅审计日志。</translation>
    </message>
    <message>
        <source>This auditor account has no seal key.</source>
        <translation>该安全审计员账户没有审计签章密钥。</translation>
    </message>
    <message>
        <source>The vault is busy in another program; nothing was saved. Try again.</source>
        <translation>加密数据库正被其他程序占用，未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>The vault could not save: {reason}. Nothing was saved.</source>
        <translation>加密数据库保存失败：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <source>{path} is not a Secrecy Desk vault database, is damaged, or does not belong to this key file.</source>
        <extracomment>Re-exported so callers can catch storage errors without importing sqlcipher3.</extracomment>
        <translation>{path} 不是保密台账工作站的加密数据库，或已损坏，或与本密钥文件不匹配。</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was overwritten.</source>
        <translation>{path} 已存在，未覆盖任何内容。</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of Secrecy Desk (schema {found}; this program knows up to {known}). Use the newer program.</source>
        <extracomment>The latest revision&apos;s values live in the entry row only: its revision row holds ``&apos;&apos;`` (never valid JSON) instead of a second copy, and the copy is written into the revision row when a newer revision replaces it — the one change a revision row allows, checked by the trigger to be exactly the entry&apos;s own values at that revision. Every entry never edited (most of a register) so stores its values once. How many live entries each register holds at each level, kept by triggers (entries are never deleted; a void, a restore or a change of level moves one): a register&apos;s unfiltered count is a sum of a few rows instead of a walk through an index of every entry (0.3 s at 2M). The carrier events of a period, counted by kind for the periodic work report (the date first, the entry last: the count joins each event to its entry for the clearance). The search index&apos;s segments up to which it is left as it is (:func:`tidy_search_index`). The merge work one tidying does, in index pages written: 0.1–0.3 s at 2,000,000 entries. Every schema step, in order. The vault owns the whole schema (the packages above it only run queries), so a vault opened by any entry point reaches the same version.</extracomment>
        <translation>该加密数据库由较新版本的保密台账工作站写入（数据结构版本 {found}，本程序最高支持版本 {known}）。请使用新版程序。</translation>
    </message>
    <message>
        <source>The vault {path} must be upgraded to this version, but the copy made before the upgrade could not be written or did not verify ({reason}). Nothing was changed; free disk space in the vault folder or ask the system administrator.</source>
        <extracomment>Files of a vault folder copied before an upgrade (the lock file is not).</extracomment>
        <translation>加密数据库 {path} 需要升级到本版本，但升级前的副本无法写入或未通过校验（{reason}）。未作任何改动；请清理数据库文件夹所在磁盘的空间，或联系系统管理员。</translation>
    </message>
    <message>
        <source>This vault is from a version too old to upgrade (schema {found}).</source>
        <translation>该加密数据库的版本过旧，无法升级（数据结构版本 {found}）。</translation>
    </message>
    <message>
        <source>The vault {path} is already open in another running copy of Secrecy Desk. Close that copy first.</source>
        <translation>加密数据库 {path} 已被另一个正在运行的保密台账工作站程序打开，请先关闭该程序。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged or is not a Secrecy Desk key file.</source>
        <extracomment>The slot&apos;s own checksum did not match when it was read: a flipped bit, not a wrong password. Its check is kept as read, so rewriting the key file never hides the damage. Slot checksums are part of the file (every file this version writes; older files lack them, and their MAC was computed without them).</extracomment>
        <translation>密钥文件 {path} 已损坏，或不是保密台账工作站的密钥文件。</translation>
    </message>
    <message>
        <source>The key file {path} was written by another version of Secrecy Desk (key file version {version}).</source>
        <translation>密钥文件 {path} 由其他版本的保密台账工作站写入（密钥文件版本 {version}）。</translation>
    </message>
    <message>
        <source>The key file {path} is missing. Restore it from the backup (the previous generation is kept as vault.key.prev).</source>
        <translation>密钥文件 {path} 缺失。请从备份中恢复（上一代密钥文件保存为 vault.key.prev）。</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read: {reason}.</source>
        <translation>无法读取密钥文件 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Wrong account name or password.</source>
        <extracomment>Password history hashes (no reuse of the last five) — inside the encrypted database.</extracomment>
        <translation>账户名或密码错误。</translation>
    </message>
    <message>
        <source>Account {login} is locked after too many failed logins. Ask the security administrator to unlock it.</source>
        <translation>账户 {login} 因登录失败次数过多已被锁定，请联系安全保密管理员解锁。</translation>
    </message>
    <message>
        <source>Account {login} is disabled and can no longer log in.</source>
        <translation>账户 {login} 已停用，不能再登录。</translation>
    </message>
    <message>
        <source>There is no account {login}.</source>
        <translation>账户 {login} 不存在。</translation>
    </message>
    <message>
        <source>The password of {login} must be changed before anything else (first login or expired).</source>
        <translation>账户 {login} 须先修改密码才能进行其他操作（首次登录或密码已过期）。</translation>
    </message>
    <message>
        <source>The key file is damaged: the account&apos;s slot is unusable.</source>
        <translation>密钥文件已损坏：该账户的密钥槽无法使用。</translation>
    </message>
    <message>
        <source>The key file does not match the account&apos;s role; it was altered.</source>
        <translation>密钥文件与该账户的角色不符，密钥文件已被篡改。</translation>
    </message>
    <message>
        <source>This vault has no recovery slot.</source>
        <translation>该加密数据库未设置恢复码。</translation>
    </message>
    <message>
        <source>The recovery code is not correct.</source>
        <translation>恢复码不正确。</translation>
    </message>
    <message>
        <source>The person&apos;s name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <source>The account name {login} is already taken.</source>
        <translation>账户名 {login} 已被使用。</translation>
    </message>
    <message>
        <source>An administrator account cannot be disabled: the three administrators must always exist. Give it a new password through recovery instead.</source>
        <translation>管理员账户不能停用：三员账户必须始终存在。如有需要，请使用恢复码为其重设密码。</translation>
    </message>
    <message>
        <source>Account {login} is already disabled.</source>
        <translation>账户 {login} 已处于停用状态。</translation>
    </message>
    <message>
        <source>Give a reason for disabling.</source>
        <translation>请填写停用原因。</translation>
    </message>
    <message>
        <source>Administrator accounts get no business roles or permissions (三员分立).</source>
        <translation>管理员账户不能授予业务角色或业务权限（三员分立）。</translation>
    </message>
    <message>
        <source>Only business roles (clerk, officer, approver) can be granted; the three administrator roles are fixed at setup.</source>
        <translation>只能授予业务角色（录入员、保密员、审批人）；三员角色在初始化时已确定。</translation>
    </message>
    <message>
        <source>A clearance above the workstation&apos;s rating ({rating}) is not possible here.</source>
        <translation>用户密级不能高于本工作站的定级（{rating}）。</translation>
    </message>
    <message>
        <source>Account {login} does not hold that role.</source>
        <translation>账户 {login} 没有该角色。</translation>
    </message>
    <message>
        <source>Administrator roles are fixed at setup.</source>
        <translation>管理员角色在初始化时已确定，不能更改。</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The new password must differ from the last {n} passwords.</source>
        <translation>新密码不能与最近{n}次使用过的密码相同。</translation>
    </message>
    <message>
        <source>An administrator&apos;s password can only be reset with the recovery code.</source>
        <translation>管理员的密码只能使用恢复码重设。</translation>
    </message>
    <message>
        <source>The unit name is required.</source>
        <extracomment>The head problem found at open when the vault was opened despite it (verify). What an older copy put back lacks compared with the rollback anchor (verify). The schema upgrade this open made (and the verified copy made before it), if any: for the window to say so.</extracomment>
        <translation>单位名称为必填项。</translation>
    </message>
    <message>
        <source>A vault starts with exactly three administrators: system, security and audit (三员), each a different account.</source>
        <translation>加密数据库初始化时须设置且只设置三名管理员：系统管理员、安全保密管理员、安全审计员（三员），各用一个不同的账户。</translation>
    </message>
    <message>
        <source>The three administrators must be three different accounts.</source>
        <translation>三员必须是三个不同的账户。</translation>
    </message>
    <message>
        <source>{path} already holds a vault; nothing was overwritten.</source>
        <translation>{path} 中已有加密数据库，未覆盖任何内容。</translation>
    </message>
    <message>
        <source>{path} is not a Secrecy Desk vault.</source>
        <translation>{path} 不是保密台账工作站的加密数据库。</translation>
    </message>
    <message>
        <source>The key file {path} has been altered outside Secrecy Desk.</source>
        <translation>密钥文件 {path} 已在保密台账工作站之外被改动。</translation>
    </message>
    <message>
        <source>The key file belongs to a different vault.</source>
        <translation>该密钥文件属于另一个加密数据库。</translation>
    </message>
    <message>
        <source>The vault&apos;s audit trail does not match its key file ({kind} at record {seq}: expected up to record {expected}, found {found}). The database may have been replaced by an older copy or altered. Ask the security auditor to run a verification.</source>
        <translation>加密数据库的审计日志与密钥文件不符（{kind}，位于第{seq}条记录：应至记录号 {expected}，实际至记录号 {found}）。数据库可能已被旧副本替换或被篡改。请联系安全审计员进行校验。</translation>
    </message>
    <message>
        <source>An account name has 2 to 32 characters, with no spaces, quotes, colons or slashes.</source>
        <translation>账户名为2至32个字符，不能含有空格、引号、冒号或斜杠。</translation>
    </message>
    <message>
        <source>A password was expected on standard input (one per line) but none came.</source>
        <extracomment>The password the command logged in with, kept only for ``users passwd`` to re-check.</extracomment>
        <translation>应从标准输入读取密码（每行一个），但没有读到。</translation>
    </message>
    <message>
        <source>{names} must be given.</source>
        <extracomment>argparse&apos;s own messages (Python 3.11 wording, English: argparse is not translated) → the sentence the user reads. Each pattern&apos;s groups fill the sentence&apos;s placeholders in order.</extracomment>
        <translation>缺少必填的选项 {names}。</translation>
    </message>
    <message>
        <source>{names} is not an option of this command.</source>
        <translation>{names} 不是此命令的选项。</translation>
    </message>
    <message>
        <source>{name} cannot be {value}; choose one of {choices}.</source>
        <translation>{name} 不能为 {value}，请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>{name} cannot be {value}.</source>
        <translation>{name} 不能为 {value}。</translation>
    </message>
    <message>
        <source>{name} needs a value after it.</source>
        <translation>{name} 后面须填写一个值。</translation>
    </message>
    <message>
        <source>{name} and {other} cannot be given together.</source>
        <translation>{name} 与 {other} 不能同时使用。</translation>
    </message>
    <message>
        <source>{name} takes no value ({value}).</source>
        <translation>{name} 后面不能带值（{value}）。</translation>
    </message>
    <message>
        <source>{name} could mean {choices}; write it out in full.</source>
        <translation>{name} 可能指 {choices}，请写出完整的选项名。</translation>
    </message>
    <message>
        <source>One of {names} must be given.</source>
        <translation>须给出 {names} 之一。</translation>
    </message>
    <message>
        <source>Usage error: {detail} See {prog} --help.</source>
        <translation>用法错误：{detail}用法见 {prog} --help。</translation>
    </message>
    <message>
        <source>{text} is not a date; write it as 2026-11-27.</source>
        <translation>{text} 不是日期，请写成 2026-11-27 的格式。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>无法识别的命令。</translation>
    </message>
    <message>
        <source>The vault database is damaged ({reason}); nothing more was saved. Run verify and restore the vault from a backup.</source>
        <translation>加密数据库已损坏（{reason}），未再保存任何内容。请运行校验，并从备份恢复加密数据库。</translation>
    </message>
    <message>
        <source>Write fields as name=value, not {item}.</source>
        <extracomment>The sub-parsers object a command module adds its commands to (a string: argparse&apos;s class is generic only to the type checker). A command: the parsed arguments and the environment in, the exit code out.</extracomment>
        <translation>字段应写作 name=value（字段名=值），不能写作 {item}。</translation>
    </message>
    <message>
        <source>Give the code to verify.</source>
        <translation>请输入要核验的验证码。</translation>
    </message>
    <message>
        <source>print needs --register, --entry NUMBER or --list, and --to FILE.pdf.</source>
        <translation>print 命令需要 --register、--entry 编号或 --list，以及 --to 文件.pdf。</translation>
    </message>
    <message>
        <source>{path} is not an empty folder; a backup goes into a new folder.</source>
        <translation>{path} 不是空文件夹；备份须写入新的文件夹。</translation>
    </message>
    <message>
        <source>A backup folder name may not contain quotes.</source>
        <extracomment>Bytes read and written at a time when copying and hashing (memory stays flat). Chunks read and not yet hashed, at most (the hashing thread&apos;s queue: memory stays flat). How often the backup&apos;s thread, its walk done, looks at the copy still being made (seconds).</extracomment>
        <translation>备份文件夹名称不能含有引号。</translation>
    </message>
    <message>
        <source>The backup in {path} did not verify; it was removed. Try again.</source>
        <translation>{path} 中的备份未通过校验，已删除。请重试。</translation>
    </message>
    <message>
        <source>{path} does not hold a Secrecy Desk backup.</source>
        <translation>{path} 中没有保密台账工作站的备份。</translation>
    </message>
    <message>
        <source>The backup was not made: {reason}. Nothing was kept; choose another folder.</source>
        <extracomment>The settings key holding the last good backup (written with the backup&apos;s audit record).</extracomment>
        <translation>备份未完成：{reason}。未保留任何内容，请另选文件夹。</translation>
    </message>
    <message>
        <source>The backup in {path} is damaged and cannot be restored; nothing was changed.</source>
        <translation>{path} 中的备份已损坏，无法恢复；未作任何改动。</translation>
    </message>
    <message>
        <source>The backup in {path} is of another vault, not of this one; nothing was changed.</source>
        <translation>{path} 中的备份属于另一个数据库，不是本数据库的备份；未作任何改动。</translation>
    </message>
    <message>
        <source>The reminder must be {low} to {high} days, not {n}.</source>
        <extracomment>KiB of decrypted pages cached while a copy is walked by its quick check. The copy&apos;s estimated work per page, in :mod:`pagecheck`&apos;s units (measured with the bench). The reminder days the system administrator may choose (inclusive).</extracomment>
        <translation>提醒天数应为 {low} 至 {high} 天，不能是 {n}。</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was kept.</source>
        <extracomment>A long step&apos;s report: (done, total); answering ``False`` asks it to stop.</extracomment>
        <translation>备份已取消，未保留任何内容。</translation>
    </message>
    <message>
        <source>The backup was not made: the vault&apos;s own file is damaged (found while it was copied). Nothing was kept. Run verify to see where, then restore the vault from its last good backup.</source>
        <translation>未做备份：加密数据库本身的文件已损坏（复制时发现），未保留任何内容。请运行校验查看损坏之处，然后从最近一次完好的备份恢复加密数据库。</translation>
    </message>
    <message>
        <source>The check of the backup was cancelled; nothing was restored.</source>
        <translation>备份检查已取消，未作任何恢复。</translation>
    </message>
    <message>
        <source>The password is not correct.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>The backup was not put in place: {reason}. The vault is as it was.</source>
        <translation>备份未能替换数据库：{reason}。数据库保持原样。</translation>
    </message>
    <message>
        <source>{path} already holds a vault; restore into a new folder (nothing was overwritten).</source>
        <translation>{path} 中已有加密数据库；请恢复到新的文件夹（未覆盖任何内容）。</translation>
    </message>
    <message>
        <source>Only the system administrator restores backups.</source>
        <translation>只有系统管理员可以恢复备份。</translation>
    </message>
    <message>
        <source>The rollback anchor of this vault (kept outside its folder) is damaged or was replaced, so an older copy cannot be ruled out; the vault opens only read-only, to verify it and export its audit trail (secrecy-desk-admin verify, audit list, audit export).</source>
        <translation>本加密数据库的防回退锚点（保存在其文件夹之外）已损坏或被替换，无法排除其为旧副本；加密数据库只能以只读方式打开，仅供校验和导出审计记录（secrecy-desk-admin verify、audit list、audit export）。</translation>
    </message>
    <message>
        <source>This vault is an older copy than the one last used on this workstation (audit records missing: {records}; entry numbers missing: {numbers}; key file older: {keyfile}), so it opens only read-only, to verify it and export its audit trail (secrecy-desk-admin verify, audit list, audit export).</source>
        <translation>本加密数据库是比本机上次使用的版本更旧的副本（缺少审计记录：{records}；缺少条目编号：{numbers}；密钥文件较旧：{keyfile}），因此只能以只读方式打开，仅供校验和导出审计记录（secrecy-desk-admin verify、audit list、audit export）。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The key slot of this account in the key file is damaged, so the password could not be tried (no failed login was counted). Put back vault.key from the backup or from vault.key.prev.</source>
        <extracomment>Bounds on everything a key file holds: a crafted file is refused before any value is used.</extracomment>
        <translation>密钥文件中该账户的密钥槽已损坏，无法验证密码（未计为登录失败）。请从备份或 vault.key.prev 恢复 vault.key。</translation>
    </message>
    <message>
        <source>The disk holding the vault is full; nothing was saved and the vault is intact. Free some space and try again.</source>
        <extracomment>The oldest schema this version can upgrade; older files are refused with a clear message. Called after every outermost commit (the vault writes its rollback anchor there).</extracomment>
        <translation>加密数据库所在磁盘已满；未保存任何内容，加密数据库完好。请释放空间后重试。</translation>
    </message>
    <message>
        <source>The vault {path} is on a disk mounted read-only; nothing can be saved there. Mount it read-write or move the vault to a writable disk.</source>
        <translation>加密数据库 {path} 所在磁盘以只读方式挂载，无法保存任何内容。请以读写方式挂载，或将加密数据库移到可写的磁盘。</translation>
    </message>
    <message>
        <source>The vault is open read-only (to verify it and export its audit trail), so nothing was saved.</source>
        <translation>加密数据库以只读方式打开（仅供校验和导出审计记录），未保存任何内容。</translation>
    </message>
    <message>
        <source>This account of the workstation may not read or write the vault files in {path} (permission denied); ask the system administrator to restore their owner and modes.</source>
        <translation>本机当前操作系统账户无权读写 {path} 中的加密数据库文件（权限被拒绝）；请系统管理员恢复其属主和权限。</translation>
    </message>
    <message>
        <source>The vault folder {path} is no longer there — was its disk unplugged or unmounted? Nothing was saved; mount it again and reopen the vault.</source>
        <translation>加密数据库文件夹 {path} 已不存在——其所在磁盘是否被拔出或卸载？未保存任何内容；请重新挂载后再打开加密数据库。</translation>
    </message>
    <message>
        <source>The disk holding the vault {path} could not be read or written (input/output error); nothing was saved. Check the disk, then run verify.</source>
        <translation>加密数据库 {path} 所在磁盘无法读写（输入/输出错误）；未保存任何内容。请检查磁盘，然后运行校验。</translation>
    </message>
    <message>
        <source>The vault database {path} is damaged ({problem}); nothing more was saved. Run verify, then restore the vault from a backup.</source>
        <translation>加密数据库 {path} 已损坏（{problem}）；未再保存任何内容。请运行校验，然后从备份恢复加密数据库。</translation>
    </message>
    <message>
        <source>{path} is not a Secrecy Desk vault: the folder does not exist (if it is on a disk that was unplugged or unmounted, mount the disk again).</source>
        <translation>{path} 不是保密台账工作站的加密数据库：该文件夹不存在（如其所在磁盘已被拔出或卸载，请重新挂载）。</translation>
    </message>
    <message>
        <source>{path} is on a memory filesystem (tmpfs or ramfs), where a plaintext copy would go unnoticed. Exports and backups may only be written to a fixed local disk of this workstation; the attempt has been recorded.</source>
        <translation>{path} 位于内存文件系统（tmpfs 或 ramfs）上，明文副本在那里不易被察觉。导出和备份只能写入本机的固定本地磁盘；本次尝试已记录。</translation>
    </message>
    <message>
        <source>{path} is on a network filesystem, so the copy would leave this workstation. Exports and backups may only be written to a fixed local disk; the attempt has been recorded.</source>
        <translation>{path} 位于网络文件系统上，副本将离开本机。导出和备份只能写入固定本地磁盘；本次尝试已记录。</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was written. Choose another name, or allow replacing it (--overwrite).</source>
        <translation>{path} 已存在，未写入任何内容。请换一个文件名，或允许覆盖（--overwrite）。</translation>
    </message>
    <message>
        <source>Contains a character that is not valid text ({char}: a broken encoding?); type it again.</source>
        <extracomment>Default limits; a form may set its own. Invisible characters that can disguise text on screen or paper: zero-width marks, bidi embeddings and overrides, the byte-order mark.</extracomment>
        <translation>含有无效的文本字符（{char}：编码是否有误？）；请重新输入。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({kind}); nothing that was saved is lost, because every save is complete or not made at all. The details are in {log}; tell the system administrator.</source>
        <translation>发生了意外错误（{kind}）；已保存的内容不会丢失，因为每次保存要么完整完成、要么完全没有进行。详细信息见 {log}；请告知系统管理员。</translation>
    </message>
    <message>
        <source>Argument {index} is not valid text in UTF-8 (undecodable bytes at character {at}); type it again or check the terminal&apos;s encoding.</source>
        <translation>第 {index} 个参数不是有效的 UTF-8 文本（第 {at} 个字符处有无法解码的字节）；请重新输入，或检查终端的编码。</translation>
    </message>
    <message>
        <source>A line on standard input is not valid text in UTF-8; check the encoding of what is piped in.</source>
        <translation>标准输入中有一行不是有效的 UTF-8 文本；请检查输入内容的编码。</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <extracomment>What an operating-system error means, in the user&apos;s words (the OS&apos;s own text is English).</extracomment>
        <translation>找不到该文件或文件夹</translation>
    </message>
    <message>
        <source>this account of the computer may not use it</source>
        <translation>本机当前用户无权使用该文件或文件夹</translation>
    </message>
    <message>
        <source>the system does not allow this</source>
        <translation>系统不允许此操作</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>a file of that name exists already</source>
        <translation>已有同名文件</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>磁盘读写出错</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>it is in use</source>
        <translation>该文件正被占用</translation>
    </message>
    <message>
        <source>the folder is not empty</source>
        <translation>文件夹不是空的</translation>
    </message>
    <message>
        <source>it is on another disk</source>
        <translation>目标在另一块磁盘上</translation>
    </message>
    <message>
        <source>the system reported error {code}</source>
        <translation>系统报告错误 {code}</translation>
    </message>
    <message>
        <source>{reason} ({path})</source>
        <translation>{reason}（{path}）</translation>
    </message>
    <message>
        <source>The audit trail has not been sealed yet; seal it first, then print.</source>
        <extracomment>What the record says it is for and how it is checked.</extracomment>
        <translation>审计日志尚未封存，请先封存再打印。</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was recorded.</source>
        <extracomment>A long step&apos;s report: (done, total); answering ``False`` asks it to stop. SQLite virtual-machine steps between two calls of the progress handler.</extracomment>
        <translation>校验已取消，未作任何记录。</translation>
    </message>
    <message>
        <source>The reading was stopped: the session was locked or closed, or the list changed.</source>
        <translation>读取已停止：会话已锁定或关闭，或列表已改变。</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <source>The vault was upgraded from schema {old} to {new} after a verified backup of it was made in {path}.</source>
        <translation>已先在 {path} 做了经过校验的备份，然后把加密数据库从数据结构版本 {old} 升级到 {new}。</translation>
    </message>
</context>
</TS>

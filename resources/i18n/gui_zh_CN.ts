<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsTab</name>
    <message>
        <source>Add a business account</source>
        <translation>新建业务账户</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>密码策略</translation>
    </message>
    <message>
        <source>Accounts are never deleted: a departed person&apos;s account is disabled so that the records stay attributable.</source>
        <translation>账户从不删除：人员离岗后停用其账户，其记录仍可追溯到人。</translation>
    </message>
    <message>
        <source>Grant business roles, clearances and permissions; administrators&apos; roles are fixed at setup (separation of duties).</source>
        <translation>在此授予业务角色、知悉级别和权限；三名管理员的角色在初始化时确定（三员分立）。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>知悉级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码修改日期</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Roles and permissions…</source>
        <translation>角色与权限…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Password policy…</source>
        <translation>密码策略…</translation>
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
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Account added. The security administrator grants its role.</source>
        <translation>账户已新建。请安全保密管理员为其授予角色。</translation>
    </message>
    <message>
        <source>Password reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <source>Account {login} disabled; the master key was rotated.</source>
        <translation>账户 {login} 已停用，主密钥已更换。</translation>
    </message>
    <message>
        <source>Roles and permissions saved.</source>
        <translation>角色与权限已保存。</translation>
    </message>
    <message>
        <source>Account {login} unlocked.</source>
        <translation>账户 {login} 已解锁。</translation>
    </message>
    <message>
        <source>Password policy saved.</source>
        <translation>密码策略已保存。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>The new account has no role until the security administrator grants one. The person must change the initial password at the first login.</source>
        <translation>新账户在安全保密管理员授予角色之前没有任何角色。使用人首次登录时必须修改初始密码。</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AdminBox</name>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
</context>
<context>
    <name>AdminsPage</name>
    <message>
        <source>The three administrators</source>
        <translation>三名管理员</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建台账库</translation>
    </message>
    <message>
        <source>Three different people hold the three administrator accounts (separation of duties). None of them can read business records.</source>
        <translation>三个管理员账户由三名不同人员分别掌握（三员分立），任何一名管理员都不能查看业务台账。</translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Security administrator</source>
        <translation>安全保密管理员</translation>
    </message>
    <message>
        <source>Security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>Accounts and backups.</source>
        <translation>负责账户和备份。</translation>
    </message>
    <message>
        <source>Roles, clearances, permissions, password policy.</source>
        <translation>负责角色、知悉级别、权限和密码策略。</translation>
    </message>
    <message>
        <source>Reads, verifies and seals the audit trail.</source>
        <translation>负责查阅、校验和封存审计日志。</translation>
    </message>
    <message>
        <source>The three administrators need three different accounts.</source>
        <translation>三名管理员必须使用三个不同的账户名。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Secrecy Desk</source>
        <extracomment>When set, the path of a file that receives the time the first window was shown, after which the program quits (used by ``tests/bench/bench_gui_start.py`` only).</extracomment>
        <translation>保密台账工作站</translation>
    </message>
    <message>
        <source>Creating the demo vault… (a few seconds)</source>
        <translation>正在创建演示台账库……（需要几秒钟）</translation>
    </message>
    <message>
        <source>Opening the registers… Once after an upgrade the search index is made again: a few minutes on a large vault.</source>
        <translation>正在打开台账……升级后首次打开时要重建检索索引，台账很大时需要几分钟。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再建</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <extracomment>The program&apos;s own action families (the modules&apos; come from the registry).</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
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
        <source>Level</source>
        <translation>密级</translation>
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
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>断链</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>All records, the administrators&apos; included.</source>
        <translation>全部记录，包括管理员的记录。</translation>
    </message>
    <message>
        <source>Records of ordinary users (the administrators&apos; are the auditor&apos;s).</source>
        <translation>普通用户的记录（管理员的记录由安全审计员查阅）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>any account</source>
        <translation>全部账户</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Quick check</source>
        <translation>快速校验</translation>
    </message>
    <message>
        <source>Every page of the vault and its tables&apos; structure, and the audit trail since the last good seal: minutes at most, whatever the size of the vault</source>
        <translation>校验加密数据库的每一页及各表结构，以及最近一次有效封存之后的审计记录：无论数据库多大，最多几分钟</translation>
    </message>
    <message>
        <source>Full check</source>
        <translation>完整校验</translation>
    </message>
    <message>
        <source>Every page, every index against its table, and the whole audit trail: on a large vault this takes a while (with progress; it can be cancelled)</source>
        <translation>校验每一页、每个索引与其表是否一致，以及全部审计记录：数据库较大时需要较长时间（显示进度，可以取消）</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>计数中…</translation>
    </message>
    <message>
        <source>Quick check of the vault…</source>
        <translation>正在快速校验加密数据库…</translation>
    </message>
    <message>
        <source>Full check of the vault: every page, index and audit record…</source>
        <translation>正在完整校验加密数据库：每一页、每个索引和每条审计记录…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Verification of the vault</source>
        <translation>加密数据库校验</translation>
    </message>
    <message>
        <source>Database problem: {problem}</source>
        <translation>数据库问题：{problem}</translation>
    </message>
    <message>
        <source>Every page of the database&apos;s tables and indexes is sound.</source>
        <translation>数据库各表及索引的每一页均完好。</translation>
    </message>
    <message>
        <source>Every page of the database is sound, and so are its tables.</source>
        <translation>数据库的每一页及各表均完好。</translation>
    </message>
    <message>
        <source>Quick check: the records up to the seal on record {seq} are covered by the seal; the full check walks them too.</source>
        <translation>快速校验：第{seq}条记录（含）之前的记录由封存签名保证；完整校验会逐条校验这些记录。</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封存</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Print seal record…</source>
        <translation>打印封存记录…</translation>
    </message>
    <message>
        <source>The newest seal on paper, for the archive, with signature lines</source>
        <translation>将最近一次封存打印成纸质记录存档，附签字栏</translation>
    </message>
    <message>
        <source>This vault was found rolled back; it opens read-only and is not sealed.</source>
        <translation>本加密数据库被发现已回退到旧副本，只能以只读方式打开，不能封存。</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>共 {n} 条记录</translation>
    </message>
    <message>
        <source>The audit trail is intact: {n} records (from {first} to {last}), {seals} seals checked.</source>
        <translation>审计日志完整：共 {n} 条记录（第 {first} 至 {last} 条），已核对 {seals} 个封存签名。</translation>
    </message>
    <message>
        <source>The audit trail is broken. First problem: {problem}</source>
        <translation>审计日志已被破坏。首个问题：{problem}</translation>
    </message>
    <message>
        <source>{n} problems in all.</source>
        <translation>共发现 {n} 处问题。</translation>
    </message>
    <message>
        <source>Sealed: the trail up to record {seq} is signed.</source>
        <translation>已封存：截至第 {seq} 条记录的日志已签名。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>{n} records exported to {path}; signature in {sig}.</source>
        <translation>已导出 {n} 条记录到 {path}，签名文件为 {sig}。</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Back up</source>
        <extracomment>The vault was replaced by a backup: the session has ended, back to the login screen.</extracomment>
        <translation>备份</translation>
    </message>
    <message>
        <source>A backup goes into a new folder on a fixed disk of this computer (never a removable medium); it is encrypted and verified before it counts as made.</source>
        <translation>备份写入本机固定硬盘上的新文件夹（不得写入移动介质）；备份经加密并校验通过后才算完成。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>New folder:</source>
        <translation>新文件夹：</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remind me when the last backup is older than:</source>
        <translation>上次备份超过以下天数时提醒：</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring puts a backup of this vault in its place. It is checked first; a verified copy of the vault as it stands is kept beside its folder.</source>
        <translation>恢复会用本数据库的备份替换当前数据库。恢复前先校验备份，并在数据库文件夹旁保留一份经校验的当前数据库副本。</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>尚未进行过备份。</translation>
    </message>
    <message>
        <source>Last good backup: {time}, in {path}</source>
        <translation>上次成功备份：{time}，位于 {path}</translation>
    </message>
    <message>
        <source>Where to put the backup</source>
        <translation>备份存放位置</translation>
    </message>
    <message>
        <source>The backup to restore</source>
        <translation>要恢复的备份</translation>
    </message>
    <message>
        <source>Enter the new folder for the backup.</source>
        <translation>请填写备份的新文件夹。</translation>
    </message>
    <message>
        <source>Writing and verifying the backup…</source>
        <translation>正在写入并校验备份…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Backup written to {path} and verified: {records} audit records, {size} bytes, SHA-256 {digest}.</source>
        <translation>备份已写入 {path} 并校验通过：审计记录 {records} 条，{size} 字节，SHA-256 {digest}。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Choose the backup folder.</source>
        <translation>请选择备份文件夹。</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Copying the vault, then restoring the backup…</source>
        <translation>正在复制当前数据库，然后恢复备份…</translation>
    </message>
    <message>
        <source>The backup was restored. The vault as it stood before is kept in {path}. Log in again.</source>
        <translation>备份已恢复。恢复前的数据库保存在 {path}。请重新登录。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>This is your first login, or your password has expired. Choose a new password before you continue.</source>
        <translation>这是您首次登录，或您的密码已过期。请先设置新密码再继续。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The last {n} passwords cannot be used again.</source>
        <translation>不能重复使用最近 {n} 次用过的密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>DisableDialog</name>
    <message>
        <source>Disable {name} ({login})? The account can no longer log in; its records stay attributable. The vault&apos;s master key is rotated: older copies of the key file stop opening the database, so make a fresh backup afterwards. This cannot be undone.</source>
        <translation>确定停用 {name}（{login}）？停用后该账户不能再登录，其记录仍可追溯到人。台账库主密钥将随之更换：旧的密钥文件副本将无法再打开数据库，停用后请重新备份。此操作不可撤销。</translation>
    </message>
    <message>
        <source>e.g. left the unit on 2026-03-01</source>
        <translation>例如：2026-03-01 调离本单位</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>停用原因：</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>{name} ({login}), {department}</source>
        <translation>{name}（{login}），{department}</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>知悉级别：</translation>
    </message>
    <message>
        <source>Permissions by register and action</source>
        <translation>按台账和操作分配权限</translation>
    </message>
    <message>
        <source>All registers</source>
        <translation>全部台账</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>Your account</source>
        <extracomment>The work list&apos;s line for the password (not a module&apos;s deadline: the account&apos;s own). The password line turns amber this many days before the password expires. A burst of changes (an import, a batch print) is counted once, this long after the last. A work-list line was opened: its deadline&apos;s key (or :data:`EXPIRY_LINE`).</extracomment>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Clearance:</source>
        <translation>知悉级别：</translation>
    </message>
    <message>
        <source>Workstation rating:</source>
        <translation>本机定级：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Today&apos;s work</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Double-click or press Enter on a line to see exactly those items.</source>
        <translation>双击或在某一行按回车键，查看该项的具体条目。</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>您好，{name}</translation>
    </message>
    <message>
        <source>You manage accounts in the Accounts tab: add business accounts, reset forgotten passwords, disable the accounts of departed staff. Business records are not visible to the system administrator.</source>
        <translation>您在“账户”标签页管理账户：新建业务账户、重置遗忘的密码、停用离岗人员的账户。系统管理员看不到业务台账。</translation>
    </message>
    <message>
        <source>You grant roles, clearances and permissions, unlock accounts and set the password policy in the Accounts tab, and review ordinary users&apos; records in the Audit trail tab.</source>
        <translation>您在“账户”标签页授予角色、知悉级别和权限，解锁账户，设置密码策略；在“审计日志”标签页审查普通用户的操作记录。</translation>
    </message>
    <message>
        <source>You read, verify and seal the audit trail of every account, the administrators&apos; included, in the Audit trail tab. You change nothing else.</source>
        <translation>您在“审计日志”标签页查阅、校验和封存所有账户（包括管理员）的审计日志，不修改任何其他内容。</translation>
    </message>
    <message>
        <source>Your account has no role yet. Ask the security administrator to grant one.</source>
        <translation>您的账户尚未被授予角色，请联系安全保密管理员。</translation>
    </message>
    <message>
        <source>Last good backup: none yet</source>
        <translation>上次成功备份：尚无</translation>
    </message>
    <message>
        <source>Last good backup: {date}</source>
        <translation>上次成功备份：{date}</translation>
    </message>
    <message>
        <source>No backup has been made yet: make one in the Backup and restore tab.</source>
        <translation>尚未进行过备份，请在“备份与恢复”中进行备份。</translation>
    </message>
    <message>
        <source>No good backup in the last {n} days: make one in the Backup and restore tab.</source>
        <translation>已超过 {n} 天没有成功备份，请在“备份与恢复”中进行备份。</translation>
    </message>
    <message>
        <source>expired on {date}</source>
        <translation>已于 {date} 过期</translation>
    </message>
    <message>
        <source>expires today ({date})</source>
        <translation>今天（{date}）到期</translation>
    </message>
    <message>
        <source>expires in {n} days ({date})</source>
        <translation>还有 {n} 天到期（{date}）</translation>
    </message>
    <message>
        <source>Days until your password expires</source>
        <translation>密码到期剩余天数</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Secrecy Desk is locked</source>
        <extracomment>(bus, service, path, interface) of the screensavers that announce ActiveChanged(bool).</extracomment>
        <translation>保密台账工作站已锁定</translation>
    </message>
    <message>
        <source>password of this account</source>
        <translation>该账户的密码</translation>
    </message>
    <message>
        <source>Close this session…</source>
        <translation>关闭此会话…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Someone else? Close this session: unsaved work is kept as a draft for its owner, and you can then log in with your own account.</source>
        <translation>不是本人？请关闭此会话：未保存的内容会作为草稿为原用户保留，然后您可以用自己的账户登录。</translation>
    </message>
    <message>
        <source>Logged in: {name} ({login}), {role}. Enter this account&apos;s password.</source>
        <translation>当前登录：{name}（{login}），{role}。请输入该账户的密码。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: account {login} is now locked. Only closing the session remains; the security administrator can unlock the account.</source>
        <translation>密码错误次数过多，账户 {login} 已被锁定。现在只能关闭此会话；请由安全保密管理员解锁该账户。</translation>
    </message>
    <message>
        <source>Wrong password. {n} more wrong attempts lock the account.</source>
        <translation>密码错误。再错 {n} 次，账户将被锁定。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Secrecy Desk</source>
        <translation>保密台账工作站</translation>
    </message>
    <message>
        <source>Registers of the secrecy office — offline workstation</source>
        <translation>保密工作台账 · 涉密单机</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Vault: {path}</source>
        <translation>台账库：{path}</translation>
    </message>
    <message>
        <source>Demo vault — accounts and first passwords (each is changed at its first login):</source>
        <translation>演示台账库的账户和初始密码（每个账户首次登录时须修改密码）：</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Enter your account name.</source>
        <translation>请输入账户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The vault folder cannot be read: {error}</source>
        <translation>无法读取台账库文件夹：{error}</translation>
    </message>
    <message>
        <source>The password must be changed before you can work.</source>
        <translation>必须先修改密码才能开始工作。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workstation rated {level} — process nothing above {level}</source>
        <extracomment>The navigator&apos;s page shown and each group&apos;s last page (:meth:`Navigator.state`). The keys of the pages that are not a module&apos;s tab. The key of a register&apos;s tab (and of its draft): ``register:&lt;register id&gt;``. The modules&apos; tabs (from the registry) by key, in order after Home; and those built.</extracomment>
        <translation>本机定级：{level} · 严禁处理高于{level}级的信息</translation>
    </message>
    <message>
        <source>READ ONLY — {problem} This session reads, verifies and exports the audit trail; it changes nothing.</source>
        <translation>只读 —— {problem}本次会话只能查阅、校验和导出审计记录，不作任何改动。</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Verify a printed copy…</source>
        <translation>核验纸质件(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>Pre&amp;vious tab</source>
        <translation>上一个标签页(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh home</source>
        <translation>刷新首页(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>About &amp;Qt…</source>
        <translation>关于 &amp;Qt…</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>&amp;About Secrecy Desk…</source>
        <translation>关于保密台账工作站(&amp;A)…</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Clearance: {level}</source>
        <translation>知悉级别：{level}</translation>
    </message>
    <message>
        <source>Workstation rating: {level}</source>
        <translation>本机定级：{level}</translation>
    </message>
    <message>
        <source>Close the locked session</source>
        <translation>关闭已锁定的会话</translation>
    </message>
    <message>
        <source>Close the session of {name} ({login})? Unsaved work is kept as a draft and offered to {name} at the next login.</source>
        <translation>确定关闭 {name}（{login}）的会话？未保存的内容将保存为草稿，{name} 下次登录时可以恢复。</translation>
    </message>
    <message>
        <source>Close session</source>
        <translation>关闭会话</translation>
    </message>
    <message>
        <source>Unsaved work restored from your last session: {registers}</source>
        <translation>已恢复上次会话未保存的内容：{registers}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>There are unsaved changes in: {registers}. They will be kept as drafts and offered again at your next login.</source>
        <translation>以下台账有未保存的修改：{registers}。这些内容将保存为草稿，下次登录时可以恢复。</translation>
    </message>
    <message>
        <source>Keep as drafts and leave</source>
        <translation>保存为草稿并离开</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Go to {group}</source>
        <translation>转到“{group}”</translation>
    </message>
    <message>
        <source>Next tab of the group</source>
        <translation>本组的下一个标签页</translation>
    </message>
    <message>
        <source>Secrecy Desk {version}

Registers, commitments and approvals for the secrecy office, on an offline workstation.

SQLCipher {cipher}
Qt {qt}, PySide6 {pyside}</source>
        <translation>保密台账工作站 {version}

在涉密单机上管理保密工作台账、保密承诺书和审批表。

SQLCipher {cipher}
Qt {qt}，PySide6 {pyside}</translation>
    </message>
    <message>
        <source>About Secrecy Desk</source>
        <translation>关于保密台账工作站</translation>
    </message>
</context>
<context>
    <name>PasswordHints</name>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>{n} of: capitals, small letters, digits, other signs</source>
        <translation>包含大写字母、小写字母、数字、其他符号中的至少 {n} 类</translation>
    </message>
    <message>
        <source>does not contain the account name</source>
        <translation>不包含账户名</translation>
    </message>
    <message>
        <source>both entries match</source>
        <translation>两次输入一致</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>The policy may be made stricter than the {rating} floor, never looser.</source>
        <translation>密码策略只能在{rating}级最低要求的基础上加严，不能放宽。</translation>
    </message>
    <message>
        <source>Minimum length:</source>
        <translation>最短长度：</translation>
    </message>
    <message>
        <source>Character classes (of 4):</source>
        <translation>字符类别数（共 4 类）：</translation>
    </message>
    <message>
        <source>Change at least every (days):</source>
        <translation>更换周期（天）：</translation>
    </message>
    <message>
        <source>Passwords remembered:</source>
        <translation>不得重复的历史密码数：</translation>
    </message>
    <message>
        <source>Failures before lockout:</source>
        <translation>锁定前允许的失败次数：</translation>
    </message>
    <message>
        <source>Idle lock after (minutes):</source>
        <translation>空闲锁定时间（分钟）：</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery code — shown only this once</source>
        <translation>恢复码（仅显示这一次）</translation>
    </message>
    <message>
        <source>Write this code on paper now, check it twice, and keep the paper in the secrecy office&apos;s safe. If every administrator password is lost, only this code opens the vault again. Without the passwords and without this code the data cannot be recovered by anyone.</source>
        <translation>请立即把恢复码抄写在纸上，核对两遍，并存放在保密办的保密柜中。如果管理员密码全部遗失，只有恢复码能重新打开台账库。密码和恢复码都丢失时，任何人都无法恢复数据。</translation>
    </message>
    <message>
        <source>It is not printed or copied on purpose: a print job or the clipboard would leave it outside the vault. It will not be shown again.</source>
        <translation>为避免在台账库之外留下痕迹，恢复码不提供打印和复制。关闭本页后不会再次显示。</translation>
    </message>
    <message>
        <source>I have written down the recovery code and will keep it safe</source>
        <translation>我已抄写并妥善保管恢复码</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Replace the existing file?</source>
        <translation>替换已有的文件吗？</translation>
    </message>
    <message>
        <source>Written to %1 (the marking is in its first row).</source>
        <translation>已写入 %1（密级标志在文件第一行）。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>{name} ({login}) gets a new initial password and must change it at the next login. Give it to the person in private.</source>
        <translation>将为 {name}（{login}）设置新的初始密码，本人下次登录时必须修改。请当面告知本人。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Enter your password to restore.</source>
        <translation>请输入密码以进行恢复。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Security administrator</source>
        <translation>安全保密管理员</translation>
    </message>
    <message>
        <source>Security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Secrecy officer</source>
        <translation>保密员</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>no role yet</source>
        <translation>尚无角色</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Disengagement periods (脱密期)</source>
        <extracomment>A field&apos;s allowed range: (lowest, highest) inclusive.</extracomment>
        <translation>脱密期</translation>
    </message>
    <message>
        <source>A person who leaves a classified post is under a disengagement period of this length; departure letters and the personnel register use it from the next departure on.</source>
        <translation>涉密人员离岗后按此期限进行脱密期管理；此后的离岗承诺书和涉密人员登记均采用新的期限。</translation>
    </message>
    <message>
        <source>Save periods</source>
        <translation>保存脱密期</translation>
    </message>
    <message>
        <source>Save policy</source>
        <translation>保存密码策略</translation>
    </message>
    <message>
        <source>Core classified posts (核心):</source>
        <translation>核心涉密人员：</translation>
    </message>
    <message>
        <source>Important classified posts (重要):</source>
        <translation>重要涉密人员：</translation>
    </message>
    <message>
        <source>General classified posts (一般):</source>
        <translation>一般涉密人员：</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Choose {low} to {high} months for this class.</source>
        <translation>此类人员的脱密期应为 {low} 至 {high} 个月。</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>密码策略</translation>
    </message>
    <message>
        <source>The policy may be made stricter than the {rating} floor, never looser.</source>
        <translation>密码策略只能在{rating}级最低要求的基础上加严，不能放宽。</translation>
    </message>
    <message>
        <source>At least {n} for a workstation of this rating.</source>
        <translation>本密级的工作站至少为 {n}。</translation>
    </message>
    <message>
        <source>At most {n} for a workstation of this rating.</source>
        <translation>本密级的工作站至多为 {n}。</translation>
    </message>
    <message>
        <source>Choose {low} to {high}.</source>
        <translation>应为 {low} 至 {high}。</translation>
    </message>
    <message>
        <source>Minimum length:</source>
        <translation>最短长度：</translation>
    </message>
    <message>
        <source>Character classes (of 4):</source>
        <translation>字符类别数（共 4 类）：</translation>
    </message>
    <message>
        <source>Change at least every (days):</source>
        <translation>更换周期（天）：</translation>
    </message>
    <message>
        <source>Passwords remembered:</source>
        <translation>不得重复的历史密码数：</translation>
    </message>
    <message>
        <source>Failures before lockout:</source>
        <translation>锁定前允许的失败次数：</translation>
    </message>
    <message>
        <source>Idle lock after (minutes):</source>
        <translation>空闲锁定时间（分钟）：</translation>
    </message>
    <message>
        <source>Allowed: {low} to {high}</source>
        <translation>允许范围：{low} 至 {high}</translation>
    </message>
    <message>
        <source>Disengagement periods saved.</source>
        <translation>脱密期已保存。</translation>
    </message>
    <message>
        <source>Password policy saved.</source>
        <translation>密码策略已保存。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>First setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The vault folder cannot be written: {error}</source>
        <translation>无法写入台账库文件夹：{error}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Register tab</source>
        <translation>登记簿标签页</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑区</translation>
    </message>
    <message>
        <source>Next field (Shift+Enter: new line)</source>
        <translation>下一字段（Shift+Enter：换行）</translation>
    </message>
    <message>
        <source>Next or previous field</source>
        <translation>下一个或上一个字段</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>A key of an action your account may not use says why instead of acting.</source>
        <translation>按下账户无权使用的操作的快捷键时，程序会说明原因而不执行。</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Unit and workstation rating</source>
        <translation>单位与本机定级</translation>
    </message>
    <message>
        <source>Secrecy Desk keeps every register in one encrypted vault on this computer.</source>
        <translation>保密台账工作站把全部台账保存在本机的一个加密台账库中。</translation>
    </message>
    <message>
        <source>e.g. No. 3 Research Institute</source>
        <translation>例如：某某研究所</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Workstation rating</source>
        <translation>本机定级</translation>
    </message>
    <message>
        <source>The rating is the highest secrecy level this workstation is approved to process. Nothing above it can be entered, and it sets the password rules. It cannot be changed later.</source>
        <translation>定级是本机经批准可以处理的最高密级。高于定级的信息不能录入，密码规则也随定级确定。定级设定后不能更改。</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Records up to Confidential. Passwords of at least {n} characters, changed at least every {days} days.</source>
        <translation>可登记秘密级及以下信息。密码至少 {n} 位，至少每 {days} 天更换一次。</translation>
    </message>
    <message>
        <source>Records up to Secret. Passwords of at least {n} characters, changed at least every {days} days.</source>
        <translation>可登记机密级及以下信息。密码至少 {n} 位，至少每 {days} 天更换一次。</translation>
    </message>
    <message>
        <source>Vault folder: {path}</source>
        <translation>台账库文件夹：{path}</translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>Restore a backup</source>
        <extracomment>What a backup or a restore announces: the home tab&apos;s backup line reads it again.</extracomment>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The backup in {path} ({records} audit records) will take the place of the vault. Everything saved since that backup was made will be missing from the vault. Before that, a verified copy of the vault as it stands now is written beside its folder. Then everybody is logged out and the program returns to its login screen.</source>
        <translation>{path} 中的备份（审计记录 {records} 条）将替换当前数据库，该备份之后保存的全部内容将不在数据库中。替换前，先在数据库文件夹旁写入一份经校验的当前数据库副本。随后所有人退出登录，程序回到登录界面。</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
</context>
</TS>

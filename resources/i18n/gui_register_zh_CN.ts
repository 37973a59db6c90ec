<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateInput</name>
    <message>
        <source>Pick a date (Alt+Down)</source>
        <translation>选择日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>¥ yuan, e.g. 1234.50</source>
        <translation>¥ 元，如 1234.50</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>10年 · 2030-12-31 · 长期 · 条件:… (blank: default for the level)</source>
        <translation>10年 · 2030-12-31 · 长期 · 条件:…（留空按密级取默认期限）</translation>
    </message>
    <message>
        <source>18 characters, the last may be X</source>
        <translation>18位，末位可为 X</translation>
    </message>
    <message>
        <source>13812345678 or 010-12345678</source>
        <translation>13812345678 或 010-12345678</translation>
    </message>
    <message>
        <source>people or departments, separated by 、</source>
        <translation>人员或部门，用“、”分隔</translation>
    </message>
    <message>
        <source>entry number, e.g. %1</source>
        <translation>条目编号，如 %1</translation>
    </message>
    <message>
        <source>login name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>Status of the entry</source>
        <extracomment>Emitted whenever the input differs from what was loaded (or stops differing).</extracomment>
        <translation>条目状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>最后保存</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <source>New entry · %1</source>
        <translation>新建条目 · %1</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>（保存时自动编号）</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>(void: %1)</source>
        <translation>（已作废：%1）</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Marking</source>
        <extracomment>A pseudo-column showing each row&apos;s classification mark (机密★20年); not sortable. Rows read per page; a screenful is some forty, so a page covers several screens. Emitted with the number of matching entries after each (re)query and change.</extracomment>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Classification mark of the entry (not sortable)</source>
        <translation>条目的密级标志（不可排序）</translation>
    </message>
    <message>
        <source>%1 (void)</source>
        <translation>%1（已作废）</translation>
    </message>
    <message>
        <source>%1 · marking %2</source>
        <translation>%1 · 密级标志 %2</translation>
    </message>
    <message>
        <source>Void: %1</source>
        <translation>已作废：%1</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <extracomment>A login as the history shows it: the person&apos;s name.</extracomment>
        <translation>%1 的修改历史</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 revisions</source>
        <translation>%1 · %2 · 共 %3 个版本</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>New</source>
        <extracomment>Milliseconds the search waits after the last keystroke before asking the engine. Field types whose values are few: the filter offers them as a list to pick from.</extracomment>
        <translation>新建</translation>
    </message>
    <message>
        <source>New entry (Ctrl+N)</source>
        <translation>新建条目（Ctrl+N）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the entry (Ctrl+S)</source>
        <translation>保存条目（Ctrl+S）</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Void the entry, giving a reason</source>
        <translation>作废条目（须说明原因）</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Every revision of the entry</source>
        <translation>查看条目的全部修改记录</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the selected entry, or the list when none is selected (Ctrl+P)</source>
        <translation>打印所选条目；未选条目时打印清单（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>打印清单…</translation>
    </message>
    <message>
        <source>Print every entry that matches the filter and search, as a marked list</source>
        <translation>将符合筛选和检索条件的全部条目打印为带密级标志的清单</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add entries from a .csv or .xlsx file (all or nothing)</source>
        <translation>从 .csv 或 .xlsx 文件导入条目（全部成功或全部不导入）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the entries shown to a .csv or .xlsx file</source>
        <translation>将当前列表中的条目导出为 .csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>Show voided</source>
        <translation>显示已作废</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Choose the columns of the table</source>
        <translation>选择表格中显示的列</translation>
    </message>
    <message>
        <source>Filter: none</source>
        <translation>筛选：无</translation>
    </message>
    <message>
        <source>value, then Enter</source>
        <translation>输入值后按回车</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Search text fields (Ctrl+F)</source>
        <translation>搜索文字内容（Ctrl+F）</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Load the entry as it is saved now (your unsaved changes are dropped)</source>
        <translation>载入该条目当前保存的内容（您未保存的修改将被放弃）</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>The entry has unsaved changes.</source>
        <translation>该条目有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Why is %1 void? (required; kept in its history)</source>
        <translation>请说明 %1 作废的原因（必填，将记入修改历史）：</translation>
    </message>
    <message>
        <source>Void entry %1</source>
        <translation>作废条目 %1</translation>
    </message>
    <message>
        <source>A reason is required. Why is %1 void?</source>
        <translation>作废原因为必填项。请说明 %1 作废的原因：</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Your account may not do this in this register.</source>
        <translation>您的账户无权在本台账中进行此操作。</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>%1 matching entries</source>
        <translation>符合条件 %1 条</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Show all entries</source>
        <translation>显示全部条目</translation>
    </message>
    <message>
        <source>Showing: {what}</source>
        <translation>正在显示：{what}</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 entries were added.</source>
        <translation>已新增 %1 条。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Written to %1 (the marking is in the file name and first row).</source>
        <translation>已写入 %1（文件名和首行均标有密级标志）。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save or cancel your changes first: paper shows the saved entry only.</source>
        <translation>请先保存或取消修改：纸质件只印已保存的条目。</translation>
    </message>
    <message>
        <source>Your unsaved new entry was restored.</source>
        <translation>已恢复您未保存的新条目。</translation>
    </message>
    <message>
        <source>Your unsaved changes to %1 were restored.</source>
        <translation>已恢复您对 %1 未保存的修改。</translation>
    </message>
    <message>
        <source>The entry was saved again since (revision %1 now, yours was made on %2).</source>
        <translation>此后该条目已被再次保存（当前为第 %1 版，您的修改基于第 %2 版）。</translation>
    </message>
    <message>
        <source>Replace the existing file?</source>
        <translation>是否替换已有文件？</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateInput</name>
    <message>
        <source>year-month-day</source>
        <translation>年-月-日</translation>
    </message>
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
        <extracomment>Emitted whenever the input differs from what was loaded (or stops differing). A login as the editor shows it (who created and last saved the entry): the name. A save was tried since the entry was loaded: every field is checked on leaving it. The entry fill-down copies from (the one shown before a new entry was started).</extracomment>
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
        <extracomment>A pseudo-column showing each row&apos;s classification mark (机密★20年); not sortable. Rows read per page; a screenful is some forty, so a page covers several screens. Pages held at most (the rest are read again when shown): 2,400 rows, some 60 screens. First and last ids of pages read earlier, kept to read a neighbouring page by keyset. Emitted with the number of matching entries after each (re)query and change. Emitted when a count aside starts (the number shown is no longer the query&apos;s). Pages held, by page number, the most recently used last. (first id, last id) of pages read, by page number, to read their neighbours.</extracomment>
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
        <source>When</source>
        <translation>时间</translation>
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
    <name>PasteDialog</name>
    <message>
        <source>Paste rows into %1</source>
        <translation>粘贴行到%1</translation>
    </message>
    <message>
        <source>%1 (not used)</source>
        <translation>%1（不导入）</translation>
    </message>
    <message>
        <source>Add all %1 rows</source>
        <translation>添加全部 %1 行</translation>
    </message>
    <message>
        <source>Copy the rows in WPS or Excel together with their heading row (图号, 图名 …), then paste again. The clipboard holds no such rows.</source>
        <translation>请在 WPS 或 Excel 中连同标题行（图号、图名……）一起复制这些行，然后再粘贴。剪贴板中没有这样的行。</translation>
    </message>
    <message>
        <source>These headings are not fields of %1; rename them or leave those columns out, then copy again:</source>
        <translation>以下标题不是%1的字段；请改名或不选这些列，然后重新复制：</translation>
    </message>
    <message>
        <source>%1 rows to add to %2. Columns matched by heading: %3. Every row is checked; all are added, or none.</source>
        <translation>将向%2添加 %1 行。按标题对应的列：%3。每一行都会检查；要么全部添加，要么一行也不添加。</translation>
    </message>
    <message>
        <source>pasted rows</source>
        <translation>粘贴的行</translation>
    </message>
    <message>
        <source>Adding the rows…</source>
        <translation>正在添加……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Nothing was added: %1 problems. Fix them in the sheet, copy and paste again.</source>
        <translation>一行也未添加：有 %1 处问题。请在表格中改正后重新复制、粘贴。</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>New</source>
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
        <source>History…</source>
        <translation>历史…</translation>
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
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
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
        <source>value, then Enter</source>
        <translation>输入值后按回车</translation>
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
        <extracomment>The toolbar action behind a key: pressed while the action is off, the key says why (the action&apos;s tooltip) instead of doing nothing.</extracomment>
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
        <source>New entry</source>
        <extracomment>Milliseconds the search waits after the last keystroke before asking the engine. Field types whose values are few: the filter offers them as a list to pick from. A quick filter that is on reads as on (a pressed toggle, not a shade of grey). Preference key: the editor pane hidden so the list has the width. Every key of a register tab: (keys, what it does, the tab&apos;s method). The same table makes the shortcuts and the Help › Keyboard shortcuts list, so the two cannot disagree. Keys that only the list, the editor or the search box takes are listed with ``None``.</extracomment>
        <translation>新建条目</translation>
    </message>
    <message>
        <source>Save the entry</source>
        <translation>保存条目</translation>
    </message>
    <message>
        <source>Open the selected entry in the editor</source>
        <translation>在编辑区打开所选条目</translation>
    </message>
    <message>
        <source>Back to the list (drops unsaved input after asking); clears the search</source>
        <translation>回到列表（有未保存内容时先询问）；清除搜索</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Filter by a field</source>
        <translation>按字段筛选</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>Quick filters, in their order</source>
        <translation>快速筛选（按顺序）</translation>
    </message>
    <message>
        <source>Clear every filter and quick filter</source>
        <translation>清除全部筛选和快速筛选</translation>
    </message>
    <message>
        <source>Show voided entries</source>
        <translation>显示已作废条目</translation>
    </message>
    <message>
        <source>Copy the selected rows with their headings</source>
        <translation>复制所选行（含标题）</translation>
    </message>
    <message>
        <source>Add rows copied from WPS or Excel (in the list)</source>
        <translation>添加从 WPS 或 Excel 复制的行（在列表中）</translation>
    </message>
    <message>
        <source>Fill the field from the entry before</source>
        <translation>按上一条填充本字段</translation>
    </message>
    <message>
        <source>Fill every field from the entry before</source>
        <translation>按上一条填充全部字段</translation>
    </message>
    <message>
        <source>History of the entry</source>
        <translation>条目历史</translation>
    </message>
    <message>
        <source>Void the entry</source>
        <translation>作废条目</translation>
    </message>
    <message>
        <source>Print the entry (the list when none is selected)</source>
        <translation>打印条目（未选条目时打印列表）</translation>
    </message>
    <message>
        <source>Print the list</source>
        <translation>打印列表</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Hide or show the editor</source>
        <translation>隐藏或显示编辑区</translation>
    </message>
    <message>
        <source>Choose the columns</source>
        <translation>选择列</translation>
    </message>
    <message>
        <source>Open the calendar of a date field</source>
        <translation>打开日期字段的日历</translation>
    </message>
    <message>
        <source>Void the entry, giving a reason (Ctrl+Del)</source>
        <translation>作废条目并说明理由（Ctrl+Del）</translation>
    </message>
    <message>
        <source>Every revision of the entry (Ctrl+H)</source>
        <translation>条目的全部修订（Ctrl+H）</translation>
    </message>
    <message>
        <source>Print every entry that matches the filters and search, as a marked list (Ctrl+Shift+P)</source>
        <translation>将符合筛选和搜索条件的全部条目打印为标密清单（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Add entries from a .csv or .xlsx file, all or nothing (Ctrl+I)</source>
        <translation>从 .csv 或 .xlsx 文件添加条目，全部添加或全不添加（Ctrl+I）</translation>
    </message>
    <message>
        <source>Paste rows…</source>
        <translation>粘贴行…</translation>
    </message>
    <message>
        <source>Add rows copied from WPS or Excel, with their heading row: previewed, then all saved or none (Ctrl+V in the list)</source>
        <translation>添加从 WPS 或 Excel 复制的行（含标题行）：先预览，再全部保存或全不保存（在列表中按 Ctrl+V）</translation>
    </message>
    <message>
        <source>Write the entries shown to a .csv or .xlsx file (Ctrl+Shift+E)</source>
        <translation>将列出的条目写入 .csv 或 .xlsx 文件（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>List voided entries too (Ctrl+Shift+H)</source>
        <translation>同时列出已作废条目（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>Choose the columns of the table (Ctrl+Shift+C)</source>
        <translation>选择表格的列（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑区</translation>
    </message>
    <message>
        <source>Show or hide the editor, so the list has the whole width (Ctrl+E)</source>
        <translation>显示或隐藏编辑区，隐藏后列表占满宽度（Ctrl+E）</translation>
    </message>
    <message>
        <source>Quick:</source>
        <extracomment>The field filters in force (field → text as typed or picked), and the quick ones.</extracomment>
        <translation>快速筛选：</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>Filter by a field (Ctrl+Shift+F)</source>
        <translation>按字段筛选（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Filter by…</source>
        <translation>筛选字段…</translation>
    </message>
    <message>
        <source>Date range on a date field (Ctrl+R)</source>
        <translation>按日期字段限定范围（Ctrl+R）</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起</translation>
    </message>
    <message>
        <source>to</source>
        <translation>止</translation>
    </message>
    <message>
        <source>A day, a month (2026-11) or a year (2026); Enter to apply</source>
        <translation>日期、月份（2026-11）或年份（2026）；按回车生效</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Clear every filter, date range and quick filter (Ctrl+0)</source>
        <translation>清除全部筛选、日期范围和快速筛选（Ctrl+0）</translation>
    </message>
    <message>
        <source>Search text fields (Ctrl+F; Esc clears)</source>
        <translation>搜索文本字段（Ctrl+F；Esc 清除）</translation>
    </message>
    <message>
        <source>Your account may not %1 in this register (ask the secrecy officer).</source>
        <translation>您的账户无权在本登记簿中%1（请联系保密员）。</translation>
    </message>
    <message>
        <source>add entries</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>void entries</source>
        <translation>作废条目</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The program keeps this register itself; nobody enters it by hand.</source>
        <translation>本登记簿由程序自动记录，不能手工录入。</translation>
    </message>
    <message>
        <source>Nothing to save: no entry is being edited or changed.</source>
        <translation>没有要保存的内容：未在编辑或修改条目。</translation>
    </message>
    <message>
        <source>Select an entry that is not void first.</source>
        <translation>请先选择一个未作废的条目。</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>请先选择一个条目。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>计数中…</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>去掉这项筛选</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <source>The entry was not saved. Please correct:</source>
        <translation>条目未保存。请更正以下各项：</translation>
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

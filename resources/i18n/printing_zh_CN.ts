<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>the subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>the label of field {label}</source>
        <translation>字段“{label}”的名称</translation>
    </message>
    <message>
        <source>field {label}</source>
        <translation>字段“{label}”</translation>
    </message>
    <message>
        <source>paragraph {index}</source>
        <translation>第{index}段</translation>
    </message>
    <message>
        <source>clause {index}</source>
        <translation>第{index}条</translation>
    </message>
    <message>
        <source>closing paragraph {index}</source>
        <translation>结尾第{index}段</translation>
    </message>
    <message>
        <source>approval step {label}</source>
        <translation>审批环节“{label}”</translation>
    </message>
    <message>
        <source>signature block {label}</source>
        <translation>签名栏“{label}”</translation>
    </message>
    <message>
        <source>the header of column {label}</source>
        <translation>列标题“{label}”</translation>
    </message>
    <message>
        <source>row {index}, column {label}</source>
        <translation>第{index}行“{label}”列</translation>
    </message>
    <message>
        <source>the summary line</source>
        <translation>汇总行</translation>
    </message>
    <message>
        <source>the page frame ({label})</source>
        <translation>页眉页脚（{label}）</translation>
    </message>
    <message>
        <source>classification mark</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>footer note</source>
        <translation>页脚附注</translation>
    </message>
    <message>
        <source>print time</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>document {n}</source>
        <translation>第{n}份文档</translation>
    </message>
    <message>
        <source>The print font cannot show some characters; change them before printing: {details}</source>
        <translation>打印字体无法显示部分字符，请修改后再打印：{details}</translation>
    </message>
    <message>
        <source>and {n} more places</source>
        <translation>另有{n}处</translation>
    </message>
    <message>
        <source>A printed page must carry a classification mark.</source>
        <translation>打印页必须带有密级标志。</translation>
    </message>
    <message>
        <source>The number of copies must be at least 1, not {n}.</source>
        <translation>打印份数至少为 1，不能是 {n}。</translation>
    </message>
    <message>
        <source>Field {label}: span must be 1 or 2, not {span}.</source>
        <translation>字段“{label}”：跨列数只能是 1 或 2，不能是 {span}。</translation>
    </message>
    <message>
        <source>Field {label}: min_lines must be at least 1.</source>
        <translation>字段“{label}”：最少行数至少为 1。</translation>
    </message>
    <message>
        <source>A form table has 1 or 2 fields per row, not {n}.</source>
        <translation>表格每行只能排 1 或 2 个字段，不能是 {n} 个。</translation>
    </message>
    <message>
        <source>Column {label}: the width must be positive.</source>
        <translation>列“{label}”：宽度必须大于零。</translation>
    </message>
    <message>
        <source>Chart series {name} has {n} values for {m} categories.</source>
        <translation>图表数据系列“{name}”有 {n} 个数值，但分类有 {m} 个。</translation>
    </message>
    <message>
        <source>A list needs at least one column.</source>
        <translation>清单至少需要一列。</translation>
    </message>
    <message>
        <source>Row {row} has {cells} cells but the list has {columns} columns.</source>
        <translation>第{row}行有 {cells} 个单元格，但清单有 {columns} 列。</translation>
    </message>
    <message>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <source>Part of the form is too large to fit on a page: {detail}</source>
        <translation>表单中有内容过大，一页放不下：{detail}</translation>
    </message>
</context>
</TS>

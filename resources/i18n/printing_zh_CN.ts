<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="37"/>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="38"/>
        <source>the subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="39"/>
        <source>the label of field {label}</source>
        <translation>字段“{label}”的名称</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="40"/>
        <source>field {label}</source>
        <translation>字段“{label}”</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="41"/>
        <source>paragraph {index}</source>
        <translation>第{index}段</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="42"/>
        <source>clause {index}</source>
        <translation>第{index}条</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="43"/>
        <source>closing paragraph {index}</source>
        <translation>结尾第{index}段</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="44"/>
        <source>approval step {label}</source>
        <translation>审批环节“{label}”</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="45"/>
        <source>signature block {label}</source>
        <translation>签名栏“{label}”</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="46"/>
        <source>the header of column {label}</source>
        <translation>列标题“{label}”</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="47"/>
        <source>row {index}, column {label}</source>
        <translation>第{index}行“{label}”列</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="48"/>
        <source>the summary line</source>
        <translation>汇总行</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="49"/>
        <source>the page frame ({label})</source>
        <translation>页眉页脚（{label}）</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="53"/>
        <source>classification mark</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="54"/>
        <source>unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="55"/>
        <source>document number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="56"/>
        <source>watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="57"/>
        <source>verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="58"/>
        <source>footer note</source>
        <translation>页脚附注</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="59"/>
        <source>print time</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="90"/>
        <source>document {n}</source>
        <translation>第{n}份文档</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="103"/>
        <source>The print font cannot show some characters; change them before printing: {details}</source>
        <translation>打印字体无法显示部分字符，请修改后再打印：{details}</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/glyphs.py" line="122"/>
        <source>and {n} more places</source>
        <translation>另有{n}处</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="68"/>
        <source>A printed page must carry a classification mark.</source>
        <translation>打印页必须带有密级标志。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="72"/>
        <source>The number of copies must be at least 1, not {n}.</source>
        <translation>打印份数至少为 1，不能是 {n}。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="92"/>
        <source>Field {label}: span must be 1 or 2, not {span}.</source>
        <translation>字段“{label}”：跨列数只能是 1 或 2，不能是 {span}。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="98"/>
        <source>Field {label}: min_lines must be at least 1.</source>
        <translation>字段“{label}”：最少行数至少为 1。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="146"/>
        <source>A form table has 1 or 2 fields per row, not {n}.</source>
        <translation>表格每行只能排 1 或 2 个字段，不能是 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="162"/>
        <source>Column {label}: the width must be positive.</source>
        <translation>列“{label}”：宽度必须大于零。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="190"/>
        <source>A list needs at least one column.</source>
        <translation>清单至少需要一列。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/model.py" line="195"/>
        <source>Row {row} has {cells} cells but the list has {columns} columns.</source>
        <translation>第{row}行有 {cells} 个单元格，但清单有 {columns} 列。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/render.py" line="53"/>
        <source>There is nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <location filename="../../secrecy_desk/printing/render.py" line="97"/>
        <source>Part of the form is too large to fit on a page: {detail}</source>
        <translation>表单中有内容过大，一页放不下：{detail}</translation>
    </message>
</context>
</TS>

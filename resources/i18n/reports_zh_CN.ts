<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The statistics cannot count by {what}.</source>
        <extracomment>A value not filled in (shown as such; counted like any other). The highest level among the entries counted (the mark of the printed report).</extracomment>
        <translation>统计不能按“{what}”分类。</translation>
    </message>
    <message>
        <source>A report covers a year or a half-year, not {part}.</source>
        <translation>报表按全年或半年统计，不能按“{part}”。</translation>
    </message>
    <message>
        <source>{path}: only .csv and .xlsx files can be used.</source>
        <translation>{path}：只能使用 .csv 和 .xlsx 文件。</translation>
    </message>
</context>
</TS>

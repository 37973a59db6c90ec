<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatisticsTab</name>
    <message>
        <source>Bar chart</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>堆积柱状图</translation>
    </message>
    <message>
        <source>Line over time</source>
        <translation>折线图（按时间）</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>台账：</translation>
    </message>
    <message>
        <source>Count by:</source>
        <translation>统计项目：</translation>
    </message>
    <message>
        <source>and by:</source>
        <translation>交叉项目：</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the table to a .xlsx or .csv file</source>
        <translation>将统计表写入 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>Date range on:</source>
        <translation>日期范围按：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>First half-year</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half-year</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Secrecy &amp;work report…</source>
        <translation>保密工作统计报表(&amp;W)…</translation>
    </message>
    <message>
        <source>Periodic report:</source>
        <translation>定期报表：</translation>
    </message>
    <message>
        <source>Export work report…</source>
        <translation>导出工作报表…</translation>
    </message>
    <message>
        <source>(nothing else)</source>
        <translation>（不交叉）</translation>
    </message>
    <message>
        <source>(all dates)</source>
        <translation>（不限日期）</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as 2026-03-31.</source>
        <translation>“{text}”不是日期，请按 2026-03-31 的格式填写。</translation>
    </message>
    <message>
        <source>{n} entries counted (live entries within your clearance).</source>
        <translation>共统计 {n} 条（不含已作废的条目，限于您的知悉范围）。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source> statistics</source>
        <translation>统计表</translation>
    </message>
    <message>
        <source>Secrecy work report %1</source>
        <translation>保密工作统计报表%1</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Classification review — {number}</source>
        <translation>定密审查 — {number}</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>登记决定</translation>
    </message>
    <message>
        <source>{title}: {marking}, term ends on {day}.</source>
        <translation>{title}：{marking}，保密期限于{day}届满。</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <source>e.g. 5年, 2031-12-31, 长期</source>
        <translation>如 5年、2031-12-31、长期</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>Classification review: secrecy terms ending</source>
        <translation>定密审查：保密期限将届满的条目</translation>
    </message>
    <message>
        <source>Terms ending within</source>
        <translation>保密期限届满于</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天内</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>登记审查决定…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Papers filled from the registers</source>
        <translation>据台账数据填写的报表</translation>
    </message>
    <message>
        <source>Print self-inspection sheet…</source>
        <translation>打印自查表…</translation>
    </message>
    <message>
        <source>Self-inspection sheet (自查表):</source>
        <translation>保密工作自查表：</translation>
    </message>
    <message>
        <source>First half (January–June)</source>
        <translation>上半年（1–6月）</translation>
    </message>
    <message>
        <source>Second half (July–December)</source>
        <translation>下半年（7–12月）</translation>
    </message>
    <message>
        <source>Print gifts summary…</source>
        <translation>打印半年报…</translation>
    </message>
    <message>
        <source>Export gifts summary…</source>
        <translation>导出半年报…</translation>
    </message>
    <message>
        <source>Write the summary to a .xlsx or .csv file</source>
        <translation>把汇总表写入 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>Gifts half-year summary by department:</source>
        <translation>礼品礼金分部门半年报：</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation>（已届满）</translation>
    </message>
    <message>
        <source>No secrecy term ends within {n} days.</source>
        <translation>{n}天内没有届满的保密期限。</translation>
    </message>
    <message>
        <source>{n} entries due for review.</source>
        <translation>{n}个条目需进行定密审查。</translation>
    </message>
    <message>
        <source>Decision recorded for {number}.</source>
        <translation>已登记 {number} 的定密审查决定。</translation>
    </message>
    <message>
        <source>Gifts summary %1</source>
        <translation>礼品礼金汇总 %1</translation>
    </message>
</context>
</TS>

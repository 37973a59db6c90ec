<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>No secrecy term ends within {days} days.</source>
        <translation>{days}天内没有届满的保密期限。</translation>
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
        <source>(ended)</source>
        <translation>（已届满）</translation>
    </message>
    <message>
        <source>Decision {decision} recorded: {number} is now {marking}.</source>
        <translation>已登记定密审查决定 {decision}：{number} 现为{marking}。</translation>
    </message>
    <message>
        <source>A storage medium keeps its handling level until it is destroyed.</source>
        <translation>存储介质保持原密级管理，直至销毁。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Entry {number} is void and cannot be changed.</source>
        <extracomment>Registers of storage media: their handling level never goes down (the carriers module&apos;s registers; a decision about their content is recorded, the medium keeps its level).</extracomment>
        <translation>条目 {number} 已作废，不能修改。</translation>
    </message>
    <message>
        <source>Entry {number} is not classified; there is no level or term to review.</source>
        <translation>条目 {number} 不属于国家秘密，没有需要审查的密级和保密期限。</translation>
    </message>
    <message>
        <source>This register offers no unclassified level to declassify to.</source>
        <translation>该台账没有可供解密后使用的非密级别。</translation>
    </message>
    <message>
        <source>This register keeps no secrecy term; it cannot be extended.</source>
        <translation>该台账不登记保密期限，无法延长。</translation>
    </message>
    <message>
        <source>Give the new secrecy term.</source>
        <translation>请填写新的保密期限。</translation>
    </message>
    <message>
        <source>Give the new level.</source>
        <translation>请填写新的密级。</translation>
    </message>
    <message>
        <source>The new level is the entry&apos;s level; to keep it, extend the term.</source>
        <translation>新密级与原密级相同；如需维持密级，请选择延长保密期限。</translation>
    </message>
</context>
</TS>

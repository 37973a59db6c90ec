<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClausesDialog</name>
    <message>
        <source>Clauses — {title}</source>
        <translation>条款 — {title}</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>保存为新版本</translation>
    </message>
    <message>
        <source>Version {version}. One clause per line; the first eight are the mandatory clauses and may be reworded, not removed. Printed commitments keep the text they were printed with.</source>
        <translation>第 {version} 版。每行一条；前八条为必备条款，可修改措辞，不可删除。已打印的承诺书保留打印时的文本。</translation>
    </message>
</context>
<context>
    <name>CommitmentsTab</name>
    <message>
        <source>Generate commitments</source>
        <extracomment>How a print job is shown: the one print dialog (a test drives it directly).</extracomment>
        <translation>生成承诺书</translation>
    </message>
    <message>
        <source>Everyone due</source>
        <translation>所有应签人员</translation>
    </message>
    <message>
        <source>A department</source>
        <translation>某个部门</translation>
    </message>
    <message>
        <source>One person (number)</source>
        <translation>某个人（编号）</translation>
    </message>
    <message>
        <source>department, or RY-2026-0001</source>
        <translation>部门名称，或人员编号如 RY-2026-0001</translation>
    </message>
    <message>
        <source>matter concerned (special, foreign exchange)</source>
        <translation>涉及事项（专项、对外交流时必填）</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Clauses…</source>
        <translation>条款…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Record &amp;signature…</source>
        <translation>登记签署(&amp;S)…</translation>
    </message>
    <message>
        <source>Completeness &amp;report…</source>
        <translation>签订情况检查(&amp;R)…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出检查表…</translation>
    </message>
    <message>
        <source>Write the completeness report to a .xlsx or .csv file</source>
        <translation>把签订情况检查表写入 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>Personnel status…</source>
        <translation>人员状态变更…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员编号</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>保密承诺书</translation>
    </message>
    <message>
        <source>{missing} people have no signed commitment, {renew} are due to renew, {unsigned} printed commitments are unsigned after 7 days.</source>
        <translation>未签承诺书 {missing} 人，应续签 {renew} 人，打印7天后仍未签回 {unsigned} 份。</translation>
    </message>
    <message>
        <source>Nobody to generate for.</source>
        <translation>没有需要生成承诺书的人员。</translation>
    </message>
    <message>
        <source>Generate anyway?</source>
        <translation>仍要生成吗？</translation>
    </message>
    <message>
        <source>{n} commitments generated and selected; print them next.</source>
        <translation>已生成并选中 {n} 份承诺书，请接着打印。</translation>
    </message>
    <message>
        <source>Select the commitments to print.</source>
        <translation>请选择要打印的承诺书。</translation>
    </message>
    <message>
        <source>{n} commitments printed into one document and recorded.</source>
        <translation>已将 {n} 份承诺书打印为一个文件并登记。</translation>
    </message>
    <message>
        <source>Only a printed, unsigned commitment can be signed.</source>
        <translation>只有已打印、尚未签署的承诺书才能登记签署。</translation>
    </message>
    <message>
        <source>Select one printed commitment.</source>
        <translation>请选择一份已打印的承诺书。</translation>
    </message>
    <message>
        <source>{number} is signed and archived.</source>
        <translation>{number} 已签署并归档。</translation>
    </message>
    <message>
        <source>The new clause text is saved as a new version.</source>
        <translation>新的条款文本已保存为新版本。</translation>
    </message>
    <message>
        <source>Commitments completeness report</source>
        <translation>保密承诺书签订情况检查表</translation>
    </message>
    <message>
        <source>The status change is recorded.</source>
        <translation>状态变更已登记。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Record signature — {number}</source>
        <translation>登记签署 — {number}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>{name}: {title}, printed {printed}.</source>
        <translation>{name}：{title}，{printed} 打印。</translation>
    </message>
    <message>
        <source>Personnel office archive</source>
        <translation>人事部门档案室</translation>
    </message>
    <message>
        <source>Secrecy office archive</source>
        <translation>保密办档案柜</translation>
    </message>
    <message>
        <source>Signed on:</source>
        <translation>签署日期：</translation>
    </message>
    <message>
        <source>Witness:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <source>Personnel office copy kept at:</source>
        <translation>人事部门存档位置：</translation>
    </message>
    <message>
        <source>Secrecy office copy kept at:</source>
        <translation>保密办存档位置：</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Personnel status change</source>
        <translation>涉密人员状态变更</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Under review → in post → left post (disengagement period) → released. Leaving the post computes the end of the disengagement period from the person&apos;s class.</source>
        <translation>上岗审查 → 在岗 → 离岗（脱密期）→ 解脱。离岗时按人员类别自动计算脱密期届满日期。</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员编号：</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>新状态：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Go ahead although the person still holds them</source>
        <extracomment>Shown once the person turns out to hold carriers or equipment still (离岗 warning).</extracomment>
        <translation>仍然办理（该人员尚有留存）</translation>
    </message>
</context>
</TS>

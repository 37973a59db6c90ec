<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalsTab</name>
    <message>
        <source>Waiting for me</source>
        <extracomment>How a print job is shown: the one print dialog (a test drives it directly).</extracomment>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Submitted by me</source>
        <translation>我提交的</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <source>Record from paper…</source>
        <translation>录入纸质签批…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Steps and history</source>
        <translation>审批步骤及历史</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1个工作日</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子</translation>
    </message>
    <message>
        <source>[void: content changed in revision %1]</source>
        <translation>[已作废：第%1版修改了内容]</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <source>Approval type</source>
        <translation>审批类型</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Reason for withdrawing</source>
        <translation>撤回理由</translation>
    </message>
    <message>
        <source>Printed; verification code %1.</source>
        <translation>已打印；验证码 %1。</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Sign and record</source>
        <translation>签署并记录</translation>
    </message>
    <message>
        <source>%1 · %2 · revision %3</source>
        <translation>%1 · %2 · 第%3版</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Write the comment (意见).</source>
        <translation>请填写意见。</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Record from paper</source>
        <translation>录入纸质签批</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>%1 · step %2: %3</source>
        <translation>%1 · 第%2步：%3</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批决定</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签字人</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <source>Comment as written</source>
        <translation>纸质意见原文</translation>
    </message>
</context>
</TS>

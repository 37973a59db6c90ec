<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>OVERDUE {days} working day(s)</source>
        <translation>已超期{days}个工作日</translation>
    </message>
    <message>
        <source>State: {state}    revision {revision}</source>
        <translation>状态：{state}    第{revision}版</translation>
    </message>
    <message>
        <source>Applicant: {applicant} ({department})</source>
        <translation>申请人：{applicant}（{department}）</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>审批步骤：</translation>
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
        <source>History:</source>
        <translation>历史记录：</translation>
    </message>
    <message>
        <source>step {n}</source>
        <translation>第{n}步</translation>
    </message>
    <message>
        <source>[VOID: content changed in revision {n}]</source>
        <translation>[已作废：第{n}版修改了内容]</translation>
    </message>
    <message>
        <source>{number}: {state} ({mark}).</source>
        <translation>{number}：{state}（{mark}）。</translation>
    </message>
    <message>
        <source>{number}: revision {n}, {state}.</source>
        <translation>{number}：第{n}版，{state}。</translation>
    </message>
    <message>
        <source>Password again, to sign the decision:</source>
        <translation>请再次输入密码以签署审批决定：</translation>
    </message>
    <message>
        <source>{number}: {decision} recorded; now {state}.</source>
        <translation>{number}：已记录“{decision}”；当前{state}。</translation>
    </message>
    <message>
        <source>{number}: paper decision recorded; now {state}.</source>
        <translation>{number}：已录入纸质签批；当前{state}。</translation>
    </message>
    <message>
        <source>{number}: withdrawn.</source>
        <translation>{number}：已撤回。</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF 文件 {path}</translation>
    </message>
    <message>
        <source>Printed to {path} ({mark}); print register {record}, verification code {code}.</source>
        <translation>已打印到 {path}（{mark}）；打印登记 {record}，验证码 {code}。</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>没有审批申请。</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予批准</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不同意</translation>
    </message>
    <message>
        <source>Return for changes</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Content changed</source>
        <translation>内容已修改</translation>
    </message>
    <message>
        <source>Decided electronically</source>
        <translation>电子审批</translation>
    </message>
    <message>
        <source>Recorded from paper</source>
        <translation>纸质签批录入</translation>
    </message>
    <message>
        <source>step {n}</source>
        <translation>第{n}步</translation>
    </message>
    <message>
        <source>step {n}: {step}</source>
        <translation>第{n}步：{step}</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>{count} earlier decision(s) were voided because the content was changed; the decisions above are on revision {revision}.</source>
        <translation>因内容修改，此前的{count}条审批意见已作废；以上审批意见针对第{revision}版内容。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown decision &quot;{text}&quot;; use approve, reject or return.</source>
        <translation>不认识的审批决定“{text}”；请用 approve（同意）、reject（不同意）或 return（退回修改）。</translation>
    </message>
    <message>
        <source>There is no approval form {form}.</source>
        <translation>没有审批表 {form}。</translation>
    </message>
    <message>
        <source>There is no approval request {number}.</source>
        <translation>没有审批申请 {number}。</translation>
    </message>
    <message>
        <source>You may not see approval request {number}.</source>
        <translation>您无权查看审批申请 {number}。</translation>
    </message>
    <message>
        <source>An applicant never decides their own request.</source>
        <translation>申请人不得审批本人的申请。</translation>
    </message>
    <message>
        <source>You decided another step of this request; one person does not decide two steps of the same request.</source>
        <translation>您已审批过本申请的另一步骤；同一人不得审批同一申请的两个步骤。</translation>
    </message>
    <message>
        <source>The request is not waiting for a decision.</source>
        <translation>该申请当前不在待审批状态。</translation>
    </message>
    <message>
        <source>You may not approve requests.</source>
        <translation>您没有审批权限。</translation>
    </message>
    <message>
        <source>Step &quot;{step}&quot; is decided by the head of {department}: {names}.</source>
        <translation>“{step}”由{department}的负责人审批：{names}。</translation>
    </message>
    <message>
        <source>Step &quot;{step}&quot; is decided by the head of {department}, and no account is one yet: the system administrator gives the head an account in {department}, the security administrator the approver role.</source>
        <translation>“{step}”由{department}的负责人审批，但目前还没有这样的账户：请系统管理员为该负责人建立部门为“{department}”的账户，再由安全保密管理员授予审批人角色。</translation>
    </message>
    <message>
        <source>Step &quot;{step}&quot; is decided by {names}.</source>
        <translation>“{step}”由{names}审批。</translation>
    </message>
    <message>
        <source>Step &quot;{step}&quot; is decided by someone else, and no account may decide it yet; it can be recorded from paper.</source>
        <translation>“{step}”应由其他人审批，目前没有可在程序中审批该步骤的账户；可按纸质签批录入。</translation>
    </message>
    <message>
        <source>This step is decided by someone else.</source>
        <extracomment>``may_decide``&apos;s reason when the step is for other people (``decide`` names them).</extracomment>
        <translation>本步骤应由其他人审批。</translation>
    </message>
    <message>
        <source>Only the applicant ({applicant}) may do this with {number}.</source>
        <translation>只有申请人（{applicant}）可以对 {number} 执行此操作。</translation>
    </message>
    <message>
        <source>Request {number} was changed by {account} (revision {revision}) after you opened it (revision {seen}). Nothing was saved; reopen it.</source>
        <translation>申请 {number} 在您打开（第{seen}版）后已被 {account} 修改（第{revision}版）。未保存任何内容，请重新打开。</translation>
    </message>
    <message>
        <source>Request {number} is {state} and can no longer be changed.</source>
        <translation>申请 {number} 已{state}，不能再更改。</translation>
    </message>
    <message>
        <source>Request {number} is {state}; only a draft or a returned request is submitted.</source>
        <translation>申请 {number} 的状态为“{state}”；只有草稿或退回修改的申请才能提交。</translation>
    </message>
    <message>
        <source>Every decision carries a comment (意见).</source>
        <translation>每项审批决定都须填写意见。</translation>
    </message>
    <message>
        <source>A comment has at most 1000 characters.</source>
        <translation>意见最多1000个字。</translation>
    </message>
    <message>
        <source>The password is wrong; the decision was not recorded.</source>
        <translation>密码错误，审批决定未记录。</translation>
    </message>
    <message>
        <source>Name the person who signed on paper.</source>
        <translation>请填写在纸质审批表上签字的人。</translation>
    </message>
    <message>
        <source>Request {number} is waiting for step {current}, not step {step}.</source>
        <translation>申请 {number} 正等待第{current}步审批，而不是第{step}步。</translation>
    </message>
    <message>
        <source>Step {step} may not be recorded from paper; it is decided in the program.</source>
        <translation>“{step}”不能按纸质签批录入，须在程序中审批。</translation>
    </message>
    <message>
        <source>The date of the signature is in the future.</source>
        <translation>签字日期晚于今天。</translation>
    </message>
    <message>
        <source>An applicant does not record paper decisions on their own request; another clerk records them.</source>
        <translation>申请人不得为本人的申请录入纸质签批，须由其他经办人录入。</translation>
    </message>
    <message>
        <source>Give the reason for withdrawing.</source>
        <translation>请填写撤回理由。</translation>
    </message>
    <message>
        <source>Give --form for a new request or --request for an existing one.</source>
        <translation>新申请请用 --form，已有申请请用 --request。</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>无法识别的命令。</translation>
    </message>
    <message>
        <source>Request {number} cannot be submitted: step &quot;{step}&quot; would be decided only by the applicant ({applicant}), and an applicant never decides their own request. Name another decider.</source>
        <translation>申请 {number} 无法提交：步骤“{step}”只能由申请人（{applicant}）本人审批，而申请人不得审批自己的申请。请指定其他审批人。</translation>
    </message>
</context>
</TS>

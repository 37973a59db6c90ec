<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CarrierDeskTab</name>
    <message>
        <source>Personal holdings</source>
        <translation>个人留存</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>清查</translation>
    </message>
    <message>
        <source>Destruction packages</source>
        <translation>销毁包</translation>
    </message>
</context>
<context>
    <name>CarrierRegisterTab</name>
    <message>
        <source>Issue…</source>
        <translation>签收…</translation>
    </message>
    <message>
        <source>Lend…</source>
        <translation>借出…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>归还…</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>发出…</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>回执…</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>送修…</translation>
    </message>
    <message>
        <source>Take out…</source>
        <translation>外携…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>清退…</translation>
    </message>
    <message>
        <source>To destruction package…</source>
        <translation>加入销毁包…</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>打印单据</translation>
    </message>
    <message>
        <source>Distribution list</source>
        <translation>分发表</translation>
    </message>
    <message>
        <source>Select one or more items first.</source>
        <translation>请先选择一件或多件。</translation>
    </message>
    <message>
        <source>Issue to a holder (签收)</source>
        <translation>分发签收</translation>
    </message>
    <message>
        <source>Holder (personnel no. or login):</source>
        <translation>责任人（人员编号或账户）：</translation>
    </message>
    <message>
        <source>Location (optional):</source>
        <translation>存放位置（可不填）：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Lend (借阅)</source>
        <translation>借阅</translation>
    </message>
    <message>
        <source>Borrower (personnel no. or login):</source>
        <translation>借阅人（人员编号或账户）：</translation>
    </message>
    <message>
        <source>Due back:</source>
        <translation>应还日期：</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>验收人：</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Copy against an approved request</source>
        <translation>凭审批复制</translation>
    </message>
    <message>
        <source>Approved copy request no.:</source>
        <translation>复制审批编号：</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>份数：</translation>
    </message>
    <message>
        <source>Send (机要渠道)</source>
        <translation>发出（机要渠道）</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>接收方：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Document no. (optional):</source>
        <translation>发文文号（可不填）：</translation>
    </message>
    <message>
        <source>Receipt returned</source>
        <translation>回执已收</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签收人：</translation>
    </message>
    <message>
        <source>Send for repair</source>
        <translation>送修</translation>
    </message>
    <message>
        <source>Repaired by:</source>
        <translation>维修方：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>维修地点：</translation>
    </message>
    <message>
        <source>Supervised by:</source>
        <translation>监修人：</translation>
    </message>
    <message>
        <source>Take out (外携)</source>
        <translation>外携</translation>
    </message>
    <message>
        <source>Approved by (or approval no.):</source>
        <translation>批准人（或审批编号）：</translation>
    </message>
    <message>
        <source>Taken to:</source>
        <translation>携往：</translation>
    </message>
    <message>
        <source>Withdraw (清退)</source>
        <translation>清退</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Into a destruction package</source>
        <translation>加入销毁包</translation>
    </message>
    <message>
        <source>Existing package no. (blank: a new one):</source>
        <translation>已有销毁包编号（空白则新建）：</translation>
    </message>
    <message>
        <source>Reason (new package):</source>
        <translation>销毁理由（新建时）：</translation>
    </message>
    <message>
        <source>Method (new package):</source>
        <translation>销毁方式（新建时）：</translation>
    </message>
</context>
<context>
    <name>Carriers</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>HoldingsPage</name>
    <message>
        <source>Personnel no. (RY-…) or login, then Enter</source>
        <translation>人员编号（RY-…）或账户，回车</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Print handover list</source>
        <translation>打印移交清单</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Number</source>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>留存自</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>{name} holds {n} item(s); {late} overdue.</source>
        <translation>{name} 现留存 {n} 件，其中逾期 {late} 件。</translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message>
        <source>Package</source>
        <translation>销毁包</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>报送审批</translation>
    </message>
    <message>
        <source>Record the destruction…</source>
        <translation>登记销毁…</translation>
    </message>
    <message>
        <source>Print destruction list</source>
        <translation>打印销毁清单</translation>
    </message>
    <message>
        <source>Print destruction record</source>
        <translation>打印销毁记录</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record the destruction</source>
        <translation>登记销毁</translation>
    </message>
    <message>
        <source>Destroyed on:</source>
        <translation>销毁日期：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>销毁方式：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>销毁地点：</translation>
    </message>
    <message>
        <source>Destroyed by:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>First witness (监销人):</source>
        <translation>监销人（一）：</translation>
    </message>
    <message>
        <source>Second witness (监销人):</source>
        <translation>监销人（二）：</translation>
    </message>
</context>
<context>
    <name>StocktakePage</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>A department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>A location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>A holder</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Department, location or holder</source>
        <translation>部门、存放位置或责任人</translation>
    </message>
    <message>
        <source>Open stocktake</source>
        <translation>开始清查</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Stocktake:</source>
        <translation>清查：</translation>
    </message>
    <message>
        <source>Scan or type the number, then Enter</source>
        <translation>扫描或输入编号后回车</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>在位</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Found elsewhere</source>
        <translation>异位</translation>
    </message>
    <message>
        <source>Where (found elsewhere)</source>
        <translation>实际位置（异位时）</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Number</source>
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
        <source>Result</source>
        <translation>清查结果</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Ledger location</source>
        <translation>账面位置</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>实际位置</translation>
    </message>
    <message>
        <source>Close and print the discrepancy report</source>
        <translation>结束清查并打印差异报告</translation>
    </message>
    <message>
        <source>{marked} of {expected} listed items marked.</source>
        <translation>清单 {expected} 件中已清点 {marked} 件。</translation>
    </message>
    <message>
        <source>Stocktake {number} opened: {n} items expected.</source>
        <translation>清查 {number} 已开始：应在 {n} 件。</translation>
    </message>
    <message>
        <source>Open or choose a stocktake first.</source>
        <translation>请先开始或选择一次清查。</translation>
    </message>
</context>
</TS>

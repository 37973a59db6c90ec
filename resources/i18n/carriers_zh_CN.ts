<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Registered {number} ({mark}).</source>
        <translation>已登记 {number}（{mark}）。</translation>
    </message>
    <message>
        <source>Copies registered: {numbers}.</source>
        <translation>复制件已登记：{numbers}。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办账户</translation>
    </message>
    <message>
        <source>{name} holds {n} item(s).</source>
        <translation>{name} 现留存 {n} 件。</translation>
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
        <source>Level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>留存自</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应还日期</translation>
    </message>
    <message>
        <source>Stocktake {number} opened: {n} items expected.</source>
        <translation>清查 {number} 已开始：应在 {n} 件。</translation>
    </message>
    <message>
        <source>Package {number} holds {n} items.</source>
        <translation>销毁包 {number} 共 {n} 件。</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF 文件 {path}</translation>
    </message>
    <message>
        <source>Printed to {path} ({mark}); print register {record}, verification code {code}.</source>
        <translation>已打印到 {path}（{mark}）；打印登记 {record}，验证码 {code}。</translation>
    </message>
</context>
<context>
    <name>Carriers</name>
    <message>
        <source>Registered</source>
        <extracomment>Statuses in which the item is away from its holder and comes back by &quot;return&quot;. The statuses each action starts from. Actions that only a carrier has (equipment is neither copied nor sent).</extracomment>
        <translation>登记</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Receipt returned</source>
        <translation>回执已收</translation>
    </message>
    <message>
        <source>Sent for repair</source>
        <translation>送修</translation>
    </message>
    <message>
        <source>Taken out</source>
        <translation>外携</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>清退</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>销毁</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>分发</translation>
    </message>
    <message>
        <source>lent</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>given a receipt</source>
        <translation>登记回执</translation>
    </message>
    <message>
        <source>sent for repair</source>
        <translation>送修</translation>
    </message>
    <message>
        <source>taken out</source>
        <translation>外携</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>清退</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>销毁</translation>
    </message>
    <message>
        <source>name of who checked it</source>
        <translation>验收人姓名</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>传递渠道</translation>
    </message>
    <message>
        <source>name on the receipt</source>
        <translation>回执签收人</translation>
    </message>
    <message>
        <source>repairer</source>
        <translation>维修方</translation>
    </message>
    <message>
        <source>place of repair</source>
        <translation>维修地点</translation>
    </message>
    <message>
        <source>name of the supervisor</source>
        <translation>监修人姓名</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>批准情况</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>携往地点</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>gathering items</source>
        <translation>清点中</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>approved, not yet destroyed</source>
        <translation>已批准，待销毁</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>未获批准</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>department {value}</source>
        <translation>部门 {value}</translation>
    </message>
    <message>
        <source>location {value}</source>
        <translation>位置 {value}</translation>
    </message>
    <message>
        <source>held by {value}</source>
        <translation>责任人 {value}</translation>
    </message>
    <message>
        <source>found</source>
        <translation>在位</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>found elsewhere</source>
        <translation>异位</translation>
    </message>
    <message>
        <source>not on the list</source>
        <translation>账外</translation>
    </message>
    <message>
        <source>not yet marked</source>
        <translation>未清点</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Stocktake {number} ({scope}): expected {expected}, found {found}, missing {missing}, found elsewhere {elsewhere}, not on the list {unexpected}; match rate {rate}.</source>
        <translation>清查 {number}（{scope}）：应在 {expected} 件，在位 {found} 件，缺失 {missing} 件，异位 {elsewhere} 件，账外 {unexpected} 件；账物相符率 {rate}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name} still holds {n} classified carriers or equipment ({numbers}); withdraw them (清退) and print the handover list before they leave post.</source>
        <translation>{name} 仍留存 {n} 件涉密载体或设备（{numbers}）；离岗前应清退并打印移交清单。</translation>
    </message>
    <message>
        <source>Give the {what}; nothing was saved.</source>
        <translation>请填写{what}；未保存任何内容。</translation>
    </message>
    <message>
        <source>The {what} has at most {n} characters.</source>
        <translation>{what}最多 {n} 个字。</translation>
    </message>
    <message>
        <source>There is no carrier or equipment numbered {number}.</source>
        <translation>没有编号为 {number} 的涉密载体或设备。</translation>
    </message>
    <message>
        <source>Name the person: their personnel number (RY-…).</source>
        <translation>请填写人员：涉密人员编号（RY-…）。</translation>
    </message>
    <message>
        <source>{name} ({number}) has been released (解脱) and cannot hold classified carriers or equipment.</source>
        <translation>{name}（{number}）已解脱，不能保管涉密载体或设备。</translation>
    </message>
    <message>
        <source>There is no person {text} on the personnel register.</source>
        <translation>涉密人员登记中没有 {text}。</translation>
    </message>
    <message>
        <source>The account of {name} is disabled; a disabled account cannot hold carriers or equipment.</source>
        <translation>{name} 的账户已停用，停用账户不能保管涉密载体或设备。</translation>
    </message>
    <message>
        <source>{name} is not on the personnel register under one entry; give their personnel number (RY-…).</source>
        <translation>{name} 在涉密人员登记中不是唯一的一条；请填写其人员编号（RY-…）。</translation>
    </message>
    <message>
        <source>The date of a lifecycle step cannot be in the future.</source>
        <translation>办理日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Give the date it is due back.</source>
        <translation>请填写应还日期。</translation>
    </message>
    <message>
        <source>The due date {due} is before the date of the step {on}.</source>
        <translation>应还日期 {due} 早于办理日期 {on}。</translation>
    </message>
    <message>
        <source>{number} is void; nothing more is done with it.</source>
        <translation>{number} 已作废，不能再办理。</translation>
    </message>
    <message>
        <source>{number} is equipment; only carriers are {action}.</source>
        <translation>{number} 是设备；只有涉密载体才能{action}。</translation>
    </message>
    <message>
        <source>{number} has been destroyed; nothing more is done with it.</source>
        <translation>{number} 已销毁，不能再办理。</translation>
    </message>
    <message>
        <source>{number} is already lent to {holder}; it must be returned before it is lent again.</source>
        <translation>{number} 已借给 {holder}，须归还后才能再借。</translation>
    </message>
    <message>
        <source>{number} is not lent, taken out or at repair ({status}); there is nothing to return.</source>
        <translation>{number} 未借出、外携或送修（{status}），无需归还。</translation>
    </message>
    <message>
        <source>{number} is {status} and cannot be {action} now.</source>
        <translation>{number} 当前为“{status}”，不能{action}。</translation>
    </message>
    <message>
        <source>There is no register {register}.</source>
        <translation>没有台账 {register}。</translation>
    </message>
    <message>
        <source>Say what is wrong with an item that did not come back intact.</source>
        <translation>归还时不完好的，请说明情况。</translation>
    </message>
    <message>
        <source>The receipt of {number} is already recorded.</source>
        <translation>{number} 的回执已登记。</translation>
    </message>
    <message>
        <source>Make at least one copy.</source>
        <translation>至少复制一份。</translation>
    </message>
    <message>
        <source>{number} is copied only against an approved copy request for it; {approval} is not one.</source>
        <translation>{number} 须凭已批准的本载体复制审批才能复制；{approval} 不是。</translation>
    </message>
    <message>
        <source>Request {approval} allows {allowed} copies and {used} are made already; {n} more would be too many.</source>
        <translation>审批 {approval} 批准复制 {allowed} 份，已复制 {used} 份；再复制 {n} 份将超出批准份数。</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>请至少选择一件。</translation>
    </message>
    <message>
        <source>There is no destruction package {number}.</source>
        <translation>没有销毁包 {number}。</translation>
    </message>
    <message>
        <source>{number} has been destroyed already; it cannot go into a package.</source>
        <translation>{number} 已销毁，不能放入销毁包。</translation>
    </message>
    <message>
        <source>{number} is already in destruction package {package}; an item is in one package at a time.</source>
        <translation>{number} 已在销毁包 {package} 中；一件只能在一个销毁包中。</translation>
    </message>
    <message>
        <source>Give the reason for destruction.</source>
        <translation>请填写销毁理由。</translation>
    </message>
    <message>
        <source>The method is shredding, disintegration, degaussing or the secrecy bureau&apos;s destruction centre.</source>
        <translation>销毁方式为粉碎、碎化、消磁或送保密局销毁中心。</translation>
    </message>
    <message>
        <source>Package {number} has been submitted for approval; its items no longer change.</source>
        <translation>销毁包 {number} 已报审批，清单不能再改。</translation>
    </message>
    <message>
        <source>Package {number} is already waiting for or past approval.</source>
        <translation>销毁包 {number} 已在审批中或已审批。</translation>
    </message>
    <message>
        <source>Package {number} holds no items.</source>
        <translation>销毁包 {number} 中没有载体。</translation>
    </message>
    <message>
        <source>Name the two witnesses (监销人), two different people.</source>
        <translation>请填写两名不同的监销人。</translation>
    </message>
    <message>
        <source>Give the person who destroyed the items and the place.</source>
        <translation>请填写经办人和销毁地点。</translation>
    </message>
    <message>
        <source>Choose the method of destruction.</source>
        <translation>请选择销毁方式。</translation>
    </message>
    <message>
        <source>The date of destruction cannot be in the future.</source>
        <translation>销毁日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Package {number} was destroyed already.</source>
        <translation>销毁包 {number} 已销毁。</translation>
    </message>
    <message>
        <source>Package {number} is not approved for destruction; nothing was destroyed.</source>
        <translation>销毁包 {number} 未获销毁审批，未销毁任何载体。</translation>
    </message>
    <message>
        <source>Choose the copies to list.</source>
        <extracomment>The party of a step, as the slip names it: who holds, borrowed, checked, received …</extracomment>
        <translation>请选择要列入分发表的份。</translation>
    </message>
    <message>
        <source>This paper needs {what}.</source>
        <translation>打印此表需要 {what}。</translation>
    </message>
    <message>
        <source>The status changes only through the item&apos;s lifecycle actions (issue, lend, return, send, repair, take out, withdraw, destruction package).</source>
        <extracomment>Fields only the lifecycle operations write.</extracomment>
        <translation>状态只能通过办理签收、借出、归还、发出、送修、外携、清退、销毁包等操作改变。</translation>
    </message>
    <message>
        <source>The level cannot go down from {old} to {new}: a classified item keeps the highest level it ever held (一次涉密，终身涉密).</source>
        <translation>密级不能从{old}降为{new}：一次涉密，终身涉密，按曾承载的最高密级管理。</translation>
    </message>
    <message>
        <source>The secrecy term cannot be shortened from {old} to {new}; it may only be extended.</source>
        <translation>保密期限不能从{old}缩短为{new}，只能延长。</translation>
    </message>
    <message>
        <source>Not back; it was due on {due} ({days} days late).</source>
        <translation>未归还；应于 {due} 归还（已逾期 {days} 天）。</translation>
    </message>
    <message>
        <source>This field is written by the lifecycle actions (issue, lend, return, copy) and cannot be typed here.</source>
        <translation>此项由签收、借出、归还、复制等操作登记，不能在此填写。</translation>
    </message>
    <message>
        <source>A stocktake covers all, a department, a location or a holder.</source>
        <translation>清查范围为全部、部门、存放位置或责任人。</translation>
    </message>
    <message>
        <source>Name the department, location or holder to count.</source>
        <translation>请填写要清查的部门、存放位置或责任人。</translation>
    </message>
    <message>
        <source>There is no stocktake {number}.</source>
        <translation>没有清查 {number}。</translation>
    </message>
    <message>
        <source>Mark an item found, missing or found elsewhere.</source>
        <translation>请标记为在位、缺失或异位。</translation>
    </message>
    <message>
        <source>Stocktake {number} is closed; nothing more is marked in it.</source>
        <translation>清查 {number} 已结束，不能再标记。</translation>
    </message>
    <message>
        <source>{number} is not a carrier or equipment on the ledger.</source>
        <translation>{number} 不是台账上的涉密载体或设备。</translation>
    </message>
    <message>
        <source>{number} was destroyed; it cannot be in a cabinet. Put it aside and report it to the secrecy officer.</source>
        <translation>{number} 已销毁，不应出现在柜中。请单独存放并报告保密员。</translation>
    </message>
    <message>
        <source>{number} is not on this stocktake&apos;s list.</source>
        <translation>{number} 不在本次清查清单中。</translation>
    </message>
    <message>
        <source>Stocktake {number} is already closed.</source>
        <translation>清查 {number} 已结束。</translation>
    </message>
    <message>
        <source>{item} is not missing in stocktake {number}.</source>
        <translation>{item} 在清查 {number} 中不是缺失件。</translation>
    </message>
    <message>
        <source>Give the stocktake number (--number).</source>
        <translation>请给出清查编号（--number）。</translation>
    </message>
    <message>
        <source>Give the item scanned (--item).</source>
        <translation>请给出扫描的编号（--item）。</translation>
    </message>
    <message>
        <source>Give the package number (--number).</source>
        <translation>请给出销毁包编号（--number）。</translation>
    </message>
</context>
</TS>

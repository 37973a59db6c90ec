<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Printed to {path} ({mark}); print register {record}, verification code {code}.</source>
        <translation>已打印到 {path}（{mark}）；打印登记号 {record}，验证码 {code}。</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF文件 {path}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Write the time as hours and minutes, e.g. 09:30.</source>
        <extracomment>Nationalities that are not a foreign visit. The carriers register (the carriers module): incidents name carriers by its numbers. Days a cipher telegram may wait before it is filed, destroyed or returned.</extracomment>
        <translation>请按“时:分”填写时间，如 09:30。</translation>
    </message>
    <message>
        <source>There is no approval request {number}.</source>
        <translation>没有编号为 {number} 的审批单。</translation>
    </message>
    <message>
        <source>Request {number} is not a request of this kind.</source>
        <translation>审批单 {number} 不是这一类审批。</translation>
    </message>
    <message>
        <source>Request {number} was withdrawn.</source>
        <translation>审批单 {number} 已撤回。</translation>
    </message>
    <message>
        <source>Request {number} was rejected.</source>
        <translation>审批单 {number} 未获批准。</translation>
    </message>
    <message>
        <source>Request {number} is not approved (yet).</source>
        <translation>审批单 {number} 尚未批准。</translation>
    </message>
    <message>
        <source>Classified traffic needs the number of its approval.</source>
        <translation>涉密通信须经审批，请填写审批编号。</translation>
    </message>
    <message>
        <source>Classified matters go by fax, telephone, radio or data link only with secrecy measures.</source>
        <translation>涉密事项经传真、电话、无线电或数据通信传递时，必须采取保密措施。</translation>
    </message>
    <message>
        <source>Filing, destruction or return is recorded for cipher telegrams.</source>
        <translation>归档、销毁或清退只登记于密码电报。</translation>
    </message>
    <message>
        <source>Give the date and the person of the destruction or return.</source>
        <translation>请填写销毁或清退的日期和处理人。</translation>
    </message>
    <message>
        <source>Cipher telegram not yet filed, destroyed or returned.</source>
        <translation>密码电报尚未归档、销毁或清退。</translation>
    </message>
    <message>
        <source>Say whether it came back intact.</source>
        <translation>请注明归还时是否完整无损。</translation>
    </message>
    <message>
        <source>Name who checked the item returned.</source>
        <translation>请填写归还验收人。</translation>
    </message>
    <message>
        <source>Not returned; it was due on {due}.</source>
        <translation>尚未归还，应还日期为{due}。</translation>
    </message>
    <message>
        <source>Returned damaged or incomplete.</source>
        <translation>归还时有损坏或不完整。</translation>
    </message>
    <message>
        <source>A passport number is 5 to 20 letters and digits.</source>
        <translation>护照号码应为5至20位字母和数字。</translation>
    </message>
    <message>
        <source>A foreign visit needs the number of its approved visit request (外来人员参观保密审批表).</source>
        <translation>境外人员来访须填写已批准的《外来人员参观保密审批表》编号。</translation>
    </message>
    <message>
        <source>Request {number} approves a visit from {start} to {end}, not on {day}.</source>
        <translation>审批单 {number} 批准的参观日期为{start}至{end}，不含{day}。</translation>
    </message>
    <message>
        <source>Record the time in before the time out.</source>
        <translation>请先登记进入时间，再登记离开时间。</translation>
    </message>
    <message>
        <source>The time out is before the time in.</source>
        <translation>离开时间早于进入时间。</translation>
    </message>
    <message>
        <source>Not checked out on {day}.</source>
        <translation>{day}来访未登记离开。</translation>
    </message>
    <message>
        <source>Request {number} fixed this as {value}.</source>
        <translation>审批单 {number} 已确定为{value}。</translation>
    </message>
    <message>
        <source>Name who destroyed the waste.</source>
        <translation>请填写废页销毁人。</translation>
    </message>
    <message>
        <source>Waste pages not recorded as destroyed.</source>
        <translation>废页尚未登记销毁。</translation>
    </message>
    <message>
        <source>Say what was done and by whom.</source>
        <translation>请填写整改措施和整改人。</translation>
    </message>
    <message>
        <source>A rectification is verified only after it was done.</source>
        <translation>整改完成后方可验收。</translation>
    </message>
    <message>
        <source>Give who verified it and when.</source>
        <translation>请填写验收人和验收日期。</translation>
    </message>
    <message>
        <source>A rectification is verified by someone other than {name}, who did it.</source>
        <translation>整改应由整改人{name}以外的人员验收。</translation>
    </message>
    <message>
        <source>Not rectified and verified by its deadline, {date}.</source>
        <translation>未在整改期限{date}前完成整改验收。</translation>
    </message>
    <message>
        <source>Rectified, not yet verified.</source>
        <translation>已整改，尚未验收。</translation>
    </message>
    <message>
        <source>There is no carrier {number} in the carriers register.</source>
        <translation>涉密载体台账中没有编号为 {number} 的载体。</translation>
    </message>
    <message>
        <source>Give both to whom and when it was reported.</source>
        <translation>请同时填写报告对象和报告日期。</translation>
    </message>
    <message>
        <source>Record the outcome before closing the incident.</source>
        <translation>结案前请填写处理结果。</translation>
    </message>
    <message>
        <source>Discovered on {date} and not yet reported upward.</source>
        <translation>{date}发现，尚未向上级报告。</translation>
    </message>
    <message>
        <source>Open: investigation and outcome to be recorded.</source>
        <translation>未结案：待登记调查情况和处理结果。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <extracomment>Days after the period in which a disengagement period ending is reported too. The carriers module&apos;s stocktake figures, when it is installed: a function of the register engine returning the last closed stocktake, or ``None`` when none was closed.</extracomment>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Give --to FILE.pdf, or --show.</source>
        <translation>请给出 --to 文件.pdf，或 --show。</translation>
    </message>
</context>
</TS>

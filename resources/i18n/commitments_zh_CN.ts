<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Nobody is due.</source>
        <translation>没有应签人员。</translation>
    </message>
    <message>
        <source>{n} commitments generated: {first} … {last}.</source>
        <translation>已生成 {n} 份承诺书：{first} … {last}。</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF文件 {path}</translation>
    </message>
    <message>
        <source>{n} commitments printed to {path}.</source>
        <translation>已将 {n} 份承诺书打印到 {path}。</translation>
    </message>
    <message>
        <source>{number} is signed and archived.</source>
        <translation>{number} 已签署并归档。</translation>
    </message>
    <message>
        <source>{missing} without a signed commitment, {renew} due to renew, {unsigned} unsigned after 7 days.</source>
        <translation>未签承诺书 {missing} 人，应续签 {renew} 人，打印7天后仍未签回 {unsigned} 份。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Printed to {path}; verification code {code}.</source>
        <translation>已打印到 {path}；验证码 {code}。</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>已生成</translation>
    </message>
    <message>
        <source>printed, awaiting signature</source>
        <translation>已打印，待签署</translation>
    </message>
    <message>
        <source>signed and archived</source>
        <translation>已签署归档</translation>
    </message>
    <message>
        <source>{n} commitments.</source>
        <translation>共 {n} 份承诺书。</translation>
    </message>
    <message>
        <source>{person}: {old} → {new} on {on}.</source>
        <translation>{person}：{on} 由 {old} 变为 {new}。</translation>
    </message>
    <message>
        <source>Disengagement ends on {date}.</source>
        <translation>脱密期至 {date} 届满。</translation>
    </message>
</context>
<context>
    <name>Commitments</name>
    <message>
        <source>No signed commitment</source>
        <extracomment>The commitments that satisfy each status (any one of them, signed and archived). The in-post commitment is renewed every year. A printed commitment not signed after this many days is reported.</extracomment>
        <translation>未签承诺书</translation>
    </message>
    <message>
        <source>Due to renew</source>
        <translation>应续签</translation>
    </message>
    <message>
        <source>Printed, unsigned</source>
        <translation>打印后未签回</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown level {level}.</source>
        <translation>未知密级 {level}。</translation>
    </message>
    <message>
        <source>Give either --person or --department (with --due: those due in it).</source>
        <translation>请给出 --person 或 --department 之一（与 --due 同用时：该部门中应签署的人员）。</translation>
    </message>
    <message>
        <source>Say who: --person, --department or --due.</source>
        <translation>请指明人员：--person、--department 或 --due。</translation>
    </message>
    <message>
        <source>Unknown command.</source>
        <translation>未知命令。</translation>
    </message>
    <message>
        <source>There is no commitment template {template}.</source>
        <extracomment>The module id permissions name (``commitments:print`` …). The first clauses of every template are the eight mandatory clauses of the 2015 notice. Printed person data, in order. Two copies: one for the personnel office, one for the secrecy office (S1); at most nine. What the opening sentence says about the occasion, by template.</extracomment>
        <translation>没有承诺书模板 {template}。</translation>
    </message>
    <message>
        <source>There is no clause version {id}.</source>
        <translation>没有条款版本 {id}。</translation>
    </message>
    <message>
        <source>A commitment keeps the eight mandatory clauses; only {n} clauses were given.</source>
        <translation>承诺书必须保留八项必备条款，现只有 {n} 条。</translation>
    </message>
    <message>
        <source>A clause may have at most {n} characters.</source>
        <translation>每条条款最多 {n} 个字。</translation>
    </message>
    <message>
        <source>There is no commitment {number}.</source>
        <translation>没有承诺书 {number}。</translation>
    </message>
    <message>
        <source>The matter may have at most {n} characters.</source>
        <translation>涉及事项最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Name the matter this commitment concerns.</source>
        <translation>请填写本承诺书涉及的事项。</translation>
    </message>
    <message>
        <source>Choose at least one person.</source>
        <translation>请至少选择一名人员。</translation>
    </message>
    <message>
        <source>{number} is not a current person.</source>
        <translation>{number} 不是在册涉密人员。</translation>
    </message>
    <message>
        <source>{number} already has a {template} waiting for a signature.</source>
        <translation>{number} 已有一份待签署的{template}。</translation>
    </message>
    <message>
        <source>{person} already has {letter} {number} waiting for a signature.</source>
        <translation>{person} 已有一份{letter}（{number}）正等待签署。</translation>
    </message>
    <message>
        <source>{person} is {status}; a {letter} does not fit that.</source>
        <translation>{person} 目前为“{status}”，与{letter}不符。</translation>
    </message>
    <message>
        <source>Choose at least one commitment.</source>
        <translation>请至少选择一份承诺书。</translation>
    </message>
    <message>
        <source>{person} is not in post yet (under review), so leaving the post cannot start. Record first that {person} took up the post (Personnel status), then record the signature of {number}.</source>
        <translation>{person} 尚未上岗（仍在上岗审查），无法开始离岗。请先在“人员状态”中登记 {person} 已上岗，再录入 {number} 的签署。</translation>
    </message>
    <message>
        <source>Give the witness and where the personnel office and the secrecy office keep their copies.</source>
        <translation>请填写见证人，以及人事部门和保密办各自存档的位置。</translation>
    </message>
    <message>
        <source>Only a printed, unsigned commitment can be signed ({number}).</source>
        <translation>只有已打印、尚未签署的承诺书才能登记签署（{number}）。</translation>
    </message>
    <message>
        <source>The signing date must be between the printing date {printed} and today.</source>
        <translation>签署日期须在打印日期 {printed} 至今天之间。</translation>
    </message>
    <message>
        <source>Unknown personnel class {cls}: use core, important or general.</source>
        <extracomment>The only moves the lifecycle makes, in order. Months of disengagement the secadmin may choose, by class (inclusive).</extracomment>
        <translation>未知人员类别 {cls}：应为核心（core）、重要（important）或一般（general）。</translation>
    </message>
    <message>
        <source>The disengagement period for this class must be {low} to {high} months, not {n}.</source>
        <translation>该类人员的脱密期应为 {low} 至 {high} 个月，不能为 {n} 个月。</translation>
    </message>
    <message>
        <source>Give the reason for the change.</source>
        <translation>请填写变更原因。</translation>
    </message>
    <message>
        <source>{number} cannot go from status {current} to {wanted}.</source>
        <translation>{number} 不能从状态 {current} 变为 {wanted}。</translation>
    </message>
    <message>
        <source>The date of a change cannot be in the future.</source>
        <translation>变更日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The disengagement period ended on {date}; the release is due.</source>
        <extracomment>Reminders start this many days before a disengagement period or a certificate ends. A trip this close without its briefing or commitment is marked. A certificate with no end date written is valid this long.</extracomment>
        <translation>脱密期已于 {date} 届满，应办理解脱。</translation>
    </message>
    <message>
        <source>The disengagement period ends on {date}.</source>
        <translation>脱密期将于 {date} 届满。</translation>
    </message>
    <message>
        <source>Expired on {date}; training or re-examination due.</source>
        <translation>已于 {date} 过期，应重新培训或复审。</translation>
    </message>
    <message>
        <source>Valid until {date}; renew it soon.</source>
        <translation>有效期至 {date}，请及时续期。</translation>
    </message>
    <message>
        <source>The secrecy briefing must come before departure.</source>
        <translation>保密提醒必须在出发前进行。</translation>
    </message>
    <message>
        <source>Departed on {date} without the briefing or the commitment recorded.</source>
        <translation>已于 {date} 出发，但未登记保密提醒或承诺书。</translation>
    </message>
    <message>
        <source>Departs on {date}: the briefing and the commitment must come first.</source>
        <translation>将于 {date} 出发：须先完成保密提醒并签署承诺书。</translation>
    </message>
    <message>
        <source>This phone number is already registered for {others}. The same contact on two different people must be checked; confirm to save anyway.</source>
        <translation>该电话号码已登记在 {others} 名下。不同人员使用同一联系方式须核实；确认后方可保存。</translation>
    </message>
</context>
</TS>

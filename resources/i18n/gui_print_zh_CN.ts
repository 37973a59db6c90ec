<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PrintDialog</name>
    <message>
        <source>Copies:</source>
        <extracomment>Makes the module&apos;s print job (called for the draft and again, inside the print&apos;s transaction, for the print).</extracomment>
        <translation>份数：</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Reason for the reprint:</source>
        <translation>补打原因：</translation>
    </message>
    <message>
        <source>e.g. the first copy was spoiled</source>
        <translation>例如：原件污损</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>导出PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>Classification mark printed on every page</source>
        <translation>每页页眉、页脚印制的密级标志</translation>
    </message>
    <message numerus="yes">
        <source>Preview of one copy, %n page(s); not for printing: the print gets its own verification code and print register number.</source>
        <translation>
            <numerusform>预览稿为一份，共 %n 页，不得打印；正式打印时另行生成验证码和打印登记号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copies will be printed, each numbered on every page (第x份 共y份).</source>
        <translation>
            <numerusform>将打印 %n 份，每页标注“第x份 共y份”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list holds %n entries.</source>
        <translation>
            <numerusform>清单共 %n 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>This revision was printed before: printing it again is a reprint, marked 补打 on the paper, and needs a reason.</source>
        <translation>此版本已打印过，再次打印属于补打，纸面标注“补打”，须填写补打原因。</translation>
    </message>
    <message>
        <source>Give the reason for the reprint before printing it again.</source>
        <translation>请先填写补打原因，再行打印。</translation>
    </message>
    <message>
        <source>default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>The printer {printer} did not take the pages. Nothing was printed and nothing was recorded; check the printer and print again.</source>
        <translation>打印机 {printer} 未接收页面，未打印，也未作任何登记；请检查打印机后重新打印。</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}. Nothing was recorded.</source>
        <translation>无法写入 {path}：{error}。未作任何登记。</translation>
    </message>
    <message>
        <source>Sent to {printer}: {copies} copies, {pages} pages, marked {mark}. Print register {record}, verification code {code}.</source>
        <translation>已发送到 {printer}：共 {copies} 份 {pages} 页，密级标志 {mark}。打印登记号 {record}，验证码 {code}。</translation>
    </message>
    <message>
        <source>No printer is set up on this workstation. Ask the system administrator to install one; the document can still be exported as a PDF file.</source>
        <translation>本机尚未配置打印机，请联系系统管理员安装；仍可将文件导出为PDF。</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>打印 {title}</translation>
    </message>
    <message>
        <source>Export as PDF file</source>
        <translation>导出为PDF文件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF file is not encrypted. It is a carrier of this document and must be kept and destroyed as {mark}. The export is recorded in the print register and the audit trail.

Write {path}?</source>
        <translation>导出的PDF文件不加密，属于本文件的载体，须按“{mark}”保管和销毁。本次导出将记入打印登记和审计日志。

确定写入 {path} 吗？</translation>
    </message>
    <message>
        <source>PDF file {path}</source>
        <translation>PDF文件 {path}</translation>
    </message>
    <message>
        <source>Exported to {path}, marked {mark}. Print register {record}, verification code {code}.</source>
        <translation>已导出到 {path}，密级标志 {mark}。打印登记号 {record}，验证码 {code}。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a printed document</source>
        <translation>核验打印件</translation>
    </message>
    <message>
        <source>Type the verification code printed at the foot of every page (验证码). It tells whether the paper shows the entry as it stands now.</source>
        <translation>请输入打印件每页页脚的验证码，核验纸质件是否与台账当前记录一致。</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>验证码：</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Matches the current revision</source>
        <translation>与当前版本一致</translation>
    </message>
    <message>
        <source>An older revision: the entry has changed since</source>
        <translation>旧版本：打印后记录已修改</translation>
    </message>
    <message>
        <source>A printed list</source>
        <translation>打印的清单</translation>
    </message>
    <message>
        <source>No such print</source>
        <translation>查无此打印记录</translation>
    </message>
    <message>
        <source>No print with the code {code} is recorded, or it is one this account may not see. A paper carrying this code was not printed by this program as it stands.</source>
        <translation>没有验证码为 {code} 的打印记录，或该记录超出本账号的查看范围。带有此验证码的纸质件并非本系统按现有记录打印。</translation>
    </message>
    <message>
        <source>Document: {document} — {object}</source>
        <translation>文件：{document} — {object}</translation>
    </message>
    <message>
        <source>Printed {at} by {who}, {copies} copies; print register {record}.</source>
        <translation>打印：{at}，打印人 {who}，共 {copies} 份；打印登记号 {record}。</translation>
    </message>
    <message>
        <source>A reprint (补打); reason: {reason}</source>
        <translation>补打件；补打原因：{reason}</translation>
    </message>
    <message>
        <source>The paper shows revision {rev}, the entry as it stands now.</source>
        <translation>纸质件为第 {rev} 版，与台账当前记录一致。</translation>
    </message>
    <message>
        <source>The paper shows revision {rev}; the entry is now at revision {now}: the paper is out of date.</source>
        <translation>纸质件为第 {rev} 版，台账现为第 {now} 版：纸质件内容已过时。</translation>
    </message>
    <message>
        <source>A list is checked against the print register only, not row by row.</source>
        <translation>清单仅核对打印登记，不逐行核对内容。</translation>
    </message>
    <message>
        <source>Not a complete code</source>
        <translation>验证码不完整</translation>
    </message>
    <message>
        <source>A verification code has 8 letters and digits, e.g. K7QD-3M9X; the dash may be left out.</source>
        <translation>验证码由8位字母和数字组成，例如 K7QD-3M9X；中间的短横可以省略。</translation>
    </message>
    <message>
        <source>Cannot verify</source>
        <translation>无法核验</translation>
    </message>
</context>
</TS>

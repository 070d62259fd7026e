using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Notification;

/// <summary>
/// The email a supervisor gets for a failed or unreadable report, in Chinese, as text and HTML: the office,
/// year and verdict; each rule broken with its cells and expected against actual; for unreadable, the
/// reason; and the link to the report's page. Everything that comes from the report is HTML-escaped.
/// </summary>
public static class SupervisorEmail
{
    public const string ReportIdHeader = "X-Report-Id";

    public static MimeMessage Compose(StoredReport report, Office? office, string recipient, MailSettings settings)
    {
        var result = report.Result;
        var officeName = office is null ? $"{report.Office}（未登记的单位）" : $"{office.Name}（{office.Code}）";
        var year = result.Year is { } y ? $"{y}年" : "年份未识别";
        var link = ReportLink(settings.PublicBaseUrl, report.Office, report.Id);
        var errors = result.Findings.Where(f => f.IsViolation && f.Severity == Severity.Error).ToList();
        var warnings = result.Findings.Where(f => f.IsViolation && f.Severity == Severity.Warning).ToList();

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<html><body style=\"font-family:sans-serif\">");
        void Line(string plain, string? markup = null)
        {
            text.AppendLine(plain);
            html.Append("<p>").Append(markup ?? WebUtility.HtmlEncode(plain)).Append("</p>");
        }

        Line("您好：");
        Line($"以下政府信息公开工作年度报告经自动检查，结论为“{result.Verdict.Chinese()}”，请督促报送单位核实、修改后重新报送。");
        Line($"单位：{officeName}");
        Line($"年度：{year}");
        Line($"文件：{report.Name}");
        Line($"结论：{result.Verdict.Chinese()}");
        if (result.Verdict == Verdict.Unreadable)
        {
            Line($"原因：{result.Reason ?? "文件无法读取。"}");
        }

        Findings(text, html, $"未通过的检查（{errors.Count} 项）", errors);
        Findings(text, html, $"提醒（{warnings.Count} 项）", warnings);
        Line($"查看报告：{link}", $"查看报告：<a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a>");
        Line($"报告编号：{report.Id}");
        Line("此邮件由年度报告检查流水线自动发送，同一份报告只发送一次。");
        html.Append("</body></html>");

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = $"【年报检查：{result.Verdict.Chinese()}】{office?.Name ?? report.Office} {year}政府信息公开工作年度报告";
        message.Headers.Add(ReportIdHeader, report.Id);
        // A stable Message-Id: a resend of the same email is recognisably the same message.
        message.MessageId = $"{new NoticeKey(report.Office, report.Id, report.RulesVersion).DeliveryId(recipient)}@pipeline";
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    public static string ReportLink(Uri publicBaseUrl, string office, string id) =>
        $"{publicBaseUrl.ToString().TrimEnd('/')}/reports/{Uri.EscapeDataString(office)}/{id}";

    private static void Findings(StringBuilder text, StringBuilder html, string heading, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        text.AppendLine(heading + "：");
        html.Append("<h3>").Append(WebUtility.HtmlEncode(heading)).Append("</h3><ol>");
        foreach (var f in findings)
        {
            var cells = f.Cells.Count == 0 ? null : "涉及单元格：" + string.Join("、", f.Cells);
            var numbers = f.Expected is not null || f.Actual is not null ? $"应为：{Number(f.Expected)}，实际：{Number(f.Actual)}" : null;
            text.AppendLine($"  {f.Rule}：{f.Message}");
            html.Append("<li><b>").Append(WebUtility.HtmlEncode(f.Rule)).Append("</b>：").Append(WebUtility.HtmlEncode(f.Message));
            foreach (var detail in new[] { cells, numbers }.OfType<string>())
            {
                text.AppendLine($"    {detail}");
                html.Append("<br>").Append(WebUtility.HtmlEncode(detail));
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "（未读出）";
}

using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pipeline.Review;

/// <summary>A year's findings for an office and every office under it, one row per finding, as CSV and as .xlsx.</summary>
public static class FindingsExport
{
    public static readonly IReadOnlyList<string> Header =
        ["单位代码", "单位名称", "文件", "报告编号", "年度", "结论", "规则", "级别", "说明", "单元格", "应为", "实为", "复核决定", "复核人", "复核时间", "复核备注"];

    public static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<ReportReview> reports, OfficeScope scope)
    {
        foreach (var review in reports.OrderBy(r => r.Report.Office, StringComparer.Ordinal).ThenBy(r => r.Report.Name, StringComparer.Ordinal))
        {
            var report = review.Report;
            foreach (var finding in report.Result.Findings.Where(f => f.IsViolation))
            {
                var decision = review.DecisionOn(finding);
                yield return
                [
                    report.Office, scope.NameOf(report.Office), report.Name, report.Id,
                    report.Result.Year?.ToString(CultureInfo.InvariantCulture) ?? "", Html.VerdictName(review.Verdict),
                    finding.Rule, Html.SeverityName(finding.Severity), finding.Message,
                    string.Join("；", finding.Cells.Select(ReportPage.CellNameOrKey)),
                    finding.Expected?.ToString(CultureInfo.InvariantCulture) ?? "", finding.Actual?.ToString(CultureInfo.InvariantCulture) ?? "",
                    decision is null ? "" : ReportPage.ActionName(decision.Action), decision?.By ?? "",
                    decision?.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "", decision?.Note ?? "",
                ];
            }
        }
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese as Chinese; fields quoted as RFC 4180 says.</summary>
    public static byte[] Csv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Header))
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows.Prepend(Header))
            {
                var line = new Row();
                foreach (var value in row)
                {
                    line.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }) });
                }

                data.Append(line);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "问题清单" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    // A cell starting with = + - @ would be a formula to a spreadsheet: report text is data, never a formula.
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    // XML 1.0 cannot hold control characters; a misread cell could carry one.
    private static string Clean(string value) => new([.. value.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]);
}

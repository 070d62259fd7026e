using System.Globalization;
using System.Text;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Storage;
using static Pipeline.Review.Html;

namespace Pipeline.Review;

/// <summary>What the report page shows besides the report: the selected finding, its page drawn, last year's report, the form token.</summary>
public sealed record ReportPageModel(
    ReportReview Review,
    OfficeScope Scope,
    int? Selected,
    int? PageNumber,
    PageImage? Image,
    IReadOnlyList<StoredReport> LastYear,
    IReadOnlyList<IntakeAttempt> Attempts,
    string AntiforgeryField,
    string AntiforgeryToken,
    string? Message);

/// <summary>
/// One report: verdict, key figures, findings with their decisions, the original page with the selected
/// finding's cells outlined (an SVG over the page's PNG: no script needed), tables 二/三/四 as read, last year's report.
/// </summary>
public static class ReportPage
{
    /// <summary>The outline of the selected finding's cells; a colour no seal or scan has, so it is found on a screenshot.</summary>
    public const string HitColour = "#e6007e";

    public const string LowColour = "#c25e00";

    private static readonly (string Address, string Label)[] KeyFigures =
    [
        ("applications.newReceived.total", "本年新收申请"),
        ("applications.carriedOver.total", "上年结转申请"),
        ("applications.resultTotal.total", "办理结果总计"),
        ("applications.carriedForward.total", "结转下年度"),
        ("reviewLitigation.review.total", "行政复议总计"),
        ("reviewLitigation.litigationDirect.total", "直接起诉总计"),
        ("reviewLitigation.litigationAfterReview.total", "复议后起诉总计"),
    ];

    public static string Render(ReportPageModel model, ReviewOptions options)
    {
        var review = model.Review;
        var report = review.Report;
        var result = report.Result;
        var scope = model.Scope;
        var self = options.Link($"/reports/{Uri.EscapeDataString(report.Office)}/{report.Id}");
        var findings = result.Findings.ToList();
        var selected = model.Selected is { } s && s >= 0 && s < findings.Count ? findings[s] : null;
        var hitCells = selected?.Cells.ToHashSet(StringComparer.Ordinal) ?? [];
        var canDecide = scope.CanDecide(report.Office);

        var body = new StringBuilder();
        body.Append($"<h1>{E(scope.NameOf(report.Office))} {E(result.Year?.ToString(CultureInfo.InvariantCulture))} 年度报告</h1>");
        if (model.Message is { } message)
        {
            body.Append($"<p role=\"status\" class=\"note\">{E(message)}</p>");
        }

        body.Append("<section aria-labelledby=\"summary\"><h2 id=\"summary\">结论</h2><dl>");
        body.Append($"<dt>结论</dt><dd id=\"verdict\" data-verdict=\"{ReportFilter.VerdictKey(review.Verdict)}\">{Badge(review.Verdict)}");
        if (review.Settlement is { } settlement && (review.Verdict != report.Verdict || report.History.LastOrDefault()?.Verdict == Verdict.NeedsReview))
        {
            body.Append($" 经人工复核认定（{E(settlement.By)}，{At(settlement.At)}）");
        }

        body.Append("</dd>");
        if (review.Verdict != report.Verdict)
        {
            body.Append($"<dt>检查结论</dt><dd>{VerdictName(report.Verdict)}</dd>");
        }

        if (result.Reason is { } reason)
        {
            body.Append($"<dt>原因</dt><dd>{E(reason)}</dd>");
        }

        body.Append($"<dt>单位</dt><dd>{E(scope.NameOf(report.Office))}（{E(report.Office)}）</dd>");
        body.Append($"<dt>报告机关</dt><dd>{E(result.Agency ?? "—")}</dd>");
        body.Append($"<dt>文件</dt><dd>{E(report.Name)} · <a href=\"{E(self + "/original")}\">下载原件</a></dd>");
        body.Append($"<dt>格式</dt><dd>{E(result.Vintage ?? "—")} 版 · {E(SourceName(result.Source.Kind))}</dd>");
        body.Append($"<dt>检查时间</dt><dd>{At(report.StoredAt)}（规则版本 {E(report.RulesVersion)}）</dd></dl>");

        var figures = KeyFigures.Where(k => Value(result, k.Address) is not null).ToList();
        if (figures.Count > 0)
        {
            body.Append("<h3>关键数字</h3><table><tbody>");
            foreach (var (address, label) in figures)
            {
                body.Append($"<tr><th scope=\"row\">{label}</th><td class=\"num\">{E(Value(result, address))}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section>");
        if (canDecide && review.Settleable)
        {
            body.Append($"""
                <section aria-labelledby="settle-h" class="no-print"><h2 id="settle-h">复核结论</h2>
                <form class="decide" method="post" action="{E(self + "/settle")}">
                {Token(model)}
                <label for="settle-note">复核意见</label>
                <textarea id="settle-note" name="note" rows="2" cols="60"></textarea>
                <p><button type="submit" name="action" value="settleFailed">认定未通过（发送通知邮件）</button>
                <button type="submit" name="action" value="settlePassed" class="secondary">认定通过</button></p>
                </form></section>
                """);
        }

        AppendFindings(body, model, findings, self, canDecide);
        AppendPage(body, model, selected, hitCells, options, self);
        AppendTables(body, result, hitCells, options);
        AppendLastYear(body, model, findings, options);
        AppendTrail(body, model);
        if (canDecide)
        {
            body.Append($"""<form method="post" action="{E(self + "/reprocess")}" class="no-print">{Token(model)}<button type="submit" class="secondary">按现行规则重新检查</button></form>""");
        }

        return Html.Page($"{scope.NameOf(report.Office)} {report.Name}", body.ToString(), options, scope.Reviewer);
    }

    private static void AppendFindings(StringBuilder body, ReportPageModel model, List<Finding> findings, string self, bool canDecide)
    {
        body.Append("<section aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">问题</h2>");
        if (findings.Count == 0)
        {
            body.Append("<p>未发现问题。</p></section>");
            return;
        }

        body.Append("<table id=\"findings\"><thead><tr><th scope=\"col\">规则</th><th scope=\"col\">级别</th><th scope=\"col\">说明</th><th scope=\"col\">单元格</th><th scope=\"col\">应为</th><th scope=\"col\">实为</th><th scope=\"col\">复核</th></tr></thead><tbody>");
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var decision = model.Review.DecisionOn(finding);
            var cells = string.Join("<br>", finding.Cells.Select(c => E(CellNameOrKey(c))));
            var rowClass = model.Selected == i ? " class=\"selected\" aria-current=\"true\"" : "";
            body.Append($"<tr id=\"finding-{i}\" data-rule=\"{E(finding.Rule)}\" data-fingerprint=\"{E(FindingFingerprint.Of(finding))}\"{rowClass}>");
            body.Append($"<td>{E(finding.Rule)}</td><td>{(finding.Checked ? SeverityName(finding.Severity) : "未能检查")}</td><td>{E(finding.Message)}</td>");
            body.Append($"<td>{cells}");
            if (finding.Cells.Count > 0)
            {
                body.Append($"<br><a href=\"{E(self + "?finding=" + i.ToString(CultureInfo.InvariantCulture) + "#page")}\">在原件上查看</a>");
            }

            body.Append($"</td><td class=\"num\">{E(finding.Expected)}</td><td class=\"num\">{E(finding.Actual)}</td><td class=\"decision\">");
            if (decision is not null)
            {
                body.Append($"<strong>{(decision.Action == DecisionAction.Confirm ? "已确认" : "已驳回")}</strong>（{E(decision.By)}，{At(decision.At)}）");
                if (!string.IsNullOrEmpty(decision.Note))
                {
                    body.Append($"<br>备注：{E(decision.Note)}");
                }
            }

            if (canDecide && finding.IsViolation)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                body.Append($"""
                    <form class="decide no-print" method="post" action="{E(self + "/decisions")}">
                    {Token(model)}
                    <input type="hidden" name="fingerprint" value="{E(FindingFingerprint.Of(finding))}">
                    <label for="note-{id}">备注</label>
                    <textarea id="note-{id}" name="note" rows="2" cols="28"></textarea><br>
                    <button type="submit" name="action" value="confirm">确认问题</button>
                    <button type="submit" name="action" value="dismiss" class="secondary">驳回（误报）</button>
                    </form>
                    """);
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private static void AppendPage(StringBuilder body, ReportPageModel model, Finding? selected, HashSet<string> hitCells, ReviewOptions options, string self)
    {
        var result = model.Review.Report.Result;
        if (model.Image is not { } image || model.PageNumber is not { } page)
        {
            return;
        }

        body.Append($"<section id=\"page\" aria-labelledby=\"page-h\"><h2 id=\"page-h\">原件第 {page} 页</h2>");
        body.Append($"<p class=\"legend\"><span class=\"box-hit\">所选问题涉及的单元格</span><span class=\"box-low\">识别把握不大的单元格</span></p>");
        var caption = selected is null ? "原件页面" : $"原件第 {page} 页，{selected.Rule} 涉及的单元格已用粗框标出";
        var png = self + $"/pages/{page}.png";
        body.Append("<div class=\"page-view\">");
        body.Append($"""<svg id="page-image" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(image.PointsWide)} {N(image.PointsHigh)}" width="{image.Width}" height="{image.Height}" role="img" aria-label="{E(caption)}">""");
        body.Append($"""<image href="{E(png)}" x="0" y="0" width="{N(image.PointsWide)}" height="{N(image.PointsHigh)}"/>""");
        var onPage = result.Cells.Where(c => c.Value.Page == page && c.Value.Box is { Length: 4 }).ToList();
        foreach (var (address, cell) in onPage.Where(c => c.Value.Confidence < options.ConfidenceThreshold && !hitCells.Contains(c.Key)))
        {
            body.Append(Rect(cell.Box!, LowColour, 1.5, "4 2", $"识别把握不大：{CellNameOrKey(address)} 读作“{cell.Text}”，置信度 {cell.Confidence:0.00}", address, "low"));
        }

        foreach (var (address, cell) in onPage.Where(c => hitCells.Contains(c.Key)))
        {
            body.Append(Rect(cell.Box!, HitColour, 2.5, null, $"{CellNameOrKey(address)} 读作“{cell.Text}”，置信度 {cell.Confidence:0.00}", address, "hit"));
        }

        body.Append("</svg>");
        var listed = onPage.Where(c => hitCells.Contains(c.Key)).ToList();
        if (listed.Count > 0)
        {
            body.Append("<div><h3>标出的单元格</h3><ul>");
            foreach (var (address, cell) in listed)
            {
                body.Append($"<li>{E(CellNameOrKey(address))}：读作“{E(cell.Text)}”，置信度 {cell.Confidence:0.00}</li>");
            }

            body.Append("</ul></div>");
        }

        body.Append("</div>");
        var pages = result.Cells.Values.Select(c => c.Page).OfType<int>().Distinct().Order().ToList();
        if (pages.Count > 1)
        {
            body.Append("<p class=\"no-print\">其他页：");
            foreach (var other in pages.Where(p => p != page))
            {
                body.Append($"<a href=\"{E(self + "?page=" + other.ToString(CultureInfo.InvariantCulture) + "#page")}\">第 {other} 页</a> ");
            }

            body.Append("</p>");
        }

        body.Append("</section>");
    }

    private static void AppendTables(StringBuilder body, CheckResult result, HashSet<string> hitCells, ReviewOptions options)
    {
        body.Append("<section aria-labelledby=\"tables-h\"><h2 id=\"tables-h\">表格（按读取结果）</h2>");
        body.Append($"<p class=\"note\">置信度低于 {options.ConfidenceThreshold:0.00} 的数值底色标出；所选问题涉及的单元格加框。数值按原样读取，未作任何更正。</p>");
        foreach (var table in TableKeys.All)
        {
            if (!result.Tables.TryGetValue(table, out var rows) || rows.Count == 0)
            {
                body.Append($"<h3>{E(TableKeys.DisplayName(table))}</h3><p>未能读取。</p>");
                continue;
            }

            var columns = rows.Values.SelectMany(r => r.Keys).Distinct().ToList();
            body.Append($"<h3 id=\"table-{table}\">{E(TableKeys.DisplayName(table))}</h3><table data-table=\"{table}\"><thead><tr><th scope=\"col\">项目</th>");
            foreach (var column in columns)
            {
                body.Append($"<th scope=\"col\">{E(CellNames.Column(table, column))}</th>");
            }

            body.Append("</tr></thead><tbody>");
            foreach (var (row, values) in rows)
            {
                body.Append($"<tr><th scope=\"row\">{E(CellNames.Row(table, row))}</th>");
                foreach (var column in columns)
                {
                    var address = $"{table}.{row}.{column}";
                    if (!values.TryGetValue(column, out var value))
                    {
                        body.Append("<td></td>");
                        continue;
                    }

                    var cell = result.Cells.GetValueOrDefault(address);
                    var low = cell is not null && cell.Confidence < options.ConfidenceThreshold;
                    var classes = string.Join(" ", new[] { "num", low ? "low" : null, hitCells.Contains(address) ? "hit" : null }.OfType<string>());
                    var title = cell is null ? "" : $" title=\"读作“{E(cell.Text)}”，置信度 {cell.Confidence:0.00}\"";
                    var shown = value is null ? (cell?.Text is { Length: > 0 } text ? $"（{E(text)}）" : "—") : E(value);
                    var doubt = low ? $"<br><small>置信度 {cell!.Confidence:0.00}</small>" : "";
                    body.Append($"<td class=\"{classes}\" data-cell=\"{E(address)}\"{title}>{shown}{doubt}</td>");
                }

                body.Append("</tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append("</section>");
    }

    private static void AppendLastYear(StringBuilder body, ReportPageModel model, List<Finding> findings, ReviewOptions options)
    {
        if (!findings.Any(f => f.Rule.StartsWith("X-", StringComparison.Ordinal)))
        {
            return;
        }

        var current = model.Review.Report.Result;
        body.Append("<section aria-labelledby=\"last-h\"><h2 id=\"last-h\">上一年度报告对照</h2>");
        if (model.LastYear.Count == 0)
        {
            body.Append($"<p>未存有本单位 {current.Year - 1} 年度的报告。</p></section>");
            return;
        }

        var last = model.LastYear[0];
        var link = options.Link($"/reports/{Uri.EscapeDataString(last.Office)}/{last.Id}");
        body.Append($"<p><a href=\"{E(link)}\">{E(last.Name)}</a>（{last.Result.Year} 年度，{VerdictName(last.Verdict)}）</p>");
        var addresses = findings.Where(f => f.Rule.StartsWith("X-", StringComparison.Ordinal)).SelectMany(f => f.Cells)
            .Concat(KeyFigures.Select(k => k.Address)).Distinct().ToList();
        body.Append($"<table id=\"last-year\"><thead><tr><th scope=\"col\">单元格</th><th scope=\"col\">{last.Result.Year} 年度</th><th scope=\"col\">{current.Year} 年度</th></tr></thead><tbody>");
        foreach (var address in addresses.Where(a => Value(current, a) is not null || Value(last.Result, a) is not null))
        {
            body.Append($"<tr><th scope=\"row\">{E(CellNameOrKey(address))}</th><td class=\"num\">{E(Value(last.Result, address))}</td><td class=\"num\">{E(Value(current, address))}</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private static void AppendTrail(StringBuilder body, ReportPageModel model)
    {
        var report = model.Review.Report;
        body.Append("<section aria-labelledby=\"trail-h\"><h2 id=\"trail-h\">复核记录</h2>");
        if (model.Review.Decisions.Count == 0)
        {
            body.Append("<p>尚无复核记录。</p>");
        }
        else
        {
            body.Append("<table id=\"trail\"><thead><tr><th scope=\"col\">时间</th><th scope=\"col\">人员</th><th scope=\"col\">决定</th><th scope=\"col\">对象</th><th scope=\"col\">备注</th></tr></thead><tbody>");
            foreach (var d in model.Review.Decisions)
            {
                body.Append($"<tr><td>{At(d.At)}</td><td>{E(d.By)}</td><td>{ActionName(d.Action)}</td><td>{E(d.Fingerprint ?? "整份报告")}</td><td>{E(d.Note)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        if (report.History.Count > 0 || model.Attempts.Count > 0)
        {
            body.Append("<h3>检查记录</h3><ul>");
            foreach (var past in report.History)
            {
                body.Append($"<li>{At(past.CheckedAt)}：{VerdictName(past.Verdict)}（规则版本 {E(past.RulesVersion)}）</li>");
            }

            foreach (var attempt in model.Attempts)
            {
                body.Append($"<li>{At(attempt.At)}：{E(attempt.Outcome)}，{E(attempt.Host)}，{attempt.DurationMs:0} 毫秒</li>");
            }

            body.Append("</ul>");
        }

        body.Append("</section>");
    }

    public static string ActionName(DecisionAction action) => action switch
    {
        DecisionAction.Confirm => "确认问题",
        DecisionAction.Dismiss => "驳回（误报）",
        DecisionAction.SettleFailed => "认定未通过",
        _ => "认定通过",
    };

    public static string CellNameOrKey(string address) =>
        address.Count(c => c == '.') >= 2 && TableKeys.All.Contains(address[..address.IndexOf('.', StringComparison.Ordinal)]) ? CellNames.Cell(address) : address;

    public static decimal? Value(CheckResult result, string address)
    {
        var (table, row, column) = CellNames.Split(address);
        return result.Tables.GetValueOrDefault(table)?.GetValueOrDefault(row)?.GetValueOrDefault(column);
    }

    private static string Token(ReportPageModel model) =>
        $"<input type=\"hidden\" name=\"{E(model.AntiforgeryField)}\" value=\"{E(model.AntiforgeryToken)}\">";

    private static string Rect(double[] box, string colour, double width, string? dash, string title, string address, string kind) =>
        $"""<rect x="{N(box[0])}" y="{N(box[1])}" width="{N(box[2])}" height="{N(box[3])}" fill="none" stroke="{colour}" stroke-width="{N(width)}"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} data-cell="{E(address)}" data-kind="{kind}"><title>{E(title)}</title></rect>""";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string At(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string SourceName(string? kind) => kind switch
    {
        "pdf-scan" => "扫描件（OCR 识别）",
        "pdf-text" => "PDF（文字层）",
        "docx" => "Word 文档",
        "html" => "网页",
        "txt" => "纯文本",
        "document-intelligence" => "扫描件（文档智能识别）",
        _ => kind ?? "—",
    };
}

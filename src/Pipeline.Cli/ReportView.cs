using Pipeline.Model.Results;
using Pipeline.Rules.Catalogue;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>What a clerk reads: the verdict first, then the key figures, then each finding in plain Chinese.</summary>
public static class ReportView
{
    public static void Render(IAnsiConsole console, CheckResult result, RuleCatalogue catalogue)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(result.Source.Name)}[/]").LeftJustified());
        console.MarkupLine($"结论：{Verdict(result.Verdict)}");
        if (result.Verdict == Model.Results.Verdict.Unreadable)
        {
            console.MarkupLine($"原因：{Markup.Escape(result.Reason ?? string.Empty)}");
            console.WriteLine();
            return;
        }

        console.MarkupLine(Markup.Escape(
            $"单位：{result.Agency ?? "未识别"}    年度：{result.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "未识别"}    " +
            $"表格格式：{(result.Vintage is null ? "未识别" : result.Vintage + "年版")}    发布日期：{result.Published ?? "未印"}"));
        console.MarkupLine(Markup.Escape(KeyFigures(result)));

        var shown = result.Findings.Where(f => f.Severity != Severity.Info).ToList();
        var notes = result.Findings.Count(f => f.Severity == Severity.Info);
        if (shown.Count == 0)
        {
            console.MarkupLine("[green]未发现问题。[/]" + (notes > 0 ? $"（另有 {notes} 条提示）" : string.Empty));
            console.WriteLine();
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("级别").NoWrap());
        table.AddColumn(new TableColumn("规则").NoWrap());
        table.AddColumn("说明");
        foreach (var finding in shown.OrderBy(f => f.Severity))
        {
            var title = catalogue.Find(finding.Rule)?.Title;
            table.AddRow(
                new Markup(SeverityText(finding.Severity)),
                new Markup(Markup.Escape(title is null ? finding.Rule : $"{finding.Rule}\n{title}")),
                new Markup(Markup.Escape(finding.Message)));
        }

        console.Write(table);
        if (notes > 0)
        {
            console.MarkupLine(Markup.Escape($"另有 {notes} 条提示（部分规则因缺少数据未能核对），用 --json 可查看全部。"));
        }

        console.WriteLine();
    }

    public static void RenderTotals(IAnsiConsole console, IReadOnlyList<CheckResult> results)
    {
        var counts = string.Join("，", results.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key.Chinese()} {g.Count()} 份"));
        console.MarkupLine(Markup.Escape($"共检查 {results.Count} 份报告：{counts}。"));
    }

    private static string KeyFigures(CheckResult result)
    {
        string Value(string table, string row, string column) =>
            result.Tables.GetValueOrDefault(table)?.GetValueOrDefault(row)?.GetValueOrDefault(column) is { } v
                ? v.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "—";

        var litigation = result.Tables.GetValueOrDefault("reviewLitigation") is { } t4 &&
            t4.GetValueOrDefault("litigationDirect")?.GetValueOrDefault("total") is { } direct &&
            t4.GetValueOrDefault("litigationAfterReview")?.GetValueOrDefault("total") is { } after
                ? (direct + after).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "—";
        return $"依申请：新收 {Value("applications", "newReceived", "total")}，上年结转 {Value("applications", "carriedOver", "total")}，" +
            $"办结 {Value("applications", "resultTotal", "total")}，结转下年 {Value("applications", "carriedForward", "total")}；" +
            $"行政复议 {Value("reviewLitigation", "review", "total")}，行政诉讼 {litigation}";
    }

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Model.Results.Verdict.Passed => "[green bold]通过[/]",
        Model.Results.Verdict.Failed => "[red bold]未通过[/]",
        Model.Results.Verdict.NeedsReview => "[yellow bold]需人工复核[/]",
        _ => "[red bold]无法读取[/]",
    };

    private static string SeverityText(Severity severity) => severity switch
    {
        Severity.Error => "[red]错误[/]",
        Severity.Warning => "[yellow]警告[/]",
        Severity.Review => "[yellow]待复核[/]",
        _ => "提示",
    };
}

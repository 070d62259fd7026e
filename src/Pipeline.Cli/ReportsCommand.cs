using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary><c>pipeline reports</c>: the stored results, as a table or (--json) as the spec's results with office, path and attempts.</summary>
public sealed class ReportsCommand(TextWriter stdout)
{
    public async Task<int> RunAsync(string db, string? office, int? year, Verdict? verdict, bool json)
    {
        var store = await LocalPipeline.OpenStoreAsync(db);
        var reports = await store.ListReportsAsync(new ReportQuery(office, year, verdict));
        if (json)
        {
            var array = new JsonArray();
            foreach (var report in reports)
            {
                var node = JsonNode.Parse(ResultJson.Serialize(report.Result))!.AsObject();
                node["office"] = report.Office;
                node["path"] = report.Path;
                node["attempts"] = JsonNode.Parse(JsonSerializer.Serialize(await store.ListAttemptsAsync(report.Office, report.Id), StoreJson.Options));
                // What reprocess keeps: the rules the verdict is by, and the verdicts under earlier rules, oldest first.
                node["rulesVersion"] = report.RulesVersion;
                node["history"] = JsonNode.Parse(JsonSerializer.Serialize(report.History, StoreJson.Options));
                array.Add(node);
            }

            stdout.WriteLine(array.ToJsonString(ResultJson.Options));
            return ExitCodes.Passed;
        }

        var console = Consoles.For(stdout);
        if (reports.Count == 0)
        {
            console.WriteLine("没有符合条件的检查结果。");
            return ExitCodes.Passed;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "单位", "文件", "年度", "结论", "问题", "入库时间" })
        {
            table.AddColumn(column);
        }

        foreach (var r in reports)
        {
            table.AddRow(
                Markup.Escape(r.Office), Markup.Escape(r.Name), r.Result.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                r.Verdict.Chinese(), r.Result.Findings.Count(f => f.IsViolation).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.StoredAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine($"共 {reports.Count} 份。");
        return ExitCodes.Passed;
    }
}

using System.Globalization;
using Pipeline.CrossReport;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline compare OFFICE YEAR</c>: the office's stored reports of YEAR−1 and YEAR side by side, table by table
/// (二, 三, 四), with the differences, and the year-on-year identities the X-rules check.
/// </summary>
public sealed class CompareCommand(TextWriter stdout, TextWriter stderr)
{
    public const string DefaultDatabase = ".pipeline/pipeline.db";

    public int Run(string office, int year, string dbPath)
    {
        if (!File.Exists(dbPath))
        {
            stderr.WriteLine($"找不到数据库：{dbPath}（先用 ./pipeline watch 收取报告，或用 --db 指定）");
            return ExitCodes.Unusable;
        }

        var store = new SqliteStore(dbPath);
        var current = PreviousReport.OfYearAsync(store, office, year, null, CancellationToken.None).GetAwaiter().GetResult();
        var previous = PreviousReport.OfYearAsync(store, office, year - 1, null, CancellationToken.None).GetAwaiter().GetResult();
        if (current is null && previous is null)
        {
            stderr.WriteLine($"库中没有单位“{office}”{year - 1}年度或{year}年度的报告。");
            return ExitCodes.Unusable;
        }

        var console = Consoles.For(stdout);
        console.MarkupLine(Markup.Escape($"单位 {office}：{Describe(previous, year - 1)}  →  {Describe(current, year)}"));
        foreach (var table in TableKeys.All)
        {
            Render(console, table, previous?.Result, current?.Result, year);
        }

        RenderIdentities(console, previous?.Result, current?.Result, year);
        return ExitCodes.Passed;
    }

    private static string Describe(StoredReport? report, int year) => report is null
        ? $"{year}年度：库中没有"
        : $"{year}年度：{report.Result.Agency ?? report.Office}（编号{PreviousReport.ShortId(report.Id)}，{report.Result.Vintage ?? "?"}年格式，{report.Verdict.Chinese()}）";

    private static void Render(IAnsiConsole console, string table, CheckResult? before, CheckResult? after, int year)
    {
        var rowsBefore = before?.Tables.GetValueOrDefault(table);
        var rowsAfter = after?.Tables.GetValueOrDefault(table);
        if (rowsBefore is null && rowsAfter is null)
        {
            return;
        }

        var grid = new Table().Title(Markup.Escape(TableKeys.DisplayName(table))).AddColumns("行", "列", $"{year - 1}年", $"{year}年", "差异");
        var rows = (rowsBefore?.Keys ?? []).Concat(rowsAfter?.Keys ?? []).Distinct().ToList();
        foreach (var row in rows)
        {
            var a = rowsBefore?.GetValueOrDefault(row);
            var b = rowsAfter?.GetValueOrDefault(row);
            foreach (var column in (a?.Keys ?? []).Concat(b?.Keys ?? []).Distinct())
            {
                var x = a?.GetValueOrDefault(column);
                var y = b?.GetValueOrDefault(column);
                var difference = x is { } p && y is { } q ? Signed(q - p) : "—";
                grid.AddRow(Markup.Escape(CellNames.Row(table, row)), Markup.Escape(CellNames.Column(table, column, row)), Number(a, column), Number(b, column), difference);
            }
        }

        console.Write(grid);
    }

    /// <summary>The two identities across years, cell by cell: what X-CARRY and X-IN-FORCE check.</summary>
    private static void RenderIdentities(IAnsiConsole console, CheckResult? before, CheckResult? after, int year)
    {
        if (before is null || after is null)
        {
            console.MarkupLine("缺少一个年度的报告，无法对照上年结转和现行有效件数。");
            return;
        }

        var carry = new Table().Title(Markup.Escape($"上年“结转下年度继续办理”（{year - 1}）与本年“上年结转”（{year}）")).AddColumns("列", $"{year - 1}年结转下年", $"{year}年上年结转", "一致");
        var forward = before.Tables.GetValueOrDefault(TableKeys.Applications)?.GetValueOrDefault("carriedForward");
        var over = after.Tables.GetValueOrDefault(TableKeys.Applications)?.GetValueOrDefault("carriedOver");
        foreach (var column in ApplicationsSchema.Columns)
        {
            carry.AddRow(Markup.Escape(column.Label), Number(forward, column.Key), Number(over, column.Key), Same(forward?.GetValueOrDefault(column.Key), over?.GetValueOrDefault(column.Key)));
        }

        console.Write(carry);
        if (before.Vintage != "2021" || after.Vintage != "2021")
        {
            console.MarkupLine(Markup.Escape("现行有效件数：两年都使用2021年格式时才能对照（2019年格式没有现行有效件数）。"));
            return;
        }

        var stock = new Table().Title("现行有效件数：上年现行有效 + 本年制发 − 本年废止").AddColumns("行", "应为", "填报", "一致");
        foreach (var row in new[] { "regulations", "normativeDocuments" })
        {
            var a = before.Tables.GetValueOrDefault(TableKeys.ActiveDisclosure)?.GetValueOrDefault(row);
            var b = after.Tables.GetValueOrDefault(TableKeys.ActiveDisclosure)?.GetValueOrDefault(row);
            decimal? expected = a?.GetValueOrDefault("inForce") is { } p && b?.GetValueOrDefault("issued") is { } i && b.GetValueOrDefault("repealed") is { } r ? p + i - r : null;
            var stated = b?.GetValueOrDefault("inForce");
            stock.AddRow(Markup.Escape(CellNames.Row(TableKeys.ActiveDisclosure, row)), expected?.ToString(CultureInfo.InvariantCulture) ?? "—",
                stated?.ToString(CultureInfo.InvariantCulture) ?? "—", Same(expected, stated));
        }

        console.Write(stock);
    }

    private static string Number(IReadOnlyDictionary<string, decimal?>? row, string column) =>
        row?.GetValueOrDefault(column)?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Signed(decimal d) => d == 0 ? "0" : d.ToString("+0.##;-0.##", CultureInfo.InvariantCulture);

    private static string Same(decimal? a, decimal? b) => a is null || b is null ? "未能核对" : a == b ? "是" : "[red]否[/]";
}

using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;

namespace Pipeline.Checking;

/// <summary>Turns a mapped, validated report into the spec's JSON document.</summary>
internal static class ResultBuilder
{
    public static CheckResult Build(string id, string name, AnnualReport report, Rules.Validation validation) => new()
    {
        Id = id,
        Source = new SourceDescription(name, report.SourceKind),
        Title = report.Title,
        Agency = report.Agency,
        Year = report.Year,
        Vintage = report.Vintage?.Key(),
        Published = report.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Verdict = validation.Verdict,
        Sections = report.Sections.Select(s => s.Key).ToList(),
        Tables = TableKeys.All
            .Where(k => report.Table(k) is not null)
            .ToDictionary(k => k, k => Rows(report.Table(k)!)),
        Cells = TableKeys.All
            .Select(report.Table)
            .OfType<ReportTable>()
            .SelectMany(t => t.AllCells)
            .ToDictionary(c => c.Address, Source),
        Findings = validation.Findings,
        Texts = report.Sections
            .GroupBy(s => s.Key)
            .ToDictionary(g => g.Key, g => string.Join('\n', g.Select(s => s.Text))),
    };

    public static CheckResult Unreadable(string id, string name, string? kind, string reason) => new()
    {
        Id = id,
        Source = new SourceDescription(name, kind),
        Verdict = Verdict.Unreadable,
        Reason = reason,
    };

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> Rows(ReportTable table) =>
        table.RowKeys.ToDictionary(
            r => r,
            r => (IReadOnlyDictionary<string, decimal?>)table.Row(r).ToDictionary(c => c.Key, c => c.Value.Number));

    private static CellSource Source(CellValue cell) => new()
    {
        Page = cell.Origin.Page,
        Box = cell.Origin.Box is { } b ? [b.X, b.Y, b.Width, b.Height] : null,
        Line = cell.Origin.Line,
        Location = cell.Origin.Location,
        Text = cell.RawText,
        Confidence = cell.Confidence,
    };
}

using System.Text;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Storage;

namespace Pipeline.CrossReport.Tests;

/// <summary>Real seeds and texts through the real checker, and stored as the intake stores them.</summary>
public static class Reports
{
    private static readonly Lazy<ReportChecker> Checker = new(() => ReaderSet.CreateChecker());

    public static string Root { get; } = FindRoot();

    public static string SeedText(string prefix) =>
        File.ReadAllText(Directory.EnumerateFiles(Path.Combine(Root, "..", "shared", "seeds"), prefix + "_*.txt").Single());

    public static CheckResult Check(string text, string name = "report.txt") =>
        Checker.Value.Check(new InputFile(name, Encoding.UTF8.GetBytes(text)));

    public static CheckResult Seed(string prefix) => Check(SeedText(prefix), prefix + ".txt");

    public static StoredReport Stored(string office, CheckResult result, int order = 0) => new()
    {
        Id = result.Id,
        Office = office,
        Name = result.Source.Name,
        Path = $"drop/{office}/{result.Source.Name}",
        RulesVersion = "test",
        StoredAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(order),
        Result = result,
    };

    /// <summary>The result with one table row's cells replaced: how the tests build a year pair from one seed.</summary>
    public static CheckResult WithRow(CheckResult result, string table, string row, IReadOnlyDictionary<string, decimal?> cells)
    {
        var tables = result.Tables.ToDictionary(t => t.Key, t => t.Value.ToDictionary(r => r.Key, r => r.Value));
        var merged = new Dictionary<string, decimal?>(tables[table].GetValueOrDefault(row) ?? new Dictionary<string, decimal?>());
        foreach (var (column, value) in cells)
        {
            merged[column] = value;
        }

        tables[table][row] = merged;
        return result with
        {
            Tables = tables.ToDictionary(t => t.Key, t => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>>)t.Value),
        };
    }

    public static SqliteStore TempStore(out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "pipeline-cross-tests-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var store = new SqliteStore(Path.Combine(folder, "pipeline.db"));
        store.InitializeAsync().GetAwaiter().GetResult();
        return store;
    }

    public static CrossReportRules Rules(SqliteStore store, CrossReportOptions? options = null) =>
        new(store, store, Pipeline.Rules.Catalogue.RuleCatalogue.Default(), options);

    public static async Task AddAsync(SqliteStore store, CrossReportRules rules, StoredReport report)
    {
        Assert.True(await store.TryAddReportAsync(report));
        await rules.IndexAsync(report);
    }

    public static IReadOnlyList<Finding> Of(CheckResult result, string rule) => [.. result.Findings.Where(f => f.Rule == rule)];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}

using Pipeline.Model.Results;
using Pipeline.Model.Schema;

namespace Pipeline.CrossReport.Tests;

/// <summary>X-IN-FORCE over seed 000 (2021: 205 规范性文件 in force) and a 2022 built on it.</summary>
public sealed class InForceTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public InForceTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_stock_that_follows_from_last_year_is_silent()
    {
        var current = await NextYearAsync(inForce: 212);
        var result = await Reports.Rules(_store).EvaluateAsync("office", current.Id, current);

        Assert.Empty(Reports.Of(result, InForceRule.Id));
    }

    [Fact]
    public async Task A_stock_one_off_warns_on_that_cell_only()
    {
        var current = await NextYearAsync(inForce: 213);
        var result = await Reports.Rules(_store).EvaluateAsync("office", current.Id, current);

        var finding = Assert.Single(Reports.Of(result, InForceRule.Id));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("activeDisclosure.normativeDocuments.inForce", finding.Cells[0]);
        Assert.Equal(205 + 10 - 3, finding.Expected);
        Assert.Equal(213, finding.Actual);
        Assert.Equal(current.Verdict, result.Verdict);
    }

    [Fact]
    public async Task A_2019_format_previous_year_has_no_comparable_stock_and_says_so()
    {
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("office", Reports.Seed("001")));
        var current = Reports.Seed("000");
        var result = await rules.EvaluateAsync("office", current.Id, current);

        var finding = Assert.Single(Reports.Of(result, InForceRule.Id));
        Assert.False(finding.Checked);
        Assert.Contains("2019年格式", finding.Message);
    }

    private async Task<CheckResult> NextYearAsync(decimal inForce)
    {
        var previous = Reports.Seed("000");
        Assert.Equal(205, previous.Tables[TableKeys.ActiveDisclosure]["normativeDocuments"]["inForce"]);
        Assert.Equal(0, previous.Tables[TableKeys.ActiveDisclosure]["regulations"]["inForce"]);
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("office", previous));
        var next = Reports.WithRow(previous with { Id = new string('2', 64), Year = 2022 }, TableKeys.ActiveDisclosure, "normativeDocuments",
            new Dictionary<string, decimal?> { ["issued"] = 10, ["repealed"] = 3, ["inForce"] = inForce });
        return next;
    }
}

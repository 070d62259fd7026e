using Pipeline.Model.Results;
using Pipeline.Model.Schema;

namespace Pipeline.CrossReport.Tests;

/// <summary>X-CARRY over year pairs made from the real seeds: 001 (2020, 2019 format) before 000 (2021, 2021 format).</summary>
public sealed class CarryOverTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public CarryOverTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Carried_consistently_across_formats_is_silent()
    {
        var (previous, current) = await PairAsync(commercialDelta: 0);
        var result = await Reports.Rules(_store).EvaluateAsync("office", current.Id, current);

        Assert.Equal("2019", previous.Vintage);
        Assert.Equal("2021", current.Vintage);
        Assert.Empty(Reports.Of(result, CarryOverRule.Id));
        Assert.Equal(current.Verdict, result.Verdict);
    }

    [Fact]
    public async Task One_broken_cell_is_the_one_finding_naming_both_reports()
    {
        var (previous, current) = await PairAsync(commercialDelta: 2);
        var result = await Reports.Rules(_store).EvaluateAsync("office", current.Id, current);

        var finding = Assert.Single(Reports.Of(result, CarryOverRule.Id));
        Assert.True(finding.Checked);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(["applications.carriedOver.commercial"], finding.Cells);
        var forward = previous.Tables[TableKeys.Applications]["carriedForward"]["commercial"]!.Value;
        Assert.Equal(forward, finding.Expected);
        Assert.Equal(forward + 2, finding.Actual);
        Assert.Contains(previous.Id[..12], finding.Message);
        Assert.Contains("2020年度", finding.Message);
        Assert.Contains("商业企业", finding.Message);
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(current.Verdict, result.ReportVerdict);
    }

    [Fact]
    public async Task Without_last_year_in_the_store_it_says_it_could_not_check()
    {
        var current = Reports.Seed("000");
        var result = await Reports.Rules(_store).EvaluateAsync("office", current.Id, current);

        var finding = Assert.Single(Reports.Of(result, CarryOverRule.Id));
        Assert.False(finding.Checked);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("2020年度", finding.Message);
        Assert.Contains("未能核对", finding.Message);
        Assert.Equal(current.Verdict, result.Verdict);
    }

    [Fact]
    public async Task Another_office_last_year_is_not_this_office_last_year()
    {
        var (_, current) = await PairAsync(commercialDelta: 2);
        var result = await Reports.Rules(_store).EvaluateAsync("elsewhere", current.Id, current);

        Assert.False(Assert.Single(Reports.Of(result, CarryOverRule.Id)).Checked);
    }

    /// <summary>Seed 001 stored as the office's 2020; seed 000 as its 2021, carrying 001's carriedForward over, one column off by the delta.</summary>
    private async Task<(CheckResult Previous, CheckResult Current)> PairAsync(int commercialDelta)
    {
        var previous = Reports.Seed("001");
        Assert.Equal(2020, previous.Year);
        var forward = previous.Tables[TableKeys.Applications]["carriedForward"];
        Assert.Equal(ApplicationsSchema.Columns.Count, forward.Count(c => c.Value is not null));
        var carried = forward.ToDictionary(c => c.Key, c => c.Key == "commercial" ? c.Value + commercialDelta : c.Value);
        var current = Reports.WithRow(Reports.Seed("000"), TableKeys.Applications, "carriedOver", carried);
        Assert.Equal(2021, current.Year);
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("office", previous));
        return (previous, current);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Model.Results;

namespace Pipeline.CrossReport.Tests;

/// <summary>X-DUPLICATE over the real seeds: repeated years, a town copied from another, and unrelated reports.</summary>
public sealed partial class DuplicateTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public DuplicateTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sections_repeating_last_year_with_only_numbers_and_year_changed_warn_with_share_and_passages()
    {
        var text = Reports.SeedText("003");
        var lastYear = Digits().Replace(text.Replace("2021", "2020", StringComparison.Ordinal).Replace("2022", "2021", StringComparison.Ordinal),
            m => m.Value.Length == 4 && m.Value.StartsWith("20", StringComparison.Ordinal) ? m.Value : (int.Parse(m.Value, CultureInfo.InvariantCulture) + 3).ToString(CultureInfo.InvariantCulture));
        var previous = Reports.Check(lastYear, "2020.txt");
        Assert.Equal(2020, previous.Year);
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("nanjiao", previous));
        var current = Reports.Seed("003");

        var result = await rules.EvaluateAsync("nanjiao", current.Id, current);

        var findings = Reports.Of(result, DuplicateTextRule.Id).Where(f => f.Checked).ToList();
        var overview = Assert.Single(findings, f => f.Message.Contains("一、总体情况", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, overview.Severity);
        Assert.True(overview.Actual >= 0.9m, $"share {overview.Actual}");
        Assert.Contains(previous.Id[..12], overview.Message);
        Assert.Contains("重复最长的段落：“", overview.Message);
        Assert.All(findings, f => Assert.DoesNotContain("可能照搬", f.Message));
        Assert.All(Reports.Of(result, DuplicateTextRule.Id), f => Assert.NotEqual(Severity.Error, f.Severity));
    }

    [Fact]
    public async Task The_threshold_is_configurable()
    {
        var text = Reports.SeedText("003");
        var previous = Reports.Check(text.Replace("2021", "2020", StringComparison.Ordinal), "2020.txt");
        var rules = Reports.Rules(_store, new CrossReportOptions { DuplicateThreshold = 1.01 });
        await Reports.AddAsync(_store, rules, Reports.Stored("nanjiao", previous));
        var current = Reports.Seed("003");

        var result = await rules.EvaluateAsync("nanjiao", current.Id, current);

        Assert.DoesNotContain(Reports.Of(result, DuplicateTextRule.Id), f => f.Checked);
    }

    [Theory]
    [InlineData("003", "南郊镇", "北郊镇")]
    [InlineData("000", "大洼街道", "榆树镇")]
    public async Task A_town_copied_from_another_with_the_name_replaced_names_the_other_body(string seed, string name, string other)
    {
        // Seed 003 still speaks of 北郊's account and seed 000 of 全镇: each was copied from another body's report.
        var original = Reports.Check(Reports.SeedText(seed).Replace(name, other, StringComparison.Ordinal), "other.txt");
        Assert.Equal(other, original.Agency?[^other.Length..]);
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("other-body", original));
        var current = Reports.Seed(seed);

        var result = await rules.EvaluateAsync("this-body", current.Id, current);

        var finding = Assert.Single(Reports.Of(result, DuplicateTextRule.Id), f => f.Checked);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(other, finding.Message);
        Assert.Contains(original.Id[..12], finding.Message);
        Assert.True(finding.Actual >= 0.9m, $"share {finding.Actual}");
    }

    [Fact]
    public async Task Unrelated_reports_sharing_only_boilerplate_stay_silent()
    {
        var rules = Reports.Rules(_store);

        // Five bodies; 001 (2020) is stored as the previous year of 000 (2021) in one office: different texts, no repeated sections.
        var offices = new[] { ("000", "dawa"), ("001", "dawa"), ("002", "b2"), ("003", "b3"), ("004", "b4") };
        var results = offices.Select(o => (Result: Reports.Seed(o.Item1), Office: o.Item2)).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            await Reports.AddAsync(_store, rules, Reports.Stored(results[i].Office, results[i].Result, i));
        }

        foreach (var (result, office) in results)
        {
            var evaluated = await rules.EvaluateAsync(office, result.Id, result);
            Assert.DoesNotContain(Reports.Of(evaluated, DuplicateTextRule.Id), f => f.Checked);
        }

        Assert.Contains(results, r => r.Result.Year == 2021 && r.Office == "dawa");
    }

    [Fact]
    public async Task A_previous_year_stored_before_texts_were_kept_gives_a_note_not_a_silent_pass()
    {
        var rules = Reports.Rules(_store);
        var previous = OldStored("nanjiao", Reports.Check(Reports.SeedText("003").Replace("2021", "2020", StringComparison.Ordinal), "2020.txt"));
        Assert.Empty(previous.Result.Texts);
        await Reports.AddAsync(_store, rules, previous);
        var current = Reports.Seed("003");

        var result = await rules.EvaluateAsync("nanjiao", current.Id, current);

        var note = Assert.Single(Reports.Of(result, DuplicateTextRule.Id));
        Assert.False(note.Checked);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Contains("未能比对", note.Message);
        Assert.Contains(previous.Id[..12], note.Message);
    }

    [Fact]
    public async Task A_result_stored_before_texts_were_kept_gives_a_note_when_judged_again()
    {
        var rules = Reports.Rules(_store);
        await Reports.AddAsync(_store, rules, Reports.Stored("nanjiao", Reports.Check(Reports.SeedText("003").Replace("2021", "2020", StringComparison.Ordinal), "2020.txt")));
        var old = OldStored("nanjiao", Reports.Seed("003"));

        var result = await rules.EvaluateAsync("nanjiao", old.Id, old.Result);

        var note = Assert.Single(Reports.Of(result, DuplicateTextRule.Id));
        Assert.False(note.Checked);
        Assert.Contains("未能比对", note.Message);
        Assert.Contains("没有保存正文", note.Message);
    }

    /// <summary>The report as a store written before results kept their texts holds it: the document has no "texts".</summary>
    private static Pipeline.Storage.StoredReport OldStored(string office, CheckResult result)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Reports.Stored(office, result), Pipeline.Storage.StoreJson.Options))!;
        Assert.True(json["result"]!.AsObject().Remove("texts"));
        return System.Text.Json.JsonSerializer.Deserialize<Pipeline.Storage.StoredReport>(json, Pipeline.Storage.StoreJson.Options)!;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

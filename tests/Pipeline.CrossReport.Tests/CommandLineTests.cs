using Pipeline.Cli;
using Pipeline.Model.Schema;

namespace Pipeline.CrossReport.Tests;

/// <summary><c>check --db</c> and <c>compare</c> over a local store holding seed 001 as an office's 2020 report.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder;
    private readonly Pipeline.Storage.SqliteStore _store;

    public CommandLineTests() => _store = Reports.TempStore(out _folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Check_with_a_store_runs_the_rules_across_reports_for_the_file_folder_office()
    {
        // Seed 001 as the office's 2020, said to have carried 5 applications of natural persons forward; seed 000 carries over none.
        var previous = Reports.WithRow(Reports.Seed("001"), TableKeys.Applications, "carriedForward", new Dictionary<string, decimal?> { ["naturalPerson"] = 5, ["total"] = 5 });
        await Reports.AddAsync(_store, Reports.Rules(_store), Reports.Stored("jinyang", previous));
        var office = Directory.CreateDirectory(Path.Combine(_folder, "drop", "jinyang")).FullName;
        var file = Path.Combine(office, "2021.txt");
        File.WriteAllText(file, Reports.SeedText("000"));

        var (code, output) = Run("check", "--json", "--db", Path.Combine(_folder, "pipeline.db"), file);

        Assert.Contains("\"X-CARRY\"", output);
        Assert.Contains("applications.carriedOver.naturalPerson", output);
        Assert.Contains(previous.Id[..12], output);
        Assert.Equal(1, code);
        Assert.Equal(2, Run("check", "--db", Path.Combine(_folder, "missing.db"), file).Code);
    }

    [Fact]
    public async Task Check_takes_the_duplicate_threshold_as_an_option()
    {
        // Last year's report is this year's text with every other sentence written backwards: about half of each section repeats.
        var sentences = Reports.SeedText("003").Replace("2021", "2020", StringComparison.Ordinal).Split('。');
        var halfCopied = string.Join("。", sentences.Select((t, i) => i % 2 == 1 && !t.Contains('\n', StringComparison.Ordinal) ? new string([.. t.Reverse()]) : t));
        var previous = Reports.Check(halfCopied, "2020.txt");
        Assert.Equal(2020, previous.Year);
        await Reports.AddAsync(_store, Reports.Rules(_store), Reports.Stored("nanjiao", previous));
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "drop", "nanjiao")).FullName, "2021.txt");
        File.WriteAllText(file, Reports.SeedText("003"));
        var db = Path.Combine(_folder, "pipeline.db");

        Assert.Contains("“一、总体情况”部分有", Run("check", "--json", "--db", db, "--duplicate-threshold", "0.05", file).Output);
        Assert.DoesNotContain("“一、总体情况”部分有", Run("check", "--json", "--db", db, "--duplicate-threshold", "0.95", file).Output);
        Assert.Equal(2, Run("check", "--db", db, "--duplicate-threshold", "1.5", file).Code);
    }

    [Fact]
    public async Task Compare_prints_both_years_side_by_side_with_the_differences()
    {
        var rules = Reports.Rules(_store);
        var before = Reports.Seed("000");
        await Reports.AddAsync(_store, rules, Reports.Stored("dawa", before));
        var after = Reports.WithRow(before with { Id = new string('2', 64), Year = 2022 }, TableKeys.ActiveDisclosure, "normativeDocuments",
            new Dictionary<string, decimal?> { ["issued"] = 10, ["repealed"] = 3, ["inForce"] = 213 });
        await Reports.AddAsync(_store, rules, Reports.Stored("dawa", after, 1));

        var (code, output) = Run("compare", "dawa", "2022", "--db", Path.Combine(_folder, "pipeline.db"));

        Assert.Equal(0, code);
        Assert.Contains("2021年", output);
        Assert.Contains("2022年", output);
        Assert.Contains("表三", output);
        Assert.Contains("+8", output); // 205 → 213 规范性文件 in force
        Assert.Contains("212", output); // what the stock should be
        Assert.Contains("否", output);
        Assert.Equal(2, Run("compare", "nobody", "2022", "--db", Path.Combine(_folder, "pipeline.db")).Code);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }
}

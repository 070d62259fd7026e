using System.Text.Json;
using MimeKit;
using Pipeline.Cli;
using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Cli;

/// <summary><c>pipeline loadtest</c> on a small run: its own check of the store agrees with reading the store and outbox directly.</summary>
public sealed class LoadTestTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loadtest-").FullName;

    private string Work => Path.Combine(_root, "work");

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_small_run_stores_one_distinct_record_per_report_and_one_email_per_failed_one()
    {
        var (exit, output, error) = Run("loadtest", "--reports", "32", "--concurrency", "4", "--samples", Repository.Samples, "--work", Work, "--json");

        Assert.True(exit == 0, error + output);
        using var figures = JsonDocument.Parse(output);
        Assert.Equal(32, figures.RootElement.GetProperty("reports").GetInt32());
        Assert.True(figures.RootElement.GetProperty("reportsPerSecond").GetDouble() > 0);
        Assert.True(figures.RootElement.GetProperty("p95Ms").GetDouble() >= figures.RootElement.GetProperty("p50Ms").GetDouble());
        Assert.Empty(figures.RootElement.GetProperty("problems").EnumerateArray());

        // Both sides were timed block by block, and by CPU as well as latency; the pipeline's steps were timed from its spans.
        Assert.True(figures.RootElement.GetProperty("blocks").GetInt32() >= 2);
        Assert.True(figures.RootElement.GetProperty("check").GetProperty("cpuMsPerReport").GetDouble() > 0);
        Assert.True(figures.RootElement.GetProperty("cpuMsPerReport").GetDouble() > 0);
        var steps = figures.RootElement.GetProperty("steps");
        Assert.True(steps.GetProperty("intake").GetDouble() >= steps.GetProperty("intake.check").GetDouble());
        Assert.True(steps.GetProperty("intake.store").GetDouble() > 0);

        // Read the store and the outbox directly rather than trusting the command's own tally.
        var store = new SqliteStore(Path.Combine(Work, "pipeline.db"));
        await store.InitializeAsync();
        var stored = await store.ListReportsAsync(new ReportQuery());
        Assert.Equal(32, stored.Count);
        Assert.Equal(32, stored.Select(r => r.Id).Distinct().Count());
        Assert.Equal(32, stored.Select(r => r.Office).Distinct().Count());
        var failed = stored.Where(r => r.Verdict is Verdict.Failed or Verdict.Unreadable).Select(r => r.Id).Order().ToList();
        Assert.NotEmpty(failed);
        Assert.Contains(stored, r => r.Verdict == Verdict.Passed);
        var emailed = Directory.EnumerateFiles(Path.Combine(Work, "outbox"), "*.eml")
            .Select(f => MimeMessage.Load(f).Headers[SupervisorEmail.ReportIdHeader] ?? "").Order().ToList();
        Assert.Equal(failed, emailed);

        // The samples that fail as files still fail as load-test copies: the added bytes are harmless.
        Assert.All(stored.Where(r => r.Name.StartsWith("failing-", StringComparison.Ordinal)), r => Assert.Equal(Verdict.Failed, r.Verdict));
        Assert.All(stored.Where(r => r.Name.StartsWith("passing-", StringComparison.Ordinal)), r => Assert.Equal(Verdict.Passed, r.Verdict));
    }

    [Fact]
    public void A_work_folder_that_is_not_empty_is_refused_so_the_counts_stay_exact()
    {
        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Work, "left-over.txt"), "x");

        var (exit, _, error) = Run("loadtest", "--reports", "2", "--samples", Repository.Samples, "--work", Work);

        Assert.Equal(ExitCodes.Unusable, exit);
        Assert.Contains("不是空的", error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}

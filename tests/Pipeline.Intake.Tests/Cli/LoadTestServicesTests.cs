using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Cli;

/// <summary>
/// <c>pipeline loadtest</c> through the local services (Azurite, cosmosdb-server, maildev): its own tally agrees
/// with reading Cosmos DB and maildev directly: one record per report, one email per failed one, none for the rest.
/// </summary>
[Collection(LocalServicesCollection.Name)]
public sealed class LoadTestServicesTests(LocalServices services) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loadtest-services-").FullName;

    [Fact]
    public async Task A_small_run_through_the_services_stores_one_record_per_report_and_mails_each_failed_one_once()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(
            ["loadtest", "--reports", "16", "--concurrency", "4", "--samples", Repository.Samples, "--work", Path.Combine(_root, "work"), "--json",
             "--cosmos", services.CosmosConnectionString(), "--storage", services.StorageConnectionString,
             "--smtp", $"127.0.0.1:{services.SmtpPort}", "--mail-api", $"http://127.0.0.1:{services.MailWebPort}/api/"],
            stdout, stderr);

        Assert.True(exit == 0, stderr.ToString() + stdout);
        using var figures = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("services", figures.RootElement.GetProperty("target").GetString());
        Assert.Empty(figures.RootElement.GetProperty("problems").EnumerateArray());
        var run = figures.RootElement.GetProperty("run").GetString()!;

        // Read Cosmos DB and maildev directly rather than trusting the command's own tally.
        foreach (var side in new[] { "full", "plain" })
        {
            var store = new CosmosStore(services.CosmosClient(), $"{run}-{side}");
            var keys = new List<ReportKey>();
            for (var n = 0; n < 16; n++)
            {
                keys.Add(Assert.Single(await store.ListKeysAsync($"body-{n:D3}")));
            }

            var failed = keys.Where(k => k.Verdict is Verdict.Failed or Verdict.Unreadable).Select(k => k.Id).Order().ToList();
            Assert.NotEmpty(failed);
            Assert.Contains(keys, k => k.Verdict == Verdict.Passed);
            var emailed = (await services.EmailsAsync())
                .Where(e => e.To.Contains($"{run}-{side}@loadtest.localhost"))
                .Select(e => e.ReportId ?? "").Order().ToList();
            Assert.Equal(failed, emailed);
        }

        Assert.Equal(16, figures.RootElement.GetProperty("records").GetInt32());
        Assert.True(figures.RootElement.GetProperty("withoutRulesAcrossReports").GetProperty("cpuMsPerReport").GetDouble() > 0);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

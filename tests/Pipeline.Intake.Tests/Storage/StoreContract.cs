using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Storage;

/// <summary>The one contract both stores keep; run against a SQLite file and against cosmosdb-server.</summary>
public abstract class StoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2025-01-31T10:00:00Z");

    protected abstract IPipelineStore Store { get; }

    [Fact]
    public async Task A_report_is_created_once_per_id_and_office()
    {
        Assert.True(await Store.TryAddReportAsync(Reports.Stored("o1", "a")));
        Assert.False(await Store.TryAddReportAsync(Reports.Stored("o1", "a", Verdict.Failed)));
        Assert.True(await Store.TryAddReportAsync(Reports.Stored("o2", "a")));
        var stored = await Store.GetReportAsync("o1", "a");
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Passed, stored.Verdict);
        Assert.Null(await Store.GetReportAsync("o1", "missing"));
    }

    [Fact]
    public async Task The_texts_only_read_gives_the_section_texts_and_agency_and_nothing_for_a_missing_report()
    {
        var stored = Reports.Stored("o1", "t", year: 2023);
        var texts = new Dictionary<string, string> { ["overview"] = "一、总体情况\n本机关 <b>\"依法\"</b> 公开", ["problems"] = "五、存在的主要问题" };
        await Store.TryAddReportAsync(stored with { Result = stored.Result with { Agency = "某某区司法局", Texts = texts } });

        var read = await Store.GetTextsAsync("o1", "t");

        Assert.NotNull(read);
        Assert.Equal(("o1", "t", "某某区司法局", (int?)2023), (read.Office, read.Id, read.Agency, read.Year));
        Assert.Equal(texts, read.Texts);
        Assert.Null(await Store.GetTextsAsync("o1", "missing"));
        Assert.Null(await Store.GetTextsAsync("o2", "t"));
    }

    [Fact]
    public async Task The_texts_only_read_gives_the_copies_the_rules_across_reports_found_or_null_before_they_ran()
    {
        var stored = Reports.Stored("o1", "t", year: 2023);
        CopiedReport[] copies = [new("o2", "x", 0.87), new("o3", "y", 0.5)];
        await Store.TryAddReportAsync(stored with { Result = stored.Result with { Copies = copies } });
        await Store.TryAddReportAsync(Reports.Stored("o1", "u", year: 2023));

        Assert.Equal(copies, (await Store.GetTextsAsync("o1", "t"))!.Copies);
        Assert.Null((await Store.GetTextsAsync("o1", "u"))!.Copies);
    }

    [Fact]
    public async Task Keys_list_the_office_s_reports_by_id_year_and_verdict_only()
    {
        await Store.TryAddReportAsync(Reports.Stored("o1", "a", Verdict.Passed, year: 2023));
        await Store.TryAddReportAsync(Reports.Stored("o1", "b", Verdict.Unreadable, year: null));
        await Store.TryAddReportAsync(Reports.Stored("o2", "c", Verdict.Failed, year: 2024));

        var keys = (await Store.ListKeysAsync("o1")).OrderBy(k => k.Id, StringComparer.Ordinal).ToList();

        Assert.Equal([new ReportKey("a", 2023, Verdict.Passed), new ReportKey("b", null, Verdict.Unreadable)], keys);
        Assert.Empty(await Store.ListKeysAsync("nobody"));
    }

    [Fact]
    public async Task A_replace_succeeds_only_against_the_version_read()
    {
        await Store.TryAddReportAsync(Reports.Stored("o1", "a"));
        var first = (await Store.GetReportAsync("o1", "a"))!;
        var second = (await Store.GetReportAsync("o1", "a"))!;
        Assert.True(await Store.TryReplaceReportAsync(first with { RulesVersion = "r2" }));
        Assert.False(await Store.TryReplaceReportAsync(second with { RulesVersion = "r3" }));
        Assert.Equal("r2", (await Store.GetReportAsync("o1", "a"))!.RulesVersion);
    }

    [Fact]
    public async Task Lists_filter_by_office_year_and_verdict()
    {
        await Store.TryAddReportAsync(Reports.Stored("o1", "a", Verdict.Passed, year: 2023));
        await Store.TryAddReportAsync(Reports.Stored("o1", "b", Verdict.Failed, year: 2024));
        await Store.TryAddReportAsync(Reports.Stored("o1", "c", Verdict.Failed, year: 2023));
        await Store.TryAddReportAsync(Reports.Stored("o2", "d", Verdict.Failed, year: 2023));
        Assert.Equal(["a", "b", "c"], (await Store.ListReportsAsync(new ReportQuery("o1"))).Select(r => r.Id).Order());
        Assert.Equal(["c"], (await Store.ListReportsAsync(new ReportQuery("o1", 2023, Verdict.Failed))).Select(r => r.Id));
        Assert.Equal(["b", "c"], (await Store.ListReportsAsync(new ReportQuery("o1", Verdict: Verdict.Failed))).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task The_latest_report_under_a_name_is_found_for_version_links()
    {
        await Store.TryAddReportAsync(Reports.Stored("o1", "v1", name: "年报.pdf", at: Now.AddDays(-2)));
        await Store.TryAddReportAsync(Reports.Stored("o1", "v2", name: "年报.pdf", at: Now.AddDays(-1)));
        await Store.TryAddReportAsync(Reports.Stored("o1", "x", name: "other.pdf", at: Now));
        Assert.Equal("v2", (await Store.FindLatestByNameAsync("o1", "年报.pdf"))?.Id);
        Assert.Null(await Store.FindLatestByNameAsync("o2", "年报.pdf"));
    }

    [Fact]
    public async Task Attempts_are_kept_per_report_and_the_report_is_unchanged_by_them()
    {
        await Store.TryAddReportAsync(Reports.Stored("o1", "a"));
        foreach (var (id, minutes) in new[] { ("t2", 2), ("t1", 1) })
        {
            await Store.AddAttemptAsync(new IntakeAttempt { Id = id, Office = "o1", ReportId = "a", At = Now.AddMinutes(minutes), Host = "h", DurationMs = 5, Outcome = "stored" });
        }

        Assert.Equal(["t1", "t2"], (await Store.ListAttemptsAsync("o1", "a")).Select(a => a.Id));
        Assert.Single(await Store.ListReportsAsync(new ReportQuery("o1")));
    }

    [Fact]
    public async Task Offices_are_upserted_by_code()
    {
        await Store.UpsertOfficeAsync(new Office { Code = "fq", Name = "凤桥街道办事处", Kind = "街道", Supervisors = ["a@example.org"] });
        await Store.UpsertOfficeAsync(new Office { Code = "fq", Name = "凤桥街道办事处", Kind = "街道", Parent = "xian", Supervisors = ["b@example.org"] });
        var office = await Store.GetOfficeAsync("fq");
        Assert.Equal(["b@example.org"], office!.Supervisors);
        Assert.Equal("xian", office.Parent);
        Assert.Null(await Store.GetOfficeAsync("none"));
    }

    [Fact]
    public async Task A_notice_is_pending_until_complete_and_then_never_again()
    {
        var key = new NoticeKey("o1", "a", "r1");
        Assert.Equal(NoticeMark.New, await Store.MarkPendingAsync(key, Now));
        Assert.Equal(NoticeMark.Pending, await Store.MarkPendingAsync(key, Now.AddMinutes(1)));
        Assert.Equal([key], (await Store.ListPendingAsync()).Select(p => p.Key));
        Assert.False(await Store.IsDoneAsync(key));
        await Store.CompleteAsync(key, Now);
        Assert.True(await Store.IsDoneAsync(key));
        Assert.Empty(await Store.ListPendingAsync());
        Assert.Equal(NoticeMark.Done, await Store.MarkPendingAsync(key, Now.AddMinutes(2)));
        Assert.Empty(await Store.ListPendingAsync());
    }

    [Fact]
    public async Task A_delivery_is_claimed_by_one_sender_at_a_time_and_sent_once()
    {
        var key = new NoticeKey("o1", "a", "r1");
        var lease = TimeSpan.FromMinutes(5);
        Assert.Equal(DeliveryClaim.Claimed, await Store.ClaimDeliveryAsync(key, "a@example.org", Now, lease));
        Assert.Equal(DeliveryClaim.Busy, await Store.ClaimDeliveryAsync(key, "A@example.org ", Now.AddMinutes(1), lease));
        Assert.Equal(DeliveryClaim.Claimed, await Store.ClaimDeliveryAsync(key, "b@example.org", Now, lease));

        // A holder that crashed: its lease lapses and the next sender takes over.
        Assert.Equal(DeliveryClaim.Claimed, await Store.ClaimDeliveryAsync(key, "a@example.org", Now.AddMinutes(6), lease));
        await Store.MarkDeliveredAsync(key, "a@example.org", Now.AddMinutes(6));
        Assert.Equal(DeliveryClaim.AlreadySent, await Store.ClaimDeliveryAsync(key, "a@example.org", Now.AddMinutes(60), lease));

        // A failed send gives its lease back at once.
        await Store.ReleaseDeliveryAsync(key, "b@example.org", Now.AddMinutes(1));
        Assert.Equal(DeliveryClaim.Claimed, await Store.ClaimDeliveryAsync(key, "b@example.org", Now.AddMinutes(1), lease));

        // Another rules version is another email.
        Assert.Equal(DeliveryClaim.Claimed, await Store.ClaimDeliveryAsync(key with { RulesVersion = "r2" }, "a@example.org", Now.AddMinutes(60), lease));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_report_store_it_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.TryAddReportAsync(Reports.Stored("o1", "same")))));
        Assert.Single(results, r => r);
        Assert.Single(await Store.ListReportsAsync(new ReportQuery("o1")));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_delivery_give_one_sender()
    {
        var key = new NoticeKey("o1", "a", "r1");
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.ClaimDeliveryAsync(key, "a@example.org", Now, TimeSpan.FromMinutes(5)))));
        Assert.Single(claims, c => c == DeliveryClaim.Claimed);
    }
}

public sealed class SqliteStoreContract : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sqlite-store-").FullName;

    public SqliteStoreContract()
    {
        var store = new SqliteStore(Path.Combine(_folder, "pipeline.db"));
        store.InitializeAsync().GetAwaiter().GetResult();
        Store = store;
    }

    protected override IPipelineStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(LocalServicesCollection.Name)]
public sealed class CosmosStoreContract : StoreContract, IDisposable
{
    private readonly Microsoft.Azure.Cosmos.CosmosClient _client;

    public CosmosStoreContract(LocalServices services)
    {
        _client = services.CosmosClient();
        var store = new CosmosStore(_client, "contract-" + Guid.NewGuid().ToString("n")[..8]);
        store.InitializeAsync().GetAwaiter().GetResult();
        Store = store;
    }

    protected override IPipelineStore Store { get; }

    public void Dispose() => _client.Dispose();
}

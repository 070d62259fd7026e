using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Review.Tests.Storage;

/// <summary>
/// What the review pages ask of a store, held to one behaviour for SQLite and for cosmosdb-server: the list's
/// filters, counts, order and pages, the settled verdict joined in, decisions and the registry. The expected ids
/// are written out by hand from the data below, not computed by the ordering code under test.
/// </summary>
public abstract class ReviewStoreContract
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2025-02-01T08:00:00Z");

    protected abstract IPipelineStore Reports { get; }

    protected abstract IReviewStore Reviews { get; }

    /// <summary>Three offices with reports of two years; "c" is the city, "t" a town under it, "x" elsewhere.</summary>
    private async Task SeedAsync()
    {
        await AddAsync("t", "t1", Verdict.NeedsReview, 2024, 1, "b.pdf", "T3-BALANCE");
        await AddAsync("t", "t2", Verdict.Failed, 2024, 2, "a.pdf", "T3-BALANCE", "T2-SUM");
        await AddAsync("t", "t3", Verdict.Passed, 2023, 3, "c.pdf");
        await AddAsync("c", "c1", Verdict.Failed, 2024, 4, "d.pdf", "T2-SUM");
        await AddAsync("c", "c2", Verdict.Unreadable, 2024, 5, "e.pdf");
        await AddAsync("c", "c3", Verdict.NeedsReview, 2024, 6, "f.pdf");
        await AddAsync("x", "x1", Verdict.Failed, 2024, 7, "g.pdf", "T3-BALANCE");
    }

    private async Task AddAsync(string office, string id, Verdict verdict, int year, int day, string name, params string[] rules) =>
        Assert.True(await Reports.TryAddReportAsync(Report(office, id, verdict, year, day, name, rules)));

    private static StoredReport Report(string office, string id, Verdict verdict, int year, int day, string name, params string[] rules) => new()
    {
        Id = id,
        Office = office,
        Name = name,
        Path = $"drop/{office}/{name}",
        RulesVersion = "r1",
        StoredAt = Day.AddDays(day),
        Result = new CheckResult
        {
            Id = id,
            Source = new SourceDescription(name, "pdf"),
            Year = year,
            Verdict = verdict,
            // A note (info) and a rule that could not run are not violations: the rule filter must not find them.
            Findings = [.. rules.Select(r => new Finding(r, Severity.Error, "不平衡", ["applications.newReceived.total"], 9, 7)),
                new Finding("T4-NOTE", Severity.Info, "说明", []), new Finding("T5-UNCHECKED", Severity.Error, "缺少单元格", [], Checked: false)],
        },
    };

    private Task<ReviewListPage> ListAsync(ReviewListQuery query) => Reviews.ListForReviewAsync(query);

    private static ReviewListQuery Offices(params string[] offices) => new() { Offices = offices, Take = 100 };

    private static string[] Ids(ReviewListPage page) => [.. page.Reports.Select(r => r.Report.Id)];

    [Fact]
    public async Task The_list_reads_only_the_offices_asked_for_needs_review_first_then_failed_newest_first()
    {
        await SeedAsync();
        var page = await ListAsync(Offices("c", "t"));
        Assert.Equal(["c3", "t1", "c1", "t2", "c2", "t3"], Ids(page));
        Assert.Equal(6, page.Matching);
        Assert.Equal(2, page.Counts[Verdict.NeedsReview]);
        Assert.Equal(2, page.Counts[Verdict.Failed]);
        Assert.Equal(1, page.Counts[Verdict.Unreadable]);
        Assert.Equal(1, page.Counts[Verdict.Passed]);
        Assert.Equal(["t1", "t2", "t3"], Ids(await ListAsync(Offices("t"))).Order());
    }

    [Fact]
    public async Task Year_rule_and_verdict_filter_and_the_counts_ignore_only_the_verdict()
    {
        await SeedAsync();
        var balance = await ListAsync(Offices("c", "t", "x") with { Rule = "T3-BALANCE" });
        Assert.Equal(["t1", "x1", "t2"], Ids(balance));
        Assert.Empty(Ids(await ListAsync(Offices("c", "t", "x") with { Rule = "T4-NOTE" })));
        Assert.Empty(Ids(await ListAsync(Offices("c", "t", "x") with { Rule = "T5-UNCHECKED" })));

        var failed2024 = await ListAsync(Offices("c", "t") with { Year = 2024, Verdict = Verdict.Failed });
        Assert.Equal(["c1", "t2"], Ids(failed2024));
        Assert.Equal(2, failed2024.Matching);
        Assert.Equal(5, failed2024.Total);
        Assert.Equal(2, failed2024.Counts[Verdict.NeedsReview]);
        Assert.Equal(0, failed2024.Counts[Verdict.Passed]);

        var sumFailed = await ListAsync(Offices("c", "t") with { Rule = "T2-SUM", Verdict = Verdict.Failed });
        Assert.Equal(["c1", "t2"], Ids(sumFailed));
    }

    [Fact]
    public async Task A_settlement_gives_the_standing_verdict_and_a_finding_decision_does_not()
    {
        await SeedAsync();
        await DecideAsync("t", "t1", DecisionAction.SettleFailed, null, 1);
        await DecideAsync("c", "c3", DecisionAction.SettleFailed, null, 1);
        await DecideAsync("c", "c3", DecisionAction.SettlePassed, null, 2); // the latest settlement stands
        await DecideAsync("c", "c1", DecisionAction.Dismiss, "T2-SUM|applications.newReceived.total", 1);
        // A settlement on a report the check did not send to review changes nothing.
        await DecideAsync("t", "t3", DecisionAction.SettleFailed, null, 1);

        var page = await ListAsync(Offices("c", "t"));
        Assert.Equal(0, page.Counts[Verdict.NeedsReview]);
        Assert.Equal(3, page.Counts[Verdict.Failed]);
        Assert.Equal(2, page.Counts[Verdict.Passed]);
        Assert.Equal(Verdict.Failed, page.Reports.Single(r => r.Report.Id == "t1").Standing);
        Assert.Equal(Verdict.NeedsReview, page.Reports.Single(r => r.Report.Id == "t1").Report.Verdict);
        Assert.Equal(Verdict.Passed, page.Reports.Single(r => r.Report.Id == "c3").Standing);
        Assert.Equal(Verdict.Failed, page.Reports.Single(r => r.Report.Id == "c1").Standing);
        Assert.Equal(Verdict.Passed, page.Reports.Single(r => r.Report.Id == "t3").Standing);
        Assert.Equal(["c1", "t2", "t1"], Ids(await ListAsync(Offices("c", "t") with { Verdict = Verdict.Failed })));
        Assert.Equal(["t3", "c3"], Ids(await ListAsync(Offices("c", "t") with { Verdict = Verdict.Passed, Sort = ReviewSort.Name })));
    }

    [Fact]
    public async Task Columns_sort_both_ways_and_pages_follow_one_another()
    {
        await SeedAsync();
        var all = Offices("c", "t", "x");
        Assert.Equal(["t2", "t1", "t3", "c1", "c2", "c3", "x1"], Ids(await ListAsync(all with { Sort = ReviewSort.Name })));
        Assert.Equal(["x1", "c3", "c2", "c1", "t3", "t1", "t2"], Ids(await ListAsync(all with { Sort = ReviewSort.Name, Descending = true })));
        Assert.Equal(["c1", "c2", "c3", "t1", "t2", "t3", "x1"], Ids(await ListAsync(all with { Sort = ReviewSort.Office })));
        Assert.Equal(["t3", "c1", "c2", "c3", "t1", "t2", "x1"], Ids(await ListAsync(all with { Sort = ReviewSort.Year })));
        Assert.Equal(["x1", "c3", "c2", "c1", "t3", "t2", "t1"], Ids(await ListAsync(all with { Sort = ReviewSort.Stored, Descending = true })));
        // passed, failed, needsReview, unreadable: the verdicts in the order the list's column names them.
        Assert.Equal(["t3", "c1", "t2", "x1", "c3", "t1", "c2"], Ids(await ListAsync(all with { Sort = ReviewSort.Verdict })));

        var first = await ListAsync(all with { Sort = ReviewSort.Name, Take = 3 });
        var second = await ListAsync(all with { Sort = ReviewSort.Name, Skip = 3, Take = 3 });
        var third = await ListAsync(all with { Sort = ReviewSort.Name, Skip = 6, Take = 3 });
        Assert.Equal(["t2", "t1", "t3"], Ids(first));
        Assert.Equal(["c1", "c2", "c3"], Ids(second));
        Assert.Equal(["x1"], Ids(third));
        Assert.All([first, second, third], p => Assert.Equal(7, p.Matching));
    }

    [Fact]
    public async Task The_rule_filter_follows_a_replaced_report()
    {
        await SeedAsync();
        var stored = (await Reports.GetReportAsync("t", "t3"))!;
        var failing = Report("t", "t3", Verdict.Failed, 2023, 3, "c.pdf", "T3-BALANCE");
        Assert.True(await Reports.TryReplaceReportAsync(failing with { ETag = stored.ETag }));
        Assert.Equal(["t1", "t2", "t3"], Ids(await ListAsync(Offices("t") with { Rule = "T3-BALANCE" })).Order());

        var again = (await Reports.GetReportAsync("t", "t3"))!;
        Assert.True(await Reports.TryReplaceReportAsync(Report("t", "t3", Verdict.Passed, 2023, 3, "c.pdf") with { ETag = again.ETag }));
        Assert.Equal(["t1", "t2"], Ids(await ListAsync(Offices("t") with { Rule = "T3-BALANCE" })).Order());
    }

    [Fact]
    public async Task Decisions_are_kept_oldest_first_per_report_and_the_registry_is_read_whole()
    {
        await SeedAsync();
        await DecideAsync("t", "t1", DecisionAction.Dismiss, "fp", 2);
        await DecideAsync("t", "t1", DecisionAction.Confirm, "fp", 1);
        await DecideAsync("t", "t2", DecisionAction.Confirm, "fp", 1);
        var decisions = await Reviews.ListDecisionsAsync("t", "t1");
        Assert.Equal([DecisionAction.Confirm, DecisionAction.Dismiss], decisions.Select(d => d.Action));
        Assert.Equal("审核人", decisions[0].By);

        await Reports.UpsertOfficeAsync(new Office { Code = "t", Name = "镇", Parent = "c" });
        await Reports.UpsertOfficeAsync(new Office { Code = "c", Name = "市" });
        var offices = await Reviews.ListOfficesAsync();
        Assert.Equal(["c", "t"], offices.Select(o => o.Code));
        Assert.Equal("c", offices[1].Parent);
    }

    private Task DecideAsync(string office, string report, DecisionAction action, string? fingerprint, int minutes) =>
        Reviews.AddDecisionAsync(new ReviewDecision
        {
            Id = $"decision-{Guid.NewGuid():n}",
            Office = office,
            ReportId = report,
            Fingerprint = fingerprint,
            Action = action,
            By = "审核人",
            At = Day.AddDays(10).AddMinutes(minutes),
        });
}

public sealed class SqliteReviewStoreContract : ReviewStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "review-contract-" + Guid.NewGuid().ToString("n"));

    public SqliteReviewStoreContract()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "pipeline.db");
        var reports = new SqliteStore(path);
        reports.InitializeAsync().GetAwaiter().GetResult();
        var reviews = new SqliteReviewStore(path);
        reviews.InitializeAsync().GetAwaiter().GetResult();
        Reports = reports;
        Reviews = reviews;
    }

    protected override IPipelineStore Reports { get; }

    protected override IReviewStore Reviews { get; }

    [Fact]
    public async Task Without_offices_SQLite_lists_every_office()
    {
        await Reports.TryAddReportAsync(new StoredReport
        {
            Id = "a",
            Office = "unregistered",
            Name = "a.txt",
            Path = "a.txt",
            RulesVersion = "r1",
            StoredAt = DateTimeOffset.UnixEpoch,
            Result = new CheckResult { Id = "a", Source = new SourceDescription("a.txt", "text"), Verdict = Verdict.Passed },
        });
        Assert.Equal(["a"], (await Reviews.ListForReviewAsync(new ReviewListQuery())).Reports.Select(r => r.Report.Id));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosReviewStoreContract : ReviewStoreContract
{
    public CosmosReviewStoreContract(CosmosServer server)
    {
        var database = "review-contract-" + Guid.NewGuid().ToString("n")[..8];
        var reports = new CosmosStore(server.Client, database);
        reports.InitializeAsync().GetAwaiter().GetResult();
        Reports = reports;
        Reviews = new CosmosReviewStore(server.Client, database);
    }

    protected override IPipelineStore Reports { get; }

    protected override IReviewStore Reviews { get; }

    [Fact]
    public async Task Without_offices_Cosmos_DB_refuses_rather_than_scan_every_partition()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Reviews.ListForReviewAsync(new ReviewListQuery()));
        Assert.Contains("不做跨分区扫描", refused.Message);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Checking;
using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Storage;

/// <summary>
/// On one machine the stored report and the notice it owes are one SQLite transaction: a process that dies right
/// after storing a failed report (before the notice ledger or the mail is touched) leaves the notice pending, and a
/// redelivery and a sweep, in either order, send exactly one email. Real SQLite, real checker, real outbox.
/// </summary>
public sealed class OwedNoticeTests : IDisposable
{
    private const string Office = "fq";

    private readonly string _root = Directory.CreateTempSubdirectory("owed-").FullName;

    private string Outbox => Path.Combine(_root, "outbox");

    private int Emails => Directory.Exists(Outbox) ? Directory.EnumerateFiles(Outbox, "*.eml").Count() : 0;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crash_right_after_storing_a_failed_report_still_ends_in_exactly_one_email(bool sweepFirst)
    {
        var store = await StoreAsync();
        var catalogue = RuleCatalogue.Default();
        // AddAttemptAsync is the first store call after the report is written (this wrapper hides the text index,
        // so no rules across reports run): the crash falls between the report and everything about its notice.
        var crashing = Intake(CrashOnce<IPipelineStore>.Wrap(store, nameof(IPipelineStore.AddAttemptAsync), out var crash), store, catalogue);
        var bytes = await File.ReadAllBytesAsync(Repository.Sample("failing-2021-tabs.txt"));

        await Assert.ThrowsAsync<SimulatedCrash>(() => crashing.TakeInAsync(Request(bytes)));

        var report = Assert.Single(await store.ListReportsAsync(new ReportQuery(Office)));
        Assert.Equal(Verdict.Failed, report.Verdict);
        var pending = Assert.Single(await store.ListPendingAsync());
        Assert.Equal(new NoticeKey(Office, report.Id, RulesVersion.Of(catalogue)), pending.Key); // written with the report
        Assert.Equal(0, Emails);

        var restarted = Intake(store, store, catalogue);
        if (sweepFirst)
        {
            Assert.Equal(1, await restarted.SweepAsync(TimeSpan.Zero));
            await restarted.TakeInAsync(Request(bytes));
        }
        else
        {
            Assert.True((await restarted.TakeInAsync(Request(bytes))).Duplicate);
            Assert.Equal(0, await restarted.SweepAsync(TimeSpan.Zero));
        }

        await restarted.TakeInAsync(Request(bytes)); // and a late redelivery
        await restarted.SweepAsync(TimeSpan.Zero);

        Assert.Equal(1, crash.Crashes);
        Assert.Single(await store.ListReportsAsync(new ReportQuery(Office)));
        Assert.Empty(await store.ListPendingAsync());
        Assert.Equal(1, Emails);
    }

    [Fact]
    public async Task A_crash_right_after_a_reprocess_turns_a_report_failed_still_ends_in_exactly_one_email()
    {
        var store = await StoreAsync();
        var path = Path.Combine(_root, "mixed.txt");
        File.Copy(Repository.Sample("mixed-2021-rows.txt"), path);
        var bytes = await File.ReadAllBytesAsync(path);
        var passed = await Intake(store, store, RuleCatalogue.Default()).TakeInAsync(new IntakeRequest(Office, "mixed.txt", path, null, new MemoryStream(bytes)));
        Assert.Equal(Verdict.Passed, passed.Report.Verdict); // a DOC-VINTAGE warning only

        var strictFile = Path.Combine(_root, "strict.json");
        await File.WriteAllTextAsync(strictFile, """{ "rules": [ { "id": "DOC-VINTAGE", "severity": "error" } ] }""");
        var strict = RuleCatalogue.Load(strictFile);
        var crashing = Intake(CrashOnce<IPipelineStore>.Wrap(store, nameof(IPipelineStore.AddAttemptAsync), out _), store, strict);

        await Assert.ThrowsAsync<SimulatedCrash>(() => crashing.ReprocessAsync(Office, passed.Report.Id, new FolderOriginals()));

        var failed = (await store.GetReportAsync(Office, passed.Report.Id))!;
        Assert.Equal(Verdict.Failed, failed.Verdict);
        Assert.Equal(Verdict.Passed, Assert.Single(failed.History).Verdict);
        Assert.Equal(new NoticeKey(Office, failed.Id, RulesVersion.Of(strict)), Assert.Single(await store.ListPendingAsync()).Key);
        Assert.Equal(0, Emails);

        var restarted = Intake(store, store, strict);
        Assert.Equal(1, await restarted.SweepAsync(TimeSpan.Zero));
        await restarted.ReprocessAsync(Office, failed.Id, new FolderOriginals()); // run again by hand: failed stays failed
        await restarted.TakeInAsync(new IntakeRequest(Office, "mixed.txt", path, null, new MemoryStream(bytes))); // and the file seen again

        Assert.Equal(1, Emails);
        Assert.Empty(await store.ListPendingAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static IntakeRequest Request(byte[] bytes) => new(Office, "failing.txt", $"drop/{Office}/failing.txt", null, new MemoryStream(bytes));

    private async Task<SqliteStore> StoreAsync()
    {
        var store = new SqliteStore(Path.Combine(_root, "pipeline.db"));
        await store.InitializeAsync();
        return store;
    }

    /// <summary>The intake as one machine composes it: notices sent at once to the outbox, through the real ledger.</summary>
    private IntakeService Intake(IPipelineStore intakeStore, SqliteStore ledger, RuleCatalogue catalogue)
    {
        var notifier = new SupervisorNotifier(ledger, new OutboxMailSender(Outbox), new MailSettings("annual-reports@localhost", "fallback@example.org", new Uri("http://localhost:8080")),
            SupervisorNotifier.CreateResilience(), TimeProvider.System, NullLogger<SupervisorNotifier>.Instance);
        return new IntakeService(ReaderSet.CreateChecker(catalogue), RulesVersion.Of(catalogue), intakeStore,
            new ImmediateNotices(notifier, NullLogger<ImmediateNotices>.Instance), TimeProvider.System, NullLogger<IntakeService>.Instance, "test");
    }
}

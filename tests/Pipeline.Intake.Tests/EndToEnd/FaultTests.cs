using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions;
using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.EndToEnd;

/// <summary>Crashes, throttling and a mail outage, against the real local services.</summary>
[Collection(LocalServicesCollection.Name)]
public sealed class FaultTests(LocalServices services)
{
    private const string Failing = "failing-2021-tabs.txt";

    [Fact]
    public async Task A_crash_between_storing_and_queueing_then_a_redelivery_gives_one_record_and_one_email()
    {
        CrashOnce<IPipelineStore>? crash = null;
        await using var app = new FunctionsApp(services, replace: s => s.AddSingleton(sp =>
            CrashOnce<IPipelineStore>.Wrap(new CosmosStore(sp.GetRequiredService<CosmosClient>(), sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[SettingKeys.Path(SettingKeys.CosmosDatabase)]!), nameof(IPipelineStore.MarkPendingAsync), out crash)));
        var office = FunctionsApp.UniqueOffice("crash");
        await app.RegisterAsync(office);
        var blob = await app.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));

        await Assert.ThrowsAsync<SimulatedCrash>(() => app.TakeInAsync(blob));
        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Empty(await app.QueuedAsync(office));

        await app.TakeInAsync(blob); // Event Grid delivers again: the invocation failed
        await app.DrainAsync(office);
        await app.TakeInAsync(blob); // and once more, late
        await app.DrainAsync(office);

        Assert.True(crash!.Crashes >= 1);
        Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Single(await app.EmailsForAsync(report));
    }

    [Fact]
    public async Task A_lost_enqueue_is_made_good_by_the_sweep_with_one_email()
    {
        CrashOnce<INoticeQueue>? lost = null;
        await using var app = new FunctionsApp(services, replace: s => s.AddSingleton(sp =>
            CrashOnce<INoticeQueue>.Wrap(new StorageQueueNotices(PipelineComposition.FailureQueue(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), StorageQueueNotices.QueueName)), nameof(INoticeQueue.EnqueueAsync), out lost)));
        var office = FunctionsApp.UniqueOffice("lost");
        await app.RegisterAsync(office);
        var blob = await app.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));

        await app.TakeInAsync(blob); // the enqueue fails; the intake still succeeds: the notice is pending in the store
        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Empty(await app.QueuedAsync(office));
        Assert.Contains(await app.Store.ListPendingAsync(), p => p.Key.ReportId == report.Id && p.Key.Office == office);

        var intake = app.Provider.GetRequiredService<IntakeService>();
        Assert.True(await intake.SweepAsync(TimeSpan.Zero) >= 1);
        await app.DrainAsync(office);
        await intake.SweepAsync(TimeSpan.Zero);
        await app.DrainAsync(office);

        Assert.Single(await app.EmailsForAsync(report));
        Assert.DoesNotContain(await app.Store.ListPendingAsync(), p => p.Key.Office == office);
    }

    [Fact]
    public async Task Cosmos_429_and_503_through_a_fault_proxy_are_retried_to_success()
    {
        // One document request in six is throttled, one in thirteen finds the service unavailable.
        using var proxy = new FaultProxy(services.CosmosPort, n => n % 6 == 2 ? 429 : n % 13 == 5 ? 503 : null);
        await using var app = new FunctionsApp(services, settings: s => s[SettingKeys.Path(SettingKeys.CosmosConnectionString)] = services.CosmosConnectionString(proxy.Port));
        var office = FunctionsApp.UniqueOffice("throttled");
        await app.RegisterAsync(office);
        var failing = await app.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));
        var passing = await app.DropAsync(office, "passing-2021-tabs.txt", await File.ReadAllBytesAsync(Repository.Sample("passing-2021-tabs.txt")));

        await app.TakeInAsync(failing);
        await app.TakeInAsync(passing);
        await app.TakeInAsync(failing);
        await app.DrainAsync(office);

        Assert.True(proxy.Throttled > 0, "no 429 was injected");
        Assert.True(proxy.Unavailable > 0, "no 503 was injected");
        var reports = await app.Store.ListReportsAsync(new ReportQuery(office));
        Assert.Equal([Verdict.Passed, Verdict.Failed], reports.Select(r => r.Verdict).Order());
        Assert.Single(await app.EmailsForAsync(reports.Single(r => r.Verdict == Verdict.Failed)));
    }

    [Fact]
    public async Task An_smtp_outage_ends_in_the_poison_queue_with_nothing_lost_and_a_replay_sends_once()
    {
        var closedPort = LocalService.FreePort(); // nothing listens there: the mail server is down
        await using var down = new FunctionsApp(services, settings: s => s[SettingKeys.Path(SettingKeys.MailSmtpPort)] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var office = FunctionsApp.UniqueOffice("outage");
        await down.RegisterAsync(office);
        var blob = await down.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));
        await down.TakeInAsync(blob);

        var tries = await down.DrainAsync(office);

        Assert.Equal(NotifySupervisor.MaxDequeueCount, tries);
        Assert.Empty(await down.QueuedAsync(office));
        var poisoned = Assert.Single(await down.QueuedAsync(office, down.PoisonQueue));
        var report = Assert.Single(await down.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Contains(await down.Store.ListPendingAsync(), p => p.Key.ReportId == report.Id && p.Key.Office == office);
        Assert.Empty(await down.EmailsForAsync(report));

        // The mail server is back; ops replay the poison message (twice, by mistake).
        await using var up = new FunctionsApp(services, database: down.Database);
        var notify = up.Function<NotifySupervisor>();
        Assert.Equal(NoticeOutcome.Sent, await notify.HandleAsync(poisoned.MessageText, 1, CancellationToken.None));
        Assert.Equal(NoticeOutcome.AlreadySent, await notify.HandleAsync(poisoned.MessageText, 1, CancellationToken.None));

        Assert.Single(await up.EmailsForAsync(report));
        Assert.DoesNotContain(await up.Store.ListPendingAsync(), p => p.Key.Office == office);
    }
}

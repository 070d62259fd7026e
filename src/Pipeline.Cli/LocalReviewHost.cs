using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Checking;
using Pipeline.Intake;
using Pipeline.Notification;
using Pipeline.Ocr;
using Pipeline.Review;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>What <c>pipeline serve</c> is started with.</summary>
public sealed record LocalReviewSettings(string Database, int Port, string Outbox)
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Only behind a front end that authenticates and sets X-MS-CLIENT-PRINCIPAL itself (and drops a client's own).</summary>
    public bool TrustPrincipalHeader { get; init; }

    public string MailFrom { get; init; } = "pipeline@localhost";

    public string FallbackRecipient { get; init; } = "supervisors@localhost";
}

/// <summary>
/// The review pages on one machine: SQLite, the outbox (or whatever sender the host gives), the intake service
/// for re-processing and for a report settled as failed, all on 127.0.0.1 unless told otherwise.
/// </summary>
public static class LocalReviewHost
{
    public static WebApplication Create(LocalReviewSettings settings, IMailSender? sender = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(settings.Address, settings.Port));

        var store = new SqliteStore(settings.Database);
        var reviews = new SqliteReviewStore(settings.Database);
        store.InitializeAsync().GetAwaiter().GetResult();
        reviews.InitializeAsync().GetAwaiter().GetResult();
        var catalogue = RuleCatalogue.Default();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPipelineStore>(store);
        services.AddSingleton<IReviewStore>(reviews);
        services.AddSingleton<IOriginals>(new FolderOriginals());
        services.AddSingleton(_ => new EnginePool());
        services.AddSingleton(sp => ReaderSet.CreateChecker(catalogue, ocr: sp.GetRequiredService<EnginePool>()));
        services.AddSingleton(sender ?? new OutboxMailSender(settings.Outbox));
        services.AddSingleton(_ => new MailSettings(settings.MailFrom, settings.FallbackRecipient, PublicBaseUrl(settings)));
        services.AddSingleton(sp => new SupervisorNotifier(store, sp.GetRequiredService<IMailSender>(), sp.GetRequiredService<MailSettings>(),
            SupervisorNotifier.CreateResilience(), TimeProvider.System, sp.GetRequiredService<ILogger<SupervisorNotifier>>()));
        services.AddSingleton<INoticeQueue>(sp => new ImmediateNotices(sp.GetRequiredService<SupervisorNotifier>(), sp.GetRequiredService<ILogger<ImmediateNotices>>()));
        services.AddSingleton(sp => new IntakeService(sp.GetRequiredService<ReportChecker>(), RulesVersion.Of(catalogue), store,
            sp.GetRequiredService<INoticeQueue>(), TimeProvider.System, sp.GetRequiredService<ILogger<IntakeService>>()));
        services.AddReview(new ReviewOptions
        {
            ListAcrossOffices = true,
            TrustPrincipalHeader = settings.TrustPrincipalHeader,
            LoopbackOnly = !settings.TrustPrincipalHeader,
            ConfidenceThreshold = catalogue.Settings.ConfidenceThreshold,
            CacheFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Database)) ?? ".", "pages"),
        });

        var app = builder.Build();
        app.MapReview();
        return app;
    }

    /// <summary>The address the emails link to: the report page is {this}/reports/{office}/{id}.</summary>
    public static Uri PublicBaseUrl(LocalReviewSettings settings) =>
        new($"http://{(settings.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : settings.Address)}:{settings.Port}");
}

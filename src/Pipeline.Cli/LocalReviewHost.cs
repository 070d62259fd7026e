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

        // The same composition as `watch` (LocalPipeline): re-processing from a page runs every rule, X-* included.
        var catalogue = RuleCatalogue.Default();
        var options = new LocalOptions(settings.Database, settings.Outbox, null, settings.MailFrom, settings.FallbackRecipient, PublicBaseUrl(settings));
        var local = LocalPipeline.CreateAsync(options, catalogue, LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)), sender)
            .GetAwaiter().GetResult();
        var reviews = new SqliteReviewStore(settings.Database);
        reviews.InitializeAsync().GetAwaiter().GetResult();
        var services = builder.Services;
        services.AddSingleton(_ => local);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPipelineStore>(local.Store);
        services.AddSingleton<IReviewStore>(reviews);
        services.AddSingleton<IOriginals>(new FolderOriginals());
        services.AddSingleton(local.Ocr);
        services.AddSingleton(local.Notices);
        services.AddSingleton(local.Intake);
        services.AddReview(new ReviewOptions
        {
            ListAcrossOffices = true,
            TrustPrincipalHeader = settings.TrustPrincipalHeader,
            LoopbackOnly = !settings.TrustPrincipalHeader,
            ConfidenceThreshold = catalogue.Settings.ConfidenceThreshold,
            CacheFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Database)) ?? ".", "pages"),
        });

        var app = builder.Build();
        _ = app.Services.GetRequiredService<LocalPipeline>(); // resolved, so the app disposes it (and its OCR engines)
        app.MapReview();
        return app;
    }

    /// <summary>The address the emails link to: the report page is {this}/reports/{office}/{id}.</summary>
    public static Uri PublicBaseUrl(LocalReviewSettings settings) =>
        new($"http://{(settings.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : settings.Address)}:{settings.Port}");
}

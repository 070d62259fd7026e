using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Checking;
using Pipeline.Intake;
using Pipeline.Notification;
using Pipeline.Ocr;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>
/// The pipeline on one machine (the embedded defaults): SQLite for the store, an outbox folder of .eml
/// files for mail (SMTP when given), and notices sent at once instead of queued.
/// </summary>
public sealed class LocalPipeline : IDisposable
{
    public const string DefaultDb = ".pipeline/pipeline.db";
    public const string DefaultOutbox = ".pipeline/outbox";
    public const string DefaultFallback = "gongkai-ban@localhost";

    private LocalPipeline(EnginePool ocr, SqliteStore store, INoticeQueue notices, IntakeService intake, SupervisorNotifier notifier)
    {
        Ocr = ocr;
        Store = store;
        Notices = notices;
        Intake = intake;
        Notifier = notifier;
    }

    public EnginePool Ocr { get; }

    public SqliteStore Store { get; }

    public INoticeQueue Notices { get; }

    public IntakeService Intake { get; }

    public SupervisorNotifier Notifier { get; }

    public static async Task<SqliteStore> OpenStoreAsync(string db)
    {
        var store = new SqliteStore(db);
        await store.InitializeAsync();
        return store;
    }

    /// <param name="sender">A sender of the host's own (tests); otherwise SMTP when given, else the outbox.</param>
    public static async Task<LocalPipeline> CreateAsync(LocalOptions options, RuleCatalogue catalogue, ILoggerFactory? logging = null, IMailSender? sender = null)
    {
        logging ??= NullLoggerFactory.Instance;
        var store = await OpenStoreAsync(options.Db);
        sender ??= options.Smtp is { } smtp ? new SmtpMailSender(smtp) : new OutboxMailSender(options.Outbox);
        var settings = new MailSettings(options.From, options.Fallback, options.PublicBaseUrl);
        var notifier = new SupervisorNotifier(store, sender, settings, SupervisorNotifier.CreateResilience(), TimeProvider.System, logging.CreateLogger<SupervisorNotifier>());
        var ocr = new EnginePool();
        var checker = ReaderSet.CreateChecker(catalogue, ocr: ocr);
        var notices = new ImmediateNotices(notifier, logging.CreateLogger<ImmediateNotices>());
        var intake = new IntakeService(checker, RulesVersion.Of(catalogue), store, notices,
            TimeProvider.System, logging.CreateLogger<IntakeService>(), "cli:" + Environment.MachineName,
            crossReport: new CrossReport.CrossReportRules(store, store, catalogue, options.CrossReport), acrossReports: options.AcrossReports);
        return new LocalPipeline(ocr, store, notices, intake, notifier);
    }

    public void Dispose() => Ocr.Dispose();
}

/// <summary>Where the local pipeline keeps things and sends mail.</summary>
/// <param name="CrossReport">The X-DUPLICATE thresholds (watch's --duplicate-threshold); the defaults when null.</param>
/// <param name="AcrossReports">False only in the load run's side that measures the pipeline without the rules across reports.</param>
public sealed record LocalOptions(string Db, string Outbox, SmtpSettings? Smtp, string From, string Fallback, Uri PublicBaseUrl, CrossReport.CrossReportOptions? CrossReport = null, bool AcrossReports = true);

using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Checking;
using Pipeline.Intake;
using Pipeline.Notification;
using Pipeline.Ocr;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>The Functions app's services, from its settings (see <see cref="SettingKeys"/>). Tests compose it the same way against local services.</summary>
public static class PipelineComposition
{
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration config)
    {
        string? Setting(string key) => config[SettingKeys.Path(key)] is { Length: > 0 } v ? v : null;
        string Required(string key) => Setting(key) ?? throw new InvalidOperationException($"缺少应用设置 {key}。");

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DropBlobs(config));
        services.AddSingleton(_ => FailureQueue(config, StorageQueueNotices.QueueName));
        services.AddSingleton(_ => CosmosClientFor(config));
        services.AddSingleton<IPipelineStore>(sp => new CosmosStore(sp.GetRequiredService<CosmosClient>(), Setting(SettingKeys.CosmosDatabase) ?? "pipeline"));
        services.AddSingleton<INoticeQueue>(sp => new StorageQueueNotices(sp.GetRequiredService<QueueClient>()));
        services.AddSingleton<IOriginals>(sp => new BlobOriginals(sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton(_ => new EnginePool());
        services.AddSingleton(RuleCatalogue.Default());
        services.AddSingleton(sp => ReaderSet.CreateChecker(sp.GetRequiredService<RuleCatalogue>(), ocr: sp.GetRequiredService<EnginePool>()));
        services.AddSingleton(sp => new IntakeService(
            sp.GetRequiredService<ReportChecker>(),
            RulesVersion.Of(sp.GetRequiredService<RuleCatalogue>()),
            sp.GetRequiredService<IPipelineStore>(),
            sp.GetRequiredService<INoticeQueue>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IntakeService>>(),
            checkTimeout: TimeSpan.FromSeconds(int.TryParse(Setting(SettingKeys.CheckTimeoutSeconds), out var s) ? s : 180),
            crossReport: CrossReport.CrossReportRules.For(sp.GetRequiredService<IPipelineStore>(), sp.GetRequiredService<RuleCatalogue>(), CrossReportOptions(config))));
        services.AddSingleton(_ => new MailSettings(
            Required(SettingKeys.MailFrom),
            Required(SettingKeys.MailFallbackRecipient),
            new Uri(Required(SettingKeys.PublicBaseUrl))));
        services.AddSingleton(_ => MailSender(config));
        services.AddSingleton(_ => SupervisorNotifier.CreateResilience());
        services.AddSingleton(sp => new SupervisorNotifier(
            sp.GetRequiredService<IPipelineStore>(),
            sp.GetRequiredService<IMailSender>(),
            sp.GetRequiredService<MailSettings>(),
            sp.GetRequiredService<Polly.ResiliencePipeline>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SupervisorNotifier>>()));
        return services;
    }

    public static BlobServiceClient DropBlobs(IConfiguration config)
    {
        var options = new BlobClientOptions();
        if (config[SettingKeys.DropStorage] is { Length: > 0 } connectionString)
        {
            return new BlobServiceClient(connectionString, options);
        }

        if (config[SettingKeys.Path(SettingKeys.CloudStorageAudience)] is { Length: > 0 } audience)
        {
            options.Audience = new Azure.Storage.Blobs.Models.BlobAudience(audience);
        }

        return new BlobServiceClient(new Uri(Need(config, SettingKeys.DropStorageBlobServiceUri)), CloudCredentials.For(config, SettingKeys.DropStorage), options);
    }

    public static QueueClient FailureQueue(IConfiguration config, string queueName)
    {
        var options = StorageQueueNotices.ClientOptions();
        if (config[SettingKeys.DropStorage] is { Length: > 0 } connectionString)
        {
            return new QueueClient(connectionString, queueName, options);
        }

        if (config[SettingKeys.Path(SettingKeys.CloudStorageAudience)] is { Length: > 0 } audience)
        {
            options.Audience = new Azure.Storage.Queues.Models.QueueAudience(audience);
        }

        var service = new Uri(Need(config, SettingKeys.DropStorageQueueServiceUri));
        return new QueueClient(new Uri(service, queueName), CloudCredentials.For(config, SettingKeys.DropStorage), options);
    }

    public static CosmosClient CosmosClientFor(IConfiguration config)
    {
        if (config[SettingKeys.Path(SettingKeys.CosmosConnectionString)] is { Length: > 0 } connectionString)
        {
            return new CosmosClient(connectionString, CosmosStore.ClientOptions(limitToEndpoint: true));
        }

        var credential = CloudCredentials.WithAudience(CloudCredentials.For(config, "CosmosDb"), config[SettingKeys.Path(SettingKeys.CloudCosmosAudience)]);
        return new CosmosClient(Need(config, SettingKeys.CosmosAccountEndpoint), credential, CosmosStore.ClientOptions());
    }

    /// <summary>The X-DUPLICATE thresholds from CrossReport__DuplicateThreshold and CrossReport__OtherBodyThreshold (defaults when unset).</summary>
    public static CrossReport.CrossReportOptions CrossReportOptions(IConfiguration config)
    {
        var defaults = new CrossReport.CrossReportOptions();
        return defaults with
        {
            DuplicateThreshold = Share(config, SettingKeys.CrossReportDuplicateThreshold) ?? defaults.DuplicateThreshold,
            OtherBodyThreshold = Share(config, SettingKeys.CrossReportOtherBodyThreshold) ?? defaults.OtherBodyThreshold,
        };
    }

    private static double? Share(IConfiguration config, string key) =>
        config[SettingKeys.Path(key)] is not { Length: > 0 } text ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1 ? share
        : throw new InvalidOperationException($"应用设置 {key} 应为 0 到 1 之间的小数（如 0.5），而不是“{text}”。");

    public static IMailSender MailSender(IConfiguration config)
    {
        var kind = config[SettingKeys.Path(SettingKeys.MailSender)] ?? "smtp";
        return kind.ToLowerInvariant() switch
        {
            "smtp" => new SmtpMailSender(new SmtpSettings(
                Need(config, SettingKeys.MailSmtpHost),
                int.TryParse(config[SettingKeys.Path(SettingKeys.MailSmtpPort)], out var port) ? port : 25,
                SmtpSettings.ParseSecurity(config[SettingKeys.Path(SettingKeys.MailSmtpSecurity)]),
                config[SettingKeys.Path(SettingKeys.MailSmtpUserName)],
                config[SettingKeys.Path(SettingKeys.MailSmtpPassword)])),
            "acs" => new AcsEmailSender(
                new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
                new Uri(Need(config, SettingKeys.MailAcsEndpoint)),
                CloudCredentials.For(config, "Mail:Acs"),
                config[SettingKeys.Path(SettingKeys.CloudCommunicationAudience)] is { Length: > 0 } a ? a : AcsEmailSender.DefaultAudience),
            "outbox" => new OutboxMailSender(config["Mail:Outbox"] ?? Path.Combine(Path.GetTempPath(), "pipeline-outbox")),
            _ => throw new InvalidOperationException($"{SettingKeys.MailSender} 只能是 smtp、acs 或 outbox，而不是“{kind}”。"),
        };
    }

    private static string Need(IConfiguration config, string key) =>
        config[SettingKeys.Path(key)] is { Length: > 0 } v ? v : throw new InvalidOperationException($"缺少应用设置 {key}。");
}

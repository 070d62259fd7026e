namespace Pipeline.Functions;

/// <summary>
/// Every app setting the Functions app reads, exactly as the Bicep templates write them (see
/// infra/). Double underscores are configuration sections: <c>DropStorage__blobServiceUri</c> is
/// <c>DropStorage:blobServiceUri</c> to <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>.
/// </summary>
public static class SettingKeys
{
    // The drop account (connection name DropStorage): identity-based in Azure, a connection string for Azurite.
    public const string DropStorage = "DropStorage";
    public const string DropStorageBlobServiceUri = "DropStorage__blobServiceUri";
    public const string DropStorageQueueServiceUri = "DropStorage__queueServiceUri";
    public const string DropStorageCredential = "DropStorage__credential";
    public const string DropStorageClientId = "DropStorage__clientId";

    // The host's own storage (read by the Functions host, listed so the templates and the app agree).
    public const string HostStorageBlobServiceUri = "AzureWebJobsStorage__blobServiceUri";
    public const string HostStorageQueueServiceUri = "AzureWebJobsStorage__queueServiceUri";
    public const string HostStorageTableServiceUri = "AzureWebJobsStorage__tableServiceUri";
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";
    public const string HostStorageClientId = "AzureWebJobsStorage__clientId";

    public const string CosmosAccountEndpoint = "CosmosDb__accountEndpoint";
    public const string CosmosDatabase = "CosmosDb__database";
    public const string CosmosCredential = "CosmosDb__credential";
    public const string CosmosClientId = "CosmosDb__clientId";

    /// <summary>The emulator only; in Azure the account is reached by managed identity.</summary>
    public const string CosmosConnectionString = "CosmosDb__connectionString";

    public const string AzureClientId = "AZURE_CLIENT_ID";

    // Endpoints and audiences of the cloud; the defaults are the public cloud's.
    public const string CloudAuthorityHost = "Cloud__AuthorityHost";
    public const string CloudStorageAudience = "Cloud__StorageAudience";
    public const string CloudCosmosAudience = "Cloud__CosmosAudience";
    public const string CloudCommunicationAudience = "Cloud__CommunicationAudience";
    public const string CloudDocumentIntelligenceAudience = "Cloud__DocumentIntelligenceAudience";

    public const string MailSender = "Mail__Sender";
    public const string MailFrom = "Mail__From";
    public const string MailFallbackRecipient = "Mail__FallbackRecipient";
    public const string MailSmtpHost = "Mail__Smtp__Host";
    public const string MailSmtpPort = "Mail__Smtp__Port";
    public const string MailSmtpUserName = "Mail__Smtp__UserName";
    public const string MailSmtpPassword = "Mail__Smtp__Password";
    public const string MailSmtpSecurity = "Mail__Smtp__Security";
    public const string MailAcsEndpoint = "Mail__Acs__Endpoint";

    public const string PublicBaseUrl = "PublicBaseUrl";
    public const string DocumentIntelligenceEndpoint = "DocumentIntelligence__Endpoint";
    public const string CheckTimeoutSeconds = "Check__TimeoutSeconds";

    /// <summary>X-DUPLICATE: the share of a section repeating the body's previous report that warns (0–1, default 0.5).</summary>
    public const string CrossReportDuplicateThreshold = "CrossReport__DuplicateThreshold";

    /// <summary>X-DUPLICATE: the share of the text repeating another body's report of the same year that warns (0–1, default 0.5).</summary>
    public const string CrossReportOtherBodyThreshold = "CrossReport__OtherBodyThreshold";
    public const string AppInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AppInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IReadOnlyList<string> All { get; } =
    [
        DropStorage, DropStorageBlobServiceUri, DropStorageQueueServiceUri, DropStorageCredential, DropStorageClientId,
        HostStorageBlobServiceUri, HostStorageQueueServiceUri, HostStorageTableServiceUri, HostStorageCredential, HostStorageClientId,
        CosmosAccountEndpoint, CosmosDatabase, CosmosCredential, CosmosClientId, CosmosConnectionString,
        AzureClientId,
        CloudAuthorityHost, CloudStorageAudience, CloudCosmosAudience, CloudCommunicationAudience, CloudDocumentIntelligenceAudience,
        MailSender, MailFrom, MailFallbackRecipient, MailSmtpHost, MailSmtpPort, MailSmtpUserName, MailSmtpPassword, MailSmtpSecurity, MailAcsEndpoint,
        PublicBaseUrl, DocumentIntelligenceEndpoint, CheckTimeoutSeconds, CrossReportDuplicateThreshold, CrossReportOtherBodyThreshold,
        AppInsightsConnectionString, AppInsightsAuthenticationString,
    ];

    /// <summary>The configuration path of a setting: <c>Mail__Smtp__Host</c> → <c>Mail:Smtp:Host</c>.</summary>
    public static string Path(string key) => key.Replace("__", ":", StringComparison.Ordinal);
}

using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Pipeline.Intake;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Services;

/// <summary>Azurite (blob, queue), cosmosdb-server and maildev, once for all the tests that need them.</summary>
public sealed class LocalServices : IDisposable
{
    // Azurite's and the Cosmos DB emulator's published development keys: not secrets.
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string CosmosKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly LocalService _azurite;
    private readonly LocalService _cosmos;
    private readonly LocalService _maildev;

    public LocalServices()
    {
        var blob = LocalService.FreePort();
        var queue = LocalService.FreePort();
        var table = LocalService.FreePort();
        _azurite = LocalService.Start("azurite",
            $"--blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table} " +
            $"--inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl --silent",
            blob, queue);
        CosmosPort = LocalService.FreePort();
        _cosmos = LocalService.Start("cosmosdb-server", $"--no-ssl --host 127.0.0.1 -p {CosmosPort}", CosmosPort);
        SmtpPort = LocalService.FreePort();
        MailWebPort = LocalService.FreePort();
        _maildev = LocalService.Start("maildev", $"--smtp {SmtpPort} --ip 127.0.0.1 --web {MailWebPort} --web-ip 127.0.0.1 --silent", SmtpPort, MailWebPort);
        StorageConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;";
        Mail = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{MailWebPort}/") };
    }

    public string StorageConnectionString { get; }

    public int CosmosPort { get; }

    public string CosmosConnectionString(int? port = null) => $"AccountEndpoint=http://127.0.0.1:{port ?? CosmosPort}/;AccountKey={CosmosKey}";

    public int SmtpPort { get; }

    public int MailWebPort { get; }

    public HttpClient Mail { get; }

    public CosmosClient CosmosClient(int? port = null) => new(CosmosConnectionString(port), CosmosStore.ClientOptions(limitToEndpoint: true));

    public BlobServiceClient Blobs() => new(StorageConnectionString);

    public QueueClient Queue(string name) => new(StorageConnectionString, name, StorageQueueNotices.ClientOptions());

    /// <summary>Every email maildev has received, read from its raw source (so headers are as sent).</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> EmailsAsync()
    {
        var list = await Mail.GetFromJsonAsync<List<JsonElement>>("api/email") ?? [];
        var emails = new List<ReceivedEmail>();
        foreach (var id in list.Select(e => e.GetProperty("id").GetString()))
        {
            if (!_seen.TryGetValue(id!, out var email))
            {
                await using var source = await Mail.GetStreamAsync($"api/email/{id}/source");
                email = ReceivedEmail.From(await MimeKit.MimeMessage.LoadAsync(source));
                _seen[id!] = email;
            }

            emails.Add(email);
        }

        return emails;
    }

    private readonly Dictionary<string, ReceivedEmail> _seen = [];

    public void Dispose()
    {
        Mail.Dispose();
        _maildev.Dispose();
        _cosmos.Dispose();
        _azurite.Dispose();
    }
}

/// <summary>An email as maildev received it.</summary>
public sealed record ReceivedEmail(IReadOnlyList<string> To, string Subject, string Text, string Html, string? ReportId)
{
    public static ReceivedEmail From(MimeKit.MimeMessage m) => new(
        [.. m.To.Mailboxes.Select(a => a.Address)],
        m.Subject ?? "",
        m.TextBody ?? "",
        m.HtmlBody ?? "",
        m.Headers["X-Report-Id"]);
}

[CollectionDefinition(Name)]
public sealed class LocalServicesCollection : ICollectionFixture<LocalServices>
{
    public const string Name = "local services";
}

using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Pipeline.Checking;
using Pipeline.CrossReport;
using Pipeline.Intake;
using Pipeline.Notification;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli.LoadTest;

/// <summary>
/// Where the Azure flow of the load run goes: Cosmos DB, blob and queue storage, an SMTP server, and the mail
/// server's REST interface (maildev's) to count what it received. Local emulators only; never Azure itself.
/// </summary>
public sealed record LoadServices(string Cosmos, string Storage, SmtpSettings Smtp, Uri MailApi);

/// <summary>
/// The Azure flow against the local services, as the Functions app runs it: each original is read from the
/// <c>drop</c> container (as IntakeReport reads the blob it is given), stored in Cosmos DB, its notice queued on a
/// queue of the run's own, and after each block the queue is emptied as NotifySupervisor does: each message
/// sent by SMTP, then deleted. Each side has its own database, queue and fallback address, so two sides and
/// earlier runs never count each other's records or mail.
/// </summary>
public sealed class ServicesLoadSide : ILoadSide
{
    public const string DropContainer = "drop";

    private readonly CosmosClient _cosmos;
    private readonly CosmosStore _store;
    private readonly BlobContainerClient _drop;
    private readonly QueueClient _queue;
    private readonly IntakeService _intake;
    private readonly SupervisorNotifier _notifier;
    private readonly string _fallback;
    private readonly HttpClient _mail;
    private readonly Dictionary<string, int> _messages = new(StringComparer.Ordinal);

    private ServicesLoadSide(CosmosClient cosmos, CosmosStore store, BlobContainerClient drop, QueueClient queue, IntakeService intake, SupervisorNotifier notifier, string fallback, HttpClient mail)
    {
        _cosmos = cosmos;
        _store = store;
        _drop = drop;
        _queue = queue;
        _intake = intake;
        _notifier = notifier;
        _fallback = fallback;
        _mail = mail;
    }

    /// <param name="name">The side's own name in the run (database, queue and fallback address are made from it).</param>
    public static async Task<ServicesLoadSide> CreateAsync(LoadServices services, string name, RuleCatalogue catalogue, bool acrossReports, CancellationToken cancellationToken)
    {
        var cosmos = new CosmosClient(services.Cosmos, CosmosStore.ClientOptions(limitToEndpoint: true));
        var store = new CosmosStore(cosmos, name);
        await store.InitializeAsync(cancellationToken);
        var drop = new BlobServiceClient(services.Storage).GetBlobContainerClient(DropContainer);
        await drop.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var queue = new QueueClient(services.Storage, name + "-failures", StorageQueueNotices.ClientOptions());
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var fallback = name + "@loadtest.localhost";
        var notifier = new SupervisorNotifier(store, new SmtpMailSender(services.Smtp), new MailSettings("annual-reports@localhost", fallback, new Uri("http://localhost:8080")),
            SupervisorNotifier.CreateResilience(), TimeProvider.System, NullLogger<SupervisorNotifier>.Instance);
        var intake = new IntakeService(ReaderSet.CreateChecker(catalogue), RulesVersion.Of(catalogue), store, new StorageQueueNotices(queue),
            TimeProvider.System, NullLogger<IntakeService>.Instance, "loadtest:" + Environment.MachineName,
            crossReport: new CrossReportRules(store, store, catalogue), acrossReports: acrossReports);
        return new ServicesLoadSide(cosmos, store, drop, queue, intake, notifier, fallback, new HttpClient { BaseAddress = services.MailApi });
    }

    /// <summary>Drops the originals into the container before the run: that is the office's doing, not the pipeline's.</summary>
    public static async Task DropAsync(LoadServices services, IEnumerable<LoadInput> inputs, CancellationToken cancellationToken)
    {
        var drop = new BlobServiceClient(services.Storage).GetBlobContainerClient(DropContainer);
        await drop.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (input, ct) =>
            await drop.GetBlobClient(BlobName(input)).UploadAsync(new BinaryData(input.Bytes), overwrite: true, ct));
    }

    public async Task TakeInAsync(LoadInput input, CancellationToken cancellationToken)
    {
        var blob = _drop.GetBlobClient(BlobName(input));
        var content = new MemoryStream();
        var download = await blob.DownloadToAsync(content, cancellationToken);
        content.Position = 0;
        await _intake.TakeInAsync(new IntakeRequest(input.Office, input.Name, $"{DropContainer}/{blob.Name}", download.Headers.ETag?.ToString(), content), cancellationToken);
    }

    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = (await _queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)).Value;
            if (batch.Length == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                var notice = FailureNotice.Parse(message.MessageText);
                await _notifier.NotifyAsync(notice, cancellationToken);
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                _messages[notice.Key.ReportId] = _messages.GetValueOrDefault(notice.Key.ReportId) + 1;
            }
        }
    }

    public async Task<LoadTally> VerifyAsync(IReadOnlyList<LoadInput> inputs, CancellationToken cancellationToken)
    {
        var records = await LoadRecords.ReadAsync(_store, inputs, cancellationToken);
        var failing = records.Failing.Select(f => f.Key.Id).ToHashSet(StringComparer.Ordinal);
        var emailed = await EmailedReportIdsAsync(cancellationToken);
        var problems = new List<string>();
        problems.AddRange(failing.Where(id => _messages.GetValueOrDefault(id) != 1).Select(id => $"报告 {Short(id)} 应有 1 条队列消息，实有 {_messages.GetValueOrDefault(id)} 条"));
        problems.AddRange(_messages.Keys.Where(id => !failing.Contains(id)).Select(id => $"报告 {Short(id)} 并未未通过，却有队列消息"));
        problems.AddRange(failing.Where(id => emailed.Count(e => e == id) != 1).Select(id => $"报告 {Short(id)} 应有 1 封邮件，邮件服务器收到 {emailed.Count(e => e == id)} 封"));
        problems.AddRange(emailed.Where(id => !failing.Contains(id)).Distinct().Select(id => $"报告 {Short(id)} 并未未通过，却收到了邮件"));
        return records.Tally(emailed.Count, problems);
    }

    /// <summary>The X-Report-Id of every email the mail server received for this side's address, read from each email's source.</summary>
    private async Task<List<string>> EmailedReportIdsAsync(CancellationToken cancellationToken)
    {
        var list = await _mail.GetFromJsonAsync<List<JsonElement>>("email", cancellationToken) ?? [];
        var ids = new List<string>();
        foreach (var id in list.Select(e => e.GetProperty("id").GetString()))
        {
            await using var source = await _mail.GetStreamAsync($"email/{id}/source", cancellationToken);
            var message = await MimeMessage.LoadAsync(source, cancellationToken);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, _fallback, StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add(message.Headers[SupervisorEmail.ReportIdHeader] ?? "");
            }
        }

        return ids;
    }

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    private static string BlobName(LoadInput input) => $"{input.Office}/{input.Name}";

    public ValueTask DisposeAsync()
    {
        _mail.Dispose();
        _cosmos.Dispose();
        return ValueTask.CompletedTask;
    }
}

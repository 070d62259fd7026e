using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.Services;

/// <summary>
/// The Functions app composed as its Program composes it (<see cref="PipelineComposition"/>), from settings
/// that point at the local services. The functions are called directly; <see cref="DrainAsync"/> plays the
/// host's part for the queue: a message that throws comes back, and after five tries goes to the poison queue.
/// </summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public FunctionsApp(LocalServices services, string? database = null, Action<Dictionary<string, string?>>? settings = null, Action<IServiceCollection>? replace = null)
    {
        Services = services;
        Database = database ?? "pipeline-" + Guid.NewGuid().ToString("n")[..8];
        var values = new Dictionary<string, string?>
        {
            [SettingKeys.DropStorage] = services.StorageConnectionString,
            [SettingKeys.Path(SettingKeys.CosmosConnectionString)] = services.CosmosConnectionString(),
            [SettingKeys.Path(SettingKeys.CosmosDatabase)] = Database,
            [SettingKeys.Path(SettingKeys.MailSender)] = "smtp",
            [SettingKeys.Path(SettingKeys.MailSmtpHost)] = "127.0.0.1",
            [SettingKeys.Path(SettingKeys.MailSmtpPort)] = services.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SettingKeys.Path(SettingKeys.MailSmtpSecurity)] = "none",
            [SettingKeys.Path(SettingKeys.MailFrom)] = "annual-reports@example.org",
            [SettingKeys.Path(SettingKeys.MailFallbackRecipient)] = Fallback,
            [SettingKeys.Path(SettingKeys.PublicBaseUrl)] = "https://reports.example.org",
        };
        settings?.Invoke(values);
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddPipeline(config);
        replace?.Invoke(collection);
        _provider = collection.BuildServiceProvider();
        Store = _provider.GetRequiredService<IPipelineStore>();
        Store.InitializeAsync().GetAwaiter().GetResult();
        Drop = services.Blobs().GetBlobContainerClient("drop");
        Drop.CreateIfNotExists();
        FailureQueue = services.Queue("report-failures");
        PoisonQueue = services.Queue("report-failures-poison");
        FailureQueue.CreateIfNotExists();
        PoisonQueue.CreateIfNotExists();
        // The tests that share these queues run one after another; each starts from empty queues.
        FailureQueue.ClearMessages();
        PoisonQueue.ClearMessages();
    }

    public LocalServices Services { get; }

    public string Database { get; }

    /// <summary>Each app its own fallback address, so its emails are told from other tests'.</summary>
    public string Fallback { get; } = $"fallback-{Guid.NewGuid().ToString("n")[..8]}@example.org";

    public IPipelineStore Store { get; }

    public BlobContainerClient Drop { get; }

    public QueueClient FailureQueue { get; }

    public QueueClient PoisonQueue { get; }

    public IServiceProvider Provider => _provider;

    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_provider);

    public static string UniqueOffice(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("n")[..8]}";

    public static string Supervisor(string office) => $"{office}@example.org";

    public async Task RegisterAsync(string office, string name = "凤桥街道办事处") =>
        await Store.UpsertOfficeAsync(new Office { Code = office, Name = name, Kind = "街道", Parent = "county", Supervisors = [Supervisor(office)] });

    public async Task<BlobClient> DropAsync(string office, string name, byte[] content)
    {
        var blob = Drop.GetBlobClient($"{office}/{name}");
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        return blob;
    }

    public async Task TakeInAsync(BlobClient blob)
    {
        var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
        await Function<IntakeReport>().Run(blob, blob.Name[..slash], blob.Name[(slash + 1)..], CancellationToken.None);
    }

    /// <summary>Messages now in the failure queue that belong to <paramref name="office"/> (other tests share the queue).</summary>
    public async Task<List<QueueMessage>> QueuedAsync(string office, QueueClient? queue = null)
    {
        var all = new List<QueueMessage>();
        QueueMessage[] batch;
        var received = new List<QueueMessage>();
        do
        {
            batch = (await (queue ?? FailureQueue).ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2))).Value;
            received.AddRange(batch);
        }
        while (batch.Length > 0);
        foreach (var m in received)
        {
            // Put them back at once: this is a look, not a take.
            await (queue ?? FailureQueue).UpdateMessageAsync(m.MessageId, m.PopReceipt, m.Body, TimeSpan.Zero);
            if (Notification.FailureNotice.Parse(m.MessageText).Office == office)
            {
                all.Add(m);
            }
        }

        return all;
    }

    /// <summary>Runs NotifySupervisor over the office's messages as the host would, until none is left; returns how many tries.</summary>
    public async Task<int> DrainAsync(string office, QueueClient? queue = null)
    {
        var q = queue ?? FailureQueue;
        var tries = 0;
        var notify = Function<NotifySupervisor>();
        for (var round = 0; round < 50; round++)
        {
            var messages = (await q.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            var ours = messages.Count(m => Notification.FailureNotice.Parse(m.MessageText).Office == office);
            if (ours == 0)
            {
                foreach (var m in messages)
                {
                    await q.UpdateMessageAsync(m.MessageId, m.PopReceipt, m.Body, TimeSpan.Zero);
                }

                return tries;
            }

            foreach (var m in messages)
            {
                if (Notification.FailureNotice.Parse(m.MessageText).Office != office)
                {
                    await q.UpdateMessageAsync(m.MessageId, m.PopReceipt, m.Body, TimeSpan.Zero);
                    continue;
                }

                tries++;
                try
                {
                    await notify.HandleAsync(m.MessageText, m.DequeueCount, CancellationToken.None);
                    await q.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
                catch (Exception) when (m.DequeueCount >= NotifySupervisor.MaxDequeueCount)
                {
                    await PoisonQueue.SendMessageAsync(m.MessageText);
                    await q.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
                catch (Exception)
                {
                    await q.UpdateMessageAsync(m.MessageId, m.PopReceipt, m.Body, TimeSpan.Zero);
                }
            }
        }

        throw new InvalidOperationException("The queue did not drain in 50 rounds.");
    }

    /// <summary>The emails about this report (same bytes in another test's office are another report: its link differs).</summary>
    public async Task<List<ReceivedEmail>> EmailsForAsync(StoredReport report) =>
        [.. (await Services.EmailsAsync()).Where(e => e.ReportId == report.Id && e.Text.Contains($"/reports/{report.Office}/{report.Id}", StringComparison.Ordinal))];

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}

using Azure;
using Azure.Storage.Queues;
using Pipeline.Notification;
using Pipeline.Resilience;
using Polly;

namespace Pipeline.Intake;

/// <summary>
/// The <c>report-failures</c> queue. The client must be made with <see cref="ClientOptions"/>: base64
/// messages, which is what the queue trigger expects (host.json says so too).
/// </summary>
public sealed class StorageQueueNotices(QueueClient queue, ResiliencePipeline? resilience = null) : INoticeQueue
{
    public const string QueueName = "report-failures";
    public const string PoisonQueueName = "report-failures-poison";

    private readonly ResiliencePipeline _resilience = resilience ?? CreateResilience();

    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static TransientFault Classify(Exception e) => e switch
    {
        RequestFailedException r when TransientFault.IsTransientStatus(r.Status) || r.Status == 0 => TransientFault.Transient(),
        HttpRequestException or IOException => TransientFault.Transient(),
        _ => TransientFault.Permanent,
    };

    public static ResiliencePipeline CreateResilience(RemoteCallOptions? options = null) => RemoteCalls.Create("storage", Classify, options);

    public Task EnqueueAsync(FailureNotice notice, CancellationToken cancellationToken = default) =>
        _resilience.ExecuteAsync(async ct => { await queue.SendMessageAsync(notice.ToJson(), ct); }, cancellationToken).AsTask();
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Pipeline.Notification;
using Pipeline.Resilience;

namespace Pipeline.Functions;

/// <summary>
/// Emails the supervisors for one failure notice. A failure throws, so the host brings the message back;
/// after maxDequeueCount (5, host.json) it goes to <c>report-failures-poison</c>, from where ops replay it.
/// </summary>
public sealed class NotifySupervisor(SupervisorNotifier notifier, ILogger<NotifySupervisor> logger)
{
    public const int MaxDequeueCount = 5;

    [Function(nameof(NotifySupervisor))]
    public Task Run(
        [QueueTrigger("report-failures", Connection = SettingKeys.DropStorage)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        HandleAsync(message, dequeueCount, cancellationToken);

    public async Task<NoticeOutcome> HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            return await notifier.NotifyAsync(FailureNotice.Parse(message), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (dequeueCount >= MaxDequeueCount)
            {
                PipelineMetrics.Poison.Add(1);
                logger.LogError(e, "Notice failed on its last try ({DequeueCount}); the host moves it to report-failures-poison: {Message}", dequeueCount, message);
            }
            else
            {
                logger.LogWarning(e, "Notice failed on try {DequeueCount}; the queue brings it back", dequeueCount);
            }

            throw;
        }
    }
}

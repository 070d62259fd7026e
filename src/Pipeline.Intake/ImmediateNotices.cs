using Microsoft.Extensions.Logging;
using Pipeline.Notification;

namespace Pipeline.Intake;

/// <summary>
/// One machine has no queue: a notice is sent at once. If sending fails the notice stays pending in
/// the store and the next sweep (at the end of a run, and at the start of the next) sends it.
/// </summary>
public sealed class ImmediateNotices(SupervisorNotifier notifier, ILogger<ImmediateNotices> logger) : INoticeQueue
{
    public async Task EnqueueAsync(FailureNotice notice, CancellationToken cancellationToken = default)
    {
        try
        {
            await notifier.NotifyAsync(notice, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Notice for {ReportId} not sent yet; it stays pending for the next sweep", notice.ReportId);
        }
    }
}

using Pipeline.Notification;

namespace Pipeline.Intake;

/// <summary>Where failure notices go to be sent: the <c>report-failures</c> queue in Azure, straight to the notifier on one machine.</summary>
public interface INoticeQueue
{
    Task EnqueueAsync(FailureNotice notice, CancellationToken cancellationToken = default);
}

using Microsoft.Extensions.Logging;
using Pipeline.Model.Results;
using Pipeline.Resilience;
using Pipeline.Storage;
using Polly;

namespace Pipeline.Notification;

/// <summary>
/// Sends a failure notice to the office's supervisors (or the fallback address), exactly once per
/// (report id, rules version, recipient): each email is claimed in the ledger under a lease, sent, then
/// marked delivered; the notice is marked done when every recipient has it.
/// </summary>
public sealed class SupervisorNotifier(
    IPipelineStore store,
    IMailSender sender,
    MailSettings settings,
    ResiliencePipeline mailResilience,
    TimeProvider clock,
    ILogger<SupervisorNotifier> logger)
{
    /// <summary>How long a claimed email is reserved for its sender before another worker may take it over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static TransientFault Classify(Exception e) => e switch
    {
        MailSendException m => new TransientFault(m.Transient, m.RetryAfter),
        HttpRequestException or IOException => TransientFault.Transient(),
        _ => TransientFault.Permanent,
    };

    /// <summary>The mail pipeline: retries with backoff and Retry-After, a circuit breaker, a timeout per try.</summary>
    public static ResiliencePipeline CreateResilience(RemoteCallOptions? options = null) =>
        RemoteCalls.Create("mail", Classify, (options ?? new RemoteCallOptions { MaxRetries = 3 }) with { CircuitBreaker = true });

    public async Task<NoticeOutcome> NotifyAsync(FailureNotice notice, CancellationToken cancellationToken = default)
    {
        var key = notice.Key;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReportId"] = key.ReportId, ["Office"] = key.Office, ["Blob"] = notice.BlobPath });
        if (await store.IsDoneAsync(key, cancellationToken))
        {
            logger.LogInformation("Notice for {ReportId} ({RulesVersion}) was sent before; nothing to do", key.ReportId, key.RulesVersion);
            return NoticeOutcome.AlreadySent;
        }

        var report = await store.GetReportAsync(key.Office, key.ReportId, cancellationToken)
            ?? throw new InvalidOperationException($"报告 {key.Office}/{key.ReportId} 不在存储中，无法发送通知。");
        if (report.Verdict is not (Verdict.Failed or Verdict.Unreadable))
        {
            // Reprocessed under newer rules since the notice was queued, and no longer failing.
            await store.CompleteAsync(key, clock.GetUtcNow(), cancellationToken);
            return NoticeOutcome.NoLongerFailing;
        }

        var office = await store.GetOfficeAsync(key.Office, cancellationToken);
        var recipients = office?.Supervisors is { Count: > 0 } supervisors ? supervisors : [settings.FallbackRecipient];
        if (office is null)
        {
            logger.LogWarning("Office {Office} is not in the registry; notice for {ReportId} goes to the fallback address", key.Office, key.ReportId);
        }

        var busy = false;
        var sent = 0;
        foreach (var recipient in recipients)
        {
            switch (await store.ClaimDeliveryAsync(key, recipient, clock.GetUtcNow(), Lease, cancellationToken))
            {
                case DeliveryClaim.AlreadySent:
                    continue;
                case DeliveryClaim.Busy:
                    busy = true;
                    continue;
            }

            var message = SupervisorEmail.Compose(report, office, recipient, settings);
            var deliveryId = key.DeliveryId(recipient);
            try
            {
                await mailResilience.ExecuteAsync(async ct => await sender.SendAsync(message, deliveryId, ct), cancellationToken);
            }
            catch
            {
                await store.ReleaseDeliveryAsync(key, recipient, clock.GetUtcNow(), CancellationToken.None);
                throw;
            }

            // The one window for a duplicate: the server took the email and we stop before this line.
            await store.MarkDeliveredAsync(key, recipient, clock.GetUtcNow(), cancellationToken);
            PipelineMetrics.EmailsSent.Add(1);
            sent++;
            logger.LogInformation("Emailed {Recipient} about {ReportId} ({Verdict})", recipient, key.ReportId, report.Verdict);
        }

        if (busy)
        {
            // Another worker is sending one of these right now; the queue brings this message back later.
            throw new NoticeBusyException($"报告 {key.ReportId} 的通知正由另一个进程发送，稍后重试。");
        }

        await store.CompleteAsync(key, clock.GetUtcNow(), cancellationToken);
        return sent > 0 ? NoticeOutcome.Sent : NoticeOutcome.AlreadySent;
    }
}

public enum NoticeOutcome
{
    Sent,
    AlreadySent,
    NoLongerFailing,
}

public sealed class NoticeBusyException(string message) : Exception(message);

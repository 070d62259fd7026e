using Microsoft.Azure.Functions.Worker;
using Pipeline.Intake;

namespace Pipeline.Functions;

/// <summary>Every five minutes, queues again the notices still pending after ten (an enqueue that was lost, a crash after storing).</summary>
public sealed class SweepNotifications(IntakeService intake)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(10);

    [Function(nameof(SweepNotifications))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        intake.SweepAsync(MinimumAge, cancellationToken);
}

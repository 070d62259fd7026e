using System.Diagnostics.Metrics;

namespace Pipeline.Resilience;

/// <summary>The pipeline's counters (meter "Pipeline"), exported by whichever host runs it (OpenTelemetry in Azure).</summary>
public static class PipelineMetrics
{
    public const string MeterName = "Pipeline";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Verdicts = Meter.CreateCounter<long>("pipeline.verdicts", description: "Reports checked, by verdict");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("pipeline.retries", description: "Remote calls retried, by call");

    public static readonly Counter<long> Poison = Meter.CreateCounter<long>("pipeline.poison", description: "Failure notices that reached their last try");

    public static readonly Gauge<long> PendingNotices = Meter.CreateGauge<long>("pipeline.notices.pending", description: "Failure notices recorded but not yet sent, as the last sweep found them");

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("pipeline.emails.sent", description: "Supervisor emails sent");
}

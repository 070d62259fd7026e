using System.Diagnostics;

namespace Pipeline.Resilience;

/// <summary>
/// The pipeline's spans (activity source "Pipeline"): one per intake step, so a host can export them
/// (OpenTelemetry in Azure) and a load run can say which step its time goes to. Without a listener a span
/// is not created, so the steps cost nothing extra in production without tracing.
/// </summary>
public static class PipelineTracing
{
    public const string SourceName = "Pipeline";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the span of one step; null when nobody listens.</summary>
    public static Activity? Step(string name) => Source.StartActivity(name);
}

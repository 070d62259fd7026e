using System.Collections.Concurrent;
using System.Diagnostics;
using Pipeline.Resilience;

namespace Pipeline.Cli;

/// <summary>
/// Listens to the pipeline's spans for the length of a load run and sums their durations by step, so the
/// run can say where the pipeline's time goes beyond the check.
/// </summary>
public sealed class StepTimings : IDisposable
{
    private readonly ConcurrentDictionary<string, (long Count, double TotalMs)> _steps = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    public StepTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTracing.SourceName,
            // Spans are made only while recording, so the sides not recorded pay nothing for them.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => Recording ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (Recording)
                {
                    Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Whether finished spans are summed now (the load run records its full pipeline's side only).</summary>
    public bool Recording { get; set; } = true;

    private void Add(Activity activity) => _steps.AddOrUpdate(activity.OperationName,
        (1, activity.Duration.TotalMilliseconds),
        (_, s) => (s.Count + 1, s.TotalMs + activity.Duration.TotalMilliseconds));

    /// <summary>Each step's calls and total milliseconds so far, by name.</summary>
    public IReadOnlyDictionary<string, (long Count, double TotalMs)> Snapshot() => _steps.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}

using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Resilience;

/// <summary>
/// The one way a remote call (Cosmos, queue, blob, SMTP, ACS) is made resilient: a timeout per try,
/// a bounded number of retries with jittered exponential backoff that waits at least as long as the
/// service's Retry-After, and optionally a circuit breaker. Nothing is retried forever.
/// </summary>
public static class RemoteCalls
{
    public static ResiliencePipeline Create(string name, Func<Exception, TransientFault> classify, RemoteCallOptions? options = null)
    {
        var o = options ?? RemoteCallOptions.Default;
        var builder = new ResiliencePipelineBuilder { Name = name };
        if (o.CircuitBreaker)
        {
            // Outermost: while a mail server is down, stop knocking after repeated failures and fail fast,
            // so queue messages go back to the queue (and on to poison) instead of piling up in retries.
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = o.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e, classify)),
            });
        }

        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = o.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = o.BaseDelay,
            MaxDelay = o.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e, classify)),
            DelayGenerator = args =>
            {
                // Honour the service's Retry-After: never come back sooner than it asked (capped, so a
                // bogus answer cannot park a worker for an hour).
                var after = args.Outcome.Exception is { } e ? Classify(e, classify).RetryAfter : null;
                return ValueTask.FromResult<TimeSpan?>(after is { } wait ? Min(wait, o.MaxDelay) : null);
            },
            OnRetry = args =>
            {
                PipelineMetrics.Retries.Add(1, new KeyValuePair<string, object?>("call", name));
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(o.Timeout);
        return builder.Build();
    }

    private static bool IsRetryable(Exception e, Func<Exception, TransientFault> classify) => Classify(e, classify).Retry;

    private static TransientFault Classify(Exception e, Func<Exception, TransientFault> classify) => e switch
    {
        TimeoutRejectedException => TransientFault.Transient(),
        BrokenCircuitException => TransientFault.Permanent,
        _ => classify(e),
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

public sealed record RemoteCallOptions
{
    public static readonly RemoteCallOptions Default = new();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public bool CircuitBreaker { get; init; }

    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}

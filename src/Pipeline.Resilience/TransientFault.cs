namespace Pipeline.Resilience;

/// <summary>
/// What a remote service said when it failed: whether trying again can help, and how long it asked us to wait.
/// Each client library reports throttling its own way; each store or sender gives one of these.
/// </summary>
public readonly record struct TransientFault(bool Retry, TimeSpan? RetryAfter)
{
    public static readonly TransientFault Permanent = new(false, null);

    public static TransientFault Transient(TimeSpan? retryAfter = null) => new(true, retryAfter);

    /// <summary>429 and 503 are the throttling answers; 408, 500, 502 and 504 are worth one more try too.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;
}

namespace Pipeline.CrossReport;

/// <summary>How X-DUPLICATE measures: the shares of repeated text that warn, and how many candidates it reads.</summary>
public sealed record CrossReportOptions
{
    /// <summary>A section repeating at least this share of the body's previous report warns (local rubrics deduct past one half).</summary>
    public double DuplicateThreshold { get; init; } = 0.5;

    /// <summary>A report repeating at least this share of another body's report of the same year warns.</summary>
    public double OtherBodyThreshold { get; init; } = 0.5;

    /// <summary>
    /// Sections or texts shorter than this (comparable characters, boilerplate left out) are too short to call copied:
    /// a one-sentence section (本年度未收取信息处理费) repeats every year in every body.
    /// </summary>
    public int MinimumCharacters { get; init; } = 80;

    /// <summary>At most this many index candidates (most shared buckets first) are read and measured.</summary>
    public int MaxCandidates { get; init; } = 10;

    /// <summary>
    /// A text-index bucket holding more reports than this is full: it is no longer filed into nor read from. Copies share
    /// a dozen buckets or more, mostly rare ones; a bucket hundreds of reports fall into is common phrasing.
    /// </summary>
    public int BucketCapacity { get; init; } = 50;
}

using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>
/// The persisted locality-sensitive index of report texts: each report is filed under the buckets of its
/// MinHash bands, so the reports that may share text with a new one are found by a few bucket lookups
/// instead of reading every report. What a bucket means is the caller's business (X-DUPLICATE's).
/// </summary>
public interface ITextIndexStore
{
    /// <summary>Files the report under its buckets; filing it again is harmless (a redelivery, a re-check).</summary>
    Task IndexTextAsync(TextIndexEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every report filed under any of the buckets, with how many of them it shares.</summary>
    Task<IReadOnlyList<TextIndexMatch>> FindByBucketsAsync(IReadOnlyCollection<string> buckets, CancellationToken cancellationToken = default);
}

public sealed record TextIndexEntry(string Office, string ReportId, int Year, IReadOnlyList<string> Buckets);

public sealed record TextIndexMatch(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("reportId")] string ReportId,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("shared")] int SharedBuckets);

using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>
/// The persisted index the rules across reports look things up in: named buckets, each holding the reports filed
/// under it. One bucket is one document (Cosmos DB) or one key range (SQLite), so a lookup is a point read per
/// bucket however many reports the province has. What a bucket means is the caller's business: a MinHash band of
/// a report's text, or an office's list of reports (X-CARRY's way to its previous year without a query).
/// </summary>
public interface ITextIndexStore
{
    /// <summary>
    /// Files the report under each bucket; filing it again is harmless (a redelivery, a re-check). A bucket already
    /// holding more than <paramref name="capacity"/> members is left as it is: it is full, and says nothing about
    /// any one report (a band every boilerplate-heavy text falls into).
    /// </summary>
    Task IndexTextAsync(TextIndexEntry entry, int capacity, CancellationToken cancellationToken = default);

    /// <summary>The buckets that exist among <paramref name="keys"/>, with their members; a bucket never filed is absent.</summary>
    Task<IReadOnlyList<TextBucket>> ReadBucketsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}

public sealed record TextIndexEntry(string Office, string ReportId, int Year, IReadOnlyList<string> Buckets);

public sealed record TextBucket(string Key, IReadOnlyList<TextIndexMember> Members);

public sealed record TextIndexMember(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("reportId")] string ReportId,
    [property: JsonPropertyName("year")] int Year);

using System.Text.Json.Serialization;
using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>
/// One report as kept: the spec's result for its bytes (id = sha256 of the bytes, partition = office),
/// where the original lies, the rules version it was judged by, and the verdicts of earlier rules.
/// </summary>
public sealed record StoredReport
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("office")]
    public required string Office { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "report";

    /// <summary>The file's name within the office's folder; a new version of a file keeps its name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Where the original is (blob path or file path); it is never changed or deleted.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("blobETag")]
    public string? BlobETag { get; init; }

    [JsonPropertyName("rulesVersion")]
    public required string RulesVersion { get; init; }

    [JsonPropertyName("storedAt")]
    public required DateTimeOffset StoredAt { get; init; }

    /// <summary>The report this one replaces: same office and name, different bytes.</summary>
    [JsonPropertyName("previousId")]
    public string? PreviousId { get; init; }

    [JsonPropertyName("result")]
    public required CheckResult Result { get; init; }

    /// <summary>Verdicts given under earlier rules, oldest first (reprocess keeps them).</summary>
    [JsonPropertyName("history")]
    public IReadOnlyList<PastVerdict> History { get; init; } = [];

    /// <summary>
    /// The failure notice this version of the report owes (failed or unreadable, and not yet owed before), written
    /// with the report itself so that no crash can store the verdict without the notice it calls for. The ledger
    /// says whether it was sent; this mark is never cleared.
    /// </summary>
    [JsonPropertyName("notice")]
    public PendingNotice? Notice { get; init; }

    /// <summary>The store's version of this record, for conditional replaces; not part of the document.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }

    [JsonIgnore]
    public Verdict Verdict => Result.Verdict;

    /// <summary>
    /// The rules the report breaks (error and warning findings), kept on the document so the review list's rule
    /// filter is a query (Cosmos DB: <c>ARRAY_CONTAINS</c>; SQLite keeps them in its <c>report_rules</c> table).
    /// </summary>
    [JsonPropertyName("violatedRules")]
    public IReadOnlyList<string> ViolatedRules => [.. Result.Findings.Where(f => f.IsViolation).Select(f => f.Rule).Distinct(StringComparer.Ordinal)];
}

public sealed record PastVerdict(
    [property: JsonPropertyName("rulesVersion")] string RulesVersion,
    [property: JsonPropertyName("verdict")] Verdict Verdict,
    [property: JsonPropertyName("checkedAt")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules);

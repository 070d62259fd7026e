using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Notification;

/// <summary>
/// The queue message <c>report-failures</c> carries: small (a queue message is at most 64 KB), enough
/// to route and log it; the email itself is written from the stored report.
/// </summary>
public sealed record FailureNotice
{
    [JsonPropertyName("reportId")]
    public required string ReportId { get; init; }

    [JsonPropertyName("office")]
    public required string Office { get; init; }

    [JsonPropertyName("year")]
    public int? Year { get; init; }

    [JsonPropertyName("verdict")]
    public required Verdict Verdict { get; init; }

    [JsonPropertyName("rulesVersion")]
    public required string RulesVersion { get; init; }

    [JsonPropertyName("blobPath")]
    public required string BlobPath { get; init; }

    [JsonPropertyName("findings")]
    public required FindingsSummary Findings { get; init; }

    [JsonIgnore]
    public NoticeKey Key => new(Office, ReportId, RulesVersion);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static FailureNotice For(StoredReport report) => new()
    {
        ReportId = report.Id,
        Office = report.Office,
        Year = report.Result.Year,
        Verdict = report.Verdict,
        RulesVersion = report.RulesVersion,
        BlobPath = report.Path,
        Findings = FindingsSummary.Of(report.Result),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a message; a message that is not one of ours gives a clear error instead of a null.</summary>
    public static FailureNotice Parse(string json) =>
        JsonSerializer.Deserialize<FailureNotice>(json, Json) ?? throw new JsonException("队列消息为空。");
}

/// <summary>How many errors and warnings, and which rules they broke.</summary>
public sealed record FindingsSummary(
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public static FindingsSummary Of(CheckResult result)
    {
        var violations = result.Findings.Where(f => f.IsViolation).ToList();
        return new FindingsSummary(
            violations.Count(f => f.Severity == Severity.Error),
            violations.Count(f => f.Severity == Severity.Warning),
            [.. violations.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Distinct()],
            result.Reason);
    }
}

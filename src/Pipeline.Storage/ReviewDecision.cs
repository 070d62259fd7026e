using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>
/// One decision a person took on a report, kept as an append-only audit trail: a finding confirmed or
/// dismissed (keyed by its fingerprint, so it outlives re-processing), or a needsReview report settled.
/// </summary>
public sealed record ReviewDecision
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("office")]
    public required string Office { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "decision";

    [JsonPropertyName("reportId")]
    public required string ReportId { get; init; }

    /// <summary>The finding's fingerprint (rule and cells); null for a decision on the whole report.</summary>
    [JsonPropertyName("fingerprint")]
    public string? Fingerprint { get; init; }

    [JsonPropertyName("action")]
    public required DecisionAction Action { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("by")]
    public required string By { get; init; }

    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    /// <summary>The rules version of the result the person looked at.</summary>
    [JsonPropertyName("rulesVersion")]
    public string? RulesVersion { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    /// <summary>The finding is right: the report is wrong there.</summary>
    [JsonStringEnumMemberName("confirm")]
    Confirm,

    /// <summary>The finding is a false alarm (a misreading, an explained difference).</summary>
    [JsonStringEnumMemberName("dismiss")]
    Dismiss,

    /// <summary>A needsReview report is settled as failed (the failure email goes out then).</summary>
    [JsonStringEnumMemberName("settleFailed")]
    SettleFailed,

    /// <summary>A needsReview report is settled as passed.</summary>
    [JsonStringEnumMemberName("settlePassed")]
    SettlePassed,
}

using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>One delivery of a file to the intake: when, on which host, how long, and what came of it.</summary>
public sealed record IntakeAttempt
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("office")]
    public required string Office { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "attempt";

    [JsonPropertyName("reportId")]
    public required string ReportId { get; init; }

    [JsonPropertyName("at")]
    public required DateTimeOffset At { get; init; }

    [JsonPropertyName("host")]
    public required string Host { get; init; }

    [JsonPropertyName("durationMs")]
    public required double DurationMs { get; init; }

    /// <summary>stored, duplicate, reprocessed or unchanged.</summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }
}

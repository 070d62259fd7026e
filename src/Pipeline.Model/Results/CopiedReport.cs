using System.Text.Json.Serialization;

namespace Pipeline.Model.Results;

/// <summary>Another body's report that a report's text nearly copies: its office, id and the share of this text it repeats.</summary>
public sealed record CopiedReport(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("share")] double Share);

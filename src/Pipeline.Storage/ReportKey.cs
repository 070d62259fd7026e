using System.Text.Json.Serialization;
using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>A stored report named, not loaded: its id, year and verdict (a listing that reads no document).</summary>
public sealed record ReportKey(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("verdict")] Verdict Verdict);

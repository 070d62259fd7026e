using System.Text.Json.Serialization;

namespace Pipeline.Model.Results;

/// <summary>
/// The spec's JSON result: one document per input file, the same in the stores and in
/// <c>check --json</c>. A value that could not be read is null, never 0.
/// </summary>
public sealed record CheckResult
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public required SourceDescription Source { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("agency")]
    public string? Agency { get; init; }

    [JsonPropertyName("year")]
    public int? Year { get; init; }

    [JsonPropertyName("vintage")]
    public string? Vintage { get; init; }

    [JsonPropertyName("published")]
    public string? Published { get; init; }

    [JsonPropertyName("verdict")]
    public required Verdict Verdict { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("sections")]
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>table → row → column → number (null when unreadable or blank).</summary>
    [JsonPropertyName("tables")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>>> Tables { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>>>();

    [JsonPropertyName("cells")]
    public IReadOnlyDictionary<string, CellSource> Cells { get; init; } = new Dictionary<string, CellSource>();

    [JsonPropertyName("findings")]
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>
    /// Running text per section key, tables left out: kept with the result so that X-DUPLICATE can compare
    /// a later report with this one without the original file.
    /// </summary>
    [JsonPropertyName("texts")]
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Other bodies' reports of the same year whose text this one nearly copies (X-DUPLICATE), as the rules across
    /// reports last found them; null until they ran. Kept so that a later copy can tell, from this report's texts alone,
    /// whether this one already carries a copy warning.
    /// </summary>
    [JsonPropertyName("copies")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CopiedReport>? Copies { get; init; }

    /// <summary>The verdict of the report's own rules, before the rules across reports (X-*) were applied; null until they were.</summary>
    [JsonPropertyName("reportVerdict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Verdict? ReportVerdict { get; init; }
}

public sealed record SourceDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string? Kind);

/// <summary>Where a cell's value came from, and how sure the reading was.</summary>
public sealed record CellSource
{
    [JsonPropertyName("page")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    [JsonPropertyName("box")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? Box { get; init; }

    [JsonPropertyName("line")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    [JsonPropertyName("location")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Location { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("confidence")]
    public double Confidence { get; init; }
}

using System.Text.Json.Serialization;

namespace Pipeline.Model.Results;

/// <summary>
/// One thing a rule found. <see cref="Checked"/> is false when the rule could not be checked
/// because cells it needs are missing: it says so rather than passing silently.
/// </summary>
public sealed record Finding(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("cells")] IReadOnlyList<string> Cells,
    [property: JsonPropertyName("expected")] decimal? Expected = null,
    [property: JsonPropertyName("actual")] decimal? Actual = null,
    [property: JsonPropertyName("checked")] bool Checked = true)
{
    /// <summary>An error or warning about the report itself, not a note that a rule could not run.</summary>
    [JsonIgnore]
    public bool IsViolation => Checked && Severity is Severity.Error or Severity.Warning;
}

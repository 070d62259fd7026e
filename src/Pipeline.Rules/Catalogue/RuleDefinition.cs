using System.Text.Json.Serialization;
using Pipeline.Model.Results;

namespace Pipeline.Rules.Catalogue;

/// <summary>A rule's entry in the rules file: id, switch, severity and Chinese message templates.</summary>
public sealed record RuleDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; } = true;

    [JsonPropertyName("severity")]
    public Severity Severity { get; init; } = Severity.Error;

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Template per variant; "default" is required. Placeholders are {name}.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyDictionary<string, string> Messages { get; init; } = new Dictionary<string, string>();
}

using System.Text.Json.Serialization;

namespace Pipeline.Storage;

/// <summary>A reporting body in the registry: department, town, 街道 or government, and who supervises it.</summary>
public sealed record Office
{
    [JsonPropertyName("id")]
    public string Id => Code;

    [JsonPropertyName("code")]
    public required string Code { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("parent")]
    public string? Parent { get; init; }

    [JsonPropertyName("supervisors")]
    public IReadOnlyList<string> Supervisors { get; init; } = [];
}

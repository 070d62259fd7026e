using System.Text.Json.Serialization;

namespace Pipeline.Model.Results;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("error")]
    Error,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>EXT-CONFIDENCE: a person must look before anyone is told the report failed.</summary>
    [JsonStringEnumMemberName("review")]
    Review,
}

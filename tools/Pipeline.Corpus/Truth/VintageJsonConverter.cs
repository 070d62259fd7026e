using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Model.Reports;

namespace Pipeline.Corpus.Truth;

/// <summary>Writes a <see cref="Vintage"/> as the spec's "2019" or "2021".</summary>
public sealed class VintageJsonConverter : JsonConverter<Vintage>
{
    public override Vintage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "2019" => Vintage.Format2019,
            "2021" => Vintage.Format2021,
            var other => throw new JsonException($"Unknown vintage \"{other}\"."),
        };

    public override void Write(Utf8JsonWriter writer, Vintage value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Key());
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>A number stays a JSON number; a malformed cell is a JSON string.</summary>
public sealed class TruthValueConverter : JsonConverter<TruthValue>
{
    public override TruthValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => TruthValue.Of(reader.GetDecimal()),
            JsonTokenType.String => TruthValue.Malformed(reader.GetString()!),
            _ => throw new JsonException($"A table value is a number or a string, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, TruthValue value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}

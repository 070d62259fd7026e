using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>Writes a table as the spec's JSON: an object of rows, each an object of columns.</summary>
public sealed class TruthTableConverter : JsonConverter<TruthTable>
{
    private static readonly TruthValueConverter Values = new();

    public override TruthTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var rows = new List<TruthRow>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            Expect(ref reader, JsonTokenType.StartObject);
            var cells = new List<TruthCell>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var column = reader.GetString()!;
                reader.Read();
                cells.Add(new TruthCell(column, Values.Read(ref reader, typeof(TruthValue), options)));
            }

            rows.Add(new TruthRow(key, cells));
        }

        return new TruthTable(rows);
    }

    public override void Write(Utf8JsonWriter writer, TruthTable value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var row in value.Rows)
        {
            writer.WriteStartObject(row.Key);
            foreach (var cell in row.Cells)
            {
                writer.WritePropertyName(cell.Column);
                Values.Write(writer, cell.Value, options);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>The truth files' JSON: camelCase, indented with '\n', Chinese written as is.</summary>
public static class TruthJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",

        // The files are read by people and tools, never embedded in a page: no need to escape CJK or quotes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ReportTruth truth) => JsonSerializer.Serialize(truth, Options) + "\n";

    public static ReportTruth Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportTruth>(json, Options) ?? throw new JsonException("The truth file is empty.");
}

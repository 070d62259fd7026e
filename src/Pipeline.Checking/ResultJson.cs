using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Model.Results;

namespace Pipeline.Checking;

/// <summary>The one way results are written as JSON: Chinese kept readable, nulls kept (null means unread, never 0).</summary>
public static class ResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Serialize(CheckResult result) => JsonSerializer.Serialize(result, Options);

    public static string Serialize(IReadOnlyList<CheckResult> results) => JsonSerializer.Serialize(results, Options);

    public static CheckResult? Deserialize(string json) => JsonSerializer.Deserialize<CheckResult>(json, Options);
}

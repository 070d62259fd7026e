using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// The truth of one generated file, in the shape `pipeline bench` reads: tables (a number where the cell prints a
/// well-formed number, else the text printed), the verdict it deserves, the rule injected, and how it was rendered.
/// </summary>
public static partial class TruthFile
{
    public static string Write(Draft draft, string kind, string fault, PrintStyle style)
    {
        var tables = new JsonObject();
        foreach (var (address, text) in draft.Cells)
        {
            var parts = address.Split('.');
            var (table, row, column) = (parts[0], string.Join('.', parts[1..^1]), parts[^1]);
            var rows = (JsonObject)(tables[table] ??= new JsonObject());
            var cells = (JsonObject)(rows[row] ??= new JsonObject());
            cells[column] = Value(column, text);
        }

        var truth = new JsonObject
        {
            ["seed"] = draft.Seed,
            ["agency"] = draft.Agency,
            ["year"] = draft.Year,
            ["vintage"] = draft.Format,
            ["title"] = draft.Title,
            ["tables"] = tables,
            ["expectedVerdict"] = draft.ExpectedVerdict,
            ["expectedRules"] = new JsonArray(draft.Injected is { } r ? [JsonValue.Create(r)] : []),
            ["rendering"] = new JsonObject { ["kind"] = kind, ["fault"] = fault, ["style"] = style.Name },
        };
        return truth.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Counts are whole numbers; change is signed; amount a decimal. Anything else is compared as printed.</summary>
    private static JsonNode Value(string column, string text) =>
        Count().IsMatch(text) ? JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture))
        : column == "change" && Signed().IsMatch(text) ? JsonValue.Create(long.Parse(text.TrimStart('+'), CultureInfo.InvariantCulture))
        : column == "amount" && Decimal().IsMatch(text) ? JsonValue.Create(decimal.Parse(text, CultureInfo.InvariantCulture))
        : JsonValue.Create(text);

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Count();

    [GeneratedRegex(@"^[+-]?\d+$")]
    private static partial Regex Signed();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex Decimal();
}

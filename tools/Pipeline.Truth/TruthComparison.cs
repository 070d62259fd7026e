using System.Text.Json;

namespace Pipeline.Truth;

/// <summary>
/// A result compared cell by cell with a truth file's tables: a number must be read as that
/// number; a deliberately malformed cell ("/", "0.5") as its text. Shared by the benchmark, the
/// corpus tools and the tests. It reads the result as the spec's JSON, not through the product's
/// types, so the oracle does not lean on the code it judges.
/// </summary>
public sealed record TruthComparison(int Cells, int CellsRight, int Tables, int TablesRight, IReadOnlyList<string> WrongCells)
{
    /// <summary>Any result object that serialises to the spec's JSON result.</summary>
    public static TruthComparison Of<TResult>(TResult result, JsonElement truth) =>
        Of(JsonSerializer.SerializeToElement(result), truth);

    /// <summary>The spec's JSON result (tables: table → row → column → number or null; cells: address → text).</summary>
    public static TruthComparison Of(JsonElement result, JsonElement truth)
    {
        int cells = 0, right = 0, tables = 0, tablesRight = 0;
        var wrong = new List<string>();
        foreach (var table in truth.GetProperty("tables").EnumerateObject())
        {
            var all = true;
            foreach (var row in table.Value.EnumerateObject())
            {
                var read = Child(Child(result, "tables"), table.Name) is { } t ? Child(t, row.Name) : null;
                foreach (var cell in row.Value.EnumerateObject())
                {
                    var address = $"{table.Name}.{row.Name}.{cell.Name}";
                    var value = read is { } r ? Child(r, cell.Name) : null;
                    var present = value is not null;
                    var number = value is { ValueKind: JsonValueKind.Number } n ? n.GetDecimal() : (decimal?)null;
                    var text = Child(Child(result, "cells"), address) is { } source && Child(source, "text") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
                    var ok = cell.Value.ValueKind == JsonValueKind.Number
                        ? number == cell.Value.GetDecimal()
                        : text == cell.Value.GetString();
                    cells++;
                    if (ok)
                    {
                        right++;
                    }
                    else
                    {
                        all = false;
                        var shown = present ? number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null" : "nothing";
                        wrong.Add($"{address}: read {shown} (\"{text}\"), truth {cell.Value}");
                    }
                }
            }

            tables++;
            tablesRight += all ? 1 : 0;
        }

        return new TruthComparison(cells, right, tables, tablesRight, wrong);
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) ? child : null;
}

using System.Text.Json;
using Pipeline.Model.Results;

namespace Pipeline.Cli;

/// <summary>
/// A result compared cell by cell with a truth file's tables: a number must be read as that
/// number; a deliberately malformed cell ("/", "0.5") as its text. Shared by the benchmark and the tests.
/// </summary>
public sealed record TruthComparison(int Cells, int CellsRight, int Tables, int TablesRight, IReadOnlyList<string> WrongCells)
{
    public static TruthComparison Of(CheckResult result, JsonElement truth)
    {
        int cells = 0, right = 0, tables = 0, tablesRight = 0;
        var wrong = new List<string>();
        foreach (var table in truth.GetProperty("tables").EnumerateObject())
        {
            var all = true;
            foreach (var row in table.Value.EnumerateObject())
            {
                var read = result.Tables.GetValueOrDefault(table.Name)?.GetValueOrDefault(row.Name);
                foreach (var cell in row.Value.EnumerateObject())
                {
                    var address = $"{table.Name}.{row.Name}.{cell.Name}";
                    var present = read is not null && read.ContainsKey(cell.Name);
                    var ok = cell.Value.ValueKind == JsonValueKind.Number
                        ? present && read![cell.Name] == cell.Value.GetDecimal()
                        : result.Cells.GetValueOrDefault(address)?.Text == cell.Value.GetString();
                    cells++;
                    if (ok)
                    {
                        right++;
                    }
                    else
                    {
                        all = false;
                        var value = present ? read![cell.Name]?.ToString() ?? "null" : "nothing";
                        wrong.Add($"{address}: read {value} (\"{result.Cells.GetValueOrDefault(address)?.Text}\"), truth {cell.Value}");
                    }
                }
            }

            tables++;
            tablesRight += all ? 1 : 0;
        }

        return new TruthComparison(cells, right, tables, tablesRight, wrong);
    }
}

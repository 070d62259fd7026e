using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>
/// Row key → column key → value, in printed order. Immutable: every change returns a new table,
/// so a mutated variant never alters the truth it came from.
/// </summary>
[JsonConverter(typeof(TruthTableConverter))]
public sealed class TruthTable
{
    public TruthTable(IReadOnlyList<TruthRow> rows) => Rows = rows;

    public IReadOnlyList<TruthRow> Rows { get; }

    public IEnumerable<string> RowKeys => Rows.Select(r => r.Key);

    public bool HasRow(string row) => Rows.Any(r => r.Key == row);

    public TruthRow? Row(string row) => Rows.FirstOrDefault(r => r.Key == row);

    public TruthValue? Get(string row, string column) => Row(row)?.Get(column);

    /// <summary>The cell's number; throws when the cell is absent or malformed, which a caller never expects.</summary>
    public decimal Number(string row, string column) =>
        Get(row, column)?.Number ?? throw new InvalidOperationException($"{row}.{column} holds no number.");

    public TruthTable With(string row, string column, TruthValue value)
    {
        if (Get(row, column) is null)
        {
            throw new InvalidOperationException($"{row}.{column} is not in the table.");
        }

        return new TruthTable(Rows
            .Select(r => r.Key != row ? r : r with { Cells = r.Cells.Select(c => c.Column == column ? c with { Value = value } : c).ToList() })
            .ToList());
    }

    public TruthTable Add(string row, string column, decimal delta) => With(row, column, TruthValue.Of(Number(row, column) + delta));

    public TruthTable WithoutRow(string row) => new(Rows.Where(r => r.Key != row).ToList());
}

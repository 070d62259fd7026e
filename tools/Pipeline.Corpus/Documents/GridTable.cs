namespace Pipeline.Corpus.Documents;

/// <summary>One of tables 二, 三, 四 laid out as the official template prints it.</summary>
public sealed record GridTable(string Key, int ColumnCount, IReadOnlyList<GridRow> Rows)
{
    /// <summary>
    /// The row as a full line of grid columns: each origin's text at its column, empty strings
    /// where a span or a merge covers the column.
    /// </summary>
    public IReadOnlyList<string> Positions(GridRow row)
    {
        var positions = Enumerable.Repeat(string.Empty, ColumnCount).ToArray();
        foreach (var cell in row.Cells)
        {
            positions[cell.Column] = cell.Text;
        }

        return positions;
    }
}

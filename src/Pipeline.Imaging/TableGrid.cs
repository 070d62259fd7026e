namespace Pipeline.Imaging;

/// <summary>
/// A ruled table found on a page. Boundaries are the centres of its rulings, in page pixels:
/// <see cref="ColumnBoundaries"/> left to right, <see cref="RowBoundaries"/> top to bottom, so a
/// table of n columns has n + 1 column boundaries. <see cref="Cells"/> are in reading order (row,
/// then column), each listed once at its top-left grid place, as in HTML.
/// </summary>
public sealed record TableGrid(IReadOnlyList<int> ColumnBoundaries, IReadOnlyList<int> RowBoundaries, IReadOnlyList<GridCell> Cells)
{
    public int ColumnCount => ColumnBoundaries.Count - 1;

    public int RowCount => RowBoundaries.Count - 1;

    /// <summary>From the centre of the outer left and top rulings to that of the outer right and bottom ones.</summary>
    public Rect Bounds => Rect.FromEdges(ColumnBoundaries[0], RowBoundaries[0], ColumnBoundaries[^1], RowBoundaries[^1]);

    /// <summary>
    /// The cells that start in each grid row, left to right, like the &lt;td&gt;s of a &lt;tr&gt;; a
    /// place covered by a cell from an earlier row or column is not repeated.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<GridCell>> Rows
    {
        get
        {
            var rows = new List<GridCell>[RowCount];
            for (var r = 0; r < rows.Length; r++)
            {
                rows[r] = [];
            }

            foreach (var cell in Cells)
            {
                rows[cell.Row].Add(cell);
            }

            return rows;
        }
    }

    /// <summary>The cell covering a grid place, or null outside the table's ruled area.</summary>
    public GridCell? CellAt(int row, int column)
    {
        foreach (var cell in Cells)
        {
            if (cell.Covers(row, column))
            {
                return cell;
            }
        }

        return null;
    }
}

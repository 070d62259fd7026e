using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>
/// A ruled table to draw on a synthetic page: boundary centres in pixels, merged cells as
/// (row, column, row span, column span), and the lines' thickness. Knows the cells it should be
/// read back as.
/// </summary>
internal sealed record TableSketch(int[] Columns, int[] Rows, IReadOnlyList<(int Row, int Column, int RowSpan, int ColumnSpan)> Merges, int Thickness = 3)
{
    public int ColumnCount => Columns.Length - 1;

    public int RowCount => Rows.Length - 1;

    /// <summary>Evenly spaced boundaries from a corner.</summary>
    public static TableSketch Even(int left, int top, int columnWidth, int rowHeight, int columns, int rows, int thickness = 3, params (int Row, int Column, int RowSpan, int ColumnSpan)[] merges) =>
        new(
            [.. Enumerable.Range(0, columns + 1).Select(i => left + (i * columnWidth))],
            [.. Enumerable.Range(0, rows + 1).Select(i => top + (i * rowHeight))],
            merges,
            thickness);

    /// <summary>Cells as (row, column, row span, column span), in reading order.</summary>
    public IReadOnlyList<(int Row, int Column, int RowSpan, int ColumnSpan)> ExpectedCells()
    {
        var cells = new List<(int, int, int, int)>();
        for (var r = 0; r < RowCount; r++)
        {
            for (var c = 0; c < ColumnCount; c++)
            {
                var merge = MergeAt(r, c);
                if (merge is null)
                {
                    cells.Add((r, c, 1, 1));
                }
                else if (merge.Value.Row == r && merge.Value.Column == c)
                {
                    cells.Add(merge.Value);
                }
            }
        }

        return cells;
    }

    /// <summary>The horizontal and vertical segments of the table, as filled rectangles (ends overlap at the joints).</summary>
    public IEnumerable<Rect> Lines()
    {
        var half = (Thickness - 1) / 2;
        for (var i = 0; i <= RowCount; i++)
        {
            for (var c = 0; c < ColumnCount; c++)
            {
                // A boundary inside a merged cell is not drawn.
                if (i > 0 && i < RowCount && MergeAt(i - 1, c) is { } m && m == MergeAt(i, c))
                {
                    continue;
                }

                yield return Rect.FromEdges(Columns[c] - half, Rows[i] - half, Columns[c + 1] - half + Thickness, Rows[i] - half + Thickness);
            }
        }

        for (var j = 0; j <= ColumnCount; j++)
        {
            for (var r = 0; r < RowCount; r++)
            {
                if (j > 0 && j < ColumnCount && MergeAt(r, j - 1) is { } m && m == MergeAt(r, j))
                {
                    continue;
                }

                yield return Rect.FromEdges(Columns[j] - half, Rows[r] - half, Columns[j] - half + Thickness, Rows[r + 1] - half + Thickness);
            }
        }
    }

    public void Draw(GrayImage image, byte value = 0)
    {
        foreach (var line in Lines())
        {
            image.Fill(line, value);
        }
    }

    public void Draw(RgbImage image)
    {
        foreach (var line in Lines())
        {
            image.Fill(line, 0, 0, 0);
        }
    }

    /// <summary>Fake text in every cell: glyph-sized clusters of strokes, so that detectors meet something like characters.</summary>
    public void DrawText(GrayImage image, int glyphSize, int seed)
    {
        var random = new Random(seed);
        foreach (var (row, column, rowSpan, columnSpan) in ExpectedCells())
        {
            var inner = Rect.FromEdges(Columns[column] + Thickness + 4, Rows[row] + Thickness + 4, Columns[column + columnSpan] - Thickness - 4, Rows[row + rowSpan] - Thickness - 4);
            var glyphs = Math.Min(random.Next(1, 6), Math.Max(0, inner.Width / (glyphSize + 4)));
            var top = inner.Y + Math.Max(0, (inner.Height - glyphSize) / 2);
            for (var g = 0; g < glyphs; g++)
            {
                Glyph.Draw(image, new Rect(inner.X + (g * (glyphSize + 4)), top, glyphSize, Math.Min(glyphSize, inner.Height)), random);
            }
        }
    }

    private (int Row, int Column, int RowSpan, int ColumnSpan)? MergeAt(int row, int column)
    {
        foreach (var m in Merges)
        {
            if (row >= m.Row && row < m.Row + m.RowSpan && column >= m.Column && column < m.Column + m.ColumnSpan)
            {
                return m;
            }
        }

        return null;
    }
}

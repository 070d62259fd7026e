using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class GridBuilderTests
{
    [Fact]
    public void PlainGridHasItsRowsColumnsAndInnerBoxes()
    {
        var sketch = TableSketch.Even(50, 60, 100, 40, 4, 3, thickness: 3);

        var table = Assert.Single(Tables(sketch, 600, 300));

        Assert.Equal((3, 4), (table.RowCount, table.ColumnCount));
        Assert.Equal(sketch.Columns, table.ColumnBoundaries);
        Assert.Equal(sketch.Rows, table.RowBoundaries);
        Assert.Equal(12, table.Cells.Count);

        // The ruling's ink is one pixel either side of its centre; a margin of one more is left.
        var cell = table.CellAt(1, 2)!;
        Assert.Equal(Rect.FromEdges(253, 103, 348, 138), cell.Box);
        Assert.Equal(new Rect(50, 60, 400, 120), table.Bounds);
    }

    [Fact]
    public void MergedCellsGetSpansAndAreListedOnceWhereTheyStart()
    {
        var sketch = TableSketch.Even(40, 40, 80, 50, 6, 5, 2, (0, 0, 2, 1), (0, 1, 1, 3), (2, 2, 2, 2), (4, 0, 1, 6));

        var table = Assert.Single(Tables(sketch, 600, 350));

        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
        Assert.Equal([1, 2, 3, 4, 5], table.Rows[1].Select(c => c.Column));
        Assert.Equal([0, 1, 4, 5], table.Rows[3].Select(c => c.Column));
        Assert.Single(table.Rows[4]);
        Assert.Same(table.Rows[0][0], table.CellAt(1, 0));

        var wide = table.CellAt(3, 3)!;
        Assert.Equal((2, 2, 2, 2), (wide.Row, wide.Column, wide.RowSpan, wide.ColumnSpan));
        Assert.Equal(Rect.FromEdges(203, 143, 359, 239), wide.Box);
    }

    [Fact]
    public void TablesThreeAndFourOnOnePageAreTwoTablesWithTheirShapes()
    {
        var page = GrayImage.Blank(1240, 1754);
        var three = ApplicationsTable(left: 60, top: 80);
        var four = ReviewLitigationTable(left: 60, top: 1450);
        three.Draw(page);
        three.DrawText(page, 20, seed: 1);
        four.Draw(page);
        four.DrawText(page, 16, seed: 2);

        var tables = Build(Binarizer.Default.Apply(page));

        Assert.Equal(2, tables.Count);
        Assert.Equal((28, 9), (tables[0].RowCount, tables[0].ColumnCount));
        Assert.Equal(three.ExpectedCells(), tables[0].Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
        Assert.Equal((4, 15), (tables[1].RowCount, tables[1].ColumnCount));
        Assert.Equal(four.ExpectedCells(), tables[1].Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
        Assert.Equal(15, tables[1].Rows[3].Count);
    }

    [Fact]
    public void EndOfOneTableAndStartOfAnotherAreSeparate()
    {
        var page = GrayImage.Blank(800, 600);
        TableSketch.Even(50, 40, 140, 40, 5, 4, 2).Draw(page);
        TableSketch.Even(50, 260, 100, 45, 7, 3, 2, (0, 0, 1, 7)).Draw(page);

        var tables = Build(Binarizer.Default.Apply(page));

        Assert.Equal([(4, 5), (3, 7)], tables.Select(t => (t.RowCount, t.ColumnCount)));
        Assert.Equal(7, tables[1].Rows[0].Single().ColumnSpan);
    }

    [Fact]
    public void BrokenNoisyRulingsWithTextStillGiveTheGrid()
    {
        var page = GrayImage.Blank(1240, 1000);
        var sketch = TableSketch.Even(60, 60, 130, 70, 8, 8, 3, (0, 0, 2, 2), (0, 2, 1, 6), (2, 0, 6, 1));
        sketch.Draw(page, value: 40);
        sketch.DrawText(page, 26, seed: 5);
        var random = new Random(8);
        foreach (var line in sketch.Lines())
        {
            // A worn scan: breaks of a pixel or two, and some longer than the detector bridges.
            var along = line.Width > line.Height;
            for (var i = 0; i < 3; i++)
            {
                var at = random.Next(8, Math.Max(9, (along ? line.Width : line.Height) - 14));
                var gap = i == 0 ? 7 : 2;
                page.Fill(along ? new Rect(line.X + at, line.Y, gap, line.Height) : new Rect(line.X, line.Y + at, line.Width, gap), 255);
            }
        }

        ScanNoise.Add(page, deviation: 15, speckRate: 0.003, seed: 4);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
        Assert.Equal(sketch.Columns, table.ColumnBoundaries);
    }

    [Fact]
    public void LineBrokenIntoPiecesTooShortForRulingsIsReadFromThePage()
    {
        // Narrow number columns, 60 pixels at about 150 dpi; across one column, each row line is
        // broken twice, by a little more than the detector bridges, leaving a piece in the middle
        // shorter than a ruling must be.
        var page = GrayImage.Blank(1240, 1754);
        var sketch = TableSketch.Even(100, 100, 60, 40, 8, 5, 2, (0, 0, 1, 8));
        sketch.Draw(page);
        for (var r = 1; r < 5; r++)
        {
            page.Fill(new Rect(292, 100 + (r * 40) - 1, 5, 4), 255);
            page.Fill(new Rect(318, 100 + (r * 40) - 1, 5, 4), 255);
        }

        var ink = Binarizer.Default.Apply(page);
        var rulings = RulingDetector.ForPage(ink).Detect(ink);
        var builder = GridBuilder.ForPage(ink.Width, ink.Height);

        var table = Assert.Single(builder.Build(rulings, ink));
        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));

        // From the rulings alone the column's cells run together.
        Assert.NotEqual(1, Assert.Single(builder.Build(rulings)).CellAt(2, 3)!.RowSpan);
    }

    [Fact]
    public void TextInAMergedCellLinedUpWithABoundaryDoesNotSplitIt()
    {
        // The header spans all four columns; under it, a stroke of its text stands exactly where
        // the boundary between the second and third columns runs below, from the top ruling down.
        var page = GrayImage.Blank(1240, 1754);
        var sketch = TableSketch.Even(100, 100, 150, 60, 4, 3, 2, (0, 0, 1, 4));
        sketch.Draw(page);
        page.Fill(new Rect(400, 103, 3, 40), 0);
        page.Fill(new Rect(380, 120, 60, 3), 0);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
    }

    [Fact]
    public void PlacesOutsideARaggedOutlineAreNotCells()
    {
        // A 3 × 3 table whose bottom-right place was never ruled: its outline is an L.
        var page = GrayImage.Blank(500, 300);
        var sketch = TableSketch.Even(40, 40, 120, 60, 3, 3, 2);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(282, 162, 420, 230), 255);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(8, table.Cells.Count);
        Assert.Null(table.CellAt(2, 2));
        Assert.NotNull(table.CellAt(2, 1));
    }

    [Fact]
    public void BoxedCharactersAndUnderlinesAreNotTables()
    {
        // A 150 dpi page: a heading and body text in which characters such as 口, 日, 田 and 目
        // (frames with bars) come in pairs between others, close enough for their bars to join.
        var page = GrayImage.Blank(1240, 1754);
        var random = new Random(6);
        var y = 60;
        foreach (var (size, lines) in new[] { (33, 2), (22, 14) })
        {
            for (var line = 0; line < lines; line++, y += size * 2)
            {
                for (var g = 0; g < 900 / (size + 2); g++)
                {
                    var box = new Rect(80 + (g * (size + 2)), y, size, size);
                    if (g % 5 is 1 or 2)
                    {
                        Frame(page, box, Math.Max(2, size / 12));
                    }
                    else
                    {
                        Glyph.Draw(page, box, random, value: 0);
                    }
                }
            }
        }

        page.Fill(new Rect(80, y + 40, 900, 2), 0);

        Assert.Empty(Build(Binarizer.Default.Apply(page)));
    }

    /// <summary>A character drawn as a frame with a bar across and one down, like 田.</summary>
    private static void Frame(GrayImage page, Rect box, int stroke)
    {
        page.Fill(box with { Height = stroke }, 0);
        page.Fill(box with { Y = box.Bottom - stroke, Height = stroke }, 0);
        page.Fill(box with { Width = stroke }, 0);
        page.Fill(box with { X = box.Right - stroke, Width = stroke }, 0);
        page.Fill(box with { Y = box.Y + (box.Height / 2), Height = stroke }, 0);
        page.Fill(box with { X = box.X + (box.Width / 2), Width = stroke }, 0);
    }

    /// <summary>Table 三: three header rows over 25 data rows; two label columns and seven of numbers.</summary>
    internal static TableSketch ApplicationsTable(int left, int top)
    {
        int[] widths = [130, 300, 80, 80, 80, 80, 80, 80, 80];
        int[] heights = [44, 44, 44, .. Enumerable.Repeat(44, 25)];
        return new TableSketch(
            [left, .. widths.Select((_, i) => left + widths[..(i + 1)].Sum())],
            [top, .. heights.Select((_, i) => top + heights[..(i + 1)].Sum())],
            [
                (0, 0, 3, 2), (0, 2, 1, 7), (1, 2, 2, 1), (1, 3, 1, 5), (1, 8, 2, 1),
                (3, 0, 1, 2), (4, 0, 1, 2), (5, 0, 22, 1), (27, 0, 1, 2),
            ],
            Thickness: 2);
    }

    /// <summary>Table 四: 行政复议 and 行政诉讼 with its two groups over fifteen columns, then one row of numbers.</summary>
    internal static TableSketch ReviewLitigationTable(int left, int top) =>
        TableSketch.Even(left, top, 70, 50, 15, 4, 2, (0, 0, 2, 5), (0, 5, 1, 10), (1, 5, 1, 5), (1, 10, 1, 5));

    /// <summary>
    /// The vertical stroke of 十 in a tight row, as long as the row is high and within the tolerance of both of
    /// its lines, bridged to the lower one by the detector: no ruling, since its ink stops short of the upper line.
    /// </summary>
    [Fact]
    public void CharacterStrokeInATightRowIsNotAColumn()
    {
        var sketch = TableSketch.Even(40, 40, 200, 30, 3, 3, thickness: 2);
        var page = GrayImage.Blank(1240, 400);
        sketch.Draw(page);
        var row = sketch.Rows[1];
        page.Fill(Rect.FromEdges(140, row + 5, 143, sketch.Rows[2] - 2), 0);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(sketch.Columns, table.ColumnBoundaries);
        Assert.Equal(9, table.Cells.Count);
    }

    /// <summary>
    /// The same character in the same place in two tight rows ("…公开申请数量" twice): the strokes of 申 line up
    /// into one vertical two rows long that touches the lines at both ends, but the bars of 申 cross it, and a
    /// ruling has clear paper beside it.
    /// </summary>
    [Fact]
    public void CharacterStrokesLinedUpInTwoTightRowsAreNotAColumn()
    {
        var sketch = TableSketch.Even(40, 40, 200, 30, 3, 4, thickness: 2);
        var page = GrayImage.Blank(1240, 1754);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(140, sketch.Rows[1], 143, sketch.Rows[3] + 1), 0);
        foreach (var row in sketch.Rows.Skip(1).Take(2))
        {
            foreach (var bar in (int[])[8, 15, 22])
            {
                page.Fill(Rect.FromEdges(130, row + bar, 153, row + bar + 3), 0);
            }
        }

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(sketch.Columns, table.ColumnBoundaries);
        Assert.Equal(12, table.Cells.Count);
    }

    /// <summary>The same stroke joined to both lines is a ruling: the check does not drop real short rulings.</summary>
    [Fact]
    public void ShortRulingJoinedToBothLinesIsAColumn()
    {
        var sketch = TableSketch.Even(40, 40, 200, 30, 3, 3, thickness: 2);
        var page = GrayImage.Blank(1240, 400);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(140, sketch.Rows[1], 142, sketch.Rows[2] + 1), 0);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(4, table.ColumnCount);
        Assert.Contains(table.ColumnBoundaries, b => Math.Abs(b - 141) <= 2);
    }

    /// <summary>
    /// A short ruling two rows long, crossed halfway by a line whose edge rows are worn away on both sides of it
    /// (a degraded scan): those rows are the crossing line's, not the bars of a character, and the column stays.
    /// </summary>
    [Fact]
    public void ShortRulingCrossedByAWornLineIsAColumn()
    {
        var sketch = TableSketch.Even(40, 40, 200, 30, 3, 4, thickness: 4);
        var page = GrayImage.Blank(1240, 1754);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(140, sketch.Rows[1] - 1, 144, sketch.Rows[3] + 3), 0);
        // The crossing line is drawn over rows Rows[2] - 1 to Rows[2] + 2; its top and bottom rows are worn.
        foreach (var edge in (int[])[sketch.Rows[2] - 1, sketch.Rows[2] + 2])
        {
            page.Fill(Rect.FromEdges(126, edge, 131, edge + 1), 255);
            page.Fill(Rect.FromEdges(153, edge, 158, edge + 1), 255);
        }

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(4, table.ColumnCount);
        Assert.Contains(table.ColumnBoundaries, b => Math.Abs(b - 142) <= 3);
    }

    /// <summary>
    /// A table whose right border is too faint to find (a thin light line on a worn scan): its rows' lines still
    /// run on to where it was, and the last column is kept.
    /// </summary>
    [Fact]
    public void TableWithoutItsRightBorderKeepsItsLastColumn()
    {
        var sketch = TableSketch.Even(40, 40, 200, 40, 4, 4, thickness: 3);
        var page = GrayImage.Blank(1240, 400);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(sketch.Columns[^1] - 3, 30, sketch.Columns[^1] + 4, 220), 255);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(4, table.ColumnCount);
        Assert.Equal(16, table.Cells.Count);
    }

    /// <summary>A table continued from the previous page, its top line printed there: the first row is kept.</summary>
    [Fact]
    public void TableOpenAtThePageBreakKeepsItsFirstRow()
    {
        var sketch = TableSketch.Even(40, 40, 200, 40, 3, 3, thickness: 2);
        var page = GrayImage.Blank(1240, 400);
        sketch.Draw(page);
        page.Fill(Rect.FromEdges(30, 38, 660, 43), 255);

        var table = Assert.Single(Build(Binarizer.Default.Apply(page)));

        Assert.Equal(3, table.RowCount);
        Assert.InRange(table.RowBoundaries[0], 38, 46);
        Assert.Equal(sketch.Rows.Skip(1), table.RowBoundaries.Skip(1));
    }

    /// <summary>From the rulings alone, without the page's pixels.</summary>
    private static IReadOnlyList<TableGrid> Tables(TableSketch sketch, int width, int height)
    {
        var page = GrayImage.Blank(width, height);
        sketch.Draw(page);
        var ink = Binarizer.Default.Apply(page);
        return GridBuilder.ForPage(width, height).Build(RulingDetector.ForPage(ink).Detect(ink));
    }

    private static IReadOnlyList<TableGrid> Build(BinaryImage ink) =>
        GridBuilder.ForPage(ink.Width, ink.Height).Build(RulingDetector.ForPage(ink).Detect(ink), ink);
}

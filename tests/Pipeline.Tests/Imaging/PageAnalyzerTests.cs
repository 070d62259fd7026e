using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class PageAnalyzerTests
{
    [Fact]
    public void SkewedNoisyColourScanWithASealGivesTableThree()
    {
        var drawing = GrayImage.Blank(1240, 1754);
        var sketch = GridBuilderTests.ApplicationsTable(left: 60, top: 120);
        sketch.Draw(drawing);
        sketch.DrawText(drawing, 20, seed: 7);

        // A seal is round: stamping it after the turn is the same as before.
        var page = ColourPage.From(Rotation.Rotate(drawing, 1.3));
        SealStamp.Stamp(page, centreX: 800, centreY: 700, radius: 160);
        ColourPage.AddNoise(page, amplitude: 18, seed: 3);

        var analysis = PageAnalyzer.Default.Analyze(page);

        Assert.InRange(analysis.Skew, 1.2, 1.4);
        var table = Assert.Single(analysis.Tables);
        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));

        // Straightened, the table is back where it was drawn, give or take a pixel or two.
        Assert.All(table.ColumnBoundaries.Zip(sketch.Columns), p => Assert.InRange(p.First, p.Second - 3, p.Second + 3));
        Assert.All(table.RowBoundaries.Zip(sketch.Rows), p => Assert.InRange(p.First, p.Second - 3, p.Second + 3));

        // Where the seal lay is straightened with the page: all its ink still lies around where it was stamped.
        Assert.NotNull(analysis.Seal);
        var sealInk = analysis.SealInk(analysis.Page.Bounds);
        Assert.True(sealInk > 10_000, $"seal ink {sealInk}");
        Assert.Equal(sealInk, analysis.SealInk(new Rect(800 - 175, 700 - 175, 350, 350)));
        Assert.Equal(0, analysis.SealInk(new Rect(0, 0, 600, 500)));

        // Cell boxes hold none of the cell's rulings: no edge of a box is mostly ink.
        var ink = analysis.Ink;
        foreach (var box in table.Cells.Select(c => c.Box))
        {
            Rect[] edges = [box with { Height = 1 }, box with { Y = box.Bottom - 1, Height = 1 }, box with { Width = 1 }, box with { X = box.Right - 1, Width = 1 }];
            Assert.All(edges, edge => Assert.True(ink.CountInk(edge) < Math.Max(edge.Width, edge.Height) / 2, $"ruling inside {box}"));
        }
    }

    [Fact]
    public void StraightGreyPageIsLeftAsItIs()
    {
        var page = GrayImage.Blank(1240, 1754);
        var sketch = GridBuilderTests.ReviewLitigationTable(left: 70, top: 300);
        sketch.Draw(page);

        var analysis = PageAnalyzer.Default.Analyze(page);

        Assert.Equal(0, analysis.Skew, 0.02);
        Assert.Same(page, analysis.Page);
        var table = Assert.Single(analysis.Tables);
        Assert.Equal(sketch.Columns, table.ColumnBoundaries);
        Assert.Equal(sketch.ExpectedCells(), table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)));
    }

    [Fact]
    public void PageWithoutTablesHasNone()
    {
        var page = GrayImage.Blank(1240, 1754);
        var random = new Random(2);
        for (var line = 0; line < 30; line++)
        {
            for (var g = 0; g < 25; g++)
            {
                Glyph.Draw(page, new Rect(100 + (g * 40), 100 + (line * 50), 36, 36), random);
            }
        }

        var analysis = PageAnalyzer.Default.Analyze(Rotation.Rotate(page, -0.8));

        Assert.InRange(analysis.Skew, -0.9, -0.7);
        Assert.Empty(analysis.Tables);
    }
}

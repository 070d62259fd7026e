using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>A band of a page is cut to its lines of text before it is read; a band with none is not read.</summary>
public sealed class TextExtentTests
{
    [Fact]
    public void ABandIsCutToItsLinesOfTextWithAMargin()
    {
        var ink = BinaryImage.Blank(1000, 800);
        Fill(ink, new Rect(100, 300, 600, 40));
        Fill(ink, new Rect(100, 360, 300, 40));

        var text = TextExtent.Of(ink, ink.Bounds);

        Assert.Equal(Rect.FromEdges(84, 284, 716, 416), text);
    }

    /// <summary>The last ruling of a table above, a few specks and a full stop on their own are not text.</summary>
    [Fact]
    public void ARulingAndSpecksAreNotText()
    {
        var ink = BinaryImage.Blank(1000, 800);
        Fill(ink, new Rect(50, 2, 900, 3));
        Fill(ink, new Rect(400, 500, 8, 8));
        ink[700, 600] = true;

        Assert.Null(TextExtent.Of(ink, ink.Bounds));
    }

    /// <summary>Only the band asked about is looked at: text above it belongs to another band.</summary>
    [Fact]
    public void TextOutsideTheBandIsLeftOut()
    {
        var ink = BinaryImage.Blank(1000, 800);
        Fill(ink, new Rect(100, 100, 600, 40));
        Fill(ink, new Rect(200, 600, 100, 40));

        var text = TextExtent.Of(ink, Rect.FromEdges(0, 400, 1000, 800));

        Assert.Equal(Rect.FromEdges(184, 584, 316, 656), text);
    }

    /// <summary>A character's parts with a row or two of paper between them (二, 三) are one line, not two specks.</summary>
    [Fact]
    public void ThinStrokesWithGapsBetweenThemAreOneLine()
    {
        var ink = BinaryImage.Blank(400, 200);
        for (var y = 80; y < 110; y += 3)
        {
            Fill(ink, new Rect(100, y, 40, 1));
        }

        Assert.NotNull(TextExtent.Of(ink, ink.Bounds));
    }

    private static void Fill(BinaryImage ink, Rect area)
    {
        for (var y = area.Y; y < area.Bottom; y++)
        {
            for (var x = area.X; x < area.Right; x++)
            {
                ink[x, y] = true;
            }
        }
    }
}

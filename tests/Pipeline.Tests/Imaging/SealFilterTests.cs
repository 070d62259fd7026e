using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class SealFilterTests
{
    [Fact]
    public void RedDiscOverACellTurnsWhiteWhileRulingsAndTextUnderItStayBlack()
    {
        var page = RgbImage.Blank(400, 300);
        var table = TableSketch.Even(20, 20, 120, 80, 3, 3);
        table.Draw(page);
        page.Fill(new Rect(170, 130, 40, 6), 0, 0, 0);
        SealStamp.Stamp(page, centreX: 200, centreY: 140, radius: 70);

        // Black printed over by the seal stays black: a ruling, and a stroke of text.
        page.Fill(new Rect(150, 99, 100, 3), 0, 0, 0);
        page.Fill(new Rect(170, 130, 40, 6), 25, 5, 5);

        var gray = SealFilter.Default.Apply(page);

        Assert.True(gray[200, 170] > 230, "seal ink");
        Assert.True(gray[150, 150] > 230, "seal ink");
        Assert.Equal(255, gray[220, 115]);
        Assert.True(gray[200, 100] < 40, "ruling under the seal");
        Assert.True(gray[180, 132] < 40, "text under the seal");
        Assert.True(gray[260, 100] < 40, "ruling beside the seal");

        var ink = Binarizer.Default.Apply(gray);
        Assert.Equal(0, ink.CountInk(new Rect(145, 140, 20, 35)));
    }

    /// <summary>
    /// Where the seal lay is kept beside the page it was taken out of: seal ink is marked, print under it and
    /// beside it is not, so the reader can tell which values were read through the seal.
    /// </summary>
    [Fact]
    public void SeparatedSealMarksItsInkAndNotThePrintUnderOrBesideIt()
    {
        var page = RgbImage.Blank(400, 300);
        TableSketch.Even(20, 20, 120, 80, 3, 3).Draw(page);
        SealStamp.Stamp(page, centreX: 200, centreY: 140, radius: 70);
        page.Fill(new Rect(170, 130, 40, 6), 25, 5, 5);

        var separated = SealFilter.Default.Separate(page);

        var seal = Assert.IsType<GrayImage>(separated.Seal);
        Assert.Equal((page.Width, page.Height), (seal.Width, seal.Height));
        Assert.Equal(0, seal[200, 140 + 68]);
        Assert.Equal(0, seal[200, 140]);
        Assert.Equal(255, seal[180, 132]);
        Assert.Equal(255, seal[260, 100]);
        Assert.Equal(255, seal[10, 10]);
        Assert.Equal(SealFilter.Default.Apply(page).Pixels, separated.Page.Pixels);
    }

    [Fact]
    public void PageWithoutRedHasNoSeal()
    {
        var page = RgbImage.Blank(60, 40);
        page.Fill(new Rect(10, 10, 20, 5), 0, 0, 0);

        Assert.Null(SealFilter.Default.Separate(page).Seal);
    }

    [Fact]
    public void OrangeAndPaleSealInkIsRemovedButGreyIsNot()
    {
        // The seal's red is the median of the three seal pixels, 235; the last pixel is black print seen through it.
        var page = new RgbImage(5, 1, [240, 140, 30, 235, 150, 150, 200, 40, 50, 128, 128, 128, 16, 3, 4]);

        var gray = SealFilter.Default.Apply(page);

        Assert.Equal(255, gray[0, 0]);
        Assert.True(gray[1, 0] > 225, "pale pink");
        Assert.True(gray[2, 0] > 210, "seal ink darker than the seal's usual red is light grey, not ink");
        Assert.Equal(128, gray[3, 0]);
        Assert.True(gray[4, 0] < 40, "black text seen through the seal");
    }

    /// <summary>
    /// A thin ruling (grey 120) under the seal, as JPEG stores it: its darkness is kept, but its colour is the
    /// seal's, borrowed from its neighbours, so its red is high (152, 22, 22). The red channel alone would fade
    /// it to 176, and the grid would lose the line.
    /// </summary>
    [Fact]
    public void ThinRulingUnderTheSealWithTheSealsColourStaysDark()
    {
        var seal = Enumerable.Repeat(new byte[] { 220, 90, 90 }, 8).SelectMany(p => p);
        var page = new RgbImage(10, 1, [.. seal, 152, 22, 22, 255, 255, 255]);

        var gray = SealFilter.Default.Apply(page);

        Assert.InRange(gray[8, 0], 100, 140);
        Assert.Equal(255, gray[0, 0]);
    }

    [Fact]
    public void GreyEdgeOfAStrokeUnderTheSealKeepsItsGrey()
    {
        // A stroke's anti-aliased edge (grey 150) under seal ink (220, 90, 90): multiplied, it is
        // (129, 52, 52), redder than most of the seal. Whitening it broke thin digits apart.
        var seal = Enumerable.Repeat(new byte[] { 220, 90, 90 }, 8).SelectMany(p => p);
        var page = new RgbImage(10, 1, [.. seal, 129, 52, 52, 255, 255, 255]);

        var gray = SealFilter.Default.Apply(page);

        Assert.Equal(255, gray[0, 0]);
        Assert.InRange(gray[8, 0], 135, 165);
        Assert.Equal(255, gray[9, 0]);
    }

    /// <summary>
    /// The seal's thin inner ring as JPEG stores it: pale pink (216, 150, 162), its redness halved by colour kept
    /// at half resolution, and well away from the seal's strong red. Left grey, it ran through the cells under the
    /// seal as dashes, and a "0" with a dash beside it read as nothing.
    /// </summary>
    [Fact]
    public void PalePinkStrokeOfTheSealAwayFromItsStrongRedIsTakenOut()
    {
        var seal = Enumerable.Repeat(new byte[] { 220, 90, 90 }, 8).SelectMany(p => p);
        var paper = Enumerable.Repeat(new byte[] { 250, 250, 250 }, 20).SelectMany(p => p);
        var page = new RgbImage(31, 1, [.. seal, .. paper, 216, 150, 162, 250, 250, 250, 250, 250, 250]);

        var gray = SealFilter.Default.Apply(page);

        Assert.True(gray[28, 0] > 225, $"pale ring {gray[28, 0]}");
        Assert.Equal(250, gray[10, 0]);
    }

    /// <summary>Grey print beside the seal, with a little colour noise, is not taken for a pale stroke of it.</summary>
    [Fact]
    public void DarkPrintWithColourNoiseNearASealKeepsItsGrey()
    {
        var seal = Enumerable.Repeat(new byte[] { 220, 90, 90 }, 8).SelectMany(p => p);
        var paper = Enumerable.Repeat(new byte[] { 250, 250, 250 }, 20).SelectMany(p => p);
        var page = new RgbImage(31, 1, [.. seal, .. paper, 110, 80, 80, 250, 250, 250, 250, 250, 250]);

        var gray = SealFilter.Default.Apply(page);

        Assert.InRange(gray[28, 0], 80, 95);
    }
}

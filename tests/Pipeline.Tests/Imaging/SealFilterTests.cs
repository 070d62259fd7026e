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

        Assert.Equal(255, gray[200, 170]);
        Assert.Equal(255, gray[150, 150]);
        Assert.Equal(255, gray[220, 115]);
        Assert.True(gray[200, 100] < 40, "ruling under the seal");
        Assert.True(gray[180, 132] < 40, "text under the seal");
        Assert.True(gray[260, 100] < 40, "ruling beside the seal");

        var ink = Binarizer.Default.Apply(gray);
        Assert.Equal(0, ink.CountInk(new Rect(145, 140, 20, 35)));
    }

    [Fact]
    public void OrangeAndPaleSealInkIsRemovedButGreyIsNot()
    {
        var page = new RgbImage(5, 1, [240, 140, 30, 235, 150, 150, 200, 40, 50, 128, 128, 128, 90, 30, 25]);

        var gray = SealFilter.Default.Apply(page);

        Assert.Equal(255, gray[0, 0]);
        Assert.True(gray[1, 0] > 225, "pale pink");
        Assert.Equal(255, gray[2, 0]);
        Assert.Equal(128, gray[3, 0]);
        Assert.True(gray[4, 0] < 60, "dark red is black text seen through the seal");
    }
}

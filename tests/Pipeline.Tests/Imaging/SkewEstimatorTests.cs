using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class SkewEstimatorTests
{
    [Theory]
    [InlineData(-2.7)]
    [InlineData(-1.3)]
    [InlineData(-0.35)]
    [InlineData(0)]
    [InlineData(0.6)]
    [InlineData(1.85)]
    [InlineData(2.95)]
    public void SkewOfATablePageIsFoundWithinATenthOfADegree(double degrees)
    {
        var page = TablePage(seed: 3);

        var ink = Binarizer.Default.Apply(Rotation.Rotate(page, degrees));
        var skew = SkewEstimator.Default.Estimate(ink);

        Assert.InRange(skew, degrees - 0.1, degrees + 0.1);
    }

    [Theory]
    [InlineData(-1.1)]
    [InlineData(2.2)]
    public void SkewOfAPageOfTextIsFound(double degrees)
    {
        var page = GrayImage.Blank(1000, 1300);
        var random = new Random(11);
        for (var line = 0; line < 28; line++)
        {
            var glyphs = random.Next(10, 24);
            for (var g = 0; g < glyphs; g++)
            {
                Glyph.Draw(page, new Rect(100 + (g * 34), 120 + (line * 40), 30, 30), random);
            }
        }

        var skew = SkewEstimator.Default.Estimate(Binarizer.Default.Apply(Rotation.Rotate(page, degrees)));

        Assert.InRange(skew, degrees - 0.1, degrees + 0.1);
    }

    [Fact]
    public void NoisyScanOfATableIsFound()
    {
        var page = Rotation.Rotate(TablePage(seed: 4), -1.45);
        ScanNoise.Add(page, deviation: 14, speckRate: 0.002, seed: 9);

        var skew = SkewEstimator.Default.Estimate(Binarizer.Default.Apply(page));

        Assert.InRange(skew, -1.55, -1.35);
    }

    [Fact]
    public void BlankPageIsStraight()
    {
        Assert.Equal(0, SkewEstimator.Default.Estimate(BinaryImage.Blank(300, 200)));
    }

    /// <summary>A 150 dpi page with a heading, a paragraph and a table holding text.</summary>
    internal static GrayImage TablePage(int seed)
    {
        var page = GrayImage.Blank(1100, 1500);
        var random = new Random(seed);
        for (var g = 0; g < 12; g++)
        {
            Glyph.Draw(page, new Rect(300 + (g * 40), 90, 36, 36), random);
        }

        var table = TableSketch.Even(80, 200, 105, 44, 9, 24, 2, (0, 0, 3, 2), (0, 2, 1, 7), (3, 0, 20, 1));
        table.Draw(page);
        table.DrawText(page, 22, seed);
        return page;
    }
}

using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class RotationTests
{
    private static readonly GrayImage Sample = new(3, 2, [1, 2, 3, 4, 5, 6]);

    [Fact]
    public void QuarterTurnCounterClockwise()
    {
        var turned = Rotation.RotateQuarterTurns(Sample, 1);

        // 1 2 3      3 6
        // 4 5 6  ->  2 5
        //            1 4
        Assert.Equal((2, 3), (turned.Width, turned.Height));
        Assert.Equal([3, 6, 2, 5, 1, 4], turned.Pixels);
    }

    [Fact]
    public void QuarterTurnClockwiseAndHalfTurn()
    {
        Assert.Equal([4, 1, 5, 2, 6, 3], Rotation.RotateQuarterTurns(Sample, -1).Pixels);
        Assert.Equal([4, 1, 5, 2, 6, 3], Rotation.RotateQuarterTurns(Sample, 3).Pixels);
        Assert.Equal([6, 5, 4, 3, 2, 1], Rotation.RotateQuarterTurns(Sample, 2).Pixels);
    }

    [Theory]
    [InlineData(90, 1)]
    [InlineData(180, 2)]
    [InlineData(270, 3)]
    [InlineData(-90, 3)]
    [InlineData(360, 0)]
    public void RightAnglesAreExact(double degrees, int turns)
    {
        var image = new GrayImage(37, 23, [.. Enumerable.Range(0, 37 * 23).Select(i => (byte)(i * 7))]);

        Assert.Equal(Rotation.RotateQuarterTurns(image, turns).Pixels, Rotation.Rotate(image, degrees).Pixels);
    }

    [Fact]
    public void FourQuarterTurnsGiveTheImageBack()
    {
        var image = new GrayImage(70, 45, [.. Enumerable.Range(0, 70 * 45).Select(i => (byte)(i * 13))]);

        var turned = image;
        for (var i = 0; i < 4; i++)
        {
            turned = Rotation.RotateQuarterTurns(turned, 1);
        }

        Assert.Equal(image.Pixels, turned.Pixels);
    }

    [Fact]
    public void SmallTurnIsCounterClockwiseAboutTheCentre()
    {
        // A horizontal line through the centre, turned 2° counter-clockwise, rises to the right.
        var image = GrayImage.Blank(801, 401);
        image.Fill(new Rect(100, 199, 601, 3), 0);

        var turned = Rotation.Rotate(image, 2);

        var rise = Math.Tan(2 * Math.PI / 180) * 250;
        Assert.InRange(DarkestRow(turned, 150), 200 + rise - 0.3, 200 + rise + 0.3);
        Assert.InRange(DarkestRow(turned, 650), 200 - rise - 0.3, 200 - rise + 0.3);
        Assert.InRange(DarkestRow(turned, 400), 199.7, 200.3);
    }

    [Fact]
    public void CornersTurnedInAreWhite()
    {
        var turned = Rotation.Rotate(GrayImage.Blank(200, 100, 0), 10);

        Assert.Equal(255, turned[0, 0]);
        Assert.Equal(255, turned[199, 99]);
        Assert.Equal(0, turned[100, 50]);
    }

    [Fact]
    public void TurningThereAndBackKeepsALine()
    {
        var image = GrayImage.Blank(600, 400);
        image.Fill(new Rect(50, 100, 500, 2), 0);

        var back = Rotation.Rotate(Rotation.Rotate(image, 1.7), -1.7);

        Assert.InRange(DarkestRow(back, 100), 100.2, 100.8);
        Assert.InRange(DarkestRow(back, 500), 100.2, 100.8);
    }

    /// <summary>Centre of darkness along one column, weighted by how dark each pixel is.</summary>
    private static double DarkestRow(GrayImage image, int x)
    {
        double weight = 0, sum = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var dark = 255 - image[x, y];
            weight += dark;
            sum += dark * y;
        }

        return sum / weight;
    }
}

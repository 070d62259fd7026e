using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class RulingDetectorTests
{
    private static readonly RulingDetector Detector = new(MinHorizontalLength: 60, MinVerticalLength: 30, MaxGap: 6, MaxThickness: 12);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void LineOfAGivenThicknessIsOneRuling(int thickness)
    {
        var image = BinaryImage.Blank(400, 300);
        Fill(image, new Rect(50, 100, 300, thickness));
        Fill(image, new Rect(200, 20, thickness, 250));

        var rulings = Detector.Detect(image);

        var horizontal = Assert.Single(rulings.Horizontal);
        Assert.Equal(new Ruling(Orientation.Horizontal, 100 + ((thickness - 1) / 2), 50, 350, thickness), horizontal);
        Assert.Equal(new Rect(50, 100, 300, thickness), horizontal.Box);
        var vertical = Assert.Single(rulings.Vertical);
        Assert.Equal(new Ruling(Orientation.Vertical, 200 + ((thickness - 1) / 2), 20, 270, thickness), vertical);
    }

    [Fact]
    public void SmallGapsAreBridgedAndLargeOnesAreNot()
    {
        var image = BinaryImage.Blank(600, 200);

        // A scan line broken in three small places, and one broken wide open.
        Fill(image, new Rect(20, 50, 560, 2));
        Clear(image, new Rect(100, 49, 5, 4));
        Clear(image, new Rect(300, 49, 6, 4));
        Clear(image, new Rect(301, 51, 2, 1));
        Fill(image, new Rect(20, 150, 560, 2));
        Clear(image, new Rect(250, 149, 40, 4));

        var rulings = Detector.Detect(image);

        Assert.Equal(3, rulings.Horizontal.Count);
        Assert.Equal((20, 580), (rulings.Horizontal[0].Start, rulings.Horizontal[0].End));
        Assert.Equal([(20, 250), (290, 580)], rulings.Horizontal.Skip(1).Select(r => (r.Start, r.End)));
    }

    [Fact]
    public void LineDriftingByARowIsOneRuling()
    {
        // A residual skew of about 0.2°: the line steps down one row every 250 pixels.
        var image = BinaryImage.Blank(1200, 100);
        for (var step = 0; step < 4; step++)
        {
            Fill(image, new Rect(100 + (step * 250), 40 + step, 250, 2));
        }

        var ruling = Assert.Single(Detector.Detect(image).Horizontal);

        // The thickness is the rows the slanted line spans, so that cells keep clear of all of it.
        Assert.Equal((100, 1100), (ruling.Start, ruling.End));
        Assert.Equal(42, ruling.Position);
        Assert.Equal((40, 45), (ruling.Near, ruling.Far));
    }

    [Fact]
    public void TextTouchingALineDoesNotMoveIt()
    {
        var gray = GrayImage.Blank(600, 200);
        gray.Fill(new Rect(20, 100, 560, 3), 0);
        var random = new Random(3);
        for (var g = 0; g < 12; g++)
        {
            // Characters sitting on the line, their lowest strokes merging with it.
            Glyph.Draw(gray, new Rect(40 + (g * 44), 62, 40, 40), random, value: 0);
        }

        // Strokes of neighbouring characters may chain into short lines of their own; the ruling
        // is the long one.
        var ruling = Assert.Single(Detector.Detect(Binarizer.Default.Apply(gray)).Horizontal, r => r.Length > 300);

        Assert.InRange(ruling.Position, 100, 102);
        Assert.InRange(ruling.Thickness, 3, 5);
        Assert.Equal((20, 580), (ruling.Start, ruling.End));
    }

    [Fact]
    public void FilledBlocksAndShortStrokesAreNotRulings()
    {
        var image = BinaryImage.Blank(500, 400);
        Fill(image, new Rect(50, 50, 300, 40));
        Fill(image, new Rect(50, 200, 40, 3));
        Fill(image, new Rect(400, 200, 3, 20));

        // A dotted leader line: ink in only half of it.
        for (var x = 50; x < 450; x += 8)
        {
            Fill(image, new Rect(x, 300, 4, 2));
        }

        var rulings = Detector.Detect(image);

        Assert.Empty(rulings.Horizontal);
        Assert.Empty(rulings.Vertical);
    }

    [Fact]
    public void SettingsScaleWithThePage()
    {
        var detector = RulingDetector.ForPage(2480, 3508);

        Assert.Equal(2480 / 30, detector.MinHorizontalLength);
        Assert.Equal(2480 / 60, detector.MinVerticalLength);
        Assert.Equal(2480 / 250, detector.MaxGap);
    }

    private static void Fill(BinaryImage image, Rect area) => Paint(image, area, true);

    private static void Clear(BinaryImage image, Rect area) => Paint(image, area, false);

    private static void Paint(BinaryImage image, Rect area, bool ink)
    {
        for (var y = area.Y; y < area.Bottom; y++)
        {
            image.Row(y).Slice(area.X, area.Width).Fill(ink);
        }
    }
}

using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class BinarizerTests
{
    [Fact]
    public void TextOnAGradientBackgroundIsFoundAndTheBackgroundIsNot()
    {
        // Paper from white on the left to a dark 110 on the right (a shadowed fold), with text
        // everywhere 70 levels darker than the paper around it.
        const int Width = 800, Height = 300;
        var image = new GrayImage(Width, Height, new byte[Width * Height]);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                image[x, y] = (byte)(255 - (145 * x / (Width - 1)));
            }
        }

        var text = BinaryImage.Blank(Width, Height);
        var random = new Random(5);
        for (var x = 20; x + 30 < Width; x += 40)
        {
            var mark = GrayImage.Blank(Width, Height);
            Glyph.Draw(mark, new Rect(x, 100, 30, 30), random, value: 0);
            for (var i = 0; i < mark.Pixels.Length; i++)
            {
                if (mark.Pixels[i] == 0)
                {
                    text.Ink[i] = true;
                    image.Pixels[i] = (byte)Math.Max(0, image.Pixels[i] - 70);
                }
            }
        }

        ScanNoise.Add(image, deviation: 6, speckRate: 0, seed: 1);

        var ink = Binarizer.Default.Apply(image);

        long found = 0, missed = 0, spurious = 0;
        for (var i = 0; i < ink.Ink.Length; i++)
        {
            (found, missed, spurious) = (text.Ink[i], ink.Ink[i]) switch
            {
                (true, true) => (found + 1, missed, spurious),
                (true, false) => (found, missed + 1, spurious),
                (false, true) => (found, missed, spurious + 1),
                _ => (found, missed, spurious),
            };
        }

        Assert.True(missed < found / 50, $"missed {missed} of {found + missed} text pixels");
        Assert.True(spurious < 200, $"{spurious} background pixels taken for ink");

        // A global threshold cannot do this: the darkest paper is darker than the lightest text.
        Assert.True(image[Width - 1, 10] < image[25, 110] + 80);
    }

    [Fact]
    public void NoisyBlankPaperStaysBlank()
    {
        var image = GrayImage.Blank(600, 400, 235);
        ScanNoise.Add(image, deviation: 12, speckRate: 0, seed: 2);

        var ink = Binarizer.Default.Apply(image);

        Assert.True(ink.CountInk() < 0.001 * 600 * 400, $"{ink.CountInk()} ink pixels on blank paper");
    }

    [Fact]
    public void WindowIsAFortiethOfTheWidth()
    {
        Assert.Equal(62, Binarizer.Default.WindowFor(2480));
        Assert.Equal(15, Binarizer.Default.WindowFor(100));
        Assert.Equal(31, new Binarizer(WindowSize: 31).WindowFor(2480));
    }
}

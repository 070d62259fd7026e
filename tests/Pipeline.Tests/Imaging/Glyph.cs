using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>
/// A stand-in for a Chinese character: strokes inside its square, as a CJK font draws them, with
/// the topmost and bottommost horizontal strokes near the square's edges and random ones between.
/// </summary>
internal static class Glyph
{
    public static void Draw(GrayImage image, Rect box, Random random, byte value = 20)
    {
        var stroke = Math.Max(1, box.Width / 12);
        var margin = Math.Max(1, box.Height / 10);
        Horizontal(image, box, box.Y + random.Next(margin), stroke, random, value);
        Horizontal(image, box, box.Bottom - stroke - random.Next(margin), stroke, random, value);
        var strokes = random.Next(2, 6);
        for (var s = 0; s < strokes; s++)
        {
            if (random.Next(2) == 0)
            {
                Horizontal(image, box, box.Y + random.Next(Math.Max(1, box.Height - stroke)), stroke, random, value);
            }
            else
            {
                var x = box.X + random.Next(Math.Max(1, box.Width - stroke));
                var y0 = box.Y + random.Next(box.Height / 2);
                var y1 = Math.Min(box.Bottom, y0 + random.Next(box.Height / 3, box.Height));
                image.Fill(Rect.FromEdges(x, y0, x + stroke, y1), value);
            }
        }
    }

    private static void Horizontal(GrayImage image, Rect box, int y, int stroke, Random random, byte value)
    {
        var x0 = box.X + random.Next(box.Width / 2);
        var x1 = Math.Min(box.Right, x0 + random.Next(box.Width / 3, box.Width));
        image.Fill(Rect.FromEdges(x0, y, x1, y + stroke), value);
    }
}

using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>Red seals (公章) stamped over a synthetic page.</summary>
internal static class SealStamp
{
    /// <summary>A seal: a red ring and a red star, a little uneven as stamped ink is.</summary>
    public static void Stamp(RgbImage page, int centreX, int centreY, int radius)
    {
        var random = new Random(radius);
        for (var y = centreY - radius; y <= centreY + radius; y++)
        {
            for (var x = centreX - radius; x <= centreX + radius; x++)
            {
                if ((uint)x >= (uint)page.Width || (uint)y >= (uint)page.Height)
                {
                    continue;
                }

                var d = Math.Sqrt(((x - centreX) * (x - centreX)) + ((y - centreY) * (y - centreY)));
                var ring = d <= radius && d >= radius * 0.88;
                var filled = d < radius * 0.3 || (d < radius * 0.88 && random.NextDouble() < 0.35);
                if (!ring && !filled)
                {
                    continue;
                }

                // Red over black stays black: multiply, as ink on ink does.
                var (r, g, b) = page.GetPixel(x, y);
                var red = (byte)random.Next(200, 245);
                var green = (byte)random.Next(20, 70);
                var blue = (byte)random.Next(30, 80);
                page.SetPixel(x, y, (byte)(r * red / 255), (byte)(g * green / 255), (byte)(b * blue / 255));
            }
        }
    }
}

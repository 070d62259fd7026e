using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>What a cheap scanner adds: grain over the whole page and isolated dark specks.</summary>
internal static class ScanNoise
{
    /// <summary>Roughly Gaussian grain (a sum of four uniform bytes) of the given deviation, plus specks at the given rate.</summary>
    public static void Add(GrayImage image, double deviation, double speckRate, int seed)
    {
        var pixels = image.Pixels;
        var random = new Random(seed);
        var bytes = new byte[pixels.Length * 6];
        random.NextBytes(bytes);

        // Four uniform bytes sum to a mean of 510 with a deviation of 2 · 73.9.
        var scale = deviation / 147.8;
        var speckLimit = (int)(speckRate * 65536);
        for (var i = 0; i < pixels.Length; i++)
        {
            var j = 6 * i;
            var value = pixels[i] + ((bytes[j] + bytes[j + 1] + bytes[j + 2] + bytes[j + 3] - 510) * scale);
            if (((bytes[j + 4] << 8) | bytes[j + 5]) < speckLimit)
            {
                value = bytes[j] % 80;
            }

            pixels[i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }
}

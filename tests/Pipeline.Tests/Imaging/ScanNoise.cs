using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>What a cheap scanner adds: grain over the whole page and isolated dark specks.</summary>
internal static class ScanNoise
{
    /// <summary>Roughly Gaussian grain (sum of uniforms) of the given deviation, plus specks at the given rate.</summary>
    public static void Add(GrayImage image, double deviation, double speckRate, int seed)
    {
        var random = new Random(seed);
        var pixels = image.Pixels;
        var spread = deviation * Math.Sqrt(12.0 / 4);
        for (var i = 0; i < pixels.Length; i++)
        {
            var grain = (random.NextDouble() + random.NextDouble() + random.NextDouble() + random.NextDouble() - 2) * spread;
            var value = pixels[i] + grain;
            if (random.NextDouble() < speckRate)
            {
                value = random.Next(0, 80);
            }

            pixels[i] = (byte)Math.Clamp(Math.Round(value), 0, 255);
        }
    }
}

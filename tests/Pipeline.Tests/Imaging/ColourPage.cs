using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>Colour versions of synthetic pages: grey drawn to RGB, and grained.</summary>
internal static class ColourPage
{
    public static RgbImage From(GrayImage gray)
    {
        var rgb = new byte[gray.Pixels.Length * 3];
        for (var i = 0; i < gray.Pixels.Length; i++)
        {
            rgb[3 * i] = rgb[(3 * i) + 1] = rgb[(3 * i) + 2] = gray.Pixels[i];
        }

        return new RgbImage(gray.Width, gray.Height, rgb);
    }

    public static void AddNoise(RgbImage image, int amplitude, int seed)
    {
        // Grain is mostly brightness, so it is shared by the channels; a little is not.
        var random = new Random(seed);
        var pixels = image.Pixels;
        var noise = new byte[pixels.Length];
        random.NextBytes(noise);
        for (var i = 0; i < pixels.Length; i += 3)
        {
            var grain = (noise[i] % ((2 * amplitude) + 1)) - amplitude;
            pixels[i] = (byte)Math.Clamp(pixels[i] + grain, 0, 255);
            pixels[i + 1] = (byte)Math.Clamp(pixels[i + 1] + grain + (noise[i + 1] % 7) - 3, 0, 255);
            pixels[i + 2] = (byte)Math.Clamp(pixels[i + 2] + grain + (noise[i + 2] % 7) - 3, 0, 255);
        }
    }
}

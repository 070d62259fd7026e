using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

/// <summary>Colour versions of synthetic pages: grey drawn to RGB, turned channel by channel, and grained.</summary>
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

    public static RgbImage Rotate(RgbImage image, double degrees)
    {
        var channels = new GrayImage[3];
        for (var c = 0; c < 3; c++)
        {
            var plane = new byte[image.Width * image.Height];
            for (var i = 0; i < plane.Length; i++)
            {
                plane[i] = image.Pixels[(3 * i) + c];
            }

            channels[c] = Rotation.Rotate(new GrayImage(image.Width, image.Height, plane), degrees);
        }

        var result = new byte[image.Pixels.Length];
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                result[(3 * i) + c] = channels[c].Pixels[i];
            }
        }

        return new RgbImage(image.Width, image.Height, result);
    }

    public static void AddNoise(RgbImage image, int amplitude, int seed)
    {
        var random = new Random(seed);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            // Grain is mostly brightness, so it is shared by the channels.
            var grain = random.Next(-amplitude, amplitude + 1);
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + grain + random.Next(-3, 4), 0, 255);
            }
        }
    }
}

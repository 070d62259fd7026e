using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>The grey level of the paper: the level 90% of the pixels reach, on white or grey scans alike.</summary>
internal static class PaperLevel
{
    /// <summary>How far below the paper's usual level its noise still reaches, on the worst scans.</summary>
    private const int NoiseDepth = 16;

    /// <summary>Paper this light is white already: a clean scan's. A worn scan's lies at 250 to 253 even where it looks white.</summary>
    private const int WhitePaper = 255;

    public static int Of(GrayImage image) => Percentile(image, 0.9);

    /// <summary>
    /// The image with its paper made white and its ink kept in proportion. Tesseract thresholds what it is given
    /// by Otsu's method; on a worn scan the grey, speckled paper against the white frame a crop is given splits
    /// the histogram in the wrong place, and a clear 规章 or "1" is read as nothing. The white point is a little
    /// below the level most of the crop reaches (its 75th percentile), which is paper in any cell or line.
    /// Null when the paper is white already (a clean scan): there is nothing to make white.
    /// </summary>
    public static GrayImage? Whitened(GrayImage image)
    {
        var paper = Percentile(image, 0.75);
        if (paper >= WhitePaper)
        {
            return null;
        }

        var white = Math.Max(128, paper - NoiseDepth);

        var map = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            map[v] = (byte)Math.Min(255, v * 255 / white);
        }

        var pixels = new byte[image.Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = map[image.Pixels[i]];
        }

        return new GrayImage(image.Width, image.Height, pixels);
    }

    private static int Percentile(GrayImage image, double share)
    {
        var histogram = new int[256];
        foreach (var value in image.Pixels)
        {
            histogram[value]++;
        }

        for (int level = 0, seen = 0; level < 256; level++)
        {
            seen += histogram[level];
            if (seen >= share * image.Pixels.Length)
            {
                return level;
            }
        }

        return 255;
    }
}

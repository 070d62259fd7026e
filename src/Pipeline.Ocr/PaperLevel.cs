using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>The grey level of the paper: the level 90% of the pixels reach, on white or grey scans alike.</summary>
internal static class PaperLevel
{
    public static int Of(GrayImage image)
    {
        var histogram = new int[256];
        foreach (var value in image.Pixels)
        {
            histogram[value]++;
        }

        for (int level = 0, seen = 0; level < 256; level++)
        {
            seen += histogram[level];
            if (seen >= 0.9 * image.Pixels.Length)
            {
                return level;
            }
        }

        return 255;
    }
}

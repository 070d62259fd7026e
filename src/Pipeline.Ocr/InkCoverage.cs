using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Whether a cell is empty, decided without asking Tesseract, which would guess at specks. The test leans
/// towards "not empty": a faint or blurred number read as an empty cell would be a silent misread, while a
/// speck sent to Tesseract only comes back unread, with no confidence.
/// </summary>
internal static class InkCoverage
{
    /// <summary>How much darker than the paper a smoothed pixel must be to count as ink.</summary>
    private const int InkContrast = 48;

    /// <summary>Below this share of ink pixels a cell is empty: well under a full stop at 300 dpi.</summary>
    private const double BlankShare = 0.0005;

    /// <summary>And below this many ink pixels, for small crops.</summary>
    private const int BlankPixels = 6;

    public static bool IsBlank(GrayImage image)
    {
        // Cells cut from a detected grid often keep slivers of their ruling lines at the edges; one more pixel
        // keeps the 3×3 window below from reaching into them.
        if (InkBounds.Inside(image) is not { } inside)
        {
            return true;
        }

        var (marginX, marginY, width, height) = (inside.X, inside.Y, inside.Width, inside.Height);

        // A 3×3 mean keeps strokes, even blurred ones, and flattens scanner noise, which is the other
        // way round from a fixed threshold on single pixels.
        var histogram = new int[256];
        var pixels = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var row = (y + marginY + dy) * image.Width;
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        sum += pixels[row + x + marginX + dx];
                    }
                }

                histogram[sum / 9]++;
            }
        }

        // The paper is the level that 90% of the cell reaches: robust to grey scans and to dense text alike.
        var paper = 0;
        for (int level = 0, seen = 0; level < 256; level++)
        {
            seen += histogram[level];
            if (seen >= 0.9 * width * height)
            {
                paper = level;
                break;
            }
        }

        var ink = 0;
        for (var level = 0; level < paper - InkContrast; level++)
        {
            ink += histogram[level];
        }

        return ink < BlankPixels || ink < BlankShare * width * height;
    }
}

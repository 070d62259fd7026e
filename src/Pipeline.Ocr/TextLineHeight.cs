using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// The height in pixels of the text lines in a cell, from the rows that hold ink: Tesseract's chi_sim model
/// misreads digits taller than about 40 pixels ("573" as "173") and is unsure of very small ones, so cells are
/// scaled to a height it reads well before recognition.
/// </summary>
internal static class TextLineHeight
{
    /// <summary>How much darker than the paper a pixel must be to count as ink.</summary>
    private const int InkContrast = 64;

    /// <summary>Rows with fewer ink pixels are noise.</summary>
    private const int MinInkPerRow = 2;

    /// <summary>Shorter runs of ink rows are specks or slivers of ruling lines, not text.</summary>
    private const int MinLineHeight = 3;

    /// <summary>The median height of the cell's lines of text, or 0 when there is none.</summary>
    public static int Measure(GrayImage image)
    {
        var heights = Heights(image);
        if (heights.Count == 0)
        {
            return 0;
        }

        heights.Sort();
        return heights[heights.Count / 2];
    }

    /// <summary>How many lines of text the cell holds: runs of ink rows at least half as tall as the tallest, so that a speck is no line.</summary>
    public static int Count(GrayImage image)
    {
        var heights = Heights(image);
        return heights.Count == 0 ? 0 : heights.Count(h => 2 * h >= heights.Max());
    }

    private static List<int> Heights(GrayImage image)
    {
        var paper = PaperLevel.Of(image);
        var marginY = Math.Max(2, image.Height / 25);
        var marginX = Math.Max(2, image.Width / 25);
        var heights = new List<int>();
        var run = 0;
        var gap = 0;
        for (var y = marginY; y < image.Height - marginY; y++)
        {
            var row = image.Row(y)[marginX..^marginX];
            var ink = 0;
            foreach (var value in row)
            {
                if (value < paper - InkContrast)
                {
                    ink++;
                }
            }

            if (ink >= MinInkPerRow)
            {
                // A one-row gap inside a glyph (the waist of 二) does not end the line.
                run += 1 + gap;
                gap = 0;
            }
            else if (run > 0 && gap == 0)
            {
                gap = 1;
            }
            else
            {
                Close(heights, ref run);
                gap = 0;
            }
        }

        Close(heights, ref run);
        return heights;
    }

    private static void Close(List<int> heights, ref int run)
    {
        if (run >= MinLineHeight)
        {
            heights.Add(run);
        }

        run = 0;
    }
}

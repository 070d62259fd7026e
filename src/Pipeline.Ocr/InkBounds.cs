using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Where the text of a one-line cell lies: the band of ink rows, then within it the group of ink columns
/// holding the most ink. Specks of scanner noise and slivers of ruling lines at the edges fall outside.
/// </summary>
public static class InkBounds
{
    /// <summary>How much darker than the paper a pixel must be to count as ink.</summary>
    private const int InkContrast = 64;

    /// <summary>A column with ink over this share of the cell's height is a ruling, not a glyph (a digit is at most about 60%).</summary>
    private const double RulingShare = 0.85;

    /// <summary>Rows and columns with fewer ink pixels are noise.</summary>
    private const int MinInk = 2;

    /// <summary>The box of the cell's text in its pixels, or null when there is no ink.</summary>
    public static Rect? Find(GrayImage image)
    {
        var threshold = PaperLevel.Of(image) - InkContrast;
        if (Inside(image) is not { } inside)
        {
            return null;
        }

        var (marginX, marginY) = (inside.X, inside.Y);

        // A column inked nearly top to bottom is a sliver of the cell's ruling, which a cut through a slightly
        // slanted or thick line leaves at the edge; read with the digits, it is a "1" that is not there.
        var innerHeight = image.Height - (2 * marginY);
        var ruled = new bool[image.Width];
        for (var x = marginX; x < image.Width - marginX; x++)
        {
            var inked = 0;
            for (var y = marginY; y < image.Height - marginY; y++)
            {
                inked += image[x, y] < threshold ? 1 : 0;
            }

            ruled[x] = inked >= RulingShare * innerHeight;
        }

        var rows = new int[image.Height];
        for (var y = marginY; y < image.Height - marginY; y++)
        {
            var row = image.Row(y);
            for (var x = marginX; x < image.Width - marginX; x++)
            {
                rows[y] += row[x] < threshold && !ruled[x] ? 1 : 0;
            }
        }

        // The tallest run of ink rows, a gap of two rows (the waist of 二) not ending it.
        if (Densest(rows, marginY, image.Height - marginY, maxGap: 2) is not { } band)
        {
            return null;
        }

        var columns = new int[image.Width];
        for (var y = band.Start; y < band.End; y++)
        {
            var row = image.Row(y);
            for (var x = marginX; x < image.Width - marginX; x++)
            {
                columns[x] += row[x] < threshold && !ruled[x] ? 1 : 0;
            }
        }

        // Glyphs of one number stand closer than a line height; a speck further off is not part of it.
        return Densest(columns, marginX, image.Width - marginX, maxGap: band.End - band.Start) is { } span
            ? Rect.FromEdges(span.Start, band.Start, span.End, band.End)
            : null;
    }

    /// <summary>
    /// The cell without its edges, where a cell cut from a detected grid keeps slivers of its rulings (a
    /// twenty-fifth of its size, at least two pixels, and one more for a 3×3 window); null for a cell too small.
    /// Across, the edge is at most a sixth of the cell's height: a number set flush right in a wide cell stands
    /// only its padding (Word's 0.19 cm, some 20 pixels at 300 dpi) from the ruling, and a twenty-fifth of a cell
    /// 750 pixels wide cut its last digit off (17 for 170, as sure as ever).
    /// </summary>
    internal static Rect? Inside(GrayImage image)
    {
        var marginX = Math.Min(Math.Max(2, image.Width / 25), Math.Max(2, image.Height / 6)) + 1;
        var marginY = Math.Max(2, image.Height / 25) + 1;
        return image.Width <= 2 * marginX || image.Height <= 2 * marginY
            ? null
            : Rect.FromEdges(marginX, marginY, image.Width - marginX, image.Height - marginY);
    }

    /// <summary>Among the runs of entries with enough ink, joined across gaps up to <paramref name="maxGap"/>, the one with the most ink.</summary>
    private static (int Start, int End)? Densest(int[] profile, int from, int to, int maxGap)
    {
        (int Start, int End)? best = null;
        var bestInk = 0;
        int start = -1, end = -1, ink = 0;
        for (var i = from; i <= to; i++)
        {
            var inked = i < to && profile[i] >= MinInk;
            if (inked && start >= 0 && i - end > maxGap)
            {
                Close();
            }

            if (inked)
            {
                start = start < 0 ? i : start;
                end = i + 1;
                ink += profile[i];
            }
        }

        Close();
        return best;

        void Close()
        {
            if (start >= 0 && ink > bestInk)
            {
                best = (start, end);
                bestInk = ink;
            }

            start = -1;
            ink = 0;
        }
    }
}

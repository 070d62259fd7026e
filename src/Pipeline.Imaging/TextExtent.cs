namespace Pipeline.Imaging;

/// <summary>
/// The part of a band of a page that holds lines of text: the rows with ink, in runs at least as tall as a small
/// character, and the columns those rows have ink in. Tesseract's layout analysis costs about as much over blank
/// paper, or over the last ruling of a table left at a band's edge, as over text; so a band is cut to its text
/// before it is read, and a band with none is not read at all.
/// </summary>
public static class TextExtent
{
    /// <summary>Fewer ink pixels in a row are specks, not a line of text passing through it.</summary>
    private const int MinInkPerRow = 2;

    /// <summary>A run of ink rows shorter than this is a ruling or a speck: a full stop alone on a line is 10 px at 300 dpi, a character 30 or more.</summary>
    private const int MinLineHeight = 12;

    /// <summary>Blank rows a run may have inside it: the gap in 二 or between a character's parts.</summary>
    private const int MaxGap = 2;

    /// <summary>Paper kept around the text, so that Tesseract sees each line whole, with its margins.</summary>
    private const int Margin = 16;

    /// <summary>The smallest rectangle within <paramref name="band"/> holding its lines of text, with a margin; null when it holds none.</summary>
    public static Rect? Of(BinaryImage ink, Rect band)
    {
        ArgumentNullException.ThrowIfNull(ink);
        band = band.Intersect(ink.Bounds);
        return Around(Lines(ink, band), band);
    }

    /// <summary>The smallest rectangle within <paramref name="band"/> holding <paramref name="lines"/> (as <see cref="Lines"/> gives them), with a margin; null for none.</summary>
    public static Rect? Around(IReadOnlyList<Rect> lines, Rect band)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return null;
        }

        return Rect.FromEdges(
            Math.Max(band.X, lines.Min(l => l.X) - Margin),
            Math.Max(band.Y, lines[0].Y - Margin),
            Math.Min(band.Right, lines.Max(l => l.Right) + Margin),
            Math.Min(band.Bottom, lines[^1].Bottom + Margin));
    }

    /// <summary>
    /// The lines of text in <paramref name="band"/>, top to bottom: each run of ink rows at least as tall as a
    /// small character, from its first inked column to its last.
    /// </summary>
    public static IReadOnlyList<Rect> Lines(BinaryImage ink, Rect band)
    {
        ArgumentNullException.ThrowIfNull(ink);
        band = band.Intersect(ink.Bounds);
        var lines = new List<Rect>();
        var runStart = -1;
        var lastInk = -1;
        var runLeft = int.MaxValue;
        var runRight = int.MinValue;
        for (var y = band.Y; y <= band.Bottom; y++)
        {
            var (count, first, last) = y < band.Bottom ? RowInk(ink, y, band.X, band.Right) : (0, 0, 0);
            if (count >= MinInkPerRow)
            {
                if (runStart < 0 || y - lastInk > MaxGap + 1)
                {
                    Close();
                    runStart = y;
                    runLeft = int.MaxValue;
                    runRight = int.MinValue;
                }

                lastInk = y;
                runLeft = Math.Min(runLeft, first);
                runRight = Math.Max(runRight, last);
            }
        }

        Close();
        return lines;

        void Close()
        {
            if (runStart >= 0 && lastInk - runStart + 1 >= MinLineHeight)
            {
                lines.Add(Rect.FromEdges(runLeft, runStart, runRight + 1, lastInk + 1));
            }

            runStart = -1;
        }
    }

    private static (int Count, int First, int Last) RowInk(BinaryImage ink, int y, int from, int to)
    {
        var row = ink.Ink.AsSpan((y * ink.Width) + from, to - from);
        var count = 0;
        var first = -1;
        var last = -1;
        for (var x = 0; x < row.Length; x++)
        {
            if (row[x])
            {
                count++;
                first = first < 0 ? x : first;
                last = x;
            }
        }

        return (count, from + first, from + last);
    }
}

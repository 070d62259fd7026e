namespace Pipeline.Imaging;

/// <summary>
/// Whether a page's lines of text run down it instead of across: a page fed sideways into an otherwise upright
/// document. Read across, its lines of ink (<see cref="TextExtent.Lines"/>) merge into a few blocks as tall as its
/// paragraphs; read down (the ink transposed), they are long and thin, as an upright page's are across. The
/// geometry alone tells it, in milliseconds, before any recogniser is asked; which of the two quarter turns is
/// right is left to the recogniser's angle classifier, as for a page upside down. A table's rulings join its
/// rows into one block either way, so they are taken out first, leaving the text of its cells.
/// </summary>
public static class TextDirection
{
    /// <summary>A line of text is at least this many times as long as it is tall: a short heading of four characters.</summary>
    private const double LineAspect = 4;

    /// <summary>Taller runs of ink rows are blocks of several lines, not one (a character is 30–60 px at 300 dpi).</summary>
    private const int TallestLine = 120;

    /// <summary>Fewer lines either way leave nothing to judge (a page of one table, or blank).</summary>
    private const int FewestLines = 6;

    /// <summary>The lines down the page must outnumber those across by this much.</summary>
    private const double Majority = 2;

    /// <summary>Pixels around a ruling taken out with it: its ragged edge.</summary>
    private const int RulingMargin = 2;

    /// <summary>Whether the page's text runs down it: far more lines of text read down than across.</summary>
    public static bool RunsDown(BinaryImage ink, PageRulings rulings)
    {
        var (across, down) = Count(ink, rulings);
        return down >= FewestLines && down > Majority * across;
    }

    /// <summary>The page's lines of text read across it and read down it, its <paramref name="rulings"/> left out.</summary>
    public static (int Across, int Down) Count(BinaryImage ink, PageRulings rulings)
    {
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(rulings);
        var text = (bool[])ink.Ink.Clone();
        foreach (var box in rulings.All.Select(r => r.Box.Inflate(RulingMargin).Intersect(ink.Bounds)))
        {
            for (var y = box.Y; y < box.Bottom; y++)
            {
                Array.Clear(text, (y * ink.Width) + box.X, box.Width);
            }
        }

        ink = new BinaryImage(ink.Width, ink.Height, text);
        return (TextLines(ink), TextLines(ink.Transpose()));
    }

    private static int TextLines(BinaryImage ink) =>
        TextExtent.Lines(ink, ink.Bounds).Count(l => l.Height <= TallestLine && l.Width >= LineAspect * l.Height);
}

namespace Pipeline.Imaging;

/// <summary>
/// What <see cref="PageAnalyzer"/> found on one page. <see cref="Page"/> and <see cref="Ink"/> are
/// the straightened page, in whose pixels the rulings and cell boxes are given; crop cells for
/// OCR from <see cref="Page"/>.
/// </summary>
/// <param name="Skew">The skew that was taken out, in degrees counter-clockwise.</param>
/// <param name="Seal">Where a seal's ink lay on the straightened page, black on white; null without a seal.</param>
public sealed record PageAnalysis(GrayImage Page, BinaryImage Ink, double Skew, PageRulings Rulings, IReadOnlyList<TableGrid> Tables, GrayImage? Seal = null)
{
    /// <summary>How many pixels of seal ink lie in <paramref name="area"/> of the page.</summary>
    public int SealInk(Rect area)
    {
        if (Seal is null)
        {
            return 0;
        }

        var box = area.Intersect(Seal.Bounds);
        if (box.IsEmpty)
        {
            return 0;
        }

        var count = 0;
        for (var y = box.Y; y < box.Bottom; y++)
        {
            foreach (var value in Seal.Row(y).Slice(box.X, box.Width))
            {
                count += value < 128 ? 1 : 0;
            }
        }

        return count;
    }
}

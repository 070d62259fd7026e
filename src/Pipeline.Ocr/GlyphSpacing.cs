using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Sets apart two glyphs that touch. Serifed digits set tight touch at their feet ("11"), and the models then
/// read one glyph. The join is the thinnest column in the middle of the ink, where only the feet are: the
/// image is cut there and a gap put in.
/// </summary>
internal static class GlyphSpacing
{
    private const int InkContrast = 64;

    /// <summary>A join holds ink over at most this share of the height: feet, not a stem or a bowl.</summary>
    private const double JoinShare = 0.25;

    /// <summary>The spaced image of <paramref name="ink"/> (cut to its ink), or null when nothing in its middle joins two glyphs.</summary>
    /// <param name="gapShare">The gap put in, as a share of the ink's height.</param>
    public static GrayImage? SetApart(GrayImage ink, double gapShare)
    {
        ArgumentNullException.ThrowIfNull(ink);
        var threshold = PaperLevel.Of(ink) - InkContrast;
        var counts = new int[ink.Width];
        for (var y = 0; y < ink.Height; y++)
        {
            var row = ink.Row(y);
            for (var x = 0; x < ink.Width; x++)
            {
                counts[x] += row[x] < threshold ? 1 : 0;
            }
        }

        var from = ink.Width / 4;
        var to = ink.Width - from;
        if (to - from < 2)
        {
            return null;
        }

        var cut = from;
        for (var x = from; x < to; x++)
        {
            if (counts[x] < counts[cut])
            {
                cut = x;
            }
        }

        // Both sides must hold a glyph's stem, or the cut would split one glyph (the bowl of a 0).
        var tall = ink.Height / 2;
        if (counts[cut] > JoinShare * ink.Height || counts[..cut].Max() < tall || counts[(cut + 1)..].Max() < tall)
        {
            return null;
        }

        var gap = Math.Max(2, (int)Math.Round(ink.Height * gapShare));
        var spaced = GrayImage.Blank(ink.Width + gap, ink.Height, (byte)PaperLevel.Of(ink));
        for (var y = 0; y < ink.Height; y++)
        {
            var row = ink.Row(y);
            row[..cut].CopyTo(spaced.Row(y));
            row[cut..].CopyTo(spaced.Row(y)[(cut + gap)..]);
        }

        return spaced;
    }
}

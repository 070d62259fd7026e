using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// The numeric cells of one table row laid side by side on one white line, each cut to its ink and all scaled
/// alike, so that Tesseract reads the row in one call. Besides the speed, a lone "1", which Tesseract drops
/// as noise when it is alone in an image, is read among its neighbours. Each character read is given to the
/// cell it lies over.
/// </summary>
internal sealed class NumberStrip
{
    /// <summary>A digit's width over its height, about, in the fonts reports use.</summary>
    private const double DigitAspect = 0.55;

    private readonly Rect?[] pieces;
    private readonly int gap;
    private readonly double lineHeight;
    private readonly double scale;

    private NumberStrip(GrayImage image, Rect?[] pieces, int gap, double lineHeight, double scale)
    {
        Image = image;
        this.pieces = pieces;
        this.gap = gap;
        this.lineHeight = lineHeight;
        this.scale = scale;
    }

    public GrayImage Image { get; }

    /// <summary>Whether any cell has ink to read.</summary>
    public bool IsEmpty => pieces.All(p => p is null);

    /// <param name="cells">The cells' crops; one without ink (by <see cref="InkBounds"/>) gets no place.</param>
    /// <param name="lineHeight">The height the digits are scaled to.</param>
    public static NumberStrip Compose(IReadOnlyList<GrayImage> cells, double lineHeight)
    {
        var bounds = cells.Select(InkBounds.Find).ToArray();
        var heights = bounds.OfType<Rect>().Select(b => b.Height).Order().ToList();
        var gap = (int)Math.Round(lineHeight * 1.2);
        if (heights.Count == 0)
        {
            return new NumberStrip(GrayImage.Blank(1, 1), new Rect?[cells.Count], gap, lineHeight, 1);
        }

        // One scale for the row, from its typical digit height, so a minus sign stays small beside digits.
        var scale = Math.Clamp(lineHeight / heights[heights.Count / 2], 0.25, 4);
        var height = (int)Math.Round(lineHeight * 3);
        var scaled = new GrayImage?[cells.Count];
        var placed = new Rect?[cells.Count];
        var x = gap;
        for (var i = 0; i < cells.Count; i++)
        {
            if (bounds[i] is not { } ink)
            {
                continue;
            }

            var padded = Rect.FromEdges(
                Math.Max(0, ink.X - 2), Math.Max(0, ink.Y - 2), Math.Min(cells[i].Width, ink.Right + 2), Math.Min(cells[i].Height, ink.Bottom + 2));
            var piece = Scaling.By(cells[i].Crop(padded), scale);

            // Placed where it sits relative to its cell's middle: cells of one row share the middle line.
            var y = (int)Math.Round((height / 2.0) + ((padded.Y - (cells[i].Height / 2.0)) * scale));
            y = Math.Clamp(y, 0, Math.Max(0, height - piece.Height));
            scaled[i] = piece;
            placed[i] = new Rect(x, y, piece.Width, Math.Min(piece.Height, height));
            x += piece.Width + gap;
        }

        // The strip's paper is the cells' own (their middle level): on a row lit unevenly, grey cells pasted on white
        // would turn to ink under Tesseract's threshold.
        var papers = scaled.OfType<GrayImage>().Select(PaperLevel.Of).Order().ToList();
        var image = GrayImage.Blank(x, height, (byte)papers[papers.Count / 2]);
        for (var i = 0; i < cells.Count; i++)
        {
            if (placed[i] is { } at)
            {
                for (var row = 0; row < at.Height; row++)
                {
                    scaled[i]!.Row(row).CopyTo(image.Row(at.Y + row)[at.X..]);
                }
            }
        }

        return new NumberStrip(image, placed, gap, lineHeight, scale);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is about as long as the ink of the cell it was given to: at least half the
    /// characters its width holds, at most twice as many and one, and never fewer digits than could cover it
    /// (<see cref="DigitWidths"/>). "7" over the ink of "37" is a character that went astray, however sure the
    /// models are of it.
    /// </summary>
    public bool Fits(int index, string text)
    {
        if (pieces[index] is not { } piece)
        {
            return text.Length == 0;
        }

        var characters = Math.Max(0, piece.Width - 4) / (DigitAspect * lineHeight);
        // Back in the scan's pixels, without the margin each piece was cut with.
        var ink = (piece.Width / scale) - 4;
        return DigitWidths.CouldSpan(text, ink, lineHeight / scale) && text.Length >= characters / 2 && text.Length <= (2 * characters) + 1;
    }

    /// <summary>
    /// What was read over each cell: its characters in order, as sure as the least sure of them; null for a
    /// cell without ink or without characters. The LSTM models seldom put spaces between numbers, so the
    /// characters, not the words, are given to the cells, each to the one its middle lies over.
    /// </summary>
    public OcrText?[] Assign(IReadOnlyList<OcrWord> characters)
    {
        var text = new System.Text.StringBuilder?[pieces.Length];
        var confidence = new double[pieces.Length];
        foreach (var character in characters)
        {
            var middle = character.Box.X + (character.Box.Width / 2);
            for (var i = 0; i < pieces.Length; i++)
            {
                if (pieces[i] is { } p && middle >= p.X - (gap / 2) && middle < p.Right + (gap / 2))
                {
                    confidence[i] = text[i] is null ? character.Confidence : Math.Min(confidence[i], character.Confidence);
                    (text[i] ??= new()).Append(character.Text);
                    break;
                }
            }
        }

        return [.. text.Select((t, i) => t is null ? null : new OcrText(t.ToString(), confidence[i]))];
    }
}

using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Reads text line by line through the recogniser seam: a label cell cut into its lines of ink, or the lines a
/// band of running text was found to hold. A run of ink too tall for one line (lines run together, a signature
/// block under its seal) is parted by <see cref="ITextRecognizer.FindLines"/> first.
/// </summary>
public sealed class LineReader(ITextRecognizer recognizer)
{
    /// <summary>Paper kept around a line, in pixels, so the recogniser sees it whole.</summary>
    private const int Margin = 8;

    /// <summary>How much darker than the paper a pixel must be to count as ink.</summary>
    private const int InkContrast = 64;

    /// <summary>A run of ink this much taller than the band's usual line is more than one line.</summary>
    private const double TallLine = 1.8;

    /// <summary>Above this height a lone run of ink (300 dpi) is more than one line of body text.</summary>
    private const int TallestSingleLine = 110;

    public ITextRecognizer Recognizer { get; } = recognizer ?? throw new ArgumentNullException(nameof(recognizer));

    /// <summary>
    /// A label cell: its lines of ink inside its rulings, read as one batch and joined without spaces (a break
    /// inside a cell is only wrapping); as sure as its characters on average. A blank cell reads as "", surely.
    /// </summary>
    public OcrText ReadCell(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkCoverage.IsBlank(cell) || InkBounds.Inside(cell) is not { } inside)
        {
            return new OcrText("", CellRecognizer.BlankConfidence);
        }

        var threshold = PaperLevel.Of(cell) - InkContrast;
        var ink = new BinaryImage(cell.Width, cell.Height, [.. cell.Pixels.Select(p => p < threshold)]);
        var lines = TextExtent.Lines(ink, inside);
        if (lines.Count == 0)
        {
            lines = [inside];
        }

        var read = Recognizer.Read([.. lines.Select(l => cell.Crop(l.Inflate(Margin).Intersect(cell.Bounds)))]);
        var characters = read.SelectMany(r => r.Characters).Where(c => c.Text != " ").ToList();
        var text = ChineseSpacing.Remove(string.Join(' ', read.Select(r => r.Text).Where(t => t.Length > 0)));
        return characters.Count == 0 ? new OcrText(text, read.Max(r => r.Confidence)) : new OcrText(text, characters.Average(c => c.Confidence));
    }

    /// <summary>
    /// The given lines of <paramref name="image"/> (in its pixels), read as one batch; each reading with its box
    /// in the image's pixels. A line read as nothing is left out.
    /// </summary>
    public IReadOnlyList<OcrWord> ReadLines(GrayImage image, IReadOnlyList<Rect> lines)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(lines);
        var usual = lines.Count == 0 ? 0 : lines.Select(l => l.Height).Order().ElementAt(lines.Count / 2);
        var parted = new List<Rect>();
        foreach (var line in lines)
        {
            var tall = line.Height > TallestSingleLine || (lines.Count >= 3 && line.Height > TallLine * usual);
            var area = line.Inflate(Margin).Intersect(image.Bounds);
            var found = tall ? Recognizer.FindLines(image.Crop(area)) : [];
            parted.AddRange(found.Count > 1
                ? found.Select(f => new Rect(area.X + f.X, area.Y + f.Y, f.Width, f.Height))
                : [line]);
        }

        var read = Recognizer.Read([.. parted.Select(l => image.Crop(l.Inflate(Margin).Intersect(image.Bounds)))]);
        return [.. parted.Select((l, i) => new OcrWord(ChineseSpacing.Remove(read[i].Text), l, read[i].Confidence)).Where(w => w.Text.Length > 0)];
    }

    /// <summary>One line read with only <paramref name="allowed"/>'s characters (a date line: digits and 年月日).</summary>
    public OcrText ReadLine(GrayImage line, string allowed)
    {
        var read = Recognizer.Read([line], allowed)[0];
        return new OcrText(read.Text.Replace(" ", "", StringComparison.Ordinal), read.Confidence);
    }
}

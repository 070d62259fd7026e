using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// Reads the cells of a scanned table one by one, with engines from an <see cref="EnginePool"/>.
/// A numeric cell is reported as read or not at all: a result that is not a number keeps its raw text and
/// a low confidence, so that a misread can never pass as a plausible number.
/// </summary>
public sealed class CellRecognizer
{
    /// <summary>The confidence of a number cell whose text is not a number, whatever Tesseract claimed.</summary>
    public const double RejectedConfidence = 0.3;

    /// <summary>The confidence of a cell with (almost) no ink, read as "".</summary>
    public const double BlankConfidence = 1.0;

    /// <summary>Digits, sign, decimal point, thousands comma, and the characters of 减 and 增加.</summary>
    private const string NumberWhitelist = "0123456789.,-+减增加";

    private readonly EnginePool pool;

    /// <param name="pool">Where the engines come from; it outlives the recogniser.</param>
    /// <param name="language">The Tesseract language for labels and numbers; chi_sim also has the digits.</param>
    /// <param name="dpi">The scan resolution of the images passed in.</param>
    public CellRecognizer(EnginePool pool, string language = "chi_sim", int dpi = 300)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        this.pool = pool;
        Language = language;
        Dpi = dpi;
    }

    public string Language { get; }

    public int Dpi { get; }

    /// <summary>
    /// A numeric cell, read as one line of digits. The text is exactly what Tesseract read, never corrected;
    /// it counts as read only when it has the shape of a number (12, -4, 3.5, 1,024, 减4, 增加2).
    /// </summary>
    public OcrText ReadNumber(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkCoverage.IsBlank(cell))
        {
            return new OcrText("", BlankConfidence);
        }

        var read = pool.Use(Language, engine =>
            engine.Recognize(Pad(cell), PageSegmentation.SingleLine, NumberWhitelist, Dpi));
        if (read.Text.Length == 0)
        {
            // Ink that Tesseract could not read is not an empty cell.
            return new OcrText("", 0);
        }

        return NumberPattern.IsMatch(read.Text)
            ? read
            : read with { Confidence = Math.Min(read.Confidence, RejectedConfidence) };
    }

    /// <summary>A label cell, which may wrap over several lines; the lines are joined without Tesseract's spaces.</summary>
    public OcrText ReadLabel(GrayImage cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (InkCoverage.IsBlank(cell))
        {
            return new OcrText("", BlankConfidence);
        }

        var read = pool.Use(Language, engine =>
            engine.Recognize(Pad(cell), PageSegmentation.SingleBlock, whitelist: null, Dpi));

        // A line break inside a cell is only wrapping: joined with a space, which goes again between Chinese characters.
        var joined = string.Join(' ', read.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return read with { Text = ChineseSpacing.Remove(joined) };
    }

    /// <summary>Running text in a region of a page, line by line, with automatic layout.</summary>
    public OcrLines ReadText(GrayImage region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var read = pool.Use(Language, engine => engine.RecognizeLines(Pad(region), PageSegmentation.Auto, Dpi));
        return read with { Lines = [.. read.Lines.Select(ChineseSpacing.Remove)] };
    }

    /// <summary>A border of about half a text line, and at least 10 pixels.</summary>
    private static GrayImage Pad(GrayImage image) => WhiteBorder.Add(image, Math.Max(10, Math.Min(image.Height, image.Width) / 4));
}

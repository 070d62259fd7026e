using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// The recogniser seam over Tesseract (chi_sim, as the scan reader used it before PP-OCR): each line or cell read
/// as <see cref="CellRecognizer.ReadLabel"/> reads a label, with its symbols' confidences and places.
/// </summary>
public sealed class TesseractRecognizer(EnginePool pool) : ITextRecognizer
{
    private readonly CellRecognizer cells = new(pool);

    public string Name => "tesseract";

    /// <summary>Tesseract's block reading parts the lines of a region itself, so the region is one "line" to it.</summary>
    public IReadOnlyList<Rect> FindLines(GrayImage region) => [region.Bounds];

    /// <summary>Tesseract tells a page's orientation with its own model (<see cref="OrientationDetector"/>), not line by line.</summary>
    public double UpsideDownShare(IReadOnlyList<GrayImage> lines) => 0;

    public IReadOnlyList<LineReading> Read(IReadOnlyList<GrayImage> lines, string? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(line =>
        {
            var read = allowed is null ? cells.ReadLabel(line) : cells.ReadLine(line, allowed);
            if (read.Text.Length == 0 || read.Confidence <= 0)
            {
                return LineReading.Nothing;
            }

            // Tesseract gives one confidence for the reading; each character is given it too, spread evenly across.
            var text = read.Text.Replace(" ", "", StringComparison.Ordinal);
            var step = (double)line.Width / Math.Max(1, text.Length);
            return new LineReading(read.Text, read.Confidence, [.. text.Select((c, i) => new CharReading(c.ToString(), read.Confidence, (i + 0.5) * step))]);
        })];
    }
}

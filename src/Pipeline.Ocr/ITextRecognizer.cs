using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// The recogniser seam: reads images each holding one line of text (a line of running text, a heading, a cell).
/// Implementations are safe to call from several threads at once.
/// </summary>
public interface ITextRecognizer
{
    /// <summary>A short name for reports and the bench: paddle or tesseract.</summary>
    string Name { get; }

    /// <summary>
    /// One reading per image, in the order given; an image with no text reads as "" with confidence 0. With
    /// <paramref name="allowed"/>, only those characters may be read (a number cell: a lone 0 is not an o).
    /// </summary>
    IReadOnlyList<LineReading> Read(IReadOnlyList<GrayImage> lines, string? allowed = null);

    /// <summary>
    /// The lines of text in a region the page's own line finding could not part (a block of lines run together,
    /// a signature under a seal), in the region's pixels, top to bottom; the whole region when it cannot tell.
    /// </summary>
    IReadOnlyList<Rect> FindLines(GrayImage region);

    /// <summary>The share of <paramref name="lines"/> the recogniser is sure lie upside down; 0 when it cannot tell.</summary>
    double UpsideDownShare(IReadOnlyList<GrayImage> lines);
}

/// <summary>A line read: its text, the line's confidence (0–1) and each character's.</summary>
public sealed record LineReading(string Text, double Confidence, IReadOnlyList<CharReading> Characters)
{
    public static readonly LineReading Nothing = new("", 0, []);

    /// <summary>The least sure character's confidence; 0 for an empty line.</summary>
    public double Weakest => Characters.Count == 0 ? 0 : Characters.Min(c => c.Confidence);
}

/// <summary>One character read, with its confidence and the centre of its place across the image, in pixels.</summary>
public readonly record struct CharReading(string Text, double Confidence, double X);

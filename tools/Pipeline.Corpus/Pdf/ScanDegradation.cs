using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// How a scan is spoiled: resolution, skew, noise, blur, JPEG quality, a red seal over a number
/// of table 三 or 四, and pages fed upside down. <see cref="Draw"/> picks them from a seed
/// within the ranges below, which are those of the scans the project receives.
/// </summary>
public sealed record ScanDegradation(
    int Dpi,
    double RotationDegrees,
    double Noise,
    double Blur,
    int JpegQuality,
    TruthSeal? Seal,
    IReadOnlyList<int> UpsideDownPages)
{
    public const int MinDpi = 150;
    public const int MaxDpi = 300;
    public const double MaxRotation = 3.0;
    public const double MinNoise = 0.1;
    public const double MaxNoise = 0.6;
    public const double MinBlur = 0.2;
    public const double MaxBlur = 1.0;
    public const int MinJpegQuality = 50;
    public const int MaxJpegQuality = 90;

    /// <summary>The seal's radius in inches: about 4 cm across, as an official seal is.</summary>
    public const double SealRadiusInches = 0.8;

    /// <summary>
    /// Draws the parameters from <paramref name="random"/>. Three scans in four carry a seal,
    /// centred on one of <paramref name="numericCells"/> (from the text PDF); one in four has a
    /// page upside down.
    /// </summary>
    public static ScanDegradation Draw(Random random, int pageCount, IReadOnlyList<PdfWord> numericCells)
    {
        var dpi = MinDpi + (10 * random.Next((MaxDpi - MinDpi) / 10 + 1));
        var rotation = Math.Round(((random.NextDouble() * 2) - 1) * MaxRotation, 1);
        var noise = Math.Round(MinNoise + (random.NextDouble() * (MaxNoise - MinNoise)), 2);
        var blur = Math.Round(MinBlur + (random.NextDouble() * (MaxBlur - MinBlur)), 2);
        var quality = random.Next(MinJpegQuality, MaxJpegQuality + 1);
        var seal = random.Next(4) < 3 && numericCells.Count > 0
            ? SealOver(numericCells[random.Next(numericCells.Count)], dpi)
            : null;
        IReadOnlyList<int> upsideDown = random.Next(4) == 0 ? [1 + random.Next(pageCount)] : [];
        return new ScanDegradation(dpi, rotation, noise, blur, quality, seal, upsideDown);
    }

    /// <summary>A seal centred on a cell's number, in pixels of a page rendered at <paramref name="dpi"/>.</summary>
    public static TruthSeal SealOver(PdfWord cell, int dpi) => new(
        cell.Page,
        (int)Math.Round(cell.CenterX * dpi / 72),
        (int)Math.Round(cell.CenterY * dpi / 72),
        (int)Math.Round(SealRadiusInches * dpi),
        cell.Text);

    public TruthRendering Describe(string style, IReadOnlyList<int> tableThreePages) => new()
    {
        Kind = TruthRendering.ScanDegraded,
        Style = style,
        TableThreePages = tableThreePages,
        Dpi = Dpi,
        RotationDegrees = RotationDegrees,
        Noise = Noise,
        Blur = Blur,
        JpegQuality = JpegQuality,
        Seal = Seal,
        UpsideDownPages = UpsideDownPages,
    };
}

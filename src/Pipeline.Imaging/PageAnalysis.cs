namespace Pipeline.Imaging;

/// <summary>
/// What <see cref="PageAnalyzer"/> found on one page. <see cref="Page"/> and <see cref="Ink"/> are
/// the straightened page, in whose pixels the rulings and cell boxes are given; crop cells for
/// OCR from <see cref="Page"/>.
/// </summary>
/// <param name="Skew">The skew that was taken out, in degrees counter-clockwise.</param>
public sealed record PageAnalysis(GrayImage Page, BinaryImage Ink, double Skew, PageRulings Rulings, IReadOnlyList<TableGrid> Tables);

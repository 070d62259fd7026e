using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Finds tables 三 and 四 in a text layer by their section headings: a word lies in a table when
/// it comes (by page, then height) after the section's heading and before the next one. Reading
/// order is not trusted, as pdftotext may list a table's cells in any order.
/// </summary>
public static class TableRegions
{
    private const string ApplicationsHeading = "三、收到和处理";
    private const string ReviewHeading = "四、政府信息公开行政复议";
    private const string ProblemsHeading = "五、";

    /// <summary>The words that are whole numbers printed in a cell of table 三 or 四, in page order.</summary>
    public static IReadOnlyList<PdfWord> NumericCells(PdfTextLayer layer) =>
        [.. Between(layer, ApplicationsHeading, ProblemsHeading).Where(w => w.Text.Length > 0 && w.Text.All(char.IsAsciiDigit))];

    /// <summary>The pages holding table 三's numbers: two pages when the table is split.</summary>
    public static IReadOnlyList<int> TableThreePages(PdfTextLayer layer) =>
        [.. Between(layer, ApplicationsHeading, ReviewHeading).Where(w => w.Text.All(char.IsAsciiDigit)).Select(w => w.Page).Distinct().Order()];

    /// <summary>Whether a seal's circle (page points) overlaps the box of a numeric cell.</summary>
    public static bool Covers(TruthSeal seal, double pointsPerPixel, PdfWord word)
    {
        var x = seal.X * pointsPerPixel;
        var y = seal.Y * pointsPerPixel;
        var radius = seal.Radius * pointsPerPixel;
        var nearestX = Math.Clamp(x, word.XMin, word.XMax);
        var nearestY = Math.Clamp(y, word.YMin, word.YMax);
        return word.Page == seal.Page && ((nearestX - x) * (nearestX - x)) + ((nearestY - y) * (nearestY - y)) <= radius * radius;
    }

    private static IEnumerable<PdfWord> Between(PdfTextLayer layer, string from, string to)
    {
        var start = layer.Words.FirstOrDefault(w => w.Text.StartsWith(from, StringComparison.Ordinal));
        if (start is null)
        {
            return [];
        }

        var end = layer.Words.Where(w => w.Text.StartsWith(to, StringComparison.Ordinal) && After(w, start)).MinBy(w => (w.Page, w.CenterY));
        return layer.Words.Where(w => After(w, start) && (end is null || After(end, w)));
    }

    // Centres, not edges: pdftotext's boxes for CJK text reach well above and below the glyphs.
    private static bool After(PdfWord word, PdfWord other) =>
        word.Page > other.Page || (word.Page == other.Page && word.CenterY > other.CenterY + 1);
}

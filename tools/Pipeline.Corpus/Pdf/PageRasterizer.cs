using System.Globalization;

namespace Pipeline.Corpus.Pdf;

/// <summary>Renders a PDF's pages to PNG images with pdftoppm, as a flatbed scanner would see them.</summary>
public static class PageRasterizer
{
    /// <summary>The page images, in page order, written into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Render(string pdf, int dpi, bool gray, string folder)
    {
        var prefix = Path.Combine(folder, "page");
        ExternalTool.Run("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), .. gray ? new[] { "-gray" } : [], "-png", pdf, prefix]);

        // pdftoppm pads page numbers to the page count's width, so names sort in page order.
        return [.. Directory.EnumerateFiles(folder, "page-*.png").Order(StringComparer.Ordinal)];
    }
}

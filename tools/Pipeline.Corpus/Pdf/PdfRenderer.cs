using Pipeline.Reading.Pdf;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// Prints a report to the PDFs asked for. The text PDF comes first, as the scans are made from it
/// and the seal is placed by its text layer; the scan parameters come from
/// <paramref name="degrade"/>, given that layer, so callers either draw them from a seed or pin them.
/// </summary>
public static class PdfRenderer
{
    public const int CleanDpi = 300;

    public static IReadOnlyList<PdfRendition> Render(
        ReportTruth truth,
        PrintStyle style,
        IReadOnlyCollection<PdfKind> kinds,
        Func<PdfTextLayer, ScanDegradation> degrade,
        int noiseSeed)
    {
        using var scratch = new TempWorkspace();
        var textPdf = scratch.File("text.pdf");
        File.WriteAllBytes(textPdf, ChromiumPrinter.Print(HtmlRenderer.Render(truth, style.Css)));
        var layer = PdfTextLayer.Read(textPdf);
        var tableThree = TableRegions.TableThreePages(layer);
        var results = new List<PdfRendition>();

        if (kinds.Contains(PdfKind.Text))
        {
            var rendering = new TruthRendering { Kind = TruthRendering.PdfText, Style = style.Name, TableThreePages = tableThree };
            results.Add(new PdfRendition(PdfKind.Text, File.ReadAllBytes(textPdf), rendering, []));
        }

        if (kinds.Contains(PdfKind.Scan))
        {
            var folder = Subfolder(scratch, "clean");

            // Grey PNG, as an office scanner's "document" mode saves; lossless, so the clean scan has no JPEG noise.
            var pages = PageRasterizer.Render(textPdf, CleanDpi, gray: true, folder);
            var rendering = new TruthRendering { Kind = TruthRendering.ScanClean, Style = style.Name, TableThreePages = tableThree, Dpi = CleanDpi };
            results.Add(new PdfRendition(PdfKind.Scan, ImagePdf.Wrap(pages, folder), rendering, [.. pages.Select(File.ReadAllBytes)]));
        }

        if (kinds.Contains(PdfKind.Degraded))
        {
            var degradation = degrade(layer);
            var folder = Subfolder(scratch, "degraded");
            var pages = PageRasterizer.Render(textPdf, degradation.Dpi, gray: false, folder);
            var spoiled = ScanDegrader.Degrade(pages, degradation, noiseSeed, folder);
            results.Add(new PdfRendition(PdfKind.Degraded, ImagePdf.Wrap(spoiled, folder), degradation.Describe(style.Name, tableThree), [.. spoiled.Select(File.ReadAllBytes)]));
        }

        return results;
    }

    /// <summary>Draws the degradation from a seed: the same seed, the same spoiled scan.</summary>
    public static Func<PdfTextLayer, ScanDegradation> Drawn(int seed) =>
        layer => ScanDegradation.Draw(new Random(seed), layer.PageCount, TableRegions.NumericCells(layer));

    private static string Subfolder(TempWorkspace scratch, string name)
    {
        var path = scratch.File(name);
        Directory.CreateDirectory(path);
        return path;
    }
}

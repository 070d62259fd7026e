using Pipeline.Corpus.Pdf;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// The PDF fixtures committed under tests/fixtures/pdf, made from the samples' truths with pinned
/// styles and scan parameters (not drawn), so that each fixture shows what its name says: text
/// PDFs of both vintages, passing and failing, in three styles with table 三 split across pages;
/// a clean 300 dpi scan; a skewed 200 dpi scan with a seal over a number of table 四; and a
/// lighter scan of the same report with its second page upside down. Twelve scanned pages in
/// all, as OCR is slow.
/// </summary>
public static class FixtureSet
{
    public const string DefaultFolder = "tests/fixtures/pdf";

    public static void Write(CorpusWriter writer, TextWriter progress)
    {
        var samples = SampleSet.All().ToDictionary(s => s.BaseName, s => s.Truth, StringComparer.Ordinal);

        Write(writer, "passing-2021", samples["passing-2021"], PrintStyle.Classic, [PdfKind.Text, PdfKind.Scan, PdfKind.Degraded], Skewed, progress);
        Write(writer, "passing-2020", samples["passing-2020"], PrintStyle.ShadedSans, [PdfKind.Text], Skewed, progress);
        Write(writer, "failing-2021", samples["failing-2021"], PrintStyle.HeavyGrid, [PdfKind.Text], Skewed, progress);
        Write(writer, "passing-2021-upside-down", samples["passing-2021"], PrintStyle.Classic, [PdfKind.Degraded], UpsideDown, progress);
    }

    /// <summary>200 dpi, turned 2.4°, JPEG 70, the seal over a number in the middle of table 四.</summary>
    private static ScanDegradation Skewed(PdfTextLayer layer)
    {
        var cells = TableRegions.NumericCells(layer);
        return new ScanDegradation(200, 2.4, 0.35, 0.5, 70, ScanDegradation.SealOver(cells[^8], 200), []);
    }

    /// <summary>240 dpi, turned -1°, light noise, no seal, page 2 (where table 三 starts) fed upside down.</summary>
    private static ScanDegradation UpsideDown(PdfTextLayer layer) => new(240, -1.0, 0.2, 0.3, 85, null, [2]);

    private static void Write(CorpusWriter writer, string baseName, ReportTruth truth, PrintStyle style, PdfKind[] kinds, Func<PdfTextLayer, ScanDegradation> degrade, TextWriter progress)
    {
        foreach (var pdf in PdfRenderer.Render(truth, style, kinds, degrade, noiseSeed: 7))
        {
            var name = pdf.Kind switch
            {
                PdfKind.Text => baseName + ".pdf",
                PdfKind.Scan => baseName + "-scan.pdf",
                _ => kinds.Length == 1 ? baseName + ".pdf" : baseName + "-degraded.pdf",
            };
            writer.Write(name, truth with { Rendering = pdf.Rendering }, pdf.Pdf);
            progress.WriteLine($"{name}: {pdf.Rendering.Kind}, {style.Name}, table 三 on pages {string.Join(',', pdf.Rendering.TableThreePages)}");
        }
    }
}

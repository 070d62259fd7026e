using System.Text.Json;
using Pipeline.Corpus.Cli;
using Pipeline.Corpus.Pdf;
using Pipeline.Corpus.Truth;

namespace Pipeline.Tests.Corpus;

/// <summary>
/// The corpus generator's PDF stage: scan parameters drawn within the documented ranges, the same
/// seed giving the same scan, the seal over a number of table 三 or 四, and table 三 split across
/// pages in the classic style. One report is printed once for the class (Chromium is slow).
/// </summary>
// Heavy on the processor: kept beside the other PDF tests rather than in parallel with them.
[Collection("pdf")]
public sealed class PdfCorpusTests(PdfCorpusTests.Printed printed) : IClassFixture<PdfCorpusTests.Printed>
{
    [Fact]
    public void DrawnDegradationsLieInTheDocumentedRanges()
    {
        var cells = new[] { new PdfWord(2, "17", 300, 400, 310, 412), new PdfWord(3, "0", 200, 100, 206, 112) };
        var drawn = Enumerable.Range(0, 400).Select(seed => ScanDegradation.Draw(new Random(seed), 4, cells)).ToList();

        Assert.All(drawn, d =>
        {
            Assert.InRange(d.Dpi, ScanDegradation.MinDpi, ScanDegradation.MaxDpi);
            Assert.InRange(d.RotationDegrees, -ScanDegradation.MaxRotation, ScanDegradation.MaxRotation);
            Assert.InRange(d.Noise, ScanDegradation.MinNoise, ScanDegradation.MaxNoise);
            Assert.InRange(d.Blur, ScanDegradation.MinBlur, ScanDegradation.MaxBlur);
            Assert.InRange(d.JpegQuality, ScanDegradation.MinJpegQuality, ScanDegradation.MaxJpegQuality);
            Assert.All(d.UpsideDownPages, p => Assert.InRange(p, 1, 4));
            Assert.True(d.Seal is null || cells.Any(c => c.Page == d.Seal.Page && c.Text == d.Seal.Over));
        });

        // Every kind of spoiling turns up: both skews, both ends of the dpi range, seals and upside-down pages, and scans without them.
        Assert.Contains(drawn, d => d.RotationDegrees > 2);
        Assert.Contains(drawn, d => d.RotationDegrees < -2);
        Assert.Contains(drawn, d => d.Dpi <= 200);
        Assert.Contains(drawn, d => d.Dpi >= 280);
        Assert.Contains(drawn, d => d.Seal is not null);
        Assert.Contains(drawn, d => d.Seal is null);
        Assert.Contains(drawn, d => d.UpsideDownPages.Count == 1);
        Assert.Contains(drawn, d => d.UpsideDownPages.Count == 0);
    }

    [Fact]
    public void TheSameSeedGivesTheSameTruthRenderingAndPageImages()
    {
        var again = PdfRenderer.Render(printed.Truth, PrintStyle.Classic, [PdfKind.Degraded], PdfRenderer.Drawn(printed.Seed), printed.Seed).Single();

        Assert.Equal(Json(printed.Degraded.Rendering), Json(again.Rendering));
        Assert.Equal(printed.Degraded.PageImages.Count, again.PageImages.Count);
        for (var i = 0; i < again.PageImages.Count; i++)
        {
            Assert.Equal(printed.Degraded.PageImages[i], again.PageImages[i]);
        }

        Assert.Equal(printed.Degraded.Pdf, again.Pdf);
    }

    [Fact]
    public void TheSealLiesOverANumericCellOfTableThreeOrFour()
    {
        var seal = printed.Degraded.Rendering.Seal;
        Assert.NotNull(seal);
        var pointsPerPixel = 72.0 / printed.Degraded.Rendering.Dpi!.Value;
        var (x, y) = (seal.X * pointsPerPixel, seal.Y * pointsPerPixel);

        // The seal's centre is inside a numeric cell's box as the text PDF places it, and that cell prints what the truth says.
        var cell = Assert.Single(TableRegions.NumericCells(printed.TextLayer), w =>
            w.Page == seal.Page && w.XMin <= x && x <= w.XMax && w.YMin <= y && y <= w.YMax);
        Assert.Equal(seal.Over, cell.Text);
        Assert.True(TableRegions.Covers(seal, pointsPerPixel, cell));
    }

    [Fact]
    public void EachPdfRecordsHowItWasMade()
    {
        Assert.Equal(TruthRendering.PdfText, printed.Text.Rendering.Kind);
        Assert.Null(printed.Text.Rendering.Dpi);
        Assert.Equal(TruthRendering.ScanClean, printed.Scan.Rendering.Kind);
        Assert.Equal(300, printed.Scan.Rendering.Dpi);
        Assert.Equal(TruthRendering.ScanDegraded, printed.Degraded.Rendering.Kind);
        Assert.All([printed.Text, printed.Scan, printed.Degraded], p => Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(p.Pdf, 0, 5), StringComparison.Ordinal));

        using var truth = JsonDocument.Parse(TruthJson.Serialize(printed.Truth with { Rendering = printed.Degraded.Rendering }));
        var rendering = truth.RootElement.GetProperty("rendering");
        Assert.Equal("scan-degraded", rendering.GetProperty("kind").GetString());
        Assert.Equal("classic", rendering.GetProperty("style").GetString());
        Assert.True(rendering.TryGetProperty("seal", out _));
    }

    /// <summary>The passing-2021 sample in the classic style: table 三 runs from page 2 onto page 3.</summary>
    [Fact]
    public void TableThreeIsSplitAcrossPagesInTheClassicStyle()
    {
        Assert.Equal([2, 3], printed.Text.Rendering.TableThreePages);
        Assert.Equal([2, 3], printed.Degraded.Rendering.TableThreePages);
        var pages = TableRegions.NumericCells(printed.TextLayer).Select(w => w.Page).Distinct().ToList();
        Assert.Contains(2, pages);
        Assert.Contains(3, pages);
    }

    [Theory]
    [InlineData("pdfs", "--seed", "1", "--count", "1", "--out", "dir", "--kinds", "text,fax")]
    [InlineData("pdfs", "--seed", "1", "--count", "0", "--out", "dir")]
    [InlineData("pdfs", "--seed", "1", "--count", "1")]
    public void BadPdfsUsageExitsWithTwo(params string[] args) =>
        Assert.Equal(2, CorpusCommand.Run(args, TextWriter.Null, TextWriter.Null));

    private static string Json(TruthRendering rendering) => JsonSerializer.Serialize(rendering, TruthJson.Options);

    /// <summary>The passing-2021 sample printed once as text PDF, clean scan and a drawn degraded scan that carries a seal.</summary>
    public sealed class Printed : IDisposable
    {
        private readonly Pipeline.Reading.Pdf.TempWorkspace _scratch = new();

        public Printed()
        {
            Truth = SampleSet.All().Single(s => s.BaseName == "passing-2021").Truth;

            // The first seed whose draw stamps a seal (whether it does depends on the draw alone, not on the cells).
            PdfWord[] anyCell = [new(1, "1", 0, 0, 1, 1)];
            Seed = Enumerable.Range(1, 100).First(s => ScanDegradation.Draw(new Random(s), 4, anyCell).Seal is not null);
            var pdfs = PdfRenderer.Render(Truth, PrintStyle.Classic, [PdfKind.Text, PdfKind.Scan, PdfKind.Degraded], PdfRenderer.Drawn(Seed), Seed);
            Text = pdfs.Single(p => p.Kind == PdfKind.Text);
            Scan = pdfs.Single(p => p.Kind == PdfKind.Scan);
            Degraded = pdfs.Single(p => p.Kind == PdfKind.Degraded);
            var textPdf = _scratch.File("text.pdf");
            File.WriteAllBytes(textPdf, Text.Pdf);
            TextLayer = PdfTextLayer.Read(textPdf);
        }

        public ReportTruth Truth { get; }

        public int Seed { get; }

        public PdfRendition Text { get; }

        public PdfRendition Scan { get; }

        public PdfRendition Degraded { get; }

        public PdfTextLayer TextLayer { get; }

        public void Dispose() => _scratch.Dispose();
    }
}

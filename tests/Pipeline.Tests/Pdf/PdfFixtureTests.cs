using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Cli;
using Pipeline.Model.Layout;
using Pipeline.Model.Results;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;

namespace Pipeline.Tests.Pdf;

/// <summary>
/// The committed PDF fixtures (tests/fixtures/pdf, made by `corpus fixtures` from the samples)
/// compared cell by cell with their truth: a text-layer PDF must be read exactly; a scan may
/// doubt a value, but a report whose truth passes must never come out failed.
/// </summary>
// PDF tests share the temporary folder check, so they do not run beside each other.
[Collection("pdf")]
public sealed class PdfFixtureTests : IClassFixture<PdfFixtureTests.Ocr>
{
    private readonly ReportChecker _checker;

    private readonly EnginePool _pool;

    public PdfFixtureTests(Ocr ocr)
    {
        _pool = ocr.Pool;
        _checker = ReaderSet.CreateChecker(ocr: ocr.Pool);
    }

    private static string Fixtures => Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pdf");

    [Theory]
    [InlineData("passing-2021.pdf")]
    [InlineData("passing-2020.pdf")]
    [InlineData("failing-2021.pdf")]
    public void TextLayerPdfIsReadExactlyWithTableThreeJoinedAcrossPages(string file)
    {
        var (result, truth) = Check(file);

        Assert.Equal("pdf-text", result.Source.Kind);
        Assert.Equal(truth.GetProperty("expectedVerdict").GetString(), JsonSerializer.Serialize(result.Verdict).Trim('"'));
        Assert.Empty(WrongCells(result, truth));
        Assert.Contains(result.Cells.Values, c => c.Page == 3 && c.Box is { Length: 4 });
    }

    [Fact]
    public void CleanScanIsReadCellByCellWithoutAnyWrongValue()
    {
        var (result, truth) = Check("passing-2021-scan.pdf");

        Assert.Equal("pdf-scan", result.Source.Kind);
        Assert.Empty(WrongCells(result, truth));
        Assert.Equal(Verdict.Passed, result.Verdict);
    }

    /// <summary>
    /// 200 dpi JPEG, turned 2.4°, noise and blur, a red seal over a number of table 四. Every value is read
    /// right, the seal's included; and whatever is not must be doubtful, never a confident wrong number.
    /// </summary>
    [Fact]
    public void DegradedScanWithASealIsReadRightAndNeverCalledFailed()
    {
        var (result, truth) = Check("passing-2021-degraded.pdf");

        Assert.Equal("pdf-scan", result.Source.Kind);
        Assert.Equal("scan-degraded", truth.GetProperty("rendering").GetProperty("kind").GetString());
        Assert.Empty(WrongCells(result, truth));
        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.Equal("2022-01-14", result.Published);

        // The number the seal's ring crosses is read right, and left doubtful all the same: an error resting on
        // it would go to review. Numbers clear of the seal keep their confidence.
        var underSeal = result.Cells["reviewLitigation.litigationDirect.total"];
        Assert.Equal("2", underSeal.Text);
        Assert.True(underSeal.Confidence < 0.9, $"confidence {underSeal.Confidence}");
        Assert.True(result.Cells["reviewLitigation.review.total"].Confidence >= 0.9);
    }

    /// <summary>
    /// The 2021 report scanned at 240 dpi with its second page (where table 三 starts) fed upside down: the
    /// page is turned, its table read; a value the reading doubts is never let through as a sure one.
    /// </summary>
    [Fact]
    public void ScanWithAnUpsideDownPageIsTurnedAndNeverCalledFailed()
    {
        var (result, truth) = Check("passing-2021-upside-down.pdf");

        Assert.Equal("pdf-scan", result.Source.Kind);
        Assert.Equal([2], truth.GetProperty("rendering").GetProperty("upsideDownPages").EnumerateArray().Select(p => p.GetInt32()));
        var comparison = TruthComparison.Of(result, truth);
        Assert.True(comparison.CellsRight >= comparison.Cells - 4, string.Join("\n", comparison.WrongCells));
        Assert.All(comparison.WrongCells, wrong => Assert.True(result.Cells[wrong[..wrong.IndexOf(':', StringComparison.Ordinal)]].Confidence < 0.9, wrong));
        Assert.NotEqual(Verdict.Failed, result.Verdict);
    }

    /// <summary>
    /// A worn 230 dpi table page fed upside down (tests/fixtures/pages, page 3 of a generated degraded scan), on
    /// which Tesseract's orientation model is unsure: its margin is 1.7, below the 2 it trusts. The page reads
    /// as nonsense as it lies, so it is read upside down as well, and that reading is kept: tables 三 and 四
    /// and the text between them.
    /// </summary>
    [Fact]
    public void UpsideDownPageTheOrientationModelIsUnsureOfIsStillTurned()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pages", "upside-down-unsure-page.pdf"));
        var reader = new PdfReader(PdfLimits.Default, new ScannedPageReader(_pool));

        var document = reader.Read(new InputFile("upside-down.pdf", bytes));

        var cells = document.Blocks.OfType<LayoutTable>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text).ToList();
        Assert.Contains("四、结转下年度继续办理", cells);
        Assert.Contains("结果维持", cells);
        Assert.Contains(document.Blocks.OfType<LayoutParagraph>(), p => p.Text.StartsWith("五、存在的主要问题", StringComparison.Ordinal));
    }

    /// <summary>
    /// Table 四 pages with a blank mark written in a number cell (generated scans with the CELL-BLANK mutation): 无
    /// on a worn page, which the digits reading finds nothing in and the Chinese reading reads surely; a small
    /// dash on a clean page, which the Chinese reading takes for 一 and its shape shows to be a dash. Read as
    /// written, CELL-BLANK can fail the report instead of sending it to review for an unread cell.
    /// </summary>
    [Theory]
    [InlineData("table-four-wu-page.pdf", "无")]
    [InlineData("table-four-dash-page.pdf", "-")]
    public void ABlankMarkWrittenInANumberCellIsReadAsWritten(string file, string mark)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pages", file));
        var reader = new PdfReader(PdfLimits.Default, new ScannedPageReader(_pool));

        var document = reader.Read(new InputFile(file, bytes));

        var values = document.Blocks.OfType<LayoutTable>().Last().Rows[^1].Cells;
        Assert.Equal(15, values.Count);
        var written = Assert.Single(values, c => c.Text == mark);
        Assert.True(written.Origin.Confidence >= 0.9, $"confidence {written.Origin.Confidence}");
        Assert.All(values.Where(c => c != written), c => Assert.Matches("^[0-9]+$", c.Text));
    }

    /// <summary>
    /// A blurred first page in small type (page 1 of a generated degraded scan, compact style): Tesseract's
    /// layout analysis drops the short line 一、总体情况 from the band it reads. The line's ink is there, so it is
    /// read on its own, and the heading stands between the preamble and the section's text.
    /// </summary>
    [Fact]
    public void AHeadingTheLayoutAnalysisDroppedIsReadOnItsOwn()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "pages", "dropped-heading-page.pdf"));
        var reader = new PdfReader(PdfLimits.Default, new ScannedPageReader(_pool));

        var paragraphs = reader.Read(new InputFile("heading.pdf", bytes)).Blocks.OfType<LayoutParagraph>().Select(p => p.Text).ToList();

        var heading = paragraphs.IndexOf("一、总体情况");
        Assert.True(heading > 0, string.Join("\n", paragraphs));
        Assert.StartsWith("根据《中华人民共和国政府信息", paragraphs[heading - 1], StringComparison.Ordinal);
        Assert.StartsWith("2022年，我乡坚持", paragraphs[heading + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void OcrStopsAtTheDocumentTimeLimitAndSaysSo()
    {
        var reader = new PdfReader(new PdfLimits(Timeout: TimeSpan.FromSeconds(2)), new ScannedPageReader(_pool));
        var bytes = File.ReadAllBytes(Path.Combine(Fixtures, "passing-2021-scan.pdf"));
        var started = DateTime.UtcNow;

        var error = Assert.Throws<UnreadableException>(() => reader.Read(new InputFile("slow.pdf", bytes)));

        Assert.Contains("超过时限", error.Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    private (CheckResult Result, JsonElement Truth) Check(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Fixtures, file));
        var result = _checker.Check(file, stream);
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures, Path.ChangeExtension(file, ".truth.json")))).RootElement;
        return (result, truth);
    }

    private static IReadOnlyList<string> WrongCells(CheckResult result, JsonElement truth) => TruthComparison.Of(result, truth).WrongCells;

    /// <summary>One engine pool for the class: loading Tesseract's models is the slow part.</summary>
    public sealed class Ocr : IDisposable
    {
        public EnginePool Pool { get; } = new();

        public void Dispose() => Pool.Dispose();
    }
}

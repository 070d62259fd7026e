using System.Diagnostics;
using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// A scan declared at a density no scanner uses (96 dpi, what img2pdf writes for a PNG without pHYs) makes its
/// page far too large. The committed 200 dpi scan's own images are wrapped again at 96 dpi: the reader must
/// render them from their pixels, as the rightly declared scan is, and read the same cells.
/// </summary>
public sealed class ScanDensityTests : IClassFixture<IndependentCorpusTests.Engines>, IDisposable
{
    private const string Scan = "r3002-2021-clean-scan-dpi200.pdf";

    private readonly IndependentCorpusTests.Engines _engines;

    private readonly string _scratch = Directory.CreateTempSubdirectory("scan-density-").FullName;

    public ScanDensityTests(IndependentCorpusTests.Engines engines) => _engines = engines;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Fixture => Repository.Path("tests", "fixtures", "independent", Scan);

    /// <summary>The fixture's page images, taken out losslessly and put back on pages declared at 96 dpi.</summary>
    private byte[] DeclaredAt96Dpi()
    {
        Run("pdfimages", "-png", Fixture, Path.Combine(_scratch, "img"));
        var images = Directory.GetFiles(_scratch, "img-*.png").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(images);
        var pdf = Path.Combine(_scratch, "wrong.pdf");
        Run("img2pdf", [.. images, "--imgsize", "96dpix96dpi", "-o", pdf]);
        return File.ReadAllBytes(pdf);
    }

    [Fact]
    public void APageDeclaredAtNinetySixDpiIsRenderedFromItsPixelsToThreeHundredAnInchOfA4()
    {
        using var wrong = new PdfSession(DeclaredAt96Dpi(), PdfLimits.Default, CancellationToken.None);
        using var right = new PdfSession(File.ReadAllBytes(Fixture), PdfLimits.Default, CancellationToken.None);

        // 1653 pixels declared at 96 dpi make a page 1240 points wide; A4 is 595, so 300 dpi of paper is 144 of that page.
        Assert.InRange(wrong.Info().PageSizes[0].Width, 1239, 1241);
        Assert.Equal(144, wrong.ScanDpi(1, 300));
        Assert.Equal(300, right.ScanDpi(1, 300));
        var rendered = wrong.RenderColor(1, wrong.ScanDpi(1, 300));
        Assert.InRange(rendered.Width, 2478, 2482);
    }

    [Fact]
    public void TheWronglyDeclaredScanReadsAsTheRightlyDeclaredOne()
    {
        var checker = ReaderSet.CreateChecker(ocr: _engines.Pool);
        var right = JsonSerializer.SerializeToElement(checker.Check(new InputFile(Scan, File.ReadAllBytes(Fixture))));
        var wrong = JsonSerializer.SerializeToElement(checker.Check(new InputFile("wrong.pdf", DeclaredAt96Dpi())));

        static Dictionary<string, string?> Cells(JsonElement result) =>
            result.GetProperty("cells").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("text").GetString());

        Assert.True(Cells(right).Count > 100);
        Assert.Equal(Cells(right), Cells(wrong));
        Assert.Equal(right.GetProperty("verdict").GetString(), wrong.GetProperty("verdict").GetString());
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program}: {error}");
    }
}

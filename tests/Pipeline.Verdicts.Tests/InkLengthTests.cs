using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Corpus.Independent;
using Pipeline.Imaging;
using Pipeline.Mapping;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// Class 3: long numbers cut short, read as sure (1384 for 1384077 at 150 dpi, at 0.99). However sure the
/// recogniser is, a number with fewer digits than its ink can hold must never be sure. The committed 200 dpi scan
/// has seven-digit counts in table 二's wide cells; it is read with the configured recogniser made to drop the
/// last digits of every long number it reads, keeping its confidence, as PP-OCR did.
/// </summary>
public sealed class InkLengthTests : IClassFixture<IndependentCorpusTests.Engines>
{
    private const string Scan = "r3002-2021-clean-scan-dpi200.pdf";

    private readonly IndependentCorpusTests.Engines _engines;

    public InkLengthTests(IndependentCorpusTests.Engines engines) => _engines = engines;

    /// <summary>The configured recogniser, but a run of six digits or more comes back as its first four, as sure as it was.</summary>
    private sealed class CutShort(ITextRecognizer inner) : ITextRecognizer
    {
        private int _cut;

        /// <summary>Numbers cut short so far; pages are read side by side.</summary>
        public int Cut => _cut;

        public string Name => inner.Name;

        public IReadOnlyList<LineReading> Read(IReadOnlyList<GrayImage> lines, string? allowed = null) =>
            [.. inner.Read(lines, allowed).Select(r =>
            {
                if (r.Text.Length < 6 || !r.Text.All(char.IsAsciiDigit))
                {
                    return r;
                }

                Interlocked.Increment(ref _cut);
                return r with { Text = r.Text[..4], Characters = [.. r.Characters.Take(4)] };
            })];

        public IReadOnlyList<Rect> FindLines(GrayImage region) => inner.FindLines(region);

        public double UpsideDownShare(IReadOnlyList<GrayImage> lines) => inner.UpsideDownShare(lines);
    }

    [Fact]
    public void ANumberShorterThanItsInkIsNeverSure()
    {
        var pool = _engines.Pool;
        var recognizer = new CutShort(RecognizerChoice.Create(RecognizerChoice.FromEnvironment(), pool));
        var checker = new ReportChecker(
            [new PdfReader(PdfLimits.Default, new ScannedPageReader(pool, recognizer))],
            new ReportMapper(),
            new ReportValidator(RuleCatalogue.Default()),
            CheckLimits.Default);
        var path = Repository.Path("tests", "fixtures", "independent", Scan);

        var result = checker.Check(new InputFile(Scan, File.ReadAllBytes(path)));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".truth.json")));
        var score = Bench.Judge(Scan, JsonSerializer.SerializeToElement(result), truth.RootElement);

        Assert.True(recognizer.Cut > 0, "the recogniser read no long number");
        Assert.True(score.SureWrong == 0, string.Join('\n', score.Wrong));
        Assert.False(score.FalseFailure, string.Join('\n', score.Wrong));
    }
}

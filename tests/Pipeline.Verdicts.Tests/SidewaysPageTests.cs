using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Corpus.Independent;
using Pipeline.Imaging;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// Class 5: a page fed sideways in an upright document. The committed scan (seed 3, fault sideways) has its
/// second page turned a quarter clockwise; the others are upright. The page's geometry must tell it, and the
/// turned page must be read as its upright neighbours are.
/// </summary>
public sealed class SidewaysPageTests : IClassFixture<IndependentCorpusTests.Engines>
{
    private const string Scan = "r3000-2019-clean-scan-sideways.pdf";

    private readonly IndependentCorpusTests.Engines _engines;

    public SidewaysPageTests(IndependentCorpusTests.Engines engines) => _engines = engines;

    private static string Fixture => Repository.Path("tests", "fixtures", "independent", Scan);

    private static bool RunsDown(PdfSession session, int page, int turn = 0)
    {
        var gray = PageAnalyzer.Default.SealFilter.Separate(session.RenderColor(page, 300)).Page;
        var analysis = PageAnalyzer.Default.Analyze(turn == 0 ? gray : Rotation.Rotate(gray, turn));
        var runs = TextDirection.RunsDown(analysis.Ink, analysis.Rulings);
        Console.WriteLine($"page {page} turned {turn}: {TextDirection.Count(analysis.Ink, analysis.Rulings)} → {runs}");
        return runs;
    }

    [Fact]
    public void TheSidewaysPageAloneHasItsTextRunningDownIt()
    {
        using var session = new PdfSession(File.ReadAllBytes(Fixture), PdfLimits.Default, CancellationToken.None);

        Assert.False(RunsDown(session, 1));
        Assert.True(RunsDown(session, 2));
        Assert.False(RunsDown(session, 2, turn: 90));
        Assert.False(RunsDown(session, 3));
    }

    [Fact]
    public void TheSidewaysPageIsReadAsTheUprightOnesAre()
    {
        var result = ReaderSet.CreateChecker(ocr: _engines.Pool).Check(new InputFile(Scan, File.ReadAllBytes(Fixture)));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(Fixture, ".truth.json")));
        var score = Bench.Judge(Scan, JsonSerializer.SerializeToElement(result), truth.RootElement);

        Assert.True(score.Right >= score.Cells - 2, $"{score.Right} of {score.Cells} cells right:\n{string.Join('\n', score.Wrong)}");
        Assert.Equal(0, score.SureWrong);
        Assert.False(score.FalseFailure);
    }
}

using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Corpus.Independent;
using Pipeline.Reading;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// Classes 4 and 6 of the layout issue, on committed scans of the independent corpus. Class 4: a scan darker towards one side (the page multiplied by a ramp from white to 55% grey), with punch holes
/// in its margin, made by the independent corpus (`generate --seed 95 --count 4 --faults unevenlight+punchholes,bilevel`,
/// its two uneven scans kept). On the dark side a cell's paper is mid-grey. Framed in white for Tesseract, such a
/// crop thresholds to a block of ink, and a clear 2 or 1 was read as 加. That left the data row of table 四 unread
/// in one report (15 cells) and four cells of table 二 in the other, both sent to review. A cell is now framed in
/// its own paper (PaperFrame, and NumberStrip's paper). Class 6: 1-bit scans at 200 dpi (r3003 from seed 3, r95001
/// from seed 95, the latter with T3-ROW-TOTAL injected), whose rulings and digits are broken by the threshold.
/// </summary>
public sealed class WornScanTests : IClassFixture<IndependentCorpusTests.Engines>
{
    private readonly IndependentCorpusTests.Engines _engines;

    public WornScanTests(IndependentCorpusTests.Engines engines) => _engines = engines;

    public static TheoryData<string> Scans => IndependentCorpusTests.Files(f => f.Contains("-scan-unevenlight", StringComparison.Ordinal) || f.Contains("-scan-bilevel", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Scans))]
    public void EveryTableOfAWornScanIsReadAndItsVerdictIsRight(string file)
    {
        var path = Repository.Path("tests", "fixtures", "independent", file);
        var result = ReaderSet.CreateChecker(ocr: _engines.Pool).Check(new InputFile(file, File.ReadAllBytes(path)));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".truth.json")));
        var score = Bench.Judge(file, JsonSerializer.SerializeToElement(result), truth.RootElement);

        Assert.True(score.Right >= score.Cells - 1, $"{score.Right} of {score.Cells} cells right:\n{string.Join('\n', score.Wrong)}");
        Assert.Equal(0, score.SureWrong);
        Assert.True(score.VerdictOk, $"verdict {score.Verdict}, expected {score.Expected}");
    }
}

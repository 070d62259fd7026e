using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Corpus.Independent;
using Pipeline.Ocr;
using Pipeline.Reading;

namespace Pipeline.Verdicts.Tests;

/// <summary>
/// The committed set of the independent corpus (tests/fixtures/independent, made by
/// `independent generate --seed 3 --count 32 --scans`, a subset kept; Word files as written by the generator): every cell and every verdict against the
/// truth written from the hand-typed templates. HTML, Word files and text-layer PDFs must be read in full, every verdict
/// right; scans (being reworked by the OCR issue) must never fail a passing report nor pass an injected error.
/// </summary>
public sealed class IndependentCorpusTests : IClassFixture<IndependentCorpusTests.Engines>
{
    private readonly Engines _engines;

    public IndependentCorpusTests(Engines engines) => _engines = engines;

    public sealed class Engines : IDisposable
    {
        public EnginePool Pool { get; } = new();

        public void Dispose() => Pool.Dispose();
    }

    private static string Folder => Repository.Path("tests", "fixtures", "independent");

    public static TheoryData<string> Files(Func<string, bool> which) =>
        new(Directory.GetFiles(Folder).Where(f => !f.EndsWith(".truth.json", StringComparison.Ordinal)).Select(Path.GetFileName).Where(f => which(f!)).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> Printed => Files(f => !f.Contains("-scan-", StringComparison.Ordinal));

    public static TheoryData<string> Scanned => Files(f => f.Contains("-scan-", StringComparison.Ordinal));

    private Bench.Score Check(string file, bool ocr)
    {
        var path = Path.Combine(Folder, file);
        var checker = ocr ? ReaderSet.CreateChecker(ocr: _engines.Pool) : ReaderSet.CreateChecker();
        var result = checker.Check(new InputFile(file, File.ReadAllBytes(path)));
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, Path.GetFileNameWithoutExtension(file) + ".truth.json")));
        return Bench.Judge(file, JsonSerializer.SerializeToElement(result), truth.RootElement);
    }

    [Fact]
    public void TheSetHoldsBothFormatsAnInjectedErrorOfEveryInReportRuleAndScans()
    {
        var truths = Directory.GetFiles(Folder, "*.truth.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();

        Assert.Equal(["2019", "2021"], truths.Select(t => t.GetProperty("vintage").GetString()).Distinct().Order(StringComparer.Ordinal));
        var injected = truths.SelectMany(t => t.GetProperty("expectedRules").EnumerateArray().Select(r => r.GetString())).ToHashSet();
        Assert.All(Injection.Rules, r => Assert.Contains(r.Rule, injected));
        Assert.Contains(truths, t => t.GetProperty("rendering").GetProperty("kind").GetString() == "pdf-text");
        Assert.Contains(truths, t => t.GetProperty("rendering").GetProperty("kind").GetString() == "docx");
        Assert.Contains(truths, t => t.GetProperty("rendering").GetProperty("kind").GetString()!.StartsWith("scan", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Printed))]
    public void EveryCellAndTheVerdictOfAPrintedReportAreRight(string file)
    {
        var score = Check(file, ocr: false);

        Assert.True(score.Wrong.Count == 0, string.Join('\n', score.Wrong));
        Assert.Equal(score.Cells, score.Right);
        Assert.True(score.VerdictOk);
    }

    [Theory]
    [MemberData(nameof(Scanned))]
    public void AScanNeverFailsAPassingReportNorPassesAnInjectedError(string file)
    {
        var score = Check(file, ocr: true);

        Assert.False(score.FalseFailure, string.Join('\n', score.Wrong));
        Assert.False(score.InjectedPassed, string.Join('\n', score.Wrong));
    }
}

using Pipeline.Corpus.Cli;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Tests.Corpus;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _temp = TestFiles.TempFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [MemberData(nameof(CorpusSeeds.Sweep), MemberType = typeof(CorpusSeeds))]
    public void TheSameSeedGivesTheSameBytesInEveryFormat(int seed)
    {
        var first = TruthFactory.Create(seed);
        var second = TruthFactory.Create(seed);

        Assert.Equal(TruthJson.Serialize(first), TruthJson.Serialize(second));
        foreach (var format in Renderings.All)
        {
            Assert.Equal(Renderings.Render(first, format), Renderings.Render(second, format));
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentReports()
    {
        var reports = Enumerable.Range(0, 50).Select(seed => TruthJson.Serialize(TruthFactory.Create(seed) with { Seed = 0 })).ToList();

        Assert.Equal(reports.Count, reports.Distinct().Count());
    }

    [Fact]
    public void TheSamplesCommandWritesTheSameFilesTwice()
    {
        var first = Path.Combine(_temp, "a");
        var second = Path.Combine(_temp, "b");

        Assert.Equal(0, CorpusCommand.Run(["samples", "--out", first], TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, CorpusCommand.Run(["samples", "--out", second], TextWriter.Null, TextWriter.Null));

        var files = Files(first);
        Assert.Equal(files, Files(second));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    /// <summary>The committed samples are what the generator makes today; if not, re-run `corpus samples --out samples/`.</summary>
    [Fact]
    public void TheCommittedSamplesAreCurrent()
    {
        Assert.Equal(0, CorpusCommand.Run(["samples", "--out", _temp], TextWriter.Null, TextWriter.Null));

        var stale = Files(_temp)
            .Where(file => !File.Exists(Path.Combine(TestFiles.Samples, file))
                || !File.ReadAllBytes(Path.Combine(TestFiles.Samples, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_temp, file))))
            .ToList();
        Assert.True(stale.Count == 0, "samples/ is out of date, run `dotnet run --project tools/Pipeline.Corpus -- samples --out samples/`: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheSamplesStaySmall()
    {
        Assert.Equal(0, CorpusCommand.Run(["samples", "--out", _temp], TextWriter.Null, TextWriter.Null));

        var size = Directory.EnumerateFiles(_temp, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(size, 1, 1_000_000);
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}

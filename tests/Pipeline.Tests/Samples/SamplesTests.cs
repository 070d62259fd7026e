using Pipeline.Corpus.Cli;

namespace Pipeline.Tests.Samples;

/// <summary>The project's samples and a freshly generated corpus read back to their truth, in every format.</summary>
public sealed class SamplesTests
{
    public static TheoryData<string> SampleFiles() => [.. CorpusRoundTrip.Entries(TestFiles.Samples)];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void EachSampleReadsBackToItsTruth(string file) =>
        Assert.Empty(CorpusRoundTrip.Differences(TestFiles.Samples, file));

    [Fact]
    public void AGeneratedCorpusReadsBackToItsTruthInEveryFormat()
    {
        var folder = TestFiles.TempFolder();
        try
        {
            var writer = new CorpusWriter(folder);
            GeneratedCorpus.Write(writer, firstSeed: 101, count: 8);
            writer.WriteIndex();

            var entries = CorpusRoundTrip.Entries(folder).ToList();
            var failures = entries
                .Select(f => (File: f, Differences: CorpusRoundTrip.Differences(folder, f)))
                .Where(r => r.Differences.Count > 0)
                .Select(r => $"{r.File}: {string.Join("; ", r.Differences.Take(3))}")
                .ToList();

            Assert.True(entries.Count > 100, $"only {entries.Count} files generated");
            Assert.Empty(failures);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

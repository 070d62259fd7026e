using System.Text.Json;
using Pipeline.Corpus.Cli;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Tests.Corpus;

public sealed class CorpusCommandTests : IDisposable
{
    private readonly string _temp = TestFiles.TempFolder();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void GenerateWritesEveryFormatAndTheMutatedVariantsEachBesideItsTruth()
    {
        using var output = new StringWriter();

        var code = CorpusCommand.Run(["generate", "--seed", "100", "--count", "3", "--out", _temp], output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.StartsWith("wrote 3 reports", output.ToString(), StringComparison.Ordinal);
        var renderings = Directory.EnumerateFiles(_temp).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).ToList();
        var passing = renderings.Where(f => Path.GetFileName(f).Contains("-passing", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * Renderings.All.Count, passing.Count);
        Assert.True(renderings.Count - passing.Count >= 3 * (MutationCatalogue.All.Count - 1));
        foreach (var file in renderings)
        {
            var truth = TruthJson.Deserialize(File.ReadAllText(Path.ChangeExtension(file, null) + ".truth.json"));
            Assert.Equal(Path.GetFileName(file).Contains("-passing", StringComparison.Ordinal), truth.ExpectedRules.Count == 0);
        }

        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp, "index.json")));
        Assert.Equal(renderings.Count, index.RootElement.GetArrayLength());
    }

    [Fact]
    public void SamplesHoldWhatTheBriefAsksFor()
    {
        Assert.Equal(0, CorpusCommand.Run(["samples", "--out", _temp], TextWriter.Null, TextWriter.Null));

        string[] expected =
        [
            "passing-2021-tabs.txt", "passing-2021-pipes.txt", "passing-2021-rows.txt", "passing-2021.html", "passing-2021-flat.html", "passing-2021.docx",
            "failing-2021-tabs.txt", "mixed-2021-rows.txt", "passing-2020-tabs.txt",
        ];
        foreach (var file in expected)
        {
            Assert.True(File.Exists(Path.Combine(_temp, file)), file);
            Assert.True(File.Exists(Path.Combine(_temp, Path.ChangeExtension(file, null) + ".truth.json")), file);
        }

        var failing = TruthJson.Deserialize(File.ReadAllText(Path.Combine(_temp, "failing-2021-tabs.truth.json")));
        Assert.Equal(["T3-BALANCE", "TXT-APPLICATIONS"], failing.ExpectedRules);
        var mixed = TruthJson.Deserialize(File.ReadAllText(Path.Combine(_temp, "mixed-2021-rows.truth.json")));
        Assert.Equal(["DOC-VINTAGE"], mixed.ExpectedRules);
        var old = TruthJson.Deserialize(File.ReadAllText(Path.Combine(_temp, "passing-2020-tabs.truth.json")));
        Assert.Equal(Pipeline.Model.Reports.Vintage.Format2019, old.Vintage);
        Assert.All(MutationCatalogue.All, m => Assert.True(File.Exists(Path.Combine(_temp, "mutations", m.Slug + "-tabs.txt")), m.Slug));
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("generate", "--seed", "x", "--count", "2", "--out", "dir")]
    [InlineData("generate", "--seed", "1", "--count", "0", "--out", "dir")]
    [InlineData("samples", "--out")]
    public void BadUsageExitsWithTwo(params string[] args)
    {
        using var error = new StringWriter();

        Assert.Equal(2, CorpusCommand.Run(args, TextWriter.Null, error));
    }
}

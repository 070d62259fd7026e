namespace Pipeline.Tests.Corpus;

/// <summary>The seeds the corpus tests sweep: enough to meet every agency kind, year and table shape.</summary>
public static class CorpusSeeds
{
    public static TheoryData<int> Sweep { get; } = [.. Enumerable.Range(0, 40).Select(i => (i * 7919) + 3)];

    public static IEnumerable<int> Many => Enumerable.Range(0, 400);
}

using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Tests.Seeds;

namespace Pipeline.Tests.Mutations;

/// <summary>Runs the whole checker (bytes in, result out) on a mutated seed.</summary>
public static class MutationRun
{
    private static readonly ReportChecker Checker = ReaderSet.CreateChecker();

    public static readonly string[] AllSeeds = ["000", "001", "002", "003", "004"];

    /// <summary>The 2021-format seeds, in all three text styles: 000 and 003 tab-led lines, 002 '|', 004 tab rows.</summary>
    public static readonly string[] Seeds2021 = ["000", "002", "003", "004"];

    public static TheoryData<string> Seeds => new(AllSeeds);

    public static TheoryData<string> Format2021Seeds => new(Seeds2021);

    public static CheckResult Check(SeedText text) => Checker.Check(new InputFile(text.Prefix + "-mutated.txt", text.ToBytes()));

    /// <summary>What the unchanged seed raises; a mutation adds to it (or says what it takes away).</summary>
    public static List<ExpectedFinding> Baseline(string prefix) => [.. SeedTruth.Get(prefix).Findings];

    /// <summary>The baseline without a rule's findings, for mutations that change or silence them.</summary>
    public static List<ExpectedFinding> BaselineWithout(string prefix, string rule) =>
        [.. SeedTruth.Get(prefix).Findings.Where(f => f.Rule != rule)];
}

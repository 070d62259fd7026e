using Pipeline.Corpus.Cli;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Results;

namespace Pipeline.Tests.Corpus;

public sealed class MutationTests
{
    private static readonly HashSet<string> Errors =
        ["T3-ROW-TOTAL", "T3-BALANCE", "T3-RESULT-SUM", "T4-GROUP-TOTAL", "NUM-FORM", "CELL-BLANK", "DOC-SECTIONS", "DOC-TABLES", "DOC-YEAR"];

    public static TheoryData<string> Rules { get; } = [.. MutationCatalogue.All.Select(m => m.Rule)];

    [Fact]
    public void TheCatalogueCoversTheRulesOfTheBrief()
    {
        string[] rules =
        [
            "T3-ROW-TOTAL", "T3-BALANCE", "T3-RESULT-SUM", "T4-GROUP-TOTAL", "NUM-FORM", "CELL-BLANK", "DOC-SECTIONS", "DOC-TABLES",
            "DOC-YEAR", "DOC-VINTAGE", "DOC-LATE", "TXT-APPLICATIONS", "TXT-REVIEW-LITIGATION", "TXT-AGENCY", "TXT-PROBLEMS-EMPTY",
        ];

        Assert.Equal(rules, MutationCatalogue.All.Select(m => m.Rule));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachMutationBreaksExactlyTheIdentityItClaims(string rule)
    {
        var mutation = MutationCatalogue.Get(rule);
        var applied = 0;
        foreach (var seed in CorpusSeeds.Many.Take(150))
        {
            var truth = TruthFactory.Create(seed);
            if (!mutation.AppliesTo(truth))
            {
                continue;
            }

            var variant = mutation.Apply(truth, VariantSeeds.For(seed, 0));
            applied++;

            Assert.Equal([rule], TruthAudit.Broken(variant));
            Assert.Equal([rule], variant.ExpectedRules);
            Assert.Equal(Errors.Contains(rule) ? Verdict.Failed : Verdict.Passed, variant.ExpectedVerdict);
            Assert.Single(variant.Mutations);
            Assert.StartsWith(rule + ": ", variant.Mutations[0], StringComparison.Ordinal);
        }

        Assert.True(applied >= 50, $"{rule} applied to only {applied} reports");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void AMutationLeavesTheTruthItCameFromAlone(string rule)
    {
        var truth = TruthFactory.Create(11, new TruthOptions(Kind: AgencyKind.Town, Applications: true, Cases: true));
        var before = TruthJson.Serialize(truth);

        var variant = MutationCatalogue.Get(rule).Apply(truth, new Random(5));

        Assert.Equal(before, TruthJson.Serialize(truth));
        Assert.NotEqual(before, TruthJson.Serialize(variant));
    }

    [Fact]
    public void MutationsComposeAndTheVerdictFollowsTheWorstSeverity()
    {
        var truth = TruthFactory.Create(20211, new TruthOptions(2021, AgencyKind.Subdistrict, Applications: true));

        var warned = TextMutations.Applications.Apply(truth, new Random(1));
        var both = TableMutations.Balance.Apply(warned, new Random(2));

        Assert.Equal(Verdict.Passed, warned.ExpectedVerdict);
        Assert.Equal(Verdict.Failed, both.ExpectedVerdict);
        Assert.Equal(["TXT-APPLICATIONS", "T3-BALANCE"], both.ExpectedRules);
        Assert.Equal(new SortedSet<string>(["T3-BALANCE", "TXT-APPLICATIONS"], StringComparer.Ordinal), TruthAudit.Broken(both));
    }

    [Fact]
    public void TheAgencyMutationSkipsBureausWhoseTextSaysWoJu()
    {
        var bureau = TruthFactory.Create(3, new TruthOptions(Kind: AgencyKind.Bureau));
        var town = TruthFactory.Create(3, new TruthOptions(Kind: AgencyKind.Town));

        Assert.False(TextMutations.Agency.AppliesTo(bureau));
        Assert.Throws<InvalidOperationException>(() => TextMutations.Agency.Apply(bureau, new Random(1)));
        Assert.Contains("我街道", TextMutations.Agency.Apply(town, new Random(1)).Sections.Problems, StringComparison.Ordinal);
    }

    [Fact]
    public void TheVintageMutationPrintsTableTwoInTheOtherFormat()
    {
        var truth = TruthFactory.Create(8, new TruthOptions(2021));

        var mixed = DocumentMutations.Vintage.Apply(truth, new Random(3));

        Assert.Equal(Pipeline.Model.Reports.Vintage.Format2021, mixed.Vintage);
        Assert.Equal(Pipeline.Model.Reports.Vintage.Format2019, mixed.ActiveDisclosureVintage);
        Assert.True(mixed.Tables.ActiveDisclosure.HasRow("procurement"));
        Assert.NotNull(mixed.Tables.ActiveDisclosure.Get("licensing", "previousCount"));
        Assert.NotNull(mixed.Tables.Applications.Get("otherHandling.feeUnpaid", "total"));
    }
}

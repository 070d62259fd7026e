using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// The project's committed samples. Seeds and options are pinned so that each sample shows
/// what its name says, whatever the generator's defaults.
/// </summary>
public static class SampleSet
{
    public static IReadOnlyList<Sample> All()
    {
        var passing2021 = TruthFactory.Create(20210, new TruthOptions(2021, AgencyKind.Town, Applications: true, Cases: true, Dated: true));
        var failing2021 = Mutate(
            TruthFactory.Create(20211, new TruthOptions(2021, AgencyKind.Subdistrict, Applications: true, Cases: false, Dated: true)),
            TableMutations.Balance,
            TextMutations.Applications);
        var mixed2021 = Mutate(
            TruthFactory.Create(20212, new TruthOptions(2021, AgencyKind.Township, Applications: true, Cases: false, Dated: true)),
            DocumentMutations.Vintage);
        var passing2020 = TruthFactory.Create(20200, new TruthOptions(2020, AgencyKind.Bureau, Applications: true, Cases: false, Dated: true));
        var quiet2022 = TruthFactory.Create(20220, new TruthOptions(2022, AgencyKind.Subdistrict, Applications: false, Cases: false, Dated: true));

        var samples = new List<Sample>
        {
            new("passing-2021", passing2021, Renderings.All),
            new("failing-2021", failing2021, [RenderFormat.Tabs, RenderFormat.Html, RenderFormat.Docx]),
            new("mixed-2021", mixed2021, [RenderFormat.Rows, RenderFormat.Docx]),
            new("passing-2020", passing2020, [RenderFormat.Tabs, RenderFormat.Html, RenderFormat.Docx]),
            new("passing-2022-none", quiet2022, [RenderFormat.Pipes]),
        };

        // One variant per rule, all from the same 2021 town report, so that each differs from it in one way.
        var basis = TruthFactory.Create(20213, new TruthOptions(2021, AgencyKind.Town, Applications: true, Cases: true, Dated: true));
        samples.AddRange(MutationCatalogue.All.Select((m, i) =>
            new Sample($"mutations/{m.Slug}", m.Apply(basis, VariantSeeds.For(basis.Seed, i)), [RenderFormat.Tabs])));
        return samples;
    }

    private static ReportTruth Mutate(ReportTruth truth, params Mutation[] mutations) =>
        mutations.Select((m, i) => (m, i)).Aggregate(truth, (t, step) => step.m.Apply(t, VariantSeeds.For(truth.Seed, step.i)));
}

/// <summary>A sample: its base name under samples/, its truth, and the forms it is written in.</summary>
public sealed record Sample(string BaseName, ReportTruth Truth, IReadOnlyList<RenderFormat> Formats);

using System.Globalization;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// A benchmark corpus: reports from consecutive seeds, each in every format, plus one variant
/// per applicable mutation in a format that rotates with the seed, so that across the corpus
/// every mutation meets every format.
/// </summary>
public static class GeneratedCorpus
{
    public static int Write(CorpusWriter writer, int firstSeed, int count)
    {
        var reports = 0;
        foreach (var truth in Reports(firstSeed, count))
        {
            var name = truth.Seed.ToString(CultureInfo.InvariantCulture);
            writer.Write($"{name}-passing", truth, Renderings.All);
            for (var i = 0; i < MutationCatalogue.All.Count; i++)
            {
                var mutation = MutationCatalogue.All[i];
                if (mutation.AppliesTo(truth))
                {
                    var format = Renderings.All[(reports + i) % Renderings.All.Count];
                    writer.Write($"{name}-{mutation.Slug}", mutation.Apply(truth, VariantSeeds.For(truth.Seed, i)), [format]);
                }
            }

            reports++;
        }

        return reports;
    }

    /// <summary>
    /// Reports from consecutive seeds, skipping a seed whose body already appeared: two reports
    /// of one body would bring the cross-report rules (X-CARRY, X-DUPLICATE) into play. When the
    /// names run out, repeats are let through rather than looping for ever.
    /// </summary>
    public static IEnumerable<ReportTruth> Reports(int firstSeed, int count)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var produced = 0;
        for (var seed = firstSeed; produced < count; seed++)
        {
            var truth = TruthFactory.Create(seed);
            if (seen.Add(truth.Agency) || seed - firstSeed >= count * 20)
            {
                produced++;
                yield return truth;
            }
        }
    }
}

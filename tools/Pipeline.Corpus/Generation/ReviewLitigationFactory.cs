using Pipeline.Corpus.Truth;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Generation;

/// <summary>Table 四: per group, four results drawn small and a total that is their sum.</summary>
public static class ReviewLitigationFactory
{
    public static IReadOnlyList<string> Parts { get; } =
        ReviewLitigationSchema.Columns.Select(c => c.Key).Where(k => k != "total").ToList();

    public static TruthTable Create(Random rng, bool withCases)
    {
        var values = new Dictionary<(string Group, string Part), int>();
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            // Review is the commonest remedy; suing after a review the rarest.
            var chance = group.Key switch { "review" => 0.7, "litigationDirect" => 0.4, _ => 0.25 };
            var active = withCases && rng.Chance(chance);
            foreach (var part in Parts)
            {
                values[(group.Key, part)] = active ? rng.Next(0, 3) : 0;
            }
        }

        if (withCases && values.Values.All(v => v == 0))
        {
            values[("review", "upheld")] = 1;
        }

        var builder = new TruthTableBuilder();
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            foreach (var part in Parts)
            {
                builder.Set(group.Key, part, values[(group.Key, part)]);
            }

            builder.Set(group.Key, "total", Parts.Sum(p => values[(group.Key, p)]));
        }

        return builder.Build();
    }
}

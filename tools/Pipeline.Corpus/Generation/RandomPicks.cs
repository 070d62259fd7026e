namespace Pipeline.Corpus.Generation;

/// <summary>The few ways the generator draws from its seeded <see cref="Random"/>.</summary>
public static class RandomPicks
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>An index drawn with the given weights (all non-negative, at least one positive).</summary>
    public static int PickWeighted(this Random rng, IReadOnlyList<int> weights)
    {
        var draw = rng.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Weights must contain a positive value.");
    }
}

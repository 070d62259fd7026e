namespace Pipeline.Corpus.Cli;

/// <summary>The seed a mutation draws from: fixed by the report's seed and the mutation's place, so re-runs agree.</summary>
public static class VariantSeeds
{
    public static Random For(int seed, int index) => new(unchecked((seed * 7919) + index + 1));
}

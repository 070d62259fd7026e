namespace Pipeline.Cli;

/// <summary>Nearest-rank percentiles of the benches' timings.</summary>
public static class Percentile
{
    /// <summary>The value at or below which a share <paramref name="p"/> of the values lie (they need not be sorted).</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

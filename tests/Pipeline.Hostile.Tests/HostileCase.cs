namespace Pipeline.Hostile.Tests;

/// <summary>
/// One kind of hostile input: how to make it in a folder, and what the checker must answer. The expectations
/// are written here by hand from what the input is, not taken from the checker's code.
/// </summary>
/// <param name="Kind">A short name, used in the test's name and the table.</param>
/// <param name="Make">Builds the input in the given folder and returns the paths to pass to <c>check</c>.</param>
/// <param name="Verdict">The expected verdict of every result, or null when no result is expected (usage errors).</param>
/// <param name="Reason">Fragments one of which the reason (or, without a result, standard error) must contain.</param>
/// <param name="ExitCode">The expected exit code.</param>
public sealed record HostileCase(string Kind, Func<string, IReadOnlyList<string>> Make, string? Verdict, IReadOnlyList<string> Reason, int ExitCode)
{
    /// <summary>Environment for the run (a short deadline).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How many results the run must give; null for one per path given.</summary>
    public int? Results { get; init; }

    /// <summary>Whether the file belongs in the batch of every hostile file (a folder of 10,000 files, a timeout setting do not).</summary>
    public bool InBatch { get; init; } = true;

    public override string ToString() => Kind;
}

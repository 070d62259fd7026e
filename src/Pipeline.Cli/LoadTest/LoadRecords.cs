using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Cli.LoadTest;

/// <summary>
/// What a side's store holds for the run's inputs, read by keys: exactly one record per input's office (each input
/// has an office of its own), and which of them failed or could not be read, as each side's mail is checked against.
/// </summary>
public sealed record LoadRecords(int Count, IReadOnlyList<(LoadInput Input, ReportKey Key)> Failing, IReadOnlyDictionary<string, int> Verdicts, IReadOnlyList<string> Problems)
{
    public static async Task<LoadRecords> ReadAsync(IReportStore store, IReadOnlyList<LoadInput> inputs, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var failing = new List<(LoadInput, ReportKey)>();
        var verdicts = new List<Verdict>();
        var count = 0;
        foreach (var input in inputs)
        {
            var keys = await store.ListKeysAsync(input.Office, cancellationToken);
            count += keys.Count;
            if (keys.Count != 1)
            {
                problems.Add($"{input.Office}/{input.Name}：应有 1 条记录，实有 {keys.Count} 条");
                continue;
            }

            verdicts.Add(keys[0].Verdict);
            if (keys[0].Verdict is Verdict.Failed or Verdict.Unreadable)
            {
                failing.Add((input, keys[0]));
            }
        }

        var byVerdict = verdicts.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());
        return new LoadRecords(count, failing, byVerdict, problems);
    }

    /// <summary>The tally of the side, with the problems its mail check found added to these.</summary>
    public LoadTally Tally(int emails, IEnumerable<string> mailProblems) => new(Count, Failing.Count, emails, Verdicts, [.. Problems, .. mailProblems]);
}

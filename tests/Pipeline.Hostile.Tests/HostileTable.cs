using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Pipeline.Hostile.Tests;

/// <summary>
/// Gathers each kind's time, peak memory and message while the tests run, and writes them as one Markdown table
/// when the test run ends: to <c>$HOSTILE_TABLE</c> if set, else <c>hostile-table.md</c> beside the test assembly.
/// </summary>
public sealed class HostileTable : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _rows = new();

    public static string OutputPath =>
        Environment.GetEnvironmentVariable("HOSTILE_TABLE") is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "hostile-table.md");

    public void Add(string kind, TreeUsage usage, string message) =>
        _rows[kind] = string.Create(
            CultureInfo.InvariantCulture,
            $"| {kind} | {usage.ExitCode} | {usage.Wall.TotalSeconds:0.0} | {usage.PeakSampledBytes / 1048576.0:0} | {usage.PeakBoundBytes / 1048576.0:0} | {message.Replace('|', '/').Replace('\n', ' ')} |");

    public void Dispose()
    {
        if (_rows.IsEmpty)
        {
            return;
        }

        var text = new StringBuilder()
            .AppendLine("| kind | exit | wall s | peak MB (sampled sum) | peak MB (sum of VmHWM, bound) | message |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            text.AppendLine(row.Value);
        }

        File.WriteAllText(OutputPath, text.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileTable>
{
    public const string Name = "hostile";
}

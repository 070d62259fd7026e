using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Cli;
using Pipeline.Model.Results;

namespace Pipeline.Tests.Samples;

/// <summary>
/// Checks a folder of reports with known truth (index.json beside them): every cell the truth
/// holds must be read exactly, and the verdict and the rules that fire must be the expected ones.
/// </summary>
public static class CorpusRoundTrip
{
    private static readonly ReportChecker Checker = ReaderSet.CreateChecker();

    public static IEnumerable<string> Entries(string folder)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "index.json")));
        return index.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()!).ToList();
    }

    /// <summary>Every difference between what was read and the truth; empty when all agree.</summary>
    public static IReadOnlyList<string> Differences(string folder, string file)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "index.json")));
        var entry = index.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, entry.GetProperty("truth").GetString()!)));
        using var stream = File.OpenRead(Path.Combine(folder, file));
        var result = Checker.Check(file, stream);

        var differences = new List<string>();
        var verdict = entry.GetProperty("expectedVerdict").GetString();
        var actualVerdict = JsonSerializer.Serialize(result.Verdict).Trim('"');
        if (verdict != actualVerdict)
        {
            differences.Add($"verdict {actualVerdict}, expected {verdict}");
        }

        var expectedRules = entry.GetProperty("expectedRules").EnumerateArray().Select(r => r.GetString()!).Order().ToList();
        var firedRules = result.Findings.Where(f => f.IsViolation).Select(f => f.Rule).Distinct().Order().ToList();
        if (!expectedRules.SequenceEqual(firedRules))
        {
            differences.Add($"rules [{string.Join(", ", firedRules)}], expected [{string.Join(", ", expectedRules)}]");
        }

        differences.AddRange(TruthComparison.Of(result, truth.RootElement).WrongCells);
        return differences;
    }
}

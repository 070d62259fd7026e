using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Truth;

namespace Pipeline.Corpus.Independent;

/// <summary>
/// Runs the product as a user does (`pipeline check --json`, a separate process) over a generated folder and
/// scores it against the truth files: cells read right, verdicts, false failures, injected errors passed, and
/// numbers read wrong with confidence, by kind and by fault.
/// </summary>
public static class Bench
{
    private const double Threshold = 0.9;

    public sealed record Score(string Name, string Kind, string Fault, int Cells, int Right, int SureWrong, string Expected, string Verdict, bool VerdictOk, bool FalseFailure, bool InjectedPassed, IReadOnlyList<string> Wrong);

    public static IReadOnlyList<Score> Run(string folder, string pipeline)
    {
        var start = new ProcessStartInfo(pipeline) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "check", "--json", folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
        var scores = new List<Score>();
        foreach (var result in results)
        {
            var name = result.GetProperty("source").GetProperty("name").GetString()!;
            var truthPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(name) + ".truth.json");
            if (!File.Exists(truthPath))
            {
                continue;
            }

            using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
            scores.Add(Judge(name, result, truth.RootElement));
        }

        return scores;
    }

    /// <summary>One result against its truth. An injected error is caught when the report fails on its rule, or goes to review; a warning must be named.</summary>
    public static Score Judge(string name, JsonElement result, JsonElement truth)
    {
        var comparison = TruthComparison.Of(result, truth);
        var rendering = truth.GetProperty("rendering");
        var expected = truth.GetProperty("expectedVerdict").GetString()!;
        var verdict = result.GetProperty("verdict").GetString()!;
        var rules = truth.GetProperty("expectedRules").EnumerateArray().Select(r => r.GetString()!).ToList();
        var findings = result.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("checked").GetBoolean())
            .Select(f => f.GetProperty("rule").GetString()!).ToHashSet();
        var named = rules.All(findings.Contains);
        var ok = expected switch
        {
            "failed" => (verdict == "failed" && named) || verdict == "needsReview",
            _ => verdict == "passed" && named,
        };
        var sureWrong = comparison.WrongCells.Count(w =>
        {
            var address = w[..w.IndexOf(':', StringComparison.Ordinal)];
            return result.GetProperty("cells").TryGetProperty(address, out var cell) && cell.GetProperty("confidence").GetDouble() >= Threshold;
        });
        return new Score(
            name,
            rendering.GetProperty("kind").GetString()!,
            rendering.GetProperty("fault").GetString()!,
            comparison.Cells,
            comparison.CellsRight,
            sureWrong,
            expected,
            verdict,
            ok,
            expected == "passed" && verdict == "failed",
            expected == "failed" && verdict == "passed",
            [.. comparison.WrongCells, .. ok ? Array.Empty<string>() : [$"verdict {verdict}, expected {expected} on {string.Join(',', rules)}"]]);
    }

    public static string Report(IReadOnlyList<Score> scores, bool listWrong)
    {
        JsonObject Group(IEnumerable<Score> group) => new()
        {
            ["files"] = group.Count(),
            ["cells"] = group.Sum(s => s.Cells),
            ["cellsRight"] = group.Sum(s => s.Right),
            ["cellAccuracy"] = group.Sum(s => s.Cells) == 0 ? 1 : Math.Round((double)group.Sum(s => s.Right) / group.Sum(s => s.Cells), 5),
            ["sureButWrong"] = group.Sum(s => s.SureWrong),
            ["verdictsRight"] = group.Count(s => s.VerdictOk),
            ["falseFailures"] = group.Count(s => s.FalseFailure),
            ["injectedPassed"] = group.Count(s => s.InjectedPassed),
            ["needsReview"] = group.Count(s => s.Verdict == "needsReview"),
        };
        var report = new JsonObject
        {
            ["all"] = Group(scores),
            ["byKind"] = new JsonObject(scores.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Group(g)))),
            ["byFault"] = new JsonObject(scores.Where(s => s.Kind.StartsWith("scan", StringComparison.Ordinal)).GroupBy(s => s.Fault).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Group(g)))),
        };
        if (listWrong)
        {
            report["wrong"] = new JsonObject(scores.Where(s => s.Wrong.Count > 0).Select(s => KeyValuePair.Create(s.Name, (JsonNode?)new JsonArray([.. s.Wrong.Select(w => JsonValue.Create(w))]))));
        }

        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

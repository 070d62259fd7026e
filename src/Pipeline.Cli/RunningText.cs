using System.Text.Json;
using Pipeline.Model.Reports;

namespace Pipeline.Cli;

/// <summary>
/// A report's running text against its truth, section by section: the characters of the truth's sections and
/// the edits (insertions, deletions, substitutions) that turn them into what was read; whitespace is left out
/// of both. A section not found counts as wholly wrong. With the least confidence any paragraph was read with.
/// </summary>
internal sealed record RunningText(int Characters, int Errors, double Confidence)
{
    public static readonly RunningText None = new(0, 0, 1);

    public static RunningText Compare(JsonElement truth, AnnualReport? report)
    {
        if (report is null || !truth.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        int characters = 0, errors = 0;
        foreach (var section in sections.EnumerateObject())
        {
            var expected = Compact(section.Value.GetString() ?? "");
            var read = Compact(report.Section(section.Name)?.Text ?? "");
            characters += expected.Length;
            errors += Distance(expected, read);
        }

        return new RunningText(characters, errors, report.TextConfidence);
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Levenshtein distance, two rows at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

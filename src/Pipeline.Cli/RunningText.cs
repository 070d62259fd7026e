using System.Text.Json;
using Pipeline.Model.Reports;

namespace Pipeline.Cli;

/// <summary>
/// A report's running text against its truth, section by section: the characters of the truth's sections and
/// the edits (insertions, deletions, substitutions) that turn them into what was read; whitespace is left out
/// of both. A section not found counts as wholly wrong. The signature and date that close the report are read
/// into its last section but are not in the truth's; they are left out. With the least confidence any paragraph
/// was read with.
/// </summary>
internal sealed partial record RunningText(int Characters, int Errors, double Confidence)
{
    public static readonly RunningText None = new(0, 0, 1);

    public static RunningText Compare(JsonElement truth, AnnualReport? report)
    {
        if (report is null || !truth.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Object)
        {
            return None;
        }

        var signature = truth.TryGetProperty("signature", out var signed) ? Compact(signed.GetString() ?? "") : "";
        int characters = 0, errors = 0;
        foreach (var section in sections.EnumerateObject())
        {
            var expected = Compact(section.Value.GetString() ?? "");
            var read = Compact(WithoutClosing(report.Section(section.Name)?.Text ?? "", signature));
            characters += expected.Length;
            errors += Distance(expected, read);
        }

        return new RunningText(characters, errors, report.TextConfidence);
    }

    /// <summary>The text without the closing lines it ends with: the signature as printed, and a date line.</summary>
    private static string WithoutClosing(string text, string signature)
    {
        var lines = text.Split('\n').ToList();
        while (lines.Count > 0 && (Compact(lines[^1]) == signature || Compact(lines[^1]).Length == 0 || DateLine().IsMatch(Compact(lines[^1]))))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\S{4}年\S{1,3}月\S{1,3}日$")]
    private static partial System.Text.RegularExpressions.Regex DateLine();

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

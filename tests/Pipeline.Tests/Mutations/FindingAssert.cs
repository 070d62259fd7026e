using Pipeline.Model.Results;

namespace Pipeline.Tests.Mutations;

/// <summary>Asserts that a result holds exactly the expected violations, no more, no fewer.</summary>
public static class FindingAssert
{
    /// <summary>
    /// The checked errors and warnings (Finding.IsViolation) must pair off one to one with
    /// <paramref name="expected"/>; and the verdict follows from them: failed for an error,
    /// passed for warnings only (text input is read with full confidence).
    /// </summary>
    public static void Exactly(CheckResult result, IEnumerable<ExpectedFinding> expected)
    {
        var wanted = expected.ToList();
        Exactly(result.Findings, wanted);
        var verdict = wanted.Any(e => e.Severity == Severity.Error) ? Verdict.Failed : Verdict.Passed;
        Assert.Equal(verdict, result.Verdict);
    }

    /// <summary>The findings that are violations, or that send a report to review, pair off one to one with <paramref name="expected"/>.</summary>
    public static void Exactly(IReadOnlyList<Finding> findings, IReadOnlyList<ExpectedFinding> expected)
    {
        var wanted = expected.ToList();
        var unmatched = findings.Where(f => f.IsViolation || f.Severity == Severity.Review).ToList();
        var missing = new List<ExpectedFinding>();
        foreach (var e in wanted)
        {
            var hit = unmatched.FirstOrDefault(e.Matches);
            if (hit is null)
            {
                missing.Add(e);
            }
            else
            {
                unmatched.Remove(hit);
            }
        }

        if (missing.Count > 0 || unmatched.Count > 0)
        {
            Assert.Fail(
                "Violations differ.\nExpected but not found:\n  " + string.Join("\n  ", missing)
                + "\nFound but not expected:\n  " + string.Join("\n  ", unmatched.Select(Describe))
                + "\nAll findings:\n  " + string.Join("\n  ", findings.Select(Describe)));
        }
    }

    /// <summary>An unchecked note: info severity, Checked false, naming these cells.</summary>
    public static void Unchecked(CheckResult result, string rule, IReadOnlyList<string> cells)
    {
        var notes = result.Findings.Where(f => f.Rule == rule && !f.Checked).ToList();
        Assert.True(
            notes.Any(f => f.Severity == Severity.Info && f.Cells.Order(StringComparer.Ordinal).SequenceEqual(cells.Order(StringComparer.Ordinal))),
            $"no unchecked {rule} note on [{string.Join(", ", cells)}]; found:\n  " + string.Join("\n  ", notes.Select(Describe)));
    }

    public static string Describe(Finding f) =>
        $"{f.Rule} ({f.Severity}{(f.Checked ? string.Empty : ", unchecked")}) [{string.Join(", ", f.Cells)}] expected={f.Expected} actual={f.Actual} {f.Message}";
}

using Pipeline.Model.Results;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// A checked error or warning a test expects: its rule, exactly the cells it names, and the
/// numbers where the rule has them. The severity is the rule's default unless stated.
/// </summary>
public sealed record ExpectedFinding(string Rule, IReadOnlyList<string> Cells, decimal? Expected = null, decimal? Actual = null)
{
    /// <summary>Words the Chinese message must contain: the rule's cells, numbers or quoted text.</summary>
    public IReadOnlyList<string> MessageParts { get; init; } = [];

    public Severity Severity { get; init; } = DefaultSeverity(Rule);

    public bool Matches(Finding finding) =>
        finding.Rule == Rule
        && finding.Severity == Severity
        && finding.Cells.Order(StringComparer.Ordinal).SequenceEqual(Cells.Order(StringComparer.Ordinal))
        && finding.Expected == Expected
        && finding.Actual == Actual
        && MessageParts.All(p => finding.Message.Contains(p, StringComparison.Ordinal));

    public override string ToString() =>
        $"{Rule} ({Severity}) [{string.Join(", ", Cells)}] expected={Expected} actual={Actual} message⊇[{string.Join(" | ", MessageParts)}]";

    /// <summary>The spec's default severities.</summary>
    public static Severity DefaultSeverity(string rule) => rule switch
    {
        "DOC-VINTAGE" or "DOC-LATE" => Severity.Warning,
        _ when rule.StartsWith("TXT-", StringComparison.Ordinal) => Severity.Warning,
        "EXT-CONFIDENCE" => Severity.Review,
        _ => Severity.Error,
    };
}

using Pipeline.Model.Results;

namespace Pipeline.Rules;

/// <summary>Every finding about a report, and the verdict they lead to.</summary>
public sealed record Validation(IReadOnlyList<Finding> Findings, Verdict Verdict);

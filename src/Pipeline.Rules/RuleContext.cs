using Pipeline.Model.Reports;

namespace Pipeline.Rules;

/// <summary>What a rule may look at: the mapped report and the rules file's settings.</summary>
public sealed record RuleContext(AnnualReport Report, RuleSettings Settings);

/// <summary>Settings of the rules file that are not a single rule's.</summary>
public sealed record RuleSettings(double ConfidenceThreshold = 0.9);

using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>A stored report with the decisions people took on it: the verdict that stands, and each finding's latest decision.</summary>
public sealed record ReportReview(StoredReport Report, IReadOnlyList<ReviewDecision> Decisions)
{
    /// <summary>The latest settlement of the report, if any.</summary>
    public ReviewDecision? Settlement =>
        Decisions.LastOrDefault(d => d.Fingerprint is null && d.Action is DecisionAction.SettleFailed or DecisionAction.SettlePassed);

    /// <summary>
    /// The verdict that stands: a settlement holds while the check still asks for review (or agrees with
    /// it); a re-check that reaches a clear verdict of its own is not overruled by an older settlement.
    /// </summary>
    public Verdict Verdict => ReviewOrder.Standing(Report.Verdict, Settlement?.Action);

    /// <summary>
    /// A person may settle it while the check asks for review. Settling as failed records the verdict on the
    /// report (so its failure email can go out), after which it is settled for good.
    /// </summary>
    public bool Settleable => Report.Verdict == Verdict.NeedsReview;

    public ReviewDecision? DecisionOn(Finding finding)
    {
        var fingerprint = FindingFingerprint.Of(finding);
        return Decisions.LastOrDefault(d => d.Fingerprint == fingerprint);
    }
}

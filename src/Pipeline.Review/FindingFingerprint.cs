using Pipeline.Model.Results;

namespace Pipeline.Review;

/// <summary>
/// What identifies a finding across re-processing: its rule and its cells (order aside). The numbers may
/// change with a better reading; the decision is about that rule on those cells.
/// </summary>
public static class FindingFingerprint
{
    public static string Of(Finding finding) =>
        finding.Rule + ":" + string.Join(",", finding.Cells.Order(StringComparer.Ordinal));
}

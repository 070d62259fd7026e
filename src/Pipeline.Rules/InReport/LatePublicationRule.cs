using System.Text.RegularExpressions;

namespace Pipeline.Rules.InReport;

/// <summary>
/// DOC-LATE: 条例 第四十九条 — departments publish by 31 January of the next year; a government's
/// own all-government report by 31 March.
/// </summary>
public sealed partial class LatePublicationRule : IRule
{
    public string Id => "DOC-LATE";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var report = context.Report;
        if (report.Published is not { } published || report.Year is not int year)
        {
            yield return RuleHit.CannotCheck([], "报告末尾未印发布日期");
            yield break;
        }

        var wholeGovernment = report.Agency is { } agency && WholeGovernment().IsMatch(agency);
        var deadline = wholeGovernment ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);
        if (published > deadline)
        {
            yield return RuleHit.Message(
                RuleHit.Default,
                [],
                ("published", published.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)),
                ("deadline", deadline.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)),
                ("days", published.DayNumber - deadline.DayNumber));
        }
    }

    /// <summary>A people's government itself, not one of its departments.</summary>
    [GeneratedRegex(@"^[^局委办厅]*(人民政府|政府)$")]
    private static partial Regex WholeGovernment();
}

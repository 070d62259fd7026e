using System.Text.RegularExpressions;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Rules.Text;

/// <summary>
/// TXT-FEES: when table 三 shows applications dropped for unpaid fees, or the text speaks of
/// charging, section 六 states the 信息处理费 charged (or that none was).
/// </summary>
public sealed partial class FeesTextRule : IRule
{
    public string Id => "TXT-FEES";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        var report = context.Report;
        var feeUnpaid = report.Applications?.Get("otherHandling.feeUnpaid", ApplicationsSchema.Total)?.Number ?? 0;
        var elsewhere = report.Sections.Where(s => s.Key != "other").Select(s => ChineseText.Fold(s.Text)).FirstOrDefault(t => Charging().IsMatch(t));
        if (feeUnpaid <= 0 && elsewhere is null)
        {
            yield break;
        }

        var reason = feeUnpaid > 0 ? $"表三“申请人逾期未按收费通知要求缴纳费用”总计为{feeUnpaid}" : "正文提到收费";
        var cells = feeUnpaid > 0 ? new[] { ReportTable.Address(TableKeys.Applications, "otherHandling.feeUnpaid", ApplicationsSchema.Total) } : [];
        if (report.Section("other") is not { } other)
        {
            yield return RuleHit.CannotCheck(cells, $"{reason}，但报告缺少第六部分“其他需要报告的事项”");
            yield break;
        }

        if (!FeeStatement().IsMatch(ChineseText.Fold(other.Text)))
        {
            yield return RuleHit.Message(RuleHit.Default, cells, ("reason", reason));
        }
    }

    /// <summary>Charging for information, not the 行政事业性收费 item of table 二.</summary>
    [GeneratedRegex(@"信息处理费|收取[^,。]{0,6}费用?|(?<!事业性)收费")]
    private static partial Regex Charging();

    [GeneratedRegex(@"信息处理费|收取[^,。]{0,6}费|收费|费用")]
    private static partial Regex FeeStatement();
}

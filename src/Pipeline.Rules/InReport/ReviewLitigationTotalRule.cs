using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T4-GROUP-TOTAL: in each group of table 四, 维持 + 纠正 + 其他 + 尚未审结 = 总计.</summary>
public sealed class ReviewLitigationTotalRule : IRule, ITableIdentities
{
    public string Id => "T4-GROUP-TOTAL";

    public IEnumerable<RuleHit> Check(RuleContext context) => Identities(context.Report).Select(i => i.Check()).OfType<RuleHit>();

    public IEnumerable<SumIdentity> Identities(AnnualReport report)
    {
        if (report.ReviewLitigation is not { } table)
        {
            yield break;
        }

        var parts = ReviewLitigationSchema.Columns.Where(c => c.Key != "total").Select(c => c.Key).ToList();
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            yield return new SumIdentity(table, parts.Select(c => (group.Key, c)).ToList(), [(group.Key, "total")], ("group", ReviewLitigationSchema.GroupLabel(group.Key)));
        }
    }
}

using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T4-GROUP-TOTAL: in each group of table 四, 维持 + 纠正 + 其他 + 尚未审结 = 总计.</summary>
public sealed class ReviewLitigationTotalRule : IRule
{
    public string Id => "T4-GROUP-TOTAL";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        if (context.Report.ReviewLitigation is not { } table)
        {
            yield break;
        }

        var parts = ReviewLitigationSchema.Columns.Where(c => c.Key != "total").Select(c => c.Key).ToList();
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            var identity = new SumIdentity(table, parts.Select(c => (group.Key, c)).ToList(), [(group.Key, "total")]);
            if (identity.Check(("group", ReviewLitigationSchema.GroupLabel(group.Key))) is { } hit)
            {
                yield return hit;
            }
        }
    }
}

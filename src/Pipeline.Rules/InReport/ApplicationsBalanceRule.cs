using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T3-BALANCE, the official identity: 第一项加第二项之和，等于第三项加第四项之和, in every column.</summary>
public sealed class ApplicationsBalanceRule : IRule
{
    public string Id => "T3-BALANCE";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        if (context.Report.Applications is not { } table)
        {
            yield break;
        }

        foreach (var column in ApplicationsSchema.Columns)
        {
            var identity = new SumIdentity(
                table,
                [("newReceived", column.Key), ("carriedOver", column.Key)],
                [("resultTotal", column.Key), ("carriedForward", column.Key)]);
            if (identity.Check(("column", column.Label)) is { } hit)
            {
                yield return hit;
            }
        }
    }
}

using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T3-BALANCE, the official identity: 第一项加第二项之和，等于第三项加第四项之和, in every column.</summary>
public sealed class ApplicationsBalanceRule : IRule, ITableIdentities
{
    public string Id => "T3-BALANCE";

    public IEnumerable<RuleHit> Check(RuleContext context) => Identities(context.Report).Select(i => i.Check()).OfType<RuleHit>();

    public IEnumerable<SumIdentity> Identities(AnnualReport report)
    {
        if (report.Applications is not { } table)
        {
            yield break;
        }

        foreach (var column in ApplicationsSchema.Columns)
        {
            yield return new SumIdentity(
                table,
                [("newReceived", column.Key), ("carriedOver", column.Key)],
                [("resultTotal", column.Key), ("carriedForward", column.Key)],
                ("column", column.Label));
        }
    }
}

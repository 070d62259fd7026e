using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T3-ROW-TOTAL: in every row of table 三, the six applicant columns add up to 总计.</summary>
public sealed class ApplicationsRowTotalRule : IRule, ITableIdentities
{
    public string Id => "T3-ROW-TOTAL";

    public IEnumerable<RuleHit> Check(RuleContext context) => Identities(context.Report).Select(i => i.Check()).OfType<RuleHit>();

    public IEnumerable<SumIdentity> Identities(AnnualReport report)
    {
        if (report.Applications is not { } table)
        {
            yield break;
        }

        var parts = ApplicationsSchema.Columns.Where(c => c.Key != ApplicationsSchema.Total).Select(c => c.Key).ToList();
        foreach (var row in table.RowKeys)
        {
            yield return new SumIdentity(table, parts.Select(c => (row, c)).ToList(), [(row, ApplicationsSchema.Total)], ("row", CellNames.Row(table.Key, row)));
        }
    }
}

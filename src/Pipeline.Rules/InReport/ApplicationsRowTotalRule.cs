using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T3-ROW-TOTAL: in every row of table 三, the six applicant columns add up to 总计.</summary>
public sealed class ApplicationsRowTotalRule : IRule
{
    public string Id => "T3-ROW-TOTAL";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        if (context.Report.Applications is not { } table)
        {
            yield break;
        }

        var parts = ApplicationsSchema.Columns.Where(c => c.Key != ApplicationsSchema.Total).Select(c => c.Key).ToList();
        foreach (var row in table.RowKeys)
        {
            var identity = new SumIdentity(table, parts.Select(c => (row, c)).ToList(), [(row, ApplicationsSchema.Total)]);
            if (identity.Check(("row", CellNames.Row(table.Key, row))) is { } hit)
            {
                yield return hit;
            }
        }
    }
}

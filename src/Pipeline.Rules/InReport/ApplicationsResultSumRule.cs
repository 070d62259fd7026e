using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>T3-RESULT-SUM: in every column, （七）总计 is the sum of the result rows （一） to （六）.</summary>
public sealed class ApplicationsResultSumRule : IRule, ITableIdentities
{
    public string Id => "T3-RESULT-SUM";

    public IEnumerable<RuleHit> Check(RuleContext context) => Identities(context.Report).Select(i => i.Check()).OfType<RuleHit>();

    public IEnumerable<SumIdentity> Identities(AnnualReport report)
    {
        if (report.Applications is not { } table)
        {
            yield break;
        }

        // The rows of the format the table is printed in: （六） is one row in 2019, three in 2021.
        var vintage = table.HasRow("otherHandling") && !table.RowKeys.Any(r => r.StartsWith("otherHandling.", StringComparison.Ordinal))
            ? Vintage.Format2019
            : Vintage.Format2021;
        var rows = ApplicationsSchema.ResultRows(vintage).ToList();
        foreach (var column in ApplicationsSchema.Columns)
        {
            yield return new SumIdentity(table, rows.Select(r => (r, column.Key)).ToList(), [("resultTotal", column.Key)], ("column", column.Label));
        }
    }
}

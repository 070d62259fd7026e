using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>
/// An identity "sum of these cells = sum of those cells" over one table, shared by the
/// T3-* and T4-* rules. It holds, breaks (a hit with both sums), or cannot be checked.
/// </summary>
internal sealed record SumIdentity(ReportTable Table, IReadOnlyList<(string Row, string Column)> Left, IReadOnlyList<(string Row, string Column)> Right)
{
    public RuleHit? Check(params (string Name, object? Value)[] arguments)
    {
        var addresses = Left.Concat(Right).Select(c => ReportTable.Address(Table.Key, c.Row, c.Column)).ToList();
        var unreadable = Left.Concat(Right)
            .Where(c => Table.Get(c.Row, c.Column)?.Number is null)
            .Select(c => ReportTable.Address(Table.Key, c.Row, c.Column))
            .ToList();
        if (unreadable.Count > 0)
        {
            return RuleHit.CannotCheck(unreadable, string.Join("、", unreadable.Select(CellNames.Cell)));
        }

        var left = Left.Sum(c => Table.Get(c.Row, c.Column)!.Number!.Value);
        var right = Right.Sum(c => Table.Get(c.Row, c.Column)!.Number!.Value);
        return left == right ? null : RuleHit.Of(addresses, left, right, arguments);
    }
}

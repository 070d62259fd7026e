using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>
/// An identity "sum of these cells = sum of those cells" over one table, shared by the T3-* and T4-* rules and
/// by the reading of scans, where a number the table's identities confirm needs no second model. It holds,
/// breaks (a hit with both sums), or cannot be checked. <see cref="Place"/> names the row, column or group in
/// the rule's message.
/// </summary>
public sealed record SumIdentity(
    ReportTable Table,
    IReadOnlyList<(string Row, string Column)> Left,
    IReadOnlyList<(string Row, string Column)> Right,
    (string Name, object? Value) Place)
{
    /// <summary>The addresses of every cell the identity rests on.</summary>
    public IReadOnlyList<string> Cells => [.. Left.Concat(Right).Select(c => ReportTable.Address(Table.Key, c.Row, c.Column))];

    /// <summary>Whether every cell was read as a number and the two sums agree.</summary>
    public bool Holds => Check() is null;

    public RuleHit? Check()
    {
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
        return left == right ? null : RuleHit.Of(Cells, left, right, Place);
    }
}

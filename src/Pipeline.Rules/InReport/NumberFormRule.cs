using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>NUM-FORM: counts are non-negative integers, money a non-negative decimal, change a signed integer.</summary>
public sealed class NumberFormRule : IRule
{
    public string Id => "NUM-FORM";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        foreach (var table in new[] { context.Report.ActiveDisclosure, context.Report.Applications, context.Report.ReviewLitigation })
        {
            if (table is null)
            {
                continue;
            }

            foreach (var cell in table.AllCells.Where(c => !c.IsBlank))
            {
                var kind = table.Key == TableKeys.ActiveDisclosure
                    ? ActiveDisclosureSchema.KindOf(CellNames.Split(cell.Address).Column)
                    : ValueKind.Count;
                if (Problem(cell, kind) is { } problem)
                {
                    yield return RuleHit.Message(problem, [cell.Address], ("cell", CellNames.Cell(cell.Address)), ("text", cell.RawText));
                }
            }
        }
    }

    private static string? Problem(CellValue cell, ValueKind kind) => (cell.Number, kind) switch
    {
        (null, ValueKind.SignedCount) => "notSigned",
        (null, ValueKind.Money) => "notMoney",
        (null, _) => RuleHit.Default,
        ({ } n, ValueKind.Count) when n < 0 || n != decimal.Truncate(n) => RuleHit.Default,
        ({ } n, ValueKind.SignedCount) when n != decimal.Truncate(n) => "notSigned",
        ({ } n, ValueKind.Money) when n < 0 => "notMoney",
        _ => null,
    };
}

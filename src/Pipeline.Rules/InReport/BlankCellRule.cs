using Pipeline.Model.Reports;
using Pipeline.Model.Schema;

namespace Pipeline.Rules.InReport;

/// <summary>CELL-BLANK: no cell of tables 三 and 四 is blank, "/", "-" or "无"; an honest zero is written 0.</summary>
public sealed class BlankCellRule : IRule
{
    public string Id => "CELL-BLANK";

    public IEnumerable<RuleHit> Check(RuleContext context)
    {
        foreach (var table in new[] { context.Report.Applications, context.Report.ReviewLitigation })
        {
            if (table is null)
            {
                continue;
            }

            foreach (var row in table.RowKeys)
            {
                var blanks = table.Row(row).Values.Where(c => c.IsBlank).ToList();
                if (blanks.Count > 0)
                {
                    yield return RuleHit.Message(
                        RuleHit.Default,
                        blanks.Select(c => c.Address).ToList(),
                        ("table", CellNames.Short(table.Key)),
                        ("row", CellNames.Row(table.Key, row)),
                        ("columns", string.Join("、", blanks.Select(c => $"“{CellNames.Column(table.Key, CellNames.Split(c.Address).Column, row)}”（{Shown(c)}）"))));
                }
            }
        }
    }

    private static string Shown(CellValue cell) => cell.RawText.Length == 0 ? "空白" : cell.RawText;
}
